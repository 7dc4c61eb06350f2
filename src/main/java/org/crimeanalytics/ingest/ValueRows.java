package org.crimeanalytics.ingest;

import java.time.format.DateTimeFormatter;
import java.util.Date;

/**
 * Rows whose fields are typed values (a GIS layer's attributes, a Parquet file's columns) rather than CSV text, read
 * with the CSV rules where they are text. Subclasses give {@link #value}; this class converts:
 * <ul>
 *   <li>numbers as numbers; text parsed as CSV values are;</li>
 *   <li>dates as floating local time ({@link #wallClock}): a {@code java.sql.Timestamp} its wall-clock time, a
 *       {@code java.sql.Date} its calendar day, a {@code java.time.LocalDateTime} / {@code LocalDate} as written, any
 *       other {@code java.util.Date} or {@code java.time.Instant} its UTC fields; the OLE zero date 1899-12-30 (how dBASE
 *       and spreadsheet exports mark "no date") is no date, and as a time column no time;</li>
 *   <li>text dates by the CSV parser (the column mapping's order or pattern).</li>
 * </ul>
 */
public abstract class ValueRows implements IncidentIngest.GeometryRows {

    private static final long OLE_ZERO = java.time.LocalDate.of(1899, 12, 30).toEpochDay() * 86_400_000L;

    /** The value of column {@code col} in the current row (null when blank or out of range). */
    protected abstract Object value(int col);

    /** The wall-clock time of a date value as floating milliseconds, the OLE zero day included; INVALID for other values. */
    public static long wallClock(Object v) {
        if (v instanceof java.sql.Timestamp ts) return ts.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
        if (v instanceof java.sql.Date sd) return sd.toLocalDate().toEpochDay() * 86_400_000L;
        if (v instanceof Date d) return d.getTime();
        if (v instanceof java.time.LocalDateTime l) return l.toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
        if (v instanceof java.time.LocalDate l) return l.toEpochDay() * 86_400_000L;
        if (v instanceof java.time.Instant i) return i.toEpochMilli();
        return FastDates.INVALID;
    }

    /** Whether a value is a date or date-time (not text). */
    public static boolean isDate(Object v) {
        return v instanceof Date || v instanceof java.time.LocalDateTime || v instanceof java.time.LocalDate || v instanceof java.time.Instant;
    }

    /** Whether a value holds only a calendar day. */
    static boolean dayOnly(Object v) {
        return v instanceof java.sql.Date || v instanceof java.time.LocalDate;
    }

    /** Whether a wall-clock time falls on the OLE zero date. */
    public static boolean oleZeroDay(long wallClock) {
        return FastDates.dayStart(wallClock) == OLE_ZERO;
    }

    /** The floating time of a value, or {@link FastDates#INVALID} when it holds no date (text: ISO or year-first only). */
    public static long floating(Object v) {
        if (isDate(v)) {
            long t = wallClock(v);
            return oleZeroDay(t) ? FastDates.INVALID : t;
        }
        if (v instanceof CharSequence s) return FastDates.parse(s.toString(), null, null, null);
        return FastDates.INVALID;
    }

    /** A value as the column mapping sees it: dates in ISO form, whole doubles without ".0". */
    public static String asText(Object v) {
        if (v == null) return null;
        if (isDate(v)) {
            long t = floating(v);
            if (t == FastDates.INVALID) return null;
            java.time.LocalDateTime l = java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(t, 1000), 0, java.time.ZoneOffset.UTC);
            return dayOnly(v) ? l.toLocalDate().toString() : l.toString();
        }
        if (v instanceof Double x && x == Math.rint(x) && Math.abs(x) < 1e15) return Long.toString(x.longValue());
        return v.toString();
    }

    @Override
    public boolean ragged() {
        return false;
    }

    @Override
    public boolean isBlank(int col) {
        Object v = value(col);
        if (isDate(v)) { // the OLE zero date at midnight: neither a date nor a time
            long t = wallClock(v);
            return oleZeroDay(t) && (t == FastDates.dayStart(t) || dayOnly(v));
        }
        return v == null || v.toString().isBlank();
    }

    @Override
    public String text(int col) {
        String s = asText(value(col));
        if (s == null) return null;
        s = s.trim();
        return s.isEmpty() ? null : s;
    }

    @Override
    public String rawText(int col) {
        return text(col);
    }

    @Override
    public double number(int col) {
        Object v = value(col);
        if (v instanceof Number num) return num.doubleValue();
        if (v == null) return Double.NaN;
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    @Override
    public long date(int col, DateTimeFormatter pattern, FastDates.DateOrder order, FastDates.Precision[] precisionOut, int[] zoneOut) {
        if (zoneOut != null) zoneOut[0] = FastDates.NO_ZONE;
        Object v = value(col);
        if (isDate(v)) {
            long t = floating(v);
            if (precisionOut != null) precisionOut[0] = dayOnly(v) ? FastDates.Precision.DAY : FastDates.Precision.MINUTE;
            return t;
        }
        if (v == null) return FastDates.INVALID;
        return pattern != null ? FastDates.parsePattern(pattern, v.toString(), precisionOut) : FastDates.parse(v.toString(), order, precisionOut, zoneOut);
    }

    @Override
    public long timeOfDay(int col) {
        Object v = value(col);
        if (isDate(v)) { // a time stored as a date-time, often on the OLE zero date
            long t = wallClock(v);
            return t - FastDates.dayStart(t);
        }
        String s = text(col);
        if (s == null) return -1;
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return TimeOfDay.parse(b, 0, b.length);
    }
}
