package org.crimeanalytics.hotspot;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Contiguity weights between polygons: queen (sharing at least a point) or rook (sharing a boundary
 * segment of positive length). Candidates come from an STR-tree of envelopes, never all pairs.
 * Polygons that touch nothing are islands. Null or empty geometries have no neighbours.
 */
public final class Contiguity {

    private Contiguity() {}

    public static SpatialWeights build(Geometry[] polygons, boolean queen) {
        int n = polygons.length;
        STRtree tree = new STRtree();
        for (int i = 0; i < n; i++) {
            if (polygons[i] != null && !polygons[i].isEmpty()) tree.insert(polygons[i].getEnvelopeInternal(), i);
        }
        List<int[]> lists = SpatialWeights.emptyLists(n);
        for (int i = 0; i < n; i++) {
            Geometry g = polygons[i];
            if (g == null || g.isEmpty()) continue;
            PreparedGeometry pg = PreparedGeometryFactory.prepare(g);
            List<Integer> nb = new ArrayList<>();
            @SuppressWarnings("unchecked")
            List<Integer> cands = tree.query(g.getEnvelopeInternal());
            for (int j : cands) {
                if (j == i || !pg.intersects(polygons[j])) continue;
                if (!queen && g.intersection(polygons[j]).getDimension() < 1) continue;
                nb.add(j);
            }
            lists.set(i, nb.stream().mapToInt(Integer::intValue).sorted().toArray());
        }
        return SpatialWeights.fromLists(lists, queen ? SpatialWeights.Kind.QUEEN : SpatialWeights.Kind.ROOK);
    }
}
