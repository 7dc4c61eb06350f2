package org.crimeanalytics.geo;

import java.util.List;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.process.ProcessException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The polygons of a {@code studyArea} input in metres, indexed: where incidents are possible. A point on a
 * boundary is inside ({@code covers}).
 */
public final class StudyArea {

    private final STRtree tree = new STRtree();
    private final Envelope envelope = new Envelope();
    private final GeometryFactory gf = new GeometryFactory();

    private StudyArea() {}

    /**
     * Reads and projects the polygons.
     *
     * @param pts the incidents: their working CRS and metres, and their CRS when the layer has none
     * @param param the parameter name for messages
     * @throws ProcessException naming the parameter for a feature that is not a polygon, one that cannot be
     *     projected, or an empty layer
     */
    public static StudyArea read(SimpleFeatureCollection fc, ProjectedPoints pts, String param) {
        StudyArea a = new StudyArea();
        CoordinateReferenceSystem src = fc.getSchema().getCoordinateReferenceSystem() == null ? pts.sourceCrs()
                : fc.getSchema().getCoordinateReferenceSystem();
        MathTransform t = pts.toMetricFrom(src, param);
        int count = 0;
        try (SimpleFeatureIterator it = fc.features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                Object g = f.getDefaultGeometry();
                if (!(g instanceof Polygon) && !(g instanceof MultiPolygon)) {
                    throw new ProcessException(param + ": feature " + f.getID() + " is not a polygon");
                }
                Geometry mg;
                try {
                    mg = org.geotools.geometry.jts.JTS.transform((Geometry) g, t);
                } catch (Exception e) {
                    throw new ProcessException(param + ": cannot project feature " + f.getID() + ": " + e.getMessage());
                }
                a.tree.insert(mg.getEnvelopeInternal(), PreparedGeometryFactory.prepare(mg));
                a.envelope.expandToInclude(mg.getEnvelopeInternal());
                count++;
            }
        }
        if (count == 0) throw LayerChecks.empty(param);
        return a;
    }

    /** The bounds of all polygons, in metres. */
    public Envelope envelope() {
        return envelope;
    }

    /**
     * How a geometry in metres (a grid cell) lies in the study area: 2 wholly inside one of its polygons, 1 partly (or
     * across two polygons), 0 outside.
     */
    public int relate(Geometry g) {
        @SuppressWarnings("unchecked")
        List<PreparedGeometry> cands = tree.query(g.getEnvelopeInternal());
        boolean some = false;
        for (PreparedGeometry pg : cands) {
            if (pg.covers(g)) return 2;
            if (!some && pg.intersects(g)) some = true;
        }
        return some ? 1 : 0;
    }

    /** Whether (x, y) in metres lies in a polygon or on its boundary. */
    public boolean covers(double x, double y) {
        Point p = gf.createPoint(new Coordinate(x, y));
        @SuppressWarnings("unchecked")
        List<PreparedGeometry> cands = tree.query(p.getEnvelopeInternal());
        for (PreparedGeometry pg : cands) {
            if (pg.covers(p)) return true;
        }
        return false;
    }
}
