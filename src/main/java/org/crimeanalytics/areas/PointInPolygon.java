package org.crimeanalytics.areas;

import java.util.List;
import org.crimeanalytics.cluster.DistinctRows;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Assigns points to polygons through an STR-tree of prepared geometries. Rule for points on a
 * boundary: a point covered by several polygons (on a shared edge or vertex) goes to the one that
 * comes first in the layer, so every point counts at most once; a point in a hole belongs to the
 * polygon only if another polygon fills the hole. Both inputs must be in the same CRS.
 */
public final class PointInPolygon {

    private final STRtree tree = new STRtree();
    private final GeometryFactory gf = new GeometryFactory();
    private final int size;

    private record Entry(int index, PreparedGeometry geometry) {}

    public PointInPolygon(List<Geometry> polygons) {
        for (int i = 0; i < polygons.size(); i++) {
            Geometry g = polygons.get(i);
            if (g == null || g.isEmpty()) continue;
            tree.insert(g.getEnvelopeInternal(), new Entry(i, PreparedGeometryFactory.prepare(g)));
        }
        tree.build();
        this.size = polygons.size();
    }

    public int polygons() {
        return size;
    }

    /** Index of the polygon containing (x, y), -1 when none; {@code onBoundaryOfSeveral[0]} tells a shared-boundary point. */
    public int locate(double x, double y, boolean[] onBoundaryOfSeveral) {
        Point p = gf.createPoint(new Coordinate(x, y));
        @SuppressWarnings("unchecked")
        List<Entry> cands = tree.query(p.getEnvelopeInternal());
        int best = -1;
        int hits = 0;
        for (Entry e : cands) {
            if (e.geometry().covers(p)) {
                hits++;
                if (best < 0 || e.index() < best) best = e.index();
            }
        }
        if (onBoundaryOfSeveral != null) onBoundaryOfSeveral[0] = hits > 1;
        return best;
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
        DistinctRows u = DistinctRows.of(xy, 2);
        double[] d = u.data();
        int[] at = new int[u.size()];
        boolean[] shared = new boolean[u.size()];
        java.util.stream.IntStream.range(0, (u.size() + 8191) / 8192).parallel().forEach(chunk -> {
            boolean[] several = new boolean[1];
            for (int k = chunk * 8192, end = Math.min(u.size(), k + 8192); k < end; k++) {
                at[k] = locate(d[2 * k], d[2 * k + 1], several);
                shared[k] = several[0];
            }
        });
        for (int i = 0; i < n; i++) {
            where[i] = at[u.rowOf()[i]];
            onBoundaryOfSeveral[i] = shared[u.rowOf()[i]];
        }
    }
}
