package org.crimeanalytics.hotspot;

import java.util.Arrays;

/** Benjamini–Hochberg false discovery rate control (Benjamini &amp; Hochberg 1995). */
public final class Fdr {

    private Fdr() {}

    /**
     * The largest p-value threshold that keeps the expected false discovery rate at {@code alpha}:
     * p_(k) for the largest k with p_(k) &lt;= k alpha / m (m = number of finite p-values); 0 when no
     * p-value qualifies (then nothing is significant). NaN p-values are ignored.
     */
    public static double threshold(double[] p, double alpha) {
        double[] s = Arrays.stream(p).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int m = s.length;
        double t = 0;
        for (int k = m; k >= 1; k--) {
            if (s[k - 1] <= k * alpha / m) {
                t = s[k - 1];
                break;
            }
        }
        return t;
    }
}
