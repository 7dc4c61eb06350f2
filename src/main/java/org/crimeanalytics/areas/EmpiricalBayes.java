package org.crimeanalytics.areas;

/**
 * Empirical Bayes smoothing of rates (Marshall 1991), global and spatial, as GeoDa computes them.
 *
 * <p>For counts c_i and populations p_i with raw rates r_i = c_i / p_i: the prior mean is
 * b = sum c / sum p and the prior variance a = sum p_i (r_i - b)^2 / sum p - b / (sum p / n),
 * set to 0 when negative; the smoothed rate is w_i r_i + (1 - w_i) b with w_i = a / (a + b / p_i).
 * Spatial: the same with b and a computed over area i and its neighbours only. Areas with zero or
 * missing population get NaN (no rate), and are left out of the priors.
 */
public final class EmpiricalBayes {

    private EmpiricalBayes() {}

    /** Global EB rates. */
    public static double[] global(double[] count, double[] population) {
        int n = count.length;
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        double[] out = new double[n];
        double[] prior = prior(count, population, all);
        for (int i = 0; i < n; i++) out[i] = smooth(count[i], population[i], prior);
        return out;
    }

    /** Spatial EB rates; {@code neighbours[i]} are the neighbours of area i (i itself is added). */
    public static double[] spatial(double[] count, double[] population, int[][] neighbours) {
        int n = count.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int[] set = new int[neighbours[i].length + 1];
            set[0] = i;
            System.arraycopy(neighbours[i], 0, set, 1, neighbours[i].length);
            out[i] = smooth(count[i], population[i], prior(count, population, set));
        }
        return out;
    }

    /** {b, a} over the areas in {@code set} with positive population. */
    static double[] prior(double[] count, double[] pop, int[] set) {
        double sc = 0, sp = 0;
        int m = 0;
        for (int i : set) {
            if (!(pop[i] > 0)) continue;
            sc += count[i];
            sp += pop[i];
            m++;
        }
        if (m == 0) return new double[] {Double.NaN, 0};
        double b = sc / sp;
        double s = 0;
        for (int i : set) {
            if (!(pop[i] > 0)) continue;
            double r = count[i] / pop[i];
            s += pop[i] * (r - b) * (r - b);
        }
        double a = s / sp - b / (sp / m);
        return new double[] {b, Math.max(0, a)};
    }

    static double smooth(double c, double p, double[] prior) {
        if (!(p > 0)) return Double.NaN;
        double b = prior[0], a = prior[1];
        double r = c / p;
        if (Double.isNaN(b)) return r;
        double w = a + b / p == 0 ? 0 : a / (a + b / p);
        return w * r + (1 - w) * b;
    }
}
