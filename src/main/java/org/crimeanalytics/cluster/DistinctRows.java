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
     * The distinct rows of {@code x} (n = x.length / d rows of d values), in the order of their first occurrence. Rows are
     * equal when their values' {@link Double#doubleToLongBits} are (so -0.0 differs from 0.0 and every NaN is one value).
     *
     * <p>The hash table grows with the distinct rows found and holds their bits in its slots, so a repeated row is
     * matched with one probe into memory the size of the distinct rows, not of the input: crime locations repeat (the
     * five Chicago years, 1.29 M incidents: 345 k distinct points), and the lookup into a table sized for every row, then
     * into the first occurrence's row, cost twice the time (0.27 against 0.14 s, C1, the same result). Holds a row index
     * per input row besides, per distinct row (d = 2), 40 to 75 bytes while it works and about 100 while the table grows:
     * less than a table sized for every row when rows repeat (those five years: about 13 MB against 23 MB), more when
     * nearly every row is distinct (1.3 M distinct points: about 130 MB at the last growth against 23 MB).
     *
     * @throws IllegalArgumentException when the distinct rows are too many for one table (some 375 million of 2 values)
     */
    public static DistinctRows of(double[] x, int d) {
        int n = x.length / d;
        Table t = new Table(d, n);
        int[] rowOf = new int[n];
        for (int i = 0; i < n; i++) rowOf[i] = t.indexOf(x, i * d, i);
        int m = t.size;
        double[] u = new double[m * d];
        double[] w = new double[m];
        for (int j = 0; j < m; j++) {
            System.arraycopy(x, t.first[j] * d, u, j * d, d);
            w[j] = t.count[j];
        }
        return new DistinctRows(u, w, rowOf);
    }

    /** Open addressing over distinct rows: each slot holds a row's bits and its distinct index plus one (0: empty). */
    private static final class Table {
        final int d;
        final int maxRows;
        long[] keys;
        int[] slots;
        int mask;
        int[] first = new int[64]; // the first input row of each distinct row
        int[] count = new int[64];
        int size;

        Table(int d, int maxRows) {
            this.d = d;
            this.maxRows = maxRows;
            allocate(1024);
        }

        private void allocate(int cap) {
            keys = new long[cap * d];
            slots = new int[cap];
            mask = cap - 1;
        }

        /** The distinct index of the row at {@code x[o .. o + d)}, input row {@code row}, added when new. */
        int indexOf(double[] x, int o, int row) {
            long h = 1;
            for (int t = 0; t < d; t++) h = h * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(x[o + t]);
            int slot = (int) (h ^ (h >>> 32)) & mask;
            while (true) {
                int j = slots[slot];
                if (j == 0) return add(x, o, row, slot);
                int k = slot * d, t = 0;
                while (t < d && keys[k + t] == Double.doubleToLongBits(x[o + t])) t++;
                if (t == d) {
                    count[j - 1]++;
                    return j - 1;
                }
                slot = (slot + 1) & mask;
            }
        }

        private int add(double[] x, int o, int row, int slot) {
            int j = size++;
            if (j == first.length) {
                int len = (int) Math.min(maxRows, 2L * j);
                first = Arrays.copyOf(first, len);
                count = Arrays.copyOf(count, len);
            }
            first[j] = row;
            count[j] = 1;
            slots[slot] = j + 1;
            for (int t = 0; t < d; t++) keys[slot * d + t] = Double.doubleToLongBits(x[o + t]);
            if (size * 10L > slots.length * 7L) grow();
            return j;
        }

        /** Twice the slots, at most 70 % full: every row's bits and index moved over. */
        private void grow() {
            if ((long) slots.length * 2 * d > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("too many distinct rows for one table: " + size + " of " + d + " values");
            }
            long[] ok = keys;
            int[] os = slots;
            allocate(os.length * 2);
            for (int s = 0; s < os.length; s++) {
                if (os[s] == 0) continue;
                long h = 1;
                for (int t = 0; t < d; t++) h = h * 0x9E3779B97F4A7C15L + ok[s * d + t];
                int slot = (int) (h ^ (h >>> 32)) & mask;
                while (slots[slot] != 0) slot = (slot + 1) & mask;
                slots[slot] = os[s];
                System.arraycopy(ok, s * d, keys, slot * d, d);
            }
        }
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
