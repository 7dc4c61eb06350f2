package org.crimeanalytics.areas;

import java.util.List;
import org.crimeanalytics.cluster.DistinctRows;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.prep.PreparedPolygon;
import org.locationtech.jts.index.hprtree.HPRtree;

/**
 * Assigns points to polygons through a Hilbert-packed R-tree (JTS {@code HPRtree}) of prepared geometries. Rule for points on a
 * boundary: a point covered by several polygons (on a shared edge or vertex) goes to the one that
 * comes first in the layer, so every point counts at most once; a point in a hole belongs to the
 * polygon only if another polygon fills the hole. Both inputs must be in the same CRS.
 */
public final class PointInPolygon {

    private final HPRtree tree = new HPRtree();
    private final GeometryFactory gf = new GeometryFactory();
    private final int size;

    /**
     * A polygon: its layer index, prepared form, and for a polygonal geometry the prepared form's point locator (held
     * here: {@code PreparedPolygon.getPointLocator()} is synchronized, and asking it per point serialises the threads).
     */
    private record Entry(int index, PreparedGeometry geometry, PointOnGeometryLocator locator, Envelope envelope) {

        /** Whether the polygon covers (x, y): interior or boundary, as {@code PreparedGeometry.covers} of the point. */
        boolean covers(double x, double y, Coordinate c, GeometryFactory gf) {
            if (!envelope.covers(x, y)) return false; // held: Geometry.getEnvelopeInternal() returns a copy
            if (locator != null) {
                c.x = x;
                c.y = y;
                return locator.locate(c) != Location.EXTERIOR;
            }
            return geometry.covers(gf.createPoint(new Coordinate(x, y)));
        }
    }

    public PointInPolygon(List<Geometry> polygons) {
        for (int i = 0; i < polygons.size(); i++) {
            Geometry g = polygons.get(i);
            if (g == null || g.isEmpty()) continue;
            PreparedGeometry pg = PreparedGeometryFactory.prepare(g);
            PointOnGeometryLocator loc = pg instanceof PreparedPolygon pp ? pp.getPointLocator() : null;
            Envelope env = g.getEnvelopeInternal();
            tree.insert(env, new Entry(i, pg, loc, env));
        }
        tree.build();
        this.size = polygons.size();
    }

    public int polygons() {
        return size;
    }

    /** Index of the polygon containing (x, y), -1 when none; {@code onBoundaryOfSeveral[0]} tells a shared-boundary point. */
    public int locate(double x, double y, boolean[] onBoundaryOfSeveral) {
        return locate(x, y, onBoundaryOfSeveral, new Coordinate());
    }

    /** {@link #locate} with a coordinate the caller reuses (one a thread). */
    private int locate(double x, double y, boolean[] onBoundaryOfSeveral, Coordinate c) {
        int[] found = {-1, 0}; // best index, hits
        tree.query(new Envelope(x, x, y, y), item -> {
            Entry e = (Entry) item;
            if (e.covers(x, y, c, gf)) {
                found[1]++;
                if (found[0] < 0 || e.index() < found[0]) found[0] = e.index();
            }
        });
        if (onBoundaryOfSeveral != null) onBoundaryOfSeveral[0] = found[1] > 1;
        return found[0];
    }

    /**
     * {@link #locate} for {@code n} points at once, on all cores: each distinct location ({@link DistinctRows}) is
     * located once (incidents repeat at geocoded block points) and its answer copied to its repeats. {@code where[i]}:
     * the polygon's index or -1; {@code onBoundaryOfSeveral[i]}: a point on a boundary shared by several polygons.
     */
    public void locateAll(double[] x, double[] y, int n, int[] where, boolean[] onBoundaryOfSeveral) {
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = x[i];
            xy[2 * i + 1] = y[i];
        }
        locateAll(xy, n, where, onBoundaryOfSeveral);
    }

    /** {@link #locateAll(double[], double[], int, int[], boolean[])} for points given as x, y pairs in {@code xy} (n of them). */
    public void locateAll(double[] xy, int n, int[] where, boolean[] onBoundaryOfSeveral) {
        DistinctRows u = DistinctRows.of(xy.length == 2 * n ? xy : java.util.Arrays.copyOf(xy, 2 * n), 2);
        double[] d = u.data();
        int[] at = new int[u.size()];
        boolean[] shared = new boolean[u.size()];
        java.util.stream.IntStream.range(0, (u.size() + 8191) / 8192).parallel().forEach(chunk -> {
            boolean[] several = new boolean[1];
            Coordinate c = new Coordinate();
            for (int k = chunk * 8192, end = Math.min(u.size(), k + 8192); k < end; k++) {
                at[k] = locate(d[2 * k], d[2 * k + 1], several, c);
                shared[k] = several[0];
            }
        });
        for (int i = 0; i < n; i++) {
            where[i] = at[u.rowOf()[i]];
            onBoundaryOfSeveral[i] = shared[u.rowOf()[i]];
        }
    }
}
