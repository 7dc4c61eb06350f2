package org.crimeanalytics.stats;

import java.util.Arrays;

/**
 * Mann–Kendall test for a monotonic trend in a series, with the tie correction of the variance and
 * the continuity correction of z (Kendall 1975; Hirsch, Slack &amp; Smith 1982), plus Sen's slope.
 *
 * <p>S = sum over i &lt; j of sign(x[j] - x[i]); Var(S) = [n(n-1)(2n+5) - sum over tie groups t of
 * t(t-1)(2t+5)] / 18; z = (S - 1)/sqrt(Var) if S &gt; 0, (S + 1)/sqrt(Var) if S &lt; 0, else 0; p is
 * two-tailed normal.
 *
 * <p>Degenerate input: NaN values are ignored (the series is taken without them); fewer than 3
 * values, or all values tied (Var(S) = 0), give z = 0, p = 1 and slope 0 (no evidence of a trend).
 */
public final class MannKendall {

    /** The outcome of one test. */
    public record Result(int n, long s, double varS, double z, double p, double senSlope) {
        /** +1 for an increasing trend, -1 for decreasing, 0 when p &gt;= alpha. */
        public int direction(double alpha) {
            if (p >= alpha || z == 0) return 0;
            return z > 0 ? 1 : -1;
        }
    }

    private MannKendall() {}

    /** Tests {@code values} (in time order, equally spaced; slope is per step). */
    public static Result test(double[] values) {
        double[] x = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        int[] t = new int[x.length];
        for (int i = 0; i < x.length; i++) t[i] = i;
        // keep the original time positions for the slope when NaNs were dropped
        if (x.length != values.length) {
            int k = 0;
            for (int i = 0; i < values.length; i++) if (!Double.isNaN(values[i])) t[k++] = i;
        }
        int n = x.length;
        if (n < 3) return new Result(n, 0, 0, 0, 1, 0);
        long s = 0;
        for (int i = 0; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) {
                s += Double.compare(x[j], x[i]) > 0 ? 1 : (x[j] == x[i] ? 0 : -1);
            }
        }
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double ties = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && sorted[j] == sorted[i]) j++;
            long g = j - i;
            if (g > 1) ties += g * (g - 1) * (2 * g + 5);
            i = j;
        }
        double var = ((double) n * (n - 1) * (2 * n + 5) - ties) / 18.0;
        double z = 0;
        if (var > 0) {
            if (s > 0) z = (s - 1) / Math.sqrt(var);
            else if (s < 0) z = (s + 1) / Math.sqrt(var);
        }
        double p = var > 0 ? Normal.twoTailedP(z) : 1.0;
        return new Result(n, s, var, z, p, senSlope(x, t));
    }

    /** Median of the pairwise slopes (x[j]-x[i])/(t[j]-t[i]). */
    private static double senSlope(double[] x, int[] t) {
        int n = x.length;
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) slopes[k++] = (x[j] - x[i]) / (t[j] - t[i]);
        }
        Arrays.sort(slopes);
        return k % 2 == 1 ? slopes[k / 2] : 0.5 * (slopes[k / 2 - 1] + slopes[k / 2]);
    }
}
