package org.crimeanalytics.process;

import java.util.ArrayList;
import java.util.List;
import org.crimeanalytics.density.KernelDensity;
import org.crimeanalytics.density.Lattice;
import org.crimeanalytics.geo.IncidentCollection;
import org.crimeanalytics.geo.ProjectedPoints;
import org.crimeanalytics.geo.StudyArea;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.type.AttributeDescriptor;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.process.ProcessException;
import org.locationtech.jts.geom.Envelope;

/** What crime:KernelDensity reads besides the points: weights, subsets, the window of cells. */
final class DensityInputs {

    private DensityInputs() {}

    /** The weight of each point of an incident table from {@code attribute} (null: no weights; NaN: empty). */
    static double[] weights(SimpleFeatureCollection fc, String attribute, ProjectedPoints pts, String param, String layer) {
        if (attribute == null || attribute.isBlank()) return null;
        IncidentCollection ic = (IncidentCollection) fc;
        int[] pos = pts.positions();
        double[] w = new double[pts.size()];
        for (int i = 0; i < w.length; i++) w[i] = number(ic.attribute(pos[i], attribute), attribute, param, IncidentCollection.id(pos[i]));
        return w;
    }

    /** Points in metres, their weights (null: none) and times (null unless asked), with what was skipped. */
    record Read(ProjectedPoints points, double[] weights, long[] times, long read, long withoutTime, long withoutGeometry,
            long withoutWeight) {}

    /**
     * Reads a layer's points, weights and (with {@code timeAttribute}) floating local times in one pass, so that each
     * weight and time belongs to its point whatever the layer's order on a second read (a database layer need not
     * repeat it); an incident table through its columns. Features without a geometry, or without a time when times
     * are asked for, are skipped and counted; {@code limit} is told the features read.
     */
    static Read read(SimpleFeatureCollection fc, String weightAttribute, String timeAttribute, boolean centroids,
            org.geotools.api.referencing.crs.CoordinateReferenceSystem crs, String param, String weightParam,
            org.geotools.api.util.ProgressListener monitor, java.util.function.LongConsumer limit) {
        if (weightAttribute != null && !weightAttribute.isBlank() && fc.getSchema().getDescriptor(weightAttribute) == null) {
            List<String> names = new ArrayList<>();
            for (AttributeDescriptor d : fc.getSchema().getAttributeDescriptors()) names.add(d.getLocalName());
            throw new ProcessException(weightParam + ": no attribute '" + weightAttribute + "' in " + param + "; attributes: " + names);
        }
        if (fc instanceof IncidentCollection) {
            Read r;
            if (timeAttribute != null) {
                if (limit != null) limit.accept(fc.size());
                SpaceTimeInput st = SpaceTimeInput.read(fc, timeAttribute, false, crs, monitor);
                r = new Read(st.points, weights(fc, weightAttribute, st.points, weightParam, param), st.time, st.read, st.withoutTime,
                        st.withoutGeometry, 0);
            } else {
                ProjectedPoints p = ProjectedPoints.extract(fc, crs, centroids, param, monitor, limit);
                r = new Read(p, weights(fc, weightAttribute, p, weightParam, param), null, p.size(), 0, 0, 0);
            }
            return withWeights(r, param, weightAttribute);
        }
        if (timeAttribute != null) org.crimeanalytics.geo.FeatureTimes.check(fc, timeAttribute, "timeAttribute", param);
        if (fc.getSchema().getCoordinateReferenceSystem() == null) {
            throw new ProcessException(param + ": the layer has no coordinate reference system; give it one (e.g. EPSG:4326)");
        }
        boolean weighted = weightAttribute != null && !weightAttribute.isBlank();
        int cap = 1024, n = 0;
        double[] xy = new double[2 * cap], w = weighted ? new double[cap] : null;
        long[] t = timeAttribute != null ? new long[cap] : null;
        String[] ids = new String[cap];
        int[] pos = new int[cap];
        long read = 0, noTime = 0, noGeom = 0, noWeight = 0;
        List<String> nullSamples = new ArrayList<>();
        try (SimpleFeatureIterator it = fc.features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                read++;
                if ((read & 8191) == 0) {
                    if (monitor != null && monitor.isCanceled()) throw new ProcessException("cancelled");
                    if (limit != null) limit.accept(read);
                }
                long tm = 0;
                if (t != null) {
                    tm = org.crimeanalytics.geo.FeatureTimes.floating(f.getAttribute(timeAttribute));
                    if (tm == org.crimeanalytics.ingest.FastDates.INVALID) {
                        noTime++;
                        continue;
                    }
                }
                org.locationtech.jts.geom.Point p = ProjectedPoints.pointOf(f, centroids, param, "ask for centroids");
                if (p == null || !Double.isFinite(p.getX()) || !Double.isFinite(p.getY())) {
                    noGeom++;
                    if (nullSamples.size() < 10) nullSamples.add(f.getID());
                    continue;
                }
                if (n == cap) {
                    cap *= 2;
                    xy = java.util.Arrays.copyOf(xy, 2 * cap);
                    if (w != null) w = java.util.Arrays.copyOf(w, cap);
                    if (t != null) t = java.util.Arrays.copyOf(t, cap);
                    ids = java.util.Arrays.copyOf(ids, cap);
                    pos = java.util.Arrays.copyOf(pos, cap);
                }
                xy[2 * n] = p.getX();
                xy[2 * n + 1] = p.getY();
                if (w != null) {
                    w[n] = number(f.getAttribute(weightAttribute), weightAttribute, weightParam, f.getID());
                    if (Double.isNaN(w[n])) {
                        noWeight++;
                        continue;
                    }
                }
                if (t != null) t[n] = tm;
                ids[n] = f.getID();
                pos[n] = (int) (read - 1);
                n++;
            }
        }
        if (limit != null) limit.accept(read);
        if (read == 0) throw org.crimeanalytics.geo.LayerChecks.empty(param);
        if (t != null && noTime == read) throw org.crimeanalytics.geo.FeatureTimes.noneHaveATime(timeAttribute, read, "timeAttribute");
        if (n == 0) throw new ProcessException(param + ": no feature with a location" + (t != null ? " and a time" : "") + " (" + read
                + " read, " + noGeom + " without geometry" + (t != null ? ", " + noTime + " without time" : "") + ")");
        ProjectedPoints pts = ProjectedPoints.project(xy, java.util.Arrays.copyOf(ids, n), java.util.Arrays.copyOf(pos, n), n, (int) noGeom,
                nullSamples, fc.getSchema().getCoordinateReferenceSystem(), crs, param);
        return new Read(pts, w == null ? null : java.util.Arrays.copyOf(w, n), t == null ? null : java.util.Arrays.copyOf(t, n), read,
                noTime, noGeom, noWeight);
    }

    /** Drops the points whose weight is empty (NaN), counting them. */
    private static Read withWeights(Read r, String param, String attribute) {
        if (r.weights() == null) return r;
        int n = 0;
        for (double v : r.weights()) if (!Double.isNaN(v)) n++;
        if (n == r.weights().length) return r;
        if (n == 0) throw new ProcessException(param + ": no feature has a value in '" + attribute + "'");
        int[] keep = new int[n];
        int k = 0;
        for (int i = 0; i < r.weights().length; i++) if (!Double.isNaN(r.weights()[i])) keep[k++] = i;
        long[] t = null;
        if (r.times() != null) {
            t = new long[n];
            for (int i = 0; i < n; i++) t[i] = r.times()[keep[i]];
        }
        return new Read(subset(r.points(), keep), subset(r.weights(), keep), t, r.read(), r.withoutTime(), r.withoutGeometry(),
                r.weights().length - n);
    }

    /**
     * Polygons of a reference layer as points at the centres of the cells of {@code lattice} each covers, its weight shared
     * equally among them (areal weighting), or at its centroid when it covers no centre; points stay points.
     */
    static Read spread(SimpleFeatureCollection fc, String weightAttribute, ProjectedPoints like, Lattice lattice, String param,
            String weightParam) {
        if (weightAttribute != null && !weightAttribute.isBlank() && fc.getSchema().getDescriptor(weightAttribute) == null) {
            List<String> names = new ArrayList<>();
            for (AttributeDescriptor d : fc.getSchema().getAttributeDescriptors()) names.add(d.getLocalName());
            throw new ProcessException(weightParam + ": no attribute '" + weightAttribute + "' in " + param + "; attributes: " + names);
        }
        org.geotools.api.referencing.crs.CoordinateReferenceSystem src = fc.getSchema().getCoordinateReferenceSystem() == null
                ? like.sourceCrs() : fc.getSchema().getCoordinateReferenceSystem();
        org.geotools.api.referencing.operation.MathTransform t = like.toMetricFrom(src, param);
        org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
        java.util.ArrayList<double[]> pts = new java.util.ArrayList<>();
        long read = 0, noGeom = 0;
        try (SimpleFeatureIterator it = fc.features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                read++;
                Object g0 = f.getDefaultGeometry();
                if (!(g0 instanceof org.locationtech.jts.geom.Geometry g) || g.isEmpty()) {
                    noGeom++;
                    continue;
                }
                double wt = weightAttribute == null || weightAttribute.isBlank() ? 1
                        : number(f.getAttribute(weightAttribute), weightAttribute, weightParam, f.getID());
                if (Double.isNaN(wt)) throw new ProcessException(weightParam + ": feature " + f.getID() + " has no value in '"
                        + weightAttribute + "'");
                org.locationtech.jts.geom.Geometry mg;
                try {
                    mg = org.geotools.geometry.jts.JTS.transform(g, t);
                } catch (Exception e) {
                    throw new ProcessException(param + ": cannot project feature " + f.getID() + ": " + e.getMessage());
                }
                List<double[]> inside = new ArrayList<>();
                if (mg instanceof org.locationtech.jts.geom.Polygonal) {
                    org.locationtech.jts.geom.prep.PreparedGeometry pg = org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(mg);
                    Envelope e = mg.getEnvelopeInternal();
                    Lattice.Window win = lattice.window(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), 0);
                    for (int j = win.j0(); j < win.j0() + win.ny(); j++) {
                        for (int i = win.i0(); i < win.i0() + win.nx(); i++) {
                            double cx = lattice.x(i, j), cy = lattice.y(j);
                            if (pg.covers(gf.createPoint(new org.locationtech.jts.geom.Coordinate(cx, cy)))) inside.add(new double[] {cx, cy});
                        }
                    }
                }
                if (inside.isEmpty()) {
                    org.locationtech.jts.geom.Point c = mg.getCentroid();
                    pts.add(new double[] {c.getX(), c.getY(), wt});
                } else {
                    for (double[] c : inside) pts.add(new double[] {c[0], c[1], wt / inside.size()});
                }
            }
        }
        if (pts.isEmpty()) throw new ProcessException(param + ": no feature with a geometry (" + read + " read)");
        double[] x = new double[pts.size()], y = new double[pts.size()], w = new double[pts.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = pts.get(k)[0];
            y[k] = pts.get(k)[1];
            w[k] = pts.get(k)[2];
        }
        return new Read(ProjectedPoints.of(x, y, like), w, null, read, 0, noGeom, 0);
    }

    /** Whether a layer's geometries are polygons (by its schema, else by its first feature). */
    static boolean polygonal(SimpleFeatureCollection fc) {
        Class<?> b = fc.getSchema().getGeometryDescriptor() == null ? null : fc.getSchema().getGeometryDescriptor().getType().getBinding();
        if (b != null && org.locationtech.jts.geom.Polygonal.class.isAssignableFrom(b)) return true;
        if (b != null && org.locationtech.jts.geom.Puntal.class.isAssignableFrom(b)) return false;
        try (SimpleFeatureIterator it = fc.features()) {
            return it.hasNext() && it.next().getDefaultGeometry() instanceof org.locationtech.jts.geom.Polygonal;
        }
    }

    /** A weight: NaN for an empty value (the caller skips and counts it); an error for text or a negative number. */
    private static double number(Object o, String attribute, String param, String id) {
        if (o == null || (o instanceof CharSequence cs && cs.toString().isBlank())) return Double.NaN;
        double v = Double.NaN;
        if (o instanceof Number n) v = n.doubleValue();
        else {
            try {
                v = Double.parseDouble(o.toString().trim());
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
        }
        if (!Double.isFinite(v)) throw new ProcessException(param + ": feature " + id + " has no numeric value in '" + attribute + "' (" + o + ")");
        if (v < 0) throw new ProcessException(param + ": feature " + id + " has a negative weight in '" + attribute + "' (" + v + ")");
        return v;
    }

    static double sum(double[] w) {
        double s = 0;
        for (double v : w) s += v;
        return s;
    }

    static ProjectedPoints subset(ProjectedPoints p, int[] idx) {
        double[] x = new double[idx.length], y = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            x[i] = p.x()[idx[i]];
            y[i] = p.y()[idx[i]];
        }
        return ProjectedPoints.of(x, y, p);
    }

    static double[] subset(double[] w, int[] idx) {
        if (w == null) return null;
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = w[idx[i]];
        return out;
    }

    /**
     * The extent's share of the default cell size: its shorter side / 250 (as ArcGIS), but at least its longer side /
     * 1,000 (a thin extent, such as points along one road, must not make 1 m cells); the points' extent, or the study
     * area's when given; at least 1 m.
     */
    static double extentRule(ProjectedPoints pts, StudyArea area) {
        Envelope e = area != null ? area.envelope() : envelope(pts);
        double shorter = Math.min(e.getWidth(), e.getHeight()), longer = Math.max(e.getWidth(), e.getHeight());
        return Math.max(1, Math.max(shorter / 250, longer / 1000));
    }

    static Envelope envelope(ProjectedPoints pts) {
        Envelope e = new Envelope();
        for (int i = 0; i < pts.size(); i++) e.expandToInclude(pts.x()[i], pts.y()[i]);
        return e;
    }

    /** The cells computed: those within the kernel's reach of a point, the study area's, clipped to a view. */
    record Windows(Lattice.Window compute) {}

    static Windows windows(KernelDensity kd, ProjectedPoints pts, ProjectedPoints ref, StudyArea area, MapView view,
            int marginPixels, String param) {
        Lattice l = kd.lattice();
        Envelope e = envelope(pts);
        if (ref != null) e.expandToInclude(envelope(ref));
        Lattice.Window w = l.window(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), kd.reach());
        if (area != null) {
            Envelope a = area.envelope();
            w = w.union(l.window(a.getMinX(), a.getMinY(), a.getMaxX(), a.getMaxY(), 0));
        }
        if (view != null) {
            org.geotools.geometry.jts.ReferencedEnvelope t;
            try {
                t = view.bbox().transform(pts.metricCrs(), true);
            } catch (Exception ex) {
                throw new ProcessException("outputBBOX: cannot transform to the working CRS: " + ex.getMessage());
            }
            double f = pts.metresPerUnit();
            Envelope v = new Envelope(t.getMinX() * f, t.getMaxX() * f, t.getMinY() * f, t.getMaxY() * f);
            double margin = v.getWidth() / view.width() * marginPixels + l.grid().size();
            w = w.intersect(l.window(v.getMinX(), v.getMinY(), v.getMaxX(), v.getMaxY(), margin));
            if (w.nx() == 0 || w.ny() == 0) w = new Lattice.Window(w.i0(), w.j0(), 0, 0);
        }
        if (w.cells() > Limits.maxGridCells()) {
            throw new ProcessException(param + ": " + l.grid().size() + " m cells give " + w.cells() + " cells over the data and the "
                    + "kernel's reach (" + Math.round(w.nx() * l.grid().size() / 1000) + " x " + Math.round(w.ny() * l.grid().size() / 1000)
                    + " km: a point far from the others?), more than the limit of " + Limits.maxGridCells()
                    + " (system property crime.maxGridCells); use larger cells or remove the outliers");
        }
        return new Windows(w);
    }
}
