package org.crimeanalytics.stats;

/**
 * Order statistics in linear expected time (Hoare's quickselect with median-of-three pivots), for
 * medians of millions of values where a full sort would cost n log n.
 */
public final class Select {

    private Select() {}

    /**
     * The k-th smallest (0-based) of {@code a[0..n)}; reorders {@code a}. NaN values must not occur.
     *
     * @throws IllegalArgumentException when k is not in [0, n)
     */
    public static double kth(double[] a, int n, int k) {
        if (k < 0 || k >= n) throw new IllegalArgumentException("k must be in [0, " + n + "), was " + k);
        int lo = 0, hi = n - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            // median of three into a[mid]
            if (a[mid] < a[lo]) swap(a, mid, lo);
            if (a[hi] < a[lo]) swap(a, hi, lo);
            if (a[hi] < a[mid]) swap(a, hi, mid);
            double pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return a[k];
        }
        return a[k];
    }

    /** The median of {@code a[0..n)} (the mean of the two middle values for even n); {@code a} is not changed. */
    public static double median(double[] a, int n) {
        if (n == 0) return Double.NaN;
        return medianInPlace(java.util.Arrays.copyOf(a, n), n);
    }

    /** As {@link #median}, without a copy: reorders {@code a[0..n)}. */
    public static double medianInPlace(double[] c, int n) {
        if (n == 0) return Double.NaN;
        double hiMid = kth(c, n, n / 2);
        if (n % 2 == 1) return hiMid;
        // the largest value below position n / 2 lies in c[0..n/2) after the partition
        double loMid = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n / 2; i++) loMid = Math.max(loMid, c[i]);
        return (loMid + hiMid) / 2;
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
