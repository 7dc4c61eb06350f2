package org.crimeanalytics.ingest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Parses the date formats of police exports without allocating, into "floating" local time: the
 * wall-clock date and time of the source, encoded as milliseconds since 1970-01-01T00:00 as if it
 * were UTC (so hour of day and weekday are read back with a UTC calendar, and no daylight-saving
 * gap or overlap can shift an incident).
 *
 * <p>Recognised without a pattern: {@code MM/dd/yyyy hh:mm:ss a} (LAPD, Chicago),
 * {@code MM/dd/yyyy HH:mm} (LAPD), {@code MM/dd/yyyy} (day precision), {@code yyyy-MM} (UK police,
 * month precision), {@code yyyy-MM-dd}, and ISO {@code yyyy-MM-dd[T ]HH:mm[:ss[.fff]][Z]}. Anything
 * else, or an impossible date (31/02, hour 25), yields {@link #INVALID}.
 */
public final class FastDates {

    /** Returned for text that is not a valid date. */
    public static final long INVALID = Long.MIN_VALUE;

    /** Precision of a parsed value. */
    public enum Precision {
        MINUTE, DAY, MONTH;

        private final String label = name().toLowerCase(java.util.Locale.ROOT);

        /** Lower-case name, as stored in {@code time_precision}. */
        public String label() {
            return label;
        }
    }

    private static final long MS_DAY = 86_400_000L;

    private FastDates() {}

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yoe = y - era * 400;
        int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097L + doe - 719468L;
    }

    static boolean validDate(int y, int m, int d) {
        if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
        int dim = switch (m) {
            case 2 -> ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return d <= dim;
    }

    private static int digits(byte[] b, int s, int n) {
        int v = 0;
        for (int i = s; i < s + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }

    /** Parses a String; see {@link #parse(byte[], int, int, Precision[])}. */
    public static long parse(String text, Precision[] precisionOut) {
        if (text == null) return INVALID;
        byte[] b = text.trim().getBytes(StandardCharsets.ISO_8859_1);
        return parse(b, 0, b.length, precisionOut);
    }

    /**
     * Parses bytes [s, e). Returns floating-local epoch milliseconds or {@link #INVALID};
     * {@code precisionOut[0]} (if given) receives the precision.
     */
    public static long parse(byte[] b, int s, int e, Precision[] precisionOut) {
        while (s < e && b[s] == ' ') s++;
        while (e > s && b[e - 1] == ' ') e--;
        int n = e - s;
        if (n < 7) return INVALID;
        Precision p;
        int y, mo, d, h = 0, mi = 0, sec = 0, ms = 0;
        if (n >= 10 && b[s + 2] == '/' && b[s + 5] == '/') {
            mo = digits(b, s, 2);
            d = digits(b, s + 3, 2);
            y = digits(b, s + 6, 4);
            p = Precision.DAY;
            int t = s + 10;
            if (t < e) {
                int[] clock = new int[4];
                t = clock(b, t, e, clock);
                if (t < 0) return INVALID;
                h = clock[0];
                mi = clock[1];
                sec = clock[2];
                ms = clock[3];
                if (t < e) { // AM/PM
                    if (b[t] == ' ') t++;
                    if (e - t != 2 || (b[t + 1] != 'M' && b[t + 1] != 'm')) return INVALID;
                    byte ap = b[t];
                    if (h < 1 || h > 12) return INVALID;
                    if (ap == 'A' || ap == 'a') h = h == 12 ? 0 : h;
                    else if (ap == 'P' || ap == 'p') h = h == 12 ? 12 : h + 12;
                    else return INVALID;
                }
                p = Precision.MINUTE;
            }
        } else if (b[s + 4] == '-') {
            y = digits(b, s, 4);
            mo = digits(b, s + 5, 2);
            if (n == 7) {
                d = 1;
                p = Precision.MONTH;
            } else {
                if (n < 10 || b[s + 7] != '-') return INVALID;
                d = digits(b, s + 8, 2);
                p = Precision.DAY;
                int t = s + 10;
                if (t < e) {
                    int[] clock = new int[4];
                    t = clock(b, t, e, clock);
                    if (t < 0) return INVALID;
                    h = clock[0];
                    mi = clock[1];
                    sec = clock[2];
                    ms = clock[3];
                    if (t < e && (b[t] == 'Z' || b[t] == 'z')) t++;
                    if (t != e) return INVALID;
                    p = Precision.MINUTE;
                }
            }
        } else {
            return INVALID;
        }
        if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0 || ms < 0) return INVALID;
        if (!validDate(y, mo, d) || h > 23 || mi > 59 || sec > 59) return INVALID;
        if (precisionOut != null) precisionOut[0] = p;
        return daysFromCivil(y, mo, d) * MS_DAY + ((h * 60L + mi) * 60L + sec) * 1000L + ms;
    }

    /**
     * A time after a date: a space or 'T', then {@code HH:mm[:ss[.fff]]}; fills {hour, minute,
     * second, millisecond} and returns the index after it, or -1 when malformed.
     */
    private static int clock(byte[] b, int t, int e, int[] out) {
        if (b[t] != ' ' && b[t] != 'T') return -1;
        t++;
        if (e - t < 5 || b[t + 2] != ':') return -1;
        out[0] = digits(b, t, 2);
        out[1] = digits(b, t + 3, 2);
        out[2] = 0;
        out[3] = 0;
        t += 5;
        if (t < e && b[t] == ':') {
            if (e - t < 3) return -1;
            out[2] = digits(b, t + 1, 2);
            t += 3;
            if (t < e && b[t] == '.') {
                t++;
                int fs = t;
                while (t < e && b[t] >= '0' && b[t] <= '9') t++;
                int nd = Math.min(3, t - fs);
                out[3] = nd == 0 ? 0 : digits(b, fs, nd) * (nd == 1 ? 100 : nd == 2 ? 10 : 1);
            }
        }
        return t;
    }

    /**
     * LAPD's {@code TIME OCC}: HHmm without leading zeros ("5" is 00:05, "2230" is 22:30); returns
     * milliseconds after midnight, or -1 when not a valid time.
     */
    public static long parseHhmm(byte[] b, int s, int e) {
        while (s < e && b[s] == ' ') s++;
        while (e > s && b[e - 1] == ' ') e--;
        int v = FastNumbers.parseUnsigned(b, s, e);
        if (v < 0 || e - s > 4) return -1;
        int h = v / 100;
        int m = v % 100;
        if (h > 23 || m > 59) return -1;
        return (h * 60L + m) * 60_000L;
    }

    /** Start of the day of a floating-local time. */
    public static long dayStart(long millis) {
        return Math.floorDiv(millis, MS_DAY) * MS_DAY;
    }

    /**
     * Parses with a caller's {@link DateTimeFormatter} pattern (slow path); date-only patterns give
     * day precision.
     */
    public static long parsePattern(DateTimeFormatter f, String text, Precision[] precisionOut) {
        if (text == null) return INVALID;
        try {
            TemporalAccessor t = f.parse(text.trim());
            LocalDate date = LocalDate.from(t);
            boolean hasTime = t.isSupported(ChronoField.HOUR_OF_DAY);
            LocalDateTime dt = hasTime ? date.atTime(t.get(ChronoField.HOUR_OF_DAY),
                    t.isSupported(ChronoField.MINUTE_OF_HOUR) ? t.get(ChronoField.MINUTE_OF_HOUR) : 0,
                    t.isSupported(ChronoField.SECOND_OF_MINUTE) ? t.get(ChronoField.SECOND_OF_MINUTE) : 0)
                    : date.atStartOfDay();
            if (precisionOut != null) precisionOut[0] = hasTime ? Precision.MINUTE : Precision.DAY;
            return dt.toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (java.time.DateTimeException e) {
            return INVALID;
        }
    }
}
