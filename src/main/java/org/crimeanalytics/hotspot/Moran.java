package org.crimeanalytics.hotspot;

import java.util.SplittableRandom;
import org.crimeanalytics.stats.Normal;

/**
 * Moran's I: global (Moran 1950; moments of Cliff &amp; Ord 1981, as in esda) and local
 * (Anselin 1995) with analytic and conditional-permutation inference.
 */
public final class Moran {

    private Moran() {}

    /** Global Moran's I with expectation, variances under normality and randomisation, z and p (one- and two-tailed). */
    public record Global(double i, double expected, double varNorm, double varRand, double zNorm, double zRand,
            double pNormOneTailed, double pNormTwoTailed, double pRandTwoTailed) {}

    /** Global Moran's I of {@code y} with weights {@code w} (use row-standardised weights for esda's default). */
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
        for (int i = 0; i < n; i++) {
            int[] js = w.neighbours(i);
            double[] ws = w.weights(i);
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
        double nd = n;
        double I = nd / s0 * num / z2;
        double ei = -1.0 / (nd - 1);
        double s02 = s0 * s0;
        double vNorm = (nd * nd * s1 - nd * s2 + 3 * s02) / ((nd * nd - 1) * s02) - ei * ei;
        double k = (z4 / nd) / ((z2 / nd) * (z2 / nd));
        double vRand = (nd * ((nd * nd - 3 * nd + 3) * s1 - nd * s2 + 3 * s02) - k * ((nd * nd - nd) * s1 - 2 * nd * s2 + 6 * s02))
                / ((nd - 1) * (nd - 2) * (nd - 3) * s02) - ei * ei;
        double zn = (I - ei) / Math.sqrt(vNorm);
        double zr = (I - ei) / Math.sqrt(vRand);
        return new Global(I, ei, vNorm, vRand, zn, zr, Normal.sf(Math.abs(zn)), Normal.twoTailedP(zn), Normal.twoTailedP(zr));
    }

    /** Local Moran results; {@code pSim} is NaN without permutations. */
    public record Local(double[] index, double[] expected, double[] variance, double[] z, double[] p, double[] pSim,
            double[] lag, double[] deviation, int[] neighbours) {}

    /**
     * Anselin's local Moran: I_i = (z_i / m2) sum_j w_ij z_j with z = y - mean, m2 = sum z^2 / n;
     * E[I_i] = -w_i / (n - 1); Var[I_i] = w_i(2) (n - b2)/(n - 1) + 2 w_i(kh) (2 b2 - n)/((n - 1)(n - 2))
     * - E[I_i]^2 with b2 = m4 / m2^2, w_i(2) = sum_j w_ij^2, w_i(kh) = sum_{k != h} w_ik w_ih
     * (Anselin 1995, eq. 13-14). With {@code permutations} &gt; 0 also a pseudo p-value from conditional
     * randomisation (feature i fixed, its neighbours drawn from the other n - 1 values), folded to the
     * smaller tail: (min(larger, R - larger) + 1) / (R + 1), as esda does. Each feature draws from its
     * own generator seeded from {@code seed} and i, so results do not depend on thread order.
     * Islands get NaN.
     */
    public static Local local(double[] y, SpatialWeights w, int permutations, long seed) {
        return local(y, w, permutations, seed, null);
    }

    /** As {@link #local(double[], SpatialWeights, int, long)}, checking {@code cancelled} between features. */
    public static Local local(double[] y, SpatialWeights w, int permutations, long seed, java.util.function.BooleanSupplier cancelled) {
        int n = y.length;
        double mean = 0;
        for (double v : y) mean += v;
        mean /= n;
        double[] z = new double[n];
        double m2 = 0, m4 = 0;
        for (int i = 0; i < n; i++) {
            z[i] = y[i] - mean;
            m2 += z[i] * z[i];
            m4 += z[i] * z[i] * z[i] * z[i];
        }
        m2 /= n;
        m4 /= n;
        double b2 = m4 / (m2 * m2);
        double[] I = new double[n], e = new double[n], v = new double[n], zs = new double[n], p = new double[n];
        double[] ps = new double[n], lag = new double[n];
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
            if (js.length == 0 || m2 == 0) {
                I[i] = e[i] = v[i] = zs[i] = p[i] = ps[i] = Double.NaN;
                continue;
            }
            I[i] = z[i] / m2 * l;
            e[i] = -wi / (n - 1.0);
            double wkh = wi * wi - wi2;
            v[i] = wi2 * (n - b2) / (n - 1.0) + 2 * wkh * (2 * b2 - n) / ((n - 1.0) * (n - 2.0)) - e[i] * e[i];
            zs[i] = v[i] > 0 ? (I[i] - e[i]) / Math.sqrt(v[i]) : Double.NaN;
            p[i] = Normal.twoTailedP(zs[i]);
            ps[i] = Double.NaN;
        }
        if (permutations > 0) {
            int[] picks = new int[n];
            int[] pool = new int[Math.max(0, n - 1)];
            for (int i = 0; i < n; i++) {
                if (cancelled != null && cancelled.getAsBoolean()) throw new java.util.concurrent.CancellationException("cancelled");
                int[] js = w.neighbours(i);
                if (js.length == 0 || m2 == 0) continue;
                double[] ws = w.weights(i);
                int k = Math.min(js.length, n - 1);
                SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
                int larger = 0;
                for (int r = 0; r < permutations; r++) {
                    drawOthers(i, n, k, rnd, picks, pool);
                    double lr = 0;
                    for (int t = 0; t < k; t++) lr += ws[t] * z[picks[t]];
                    if (z[i] / m2 * lr >= I[i]) larger++;
                }
                int folded = Math.min(larger, permutations - larger);
                ps[i] = (folded + 1.0) / (permutations + 1.0);
            }
        }
        double[] dev = z;
        return new Local(I, e, v, zs, p, ps, lag, dev, nn);
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
