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
        int total = 0;
        for (IncidentTable p : parts) total += p.size;
        IncidentTable t = new IncidentTable(parts.get(0).extraNames, total);
        for (IncidentTable p : parts) {
            if (!p.extraNames.equals(t.extraNames)) throw new IllegalArgumentException("tables with different columns");
            int at = t.size, n = p.size;
            System.arraycopy(p.lon, 0, t.lon, at, n);
            System.arraycopy(p.lat, 0, t.lat, at, n);
            System.arraycopy(p.occurred, 0, t.occurred, at, n);
            System.arraycopy(p.reported, 0, t.reported, at, n);
            System.arraycopy(p.precision, 0, t.precision, at, n);
            System.arraycopy(p.victimAge, 0, t.victimAge, at, n);
            System.arraycopy(p.line, 0, t.line, at, n);
            for (int c = 0; c < TEXT_COLUMNS; c++) System.arraycopy(p.text[c], 0, t.text[c], at, n);
            for (int c = 0; c < p.extras.length; c++) System.arraycopy(p.extras[c], 0, t.extras[c], at, n);
            t.size += n;
        }
        return t;
    }

    /** Adds {@code offset} to every row's source line. */
    void shiftLines(long offset) {
        for (int i = 0; i < size; i++) line[i] += offset;
    }

    /** Keeps the rows with {@code keep[i]}, in order (this table compacted). */
    public void retain(boolean[] keep) {
        int k = 0;
        for (int i = 0; i < size; i++) {
            if (!keep[i]) continue;
            lon[k] = lon[i];
            lat[k] = lat[i];
            occurred[k] = occurred[i];
            reported[k] = reported[i];
            precision[k] = precision[i];
            victimAge[k] = victimAge[i];
            line[k] = line[i];
            for (int c = 0; c < text.length; c++) text[c][k] = text[c][i];
            for (int c = 0; c < extras.length; c++) extras[c][k] = extras[c][i];
            k++;
        }
        size = k;
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
