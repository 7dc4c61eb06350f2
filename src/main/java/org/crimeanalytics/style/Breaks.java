package org.crimeanalytics.style;

import java.util.Arrays;

/**
 * Class breaks computed from data, for choropleth maps. Returned breaks are the k + 1 class limits
 * b0 &lt;= b1 &lt;= ... &lt;= bk with b0 = min and bk = max; classes are [b_j, b_j+1), the last one closed (b(k-1) = bk = max
 * when the top class holds the maximum alone).
 * NaN values are ignored; with no finite value, or all values equal, one class [v, v] results.
 */
public final class Breaks {

    /**
     * Classification method. MEAN_MULTIPLES: limits at 1, 2, ... (k - 1) times the mean value (those between the
     * minimum and the maximum), the thresholds Chainey recommends for kernel density hot spot maps ("Methods and
     * techniques for understanding crime hot spots", in Eck et al. 2005, Mapping Crime: Understanding Hot Spots,
     * NIJ): the top classes are cells at several times the average density.
     */
    public enum Method { QUANTILE, EQUAL_INTERVAL, NATURAL_BREAKS, LOGARITHMIC, MEAN_MULTIPLES }

    private Breaks() {}

    public static double[] compute(double[] values, int classes, Method method) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (classes < 1) throw new IllegalArgumentException("classes must be >= 1, was " + classes);
        if (v.length == 0) return new double[] {0, 0};
        double min = v[0], max = v[v.length - 1];
        if (min == max) return new double[] {min, max};
        int k = Math.min(classes, v.length);
        double[] b = switch (method) {
            case QUANTILE -> quantile(v, k);
            case EQUAL_INTERVAL -> equal(min, max, k);
            case NATURAL_BREAKS -> jenks(v, k);
            case LOGARITHMIC -> logarithmic(v, k);
            case MEAN_MULTIPLES -> meanMultiples(v, classes);
        };
        // drop repeated limits (heavily tied data), but for a top class that holds the maximum alone (an outlier area):
        // limits ..., max, max, that class [max, max] (the one below ends before max)
        double[] d = Arrays.stream(b).distinct().toArray();
        if (d.length < 2) return new double[] {min, max};
        if (b.length >= 3 && b[b.length - 2] == max && d[d.length - 2] < max) {
            d = Arrays.copyOf(d, d.length + 1);
            d[d.length - 1] = max;
        }
        return d;
    }

    static double[] equal(double min, double max, int k) {
        double[] b = new double[k + 1];
        for (int j = 0; j <= k; j++) b[j] = min + (max - min) * j / k;
        b[k] = max;
        return b;
    }

    /** Limits at the j/k quantiles (nearest-rank, lower value). */
    static double[] quantile(double[] v, int k) {
        double[] b = new double[k + 1];
        b[0] = v[0];
        for (int j = 1; j < k; j++) b[j] = v[(int) Math.floor((double) j * v.length / k)];
        b[k] = v[v.length - 1];
        return b;
    }

    /** min, the multiples 1..k-1 of the mean strictly between min and max, max. */
    static double[] meanMultiples(double[] v, int k) {
        double mean = Arrays.stream(v).average().orElse(0);
        double min = v[0], max = v[v.length - 1];
        double[] b = new double[k + 1];
        int n = 0;
        b[n++] = min;
        for (int m = 1; m < k; m++) {
            double lim = m * mean;
            if (lim > min && lim < max) b[n++] = lim;
        }
        b[n++] = max;
        return Arrays.copyOf(b, n);
    }

    /** Equal intervals of log10(1 + v - min) (zero and counts handled). */
    static double[] logarithmic(double[] v, int k) {
        double min = v[0], max = v[v.length - 1];
        double lmax = Math.log10(1 + max - min);
        double[] b = new double[k + 1];
        for (int j = 0; j <= k; j++) b[j] = min + Math.pow(10, lmax * j / k) - 1;
        b[0] = min;
        b[k] = max;
        return b;
    }

    /**
     * Jenks natural breaks by the exact Fisher (1958) dynamic programme minimising the within-class
     * sum of squared deviations; O(k n^2), so above 3,000 values it runs on 3,000 evenly spaced order
     * statistics (min and max kept). Classes never split tied values (a cut falls only between two different values),
     * so k classes come out whenever there are k distinct values (with many tied values, e.g. zero rates, a split
     * inside the ties cost nothing and the repeated limit was dropped: one class fewer than asked).
     */
    static double[] jenks(double[] sorted, int k) {
        double[] v = sorted;
        if (v.length > 3000) {
            double[] s = new double[3000];
            for (int i = 0; i < s.length; i++) s[i] = v[(int) Math.round((double) i * (v.length - 1) / (s.length - 1))];
            v = s;
        }
        int n = v.length;
        int distinct = 1;
        for (int i = 1; i < n; i++) if (v[i] != v[i - 1]) distinct++;
        k = Math.min(k, distinct);
        double[] cs = new double[n + 1], cs2 = new double[n + 1];
        for (int i = 0; i < n; i++) {
            cs[i + 1] = cs[i] + v[i];
            cs2[i + 1] = cs2[i] + v[i] * v[i];
        }
        double[][] cost = new double[k + 1][n + 1];
        int[][] cut = new int[k + 1][n + 1];
        for (double[] row : cost) Arrays.fill(row, Double.POSITIVE_INFINITY);
        cost[0][0] = 0;
        for (int c = 1; c <= k; c++) {
            for (int m = c; m <= n; m++) {
                if (m < n && v[m] == v[m - 1]) continue; // a class ends only where the value changes
                for (int j = c - 1; j < m; j++) { // last class = v[j..m)
                    if (cost[c - 1][j] == Double.POSITIVE_INFINITY) continue;
                    double s = cs[m] - cs[j], s2 = cs2[m] - cs2[j];
                    double ssd = s2 - s * s / (m - j);
                    double total = cost[c - 1][j] + ssd;
                    if (total < cost[c][m]) {
                        cost[c][m] = total;
                        cut[c][m] = j;
                    }
                }
            }
        }
        double[] b = new double[k + 1];
        b[k] = v[n - 1];
        int m = n;
        for (int c = k; c >= 1; c--) {
            int j = cut[c][m];
            b[c - 1] = v[j];
            m = j;
        }
        b[0] = v[0];
        return b;
    }
}
