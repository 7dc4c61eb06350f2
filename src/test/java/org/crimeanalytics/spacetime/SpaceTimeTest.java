package org.crimeanalytics.spacetime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.crimeanalytics.evaluate.HotspotEvaluation;
import org.junit.jupiter.api.Test;

class SpaceTimeTest {

    static int cls(int[] bins, double z, double p) {
        return EmergingPatterns.classify(bins, z, p, 0.05);
    }

    static int[] neg(int[] b) {
        int[] r = new int[b.length];
        for (int i = 0; i < b.length; i++) r[i] = -b[i];
        return r;
    }

    @Test
    void everyEmergingCategoryHotAndCold() {
        int[][] cases = {
            {0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, // new
            {0, 0, 0, 0, 0, 0, 0, 1, 1, 1}, // consecutive
            {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, // intensifying / persistent / diminishing by trend
            {1, 0, 1, 0, 0, 1, 0, 0, 0, 1}, // sporadic
            {-1, 0, 1, 0, 0, 1, 0, 0, 0, 1}, // oscillating
            {1, 1, 1, 1, 1, 1, 1, 1, 1, 0}, // historical: 90 % hot, not the last step
            {0, 1, 0, 0, 0, 0, 0, 0, 0, 0}}; // no pattern
        assertEquals(1, cls(cases[0], 0, 1));
        assertEquals(2, cls(cases[1], 0, 1));
        assertEquals(3, cls(cases[2], 3.1, 0.002));
        assertEquals(4, cls(cases[2], 1.0, 0.3));
        assertEquals(5, cls(cases[2], -3.1, 0.002));
        assertEquals(6, cls(cases[3], 0, 1));
        assertEquals(7, cls(cases[4], 0, 1));
        assertEquals(8, cls(cases[5], 0, 1));
        assertEquals(0, cls(cases[6], 0, 1));
        // cold spots mirror the hot ones (z-score trend mirrored too: an intensifying cold spot has falling z)
        assertEquals(-1, cls(neg(cases[0]), 0, 1));
        assertEquals(-2, cls(neg(cases[1]), 0, 1));
        assertEquals(-3, cls(neg(cases[2]), -3.1, 0.002));
        assertEquals(-4, cls(neg(cases[2]), 0.5, 0.6));
        assertEquals(-5, cls(neg(cases[2]), 3.1, 0.002));
        assertEquals(-6, cls(neg(cases[3]), 0, 1));
        assertEquals(-7, cls(neg(cases[4]), 0, 1));
        assertEquals(-8, cls(neg(cases[5]), 0, 1));
        assertEquals("Oscillating Hot Spot", EmergingPatterns.name(7));
        assertEquals("New Cold Spot", EmergingPatterns.name(-1));
    }

    @Test
    void knoxPairCountsByHand() {
        // A(0,0) day 0, B(50,0) day 3, C(1000,0) day 1, D(0,150) day 30
        double[] x = {0, 50, 1000, 0}, y = {0, 0, 0, 150}, t = {0, 3, 1, 30};
        Knox.Result r = new Knox(new double[] {0, 100, 200}, new double[] {0, 7, 14}, 99, 5).run(x, y, t, null);
        assertEquals(3, r.pairs()); // A-B (50 m), A-D (150 m), B-D (158 m)
        assertEquals(1, r.observed()[0][0]); // A-B within 100 m and 7 days
        assertEquals(0, r.observed()[1][0]);
        assertEquals(0, r.observed()[0][1]);
        for (double[] row : r.p()) for (double p : row) assertTrue(p >= 0.01 && p <= 1);
        // with the times permuted, A-B keeps a 7-day gap only when the two days drawn are within 7 days
        assertTrue(r.expected()[0][0] > 0 && r.expected()[0][0] < 1);
    }

    @Test
    void knoxCountsOverSeveralBlocksOfPairsEqualAllPairsCountedDirectly() {
        // 1,600 points in a 60 m square: 1,279,200 pairs, more than one block of 2^20
        SplittableRandom rnd = new SplittableRandom(11);
        int n = 1_600;
        double[] x = new double[n], y = new double[n], t = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble() * 60;
            y[i] = rnd.nextDouble() * 60;
            t[i] = rnd.nextInt(60);
        }
        double[] db = {0, 20, 40, 90}, tb = {0, 7, 14, 28};
        long[][] direct = new long[3][3];
        long all = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = x[i] - x[j], dy = y[i] - y[j], d = Math.sqrt(dx * dx + dy * dy), dt = Math.abs(t[i] - t[j]);
                all++;
                int a = d < 20 ? 0 : d < 40 ? 1 : 2, b = dt < 7 ? 0 : dt < 14 ? 1 : dt < 28 ? 2 : -1;
                if (b >= 0) direct[a][b]++;
            }
        }
        Knox.Result r = new Knox(db, tb, 3, 1).run(x, y, t, null);
        assertEquals(all, r.pairs());
        assertTrue(all > 1 << 20);
        for (int a = 0; a < 3; a++) assertArrayEquals(direct[a], r.observed()[a], "distance band " + a);
        // a limit below the pairs: refused as soon as one more is found; at the pairs: the same result
        final long pairs = all;
        assertEquals(pairs - 1, assertThrows(Knox.TooManyPairsException.class, () -> new Knox(db, tb, 3, 1, pairs - 1).run(x, y, t, null)).limit());
        Knox.Result at = new Knox(db, tb, 3, 1, pairs).run(x, y, t, null);
        for (int a = 0; a < 3; a++) {
            assertArrayEquals(r.observed()[a], at.observed()[a]);
            assertArrayEquals(r.expected()[a], at.expected()[a], 0);
        }
    }

    @Test
    void paiPeiAndRriByHand() {
        double[] score = {4, 3, 2, 1};
        double[] area = {1, 1, 1, 1};
        long[] actual = {5, 0, 3, 2};
        long[] prior = {4, 1, 1, 1};
        List<HotspotEvaluation.Row> rows = HotspotEvaluation.evaluate(score, area, actual, prior, new double[] {0.25, 0.5});
        HotspotEvaluation.Row q = rows.get(0);
        assertEquals(0.5, q.hitRate(), 1e-12);
        assertEquals(2.0, q.pai(), 1e-12);
        assertEquals(1.0, q.pei(), 1e-12);
        assertEquals((5.0 / 4) / (10.0 / 7), q.rri(), 1e-12);
        HotspotEvaluation.Row h = rows.get(1);
        assertEquals(0.5, h.hitRate(), 1e-12);
        assertEquals(1.0, h.pai(), 1e-12);
        assertEquals(5.0 / 8, h.pei(), 1e-12);
        assertEquals((5.0 / 5) / (10.0 / 7), h.rri(), 1e-12);
        // cells of slightly different areas (a grid in lon/lat): the best count is over as many cells as were selected;
        // half the area: 2 cells selected (1 + 0.999999), the ideal two (cells 0 and 2: 8 crimes) whatever their area
        // sum (was a third ideal cell when 1.000001 + 1.000001 exceeded the selected area: PEI 5/10)
        double[] uneven = {1, 0.999999, 1.000001, 1.000001};
        HotspotEvaluation.Row u = HotspotEvaluation.evaluate(score, uneven, actual, prior, new double[] {0.5}).get(0);
        assertEquals(2, u.areasSelected());
        assertEquals(5.0 / 8, u.pei(), 1e-12);
        double[][] c = HotspotEvaluation.curve(score, area, actual);
        assertEquals(0.25, c[0][0], 1e-12);
        assertEquals(0.5, c[0][1], 1e-12);
        assertEquals(1.0, c[3][1], 1e-12);
    }

    /** A cube from (cell, step) counts is the cube of the points they came from: same cells, counts and patterns. */
    @Test
    void cubeFromCountsEqualsCubeFromPoints() {
        java.util.Random r = new java.util.Random(3);
        int n = 3000, steps = 12;
        double[] x = new double[n], y = new double[n];
        int[] step = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian() * 800;
            y[i] = r.nextGaussian() * 800 + (i % 3 == 0 ? 400 : 0);
            step[i] = r.nextInt(steps);
        }
        org.crimeanalytics.grid.Grid g = new org.crimeanalytics.grid.Grid(org.crimeanalytics.grid.Grid.Shape.SQUARE, 250);
        SpaceTimeCube a = new SpaceTimeCube(g, x, y, step, steps);
        long[] keys = new long[n];
        int[] ones = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = g.cell(x[i], y[i]);
            ones[i] = 1;
        }
        SpaceTimeCube b = SpaceTimeCube.ofCounts(g, keys, step, ones, steps);
        assertEquals(a.cells.length, b.cells.length);
        java.util.Map<Long, Integer> pos = new java.util.HashMap<>();
        for (int c = 0; c < b.cells.length; c++) pos.put(b.cells[c], c);
        SpaceTimeCube.GiStar ga = a.giStar(375, 1), gb = b.giStar(375, 1);
        int patterned = 0;
        for (int c = 0; c < a.cells.length; c++) {
            int d = pos.get(a.cells[c]);
            assertTrue(java.util.Arrays.equals(a.counts[c], b.counts[d]), "counts of cell " + a.cells[c]);
            SpaceTimeCube.CellPattern pa = a.pattern(ga, c, 0.05), pb = b.pattern(gb, d, 0.05);
            assertEquals(pa.category(), pb.category());
            assertEquals(pa.trendZ(), pb.trendZ(), 1e-12);
            if (pa.zTrendZ() != null) assertEquals(pa.zTrendZ(), pb.zTrendZ(), 1e-9);
            if (pa.category() != 0) patterned++;
        }
        assertTrue(patterned > 0, "some cells have a pattern");
    }
}
