package org.crimeanalytics.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** CSV records as rows; the first record is the header. */
public final class CsvRowSource implements RowSource {

    /** At most this many rows, and {@value #SAMPLE_BYTES} bytes, are read ahead for the column mapping. */
    static final int SAMPLE_ROWS = 5000;
    static final int SAMPLE_BYTES = 4 << 20;

    private final CsvReader csv;
    private final List<String> header;
    private final byte delimiter;
    private final List<String[]> sample = new ArrayList<>();

    /**
     * Reads the header and a sample of the first rows ({@link #sample}). Throws {@link IngestException} for empty
     * input or a header without at least two named columns.
     */
    public CsvRowSource(InputStream in) throws IOException {
        this(in, true);
    }

    /**
     * Reads the header only (another file of the same export): its delimiter guessed from its first 64 kB as the first
     * file's was, but no rows read ahead and no sample kept, so a file read whole holds no more than the reader's buffer
     * besides its rows. Throws {@link IngestException} as {@link #CsvRowSource(InputStream)}.
     */
    public static CsvRowSource headerOnly(InputStream in) throws IOException {
        return new CsvRowSource(in, false);
    }

    private CsvRowSource(InputStream in, boolean withSample) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
        b.mark((withSample ? SAMPLE_BYTES : 0) + (1 << 17));
        byte[] head = new byte[1 << 16];
        int n = b.readNBytes(head, 0, head.length);
        b.reset();
        if (n <= 0) throw new IngestException("the CSV input is empty: no header line");
        this.delimiter = CsvReader.guessDelimiter(head, n);
        if (withSample) {
            readSample(b);
            b.reset();
        }
        this.csv = new CsvReader(b, delimiter);
        csv.decimalComma(delimiter != ',');
        if (!csv.next()) throw new IngestException("the CSV input is empty: no header line");
        List<String> h = new ArrayList<>();
        for (int i = 0; i < csv.fieldCount(); i++) h.add(csv.field(i).trim());
        long named = h.stream().filter(s -> !s.isEmpty()).count();
        if (named < 2) {
            throw new IngestException("the first line is not a CSV header (found " + h.size() + " column(s): "
                    + IncidentIngest.describe(h) + "); the input needs a header row naming its columns");
        }
        this.header = List.copyOf(h);
    }

    /** Reads the first rows (after the header) into {@link #sample}, without consuming {@code b} (the caller resets). */
    private void readSample(BufferedInputStream b) throws IOException {
        java.io.InputStream bounded = new java.io.FilterInputStream(b) {
            long left = SAMPLE_BYTES;

            @Override
            public int read() throws IOException {
                if (left <= 0) return -1;
                left--;
                return super.read();
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                if (left <= 0) return -1;
                int r = super.read(buf, off, (int) Math.min(len, left));
                if (r > 0) left -= r;
                return r;
            }

            @Override
            public void close() {}
        };
        CsvReader r = new CsvReader(bounded, delimiter);
        if (!r.next()) return; // the header
        while (sample.size() < SAMPLE_ROWS && r.next()) {
            if (r.oversized() || r.unterminatedQuote()) break; // possibly cut by the byte bound
            String[] row = new String[r.fieldCount()];
            for (int i = 0; i < row.length; i++) row[i] = r.field(i);
            sample.add(row);
        }
    }

    @Override
    public List<String[]> sample() {
        return sample;
    }

    @Override
    public boolean decimalComma() {
        return delimiter != ',';
    }

    /**
     * A part of a file that starts at a record boundary after the header: rows only, numbered from
     * {@code firstLine}, with the header (and its delimiter) of the whole file. No sample is read.
     */
    public CsvRowSource(InputStream in, List<String> header, char delimiter, long firstLine) {
        this.delimiter = (byte) delimiter;
        this.header = List.copyOf(header);
        this.csv = new CsvReader(new BufferedInputStream(in, 1 << 16), this.delimiter);
        csv.startAt(firstLine);
        csv.decimalComma(delimiter != ',');
    }

    /** Whether the input ended inside a quoted field (a part cut at the wrong place shows it so). */
    public boolean endedInsideQuote() {
        return csv.unterminatedQuote();
    }

    /** Mean bytes per sampled row (fields and separators), or 0 without a sample. */
    public double sampleRowBytes() {
        if (sample.isEmpty()) return 0;
        long b = 0;
        for (String[] r : sample) {
            b += r.length;
            for (String f : r) b += f == null ? 0 : f.length();
        }
        return (double) b / sample.size();
    }

    public char delimiter() {
        return (char) delimiter;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public boolean next() throws IOException {
        return csv.next();
    }

    @Override
    public String where() {
        return "line " + csv.line();
    }

    @Override
    public long line() {
        return csv.line();
    }

    @Override
    public boolean ragged() {
        return csv.unterminatedQuote() || csv.fieldCount() != header.size();
    }

    @Override
    public boolean oversized() {
        return csv.oversized();
    }

    @Override
    public boolean isBlank(int col) {
        return csv.isBlank(col);
    }

    @Override
    public String text(int col) {
        return csv.pooled(col);
    }

    @Override
    public String rawText(int col) {
        if (csv.isBlank(col)) return null;
        return csv.field(col).trim();
    }

    /** An ASCII id's bytes in the record (null for any other id: its String is decoded as {@link #rawText} does). */
    @Override
    public byte[] rawBytes(int col, int[] range) {
        byte[] b = csv.bytes();
        if (csv.isBlank(col)) {
            range[0] = 0;
            range[1] = -1;
            return b;
        }
        int s = csv.start(col), e = csv.end(col);
        while (s < e && (b[s] & 0xff) <= ' ') s++; // as String.trim: bytes up to U+0020 are those characters in UTF-8
        while (e > s && (b[e - 1] & 0xff) <= ' ') e--;
        for (int k = s; k < e; k++) if (b[k] < 0) return null; // not ASCII: the String way, which replaces invalid UTF-8
        range[0] = s;
        range[1] = e;
        return b;
    }

    @Override
    public double number(int col) {
        return csv.number(col);
    }

    @Override
    public long date(int col, java.time.format.DateTimeFormatter pattern, FastDates.DateOrder order,
            FastDates.Precision[] precisionOut, int[] zoneOut) {
        if (zoneOut != null) zoneOut[0] = FastDates.NO_ZONE;
        if (col < 0 || col >= csv.fieldCount()) return FastDates.INVALID;
        if (pattern != null) return FastDates.parsePattern(pattern, csv.field(col), precisionOut);
        return FastDates.parse(csv.bytes(), csv.start(col), csv.end(col), order, precisionOut, zoneOut);
    }

    @Override
    public long timeOfDay(int col) {
        if (col < 0 || col >= csv.fieldCount()) return -1;
        return TimeOfDay.parse(csv.bytes(), csv.start(col), csv.end(col));
    }

    @Override
    public long linesRead() {
        return csv.linesRead();
    }

    @Override
    public long blankLines() {
        return csv.blankLines();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
