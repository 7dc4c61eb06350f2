package org.crimeanalytics.density;

import java.util.Arrays;

/**
 * Bandwidths chosen from the points alone. Both rules use the weighted points ({@code n} is the total
 * weight, as ArcGIS does with a population field).
 *
 * <ul>
 *   <li>{@link Rule#SILVERMAN}: the spatial variant of Silverman's rule of thumb that ArcGIS Pro's Kernel Density
 *       documents (since 10.2.1), robust to spatial outliers: {@code 0.9 min(SD, sqrt(1 / ln 2) Dm) n^-0.2}, SD the
 *       standard distance from the (weighted) mean centre, Dm the (weighted) median distance from it. It is the
 *       radius of ArcGIS's quartic kernel.</li>
 *   <li>{@link Rule#SCOTT}: Scott's rule for a bivariate normal, {@code σ n^(-1/6)}, σ the square root of the mean
 *       of the two coordinate variances. It is a Gaussian standard deviation.</li>
 * </ul>
 * {@link #forKernel} carries a bandwidth from the kernel it was made for to another one with the same variance
 * along each axis (a quartic radius r is a Gaussian σ of r / √8, an Epanechnikov radius of r √(3/4)).
 */
public final class Bandwidth {

    /** A rule of thumb. */
    public enum Rule { SILVERMAN, SCOTT }

    private Bandwidth() {}

    /** A rule's bandwidth with what it was computed from. */
    public record Choice(double value, Kernel madeFor, double standardDistance, double medianDistance, double n) {

        /** For a summary: the rule, its value and inputs, and how it was carried to {@code kernel}. */
        public java.util.Map<String, Object> details(Rule rule, Kernel kernel) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("rule", rule.name());
            m.put("rule_value_m", value);
            m.put("rule_made_for", madeFor.name());
            m.put("standard_distance_m", standardDistance);
            m.put("median_distance_m", medianDistance);
            m.put("n", n);
            if (madeFor != kernel) m.put("carried_to_" + kernel.name().toLowerCase(java.util.Locale.ROOT), "same variance along each axis");
            return m;
        }
    }

    /**
     * The rule's bandwidth in the points' unit, for the kernel it was made for ({@link Choice#madeFor}).
     *
     * @param w weights (null: 1 each); negative weights are not allowed (the caller checks)
     * @return value 0 when all points coincide, NaN when there are none or the weights sum to zero
     */
    public static Choice choose(Rule rule, double[] x, double[] y, double[] w) {
        int n = x.length;
        double sw = 0, mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1 : w[i];
            sw += wi;
            mx += wi * x[i];
            my += wi * y[i];
        }
        if (!(sw > 0)) return new Choice(Double.NaN, rule == Rule.SCOTT ? Kernel.GAUSSIAN : Kernel.QUARTIC, Double.NaN, Double.NaN, sw);
        mx /= sw;
        my /= sw;
        double sxx = 0, syy = 0;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1 : w[i];
            double ex = x[i] - mx, ey = y[i] - my;
            sxx += wi * ex * ex;
            syy += wi * ey * ey;
            d[i] = Math.sqrt(ex * ex + ey * ey);
        }
        double sd = Math.sqrt((sxx + syy) / sw);
        double dm = weightedMedian(d, w, sw);
        if (rule == Rule.SILVERMAN) {
            double h = 0.9 * Math.min(sd, Math.sqrt(1 / Math.log(2)) * dm) * Math.pow(sw, -0.2);
            return new Choice(h, Kernel.QUARTIC, sd, dm, sw);
        }
        double sigma = Math.sqrt((sxx + syy) / sw / 2);
        return new Choice(sigma * Math.pow(sw, -1.0 / 6), Kernel.GAUSSIAN, sd, dm, sw);
    }

    /**
     * {@link #choose} with unit weights on points given as distinct locations and their multiplicities (location k
     * repeated {@code count[k]} times), as a distributed job aggregates them: the same choice as {@code choose(rule, x,
     * y, null)} on the expanded points (the median distance the mean of the two middle ones when the total is even),
     * up to the order of summation.
     *
     * @param count multiplicities, each at least 1
     */
    public static Choice chooseRepeated(Rule rule, double[] x, double[] y, long[] count) {
        int n = x.length;
        double[] w = new double[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            w[i] = count[i];
            total += count[i];
        }
        Choice c = choose(rule, x, y, w);
        if (!(c.n() > 0)) return c;
        // the multiset median of the distances from the mean centre (choose's weighted median is the lower middle one)
        double sw = c.n(), mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += w[i] * x[i];
            my += w[i] * y[i];
        }
        mx /= sw;
        my /= sw;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = Math.sqrt((x[i] - mx) * (x[i] - mx) + (y[i] - my) * (y[i] - my));
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(d[a], d[b]));
        long lo = (total - 1) / 2, hi = total / 2, seen = 0;
        double dlo = Double.NaN, dhi = Double.NaN;
        for (Integer i : order) {
            long next = seen + count[i];
            if (Double.isNaN(dlo) && lo < next) dlo = d[i];
            if (hi < next) {
                dhi = d[i];
                break;
            }
            seen = next;
        }
        double dm = (dlo + dhi) / 2;
        double sd = c.standardDistance();
        if (rule == Rule.SILVERMAN) {
            return new Choice(0.9 * Math.min(sd, Math.sqrt(1 / Math.log(2)) * dm) * Math.pow(sw, -0.2), Kernel.QUARTIC, sd, dm, sw);
        }
        return new Choice(c.value(), c.madeFor(), sd, dm, sw);
    }

    /** {@code h}, made for kernel {@code from}, as the bandwidth of {@code to} with the same per-axis variance. */
    public static double forKernel(double h, Kernel from, Kernel to) {
        return h * Math.sqrt(from.axisVariance() / to.axisVariance());
    }

    /** The smallest value whose cumulative weight (in increasing order) reaches half the total. */
    static double weightedMedian(double[] d, double[] w, double total) {
        int n = d.length;
        if (w == null) {
            double[] s = d.clone();
            Arrays.sort(s);
            return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(d[a], d[b]));
        double c = 0;
        for (Integer i : order) {
            c += w[i];
            if (c >= total / 2) return d[i];
        }
        return d[order[n - 1]];
    }
}
