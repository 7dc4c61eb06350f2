package org.crimeanalytics.spacetime;

/**
 * The pattern categories of ArcGIS Pro's Emerging Hot Spot Analysis ("How Emerging Hot Spot Analysis
 * works"), from a location's series of significant hot (+1), cold (-1) or not significant (0) time
 * steps and the Mann-Kendall trend of its Gi* z-scores. Codes: 1 new, 2 consecutive, 3 intensifying,
 * 4 persistent, 5 diminishing, 6 sporadic, 7 oscillating, 8 historical hot spot; the negative codes
 * are the matching cold spots; 0 no pattern.
 * <ul>
 *   <li>New: the final step is significant, and it is the first significant step of that kind.</li>
 *   <li>Consecutive: one uninterrupted run of at least two significant steps ending with the final
 *       step, none before the run, and under 90 % of steps significant.</li>
 *   <li>Intensifying / persistent / diminishing: at least 90 % of steps significant, the final one
 *       included; z-score trend significantly up / none / significantly down.</li>
 *   <li>Sporadic: the final step significant, under 90 % of steps significant, on and off, never a
 *       significant step of the opposite kind.</li>
 *   <li>Oscillating: the final step significant, under 90 % of steps significant, and an earlier
 *       step significant of the opposite kind.</li>
 *   <li>Historical: the final step not significant, at least 90 % of steps significant.</li>
 * </ul>
 */
public final class EmergingPatterns {

    private static final String[] NAMES = {"No Pattern Detected", "New", "Consecutive", "Intensifying", "Persistent",
        "Diminishing", "Sporadic", "Oscillating", "Historical"};

    private EmergingPatterns() {}

    /** The category code of a series of bins (+1 hot, -1 cold, 0 not significant). */
    public static int classify(int[] bins, double trendZ, double trendP, double alpha) {
        int hot = classifyOne(bins, 1, trendZ, trendP, alpha);
        if (hot != 0) return hot;
        return -classifyOne(bins, -1, -trendZ, trendP, alpha);
    }

    private static int classifyOne(int[] bins, int kind, double trendZ, double trendP, double alpha) {
        int t = bins.length;
        int sig = 0;
        boolean opposite = false;
        for (int b : bins) {
            if (b == kind) sig++;
            if (b == -kind) opposite = true;
        }
        boolean last = bins[t - 1] == kind;
        double frac = (double) sig / t;
        if (!last) return frac >= 0.9 ? 8 : 0;
        if (sig == 1) return 1;
        if (frac >= 0.9) {
            if (trendP < alpha && trendZ > 0) return 3;
            if (trendP < alpha && trendZ < 0) return 5;
            return 4;
        }
        // one run ending at the final step, nothing significant before it?
        int k = t - 1;
        while (k >= 0 && bins[k] == kind) k--;
        boolean before = false;
        for (int i = 0; i <= k; i++) if (bins[i] == kind) before = true;
        if (!before) return 2;
        return opposite ? 7 : 6;
    }

    /** "New Hot Spot", "Persistent Cold Spot", "No Pattern Detected"... */
    public static String name(int code) {
        if (code == 0) return NAMES[0];
        return NAMES[Math.abs(code)] + (code > 0 ? " Hot Spot" : " Cold Spot");
    }
}
