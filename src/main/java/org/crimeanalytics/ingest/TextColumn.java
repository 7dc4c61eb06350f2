package org.crimeanalytics.ingest;

import java.util.Arrays;
import java.util.List;

/**
 * One text column of an {@link IncidentTable}, dictionary-encoded: each row holds a code into the column's values (code
 * 0: null). A code takes one byte a row while the column has at most 256 codes (null included), two bytes up to 65,536,
 * four beyond; a column whose rows are all null holds no array at all. Values are shared by content up to
 * {@value #MAX_POOLED} distinct ones; past that each new value gets its own code (a high-cardinality column then costs
 * about 8 bytes a row instead of a growing hash table).
 *
 * <p>Why not a {@code String[]} a column: the codes are primitive arrays, so the garbage collector has no reference per
 * row to scan or to update (with 1.3 M rows and eight text columns, young collections during a read spent 40-80 ms on
 * those references), and a Chicago row's six text values take 8 bytes instead of 24.
 *
 * <p>Not thread-safe: a column is filled by one thread; {@link #concat} may run for several columns at once.
 */
final class TextColumn {

    /** Distinct values shared by content; past this many, a new value is stored as it comes (its own code). */
    static final int MAX_POOLED = 1 << 16;

    private String[] values = new String[16];
    private int count = 1; // values[0] is null
    private int[] slots = new int[64]; // open addressing over the pooled codes (0: empty)
    private int pooled;
    private int width; // bytes a code: 0 (no array: every row null), 1, 2 or 4
    private byte[] b;
    private short[] s;
    private int[] w;
    private int capacity;

    TextColumn(int capacity) {
        this.capacity = capacity;
    }

    /** The value of row {@code i} (null when empty). */
    String get(int i) {
        return values[code(i)];
    }

    /** Sets row {@code i} (below the capacity) to {@code v} (null: empty). */
    void set(int i, String v) {
        put(i, codeOf(v));
    }

    /** The number of distinct codes, null included (for tests). */
    int codes() {
        return count;
    }

    /** Bytes a row's code takes: 0 while every row is null, then 1, 2 or 4 (for tests). */
    int width() {
        return width;
    }

    private int code(int i) {
        return switch (width) {
            case 1 -> b[i] & 0xff;
            case 2 -> s[i] & 0xffff;
            case 4 -> w[i];
            default -> 0;
        };
    }

    private void put(int i, int c) {
        if (width == 0) {
            if (c == 0) return; // rows are null until an array exists
            allocate(widthFor(count - 1));
        }
        switch (width) {
            case 1 -> b[i] = (byte) c;
            case 2 -> s[i] = (short) c;
            default -> w[i] = c;
        }
    }

    private static int widthFor(int maxCode) {
        return maxCode <= 0xff ? 1 : maxCode <= 0xffff ? 2 : 4;
    }

    private void allocate(int wd) {
        width = wd;
        switch (wd) {
            case 1 -> b = new byte[capacity];
            case 2 -> s = new short[capacity];
            default -> w = new int[capacity];
        }
    }

    /** The code of {@code v}, added to the values when new. */
    private int codeOf(String v) {
        if (v == null) return 0;
        int h = v.hashCode();
        h ^= h >>> 16;
        int mask = slots.length - 1;
        for (int k = h & mask;; k = (k + 1) & mask) {
            int c = slots[k];
            if (c == 0) {
                int added = append(v);
                if (pooled < MAX_POOLED) {
                    slots[k] = added;
                    if (++pooled * 2 > slots.length) rehash();
                }
                return added;
            }
            String x = values[c];
            if (x == v || x.equals(v)) return c;
        }
    }

    private int append(String v) {
        if (count == values.length) values = Arrays.copyOf(values, count * 2);
        int c = count++;
        values[c] = v;
        if (width > 0 && widthFor(c) > width) widen(widthFor(c));
        return c;
    }

    private void widen(int wd) {
        int[] codes = new int[width == 0 ? 0 : capacity];
        for (int i = 0; i < codes.length; i++) codes[i] = code(i);
        b = null;
        s = null;
        w = null;
        allocate(wd);
        for (int i = 0; i < codes.length; i++) if (codes[i] != 0) put(i, codes[i]);
    }

    private void rehash() {
        int[] n = new int[slots.length * 2];
        int mask = n.length - 1;
        for (int c : slots) {
            if (c == 0) continue;
            int h = values[c].hashCode();
            h ^= h >>> 16;
            int k = h & mask;
            while (n[k] != 0) k = (k + 1) & mask;
            n[k] = c;
        }
        slots = n;
    }

    /** Room for {@code n} rows (n at least the capacity). */
    void grow(int n) {
        capacity = n;
        switch (width) {
            case 1 -> b = Arrays.copyOf(b, n);
            case 2 -> s = Arrays.copyOf(s, n);
            case 4 -> w = Arrays.copyOf(w, n);
            default -> { }
        }
    }

    /** Capacity cut to {@code n} rows (the first n kept). */
    void trim(int n) {
        grow(n);
    }

    /** Keeps the rows {@code i < n} with {@code keep[i]}, in order, from row 0. */
    void retain(boolean[] keep, int n) {
        if (width == 0) return;
        int at = 0;
        for (int i = 0; i < n; i++) {
            if (!keep[i]) continue;
            if (at != i) put(at, code(i));
            at++;
        }
    }

    /**
     * One column holding the rows of {@code parts} (of {@code sizes[q]} rows each) whose flag in {@code keep} is set
     * (indexed over all the parts' rows in order; null: every row), in order; {@code capacity} rows at least.
     */
    static TextColumn concat(List<TextColumn> parts, int[] sizes, boolean[] keep, int capacity) {
        TextColumn t = new TextColumn(capacity);
        int[][] remap = new int[parts.size()][];
        for (int q = 0; q < parts.size(); q++) { // the values first: the codes' width is then known
            TextColumn p = parts.get(q);
            remap[q] = new int[p.count];
            for (int c = 1; c < p.count; c++) remap[q][c] = t.codeOf(p.values[c]);
        }
        if (t.count > 1) t.allocate(widthFor(t.count - 1));
        int at = 0, offset = 0;
        for (int q = 0; q < parts.size(); q++) {
            TextColumn p = parts.get(q);
            int[] r = remap[q];
            for (int i = 0; i < sizes[q]; i++) {
                if (keep != null && !keep[offset + i]) continue;
                int c = p.code(i);
                if (c != 0) t.put(at, r[c]);
                at++;
            }
            offset += sizes[q];
        }
        return t;
    }
}
