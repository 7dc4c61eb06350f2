package org.crimeanalytics.areas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.junit.jupiter.api.Test;

class PointInPolygonTest {

    /** Two unit squares sharing the edge x = 1, the second with a hole; a third square overlapping nothing. */
    static PointInPolygon squares() throws Exception {
        WKTReader r = new WKTReader();
        List<Geometry> g = new ArrayList<>();
        g.add(r.read("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"));
        g.add(r.read("POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0), (1.4 0.4, 1.6 0.4, 1.6 0.6, 1.4 0.6, 1.4 0.4))"));
        g.add(r.read("POLYGON ((5 5, 6 5, 6 6, 5 6, 5 5))"));
        return new PointInPolygon(g);
    }

    @Test
    void handCases() throws Exception {
        PointInPolygon pip = squares();
        boolean[] several = new boolean[1];
        assertEquals(0, pip.locate(0.5, 0.5, several));
        assertFalse(several[0]);
        assertEquals(0, pip.locate(1, 0.5, several)); // the shared edge: the first in layer order, flagged
        assertTrue(several[0]);
        assertEquals(-1, pip.locate(1.5, 0.5, several)); // in the hole
        assertEquals(1, pip.locate(1.5, 0.9, several));
        assertEquals(2, pip.locate(6, 6, several)); // a corner is covered
        assertEquals(-1, pip.locate(3, 3, several));
    }

    @Test
    void locateAllAnswersAsLocateForEveryPointWithRepeats() throws Exception {
        PointInPolygon pip = squares();
        Random rnd = new Random(3);
        int n = 20_000;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            if (i > 10 && rnd.nextInt(3) == 0) { // a repeat of an earlier location
                int j = rnd.nextInt(i);
                x[i] = x[j];
                y[i] = y[j];
            } else if (rnd.nextInt(5) == 0) { // on an edge or in the hole's corner
                x[i] = rnd.nextBoolean() ? 1 : 1.4;
                y[i] = Math.rint(rnd.nextDouble() * 10) / 10;
            } else {
                x[i] = rnd.nextDouble() * 7 - 0.5;
                y[i] = rnd.nextDouble() * 7 - 0.5;
            }
        }
        x[5] = -0.0; // -0.0 and 0.0: two locations, one answer
        y[5] = 0.5;
        x[6] = 0.0;
        y[6] = 0.5;
        int[] where = new int[n];
        boolean[] shared = new boolean[n];
        pip.locateAll(x, y, n, where, shared);
        int[] one = new int[n];
        boolean[] oneShared = new boolean[n];
        boolean[] several = new boolean[1];
        for (int i = 0; i < n; i++) {
            one[i] = pip.locate(x[i], y[i], several);
            oneShared[i] = several[0];
        }
        assertArrayEquals(one, where);
        assertArrayEquals(oneShared, shared);
        assertEquals(0, where[5]);
    }

    @Test
    void agreesWithGeometryCoversOnIrregularPolygonsTheirVerticesAndEdges() throws Exception {
        // JTS's own Geometry.covers, polygon by polygon, is the reference: a triangle sharing an edge with a concave
        // polygon, a multipolygon with a hole, a rectangle, and an overlapping square (points there are in several)
        WKTReader r = new WKTReader();
        List<Geometry> g = new ArrayList<>();
        g.add(r.read("POLYGON ((0 0, 4 0, 2 3, 0 0))"));
        g.add(r.read("POLYGON ((4 0, 8 1, 7 4, 5 2, 2 3, 4 0))"));
        g.add(r.read("MULTIPOLYGON (((10 0, 14 0, 14 4, 10 4, 10 0), (11 1, 13 1, 13 3, 11 3, 11 1)), ((0 5, 3 5, 1.5 8, 0 5)))"));
        g.add(r.read("POLYGON ((-3 -3, -1 -3, -1 -1, -3 -1, -3 -3))"));
        g.add(r.read("POLYGON ((6 0.5, 9 0.5, 9 3, 6 3, 6 0.5))"));
        PointInPolygon pip = new PointInPolygon(g);
        org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
        Random rnd = new Random(11);
        List<double[]> pts = new ArrayList<>();
        for (Geometry p : g) for (org.locationtech.jts.geom.Coordinate c : p.getCoordinates()) pts.add(new double[] {c.x, c.y});
        for (int i = 0; i < 20_000; i++) pts.add(new double[] {rnd.nextDouble() * 19 - 4, rnd.nextDouble() * 13 - 4});
        for (int i = 0; i < 2_000; i++) { // on edges: midpoints and quarter points of the segments
            Geometry p = g.get(rnd.nextInt(g.size()));
            org.locationtech.jts.geom.Coordinate[] cs = p.getCoordinates();
            int k = rnd.nextInt(cs.length - 1);
            double t = rnd.nextInt(4) / 4.0;
            pts.add(new double[] {cs[k].x + t * (cs[k + 1].x - cs[k].x), cs[k].y + t * (cs[k + 1].y - cs[k].y)});
        }
        boolean[] several = new boolean[1];
        int inside = 0, shared = 0;
        for (double[] p : pts) {
            int best = -1, hits = 0;
            org.locationtech.jts.geom.Point pt = gf.createPoint(new org.locationtech.jts.geom.Coordinate(p[0], p[1]));
            for (int k = 0; k < g.size(); k++) {
                if (g.get(k).covers(pt)) {
                    hits++;
                    if (best < 0) best = k;
                }
            }
            assertEquals(best, pip.locate(p[0], p[1], several), p[0] + " " + p[1]);
            assertEquals(hits > 1, several[0], p[0] + " " + p[1]);
            if (best >= 0) inside++;
            if (hits > 1) shared++;
        }
        assertTrue(inside > 5_000 && shared > 100, inside + " inside, " + shared + " in several");
    }
}
