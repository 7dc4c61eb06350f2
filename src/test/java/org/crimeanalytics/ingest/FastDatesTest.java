package org.crimeanalytics.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FastDatesTest {

    private static long utc(LocalDateTime t) {
        return t.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static long parse(String s, FastDates.Precision expected) {
        FastDates.Precision[] p = new FastDates.Precision[1];
        long v = FastDates.parse(s, p);
        if (v != FastDates.INVALID) assertEquals(expected, p[0], s);
        return v;
    }

    @Test
    void invalidTextAndImpossibleDates() {
        for (String s : new String[] {"", "2021", "02/30/2020 10:00", "13/01/2020", "01/01/2020 25:00", "2023-13",
            "01/01/2020 13:00:00 PM", "01/01/2020 00:00:00 AM", "2020-01-01T10:61", "yesterday", "2021-02-29"}) {
            assertEquals(FastDates.INVALID, FastDates.parse(s, null), s);
        }
    }

    @Test
    void policeFormatsByHand() {
        assertEquals(utc(LocalDateTime.of(2020, 1, 8, 0, 0)), parse("01/08/2020 12:00:00 AM", FastDates.Precision.MINUTE));
        assertEquals(utc(LocalDateTime.of(2020, 1, 8, 12, 30, 15)), parse("01/08/2020 12:30:15 PM", FastDates.Precision.MINUTE));
        assertEquals(utc(LocalDateTime.of(2020, 1, 8, 23, 5)), parse("01/08/2020 11:05:00 PM", FastDates.Precision.MINUTE));
        assertEquals(utc(LocalDateTime.of(2020, 2, 29, 13, 45)), parse("02/29/2020 13:45", FastDates.Precision.MINUTE));
        assertEquals(utc(LocalDateTime.of(2023, 5, 1, 0, 0)), parse("2023-05", FastDates.Precision.MONTH));
        assertEquals(utc(LocalDateTime.of(2021, 3, 5, 0, 0)), parse("2021-03-05", FastDates.Precision.DAY));
        assertEquals(utc(LocalDateTime.of(2021, 3, 5, 0, 0)), parse("03/05/2021", FastDates.Precision.DAY));
        assertEquals(utc(LocalDateTime.of(2021, 3, 4, 22, 15, 7)) + 250, parse("2021-03-04T22:15:07.25Z", FastDates.Precision.MINUTE));
    }

    @Test
    void lapdTimeOccWithoutLeadingZeros() {
        assertEquals(5 * 60_000L, FastDates.parseHhmm("5".getBytes(), 0, 1));
        assertEquals((3 * 60 + 30) * 60_000L, FastDates.parseHhmm("330".getBytes(), 0, 3));
        assertEquals((22 * 60 + 30) * 60_000L, FastDates.parseHhmm("2230".getBytes(), 0, 4));
        assertEquals(-1, FastDates.parseHhmm("2460".getBytes(), 0, 4));
        assertEquals(-1, FastDates.parseHhmm("12a".getBytes(), 0, 3));
        assertEquals((9 * 60 + 5) * 60_000L, TimeOfDay.parse("9:05".getBytes(), 0, 4));
    }

    @Test
    void agreesWithJavaTimeOnRandomInstants() {
        DateTimeFormatter chicago = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);
        DateTimeFormatter lapd = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm");
        Random r = new Random(7);
        LocalDate start = LocalDate.of(1900, 1, 1);
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime t = start.plusDays(r.nextInt(200 * 366)).atTime(r.nextInt(24), r.nextInt(60), r.nextInt(60));
            assertEquals(utc(t), FastDates.parse(chicago.format(t), null), chicago.format(t));
            LocalDateTime m = t.withSecond(0);
            assertEquals(utc(m), FastDates.parse(lapd.format(m), null), lapd.format(m));
            assertEquals(utc(t), FastDates.parse(t.toString(), null), t.toString());
        }
    }

    @Test
    void callerPatternForOtherFormats() {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.ROOT);
        FastDates.Precision[] p = new FastDates.Precision[1];
        assertEquals(utc(LocalDateTime.of(2022, 12, 31, 23, 59)), FastDates.parsePattern(f, "31.12.2022 23:59", p));
        assertEquals(FastDates.Precision.MINUTE, p[0]);
        assertEquals(FastDates.INVALID, FastDates.parsePattern(f, "31.13.2022 23:59", p));
        DateTimeFormatter d = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT);
        assertEquals(utc(LocalDateTime.of(2022, 12, 31, 0, 0)), FastDates.parsePattern(d, "31.12.2022", p));
        assertEquals(FastDates.Precision.DAY, p[0]);
    }
}
