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

    @Test
    void sameAsALinkedHashMapOfTheRowsBitsThroughManyTableGrowths() {
        // 3 values a row drawn from a few bit patterns (NaN, -0.0 and 0.0 among them): 20 k rows, some 9 k distinct,
        // so the table grows from 1,024 slots several times; the reference keys each row by its doubleToLongBits
        double[] values = {0.0, -0.0, Double.NaN, 1, -1, 2.5, 1e-300, Double.POSITIVE_INFINITY, 7, 8, 9, 10, 11, 12, 13, 14, 15,
            16, 17, 18, 19, 20, 21};
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        int n = 20_000, d = 3;
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = values[rnd.nextInt(values.length)];
        java.util.Map<java.util.List<Long>, Integer> index = new java.util.LinkedHashMap<>();
        java.util.List<Integer> counts = new java.util.ArrayList<>();
        int[] rowOf = new int[n];
        for (int i = 0; i < n; i++) {
            java.util.List<Long> key = new java.util.ArrayList<>();
            for (int t = 0; t < d; t++) key.add(Double.doubleToLongBits(x[i * d + t]));
            Integer j = index.get(key);
            if (j == null) {
                j = index.size();
                index.put(key, j);
                counts.add(0);
            }
            counts.set(j, counts.get(j) + 1);
            rowOf[i] = j;
        }
        DistinctRows u = DistinctRows.of(x, d);
        assertEquals(index.size(), u.size());
        org.junit.jupiter.api.Assertions.assertTrue(u.size() > 4_000, "the table grew: " + u.size() + " distinct rows");
        assertArrayEquals(rowOf, u.rowOf());
        int j = 0;
        for (java.util.List<Long> key : index.keySet()) {
            for (int t = 0; t < d; t++) assertEquals((long) key.get(t), Double.doubleToLongBits(u.data()[j * d + t]), "row " + j);
            assertEquals(counts.get(j), u.weights()[j], 0, "weight " + j);
            j++;
        }
    }
}
