package org.crimeanalytics.areas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.crimeanalytics.style.Breaks;
import org.crimeanalytics.style.Sld;
import org.crimeanalytics.style.Styles;
import org.junit.jupiter.api.Test;

class AreasAlgorithmsTest {

    @Test
    void breaksOnDegenerateInput() {
        assertArrayEquals(new double[] {0, 0}, Breaks.compute(new double[] {}, 5, Breaks.Method.QUANTILE));
        assertArrayEquals(new double[] {3, 3}, Breaks.compute(new double[] {3, 3, 3, Double.NaN}, 5, Breaks.Method.NATURAL_BREAKS));
    }

    @Test
    void breaksByHand() {
        double[] v = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertArrayEquals(new double[] {0, 2, 4, 6, 8, 10}, Breaks.compute(v, 5, Breaks.Method.EQUAL_INTERVAL), 1e-12);
        assertArrayEquals(new double[] {1, 6, 10}, Breaks.compute(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 2, Breaks.Method.QUANTILE), 0);
        // three obvious groups: natural breaks put the limits at their first values
        assertArrayEquals(new double[] {1, 10, 50, 51}, Breaks.compute(new double[] {1, 1, 2, 10, 11, 12, 50, 51}, 3,
                Breaks.Method.NATURAL_BREAKS), 0);
        // many tied zeros (areas without incidents): 3 classes asked, 3 given (the DP split the zeros in two at no cost,
        // and the repeated limit 0 was dropped: 2 classes)
        double[] tied = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 100, 101};
        assertArrayEquals(new double[] {0, 1, 100, 101}, Breaks.compute(tied, 3, Breaks.Method.NATURAL_BREAKS), 0);
        // the top class holds the maximum alone (an outlier): limits 34, 55, 55 (was merged into the class below: 4 classes)
        double[] fib = Breaks.compute(new double[] {0, 0, 0, 0, 1, 2, 3, 5, 8, 13, 21, 34, 55}, 5, Breaks.Method.NATURAL_BREAKS);
        assertEquals(6, fib.length, java.util.Arrays.toString(fib));
        assertEquals(55, fib[4], 0);
        assertEquals(55, fib[5], 0);
        assertTrue(Styles.choropleth("v", fib, Sld.Kind.POLYGON, "NATURAL_BREAKS").contains("<Title>55</Title>"));
        // fewer distinct values than classes: one class per value, [0, 1), [1, 2), [2, 2]
        assertArrayEquals(new double[] {0, 1, 2, 2}, Breaks.compute(new double[] {0, 0, 1, 1, 2}, 5, Breaks.Method.NATURAL_BREAKS), 0);
        // logarithmic over 0..999: limits at 10^(3j/3) - 1
        assertArrayEquals(new double[] {0, 9, 99, 999}, Breaks.compute(new double[] {0, 5, 50, 500, 999}, 3,
                Breaks.Method.LOGARITHMIC), 1e-9);
    }

    @Test
    void empiricalBayesByHand() {
        // equal raw rates: prior variance would be negative, so a = 0 and every rate shrinks to b = 0.1
        assertArrayEquals(new double[] {0.1, 0.1}, EmpiricalBayes.global(new double[] {1, 10}, new double[] {10, 100}), 1e-12);
        // r = 0 and 0.2 on 100 people each: b = 0.1, a = 0.01 - 0.1/100 = 0.009, w = 0.009/0.01 = 0.9
        assertArrayEquals(new double[] {0.01, 0.19}, EmpiricalBayes.global(new double[] {0, 20}, new double[] {100, 100}), 1e-12);
        double[] z = EmpiricalBayes.global(new double[] {5, 0}, new double[] {0, 100});
        assertTrue(Double.isNaN(z[0]), "zero population: no rate");
        // spatial: areas 0-1 neighbours, area 2 alone (its own prior: raw rate kept... a = 0, so its rate)
        double[] s = EmpiricalBayes.spatial(new double[] {0, 20, 7}, new double[] {100, 100, 70}, new int[][] {{1}, {0}, {}});
        assertArrayEquals(new double[] {0.01, 0.19, 0.1}, s, 1e-12);
    }

    @Test
    void adjustedRandIndexByHand() {
        assertEquals(1.0, AdjustedRand.index(new int[] {0, 0, 1, 1, 2}, new int[] {5, 5, 3, 3, 9}), 1e-12);
        assertEquals(-0.5, AdjustedRand.index(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}), 1e-12);
        assertEquals(1.0, AdjustedRand.index(new int[] {0, 0, -1}, new int[] {1, 1, 0}), 1e-12);
    }

    @Test
    void areaClusteringOrdersLevelsByRate() throws Exception {
        double[][] rows = {{1}, {1.1}, {9}, {5}, {1.2}, {9.2}, {5.1}, {9.1}};
        for (AreaClustering.Method m : AreaClustering.Method.values()) {
            int[] c = new AreaClustering(m, 3, true, 1).cluster(rows, 0);
            assertArrayEquals(new int[] {0, 0, 2, 1, 0, 2, 1, 2}, c, m.name());
        }
    }
}
