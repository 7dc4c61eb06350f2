package org.crimeanalytics.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentTableTest {

    /** A table of {@code n} rows numbered from {@code from}: every column carries the row number. */
    static IncidentTable rows(int from, int n) {
        IncidentTable t = new IncidentTable(List.of("beat"), 2);
        for (int i = from; i < from + n; i++) {
            String[] texts = new String[IncidentTable.TEXT_COLUMNS];
            texts[IncidentTable.ID] = "id" + i;
            texts[IncidentTable.OFFENSE] = i % 2 == 0 ? "theft" : null;
            t.add(i, -i, i * 1000L, FastDates.Precision.MINUTE, IncidentTable.NO_TIME, i % 90, i + 1, texts, new String[] {"b" + i});
        }
        return t;
    }

    static void assertRows(IncidentTable t, int... expected) {
        assertEquals(expected.length, t.size());
        for (int k = 0; k < expected.length; k++) {
            int i = expected[k];
            assertEquals(i, t.lon(k), 0);
            assertEquals(-i, t.lat(k), 0);
            assertEquals(i * 1000L, t.occurred(k));
            assertEquals(i % 90, t.victimAge(k));
            assertEquals(i + 1, t.line(k));
            assertEquals(FastDates.Precision.MINUTE, t.precision(k));
            assertEquals("id" + i, t.text(IncidentTable.ID, k));
            assertEquals(i % 2 == 0 ? "theft" : null, t.text(IncidentTable.OFFENSE, k));
            assertEquals("b" + i, t.extra(0, k));
        }
    }

    @Test
    void concatKeepsTheFlaggedRowsInOrderAndConsumesTheParts() {
        boolean[] keep = {true, false, true, true, false, false, true, true, true, false};
        List<IncidentTable> parts = List.of(rows(0, 3), rows(3, 0), rows(3, 4), rows(7, 3));
        IncidentTable all = IncidentTable.concat(parts, keep, true);
        assertRows(all, 0, 2, 3, 6, 7, 8);
        assertThrows(NullPointerException.class, () -> parts.get(0).lon(0)); // consumed: released
        assertRows(IncidentTable.concat(List.of(rows(0, 3), rows(3, 4))), 0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void columnsNoRowHasAreNotStoredAndAJoinFillsThemForThePartsWithout() {
        // part a: no report time, no age, no weapon; part b: both times and an age on its second row only
        IncidentTable a = new IncidentTable(List.of(), 2), b = new IncidentTable(List.of(), 2);
        String[] texts = new String[IncidentTable.TEXT_COLUMNS];
        for (int i = 0; i < 3; i++) a.add(i, i, 1000L * i, FastDates.Precision.DAY, IncidentTable.NO_TIME, IncidentTable.NO_AGE, i + 1, texts, new String[0]);
        b.add(10, 10, 10_000L, FastDates.Precision.DAY, IncidentTable.NO_TIME, IncidentTable.NO_AGE, 1, texts, new String[0]);
        texts[IncidentTable.WEAPON] = "KNIFE";
        b.add(11, 11, 11_000L, FastDates.Precision.DAY, 12_000L, 34, 2, texts, new String[0]);
        assertEquals(IncidentTable.NO_TIME, a.reported(2));
        assertEquals(IncidentTable.NO_AGE, a.victimAge(2));
        assertEquals(false, a.stores("reported"));
        assertEquals(false, a.stores("victimAge"));
        assertEquals(0, a.textWidth(IncidentTable.WEAPON));
        assertEquals(true, b.stores("reported"));
        assertEquals(1, b.textWidth(IncidentTable.WEAPON));
        assertEquals(IncidentTable.NO_TIME, b.reported(0), "rows before the first value keep the missing value");
        assertEquals(IncidentTable.NO_AGE, b.victimAge(0));
        assertEquals(12_000L, b.reported(1));
        IncidentTable j = IncidentTable.concat(List.of(a, b), new boolean[] {true, false, true, true, true}, true);
        assertEquals(4, j.size());
        long[] rep = new long[4];
        int[] age = new int[4];
        String[] weapon = new String[4];
        for (int i = 0; i < 4; i++) {
            rep[i] = j.reported(i);
            age[i] = j.victimAge(i);
            weapon[i] = j.text(IncidentTable.WEAPON, i);
        }
        long n = IncidentTable.NO_TIME;
        org.junit.jupiter.api.Assertions.assertArrayEquals(new long[] {n, n, n, 12_000L}, rep);
        int m = IncidentTable.NO_AGE;
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {m, m, m, 34}, age);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new String[] {null, null, null, "KNIFE"}, weapon);
        assertEquals(11_000L, j.occurred(3));
        j.retain(new boolean[] {false, true, true, true});
        assertEquals(34, j.victimAge(2));
        IncidentTable none = IncidentTable.concat(List.of(rowsWithout(2), rowsWithout(3)));
        assertEquals(false, none.stores("reported"), "a join of parts without: no array either");
        assertEquals(0, none.textWidth(IncidentTable.OFFENSE));
        assertEquals(IncidentTable.NO_TIME, none.reported(4));
        none.trim();
        assertEquals(IncidentTable.NO_AGE, none.victimAge(4));
    }

    private static IncidentTable rowsWithout(int n) {
        IncidentTable t = new IncidentTable(List.of(), 1);
        for (int i = 0; i < n; i++) {
            t.add(i, i, i, FastDates.Precision.DAY, IncidentTable.NO_TIME, IncidentTable.NO_AGE, i + 1,
                    new String[IncidentTable.TEXT_COLUMNS], new String[0]);
        }
        return t;
    }

    @Test
    void retainCompactsEveryColumn() {
        IncidentTable t = rows(0, 8);
        t.retain(new boolean[] {false, true, true, false, true, false, false, true});
        assertRows(t, 1, 2, 4, 7);
        t.retain(new boolean[] {false, false, false, false});
        assertEquals(0, t.size());
    }

    @Test
    void idSetFindsDuplicatesAcrossManyTablesWithEmptyOnesBetweenAndPastItsFirstCapacity() {
        // 30,000 ids over five tables (two empty), every id given twice: each second copy is the duplicate
        List<IncidentTable> tables = List.of(rows(0, 10_000), new IncidentTable(List.of(), 1), rows(10_000, 5_000),
                new IncidentTable(List.of(), 1), rows(0, 15_000));
        IdSet seen = new IdSet(tables, 16); // grows many times
        int kept = 0, dropped = 0;
        for (int t = 0; t < tables.size(); t++) {
            for (int i = 0; i < tables.get(t).size(); i++) {
                boolean fresh = seen.add(t, i);
                if (fresh) kept++;
                else dropped++;
                assertEquals(t < 4, fresh, "table " + t + " row " + i);
            }
        }
        assertEquals(15_000, kept);
        assertEquals(15_000, dropped);
    }

    @Test
    void firstOccurrencesOnTwoThreadsAreTheSerialOnes() {
        // the same five tables; then ids-less rows among them: each row's flag equals add() in row order
        List<IncidentTable> tables = List.of(rows(0, 10_000), new IncidentTable(List.of(), 1), rows(10_000, 5_000),
                new IncidentTable(List.of(), 1), rows(0, 15_000));
        boolean[] got = IdSet.firstOccurrences(tables, 30_000);
        IdSet serial = new IdSet(tables, 16);
        int g = 0, kept = 0, bothHalves = 0;
        for (int t = 0; t < tables.size(); t++) {
            for (int i = 0; i < tables.get(t).size(); i++, g++) {
                assertEquals(serial.add(t, i), got[g], "table " + t + " row " + i);
                if (got[g]) kept++;
            }
        }
        assertEquals(15_000, kept);
        // the ids fall in both halves (the split is by a hash bit): of the first 10,000, neither half is nearly empty
        for (int i = 0; i < 10_000; i++) {
            int h = tables.get(0).idHash(i);
            if (IdSet.half(h ^ (h >>> 16)) == 1) bothHalves++;
        }
        assertTrue(bothHalves > 3_000 && bothHalves < 7_000, bothHalves + " of 10,000 ids in the second half");
        IncidentTable a = new IncidentTable(List.of(), 2);
        String[] texts = new String[IncidentTable.TEXT_COLUMNS];
        for (String id : new String[] {"A", null, "B", "A", null, "B", "C"}) {
            texts[IncidentTable.ID] = id;
            a.add(1, 1, 0, null, IncidentTable.NO_TIME, IncidentTable.NO_AGE, 2, texts, new String[0]);
        }
        assertEquals("[true, true, true, false, true, false, true]", java.util.Arrays.toString(IdSet.firstOccurrences(List.of(a), 7)));
    }

    @Test
    void idsAsBytesSurviveJoinsAndAreDeduplicatedByContent() {
        IncidentTable a = new IncidentTable(List.of(), 2), b = new IncidentTable(List.of(), 2);
        String[] texts = new String[IncidentTable.TEXT_COLUMNS];
        byte[] rec = "xx,Ünïcødé-7, JB1 ,".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        a.add(1, 1, 0, null, IncidentTable.NO_TIME, IncidentTable.NO_AGE, 2, texts, new String[0], rec, 3, 16); // Ünïcødé-7 (13 bytes)
        a.add(2, 2, 0, null, IncidentTable.NO_TIME, IncidentTable.NO_AGE, 3, texts, new String[0], null, 0, -1); // no id
        texts[IncidentTable.ID] = "JB1";
        b.add(3, 3, 0, null, IncidentTable.NO_TIME, IncidentTable.NO_AGE, 4, texts, new String[0]); // from a String
        b.add(4, 4, 0, null, IncidentTable.NO_TIME, IncidentTable.NO_AGE, 5, texts, new String[0]);
        texts[IncidentTable.ID] = "Ünïcødé-7";
        b.add(5, 5, 0, null, IncidentTable.NO_TIME, IncidentTable.NO_AGE, 6, texts, new String[0]);
        texts[IncidentTable.ID] = null;
        b.add(6, 6, 0, null, IncidentTable.NO_TIME, IncidentTable.NO_AGE, 7, texts, new String[0]);
        assertEquals("Ünïcødé-7", a.text(IncidentTable.ID, 0));
        assertEquals(null, a.text(IncidentTable.ID, 1));
        IdSet seen = new IdSet(List.of(a, b), 4);
        boolean[] expected = {true, true, true, false, false, true}; // JB1 twice, Ünïcødé-7 across tables, ids-less rows kept
        boolean[] got = {seen.add(0, 0), seen.add(0, 1), seen.add(1, 0), seen.add(1, 1), seen.add(1, 2), seen.add(1, 3)};
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(got));
        IncidentTable all = IncidentTable.concat(List.of(a, b), got, true);
        assertEquals(4, all.size());
        assertEquals("Ünïcødé-7", all.text(IncidentTable.ID, 0));
        assertEquals(null, all.text(IncidentTable.ID, 1));
        assertEquals("JB1", all.text(IncidentTable.ID, 2));
        assertEquals(null, all.text(IncidentTable.ID, 3));
        assertEquals(6, all.lon(3), 0);
        all.retain(new boolean[] {false, true, true, false});
        assertEquals("JB1", all.text(IncidentTable.ID, 1));
        all.trim();
        assertEquals("JB1", all.text(IncidentTable.ID, 1));
    }

    @Test
    void csvIdsWithInvalidUtf8AreComparedAsTheirDecodedText() throws Exception {
        // JB1 followed by two different invalid bytes: both decode to "JB1\uFFFD", so the second is a duplicate, as it
        // was when ids were Strings; an id with surrounding blanks is trimmed as String.trim does
        String head = "ID,Case Number,Date,Block,IUCR,Primary Type,Description,Location Description,Arrest,Domestic,Beat,District,Ward,"
                + "Community Area,FBI Code,X Coordinate,Y Coordinate,Year,Updated On,Latitude,Longitude,Location\n";
        String row = ",10/17/2016 01:30:00 AM,045XX W VAN BUREN ST,0486,BATTERY,DOMESTIC BATTERY SIMPLE,APARTMENT,false,true,1131,011,24,26,08B,"
                + "1146219,1897639,2016,04/15/2016 08:55:02 AM,41.875103951,-87.738611562,\n";
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (String id : new String[] {"1,JB1\u00ff", "2,JB1\u00fe", "3, JB2 ", "4,JB2", "5,JB3"}) {
            b.write((id + row).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)); // \u00ff, \u00fe: single bytes, not UTF-8
        }
        IncidentIngest.Result r = org.crimeanalytics.process.ImportIncidentsProcess.ingest(new java.io.ByteArrayInputStream(b.toByteArray()),
                "ids.csv", org.crimeanalytics.process.ImportIncidentsProcess.options(null, null, null, null, null, null), null, null, -1);
        assertEquals(3, r.table().size());
        assertEquals(2, r.report().rejected(Reason.DUPLICATE_ID));
        assertEquals("JB1\uFFFD", r.table().text(IncidentTable.ID, 0));
        assertEquals("JB2", r.table().text(IncidentTable.ID, 1));
        assertEquals("JB3", r.table().text(IncidentTable.ID, 2));
    }
}
