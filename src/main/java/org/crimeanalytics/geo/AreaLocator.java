package org.crimeanalytics.geo;

import java.util.ArrayList;
import java.util.List;
import org.crimeanalytics.areas.PointInPolygon;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
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

    /**
     * The areas of n points at once, as {@link #locate} finds them one by one: {@code xy} holds x, y pairs in the
     * incidents' CRS, point i {@link #NO_GEOMETRY} when {@code noGeometry[i]} (null: every point has one); the points with
     * a geometry are moved to its start. They are transformed in one call and located on all cores, each distinct
     * location once ({@link PointInPolygon#locateAll(double[], int, int[], boolean[])}). A point that cannot be
     * transformed is named by {@code idOf} (given its index) as {@link #locate} names it.
     */
    public int[] locateAll(double[] xy, boolean[] noGeometry, int n, java.util.function.IntFunction<String> idOf) {
        return locateAll(xy, noGeometry, n, null, idOf);
    }

    /**
     * {@link #locateAll(double[], boolean[], int, java.util.function.IntFunction)} for the points {@code wanted} only (null:
     * all): the others are neither transformed nor located, nor their geometry looked at, and are {@link #OUTSIDE}.
     */
    public int[] locateAll(double[] xy, boolean[] noGeometry, int n, java.util.function.IntPredicate wanted,
            java.util.function.IntFunction<String> idOf) {
        int[] at = new int[n]; // the index of each located point among those with a geometry; -1 none, -2 not wanted
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (wanted != null && !wanted.test(i)) {
                at[i] = -2;
            } else if (noGeometry != null && noGeometry[i]) {
                at[i] = -1;
            } else {
                xy[2 * m] = xy[2 * i];
                xy[2 * m + 1] = xy[2 * i + 1];
                at[i] = m++;
            }
        }
        double[] t = xy;
        if (toArea != null && !toArea.isIdentity() && m > 0) {
            t = new double[2 * m]; // xy kept as given, to name a point that fails
            try {
                toArea.transform(xy, 0, t, 0, m);
            } catch (TransformException e) {
                for (int i = 0; i < n; i++) { // the first point that cannot be transformed alone, named
                    if (at[i] >= 0) point(xy[2 * at[i]], xy[2 * at[i] + 1], new double[2], idOf.apply(i));
                }
                throw new ProcessException(param + ": cannot transform the incidents to the areas' CRS: " + e.getMessage());
            }
        }
        int[] where = new int[m];
        pip.locateAll(t, m, where, new boolean[m]);
        for (int i = 0; i < n; i++) at[i] = at[i] == -2 ? OUTSIDE : at[i] < 0 ? NO_GEOMETRY : where[at[i]];
        return at;
    }

    /**
     * The area of every incident of a layer, in its order, as {@link #locate} finds them: an incident table's
     * coordinates read from its columns, any other layer's points (a non-point geometry's centroid) in one pass; then
     * {@link #locateAll(double[], boolean[], int, java.util.function.IntFunction)}. {@code cancelled} (may be null) is
     * asked every 8,192 features, and before and after the points are located.
     */
    public int[] locateAll(SimpleFeatureCollection incidents, java.util.function.BooleanSupplier cancelled) {
        if (cancelled != null && cancelled.getAsBoolean()) throw new ProcessException("cancelled");
        int[] at;
        if (incidents instanceof IncidentCollection ic) {
            org.crimeanalytics.ingest.IncidentTable t = ic.table();
            int n = t.size();
            double[] xy = new double[2 * n];
            t.lonLat(xy);
            at = locateAll(xy, null, n, IncidentCollection::id);
        } else {
            double[] xy = new double[2048];
            boolean[] none = new boolean[1024];
            List<String> ids = new ArrayList<>();
            int n = 0;
            try (SimpleFeatureIterator it = incidents.features()) {
                while (it.hasNext()) {
                    SimpleFeature f = it.next();
                    if ((n & 8191) == 8191 && cancelled != null && cancelled.getAsBoolean()) throw new ProcessException("cancelled");
                    if (n == none.length) {
                        xy = java.util.Arrays.copyOf(xy, 4 * n);
                        none = java.util.Arrays.copyOf(none, 2 * n);
                    }
                    none[n] = !pointOf(f, xy, n);
                    ids.add(f.getID());
                    n++;
                }
            }
            at = locateAll(xy, none, n, ids::get);
        }
        if (cancelled != null && cancelled.getAsBoolean()) throw new ProcessException("cancelled");
        return at;
    }

    /**
     * Sets point {@code k} of {@code xy} (x, y pairs) to feature {@code f}'s point as {@link #locate} takes it (a
     * non-point geometry's centroid); false, {@code xy} untouched, when {@code f} has no geometry (or an empty one).
     */
    public static boolean pointOf(SimpleFeature f, double[] xy, int k) {
        if (!(f.getDefaultGeometry() instanceof Geometry g) || g.isEmpty()) return false;
        Point p = g instanceof Point pt ? pt : g.getCentroid();
        xy[2 * k] = p.getX();
        xy[2 * k + 1] = p.getY();
        return true;
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
