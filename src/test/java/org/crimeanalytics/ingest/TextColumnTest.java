package org.crimeanalytics.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextColumnTest {

    /** A column of n rows whose row i is value(i); grown from a small capacity as the table grows it. */
    private static TextColumn filled(int n, java.util.function.IntFunction<String> value) {
        TextColumn c = new TextColumn(4);
        int cap = 4;
        for (int i = 0; i < n; i++) {
            if (i == cap) c.grow(cap = cap + (cap >> 1) + 1);
            c.set(i, value.apply(i));
        }
        return c;
    }

    private static void assertRows(TextColumn c, int n, java.util.function.IntFunction<String> value) {
        for (int i = 0; i < n; i++) assertEquals(value.apply(i), c.get(i), "row " + i);
    }

    @Test
    void anAllNullColumnHoldsNoArrayAndAValueArrivingLateKeepsTheNullsBeforeIt() {
        TextColumn c = filled(1000, i -> null);
        assertEquals(0, c.width());
        assertNull(c.get(999));
        c.grow(1001);
        c.set(1000, "ROBBERY");
        assertEquals(1, c.width());
        assertNull(c.get(0));
        assertNull(c.get(999));
        assertEquals("ROBBERY", c.get(1000));
    }

    @Test
    void codesWidenFromOneToTwoBytesThenThePlainStringsTakeOverAndEveryRowIsKept() {
        // codes 1..255 fit a byte (0 is null); the 256th value needs two bytes; past 65,535 values: plain Strings
        java.util.function.IntFunction<String> v = i -> i % 7 == 0 ? null : "v" + (i % 70_001);
        int n = 140_000;
        TextColumn c = new TextColumn(n);
        int before = 0;
        for (int i = 0; i < n; i++) {
            c.set(i, v.apply(i));
            if (c.codes() == 256) assertEquals(1, c.width(), "255 values and null: one byte");
            if (c.codes() == 257) assertEquals(2, c.width());
            if (c.codes() == TextColumn.MAX_CODED + 1 && before < c.codes()) assertEquals(2, c.width(), "65,535 values: still codes");
            before = c.codes();
        }
        assertEquals(-1, c.width());
        assertRows(c, n, v);
    }

    @Test
    void codesIndexTheValuesAndAPlainColumnHasNone() {
        java.util.function.IntFunction<String> v = i -> i % 5 == 0 ? null : "v" + (i % 300); // two-byte codes
        TextColumn c = filled(2_000, v);
        int[] codes = new int[2_000];
        String[] values = c.codes(codes, 2_000);
        assertNull(values[0]);
        for (int i = 0; i < 2_000; i++) assertEquals(v.apply(i), values[codes[i]], "row " + i);
        TextColumn plain = filled(70_000, i -> "id" + i);
        int[] untouched = {7};
        assertNull(plain.codes(untouched, 1));
        assertEquals(7, untouched[0]);
    }

    @Test
    void equalValuesShareOneStringAndAColumnOfManyValuesKeepsThemAsTheyCame() {
        TextColumn c = new TextColumn(4);
        c.set(0, "THEFT");
        c.set(1, new String("THEFT"));
        assertSame(c.get(0), c.get(1));
        assertEquals(2, c.codes());
        int n = TextColumn.MAX_CODED + 10;
        TextColumn h = filled(n, i -> "id" + i);
        assertEquals(-1, h.width());
        assertRows(h, n, i -> "id" + i);
        h.grow(n + 1);
        h.set(n, "id5");
        assertEquals("id5", h.get(n));
        h.retain(new boolean[n + 1], n + 1); // nothing kept: no error
        // a join of a plain part and a coded one is plain, every row kept
        TextColumn small = filled(3, i -> "s" + i);
        TextColumn j = TextColumn.concat(List.of(small, h), new int[] {3, n + 1}, null, n + 4);
        assertEquals(-1, j.width());
        assertEquals("s2", j.get(2));
        assertEquals("id0", j.get(3));
        // two coded parts whose values together pass the codes: plain too
        TextColumn x = filled(40_000, i -> "x" + i), y = filled(40_000, i -> "y" + i);
        TextColumn xy = TextColumn.concat(List.of(x, y), new int[] {40_000, 40_000}, null, 80_000);
        assertEquals(-1, xy.width());
        assertEquals("x39999", xy.get(39_999));
        assertEquals("y0", xy.get(40_000));
    }

    @Test
    void concatMergesEachPartsValuesAndKeepsTheFlaggedRows() {
        TextColumn a = filled(5, i -> new String[] {"THEFT", null, "BATTERY", "THEFT", "ARSON"}[i]);
        TextColumn b = filled(4, i -> new String[] {"ARSON", "ASSAULT", null, "THEFT"}[i]);
        TextColumn empty = filled(3, i -> null);
        boolean[] keep = {true, true, false, true, true, /* b */ true, false, true, true, /* empty */ true, false, true};
        TextColumn t = TextColumn.concat(List.of(a, b, empty), new int[] {5, 4, 3}, keep, 9);
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 9; i++) got.add(t.get(i));
        assertEquals(java.util.Arrays.asList("THEFT", null, "THEFT", "ARSON", "ARSON", null, "THEFT", null, null), got);
        assertEquals(5, t.codes(), "null, THEFT, BATTERY, ARSON, ASSAULT (values of dropped rows stay)");
        TextColumn none = TextColumn.concat(List.of(empty, empty), new int[] {3, 3}, null, 6);
        assertEquals(0, none.width());
        // a part past one byte joined to one within it: the joined codes are two bytes
        TextColumn wide = filled(600, i -> "w" + i);
        TextColumn j = TextColumn.concat(List.of(a, wide), new int[] {5, 600}, null, 605);
        assertEquals(2, j.width());
        assertEquals("ARSON", j.get(4));
        assertEquals("w599", j.get(604));
    }

    @Test
    void retainCompactsTheRowsInOrder() {
        TextColumn c = filled(6, i -> i == 2 ? null : "r" + i);
        c.retain(new boolean[] {false, true, true, false, true, true}, 6);
        assertEquals("r1", c.get(0));
        assertNull(c.get(1));
        assertEquals("r4", c.get(2));
        assertEquals("r5", c.get(3));
    }
}
