package org.crimeanalytics.process;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.geotools.process.ProcessException;

/**
 * The two periods of a change of density: before and after {@code splitDate}, or [beforeFrom, beforeTo) and
 * [afterFrom, afterTo). Times are floating local (see CONTRIBUTING): dates compare by their wall-clock value.
 */
final class DensityPeriods {

    private final Long split, bf, bt, af, at;

    private DensityPeriods(Long split, Long bf, Long bt, Long af, Long at) {
        this.split = split;
        this.bf = bf;
        this.bt = bt;
        this.af = af;
        this.at = at;
    }

    /** Null when no period parameter is given; an error naming the parameter for an incomplete or invalid set. */
    static DensityPeriods of(Date splitDate, Date beforeFrom, Date beforeTo, Date afterFrom, Date afterTo) {
        boolean any = beforeFrom != null || beforeTo != null || afterFrom != null || afterTo != null;
        if (splitDate == null && !any) return null;
        if (splitDate != null && any) {
            throw new ProcessException("splitDate: give splitDate or beforeFrom, beforeTo, afterFrom and afterTo, not both");
        }
        if (splitDate != null) return new DensityPeriods(splitDate.getTime(), null, null, null, null);
        String[] names = {"beforeFrom", "beforeTo", "afterFrom", "afterTo"};
        Date[] d = {beforeFrom, beforeTo, afterFrom, afterTo};
        for (int i = 0; i < 4; i++) {
            if (d[i] == null) throw new ProcessException(names[i] + ": required with the other period limits (or give splitDate)");
        }
        if (!beforeFrom.before(beforeTo)) throw new ProcessException("beforeTo: must be after beforeFrom");
        if (!afterFrom.before(afterTo)) throw new ProcessException("afterTo: must be after afterFrom");
        if (beforeFrom.before(afterTo) && afterFrom.before(beforeTo)) {
            throw new ProcessException("afterFrom: the periods overlap; an incident must belong to one period at most");
        }
        return new DensityPeriods(null, beforeFrom.getTime(), beforeTo.getTime(), afterFrom.getTime(), afterTo.getTime());
    }

    /** Which incidents fall in each period, and how long the periods are. */
    record Split(int[] before, int[] after, int outside, long beforeMillis, long afterMillis, String text) {
        boolean unequalLengths() {
            return Math.abs(beforeMillis - afterMillis) > 0.02 * Math.max(beforeMillis, afterMillis);
        }

        String lengthsText() {
            return String.format(java.util.Locale.ROOT, "%.1f and %.1f days", beforeMillis / 86_400_000.0, afterMillis / 86_400_000.0);
        }

        Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", text);
            m.put("incidents_before", before.length);
            m.put("incidents_after", after.length);
            m.put("incidents_outside_periods", outside);
            m.put("days_before", beforeMillis / 86_400_000.0);
            m.put("days_after", afterMillis / 86_400_000.0);
            return m;
        }
    }

    Split split(long[] t) {
        int[] a = new int[t.length], b = new int[t.length];
        int na = 0, nb = 0, out = 0;
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (int i = 0; i < t.length; i++) {
            min = Math.min(min, t[i]);
            max = Math.max(max, t[i]);
            if (split != null) {
                if (t[i] < split) a[na++] = i;
                else b[nb++] = i;
            } else if (t[i] >= bf && t[i] < bt) {
                a[na++] = i;
            } else if (t[i] >= af && t[i] < at) {
                b[nb++] = i;
            } else {
                out++;
            }
        }
        if (split != null) {
            // from the earliest incident's day to the split, and from the split to the end of the latest incident's day
            long dayStart = Math.floorDiv(min, 86_400_000L) * 86_400_000L, dayEnd = Math.floorDiv(max, 86_400_000L) * 86_400_000L + 86_400_000L;
            return new Split(Arrays.copyOf(a, na), Arrays.copyOf(b, nb), 0, Math.max(0, split - dayStart), Math.max(0, dayEnd - split),
                    "before " + text(split) + " (from the first incident's day) against from " + text(split) + " on (to the last incident's day)");
        }
        return new Split(Arrays.copyOf(a, na), Arrays.copyOf(b, nb), out, bt - bf, at - af,
                "[" + text(bf) + ", " + text(bt) + ") against [" + text(af) + ", " + text(at) + ")");
    }

    private static String text(long t) {
        return Instant.ofEpochMilli(t).atOffset(ZoneOffset.UTC).toLocalDateTime().toString();
    }
}
