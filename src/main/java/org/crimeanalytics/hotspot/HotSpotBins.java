package org.crimeanalytics.hotspot;

/**
 * Confidence bins of hot and cold spots as ArcGIS reports them: +-3 (99 %), +-2 (95 %), +-1 (90 %),
 * 0 not significant; with FDR the three p-value thresholds are Benjamini–Hochberg thresholds at
 * 0.01, 0.05 and 0.10 instead of the raw levels.
 */
public final class HotSpotBins {

    private static final double[] ALPHA = {0.01, 0.05, 0.10};

    private HotSpotBins() {}

    /** Bins from z-scores and two-tailed p-values (NaN gives 0). */
    public static int[] bins(double[] z, double[] p, boolean fdr) {
        double[] thr = thresholds(p, fdr);
        int[] b = new int[z.length];
        for (int i = 0; i < z.length; i++) b[i] = bin(z[i], p[i], thr, fdr);
        return b;
    }

    /** The p-value thresholds of the 99, 95 and 90 % levels: 0.01, 0.05, 0.10, or their FDR-corrected values over {@code p}. */
    public static double[] thresholds(double[] p, boolean fdr) {
        double[] thr = new double[3];
        for (int l = 0; l < 3; l++) thr[l] = fdr ? Fdr.threshold(p, ALPHA[l]) : ALPHA[l];
        return thr;
    }

    /** The bin of one feature (0 when z or p is NaN) under {@link #thresholds}. */
    public static int bin(double z, double p, double[] thr, boolean fdr) {
        if (Double.isNaN(p) || Double.isNaN(z)) return 0;
        int level = 0;
        if (p <= thr[2] && thr[2] > 0) level = 1;
        if (p <= thr[1] && thr[1] > 0) level = 2;
        if (p <= thr[0] && thr[0] > 0) level = 3;
        if (!fdr) { // raw levels are strict: p < alpha
            level = p < 0.01 ? 3 : p < 0.05 ? 2 : p < 0.10 ? 1 : 0;
        }
        return z > 0 ? level : -level;
    }

    /** The label of a bin ("Hot Spot - 99% Confidence", "Not Significant", ...). */
    public static String text(int bin) {
        if (bin == 0) return "Not Significant";
        String kind = bin > 0 ? "Hot Spot" : "Cold Spot";
        int level = Math.abs(bin);
        return kind + " - " + (level == 3 ? 99 : level == 2 ? 95 : 90) + "% Confidence";
    }

    /** Cluster/outlier type of local Moran: HH, LL, HL, LH when p &lt;= threshold, else "". */
    public static String coType(double deviation, double lag, double p, double threshold) {
        if (Double.isNaN(p) || p > threshold) return "";
        if (deviation > 0) return lag > 0 ? "HH" : "HL";
        return lag < 0 ? "LL" : "LH";
    }
}
