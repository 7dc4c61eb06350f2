package org.crimeanalytics.temporal;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * When incidents happen: an hour-of-day x day-of-week matrix and counts per month or ISO week, from
 * floating local times (milliseconds read with a UTC calendar).
 *
 * <p>Unknown times are handled explicitly. A time recorded at exactly 00:00 or 00:01 is taken as a
 * "time unknown" placeholder (Chicago records unknown times as 12:01 AM and many exports use
 * midnight): it counts in the period series but not in the hour-by-weekday matrix, peak hour or the
 * night share. Times with day precision count in the series only, month precision in monthly series
 * only. Each exclusion is counted.
 */
public final class TemporalProfile {

    /** Precision codes: 0 minute, 1 day, 2 month, -1 unknown. */
    public static final int MINUTE = 0, DAY = 1, MONTH = 2;

    private TemporalProfile() {}

    /** Whether a minute-precision time is a midnight placeholder (00:00 or 00:01). */
    public static boolean placeholder(long millis) {
        long minuteOfDay = Math.floorMod(millis, 86_400_000L) / 60_000L;
        return minuteOfDay == 0 || minuteOfDay == 1;
    }

    /**
     * The time of day of a floating time in hours, in [0, 24) (minutes as fractions), or NaN when it has no known time of
     * day: {@code dayOrMonthOnly} (a date without a time: its 00:00 is not midnight) or a midnight placeholder
     * ({@link #placeholder}). What ClusterIncidents' and the offense model's 'hour' use, as the hour profile does.
     */
    public static double knownHour(long millis, boolean dayOrMonthOnly) {
        if (dayOrMonthOnly || placeholder(millis)) return Double.NaN;
        return Math.floorMod(millis, 86_400_000L) / 3_600_000.0;
    }

    /**
     * Of the time steps {@code min..max} (week or month indexes), the first and last that the data, from the day of
     * {@code firstMs} to the day of {@code lastMs} (both whole days), covers wholly, give or take a day for weeks and two
     * days for months: {@code {from, to}}. A step the data covers in part only (an export from a Saturday, until the
     * 12th) holds fewer incidents everywhere. Judged from the first and last incidents' dates: a sparse layer whose last
     * incident falls days before the end of the data's last week looks partial too. A last time at 00:00 on the 1st
     * of a month (a date of month precision) covers its month.
     */
    public static int[] wholeSteps(int min, int max, long firstMs, long lastMs, boolean months) {
        if (max <= min) return new int[] {min, max};
        long day = 86_400_000L, slack = (months ? 2 : 1) * day;
        long firstDay = Math.floorDiv(firstMs, day) * day;
        long lastEnd = Math.floorDiv(lastMs, day) * day + day;
        if (months && lastMs == monthStart(monthIndex(lastMs))) lastEnd = monthStart(monthIndex(lastMs) + 1);
        int from = firstDay - (months ? monthStart(min) : weekStart(min)) > slack ? min + 1 : min;
        int to = (months ? monthStart(max + 1) : weekStart(max + 1)) - lastEnd > slack ? max - 1 : max;
        return new int[] {from, to};
    }

    /** Hour 0-23 of a floating time. */
    public static int hour(long millis) {
        return (int) (Math.floorMod(millis, 86_400_000L) / 3_600_000L);
    }

    /** Day of week 0 = Monday .. 6 = Sunday. */
    public static int weekday(long millis) {
        long day = Math.floorDiv(millis, 86_400_000L); // 1970-01-01 was a Thursday (3)
        return (int) Math.floorMod(day + 3, 7);
    }

    /** Months since January 1970. */
    public static int monthIndex(long millis) {
        // civil_from_days (H. Hinnant): year and month of a day count without allocating
        long z = Math.floorDiv(millis, 86_400_000L) + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long m = mp < 10 ? mp + 3 : mp - 9;
        if (m <= 2) y++;
        return (int) ((y - 1970) * 12 + m - 1);
    }

    /** Weeks since the ISO week of 1970-01-01 (Monday-based). */
    public static int weekIndex(long millis) {
        long day = Math.floorDiv(millis, 86_400_000L);
        return (int) Math.floorDiv(day + 3, 7);
    }

    /** The first millisecond (floating local time) of month {@code index} ({@link #monthIndex}). */
    public static long monthStart(int index) {
        return LocalDate.of(1970 + Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1, 1).toEpochDay() * 86_400_000L;
    }

    /** The first millisecond (floating local time) of week {@code index} ({@link #weekIndex}): its Monday. */
    public static long weekStart(int index) {
        return (7L * index - 3) * 86_400_000L;
    }

    /** Label of a month index: yyyy-MM. */
    public static String monthLabel(int index) {
        return String.format("%04d-%02d", 1970 + Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
    }

    /** Label of a week index: the ISO week's Monday, yyyy-MM-dd, and week number. */
    public static String weekLabel(int index) {
        LocalDate monday = LocalDate.of(1970, 1, 1).minusDays(3).plusDays(7L * index);
        return monday + " (W" + monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + ")";
    }

}
