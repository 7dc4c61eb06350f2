package org.crimeanalytics.hotspot;

import java.util.SplittableRandom;
import org.crimeanalytics.stats.Alternative;
import org.crimeanalytics.stats.Normal;

/**
 * Moran's I: global (Moran 1950; moments of Cliff &amp; Ord 1981) and local (Anselin 1995) with
 * analytic (total or conditional randomisation) and conditional-permutation inference. Checked
 * against R spdep 1.2.7 ({@code moran.test}, {@code localmoran}) and PySAL esda to 1e-6.
 */
public final class Moran {

    private Moran() {}

    /** Global Moran's I with expectation, variances under normality and randomisation, z and p (one- and two-tailed). */
    public record Global(double i, double expected, double varNorm, double varRand, double zNorm, double zRand,
            double pNormOneTailed, double pNormTwoTailed, double pRandTwoTailed) {}

    /**
     * Global Moran's I of {@code y} with weights {@code w} (use row-standardised weights for the usual
     * statistic), as R spdep's {@code moran.test} computes it: the mean and the kurtosis over all n
     * values, but n in I, E[I] and the variances reduced by the features without neighbours
     * ({@code adjust.n = TRUE}). Variances may be negative for odd data; z is then NaN.
     */
    public static Global global(double[] y, SpatialWeights w) {
        int n = y.length;
        double mean = 0;
        for (double v : y) mean += v;
        mean /= n;
        double[] z = new double[n];
        double z2 = 0, z4 = 0;
        for (int i = 0; i < n; i++) {
            z[i] = y[i] - mean;
            z2 += z[i] * z[i];
            z4 += z[i] * z[i] * z[i] * z[i];
        }
        double num = 0, s0 = 0;
        double[] row = new double[n];
        double[] col = new double[n];
        int linked = 0;
        for (int i = 0; i < n; i++) {
            int[] js = w.neighbours(i);
            double[] ws = w.weights(i);
            if (js.length > 0) linked++;
            for (int k = 0; k < js.length; k++) {
                num += ws[k] * z[i] * z[js[k]];
                s0 += ws[k];
                row[i] += ws[k];
                col[js[k]] += ws[k];
            }
        }
        double s1 = GetisOrd.s1(w);
        double s2 = 0;
        for (int i = 0; i < n; i++) s2 += (row[i] + col[i]) * (row[i] + col[i]);
        double nd = linked;
        double I = nd / s0 * num / z2;
        double ei = -1.0 / (nd - 1);
        double s02 = s0 * s0;
        double vNorm = (nd * nd * s1 - nd * s2 + 3 * s02) / ((nd * nd - 1) * s02) - ei * ei;
        double k = n * z4 / (z2 * z2);
        double vRand = (nd * ((nd * nd - 3 * nd + 3) * s1 - nd * s2 + 3 * s02) - k * ((nd * nd - nd) * s1 - 2 * nd * s2 + 6 * s02))
                / ((nd - 1) * (nd - 2) * (nd - 3) * s02) - ei * ei;
        // a variance that is 0 up to rounding (e.g. every feature linked to every other) gives no z
        double zn = vNorm > 1e-10 * ei * ei ? (I - ei) / Math.sqrt(vNorm) : Double.NaN;
        double zr = vRand > 1e-10 * ei * ei ? (I - ei) / Math.sqrt(vRand) : Double.NaN;
        return new Global(I, ei, vNorm, vRand, zn, zr, Normal.sf(Math.abs(zn)), Normal.twoTailedP(zn), Normal.twoTailedP(zr));
    }

    /** The analytic variance of local Moran's I. */
    public enum Variance {
        /**
         * Conditional randomisation (Sokal, Oden &amp; Thomson 1998, eq. A7-A8; R spdep's default,
         * {@code localmoran(conditional = TRUE)}): the value of feature i fixed, the others permuted over
         * its neighbours, which is also what the permutation p-values do.
         */
        CONDITIONAL,
        /** Total randomisation (Anselin 1995, eq. 13-14; spdep {@code localmoran(conditional = FALSE)}). */
        TOTAL
    }

    /** Why a feature has no statistic (null when it has one). */
    public static final String NO_NEIGHBOURS = "no neighbours";
    /** Conditional variance: every other feature is a neighbour with the same weight, so no draw differs. */
    public static final String ALL_OTHERS = "every other feature is an equally weighted neighbour: no conditional variance";
    /** Conditional variance: z_i = 0 (up to rounding), so I_i is 0 in every draw. */
    public static final String VALUE_AT_MEAN = "the value is the mean: no conditional variance";
    /** Any other zero variance (e.g. the total randomisation variance of extreme data). */
    public static final String NO_VARIANCE = "no variance under randomisation";

    /**
     * Local Moran results per feature: I, its expectation and analytic variance, z and p; {@code pSim}
     * the permutation p-value (NaN without permutations); the spatial lag of the deviations, the
     * deviation from the mean, the number of neighbours, and {@code note}: why a feature has no z
     * (null when it has one; see {@link #NO_NEIGHBOURS}, {@link #NO_VARIANCE}).
     */
    public record Local(double[] index, double[] expected, double[] variance, double[] z, double[] p, double[] pSim,
            double[] lag, double[] deviation, int[] neighbours, String[] note) {}

    /** Conditional variance, two-sided p-values (R spdep's defaults). */
    public static Local local(double[] y, SpatialWeights w, int permutations, long seed) {
        return local(y, w, Variance.CONDITIONAL, Alternative.TWO_SIDED, permutations, seed, null);
    }

    /**
     * Anselin's local Moran (1995): I_i = (z_i / m2) sum_j w_ij z_j with z = y - mean over all n values,
     * m2 = sum z^2 / n, as R spdep's {@code localmoran} (mlvar = TRUE). With W_i = sum_j w_ij,
     * S_i = sum_j w_ij^2, b2 = m4 / m2^2:
     * <ul>
     *   <li>{@link Variance#TOTAL}: E[I_i] = -W_i / (n - 1), Var[I_i] = S_i (n - b2) / (n - 1)
     *       + (W_i^2 - S_i) (2 b2 - n) / ((n - 1)(n - 2)) - E[I_i]^2 (the cross term sum over k != h of
     *       w_ik w_ih is W_i^2 - S_i, counted once);</li>
     *   <li>{@link Variance#CONDITIONAL}: E[I_i] = -z_i^2 W_i / ((n - 1) m2), Var[I_i] = (z_i / m2)^2
     *       n / (n - 2) (S_i - W_i^2 / (n - 1)) (m2 - z_i^2 / (n - 1)).</li>
     * </ul>
     * With {@code permutations} &gt; 0 also a pseudo p-value from conditional randomisation: feature i
     * fixed, its neighbours' values drawn without replacement from the other n - 1 (GeoDa, esda); ties
     * with the observed value count as at least as extreme, see {@link Alternative#permutation}. Each
     * feature draws from its own generator seeded from {@code seed} and i, so results are reproducible
     * and do not depend on thread order.
     *
     * <p>Degenerate features are not tested: NaN z, p and pseudo p, and a {@code note}. A feature without
     * neighbours (an island) has no I either ({@link #NO_NEIGHBOURS}); under the conditional variance, a
     * feature whose value is the mean ({@link #VALUE_AT_MEAN}) or whose neighbours are all other features
     * with equal weights ({@link #ALL_OTHERS}) has no variance; so has, rarely, a feature under the total
     * variance ({@link #NO_VARIANCE}). Each factor is tested against its own scale at rounding level, so a
     * small but real variance is kept.
     *
     * @param cancelled checked between features (may be null); throws {@link java.util.concurrent.CancellationException}
     */
    public static Local local(double[] y, SpatialWeights w, Variance variance, Alternative alternative, int permutations,
            long seed, java.util.function.BooleanSupplier cancelled) {
        int n = y.length;
        double mean = 0;
        for (double v : y) mean += v;
        mean /= n;
        double[] z = new double[n];
        double m2 = 0, m4 = 0, maxAbs = 0;
        for (int i = 0; i < n; i++) {
            z[i] = y[i] - mean;
            m2 += z[i] * z[i];
            m4 += z[i] * z[i] * z[i] * z[i];
            maxAbs = Math.max(maxAbs, Math.abs(z[i]));
        }
        m2 /= n;
        m4 /= n;
        double b2 = m4 / (m2 * m2);
        double[] I = new double[n], e = new double[n], v = new double[n], zs = new double[n], p = new double[n];
        double[] ps = new double[n], lag = new double[n];
        String[] note = new String[n];
        int[] nn = new int[n];
        for (int i = 0; i < n; i++) {
            int[] js = w.neighbours(i);
            double[] ws = w.weights(i);
            nn[i] = js.length;
            double l = 0, wi = 0, wi2 = 0;
            for (int k = 0; k < js.length; k++) {
                l += ws[k] * z[js[k]];
                wi += ws[k];
                wi2 += ws[k] * ws[k];
            }
            lag[i] = l;
            ps[i] = Double.NaN;
            if (js.length == 0) {
                I[i] = e[i] = v[i] = zs[i] = p[i] = Double.NaN;
                note[i] = NO_NEIGHBOURS;
                continue;
            }
            I[i] = z[i] / m2 * l;
            // each factor of the variance is tested for zero against its own scale, at rounding level
            if (variance == Variance.TOTAL) {
                e[i] = -wi / (n - 1.0);
                v[i] = wi2 * (n - b2) / (n - 1.0) + (wi * wi - wi2) * (2 * b2 - n) / ((n - 1.0) * (n - 2.0)) - e[i] * e[i];
                if (!(v[i] > 1e-12 * wi2)) note[i] = NO_VARIANCE;
            } else {
                double zi2 = z[i] * z[i];
                e[i] = -zi2 * wi / ((n - 1.0) * m2);
                double spread = wi2 - wi * wi / (n - 1.0);
                double rest = m2 - zi2 / (n - 1.0);
                v[i] = (zi2 / (m2 * m2)) * (n / (n - 2.0)) * spread * rest;
                if (Math.abs(z[i]) <= 1e-12 * maxAbs) note[i] = VALUE_AT_MEAN;
                else if (spread <= 1e-12 * wi2) note[i] = ALL_OTHERS;
                else if (!(rest > 1e-12 * m2)) note[i] = NO_VARIANCE;
            }
            if (note[i] == null) {
                zs[i] = (I[i] - e[i]) / Math.sqrt(v[i]);
                p[i] = alternative.analytic(zs[i]);
            } else {
                zs[i] = p[i] = Double.NaN;
            }
        }
        if (permutations > 0) {
            int[] picks = new int[n];
            int[] pool = new int[Math.max(0, n - 1)];
            for (int i = 0; i < n; i++) {
                if (cancelled != null && cancelled.getAsBoolean()) throw new java.util.concurrent.CancellationException("cancelled");
                if (note[i] != null) continue; // not tested: no pseudo p-value either
                int[] js = w.neighbours(i);
                double[] ws = w.weights(i);
                int k = Math.min(js.length, n - 1);
                double sumW = 0;
                for (int t = 0; t < k; t++) sumW += Math.abs(ws[t]);
                // permuted lags equal to the observed one up to rounding are ties
                double tol = 1e-11 * sumW * maxAbs;
                SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
                int ge = 0, le = 0;
                double sign = Math.signum(z[i]);
                for (int r = 0; r < permutations; r++) {
                    drawOthers(i, n, k, rnd, picks, pool);
                    double lr = 0;
                    for (int t = 0; t < k; t++) lr += ws[t] * z[picks[t]];
                    double d = sign * (lr - lag[i]); // sign of I_r - I_i
                    if (sign == 0 || Math.abs(lr - lag[i]) <= tol) {
                        ge++;
                        le++;
                    } else if (d > 0) {
                        ge++;
                    } else {
                        le++;
                    }
                }
                ps[i] = alternative.permutation(ge, le, permutations);
            }
        }
        return new Local(I, e, v, zs, p, ps, lag, z, nn, note);
    }

    /**
     * Draws k distinct indices in [0, n) other than i into picks[0..k): rejection sampling while k is
     * small against n, a partial Fisher–Yates shuffle of {@code pool} otherwise.
     */
    static void drawOthers(int i, int n, int k, SplittableRandom rnd, int[] picks, int[] pool) {
        if (k * 4 < n) {
            for (int t = 0; t < k; t++) {
                while (true) {
                    int c = rnd.nextInt(n - 1);
                    if (c >= i) c++;
                    boolean dup = false;
                    for (int u = 0; u < t; u++) {
                        if (picks[u] == c) {
                            dup = true;
                            break;
                        }
                    }
                    if (!dup) {
                        picks[t] = c;
                        break;
                    }
                }
            }
        } else {
            for (int t = 0, v = 0; v < n; v++) if (v != i) pool[t++] = v;
            for (int t = 0; t < k; t++) {
                int j = t + rnd.nextInt(n - 1 - t);
                int tmp = pool[t];
                pool[t] = pool[j];
                pool[j] = tmp;
                picks[t] = pool[t];
            }
        }
    }
}
