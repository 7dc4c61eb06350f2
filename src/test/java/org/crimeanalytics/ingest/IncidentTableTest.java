package org.crimeanalytics.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void retainCompactsEveryColumn() {
        IncidentTable t = rows(0, 8);
        t.retain(new boolean[] {false, true, true, false, true, false, false, true});
        assertRows(t, 1, 2, 4, 7);
        t.retain(new boolean[] {false, false, false, false});
        assertEquals(0, t.size());
    }
}
