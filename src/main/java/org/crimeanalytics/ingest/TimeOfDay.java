package org.crimeanalytics.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Times of day: {@code HHmm} without leading zeros (LAPD, Atlanta), {@code H:mm}, {@code HH:mm[:ss[.fff]]},
 * optionally followed by {@code AM}/{@code PM} (Baltimore's {@code 9:23:00 AM}).
 */
public final class TimeOfDay {

    private TimeOfDay() {}

    /** Milliseconds after midnight, or -1 when not a valid time. */
    public static long parse(String s) {
        if (s == null) return -1;
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return parse(b, 0, b.length);
    }

    /** Milliseconds after midnight, or -1 when not a valid time. */
    public static long parse(byte[] b, int s, int e) {
        while (s < e && b[s] == ' ') s++;
        while (e > s && b[e - 1] == ' ') e--;
        if (s == e) return -1;
        int colon = -1;
        for (int i = s; i < e; i++) if (b[i] == ':') { colon = i; break; }
        if (colon < 0) return FastDates.parseHhmm(b, s, e);
        // H:mm[:ss[.fff]] [AM|PM]: reuse the date-time parser on a fixed date
        byte[] t = new byte[11 + (e - s)];
        System.arraycopy("2000-01-01 ".getBytes(StandardCharsets.ISO_8859_1), 0, t, 0, 11);
        System.arraycopy(b, s, t, 11, e - s);
        int[] zone = new int[1];
        long v = FastDates.parse(t, 0, t.length, null, null, zone);
        if (v == FastDates.INVALID || zone[0] != FastDates.NO_ZONE) return -1;
        return v - FastDates.of(2000, 1, 1, 0, 0, 0);
    }
}
