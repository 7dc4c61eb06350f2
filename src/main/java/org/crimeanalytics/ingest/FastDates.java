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
 * <p>Recognised without a pattern, with {@code -}, {@code /} or {@code .} between date parts:
 * <ul>
 *   <li>year first: {@code yyyy-MM-dd}, {@code yyyy/MM/dd} (San Francisco), {@code yyyy-MM} (UK police, month
 *       precision);</li>
 *   <li>year last: {@code MM/dd/yyyy} or {@code dd/MM/yyyy}, one or two digits each; which of the two is
 *       given by the caller's {@link DateOrder} (a column's order is inferred from its values, see
 *       {@link DateColumns}), never guessed here;</li>
 *   <li>an optional time after a {@code T} or one or more spaces: {@code H:mm[:ss[.fff]]} with an optional
 *       {@code AM}/{@code PM}, then an optional zone: {@code Z}, {@code UTC}, {@code GMT}, {@code +hh},
 *       {@code +hhmm} or {@code +hh:mm}, reported through {@code zoneOut} (minutes east of UTC) while the
 *       value keeps the wall-clock time as written.</li>
 * </ul>
 * Anything else, or an impossible date (31/02, hour 25, 13:00 PM), yields {@link #INVALID}.
 */
public final class FastDates {

    /** Returned for text that is not a valid date. */
    public static final long INVALID = Long.MIN_VALUE;

    /** {@code zoneOut} value for a date-time written without a zone. */
    public static final int NO_ZONE = Integer.MIN_VALUE;

    /** The order of day and month in dates written with the year last. */
    public enum DateOrder {
        /** month/day/year (United States). */
        MDY,
        /** day/month/year (most of the world). */
        DMY
    }

    /** Precision of a parsed value. */
    public enum Precision {
        MINUTE, DAY, MONTH, HOUR;

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

    /** Floating-local milliseconds of a valid date and time (no checks). */
    public static long of(int y, int m, int d, int h, int mi, int sec) {
        return daysFromCivil(y, m, d) * MS_DAY + ((h * 60L + mi) * 60L + sec) * 1000L;
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

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** Parses a String month-first; see {@link #parse(byte[], int, int, DateOrder, Precision[], int[])}. */
    public static long parse(String text, Precision[] precisionOut) {
        return parse(text, DateOrder.MDY, precisionOut, null);
    }

    /** Parses a String; see {@link #parse(byte[], int, int, DateOrder, Precision[], int[])}. */
    public static long parse(String text, DateOrder order, Precision[] precisionOut, int[] zoneOut) {
        if (text == null) return INVALID;
        byte[] b = text.trim().getBytes(StandardCharsets.ISO_8859_1);
        return parse(b, 0, b.length, order, precisionOut, zoneOut);
    }

    /** Parses bytes [s, e) month-first, ignoring any zone. */
    public static long parse(byte[] b, int s, int e, Precision[] precisionOut) {
        return parse(b, s, e, DateOrder.MDY, precisionOut, null);
    }

    /**
     * Parses bytes [s, e). Returns floating-local epoch milliseconds (the wall-clock time as written) or
     * {@link #INVALID}; {@code precisionOut[0]} (if given) receives the precision and {@code zoneOut[0]}
     * (if given) the written zone offset in minutes, or {@link #NO_ZONE}. A year-last date needs
     * {@code order}: with null it is {@link #INVALID}.
     */
    public static long parse(byte[] b, int s, int e, DateOrder order, Precision[] precisionOut, int[] zoneOut) {
        if (zoneOut != null) zoneOut[0] = NO_ZONE;
        while (s < e && (b[s] == ' ' || b[s] == '\t')) s++;
        while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) e--;
        if (e - s < 6) return INVALID;
        long d = date(b, s, e, order);
        if (d < 0) return INVALID;
        int i = (int) (d >>> 32);
        int y = (int) (d >> 9) & 0xFFF, mo = (int) (d >> 5) & 0xF, day = (int) d & 0x1F;
        boolean month = (d & (1L << 21)) != 0;
        long tod = 0;
        Precision p = month ? Precision.MONTH : Precision.DAY;
        if (i < e) {
            if (month) return INVALID;
            tod = time(b, i, e, zoneOut);
            if (tod < 0) return INVALID;
            p = Precision.MINUTE;
        }
        if (!validDate(y, mo, day)) return INVALID;
        if (precisionOut != null) precisionOut[0] = p;
        return daysFromCivil(y, mo, day) * MS_DAY + tod;
    }

    /**
     * The date at the start of [s, e): packed as (index after it) << 32 | month-precision flag << 21 |
     * year << 9 | month << 5 | day; -1 when it is not a date.
     */
    private static long date(byte[] b, int s, int e, DateOrder order) {
        int i = s;
        while (i < e && digit(b[i])) i++;
        int n1 = i - s;
        if (i >= e || n1 == 0 || n1 == 3 || n1 > 4) return -1;
        byte sep = b[i];
        if (sep != '-' && sep != '/' && sep != '.') return -1;
        int v1 = digits(b, s, n1);
        int k = ++i;
        while (i < e && digit(b[i])) i++;
        int n2 = i - k;
        if (n2 < 1 || n2 > 2) return -1;
        int v2 = digits(b, k, n2);
        int y, mo, d;
        long month = 0;
        if (n1 == 4) {
            y = v1;
            mo = v2;
            if (i == e) {
                d = 1;
                month = 1L << 21;
            } else if (b[i] != sep) {
                d = 1;
                month = 1L << 21; // "2023-05 ..." is not a date; the caller rejects what follows
            } else {
                k = ++i;
                while (i < e && digit(b[i])) i++;
                if (i - k < 1 || i - k > 2) return -1;
                d = digits(b, k, i - k);
            }
        } else {
            if (i >= e || b[i] != sep || order == null) return -1;
            k = ++i;
            while (i < e && digit(b[i])) i++;
            if (i - k != 4) return -1;
            y = digits(b, k, 4);
            if (order == DateOrder.MDY) {
                mo = v1;
                d = v2;
            } else {
                d = v1;
                mo = v2;
            }
        }
        if (y < 0 || mo < 0 || d < 0 || y > 4095 || mo > 15 || d > 31) return -1;
        return ((long) i << 32) | month | ((long) y << 9) | ((long) mo << 5) | d;
    }

    /**
     * The time after a date at [i, e): a {@code T} or spaces, {@code H:mm[:ss[.fff]]}, an optional AM/PM and
     * zone (into {@code zoneOut}); milliseconds after midnight, or -1 when malformed.
     */
    private static long time(byte[] b, int i, int e, int[] zoneOut) {
        if (b[i] == 'T' || b[i] == 't') {
            i++;
        } else if (b[i] == ' ') {
            while (i < e && b[i] == ' ') i++;
        } else {
            return -1;
        }
        int k = i;
        while (i < e && digit(b[i])) i++;
        if (i - k < 1 || i - k > 2 || i >= e || b[i] != ':') return -1;
        int h = digits(b, k, i - k);
        if (e - i < 3 || !digit(b[i + 1]) || !digit(b[i + 2])) return -1;
        int mi = digits(b, i + 1, 2);
        int sec = 0, ms = 0;
        i += 3;
        if (i < e && b[i] == ':') {
            if (e - i < 3 || !digit(b[i + 1]) || !digit(b[i + 2])) return -1;
            sec = digits(b, i + 1, 2);
            i += 3;
            if (i < e && (b[i] == '.' || b[i] == ',')) {
                i++;
                int fs = i;
                while (i < e && digit(b[i])) i++;
                int nd = Math.min(3, i - fs);
                ms = nd == 0 ? 0 : digits(b, fs, nd) * (nd == 1 ? 100 : nd == 2 ? 10 : 1);
            }
        }
        int j = i;
        while (j < e && b[j] == ' ') j++;
        if (j < e && (b[j] == 'A' || b[j] == 'a' || b[j] == 'P' || b[j] == 'p')) { // AM / PM (also a.m. / p.m.)
            boolean pm = b[j] == 'P' || b[j] == 'p';
            int t = j + 1;
            if (t < e && b[t] == '.') t++;
            if (t >= e || (b[t] != 'M' && b[t] != 'm')) return -1;
            t++;
            if (t < e && b[t] == '.') t++;
            if (h < 1 || h > 12) return -1;
            h = pm ? (h == 12 ? 12 : h + 12) : (h == 12 ? 0 : h);
            j = t;
            while (j < e && b[j] == ' ') j++;
        }
        if (j < e) {
            int z = zone(b, j, e);
            if (z == NO_ZONE) return -1;
            if (zoneOut != null) zoneOut[0] = z;
        }
        if (h > 23 || mi > 59 || sec > 59) return -1;
        return ((h * 60L + mi) * 60L + sec) * 1000L + ms;
    }

    /** A zone designator filling [s, e): Z, UTC, GMT, +hh, +hhmm, +hh:mm; minutes east of UTC or {@link #NO_ZONE}. */
    static int zone(byte[] b, int s, int e) {
        int n = e - s;
        if (n == 1 && (b[s] == 'Z' || b[s] == 'z')) return 0;
        if (n >= 3) {
            String w = new String(b, s, 3, StandardCharsets.ISO_8859_1);
            if (w.equalsIgnoreCase("UTC") || w.equalsIgnoreCase("GMT")) return n == 3 ? 0 : zone(b, s + 3, e);
        }
        if (n < 3 || (b[s] != '+' && b[s] != '-')) return NO_ZONE;
        int sign = b[s] == '-' ? -1 : 1;
        int hh = digits(b, s + 1, 2);
        int mm = 0;
        if (n == 3) {
            mm = 0;
        } else if (n == 5) {
            mm = digits(b, s + 3, 2);
        } else if (n == 6 && b[s + 3] == ':') {
            mm = digits(b, s + 4, 2);
        } else {
            return NO_ZONE;
        }
        if (hh < 0 || hh > 18 || mm < 0 || mm > 59) return NO_ZONE;
        return sign * (hh * 60 + mm);
    }

    /**
     * For inference: the first two numbers of a year-last date ({@code 15/03/2023 ...}), or null when
     * the text is not one.
     */
    public static int[] yearLastParts(String text) {
        if (text == null) return null;
        String t = text.trim();
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) i++;
        if (i < 1 || i > 2 || i >= t.length()) return null;
        char sep = t.charAt(i);
        if (sep != '/' && sep != '-' && sep != '.') return null;
        int a = Integer.parseInt(t.substring(0, i));
        int j = ++i;
        while (i < t.length() && Character.isDigit(t.charAt(i))) i++;
        if (i - j < 1 || i - j > 2 || i >= t.length() || t.charAt(i) != sep) return null;
        int bb = Integer.parseInt(t.substring(j, i));
        int k = ++i;
        while (i < t.length() && Character.isDigit(t.charAt(i))) i++;
        if (i - k != 4) return null;
        return new int[] {a, bb};
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
