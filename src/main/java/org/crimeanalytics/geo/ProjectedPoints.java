package org.crimeanalytics.geo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.measure.Unit;
import org.crimeanalytics.util.Threads;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.crs.ProjectedCRS;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.api.util.ProgressListener;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.geometry.jts.JTS;
import org.geotools.process.ProcessException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Point;
import si.uom.SI;

/**
 * Point coordinates of any feature collection in a metric projection, ready for distance-based
 * algorithms (which must never see degrees).
 *
 * <p>The metric CRS is the caller's, else the layer's own CRS when it is projected in metres, else
 * AUTO:42001 (a transverse Mercator) centred on the data — also for a layer in (Web) Mercator, whose units stretch
 * with latitude, which is refused as the caller's CRS. Coordinates are always metres: a caller's CRS in feet
 * (a US state plane) is scaled, so cell sizes and distances stay metres; a caller's CRS that is not projected is
 * an error naming {@code crs}. Features with a null or empty geometry are
 * skipped and counted ({@link #nullGeometries()}, first ids in {@link #nullGeometrySamples()}). A
 * non-point geometry is an error naming the feature unless centroids are asked for; a one-point
 * multipoint counts as its point. A layer without a CRS, or with no usable point, is an error naming
 * the parameter.
 */
public final class ProjectedPoints {

    private final double[] x;
    private final double[] y;
    private String[] ids; // null: built from idOf on demand
    private int[] position; // null: the identity
    private java.util.function.IntFunction<String> idOf;
    private final int nullGeometries;
    private final List<String> nullSamples;
    private final CoordinateReferenceSystem sourceCrs;
    private final CoordinateReferenceSystem metricCrs;
    private final MathTransform toMetric;
    private final MathTransform toSource;
    private String param = "incidents";

    private ProjectedPoints(double[] x, double[] y, String[] ids, int[] position, int nullGeometries,
            List<String> nullSamples, CoordinateReferenceSystem sourceCrs, CoordinateReferenceSystem metricCrs,
            MathTransform toMetric, MathTransform toSource) {
        this.x = x;
        this.y = y;
        this.ids = ids;
        this.position = position;
        this.nullGeometries = nullGeometries;
        this.nullSamples = nullSamples;
        this.sourceCrs = sourceCrs;
        this.metricCrs = metricCrs;
        this.toMetric = toMetric;
        this.toSource = toSource;
    }

    /**
     * The point of a feature: its Point, the only point of a one-point MultiPoint, or (with {@code centroids})
     * the centroid of any other geometry; null for a null or empty geometry. Any other geometry without
     * {@code centroids} is an error naming {@code param}, the feature and, as the way out, {@code hint}.
     */
    public static Point pointOf(SimpleFeature f, boolean centroids, String param, String hint) {
        if (!(f.getDefaultGeometry() instanceof Geometry geom) || geom.isEmpty()) return null;
        if (geom instanceof Point pt) return pt;
        if (geom instanceof MultiPoint mp && mp.getNumGeometries() == 1) return (Point) mp.getGeometryN(0);
        if (centroids) return geom.getCentroid();
        throw new ProcessException(param + ": feature " + f.getID() + " has a " + geom.getGeometryType()
                + " geometry; this process needs points (or " + hint + ")");
    }

    /**
     * Extracts the points of {@code features}.
     *
     * @param metricCrs the CRS to work in, or null for automatic
     * @param centroids use centroids of non-point geometries instead of failing
     * @param param the process parameter name, for error messages
     * @param listener may be null; cancellation is honoured
     */
    public static ProjectedPoints extract(SimpleFeatureCollection features, CoordinateReferenceSystem metricCrs,
            boolean centroids, String param, ProgressListener listener) {
        return extract(features, metricCrs, centroids, param, listener, null);
    }

    /**
     * As {@link #extract(SimpleFeatureCollection, CoordinateReferenceSystem, boolean, String, ProgressListener)}, with
     * {@code limit} told the number of features read so far: first (the size of an incident table is known before
     * reading), then every 8,192 features of any other layer; it throws to stop.
     */
    public static ProjectedPoints extract(SimpleFeatureCollection features, CoordinateReferenceSystem metricCrs,
            boolean centroids, String param, ProgressListener listener, java.util.function.LongConsumer limit) {
        if (features == null) throw new ProcessException(param + ": no features given");
        if (features instanceof IncidentCollection ic) {
            if (limit != null) limit.accept(ic.size());
            return fromTable(ic, metricCrs, param);
        }
        CoordinateReferenceSystem src = features.getSchema().getCoordinateReferenceSystem();
        if (features.getSchema().getGeometryDescriptor() == null) {
            throw new ProcessException(param + ": the layer has no geometry attribute");
        }
        if (src == null) {
            throw new ProcessException(param + ": the layer has no coordinate reference system; give it one "
                    + "(e.g. EPSG:4326 for longitude/latitude)");
        }
        int cap = 1024;
        double[] xy = new double[2 * cap];
        String[] ids = new String[cap];
        int[] pos = new int[cap];
        int n = 0;
        int nulls = 0;
        int index = 0;
        List<String> nullSamples = new ArrayList<>();
        try (SimpleFeatureIterator it = features.features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                if ((index & 8191) == 0 && listener != null && listener.isCanceled()) {
                    throw new ProcessException("cancelled");
                }
                if ((index & 8191) == 8191 && limit != null) limit.accept(index + 1L);
                Point p = pointOf(f, centroids, param, "ask for centroids");
                if (p == null || !Double.isFinite(p.getX()) || !Double.isFinite(p.getY())) {
                    nulls++;
                    if (nullSamples.size() < 10) nullSamples.add(f.getID());
                    index++;
                    continue;
                }
                if (n == cap) {
                    cap *= 2;
                    xy = Arrays.copyOf(xy, 2 * cap);
                    ids = Arrays.copyOf(ids, cap);
                    pos = Arrays.copyOf(pos, cap);
                }
                xy[2 * n] = p.getX();
                xy[2 * n + 1] = p.getY();
                ids[n] = f.getID();
                pos[n] = index++;
                n++;
            }
        }
        if (limit != null) limit.accept(index);
        if (index == 0) throw LayerChecks.empty(param);
        if (n == 0) {
            throw new ProcessException(param + ": no point features to work on (" + index + " features, " + nulls
                    + " without geometry)");
        }
        return project(xy, Arrays.copyOf(ids, n), Arrays.copyOf(pos, n), n, nulls, nullSamples, src, metricCrs, param);
    }

    /**
     * The incidents of an {@link IncidentCollection}, read from its columns: no feature is built and no id
     * string made (ids are {@code incident.N}, made when asked for).
     */
    static ProjectedPoints fromTable(IncidentCollection ic, CoordinateReferenceSystem metricCrs, String param) {
        org.crimeanalytics.ingest.IncidentTable t = ic.table();
        int n = t.size();
        if (n == 0) throw LayerChecks.empty(param);
        double[] xy = new double[2 * n];
        t.lonLat(xy);
        return projectTableRows(xy, null, n, ic.getSchema().getCoordinateReferenceSystem(), metricCrs, param);
    }

    /**
     * As {@link #project}, for rows of an incident table: {@code pos} (null: rows 0..n-1) the table row of each point;
     * ids are not made unless asked for ({@code incident.N} from the row).
     */
    public static ProjectedPoints projectTableRows(double[] xy, int[] pos, int n, CoordinateReferenceSystem src,
            CoordinateReferenceSystem metricCrs, String param) {
        ProjectedPoints p = project(xy, null, pos, n, 0, List.of(), src, metricCrs, param);
        p.idOf = IncidentCollection::id;
        return p;
    }

    /**
     * Projects interleaved source coordinates {@code xy} (n points, in {@code src}) into metres: the
     * caller's CRS, else {@code src} when projected in metres, else AUTO:42001 at the data's median. {@code xy} is
     * overwritten (projected in place: callers hand over an array they made for the call).
     */
    public static ProjectedPoints project(double[] xy, String[] ids, int[] pos, int n, int nulls, List<String> nullSamples,
            CoordinateReferenceSystem src, CoordinateReferenceSystem metricCrs, String param) {
        CoordinateReferenceSystem metric = metricCrs;
        if (metric == null) {
            if (src instanceof ProjectedCRS && isMetre(src) && !isMercator(src)) {
                metric = src;
            } else {
                double[] c = centre(xy, n);
                MathTransform t = Crs.transform(src, Crs.wgs84(), param);
                try {
                    t.transform(c, 0, c, 0, 1);
                } catch (TransformException e) {
                    throw new ProcessException(param + ": cannot find the data's centre in degrees: " + e.getMessage());
                }
                metric = Crs.autoUtm(c[0], c[1]);
            }
        }
        double unit = metresPerUnit(metric);
        MathTransform toMetric = scaled(Crs.transform(src, metric, param), unit);
        MathTransform toSource = org.geotools.referencing.operation.transform.ConcatenatedTransform.create(scale(1 / unit),
                Crs.transform(metric, src, param));
        double[] x = new double[n];
        double[] y = new double[n];
        // the first point that cannot be projected, per half (n: none)
        int[] bad = {n, n};
        if (n < PARALLEL_ABOVE) {
            bad[0] = project(toMetric, xy, 0, n, x, y, param);
        } else {
            Threads.both(() -> bad[1] = project(toMetric, xy, n / 2, n, x, y, param), () -> bad[0] = project(toMetric, xy, 0, n / 2, x, y, param));
        }
        int i = Math.min(bad[0], bad[1]);
        if (i < n) {
            throw new ProcessException(param + ": feature " + (ids == null ? IncidentCollection.id(pos == null ? i : pos[i]) : ids[i]) + " cannot be projected to metres "
                    + "(coordinates outside the valid area of the layer's CRS?)");
        }
        ProjectedPoints pp = new ProjectedPoints(x, y, ids, pos, nulls, nullSamples, src, metric, toMetric, toSource);
        pp.param = param;
        return pp;
    }

    /** Above this many points, the centre and the projection are computed in two halves at once. */
    static final int PARALLEL_ABOVE = 100_000;

    /**
     * Projects points [from, to) of {@code xy} in place and copies them to {@code x}, {@code y}: the first of them that
     * is not finite then, or {@code x.length} when all are. A transform acts on each point alone (GeoTools' transforms
     * are immutable), so halves done at once give the points of one call.
     */
    private static int project(MathTransform t, double[] xy, int from, int to, double[] x, double[] y, String param) {
        try {
            if (to > from && !t.isIdentity()) t.transform(xy, 2 * from, xy, 2 * from, to - from);
        } catch (TransformException e) {
            throw new ProcessException(param + ": cannot project the points to metres: " + e.getMessage());
        }
        int bad = x.length;
        for (int i = from; i < to; i++) {
            x[i] = xy[2 * i];
            y[i] = xy[2 * i + 1];
            if (bad == x.length && (!Double.isFinite(x[i]) || !Double.isFinite(y[i]))) bad = i;
        }
        return bad;
    }

    /** Points already in metres, sharing the CRSs and transforms of {@code like} (benchmarks, concatenations). */
    public static ProjectedPoints of(double[] x, double[] y, ProjectedPoints like) {
        String[] ids = new String[x.length];
        int[] pos = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            ids[i] = "point." + (i + 1);
            pos[i] = i;
        }
        return new ProjectedPoints(x, y, ids, pos, 0, List.of(), like.sourceCrs, like.metricCrs, like.toMetric, like.toSource);
    }

    /**
     * Metres per unit of a projected CRS's first axis (1 for metres, 0.3048006 for US survey feet); distances and
     * cell sizes are metres whatever the working CRS. A CRS that is not projected is an error naming {@code crs}.
     */
    static double metresPerUnit(CoordinateReferenceSystem crs) {
        CoordinateReferenceSystem h = org.geotools.referencing.CRS.getHorizontalCRS(crs);
        if (!(h instanceof ProjectedCRS)) {
            throw new ProcessException("crs: " + org.geotools.referencing.CRS.toSRS(crs) + " is not a projected CRS; distances need "
                    + "one in metres or feet (e.g. a UTM zone or a state plane)");
        }
        if (isMercator(h)) {
            throw new ProcessException("crs: " + org.geotools.referencing.CRS.toSRS(crs) + " is a (Web) Mercator projection, whose "
                    + "metres stretch with latitude (1.21 ground metres at 34 degrees): leave crs out (a transverse Mercator on "
                    + "the data) or give a UTM zone or a state plane");
        }
        @SuppressWarnings("unchecked")
        Unit<javax.measure.quantity.Length> u = (Unit<javax.measure.quantity.Length>) h.getCoordinateSystem().getAxis(0).getUnit();
        try {
            double f = u.getConverterTo(SI.METRE).convert(1.0);
            return f > 0 && Double.isFinite(f) ? f : 1;
        } catch (RuntimeException e) {
            throw new ProcessException("crs: the unit of " + org.geotools.referencing.CRS.toSRS(crs) + " (" + u + ") is not a length");
        }
    }

    private static MathTransform scale(double f) {
        return org.geotools.referencing.operation.transform.ProjectiveTransform.create(
                java.awt.geom.AffineTransform.getScaleInstance(f, f));
    }

    private static MathTransform scaled(MathTransform t, double f) {
        return f == 1 ? t : org.geotools.referencing.operation.transform.ConcatenatedTransform.create(t, scale(f));
    }

    /** Metres per unit of the working CRS (1 unless the caller's CRS is in feet or another unit). */
    public double metresPerUnit() {
        return metresPerUnit(metricCrs);
    }

    /** The transform from {@code other} to this object's metres (the working CRS, scaled to metres). */
    public MathTransform toMetricFrom(CoordinateReferenceSystem other, String param) {
        return scaled(Crs.transform(other, metricCrs, param), metresPerUnit());
    }

    /**
     * Whether a projected CRS is a normal-aspect Mercator (EPSG:3857 and kin): its scale is 1 / cos(latitude), so its
     * units are not ground metres away from the equator. Transverse and oblique Mercator are not.
     */
    static boolean isMercator(CoordinateReferenceSystem crs) {
        if (!(crs instanceof ProjectedCRS p) || p.getConversionFromBase() == null || p.getConversionFromBase().getMethod() == null) return false;
        String m = p.getConversionFromBase().getMethod().getName().getCode().toLowerCase(java.util.Locale.ROOT);
        return m.contains("mercator") && !m.contains("transverse") && !m.contains("oblique");
    }

    private static boolean isMetre(CoordinateReferenceSystem crs) {
        Unit<?> u = crs.getCoordinateSystem().getAxis(0).getUnit();
        return SI.METRE.equals(u);
    }

    /** The (upper) median of each coordinate (robust to a few far outliers), in linear time. */
    private static double[] centre(double[] xy, int n) {
        double[] c = new double[2];
        if (n < PARALLEL_ABOVE) {
            c[0] = median(xy, 0, n);
            c[1] = median(xy, 1, n);
        } else {
            Threads.both(() -> c[0] = median(xy, 0, n), () -> c[1] = median(xy, 1, n));
        }
        return c;
    }

    /** The upper median of coordinate {@code t} (0: x, 1: y) of the n points of {@code xy}, in a scratch array of its own. */
    private static double median(double[] xy, int t, int n) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) c[i] = xy[2 * i + t];
        return org.crimeanalytics.stats.Select.kth(c, n, n / 2);
    }

    public int size() {
        return x.length;
    }

    /** Easting in metres, by point. */
    public double[] x() {
        return x;
    }

    /** Northing in metres, by point. */
    public double[] y() {
        return y;
    }

    /**
     * The points {@code keep} (indexes into these points, in the order given) with their ids and source positions, the
     * same CRSs and count of features without geometry; for points left out of an analysis after projection.
     */
    public ProjectedPoints subset(int[] keep) {
        int m = keep.length;
        double[] nx = new double[m], ny = new double[m];
        int[] np = new int[m];
        int[] pos = positions();
        for (int k = 0; k < m; k++) {
            nx[k] = x[keep[k]];
            ny[k] = y[keep[k]];
            np[k] = pos[keep[k]];
        }
        String[] nid = null;
        if (ids != null) {
            nid = new String[m];
            for (int k = 0; k < m; k++) nid[k] = ids[keep[k]];
        }
        ProjectedPoints p = new ProjectedPoints(nx, ny, nid, np, nullGeometries, nullSamples, sourceCrs, metricCrs, toMetric, toSource);
        p.idOf = idOf;
        return p;
    }

    /** Feature id of each point (made on first call when the points came from an incident table). */
    public String[] ids() {
        if (ids == null) {
            String[] a = new String[x.length];
            for (int i = 0; i < a.length; i++) a[i] = idOf.apply(positions()[i]);
            ids = a;
        }
        return ids;
    }

    /** Feature id of point {@code i}. */
    public String id(int i) {
        return ids != null ? ids[i] : idOf.apply(positions()[i]);
    }

    /** 0-based position in the collection's iteration order of each point's feature. */
    public int[] positions() {
        if (position == null) {
            int[] p = new int[x.length];
            for (int i = 0; i < p.length; i++) p[i] = i;
            position = p;
        }
        return position;
    }

    public int nullGeometries() {
        return nullGeometries;
    }

    public List<String> nullGeometrySamples() {
        return nullSamples;
    }

    public CoordinateReferenceSystem sourceCrs() {
        return sourceCrs;
    }

    public CoordinateReferenceSystem metricCrs() {
        return metricCrs;
    }

    public MathTransform toMetric() {
        return toMetric;
    }

    public MathTransform toSource() {
        return toSource;
    }

    /** A geometry built in metres, back in the input CRS. */
    public Geometry toSource(Geometry metric) {
        try {
            return toSource.isIdentity() ? metric : JTS.transform(metric, toSource);
        } catch (TransformException e) {
            throw new ProcessException(param + ": cannot transform a result back to the layer's CRS (" + e.getMessage().split("\\.")[0] + ")");
        }
    }

    /** A geometry in the input CRS, in metres. */
    public Geometry toMetric(Geometry source) {
        try {
            return toMetric.isIdentity() ? source : JTS.transform(source, toMetric);
        } catch (TransformException e) {
            throw new ProcessException(param + ": cannot transform a geometry to metres (" + e.getMessage().split("\\.")[0] + ")");
        }
    }
}
