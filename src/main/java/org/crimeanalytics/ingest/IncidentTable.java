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
    private double[] lon = new double[1024];
    private double[] lat = new double[1024];
    private long[] occurred = new long[1024];
    private long[] reported = new long[1024];
    private byte[] precision = new byte[1024];
    private int[] victimAge = new int[1024];
    private long[] line = new long[1024];
    private String[][] text = new String[TEXT_COLUMNS][1024];
    private final List<String> extraNames;
    private String[][] extras;

    /** Text columns, in this order. */
    public static final int ID = 0, OFFENSE_CODE = 1, OFFENSE = 2, OFFENSE_DETAIL = 3, CATEGORY = 4, PREMISE = 5,
            WEAPON = 6, AREA = 7, AREA_NAME = 8;
    static final int TEXT_COLUMNS = 9;

    public IncidentTable(List<String> extraNames) {
        this.extraNames = List.copyOf(extraNames);
        this.extras = new String[extraNames.size()][1024];
    }

    private void ensure() {
        if (size < lon.length) return;
        int n = lon.length * 2;
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

    /** One table holding the rows of several (same extra columns), in order. */
    public static IncidentTable concat(List<IncidentTable> parts) {
        IncidentTable t = new IncidentTable(parts.get(0).extraNames);
        String[] texts = new String[TEXT_COLUMNS];
        for (IncidentTable p : parts) {
            if (!p.extraNames.equals(t.extraNames)) throw new IllegalArgumentException("tables with different columns");
            String[] ex = new String[p.extras.length];
            for (int i = 0; i < p.size; i++) {
                for (int c = 0; c < TEXT_COLUMNS; c++) texts[c] = p.text[c][i];
                for (int c = 0; c < ex.length; c++) ex[c] = p.extras[c][i];
                t.add(p.lon[i], p.lat[i], p.occurred[i], p.precision(i), p.reported[i], p.victimAge[i], p.line[i], texts, ex);
            }
        }
        return t;
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

    /** Releases unused capacity. */
    public void trim() {
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
