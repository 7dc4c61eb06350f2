package org.crimeanalytics.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DistinctRowsTest {

    @Test
    void distinctRowsInFirstOccurrenceOrderWithTheirCountsAndEachRowsIndex() {
        // rows: (1,2) (3,4) (1,2) (0,0) (-0,0) (NaN,5) (3,4) (NaN,5) (1,2); equal = same bits: -0 is not 0, NaN is NaN
        double nan = Double.NaN;
        double[] x = {1, 2, 3, 4, 1, 2, 0, 0, -0.0, 0, nan, 5, 3, 4, nan, 5, 1, 2};
        DistinctRows u = DistinctRows.of(x, 2);
        assertEquals(5, u.size());
        assertArrayEquals(new double[] {1, 2, 3, 4, 0, 0, -0.0, 0, nan, 5}, u.data());
        assertArrayEquals(new double[] {3, 2, 1, 1, 2}, u.weights());
        assertArrayEquals(new int[] {0, 1, 0, 2, 3, 4, 1, 4, 0}, u.rowOf());
    }

    @Test
    void manyRowsOfOneColumn() {
        int n = 200_000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = (i * 7919L) % 50_021; // 50,021 distinct values, first seen in row order
        DistinctRows u = DistinctRows.of(x, 1);
        assertEquals(50_021, u.size());
        double total = 0;
        for (double w : u.weights()) total += w;
        assertEquals(n, total, 0);
        for (int i = 0; i < n; i++) assertEquals(x[i], u.data()[u.rowOf()[i]], 0, "row " + i);
        // 7919 and 50,021 are coprime: rows 0..50,020 are the distinct values, in that order
        for (int j = 0; j < u.size(); j++) assertEquals(j, u.rowOf()[j]);
    }

}
