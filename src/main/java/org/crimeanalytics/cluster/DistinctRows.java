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
        if (n >= TWO_THREADS_FROM) return ofHalves(x, d, n);
        Table t = new Table(d, n);
        int[] rowOf = new int[n];
        for (int i = 0; i < n; i++) rowOf[i] = t.indexOf(x, i * d, i, mix(x, i * d, d));
        int m = t.size;
        double[] u = new double[m * d];
        double[] w = new double[m];
        for (int j = 0; j < m; j++) {
            System.arraycopy(x, t.first[j] * d, u, j * d, d);
            w[j] = t.count[j];
        }
        return new DistinctRows(u, w, rowOf);
    }

    /** From this many rows on, two threads share the work ({@link #ofHalves}). */
    static final int TWO_THREADS_FROM = 100_000;

    /**
     * {@link #of} on two threads, with the same result: each thread keeps a table of the rows whose hash has its value of
     * bit 31 (a bit no slot index uses), so equal rows meet in one table, and visits them in input order; the two tables'
     * distinct rows are then merged by their first occurrence. The five Chicago years (1.29 M points, 345 k distinct,
     * C1): 0.15 s on one thread, 0.10-0.13 s on two (each thread hashes every row and probes half; hashing the rows
     * first, half on each thread, was no faster).
     */
    static DistinctRows ofHalves(double[] x, int d, int n) {
        Table[] t = {new Table(d, n), new Table(d, n)};
        int[] local = new int[n]; // a row's index in its half's table, times two, plus its half
        org.crimeanalytics.util.Threads.both(() -> half(t[1], x, d, n, 1, local), () -> half(t[0], x, d, n, 0, local));
        int m0 = t[0].size, m1 = t[1].size, m = m0 + m1;
        int[][] global = {new int[m0], new int[m1]};
        double[] u = new double[m * d];
        double[] w = new double[m];
        for (int j = 0, a = 0, b = 0; j < m; j++) { // merged in order of first occurrence (rows occur once: no ties)
            Table from;
            int k;
            if (b == m1 || (a < m0 && t[0].first[a] < t[1].first[b])) {
                from = t[0];
                k = a;
                global[0][a++] = j;
            } else {
                from = t[1];
                k = b;
                global[1][b++] = j;
            }
            System.arraycopy(x, from.first[k] * d, u, j * d, d);
            w[j] = from.count[k];
        }
        int[] rowOf = local; // overwritten in place: each row's entry is read once
        for (int i = 0; i < n; i++) rowOf[i] = global[local[i] & 1][local[i] >>> 1];
        return new DistinctRows(u, w, rowOf);
    }

    private static void half(Table t, double[] x, int d, int n, int which, int[] local) {
        for (int i = 0; i < n; i++) {
            int h = mix(x, i * d, d);
            if (h >>> 31 == which) local[i] = t.indexOf(x, i * d, i, h) << 1 | which;
        }
    }

    /** A row's hash: its values' bits, mixed; slots use its low bits (at most 30 of them), {@link #ofHalves} bit 31. */
    private static int mix(double[] x, int o, int d) {
        long h = 1;
        for (int t = 0; t < d; t++) h = h * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(x[o + t]);
        return (int) (h ^ (h >>> 32));
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

        /** The distinct index of the row at {@code x[o .. o + d)}, input row {@code row}, hash {@code h}, added when new. */
        int indexOf(double[] x, int o, int row, int h) {
            int slot = h & mask;
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
                int slot = (int) (h ^ (h >>> 32)) & mask; // mix() of the row
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
