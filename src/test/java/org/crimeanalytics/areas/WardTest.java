package org.crimeanalytics.areas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Ward's method against SciPy's {@code linkage(X, "ward")} ({@code src/test/python/ward_reference.py}) and by hand. */
class WardTest {

    // ward_reference.py's 24 points: three loose groups in 3 dimensions (numpy seed 7)
    static final double[][] POINTS = {{0.0, 0.33, -0.3}, {-0.98, -0.5, -1.09}, {0.07, 1.47, -0.54}, {-0.68, 0.54, 0.39}, {0.12, -1.02, -0.03},
        {0.76, -1.48, -0.5}, {-2.09, -1.42, -2.03}, {-0.26, -1.39, 0.3}, {3.17, 0.79, -2.77}, {2.41, 0.95, 0.12}, {1.32, 0.47, -1.08},
        {2.11, 2.17, -0.89}, {2.96, 1.97, -0.64}, {2.88, 1.12, 0.07}, {1.65, 1.08, 1.49}, {1.3, 1.95, 0.13}, {0.29, 6.2, 2.84},
        {-0.32, 4.08, 2.63}, {0.79, 4.75, 1.93}, {1.73, 5.58, 1.26}, {1.22, 3.49, 2.14}, {-0.31, 3.36, 1.78}, {1.99, 5.26, 0.54},
        {0.13, 4.71, -0.19}};

    @Test
    void partitionsAndHeightsAreScipys() {
        List<Ward.Merge> m = Ward.merges(POINTS);
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1}, Ward.cut(m, 24, 2));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2}, Ward.cut(m, 24, 3));
        assertArrayEquals(new int[] {0, 1, 0, 0, 1, 1, 1, 1, 2, 2, 0, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3}, Ward.cut(m, 24, 4));
        assertArrayEquals(new int[] {0, 1, 0, 0, 1, 1, 1, 1, 2, 3, 0, 3, 3, 3, 3, 3, 4, 4, 4, 5, 4, 4, 5, 5}, Ward.cut(m, 24, 6));
        double[] scipy = {0.502295, 0.62466, 0.829699, 0.908295, 0.991262, 1.114002, 1.247798, 1.347813, 1.452148, 1.651969, 1.721075,
            1.909411, 1.96535, 2.218629, 2.49936, 2.610571, 3.025181, 3.582298, 4.01464, 4.124637, 4.21878, 8.71499, 15.436472};
        for (int i = 0; i < scipy.length; i++) assertEquals(scipy[i], Math.sqrt(m.get(i).height()), 1e-6, "merge " + i);
    }

    @Test
    void byHandAndDegenerate() {
        // 0, 1, 5, 6, 20 on a line: {0,1} and {5,6} first, at height 2 x 0.5 (the sum of squares a merge adds, doubled);
        // then those two: the sum of squares grows by (2 x 2 / 4) x 5^2 = 25, height 50; 20 last
        List<Ward.Merge> m = Ward.merges(new double[][] {{0}, {1}, {5}, {6}, {20}});
        assertEquals(1.0, m.get(0).height(), 1e-12);
        assertEquals(1.0, m.get(1).height(), 1e-12);
        assertEquals(50.0, m.get(2).height(), 1e-12);
        assertArrayEquals(new int[] {0, 0, 1, 1, 2}, Ward.cut(m, 5, 3));
        assertArrayEquals(new int[] {0, 0, 0, 0, 1}, Ward.cut(m, 5, 2));
        assertArrayEquals(new int[] {0}, Ward.cut(Ward.merges(new double[][] {{3, 4}}), 1, 1));
        assertEquals(0.0, Ward.merges(new double[][] {{2, 2}, {2, 2}}).get(0).height(), 0);
        assertThrows(IllegalArgumentException.class, () -> Ward.merges(new double[][] {{1}, {Double.NaN}}));
        assertThrows(IllegalArgumentException.class, () -> Ward.cut(m, 5, 6));
    }
}
