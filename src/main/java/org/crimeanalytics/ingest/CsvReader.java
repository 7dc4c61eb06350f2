package org.crimeanalytics.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A streaming RFC 4180 CSV reader over bytes: one record at a time, no copy of the whole input.
 *
 * <p>Handles quoted fields with doubled quotes, delimiters and line breaks inside quotes, CRLF and LF
 * line ends, a UTF-8 byte order mark, and blank lines (skipped, counted in {@link #blankLines()}).
 * Text is decoded as UTF-8; invalid bytes become U+FFFD rather than failing. A record longer than
 * {@code maxRecordBytes} is not kept in memory: it is returned with {@link #oversized()} set and no
 * fields, so the caller can reject it by line number. A quote still open at end of input gives a
 * last record with {@link #unterminatedQuote()} set.
 *
 * <p>{@link #line()} is the 1-based physical line on which the current record starts.
 */
public final class CsvReader implements Closeable {

    private final InputStream in;
    private final byte delimiter;
    private final int maxRecordBytes;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;

    private byte[] rec = new byte[4096];
    /** The current record's bytes: {@link #rec}, or {@link #buf} when it was read in place. */
    private byte[] data = rec;
    private int recLen;
    private int[] fieldStart = new int[64];
    private int[] fieldEnd = new int[64];
    private int fields;
    private long line;
    private long nextLine = 1;
    private long blankLines;
    private boolean oversized;
    private boolean unterminated;
    private boolean first = true;
    private final StringPool pool = new StringPool();
    private boolean decimalComma;

    /** Default limit for one record: 1 MiB. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;

    public CsvReader(InputStream in, byte delimiter) {
        this(in, delimiter, DEFAULT_MAX_RECORD_BYTES);
    }

    public CsvReader(InputStream in, byte delimiter, int maxRecordBytes) {
        this.in = in;
        this.delimiter = delimiter;
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * Guesses the delimiter from a header line: the most frequent of comma, semicolon, tab and pipe
     * outside quotes; comma when none occurs.
     */
    public static byte guessDelimiter(byte[] head, int len) {
        byte[] cands = {',', ';', '\t', '|'};
        int[] counts = new int[cands.length];
        boolean q = false;
        for (int i = 0; i < len; i++) {
            byte b = head[i];
            if (b == '"') q = !q;
            else if (!q && (b == '\n' || b == '\r')) break;
            else if (!q) {
                for (int c = 0; c < cands.length; c++) if (b == cands[c]) counts[c]++;
            }
        }
        int best = 0;
        for (int c = 1; c < cands.length; c++) if (counts[c] > counts[best]) best = c;
        return counts[best] == 0 ? (byte) ',' : cands[best];
    }

    private int read() throws IOException {
        if (pos >= limit) {
            if (eof) return -1;
            limit = in.read(buf, 0, buf.length);
            pos = 0;
            if (limit <= 0) {
                limit = 0;
                eof = true;
                return -1;
            }
        }
        return buf[pos++] & 0xff;
    }

    private void put(int b) {
        if (oversized) return;
        if (recLen == rec.length) {
            if (recLen >= maxRecordBytes) {
                oversized = true;
                return;
            }
            rec = Arrays.copyOf(rec, Math.min(maxRecordBytes, rec.length * 2));
        }
        rec[recLen++] = (byte) b;
    }

    private void putRun(byte[] src, int off, int len) {
        if (oversized) return;
        if (recLen + len > rec.length) {
            if (recLen + len > maxRecordBytes) {
                oversized = true;
                return;
            }
            rec = Arrays.copyOf(rec, Math.min(maxRecordBytes, Math.max(rec.length * 2, recLen + len)));
        }
        System.arraycopy(src, off, rec, recLen, len);
        recLen += len;
    }

    /** Byte-at-a-time record reading, used only for a first record that starts with a stray 0xEF byte. */
    private boolean slowRecord(int c) throws IOException {
        boolean inQuotes = false;
        boolean fieldBegin = true;
        while (true) {
            if (c < 0) {
                if (inQuotes) unterminated = true;
                endField();
                break;
            }
            if (inQuotes) {
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        put('"');
                    } else {
                        inQuotes = false;
                        c = d;
                        continue;
                    }
                } else {
                    if (c == '\n') nextLine++;
                    put(c);
                }
            } else if (c == delimiter) {
                endField();
                fieldBegin = true;
                c = read();
                continue;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n' && d >= 0) pos--;
                }
                nextLine++;
                endField();
                break;
            } else if (c == '"' && fieldBegin) {
                inQuotes = true;
            } else {
                put(c);
            }
            fieldBegin = false;
            c = read();
        }
        if (oversized) fields = 0;
        data = rec;
        return true;
    }

    private void endField() {
        if (fields == fieldStart.length) {
            fieldStart = Arrays.copyOf(fieldStart, fields * 2);
            fieldEnd = Arrays.copyOf(fieldEnd, fields * 2);
        }
        fieldEnd[fields++] = recLen;
        if (fields < fieldStart.length) fieldStart[fields] = recLen;
    }

    /** Reads the next record; false at end of input. */
    public boolean next() throws IOException {
        while (true) {
            recLen = 0;
            fields = 0;
            fieldStart[0] = 0;
            oversized = false;
            line = nextLine;
            int c = read();
            if (c < 0) return false; // the last record's unterminated quote stays reported
            unterminated = false;
            if (first) {
                first = false;
                if (c == 0xEF) { // UTF-8 BOM
                    int c2 = read();
                    int c3 = read();
                    if (c2 == 0xBB && c3 == 0xBF) {
                        c = read();
                        if (c < 0) return false;
                    } else {
                        put(0xEF);
                        if (c2 >= 0) put(c2);
                        return slowRecord(c3);
                    }
                }
            }
            if (c == '\n' || c == '\r') { // blank line
                if (c == '\r') {
                    int d = read();
                    if (d != '\n' && d >= 0) pos--;
                }
                nextLine++;
                blankLines++;
                continue;
            }
            pos--; // c is buf[pos - 1]: re-scan it
            if (inBuffer()) return true;
            fieldStart[0] = 0; // the general loop below starts from an empty record
            data = rec;
            boolean inQuotes = false;
            boolean fieldBegin = true;
            while (true) {
                if (pos >= limit) {
                    if (read() < 0) {
                        if (inQuotes) unterminated = true;
                        endField();
                        break;
                    }
                    pos--;
                }
                if (!inQuotes) {
                    // bulk: copy the run up to the next special byte
                    int i = pos;
                    final byte[] bb = buf;
                    final int lim = limit;
                    final byte d = delimiter;
                    while (i < lim) {
                        byte x = bb[i];
                        if (x == d || x == '\n' || x == '\r' || (x == '"' && fieldBegin && i == pos)) break;
                        i++;
                    }
                    if (i > pos) {
                        putRun(bb, pos, i - pos);
                        fieldBegin = false;
                        pos = i;
                        if (i == lim) continue;
                    }
                    byte x = bb[pos++];
                    if (x == d) {
                        endField();
                        fieldBegin = true;
                    } else if (x == '\n' || x == '\r') {
                        if (x == '\r') {
                            int nx = read();
                            if (nx != '\n' && nx >= 0) pos--;
                        }
                        nextLine++;
                        endField();
                        break;
                    } else { // opening quote
                        inQuotes = true;
                        fieldBegin = false;
                    }
                } else {
                    int ch = buf[pos++] & 0xff;
                    if (ch == '"') {
                        int nx = read();
                        if (nx == '"') {
                            put('"');
                        } else {
                            inQuotes = false;
                            if (nx >= 0) pos--;
                        }
                    } else {
                        if (ch == '\n') nextLine++;
                        put(ch);
                    }
                }
            }
            if (oversized) fields = 0;
            data = rec; // rec may have grown
            return true;
        }
    }

    /**
     * The common record, read without copying: it lies wholly in the buffer, ends with LF or CRLF, and its
     * quoted fields (if any) hold no doubled quote, no line break and nothing after the closing quote. Its
     * fields then point into the buffer. Any other record (or one crossing the buffer's end) leaves the
     * position as it was and returns false: the general loop reads it.
     */
    private boolean inBuffer() {
        final byte[] b = buf;
        final int lim = (int) Math.min(limit, (long) pos + maxRecordBytes);
        final byte d = delimiter;
        int i = pos;
        int f = 0;
        while (true) {
            if (i >= lim) return false;
            if (f == fieldStart.length) {
                fieldStart = Arrays.copyOf(fieldStart, f * 2);
                fieldEnd = Arrays.copyOf(fieldEnd, f * 2);
            }
            if (b[i] == '"') { // a quoted field: up to the closing quote
                int q = i + 1;
                while (q < lim && b[q] != '"' && b[q] != '\n') q++;
                if (q + 1 >= lim || b[q] != '"') return false;
                byte after = b[q + 1];
                if (after != d && after != '\n' && after != '\r') return false; // a doubled quote, or text after it
                fieldStart[f] = i + 1;
                fieldEnd[f++] = q;
                i = q + 1;
            } else {
                int s = i;
                while (i < lim) {
                    byte x = b[i];
                    if (x == d || x == '\n' || x == '\r') break;
                    i++;
                }
                if (i >= lim) return false;
                fieldStart[f] = s;
                fieldEnd[f++] = i;
            }
            byte x = b[i];
            if (x == d) {
                i++;
                continue;
            }
            if (x == '\r') {
                if (i + 1 >= lim || b[i + 1] != '\n') return false;
                i++;
            }
            pos = i + 1;
            fields = f;
            nextLine++;
            data = b;
            return true;
        }
    }

    /** For a reader that starts inside a file at a record boundary: no byte order mark, lines from {@code line}. */
    public void startAt(long line) {
        first = false;
        nextLine = line;
    }

    /** Reads a comma inside a number as its decimal separator ({@code 48,8566}); for non-comma-separated input. */
    public void decimalComma(boolean on) {
        decimalComma = on;
    }

    /** Number of fields in the current record (0 when it was oversized). */
    public int fieldCount() {
        return fields;
    }

    /** 1-based physical line on which the current record starts. */
    public long line() {
        return line;
    }

    /** Physical lines consumed so far (the next record would start on line linesRead() + 1). */
    public long linesRead() {
        return nextLine - 1;
    }

    /** Blank lines skipped so far. */
    public long blankLines() {
        return blankLines;
    }

    /** Whether the current record exceeded the size limit (its content was discarded). */
    public boolean oversized() {
        return oversized;
    }

    /** Whether the input ended inside a quoted field of the current record. */
    public boolean unterminatedQuote() {
        return unterminated;
    }

    /** Field {@code i} decoded as UTF-8, or null when the record has fewer fields. */
    public String field(int i) {
        if (i < 0 || i >= fields) return null;
        return new String(data, fieldStart[i], fieldEnd[i] - fieldStart[i], StandardCharsets.UTF_8);
    }

    /** Like {@link #field} but trimmed and with repeated values shared (for low-cardinality columns); null if blank. */
    public String pooled(int i) {
        if (i < 0 || i >= fields) return null;
        int s = fieldStart[i];
        int e = fieldEnd[i];
        while (s < e && (data[s] == ' ' || data[s] == '\t')) s++;
        while (e > s && (data[e - 1] == ' ' || data[e - 1] == '\t')) e--;
        if (s == e) return null;
        return pool.get(data, s, e);
    }

    /** Whether field {@code i} is missing or only blanks. */
    public boolean isBlank(int i) {
        if (i < 0 || i >= fields) return true;
        for (int k = fieldStart[i]; k < fieldEnd[i]; k++) if (data[k] != ' ' && data[k] != '\t') return false;
        return true;
    }

    /**
     * Raw bytes of the current record; fields lie in [{@link #start}, {@link #end}). Valid until the next {@link #next}:
     * it may be the reader's input buffer (delimiters and quotes between the fields), so read only within a field.
     */
    public byte[] bytes() {
        return data;
    }

    public int start(int i) {
        return fieldStart[i];
    }

    public int end(int i) {
        return fieldEnd[i];
    }

    /** Field {@code i} as a double: NaN when missing, blank or not a number. */
    public double number(int i) {
        if (i < 0 || i >= fields) return Double.NaN;
        int s = fieldStart[i];
        int e = fieldEnd[i];
        while (s < e && data[s] == ' ') s++;
        while (e > s && data[e - 1] == ' ') e--;
        if (s == e) return Double.NaN;
        double fast = FastNumbers.parseDecimal(data, s, e);
        if (!Double.isNaN(fast)) return fast;
        String t = new String(data, s, e - s, StandardCharsets.ISO_8859_1);
        if (decimalComma && t.indexOf(',') >= 0 && t.indexOf('.') < 0 && t.indexOf(',') == t.lastIndexOf(',')) {
            t = t.replace(',', '.');
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Shares String instances for repeated byte sequences (open addressing, bounded size). */
    static final class StringPool {
        private static final int MAX = 1 << 16;
        private String[] strings = new String[1024];
        private byte[][] keys = new byte[1024][];
        private int[] hashes = new int[1024];
        private int size;

        String get(byte[] b, int s, int e) {
            int h = 1;
            for (int k = s; k < e; k++) h = 31 * h + b[k];
            h ^= h >>> 16;
            int mask = keys.length - 1;
            int slot = h & mask;
            while (keys[slot] != null) {
                byte[] key = keys[slot];
                // the stored hash first: bytes are compared only for the (almost certain) match
                if (hashes[slot] == h && key.length == e - s && Arrays.equals(key, 0, key.length, b, s, e)) return strings[slot];
                slot = (slot + 1) & mask;
            }
            String str = new String(b, s, e - s, StandardCharsets.UTF_8);
            if (size >= MAX) return str; // high-cardinality column: stop pooling
            keys[slot] = Arrays.copyOfRange(b, s, e);
            strings[slot] = str;
            hashes[slot] = h;
            if (++size * 2 > keys.length) grow();
            return str;
        }

        private void grow() {
            byte[][] ok = keys;
            String[] os = strings;
            int[] oh = hashes;
            keys = new byte[ok.length * 2][];
            strings = new String[ok.length * 2];
            hashes = new int[ok.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < ok.length; i++) {
                if (ok[i] == null) continue;
                int slot = oh[i] & mask;
                while (keys[slot] != null) slot = (slot + 1) & mask;
                keys[slot] = ok[i];
                strings[slot] = os[i];
                hashes[slot] = oh[i];
            }
        }
    }
}
