package org.crimeanalytics.hotspot;

import org.crimeanalytics.stats.Alternative;
import org.crimeanalytics.stats.Normal;

/**
 * Getis–Ord statistics: local Gi and Gi* (Getis &amp; Ord 1992; Ord &amp; Getis 1995) and the global
 * General G, checked against R spdep 1.2.7 ({@code localG}, {@code globalG.test}) and PySAL esda.
 *
 * <p>Local: with L_i = sum_j w_ij y_j (+ w_ii y_i for Gi*), W_i = sum_j w_ij (+ w_ii), N = n for Gi*
 * and n - 1 for Gi (feature i left out of the mean and variance), mean and (population) variance
 * s^2 over those N values: z_i = (L_i - mean W_i) / (s sqrt((N Q_i - W_i^2)/(N - 1))), where
 * Q_i = sum of squared weights (spdep's S1i). For row-standardised weights esda uses Q_i = W_i, and
 * so do we, to give esda's numbers (spdep differs there; the processes use binary or inverse-distance
 * weights, where all agree).
 *
 * <p>The self weight w_ii of Gi* is the largest weight of row i: 1 for binary weights (spdep's
 * {@code include.self}), the nearest neighbour's weight for inverse distance (so the result does not
 * depend on the distance unit), and 1/(k_i + 1) for row-standardised weights, whose row is then
 * re-standardised (esda).
 *
 * <p>Degenerate input: a feature without neighbours is not tested: Gi* of a feature with only itself
 * is its standardised value, which is no evidence of clustering (ArcGIS warns likewise). It gets
 * z = p = NaN and the note {@link Moran#NO_NEIGHBOURS}; a feature whose neighbourhood is every
 * feature has no variance and gets {@link #ALL_NEIGHBOURS}. Zero variance of the values is rejected
 * by the caller.
 */
public final class GetisOrd {

    /** Why a feature whose neighbourhood holds every feature has no z. */
    public static final String ALL_NEIGHBOURS = "every feature is a neighbour: no variance";

    private GetisOrd() {}

    /** Local results: z, p (NaN where not tested), neighbour counts and the reason a feature was not tested (null otherwise). */
    public record Local(double[] z, double[] p, int[] neighbours, String[] note) {}

    /** Local Gi (star = false) or Gi* (star = true), two-sided p-values. */
    public static Local local(double[] y, SpatialWeights w, boolean star) {
        return local(y, w, star, Alternative.TWO_SIDED);
    }

    /** Local Gi (star = false) or Gi* (star = true) with p-values of the given alternative. */
    public static Local local(double[] y, SpatialWeights w, boolean star, Alternative alternative) {
        int n = y.length;
        double sum = 0, sum2 = 0;
        for (double v : y) {
            sum += v;
            sum2 += v * v;
        }
        double[] z = new double[n];
        double[] p = new double[n];
        String[] note = new String[n];
        int[] nn = new int[n];
        for (int i = 0; i < n; i++) {
            int[] js = w.neighbours(i);
            double[] ws = w.weights(i);
            nn[i] = js.length;
            if (js.length == 0) {
                z[i] = p[i] = Double.NaN;
                note[i] = Moran.NO_NEIGHBOURS;
                continue;
            }
            double selfW = 0;
            double scale = 1;
            if (star) {
                if (w.isRowStandardised()) {
                    selfW = 1.0 / (js.length + 1);
                    scale = js.length / (double) (js.length + 1); // rows re-standardised with self
                } else {
                    for (double v : ws) selfW = Math.max(selfW, v);
                }
            }
            double lag = selfW * y[i];
            double wsum = selfW;
            double w2 = selfW * selfW;
            for (int k = 0; k < js.length; k++) {
                double wk = ws[k] * scale;
                lag += wk * y[js[k]];
                wsum += wk;
                w2 += wk * wk;
            }
            double bigN = star ? n : n - 1;
            double mean = (star ? sum : sum - y[i]) / bigN;
            double var = (star ? sum2 : sum2 - y[i] * y[i]) / bigN - mean * mean;
            double q = w.isRowStandardised() ? wsum : w2;
            double den = (bigN * q - wsum * wsum) / (bigN - 1);
            if (var <= 0 || den <= 1e-12 * bigN * q || bigN < 2) {
                z[i] = Double.NaN;
                p[i] = Double.NaN;
                note[i] = var <= 0 ? "the other features' values do not vary" : ALL_NEIGHBOURS;
            } else {
                z[i] = (lag - mean * wsum) / (Math.sqrt(var) * Math.sqrt(den));
                p[i] = alternative.analytic(z[i]);
            }
        }
        return new Local(z, p, nn, note);
    }

    /**
     * Gi* of one feature under binary weights with itself included (a fixed distance band, as {@link #local} with
     * {@code star} and binary, not row-standardised weights computes it), from the sum of its {@code k} neighbours'
     * values and the sum, sum of squares and number of all values: for a caller that forms the neighbour sums
     * elsewhere (a distributed join); z and p NaN with {@link #local}'s note when the feature is not tested.
     */
    public static One starBinary(double yi, double neighbourSum, int k, double sum, double sum2, int n, Alternative alternative) {
        if (k == 0) return new One(Double.NaN, Double.NaN, Moran.NO_NEIGHBOURS);
        double lag = yi + neighbourSum, wsum = 1 + k, q = 1 + k;
        double mean = sum / n, var = sum2 / n - mean * mean;
        double den = (n * q - wsum * wsum) / (n - 1);
        if (var <= 0 || den <= 1e-12 * n * q || n < 2) {
            return new One(Double.NaN, Double.NaN, var <= 0 ? "the other features' values do not vary" : ALL_NEIGHBOURS);
        }
        double z = (lag - mean * wsum) / (Math.sqrt(var) * Math.sqrt(den));
        return new One(z, alternative.analytic(z), null);
    }

    /** Gi* of one feature: z, p, and the note of a feature not tested (null when tested). */
    public record One(double z, double p, String note) implements java.io.Serializable {}

    /** Global General G with its expectation, variance under normality (esda's moments), z and p. */
    public record Global(double g, double expected, double variance, double z, double pOneTailed, double pTwoTailed) {}

    /**
     * General G: sum_{i != j} w_ij y_i y_j / sum_{i != j} y_i y_j (binary weights usual), with the
     * moments of Getis &amp; Ord (1992) as R spdep's {@code globalG.test} computes them: n and the value
     * sums over the features that have neighbours ({@code adjust.n}, {@code adjust.x}). Values must be
     * non-negative (the caller checks).
     */
    public static Global general(double[] y, SpatialWeights w) {
        int n = y.length;
        double num = 0;
        double s0 = 0;
        double[] colSum = new double[n];
        double[] rowSum = new double[n];
        double sy = 0, sy2 = 0, sy3 = 0, sy4 = 0;
        int linked = 0;
        for (int i = 0; i < n; i++) {
            int[] js = w.neighbours(i);
            double[] ws = w.weights(i);
            for (int k = 0; k < js.length; k++) {
                num += ws[k] * y[i] * y[js[k]];
                s0 += ws[k];
                colSum[js[k]] += ws[k];
                rowSum[i] += ws[k];
            }
            if (js.length == 0) continue;
            linked++;
            double v = y[i];
            sy += v;
            sy2 += v * v;
            sy3 += v * v * v;
            sy4 += v * v * v * v;
        }
        double den = sy * sy - sy2;
        double g = num / den;
        double s1 = s1(w);
        double s2 = 0;
        for (int i = 0; i < n; i++) s2 += (rowSum[i] + colSum[i]) * (rowSum[i] + colSum[i]);
        double nd = linked;
        double n2 = nd * nd;
        double s02 = s0 * s0;
        double eg = s0 / (nd * (nd - 1));
        double b0 = (n2 - 3 * nd + 3) * s1 - nd * s2 + 3 * s02;
        double b1 = -((n2 - nd) * s1 - 2 * nd * s2 + 6 * s02);
        double b2 = -(2 * nd * s1 - (nd + 3) * s2 + 6 * s02);
        double b3 = 4 * (nd - 1) * s1 - 2 * (nd + 1) * s2 + 8 * s02;
        double b4 = s1 - s2 + s02;
        double eg2 = b0 * sy2 * sy2 + b1 * sy4 + b2 * sy * sy * sy2 + b3 * sy * sy3 + b4 * sy * sy * sy * sy;
        eg2 /= den * den * nd * (nd - 1) * (nd - 2) * (nd - 3);
        double vg = eg2 - eg * eg;
        double z = vg > 0 ? (g - eg) / Math.sqrt(vg) : Double.NaN;
        return new Global(g, eg, vg, z, Normal.sf(Math.abs(z)), Normal.twoTailedP(z));
    }

    /** S1 = 1/2 sum_ij (w_ij + w_ji)^2. */
    static double s1(SpatialWeights w) {
        double s1 = 0;
        for (int i = 0; i < w.size(); i++) {
            int[] js = w.neighbours(i);
            double[] ws = w.weights(i);
            for (int k = 0; k < js.length; k++) {
                double wji = w.weight(js[k], i);
                s1 += (ws[k] + wji) * (ws[k] + wji);
            }
        }
        // pairs linked one way only are counted once above: their (w_ij + 0)^2 appears from i's row;
        // pairs linked both ways appear twice, so halve those — handled by counting asymmetric links twice
        double asym = 0;
        for (int i = 0; i < w.size(); i++) {
            int[] js = w.neighbours(i);
            double[] ws = w.weights(i);
            for (int k = 0; k < js.length; k++) {
                if (w.weight(js[k], i) == 0) asym += ws[k] * ws[k];
            }
        }
        return (s1 + asym) / 2;
    }
}
