package org.crimeanalytics.ingest;

import java.util.Arrays;
import java.util.List;

/**
 * One text column of an {@link IncidentTable}, dictionary-encoded while it has few distinct values: each row holds a
 * code into the column's values (code 0: null), one byte a row while the column has at most 255 values, two bytes up to
 * {@value #MAX_CODED}; a column whose rows are all null holds no array at all. A column with more distinct values (ids,
 * addresses, free text kept with {@code keepColumns}) turns into a plain array of Strings, 4 bytes a row as before.
 *
 * <p>Why codes rather than a {@code String[]}: the codes are primitive arrays, so the garbage collector has no reference
 * per row to scan or to update (with 1.3 M rows and eight text columns, young collections during a read spent 40-80 ms
 * on those references), and a Chicago row's six text values take 8 bytes instead of 24.
 *
 * <p>Not thread-safe: a column is filled by one thread; {@link #concat} may run for several columns at once.
 */
final class TextColumn {

    /** Most distinct values a column holds as codes; past this it is a plain array of Strings. */
    static final int MAX_CODED = 0xffff;

    private String[] values = new String[16];
    private int count = 1; // values[0] is null
    private int[] slots = new int[64]; // open addressing over the codes (0: empty)
    private int width; // bytes a code: 0 (no array: every row null), 1 or 2; -1: plain Strings
    private byte[] b;
    private short[] s;
    private String[] plain;
    private int capacity;

    TextColumn(int capacity) {
        this.capacity = capacity;
    }

    /** The value of row {@code i} (null when empty). */
    String get(int i) {
        return plain != null ? plain[i] : values[code(i)];
    }

    /** Sets row {@code i} (below the capacity) to {@code v} (null: empty). */
    void set(int i, String v) {
        if (plain != null) {
            plain[i] = v;
            return;
        }
        int c = codeOf(v);
        if (c < 0) { // one distinct value too many for codes
            toPlain();
            plain[i] = v;
            return;
        }
        put(i, c);
    }

    /**
     * The first {@code n} rows' codes into {@code out} and the values they index (index 0: null; values of rows since
     * dropped may be among them); null, {@code out} untouched, when the column holds plain Strings.
     */
    String[] codes(int[] out, int n) {
        if (plain != null) return null;
        for (int i = 0; i < n; i++) out[i] = code(i);
        return Arrays.copyOf(values, count);
    }

    /** The number of distinct codes, null included (for tests). */
    int codes() {
        return count;
    }

    /** Bytes a row's code takes: 0 while every row is null, then 1 or 2; -1 once the column holds plain Strings. */
    int width() {
        return width;
    }

    private int code(int i) {
        return switch (width) {
            case 1 -> b[i] & 0xff;
            case 2 -> s[i] & 0xffff;
            default -> 0;
        };
    }

    private void put(int i, int c) {
        if (width == 0) {
            if (c == 0) return; // rows are null until an array exists
            allocate(widthFor(count - 1));
        }
        if (width == 1) b[i] = (byte) c;
        else s[i] = (short) c;
    }

    private static int widthFor(int maxCode) {
        return maxCode <= 0xff ? 1 : 2;
    }

    private void allocate(int wd) {
        width = wd;
        if (wd == 1) b = new byte[capacity];
        else s = new short[capacity];
    }

    /** The code of {@code v}, added to the values when new; -1 when new and the codes are all taken. */
    private int codeOf(String v) {
        if (v == null) return 0;
        int h = v.hashCode();
        h ^= h >>> 16;
        int mask = slots.length - 1;
        for (int k = h & mask;; k = (k + 1) & mask) {
            int c = slots[k];
            if (c == 0) {
                if (count > MAX_CODED) return -1;
                if (count == values.length) values = Arrays.copyOf(values, count * 2);
                c = count++;
                values[c] = v;
                slots[k] = c;
                if (width == 1 && c > 0xff) widen();
                if (count * 2 > slots.length) rehash();
                return c;
            }
            String x = values[c];
            if (x == v || x.equals(v)) return c;
        }
    }

    private void widen() {
        s = new short[capacity];
        for (int i = 0; i < capacity; i++) s[i] = (short) (b[i] & 0xff);
        b = null;
        width = 2;
    }

    private void toPlain() {
        plain = new String[capacity];
        if (width > 0) for (int i = 0; i < capacity; i++) plain[i] = values[code(i)];
        b = null;
        s = null;
        values = null;
        slots = null;
        width = -1;
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
        if (b != null) b = Arrays.copyOf(b, n);
        if (s != null) s = Arrays.copyOf(s, n);
        if (plain != null) plain = Arrays.copyOf(plain, n);
    }

    /** Capacity cut to {@code n} rows (the first n kept). */
    void trim(int n) {
        grow(n);
    }

    /** Keeps the rows {@code i < n} with {@code keep[i]}, in order, from row 0 (the values of dropped rows may stay). */
    void retain(boolean[] keep, int n) {
        if (width == 0) return;
        int at = 0;
        for (int i = 0; i < n; i++) {
            if (!keep[i]) continue;
            if (at != i) {
                if (plain != null) plain[at] = plain[i];
                else put(at, code(i));
            }
            at++;
        }
    }

    /**
     * One column holding the rows of {@code parts} (of {@code sizes[q]} rows each) whose flag in {@code keep} is set
     * (indexed over all the parts' rows in order; null: every row), in order; {@code capacity} rows at least. The
     * parts' values are merged (those of dropped rows too); past {@value #MAX_CODED} of them, plain Strings.
     */
    static TextColumn concat(List<TextColumn> parts, int[] sizes, boolean[] keep, int capacity) {
        TextColumn t = new TextColumn(capacity);
        int[][] remap = new int[parts.size()][];
        boolean plain = false;
        for (int q = 0; q < parts.size() && !plain; q++) { // the values first: the codes' width is then known
            TextColumn p = parts.get(q);
            if (p.plain != null) {
                plain = true;
                break;
            }
            remap[q] = new int[p.count];
            for (int c = 1; c < p.count && !plain; c++) {
                remap[q][c] = t.codeOf(p.values[c]);
                plain = remap[q][c] < 0;
            }
        }
        if (plain) t.toPlain();
        else if (t.count > 1) t.allocate(widthFor(t.count - 1));
        int at = 0, offset = 0;
        for (int q = 0; q < parts.size(); q++) {
            TextColumn p = parts.get(q);
            for (int i = 0; i < sizes[q]; i++) {
                if (keep != null && !keep[offset + i]) continue;
                if (plain) t.plain[at] = p.get(i);
                else {
                    int c = p.code(i);
                    if (c != 0) t.put(at, remap[q][c]);
                }
                at++;
            }
            offset += sizes[q];
        }
        return t;
    }
}
