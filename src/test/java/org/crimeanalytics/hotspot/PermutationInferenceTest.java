package org.crimeanalytics.hotspot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.crimeanalytics.stats.Alternative;
import org.junit.jupiter.api.Test;

/**
 * Permutation p-values of local Moran against exact enumeration: every ordered draw of a feature's
 * neighbours from the other n - 1 values, each equally likely under conditional randomisation.
 */
class PermutationInferenceTest {

    /** Exact P(I_r >= I), P(I_r <= I) for feature i (ties, up to rounding, in both). */
    static double[] exact(double[] y, SpatialWeights w, int i) {
        int n = y.length;
        double mean = 0;
        for (double v : y) mean += v;
        mean /= n;
        double[] z = new double[n];
        for (int j = 0; j < n; j++) z[j] = y[j] - mean;
        double[] ws = w.weights(i);
        int k = ws.length;
        double obs = 0;
        for (int t = 0; t < k; t++) obs += ws[t] * z[w.neighbours(i)[t]];
        long[] counts = new long[3]; // ge, le, total
        boolean equal = true;
        for (double v : ws) equal &= v == ws[0];
        // equal weights: every set of neighbours is equally likely, so combinations suffice
        enumerate(z, ws, i, new int[k], 0, new boolean[n], obs * Math.signum(z[i]), Math.signum(z[i]), counts, equal ? 0 : -1);
        return new double[] {(double) counts[0] / counts[2], (double) counts[1] / counts[2]};
    }

    /** Ordered draws (from = -1) or, with equal weights, sets in increasing order starting at index {@code from}. */
    static void enumerate(double[] z, double[] ws, int i, int[] pick, int t, boolean[] used, double obs, double sign, long[] c,
            int from) {
        if (t == pick.length) {
            double l = 0;
            for (int u = 0; u < pick.length; u++) l += ws[u] * z[pick[u]];
            double v = sign * l;
            boolean tie = Math.abs(v - obs) <= 1e-9 || sign == 0;
            if (tie || v > obs) c[0]++;
            if (tie || v < obs) c[1]++;
            c[2]++;
            return;
        }
        for (int j = Math.max(0, from); j < z.length; j++) {
            if (j == i || used[j]) continue;
            used[j] = true;
            pick[t] = j;
            enumerate(z, ws, i, pick, t + 1, used, obs, sign, c, from < 0 ? -1 : j + 1);
            used[j] = false;
        }
    }

    static void compare(double[] y, SpatialWeights w) {
        int r = 9999;
        for (Alternative alt : Alternative.values()) {
            Moran.Local lm = Moran.local(y, w, Moran.Variance.CONDITIONAL, alt, r, 7, null);
            for (int i = 0; i < y.length; i++) {
                if (w.neighbours(i).length == 0) continue;
                double[] e = exact(y, w, i);
                double p = switch (alt) {
                    case GREATER -> e[0];
                    case LESS -> e[1];
                    case FOLDED -> Math.min(e[0], e[1]);
                    case TWO_SIDED -> Math.min(1, 2 * Math.min(e[0], e[1]));
                };
                double tail = alt == Alternative.TWO_SIDED ? Math.min(e[0], e[1]) : p; // the estimated proportion
                double tol = (4 * Math.sqrt(tail * (1 - tail) / r) + 2.0 / (r + 1)) * (alt == Alternative.TWO_SIDED ? 2 : 1);
                assertEquals(p, lm.pSim()[i], tol, alt + " feature " + i);
            }
        }
    }

    @Test
    void fivePointsWithKnn3() {
        double[] x = {500000, 500100, 500000, 499900, 505000}, y = {5000000, 5000000, 5000100, 5000000, 5000000};
        double[] v = {8, 1, 2, 3, 10};
        SpatialWeights w = SpatialWeights.knn(x, y, 3).rowStandardised();
        compare(v, w);
        // point 0: the observed lag is the smallest of the four equally likely ones
        double[] e = exact(v, w, 0);
        assertEquals(0.25, Math.min(e[0], e[1]), 1e-12);
    }

    @Test
    void eightPointsWithUnequalInverseDistanceWeights() {
        double[] x = {0, 150, 300, 80, 260, 500, 420, 700}, y = {0, 20, -10, 200, 230, 100, 330, 250};
        double[] v = {5, 3, 8, 2, 6, 1, 4, 7};
        compare(v, SpatialWeights.inverseDistance(x, y, 400, 1).rowStandardised());
    }

    @Test
    void countsWithManyTiesLikeASparseGrid() {
        // a sparse count grid: mostly zeros; a lone non-zero cell is not an outlier
        double[] v = new double[25];
        v[12] = 3;
        v[0] = 1;
        SpatialWeights w = Lattices.queen(5, 5).rowStandardised();
        compare(v, w);
        Moran.Local lm = Moran.local(v, w, Moran.Variance.CONDITIONAL, Alternative.FOLDED, 999, 1, null);
        assertTrue(lm.pSim()[12] > 0.05, "the lone non-zero cell: p " + lm.pSim()[12]);
    }

    /** A value 3e-6 standard deviations above the mean has a small but real variance, and a pseudo p-value. */
    @Test
    void aTinyButRealDeviationIsTested() {
        SpdepReference.Table t = SpdepReference.read("lattice10_points.csv");
        double[] v = t.doubles("value");
        SpatialWeights w = Lattices.queen(10, 10).rowStandardised();
        Moran.Local lm = Moran.local(v, w, Moran.Variance.CONDITIONAL, Alternative.TWO_SIDED, 999, 1, null);
        assertEquals(null, lm.note()[45]);
        assertEquals(5.38739440232165, lm.z()[45], 1e-6); // spdep localmoran(conditional = TRUE)
        assertTrue(lm.pSim()[45] < 0.01, "all eight neighbours are the maximum: p " + lm.pSim()[45]);
    }

    @Test
    void seededAndReproducible() {
        double[] v = {5, 3, 8, 2, 6, 1, 4, 7};
        SpatialWeights w = Lattices.rook(2, 4).rowStandardised();
        double[] a = Moran.local(v, w, Moran.Variance.TOTAL, Alternative.TWO_SIDED, 499, 42, null).pSim();
        double[] b = Moran.local(v, w, Moran.Variance.TOTAL, Alternative.TWO_SIDED, 499, 42, null).pSim();
        double[] c = Moran.local(v, w, Moran.Variance.TOTAL, Alternative.TWO_SIDED, 499, 43, null).pSim();
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
        assertTrue(!java.util.Arrays.equals(a, c));
    }
}
