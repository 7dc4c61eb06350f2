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

    public static DistinctRows of(double[] x, int d) {
        int n = x.length / d;
        int cap = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
        int[] table = new int[cap];
        Arrays.fill(table, -1);
        int mask = cap - 1;
        double[] u = new double[x.length];
        double[] w = new double[n];
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
                    System.arraycopy(x, i * d, u, m * d, d);
                    w[m] = 1;
                    rowOf[i] = m++;
                    break;
                }
                if (Arrays.equals(u, j * d, j * d + d, x, i * d, i * d + d)) {
                    w[j]++;
                    rowOf[i] = j;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return new DistinctRows(Arrays.copyOf(u, m * d), Arrays.copyOf(w, m), rowOf);
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
