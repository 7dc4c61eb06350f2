package org.crimeanalytics.geo;

import java.util.List;
import org.crimeanalytics.areas.PointInPolygon;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.process.ProcessException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Finds the area holding each incident of a layer, whatever the two layers' CRSs: the incident's point
 * (a non-point geometry's centroid) is transformed into the areas' CRS and located with
 * {@link PointInPolygon} (so a point on a shared boundary counts once, for the first area).
 */
public final class AreaLocator {

    /** Returned for an incident without geometry. */
    public static final int NO_GEOMETRY = -2;
    /** Returned for an incident outside every area. */
    public static final int OUTSIDE = -1;

    private final PointInPolygon pip;
    private final MathTransform toArea;
    private final String param;
    private final double[] xy = new double[2];

    public AreaLocator(List<Geometry> areas, CoordinateReferenceSystem areaCrs, CoordinateReferenceSystem incidentCrs, String param) {
        this.pip = new PointInPolygon(areas);
        if ((areaCrs == null) != (incidentCrs == null)) {
            throw new ProcessException((areaCrs == null ? "areas" : param) + ": the layer has no coordinate reference system");
        }
        this.toArea = areaCrs == null ? null : Crs.transform(incidentCrs, areaCrs, param);
        this.param = param;
    }

    /** The area index of a feature, {@link #OUTSIDE} or {@link #NO_GEOMETRY}. Not thread-safe. */
    public int locate(SimpleFeature f) {
        if (!(f.getDefaultGeometry() instanceof Geometry g) || g.isEmpty()) return NO_GEOMETRY;
        Point p = g instanceof Point pt ? pt : g.getCentroid();
        if (!point(p.getX(), p.getY(), xy, f.getID())) return OUTSIDE;
        return pip.locate(xy[0], xy[1], null);
    }

    /** Transforms (x, y) into the areas' CRS; false when the point cannot be transformed. */
    boolean point(double x, double y, double[] out, String id) {
        out[0] = x;
        out[1] = y;
        if (toArea == null || toArea.isIdentity()) return true;
        try {
            toArea.transform(out, 0, out, 0, 1);
            return true;
        } catch (TransformException e) {
            throw new ProcessException(param + ": feature " + id + " cannot be transformed to the areas' CRS: " + e.getMessage());
        }
    }
}
