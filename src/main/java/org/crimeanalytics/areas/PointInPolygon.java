package org.crimeanalytics.areas;

import java.util.List;
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
}
