package org.crimeanalytics.ingest;

/** Times of day: {@code HHmm} without leading zeros (LAPD), {@code H:mm}, {@code HH:mm[:ss]}. */
final class TimeOfDay {

    private TimeOfDay() {}

    /** Milliseconds after midnight, or -1 when not a valid time. */
    static long parse(byte[] b, int s, int e) {
        while (s < e && b[s] == ' ') s++;
        while (e > s && b[e - 1] == ' ') e--;
        if (s == e) return -1;
        int colon = -1;
        for (int i = s; i < e; i++) if (b[i] == ':') { colon = i; break; }
        if (colon < 0) return FastDates.parseHhmm(b, s, e);
        int h = FastNumbers.parseUnsigned(b, s, colon);
        int end = e;
        int sec = 0;
        for (int i = colon + 1; i < e; i++) {
            if (b[i] == ':') {
                sec = FastNumbers.parseUnsigned(b, i + 1, e);
                end = i;
                break;
            }
        }
        int m = FastNumbers.parseUnsigned(b, colon + 1, end);
        if (h < 0 || h > 23 || m < 0 || m > 59 || end - colon - 1 != 2 || sec < 0 || sec > 59) return -1;
        return ((h * 60L + m) * 60L + sec) * 1000L;
    }
}
