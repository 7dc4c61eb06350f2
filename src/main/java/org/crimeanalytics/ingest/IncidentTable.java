package org.crimeanalytics.ingest;

import java.util.Arrays;
import java.util.List;

/**
 * Accepted incidents stored by column (about 120 bytes an incident, repeated strings shared), the
 * in-memory form behind the canonical incident features. Times are floating local milliseconds
 * (see {@link FastDates}); {@link #NO_TIME} marks a missing time, {@link #NO_AGE} a missing age.
 */
public final class IncidentTable {

    public static final long NO_TIME = Long.MIN_VALUE;
    public static final int NO_AGE = Integer.MIN_VALUE;

    private int size;
    private double[] lon;
    private double[] lat;
    private long[] occurred;
    private long[] reported;
    private byte[] precision;
    private int[] victimAge;
    private long[] line;
    private String[][] text;
    private final List<String> extraNames;
    private String[][] extras;

    /** Text columns, in this order. */
    public static final int ID = 0, OFFENSE_CODE = 1, OFFENSE = 2, OFFENSE_DETAIL = 3, CATEGORY = 4, PREMISE = 5,
            WEAPON = 6, AREA = 7, AREA_NAME = 8;
    static final int TEXT_COLUMNS = 9;

    public IncidentTable(List<String> extraNames) {
        this(extraNames, 0);
    }

    /** A table sized for {@code expectedRows} (it grows beyond). */
    public IncidentTable(List<String> extraNames, int expectedRows) {
        int c = Math.max(1024, expectedRows);
        this.extraNames = List.copyOf(extraNames);
        this.extras = new String[extraNames.size()][c];
        lon = new double[c];
        lat = new double[c];
        occurred = new long[c];
        reported = new long[c];
        precision = new byte[c];
        victimAge = new int[c];
        line = new long[c];
        text = new String[TEXT_COLUMNS][c];
    }

    private void ensure() {
        if (size < lon.length) return;
        int n = lon.length + (lon.length >> 1); // 1.5x: less garbage than doubling
        lon = Arrays.copyOf(lon, n);
        lat = Arrays.copyOf(lat, n);
        occurred = Arrays.copyOf(occurred, n);
        reported = Arrays.copyOf(reported, n);
        precision = Arrays.copyOf(precision, n);
        victimAge = Arrays.copyOf(victimAge, n);
        line = Arrays.copyOf(line, n);
        for (int c = 0; c < text.length; c++) text[c] = Arrays.copyOf(text[c], n);
        for (int c = 0; c < extras.length; c++) extras[c] = Arrays.copyOf(extras[c], n);
    }

    /** Appends an incident; {@code texts} in the order of the text column constants. */
    void add(double lonV, double latV, long occ, FastDates.Precision prec, long rep, int age, long srcLine,
            String[] texts, String[] extraValues) {
        ensure();
        lon[size] = lonV;
        lat[size] = latV;
        occurred[size] = occ;
        precision[size] = (byte) (prec == null ? -1 : prec.ordinal());
        reported[size] = rep;
        victimAge[size] = age;
        line[size] = srcLine;
        for (int c = 0; c < TEXT_COLUMNS; c++) text[c][size] = texts[c];
        for (int c = 0; c < extras.length; c++) extras[c][size] = extraValues[c];
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
        return reported[i];
    }

    /** Precision of {@link #occurred}, null when there is no time. */
    public FastDates.Precision precision(int i) {
        return precision[i] < 0 ? null : FastDates.Precision.values()[precision[i]];
    }

    public int victimAge(int i) {
        return victimAge[i];
    }

    public long line(int i) {
        return line[i];
    }

    public String text(int column, int i) {
        return text[column][i];
    }

    public List<String> extraNames() {
        return extraNames;
    }

    public String extra(int column, int i) {
        return extras[column][i];
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
        for (IncidentTable p : parts) {
            if (!p.extraNames.equals(parts.get(0).extraNames)) throw new IllegalArgumentException("tables with different columns");
            total += p.size;
        }
        if (keep == null) kept = total;
        else for (int i = 0; i < total; i++) if (keep[i]) kept++;
        IncidentTable t = new IncidentTable(parts.get(0).extraNames, kept);
        List<Object> to = t.columns();
        java.util.stream.IntStream.range(0, to.size()).parallel().forEach(c -> {
            int at = 0, offset = 0;
            for (IncidentTable p : parts) {
                at = copyKept(p.column(c), p.size, keep, offset, to.get(c), at);
                offset += p.size;
                if (consume) p.release(c);
            }
        });
        t.size = kept;
        return t;
    }

    /** Column {@code c} in the order of {@link #columns}. */
    private synchronized Object column(int c) {
        return switch (c) {
            case 0 -> lon;
            case 1 -> lat;
            case 2 -> occurred;
            case 3 -> reported;
            case 4 -> precision;
            case 5 -> victimAge;
            case 6 -> line;
            default -> c - 7 < TEXT_COLUMNS ? text[c - 7] : extras[c - 7 - TEXT_COLUMNS];
        };
    }

    /** Drops column {@code c} (in the order of {@link #columns}) of a table about to be discarded. */
    private synchronized void release(int c) {
        switch (c) {
            case 0 -> lon = null;
            case 1 -> lat = null;
            case 2 -> occurred = null;
            case 3 -> reported = null;
            case 4 -> precision = null;
            case 5 -> victimAge = null;
            case 6 -> line = null;
            default -> {
                if (c - 7 < TEXT_COLUMNS) text[c - 7] = null;
                else extras[c - 7 - TEXT_COLUMNS] = null;
            }
        }
    }

    /** Every column array (the same order in every table with the same extra columns). */
    private synchronized List<Object> columns() {
        List<Object> c = new java.util.ArrayList<>(List.of(lon, lat, occurred, reported, precision, victimAge, line));
        c.addAll(Arrays.asList(text));
        c.addAll(Arrays.asList(extras));
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

    /** Keeps the rows with {@code keep[i]}, in order (this table compacted column by column, the columns on all cores). */
    public void retain(boolean[] keep) {
        List<Object> cols = columns();
        int[] kept = new int[1];
        java.util.stream.IntStream.range(0, cols.size()).parallel().forEach(c -> {
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
        if ((long) lon.length * 10 <= (long) size * 11) return;
        lon = Arrays.copyOf(lon, size);
        lat = Arrays.copyOf(lat, size);
        occurred = Arrays.copyOf(occurred, size);
        reported = Arrays.copyOf(reported, size);
        precision = Arrays.copyOf(precision, size);
        victimAge = Arrays.copyOf(victimAge, size);
        line = Arrays.copyOf(line, size);
        for (int c = 0; c < text.length; c++) text[c] = Arrays.copyOf(text[c], size);
        for (int c = 0; c < extras.length; c++) extras[c] = Arrays.copyOf(extras[c], size);
    }
}
