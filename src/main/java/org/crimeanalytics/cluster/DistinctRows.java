package org.crimeanalytics.cluster;

import java.util.Arrays;

/**
 * The distinct rows of row-major {@code double[n * d]} data (equal bit patterns), each with its count as a
 * weight, and for every input row the index of its distinct row. Open addressing on the rows' bits: no
 * object per row.
 */
public final class DistinctRows {

    private final double[] data;
    private final double[] weights;
    private final int[] rowOf;

    private DistinctRows(double[] data, double[] weights, int[] rowOf) {
        this.data = data;
        this.weights = weights;
        this.rowOf = rowOf;
    }

    /**
     * The distinct rows of {@code x} (n = x.length / d rows of d values), in the order of their first occurrence. Holds
     * about 17 bytes an input row while it works (a 70 %-full table of first-occurrence rows, a count and a distinct
     * index per row), besides the result.
     */
    public static DistinctRows of(double[] x, int d) {
        int n = x.length / d;
        int cap = Integer.highestOneBit((int) Math.min(1 << 29, Math.max(4, n * 10L / 7))) << 1;
        int[] table = new int[cap]; // distinct index, -1 empty
        Arrays.fill(table, -1);
        int mask = cap - 1;
        int[] first = new int[n]; // the first input row of each distinct row
        int[] count = new int[n];
        int[] rowOf = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            long h = 1;
            for (int t = 0; t < d; t++) h = h * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(x[i * d + t]);
            int slot = (int) (h ^ (h >>> 32)) & mask;
            while (true) {
                int j = table[slot];
                if (j < 0) {
                    table[slot] = m;
                    first[m] = i;
                    count[m] = 1;
                    rowOf[i] = m++;
                    break;
                }
                int f = first[j] * d;
                if (Arrays.equals(x, f, f + d, x, i * d, i * d + d)) {
                    count[j]++;
                    rowOf[i] = j;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        table = null;
        double[] u = new double[m * d];
        double[] w = new double[m];
        for (int j = 0; j < m; j++) {
            System.arraycopy(x, first[j] * d, u, j * d, d);
            w[j] = count[j];
        }
        return new DistinctRows(u, w, rowOf);
    }

    /** Number of distinct rows. */
    public int size() {
        return weights.length;
    }

    public double[] data() {
        return data;
    }

    public double[] weights() {
        return weights;
    }

    /** For each input row, the index of its distinct row. */
    public int[] rowOf() {
        return rowOf;
    }
}
