package org.crimeanalytics.ingest;

import java.util.Arrays;
import java.util.List;

/**
 * Accepted incidents stored by column (about 60 bytes an incident of a Chicago export: each text column as codes into its
 * distinct values ({@link TextColumn}; plain Strings past 65,535 of them), the ids as UTF-8 bytes in one array with a String made only when one is asked
 * for, no array for the report time, victim age or a text column while no row has one), the in-memory form behind the
 * canonical incident features.
 * Times are floating local milliseconds (see {@link FastDates}); {@link #NO_TIME} marks a missing time, {@link #NO_AGE}
 * a missing age.
 */
public final class IncidentTable {

    public static final long NO_TIME = Long.MIN_VALUE;
    public static final int NO_AGE = Integer.MIN_VALUE;

    private int size;
    private double[] lon;
    private double[] lat;
    private long[] occurred;
    /** Null while every row is {@link #NO_TIME} (most exports have no report time). */
    private long[] reported;
    private byte[] precision;
    /** Null while every row is {@link #NO_AGE}. */
    private int[] victimAge;
    private long[] line;
    /** The text columns; {@code text[ID]} is not used: the ids are {@link #idBytes}, {@link #idStart}, {@link #idLen}. */
    private TextColumn[] text;
    private byte[] idBytes;
    private int idUsed;
    private int[] idStart;
    /** A row's id length in bytes, -1: no id. */
    private int[] idLen;
    private final List<String> extraNames;
    private TextColumn[] extras;

    /** Text columns, in this order. */
    public static final int ID = 0, OFFENSE_CODE = 1, OFFENSE = 2, OFFENSE_DETAIL = 3, CATEGORY = 4, PREMISE = 5,
            WEAPON = 6, AREA = 7, AREA_NAME = 8;
    static final int TEXT_COLUMNS = 9;

    /** Positions in {@link #columns}: the fixed columns, then text columns 1.. (the id is two int columns), then extras. */
    private static final int C_REPORTED = 3, C_VICTIM_AGE = 5, C_ID_START = 7, C_ID_LEN = 8, C_TEXT = 8,
            C_EXTRAS = C_TEXT + TEXT_COLUMNS;

    public IncidentTable(List<String> extraNames) {
        this(extraNames, 0);
    }

    /** A table sized for {@code expectedRows} (it grows beyond). */
    public IncidentTable(List<String> extraNames, int expectedRows) {
        this(extraNames, expectedRows, (int) Math.min(Integer.MAX_VALUE - 16, 12L * Math.max(1024, expectedRows)));
    }

    private IncidentTable(List<String> extraNames, int expectedRows, int idCapacity) {
        int c = Math.max(1024, expectedRows);
        this.extraNames = List.copyOf(extraNames);
        this.extras = new TextColumn[extraNames.size()];
        for (int k = 0; k < extras.length; k++) extras[k] = new TextColumn(c);
        lon = new double[c];
        lat = new double[c];
        occurred = new long[c];
        precision = new byte[c];
        line = new long[c];
        text = new TextColumn[TEXT_COLUMNS];
        for (int t = 1; t < TEXT_COLUMNS; t++) text[t] = new TextColumn(c);
        idStart = new int[c];
        idLen = new int[c];
        idBytes = new byte[idCapacity];
    }

    private void ensure() {
        if (size < lon.length) return;
        int n = lon.length + (lon.length >> 1); // 1.5x: less garbage than doubling
        lon = Arrays.copyOf(lon, n);
        lat = Arrays.copyOf(lat, n);
        occurred = Arrays.copyOf(occurred, n);
        if (reported != null) reported = Arrays.copyOf(reported, n);
        precision = Arrays.copyOf(precision, n);
        if (victimAge != null) victimAge = Arrays.copyOf(victimAge, n);
        line = Arrays.copyOf(line, n);
        for (int t = 1; t < TEXT_COLUMNS; t++) text[t].grow(n);
        idStart = Arrays.copyOf(idStart, n);
        idLen = Arrays.copyOf(idLen, n);
        for (TextColumn e : extras) e.grow(n);
    }

    /** Appends an incident; {@code texts} in the order of the text column constants. */
    void add(double lonV, double latV, long occ, FastDates.Precision prec, long rep, int age, long srcLine,
            String[] texts, String[] extraValues) {
        String id = texts[ID];
        if (id == null) add(lonV, latV, occ, prec, rep, age, srcLine, texts, extraValues, null, 0, -1);
        else {
            byte[] b = id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            add(lonV, latV, occ, prec, rep, age, srcLine, texts, extraValues, b, 0, b.length);
        }
    }

    /**
     * Appends an incident whose id is the UTF-8 bytes {@code [idFrom, idTo)} of {@code idSrc} (null, or idTo -1: none),
     * copied without making a String; {@code texts[ID]} is ignored.
     */
    void add(double lonV, double latV, long occ, FastDates.Precision prec, long rep, int age, long srcLine,
            String[] texts, String[] extraValues, byte[] idSrc, int idFrom, int idTo) {
        ensure();
        lon[size] = lonV;
        lat[size] = latV;
        occurred[size] = occ;
        precision[size] = (byte) (prec == null ? -1 : prec.ordinal());
        if (reported == null && rep != NO_TIME) {
            reported = new long[lon.length];
            Arrays.fill(reported, 0, size, NO_TIME);
        }
        if (reported != null) reported[size] = rep;
        if (victimAge == null && age != NO_AGE) {
            victimAge = new int[lon.length];
            Arrays.fill(victimAge, 0, size, NO_AGE);
        }
        if (victimAge != null) victimAge[size] = age;
        line[size] = srcLine;
        for (int t = 1; t < TEXT_COLUMNS; t++) text[t].set(size, texts[t]);
        for (int c = 0; c < extras.length; c++) extras[c].set(size, extraValues[c]);
        idStart[size] = idUsed;
        if (idSrc == null || idTo < 0) {
            idLen[size] = -1;
        } else {
            int len = idTo - idFrom;
            if ((long) idUsed + len > Integer.MAX_VALUE - 16) throw new IngestException("incident ids: more than 2 GB of them in one part");
            if (idUsed + len > idBytes.length) {
                idBytes = Arrays.copyOf(idBytes, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(idBytes.length + (long) (idBytes.length >> 1), (long) idUsed + len)));
            }
            System.arraycopy(idSrc, idFrom, idBytes, idUsed, len);
            idUsed += len;
            idLen[size] = len;
        }
        size++;
    }

    public int size() {
        return size;
    }

    /** Longitude and latitude of every incident, interleaved, into {@code xy} (length at least 2 x size). */
    public void lonLat(double[] xy) {
        for (int i = 0; i < size; i++) {
            xy[2 * i] = lon[i];
            xy[2 * i + 1] = lat[i];
        }
    }

    public double lon(int i) {
        return lon[i];
    }

    public double lat(int i) {
        return lat[i];
    }

    public long occurred(int i) {
        return occurred[i];
    }

    public long reported(int i) {
        return reported == null ? NO_TIME : reported[i];
    }

    private static final FastDates.Precision[] PRECISIONS = FastDates.Precision.values();

    /** Precision of {@link #occurred}, null when there is no time. */
    public FastDates.Precision precision(int i) {
        return precision[i] < 0 ? null : PRECISIONS[precision[i]];
    }

    /** Whether row {@code i}'s date has no time of day (day or month precision). */
    public boolean dayOrMonthOnly(int i) {
        return precision[i] == FastDates.Precision.DAY.ordinal() || precision[i] == FastDates.Precision.MONTH.ordinal();
    }

    public int victimAge(int i) {
        return victimAge == null ? NO_AGE : victimAge[i];
    }

    public long line(int i) {
        return line[i];
    }

    /**
     * A text column's value of row {@code i} (for {@link #ID}, a new String each call, decoded from the UTF-8 the id was
     * stored as: an id given as a String with a lone surrogate comes back with '?' there).
     */
    public String text(int column, int i) {
        if (column == ID) return idLen[i] < 0 ? null : new String(idBytes, idStart[i], idLen[i], java.nio.charset.StandardCharsets.UTF_8);
        return text[column].get(i);
    }

    /**
     * Text column {@code column} (not {@link #ID}) as codes: {@code out[i]} (for every row) indexes the array returned,
     * whose index 0 stands for no value (null), so a value is read without a String per row. Null, {@code out}
     * untouched, when the column holds plain Strings (more than {@value TextColumn#MAX_CODED} distinct values).
     */
    public String[] textCodes(int column, int[] out) {
        if (column <= ID || column >= TEXT_COLUMNS) throw new IllegalArgumentException("not a coded text column: " + column);
        return text[column].codes(out, size);
    }

    /** Whether row {@code i} has an id. */
    boolean hasId(int i) {
        return idLen[i] >= 0;
    }

    /** A hash of row {@code i}'s id bytes (0 without an id). */
    int idHash(int i) {
        int h = 1;
        for (int k = idStart[i], e = k + Math.max(0, idLen[i]); k < e; k++) h = 31 * h + idBytes[k];
        return h;
    }

    /** Whether row {@code i}'s id equals row {@code j}'s of {@code o} (both present). */
    boolean idEquals(int i, IncidentTable o, int j) {
        return idLen[i] == o.idLen[j] && Arrays.equals(idBytes, idStart[i], idStart[i] + idLen[i], o.idBytes, o.idStart[j], o.idStart[j] + idLen[i]);
    }

    /** Whether the report times / victim ages have an array (none while no row has one); for tests. */
    boolean stores(String lazyColumn) {
        return lazyColumn.equals("reported") ? reported != null : victimAge != null;
    }

    /** Bytes a row of text column {@code column} takes (0 while every row is null; -1: plain Strings); for tests. */
    int textWidth(int column) {
        return text[column].width();
    }

    public List<String> extraNames() {
        return extraNames;
    }

    public String extra(int column, int i) {
        return extras[column].get(i);
    }

    /** One table holding the rows of several (same extra columns), in order; copied column by column. */
    public static IncidentTable concat(List<IncidentTable> parts) {
        return concat(parts, null, false);
    }

    /**
     * One table holding the rows of several (same extra columns) whose flag in {@code keep} (indexed over all the
     * parts' rows in order; null: every row) is set, in order: each column copied in runs of kept rows, the columns
     * on all cores. {@code consume}: each part's column is released as soon as it is copied (the parts are unusable
     * after), so the rows are held about once, not twice, while they are joined.
     */
    public static IncidentTable concat(List<IncidentTable> parts, boolean[] keep, boolean consume) {
        int total = 0, kept = 0;
        long bytes = 0;
        for (IncidentTable p : parts) {
            if (!p.extraNames.equals(parts.get(0).extraNames)) throw new IllegalArgumentException("tables with different columns");
            total += p.size;
            bytes += p.idUsed;
        }
        if (bytes > Integer.MAX_VALUE - 16) throw new IllegalArgumentException("more than 2 GB of incident ids");
        if (keep == null) kept = total;
        else for (int i = 0; i < total; i++) if (keep[i]) kept++;
        // the id bytes of every part, one after another (a dropped row's few bytes stay: no second pass)
        IncidentTable t = new IncidentTable(parts.get(0).extraNames, kept, (int) Math.max(16, bytes));
        int[] byteOffset = new int[parts.size()];
        for (int q = 0; q < parts.size(); q++) {
            IncidentTable p = parts.get(q);
            byteOffset[q] = t.idUsed;
            System.arraycopy(p.idBytes, 0, t.idBytes, t.idUsed, p.idUsed);
            t.idUsed += p.idUsed;
            if (consume) p.idBytes = null;
        }
        List<Object> to = java.util.Collections.synchronizedList(t.columns());
        int[] sizes = new int[parts.size()];
        for (int q = 0; q < sizes.length; q++) sizes[q] = parts.get(q).size;
        int capacity = Math.max(1024, kept);
        java.util.stream.IntStream.range(0, to.size()).parallel().forEach(c -> {
            if (c >= C_TEXT + 1) { // a text column: the parts' values merged, the codes translated
                List<TextColumn> cols = new java.util.ArrayList<>();
                for (IncidentTable p : parts) cols.add((TextColumn) p.column(c));
                to.set(c, TextColumn.concat(cols, sizes, keep, capacity));
                if (consume) for (IncidentTable p : parts) p.release(c);
                return;
            }
            if (c == C_REPORTED || c == C_VICTIM_AGE) { // in the join when a part has them
                boolean any = false;
                for (IncidentTable p : parts) any |= p.column(c) != null;
                if (!any) return;
                to.set(c, c == C_REPORTED ? new long[capacity] : new int[capacity]);
            }
            int at = 0, offset = 0;
            for (int q = 0; q < parts.size(); q++) {
                IncidentTable p = parts.get(q);
                int from = at;
                Object src = p.column(c);
                if (src == null) { // a part without the column: its kept rows get the missing value
                    int n = p.size;
                    if (keep != null) {
                        n = 0;
                        for (int i = 0; i < p.size; i++) if (keep[offset + i]) n++;
                    }
                    if (c == C_REPORTED) Arrays.fill((long[]) to.get(c), at, at + n, NO_TIME);
                    else Arrays.fill((int[]) to.get(c), at, at + n, NO_AGE);
                    at += n;
                } else {
                    at = copyKept(src, p.size, keep, offset, to.get(c), at);
                }
                if (c == C_ID_START) { // offsets into the joined bytes
                    int[] starts = (int[]) to.get(c);
                    for (int k = from; k < at; k++) starts[k] += byteOffset[q];
                }
                offset += p.size;
                if (consume) p.release(c);
            }
        });
        t.reported = (long[]) to.get(C_REPORTED);
        t.victimAge = (int[]) to.get(C_VICTIM_AGE);
        for (int k = 1; k < TEXT_COLUMNS; k++) t.text[k] = (TextColumn) to.get(C_TEXT + k);
        for (int k = 0; k < t.extras.length; k++) t.extras[k] = (TextColumn) to.get(C_EXTRAS + k);
        t.size = kept;
        return t;
    }

    /** Column {@code c} in the order of {@link #columns}. */
    private synchronized Object column(int c) {
        return switch (c) {
            case 0 -> lon;
            case 1 -> lat;
            case 2 -> occurred;
            case C_REPORTED -> reported;
            case 4 -> precision;
            case C_VICTIM_AGE -> victimAge;
            case 6 -> line;
            case C_ID_START -> idStart;
            case C_ID_LEN -> idLen;
            default -> c < C_EXTRAS ? text[c - C_TEXT] : extras[c - C_EXTRAS];
        };
    }

    /** Drops column {@code c} (in the order of {@link #columns}) of a table about to be discarded. */
    private synchronized void release(int c) {
        switch (c) {
            case 0 -> lon = null;
            case 1 -> lat = null;
            case 2 -> occurred = null;
            case C_REPORTED -> reported = null;
            case 4 -> precision = null;
            case C_VICTIM_AGE -> victimAge = null;
            case 6 -> line = null;
            case C_ID_START -> idStart = null;
            case C_ID_LEN -> idLen = null;
            default -> {
                if (c < C_EXTRAS) text[c - C_TEXT] = null;
                else extras[c - C_EXTRAS] = null;
            }
        }
    }

    /** Every column array (the same order in every table with the same extra columns); the id bytes are not a column. */
    private synchronized List<Object> columns() {
        List<Object> c = new java.util.ArrayList<>();
        for (int k = 0; k < C_EXTRAS + extras.length; k++) c.add(column(k));
        return c;
    }

    /**
     * Copies the rows {@code [0, n)} of the column {@code src} whose {@code keep[keepOffset + i]} is set (null: all) to
     * {@code dst} from {@code at}, a run of kept rows at a time (src may be dst: rows only move down); the next free
     * position.
     */
    private static int copyKept(Object src, int n, boolean[] keep, int keepOffset, Object dst, int at) {
        if (keep == null) {
            System.arraycopy(src, 0, dst, at, n);
            return at + n;
        }
        int i = 0;
        while (i < n) {
            while (i < n && !keep[keepOffset + i]) i++;
            int s = i;
            while (i < n && keep[keepOffset + i]) i++;
            if (i > s) {
                System.arraycopy(src, s, dst, at, i - s);
                at += i - s;
            }
        }
        return at;
    }

    /** Adds {@code offset} to every row's source line. */
    void shiftLines(long offset) {
        for (int i = 0; i < size; i++) line[i] += offset;
    }

    /**
     * Keeps the rows with {@code keep[i]}, in order (this table compacted column by column, the columns on all cores;
     * the ids' bytes stay where they are).
     */
    public void retain(boolean[] keep) {
        List<Object> cols = columns();
        int[] kept = new int[1];
        java.util.stream.IntStream.range(0, cols.size()).parallel().forEach(c -> {
            if (cols.get(c) == null) return; // a column every row lacks
            if (cols.get(c) instanceof TextColumn tc) {
                tc.retain(keep, size);
                return;
            }
            int k = copyKept(cols.get(c), size, keep, 0, cols.get(c), 0);
            if (c == 0) kept[0] = k;
        });
        size = kept[0];
    }

    /** The first {@code n} rows (this table shortened; returns this). */
    public IncidentTable head(int n) {
        size = Math.min(size, n);
        trim();
        return this;
    }

    /** Releases unused capacity (when more than a tenth is unused: a copy costs more than it saves below that). */
    public void trim() {
        if ((long) idBytes.length * 10 > (long) idUsed * 11) idBytes = Arrays.copyOf(idBytes, idUsed);
        if ((long) lon.length * 10 <= (long) size * 11) return;
        lon = Arrays.copyOf(lon, size);
        lat = Arrays.copyOf(lat, size);
        occurred = Arrays.copyOf(occurred, size);
        if (reported != null) reported = Arrays.copyOf(reported, size);
        precision = Arrays.copyOf(precision, size);
        if (victimAge != null) victimAge = Arrays.copyOf(victimAge, size);
        line = Arrays.copyOf(line, size);
        for (int t = 1; t < TEXT_COLUMNS; t++) text[t].trim(size);
        idStart = Arrays.copyOf(idStart, size);
        idLen = Arrays.copyOf(idLen, size);
        for (TextColumn e : extras) e.trim(size);
    }
}
