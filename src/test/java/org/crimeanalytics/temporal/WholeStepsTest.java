package org.crimeanalytics.temporal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Which first and last weeks or months the data covers only in part ({@link TemporalProfile#wholeSteps}). */
class WholeStepsTest {

    private static long at(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).toEpochSecond(ZoneOffset.UTC) * 1000;
    }

    private static int[] weeks(long first, long last) {
        return TemporalProfile.wholeSteps(TemporalProfile.weekIndex(first), TemporalProfile.weekIndex(last), first, last, false);
    }

    private static int[] months(long first, long last) {
        return TemporalProfile.wholeSteps(TemporalProfile.monthIndex(first), TemporalProfile.monthIndex(last), first, last, true);
    }

    @Test
    void weeks() {
        int a = TemporalProfile.weekIndex(at(2020, 1, 6, 0, 0)), b = TemporalProfile.weekIndex(at(2020, 3, 29, 0, 0)); // Monday .. Sunday
        assertArrayEquals(new int[] {a, b}, weeks(at(2020, 1, 6, 0, 5), at(2020, 3, 29, 23, 50)), "whole weeks");
        // a minute-precision export ending on Saturday 23:59 misses one day: kept (it was dropped, 24 h 1 min > 1 day)
        assertArrayEquals(new int[] {a, b}, weeks(at(2020, 1, 6, 0, 5), at(2020, 3, 28, 23, 59)));
        // from Tuesday (the Monday missing): kept; from Wednesday: left out; until Friday: left out
        assertArrayEquals(new int[] {a, b}, weeks(at(2020, 1, 7, 9, 0), at(2020, 3, 29, 12, 0)));
        assertArrayEquals(new int[] {a + 1, b}, weeks(at(2020, 1, 8, 9, 0), at(2020, 3, 29, 12, 0)));
        assertArrayEquals(new int[] {a, b - 1}, weeks(at(2020, 1, 6, 9, 0), at(2020, 3, 27, 12, 0)));
    }

    @Test
    void months() {
        int jan = TemporalProfile.monthIndex(at(2020, 1, 1, 0, 0)), dec = TemporalProfile.monthIndex(at(2020, 12, 1, 0, 0));
        // dates of month precision (the 1st at 00:00, UK police data): every month whole (the last one was left out)
        assertArrayEquals(new int[] {jan, dec}, months(at(2020, 1, 1, 0, 0), at(2020, 12, 1, 0, 0)));
        // until the 30th of December, from the 3rd of January: kept; until the 12th: the last month left out
        assertArrayEquals(new int[] {jan, dec}, months(at(2020, 1, 3, 10, 0), at(2020, 12, 30, 10, 0)));
        assertArrayEquals(new int[] {jan, dec - 1}, months(at(2020, 1, 1, 10, 0), at(2020, 12, 12, 10, 0)));
        assertArrayEquals(new int[] {jan + 1, dec}, months(at(2020, 1, 5, 10, 0), at(2020, 12, 31, 10, 0)));
    }
}
