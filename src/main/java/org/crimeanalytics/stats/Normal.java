package org.crimeanalytics.stats;

/**
 * The standard normal distribution, to double precision in the tails.
 *
 * <p>Delegates to Weka's port of the Cephes {@code ndtr}/{@code ndtri} routines, which evaluate the
 * tails through the complemented error function, so p-values of z = 8 or z = -8 keep their relative
 * precision instead of rounding to 0 or 1.
 */
public final class Normal {

    private Normal() {}

    /** P(Z &lt;= z). NaN in, NaN out; infinities give 0 and 1. */
    public static double cdf(double z) {
        if (Double.isNaN(z)) return Double.NaN;
        if (z == Double.POSITIVE_INFINITY) return 1.0;
        if (z == Double.NEGATIVE_INFINITY) return 0.0;
        return weka.core.Statistics.normalProbability(z);
    }

    /** P(Z &gt; z), computed without cancellation for large z. */
    public static double sf(double z) {
        return cdf(-z);
    }

    /** Two-tailed p-value P(|Z| &gt;= |z|); NaN for NaN, 1 for z = 0, 0 only for infinite z. */
    public static double twoTailedP(double z) {
        if (Double.isNaN(z)) return Double.NaN;
        return Math.min(1.0, 2.0 * cdf(-Math.abs(z)));
    }

    /** The quantile: z such that cdf(z) = p, for 0 &lt; p &lt; 1; p = 0 or 1 give the infinities. */
    public static double quantile(double p) {
        if (Double.isNaN(p) || p < 0 || p > 1) {
            throw new IllegalArgumentException("probability must be in [0, 1], was " + p);
        }
        if (p == 0) return Double.NEGATIVE_INFINITY;
        if (p == 1) return Double.POSITIVE_INFINITY;
        return weka.core.Statistics.normalInverse(p);
    }
}
