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
}
