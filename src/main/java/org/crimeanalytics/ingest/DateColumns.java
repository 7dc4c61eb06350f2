package org.crimeanalytics.ingest;

import java.util.List;

/**
 * Reads a date column's values to decide how to parse it: whether day or month comes first in
 * year-last dates ({@code 15/03/2023}), whether the values carry a time of day (and whether that time
 * is a constant placeholder such as LAPD's {@code 12:00:00 AM}), and which zones they are written in.
 *
 * <p>The order is never guessed: a column with a first number above 12 is day-first, one with a second
 * number above 12 is month-first, one with both is inconsistent and one with neither is ambiguous (the
 * caller refuses both, naming the column and an example, unless the format or the user fixes the order).
 * The one convention taken as evidence: dates written with dots ({@code 07.04.2023}) are day-first, as
 * every locale that writes them (German, Russian, Nordic, Swiss...) puts the day first.
 */
public final class DateColumns {

    private DateColumns() {}

    /** What the sample showed. */
    public record Plan(FastDates.DateOrder order, Evidence evidence, String example, int parsed, int values,
            boolean hasTime, boolean constantTime, int zoned, int utc, String description) {
        /** Whether most values parse under this plan. */
        public boolean usable() {
            return values > 0 && parsed * 2 >= values;
        }
    }

    /** The sample's evidence for the order of day and month. */
    public enum Evidence { NONE_NEEDED, DAY_FIRST, MONTH_FIRST, AMBIGUOUS, INCONSISTENT, FIXED }

    /**
     * Inspects the non-blank {@code values} of one column. {@code fixed} is the format's or the user's
     * order (null: infer it).
     */
    public static Plan infer(List<String> values, FastDates.DateOrder fixed) {
        boolean dayFirst = false, monthFirst = false, yearLast = false, dotted = true;
        String dayExample = null, monthExample = null, yearLastExample = null;
        for (String v : values) {
            int[] parts = FastDates.yearLastParts(v);
            if (parts == null) continue;
            yearLast = true;
            if (yearLastExample == null) yearLastExample = v;
            dotted &= separator(v) == '.';
            if (parts[0] > 12 && parts[0] <= 31 && parts[1] <= 12) {
                dayFirst = true;
                if (dayExample == null) dayExample = v;
            }
            if (parts[1] > 12 && parts[1] <= 31 && parts[0] <= 12) {
                monthFirst = true;
                if (monthExample == null) monthExample = v;
            }
        }
        Evidence ev;
        boolean dottedOnly = false;
        FastDates.DateOrder order;
        String example = null;
        if (fixed != null) {
            ev = Evidence.FIXED;
            order = fixed;
        } else if (!yearLast) {
            ev = Evidence.NONE_NEEDED;
            order = FastDates.DateOrder.MDY; // unused: no year-last dates
        } else if (dayFirst && monthFirst) {
            ev = Evidence.INCONSISTENT;
            order = null;
            example = dayExample + "' and '" + monthExample;
        } else if (dayFirst) {
            ev = Evidence.DAY_FIRST;
            order = FastDates.DateOrder.DMY;
            example = dayExample;
        } else if (monthFirst) {
            ev = Evidence.MONTH_FIRST;
            order = FastDates.DateOrder.MDY;
            example = monthExample;
        } else if (dotted) { // 07.04.2023: dotted dates are day-first wherever they are written (DIN 5008, ISO 8601 locales)
            ev = Evidence.DAY_FIRST;
            order = FastDates.DateOrder.DMY;
            example = yearLastExample;
            dottedOnly = true;
        } else {
            ev = Evidence.AMBIGUOUS;
            order = null;
            example = yearLastExample;
        }
        int parsed = 0, zoned = 0, utc = 0, timed = 0;
        long firstTime = Long.MIN_VALUE;
        boolean constant = true;
        FastDates.Precision[] p = new FastDates.Precision[1];
        int[] zone = new int[1];
        String shape = null;
        for (String v : values) {
            long t = FastDates.parse(v, order == null ? FastDates.DateOrder.MDY : order, p, zone);
            if (t == FastDates.INVALID) continue;
            parsed++;
            if (shape == null) shape = shapeOf(v.trim());
            if (p[0] == FastDates.Precision.MINUTE) {
                timed++;
                long tod = t - FastDates.dayStart(t);
                if (firstTime == Long.MIN_VALUE) firstTime = tod;
                else if (tod != firstTime) constant = false;
            }
            if (zone[0] != FastDates.NO_ZONE) {
                zoned++;
                if (zone[0] == 0) utc++;
            }
        }
        boolean hasTime = timed * 2 > parsed && parsed > 0;
        boolean constantTime = hasTime && constant && timed > 1;
        String orderText = switch (ev) {
            case DAY_FIRST -> dottedOnly ? "day-first, as dotted dates such as '" + example + "' are written"
                    : "day-first, as '" + example + "' shows";
            case MONTH_FIRST -> "month-first, as '" + example + "' shows";
            case FIXED -> (order == FastDates.DateOrder.MDY ? "month-first" : "day-first") + " (the export's or the request's order)";
            default -> null;
        };
        StringBuilder d = new StringBuilder(shape == null ? "no parseable value" : shape);
        if (orderText != null && yearLast) d.append(", ").append(orderText);
        if (zoned > 0) {
            d.append(", ").append(zoned).append(" of ").append(parsed).append(" sampled values with a zone (")
                    .append(utc).append(" UTC)");
        }
        if (constantTime) d.append(", always the same time of day (a placeholder)");
        return new Plan(order, ev, example, parsed, values.size(), hasTime, constantTime, zoned, utc, d.toString());
    }

    /** The character after the leading digits of a trimmed value (0 if none). */
    static char separator(String v) {
        String t = v.trim();
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) i++;
        return i < t.length() ? t.charAt(i) : 0;
    }

    /** How a value looks, for the report. */
    static String shapeOf(String v) {
        return "like '" + v + "'";
    }
}
