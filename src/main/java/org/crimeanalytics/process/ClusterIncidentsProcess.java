package org.crimeanalytics.process;

import java.util.ArrayList;
import java.util.Arrays;
import org.crimeanalytics.temporal.TemporalProfile;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import org.crimeanalytics.cluster.ClusterShapes;
import org.crimeanalytics.cluster.FastKMeans;
import org.crimeanalytics.cluster.GraphColouring;
import org.crimeanalytics.cluster.GridDBScan;
import org.crimeanalytics.cluster.GridOptics;
import org.crimeanalytics.cluster.KMeans;
import org.crimeanalytics.cluster.Optics;
import org.crimeanalytics.geo.AugmentedCollection;
import org.crimeanalytics.geo.ProjectedPoints;
import org.crimeanalytics.json.Json;
import org.crimeanalytics.style.Sld;
import org.crimeanalytics.weka.WekaSupport;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.util.ProgressListener;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.process.ProcessException;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/** {@code crime:ClusterIncidents}: Weka clustering of incidents in metres. */
@DescribeProcess(
        title = "Cluster incidents",
        description = "Clusters incident points on projected coordinates in metres (the UTM zone of the "
                + "data's centre, or the crs given), optionally with extra attributes, and returns the incidents with "
                + "CLUSTER_ID (-1 for noise) and COLOR_ID (adjacent clusters never share a colour), one polygon per "
                + "cluster (convex hull or one-standard-deviation ellipse) with size, share, mean centre, area, "
                + "density and top offenses, and SLD styles. Methods and what they do at scale: KMEANS - k-means++ and "
                + "Lloyd iterations on all cores through our Weka clusterer FastKMeans (best of 5 seeded k-means++ starts, "
                + "on samples above 20,000 points, then refined on all; 1.3 M points in under 2 s); EM - Weka's EM, choosing k by cross-validation within minK..maxK, fitted "
                + "on a seeded random sample (sampleSize) and then assigning every incident to its most likely "
                + "cluster; XMEANS - Weka's XMeans (minK..maxK, BIC) on the sample, then nearest-centre assignment; "
                + "DBSCAN - eps in metres and minPoints through our grid-indexed Weka clusterer GridDBScan (each query "
                + "visits nine grid cells, memory linear); OPTICS - our grid-indexed Weka clusterer GridOptics, clusters "
                + "extracted at eps, plus REACHABILITY per incident. Extra attributes ('name:weight', or 'hour' for "
                + "the hour of 'occurred' on a circle) are z-scored and scaled so weight 1 counts like one standard "
                + "deviation of location. Deterministic for a given seed.")
public class ClusterIncidentsProcess {

    /** Clustering method. */
    public enum Method { KMEANS, EM, XMEANS, DBSCAN, OPTICS }

    /** Cluster polygon. */
    public enum Shape { HULL, ELLIPSE }

    @DescribeResults({
        @DescribeResult(name = "result", type = SimpleFeatureCollection.class,
                description = "The incidents with CLUSTER_ID (-1 noise or no geometry: null) and COLOR_ID"),
        @DescribeResult(name = "clusters", type = SimpleFeatureCollection.class,
                description = "One polygon per cluster: CLUSTER_ID, COLOR_ID, CLUSTER_SIZE, SHARE, MEAN_X, MEAN_Y, AREA_KM2, "
                        + "DENSITY_KM2, TOP_OFFENSE, TOP_SHARE, TOP3"),
        @DescribeResult(name = "style", type = String.class, meta = {"mimeTypes=application/vnd.ogc.sld+xml"},
                description = "SLD 1.0.0 for the incidents, categorical on COLOR_ID"),
        @DescribeResult(name = "clustersStyle", type = String.class, meta = {"mimeTypes=application/vnd.ogc.sld+xml"},
                description = "SLD 1.0.0 for the cluster polygons, categorical on COLOR_ID"),
        @DescribeResult(name = "summary", type = String.class, meta = {"mimeTypes=application/json"},
                description = "JSON: method, clusters, noise, incidents without geometry, SSE (k-means), parameters")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "incidents", description = "Incident points (any point layer)") SimpleFeatureCollection incidents,
            @DescribeParameter(name = "method", min = 0, defaultValue = "KMEANS", description = "KMEANS, EM, XMEANS, DBSCAN or OPTICS") Method method,
            @DescribeParameter(name = "k", min = 0, defaultValue = "10", minValue = 1, maxValue = 1000, description = "Clusters for KMEANS") Integer k,
            @DescribeParameter(name = "minK", min = 0, defaultValue = "2", minValue = 1, description = "Fewest clusters EM and XMEANS may choose") Integer minK,
            @DescribeParameter(name = "maxK", min = 0, defaultValue = "20", minValue = 1, maxValue = 1000, description = "Most clusters EM and XMEANS may choose") Integer maxK,
            @DescribeParameter(name = "eps", min = 0, defaultValue = "150", minValue = 0, description = "DBSCAN/OPTICS neighbourhood radius in metres") Double eps,
            @DescribeParameter(name = "minPoints", min = 0, defaultValue = "20", minValue = 1, description = "DBSCAN/OPTICS points within eps for a core point (itself included)") Integer minPoints,
            @DescribeParameter(name = "seed", min = 0, defaultValue = "1", description = "Random seed") Integer seed,
            @DescribeParameter(name = "attributes", min = 0, description = "Extra attributes to cluster on: name[:weight],... ('hour' = hour of day of occurred; incidents dated to the day or month, or at a 00:00 or 00:01 'time unknown' placeholder, have none: left out of the clusters and counted in the summary)") String attributes,
            @DescribeParameter(name = "offenseAttribute", min = 0, defaultValue = "offense", description = "Attribute for the top offenses") String offenseAttribute,
            @DescribeParameter(name = "shape", min = 0, defaultValue = "HULL", description = "HULL or ELLIPSE") Shape shape,
            @DescribeParameter(name = "sampleSize", min = 0, defaultValue = "5000", minValue = 100, maxValue = 200000, description = "EM/XMEANS training sample") Integer sampleSize,
            @DescribeParameter(name = "maxFeatures", min = 0, minValue = 1, description = "Refuse inputs with more incidents than this") Integer maxFeatures,
            @DescribeParameter(name = "useCentroids", min = 0, defaultValue = "false", description = "Cluster centroids of non-point geometries instead of failing") Boolean useCentroids,
            @DescribeParameter(name = "crs", min = 0, description = "Projected CRS to work in (default: the UTM zone of the data's centre, e.g. EPSG:32611)") CoordinateReferenceSystem crs,
            @DescribeParameter(name = "outputBBOX", min = 0, description = "As a rendering transformation (env wms_bbox): the map drawn. "
                    + "Clusters use the whole layer; the incidents returned are those in view, one per pixel and cluster") ReferencedEnvelope outputBBOX,
            @DescribeParameter(name = "outputWidth", min = 0, minValue = 1, maxValue = 20000, description = "Map width in pixels (env wms_width)") Integer outputWidth,
            @DescribeParameter(name = "outputHeight", min = 0, minValue = 1, maxValue = 20000, description = "Map height in pixels (env wms_height)") Integer outputHeight,
            ProgressListener monitor) {
        if (incidents == null) throw new ProcessException("incidents: required");
        MapView view = MapView.of(outputBBOX, outputWidth, outputHeight);
        Method m = method == null ? Method.KMEANS : method;
        int kk = k == null ? 10 : k;
        int lo = minK == null ? 2 : minK, hi = maxK == null ? 20 : maxK;
        double e = eps == null ? 150 : eps;
        int mp = minPoints == null ? 20 : minPoints;
        long sd = seed == null ? 1 : seed;
        if (m == Method.KMEANS) {
            if (kk < 1) throw new ProcessException("k: must be at least 1, was " + kk);
            Limits.checkK(kk, "k");
        }
        if ((m == Method.EM || m == Method.XMEANS) && (lo < 1 || hi < lo)) {
            throw new ProcessException("minK, maxK: need 1 <= minK <= maxK, got " + lo + ".." + hi);
        }
        if (m == Method.EM || m == Method.XMEANS) Limits.checkK(hi, "maxK");
        if ((m == Method.DBSCAN || m == Method.OPTICS) && !(e > 0)) throw new ProcessException("eps: must be > 0 metres, was " + e);
        if ((m == Method.DBSCAN || m == Method.OPTICS) && mp < 1) throw new ProcessException("minPoints: must be at least 1, was " + mp);
        if (monitor != null) monitor.started();
        if (view != null) {
            // on the fly: the whole-layer clusters are the same for every tile of the map; computed once, then clipped
            String key = TransformationCache.key("ClusterIncidents", incidents, m, kk, lo, hi, e, mp, sd, attributes, offenseAttribute,
                    useCentroids, maxFeatures, crs == null ? null : org.geotools.referencing.CRS.toSRS(crs), shape, sampleSize);
            Map<String, Object> whole = TransformationCache.get(key, () -> cluster(incidents, m, kk, lo, hi, e, mp, sd, attributes,
                    offenseAttribute, useCentroids, maxFeatures, crs, shape, sampleSize, monitor));
            Map<String, Object> out = new LinkedHashMap<>(whole);
            out.put("result", view.thin(view.clip((SimpleFeatureCollection) whole.get("result"), 8), "CLUSTER_ID"));
            out.put("clusters", view.clip((SimpleFeatureCollection) whole.get("clusters"), 8));
            if (monitor != null) monitor.complete();
            return out;
        }
        Map<String, Object> out = cluster(incidents, m, kk, lo, hi, e, mp, sd, attributes, offenseAttribute, useCentroids, maxFeatures, crs,
                shape, sampleSize, monitor);
        if (monitor != null) monitor.complete();
        return out;
    }

    /** The whole-layer clustering and its outputs. */
    private Map<String, Object> cluster(SimpleFeatureCollection incidents, Method m, int kk, int lo, int hi, double e, int mp, long sd,
            String attributes, String offenseAttribute, Boolean useCentroids, Integer maxFeatures, CoordinateReferenceSystem crs,
            Shape shape, Integer sampleSize, ProgressListener monitor) {
        java.util.function.BooleanSupplier cancelled = () -> monitor != null && monitor.isCanceled();

        Input in = read(incidents, attributes, offenseAttribute, Boolean.TRUE.equals(useCentroids), maxFeatures, crs, monitor);
        ProjectedPoints pts = in.points;
        int n = pts.size();
        if (m == Method.KMEANS) {
            int distinct = distinct(pts, kk);
            if (kk > distinct) throw new ProcessException("k: " + kk + " clusters asked for " + distinct + " distinct incident locations");
        }
        int d = 2 + in.extra.length;
        double[] data = new double[n * d];
        for (int i = 0; i < n; i++) {
            data[i * d] = pts.x()[i];
            data[i * d + 1] = pts.y()[i];
            for (int t = 0; t < in.extra.length; t++) data[i * d + 2 + t] = in.extra[t][i];
        }
        Steps.step(monitor, "Clustering " + n + " incidents (" + m + ")", 20);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("method", m.name());
        int[] labels;
        double[] reach = null;
        try {
            switch (m) {
                case KMEANS -> {
                    FastKMeans km = new FastKMeans();
                    km.setNumClusters(kk);
                    km.setSeed((int) sd);
                    KMeans.Result r = km.cluster(data, d, cancelled);
                    labels = r.labels();
                    summary.put("k", kk);
                    summary.put("sse_m2", r.sse());
                    summary.put("iterations", r.iterations());
                }
                case DBSCAN -> {
                    GridDBScan db = new GridDBScan();
                    db.setEpsilon(e);
                    db.setMinPoints(mp);
                    labels = db.cluster(pts.x(), pts.y(), cancelled);
                    summary.put("eps_m", e);
                    summary.put("min_points", mp);
                }
                case OPTICS -> {
                    GridOptics op = new GridOptics();
                    op.setEpsilon(e);
                    op.setMinPoints(mp);
                    Optics.Result r = op.cluster(pts.x(), pts.y(), cancelled);
                    labels = r.labels();
                    reach = r.reachability();
                    summary.put("eps_m", e);
                    summary.put("min_points", mp);
                }
                default -> {
                    labels = wekaOnSample(m, data, d, n, lo, hi, sampleSize == null ? 5000 : sampleSize, sd, cancelled, summary);
                }
            }
        } catch (CancellationException ex) {
            throw new ProcessException("cancelled");
        }
        Steps.step(monitor, "Building clusters and hulls", 70);
        return outputs(incidents, in, labels, reach, shape == null ? Shape.HULL : shape,
                m == Method.DBSCAN || m == Method.OPTICS ? e : 0, summary);
    }

    /**
     * What one pass over the incidents collects: {@code offense}, each point's offense as an index into
     * {@code offenseNames} (-1: none); {@code allIds}, the id at every position of the source (null for an incident
     * table: ids by position); {@code withoutHour}, the incidents left out because 'hour' was asked for and they have no
     * known time of day, and the first of them.
     */
    record Input(ProjectedPoints points, double[][] extra, int[] offense, List<String> offenseNames, String[] allIds, int total,
            int withoutHour, List<String> firstWithoutHour) {
        Input(ProjectedPoints points, double[][] extra, int[] offense, List<String> offenseNames, String[] allIds, int total) {
            this(points, extra, offense, offenseNames, allIds, total, 0, List.of());
        }

        Input withoutHours(Hours h) {
            return h == null ? this : new Input(points, extra, offense, offenseNames, allIds, total, h.dropped, h.samples);
        }
    }

    /**
     * With 'hour' among the attributes: the points that have a known time of day ({@code keep}), the others counted and
     * the first named. An incident dated to the day or month, or at a midnight placeholder (00:00, 00:01: "time
     * unknown", see {@link TemporalProfile#knownHour}), has none: it is left out of the clustering (no cluster), not put
     * at midnight. Null when every point has an hour, or 'hour' was not asked for.
     */
    record Hours(int[] keep, int dropped, List<String> samples) {
        static Hours of(ProjectedPoints pts, double[][] raw, List<String> names, int n) {
            int col = 0;
            for (String nm : names) {
                if (nm.equals("hour")) break;
                col++;
            }
            if (col == names.size()) return null;
            // raw holds two columns for hour (cos, sin), after the one column of each attribute before it
            double[] c = raw[col];
            int kept = 0;
            for (int i = 0; i < n; i++) if (Double.isFinite(c[i])) kept++;
            if (kept == n) return null;
            if (kept == 0) throw noValues("hour", n, n, pts.id(0));
            int[] keep = new int[kept];
            List<String> samples = new ArrayList<>();
            for (int i = 0, k = 0; i < n; i++) {
                if (Double.isFinite(c[i])) keep[k++] = i;
                else if (samples.size() < 10) samples.add(pts.id(i));
            }
            return new Hours(keep, n - kept, samples);
        }

        double[][] pick(double[][] raw) {
            double[][] r = new double[raw.length][];
            for (int t = 0; t < raw.length; t++) {
                r[t] = new double[keep.length];
                for (int k = 0; k < keep.length; k++) r[t][k] = raw[t][keep[k]];
            }
            return r;
        }

        <T> T[] pick(T[] a) {
            T[] r = Arrays.copyOf(a, keep.length);
            for (int k = 0; k < keep.length; k++) r[k] = a[keep[k]];
            return r;
        }

        int[] pick(int[] a) {
            int[] r = new int[keep.length];
            for (int k = 0; k < keep.length; k++) r[k] = a[keep[k]];
            return r;
        }
    }

    /** Offense values as codes: each value's index among the distinct values, in order of first occurrence (-1: null). */
    static Input withOffense(ProjectedPoints pts, double[][] extra, String[] offense, String[] allIds, int total) {
        Codes codes = new Codes();
        int[] code = new int[offense.length];
        for (int i = 0; i < offense.length; i++) code[i] = offense[i] == null ? -1 : codes.of(offense[i]);
        return new Input(pts, extra, code, codes.list(), allIds, total);
    }

    static Input read(SimpleFeatureCollection fc, String attributes, String offenseAttribute, boolean centroids,
            Integer maxFeatures, CoordinateReferenceSystem crs, ProgressListener monitor) {
        SimpleFeatureType type = fc.getSchema();
        if (type.getGeometryDescriptor() == null) throw new ProcessException("incidents: the layer has no geometry");
        CoordinateReferenceSystem src = type.getCoordinateReferenceSystem();
        if (src == null) throw new ProcessException("incidents: the layer has no coordinate reference system; give it one (e.g. EPSG:4326)");
        List<String> names = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        if (attributes != null && !attributes.isBlank()) {
            for (String a : attributes.split(",")) {
                if (a.isBlank()) continue;
                String[] p = a.trim().split(":");
                double w = 1;
                if (p.length > 1) {
                    try {
                        w = Double.parseDouble(p[1].trim());
                    } catch (NumberFormatException ex) {
                        throw new ProcessException("attributes: weight of '" + p[0] + "' is not a number: " + p[1]);
                    }
                }
                String nm = p[0].trim();
                if (nm.equals("hour")) {
                    if (type.getDescriptor("occurred") == null) throw new ProcessException("attributes: 'hour' needs an 'occurred' date attribute");
                } else if (type.getDescriptor(nm) == null || !Number.class.isAssignableFrom(type.getDescriptor(nm).getType().getBinding())) {
                    throw new ProcessException("attributes: '" + nm + "' is not a numeric attribute of incidents");
                }
                names.add(nm);
                weights.add(w);
            }
        }
        String off = offenseAttribute == null ? "offense" : offenseAttribute;
        boolean hasOffense = type.getDescriptor(off) != null;
        boolean hasPrecision = type.getDescriptor("time_precision") != null;
        if (offenseAttribute != null && !offenseAttribute.equals("offense") && !hasOffense) { // TOP_OFFENSE would be null without a word
            throw new ProcessException("offenseAttribute: no attribute '" + offenseAttribute + "' in incidents; attributes: "
                    + type.getAttributeDescriptors().stream().map(d -> d.getLocalName()).toList());
        }
        if (fc instanceof org.crimeanalytics.geo.IncidentCollection ic) return readTable(ic, names, weights, hasOffense ? off : null,
                maxFeatures, crs, monitor);
        int cap = 1024;
        double[] xy = new double[2 * cap];
        String[] ids = new String[cap];
        int[] pos = new int[cap];
        String[] offense = new String[cap];
        int hours = names.contains("hour") ? 1 : 0;
        double[][] raw = new double[names.size() + hours][cap];
        List<String> allIds = new ArrayList<>();
        int n = 0, nulls = 0, index = 0;
        List<String> nullSamples = new ArrayList<>();
        try (SimpleFeatureIterator it = fc.features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                if ((index & 8191) == 0 && monitor != null && monitor.isCanceled()) throw new ProcessException("cancelled");
                if (maxFeatures != null && index >= maxFeatures) {
                    throw new ProcessException("maxFeatures: the layer has more than " + maxFeatures + " incidents");
                }
                Limits.checkIncidents(index + 1L, "incidents");
                allIds.add(f.getID());
                Point p = ProjectedPoints.pointOf(f, centroids, "incidents", "set useCentroids=true");
                if (p == null) {
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
                    offense = Arrays.copyOf(offense, cap);
                    for (int t = 0; t < raw.length; t++) raw[t] = Arrays.copyOf(raw[t], cap);
                }
                xy[2 * n] = p.getX();
                xy[2 * n + 1] = p.getY();
                ids[n] = f.getID();
                pos[n] = index;
                Object o = hasOffense ? f.getAttribute(off) : null;
                offense[n] = o == null ? null : o.toString();
                int t = 0;
                for (String nm : names) {
                    if (nm.equals("hour")) {
                        Object occ = f.getAttribute("occurred");
                        long tm = org.crimeanalytics.geo.FeatureTimes.floating(occ);
                        // a date of day or month precision has no time of day (its 00:00 is not midnight)
                        Object prec = hasPrecision ? f.getAttribute("time_precision") : null;
                        boolean dayOnly = "day".equals(prec) || "month".equals(prec) || org.crimeanalytics.geo.FeatureTimes.dayOnly(occ);
                        double h = tm != org.crimeanalytics.ingest.FastDates.INVALID ? TemporalProfile.knownHour(tm, dayOnly) : Double.NaN;
                        raw[t++][n] = Math.cos(2 * Math.PI * h / 24);
                        raw[t++][n] = Math.sin(2 * Math.PI * h / 24);
                    } else {
                        Object v = f.getAttribute(nm);
                        raw[t++][n] = v instanceof Number num ? num.doubleValue() : Double.NaN;
                    }
                }
                n++;
                index++;
            }
        }
        if (index == 0) throw org.crimeanalytics.geo.LayerChecks.empty("incidents");
        if (n == 0) throw new ProcessException("incidents: none of the " + index + " features has a geometry");
        ProjectedPoints pts = ProjectedPoints.project(xy, Arrays.copyOf(ids, n), Arrays.copyOf(pos, n), n, nulls, nullSamples, src, crs, "incidents");
        String[] offenses = Arrays.copyOf(offense, n);
        Hours kept = Hours.of(pts, raw, names, n);
        if (kept != null) {
            pts = pts.subset(kept.keep());
            raw = kept.pick(raw);
            offenses = kept.pick(offenses);
        }
        return withOffense(pts, scaled(pts, raw, names, weights), offenses, allIds.toArray(new String[0]), index).withoutHours(kept);
    }

    /** The fast path: an incident table's columns, no feature built. */
    static Input readTable(org.crimeanalytics.geo.IncidentCollection ic, List<String> names, List<Double> weights, String off,
            Integer maxFeatures, CoordinateReferenceSystem crs, ProgressListener monitor) {
        int total = ic.size();
        if (maxFeatures != null && total > maxFeatures) {
            throw new ProcessException("maxFeatures: the layer has more than " + maxFeatures + " incidents");
        }
        Limits.checkIncidents(total, "incidents");
        if (total == 0) throw org.crimeanalytics.geo.LayerChecks.empty("incidents");
        ProjectedPoints pts = ProjectedPoints.extract(ic, crs, false, "incidents", monitor);
        int n = pts.size();
        // the offense column's codes as the table holds them (every row has a point: point i is row i), else its values
        int col = off == null ? -1 : org.crimeanalytics.geo.IncidentCollection.textColumn(off);
        int[] codes = new int[n];
        String[] values = col < 0 ? null : ic.table().textCodes(col, codes);
        String[] offense = values != null ? null : new String[n];
        if (values == null && off != null) {
            for (int i = 0; i < n; i++) {
                Object o = ic.attribute(i, off);
                offense[i] = o == null ? null : o.toString();
            }
        }
        int hours = names.contains("hour") ? 1 : 0;
        double[][] raw = new double[names.size() + hours][n];
        int t = 0;
        for (String nm : names) {
            if (nm.equals("hour")) {
                for (int i = 0; i < n; i++) {
                    long tm = ic.table().occurred(i);
                    double h = tm != org.crimeanalytics.ingest.IncidentTable.NO_TIME ? TemporalProfile.knownHour(tm, ic.table().dayOrMonthOnly(i)) : Double.NaN;
                    raw[t][i] = Math.cos(2 * Math.PI * h / 24);
                    raw[t + 1][i] = Math.sin(2 * Math.PI * h / 24);
                }
                t += 2;
            } else {
                for (int i = 0; i < n; i++) raw[t][i] = ic.attribute(i, nm) instanceof Number num ? num.doubleValue() : Double.NaN;
                t++;
            }
        }
        Hours kept = Hours.of(pts, raw, names, n);
        if (kept != null) {
            pts = pts.subset(kept.keep());
            raw = kept.pick(raw);
            if (offense != null) offense = kept.pick(offense);
            codes = kept.pick(codes);
            n = kept.keep().length;
        }
        double[][] extra = scaled(pts, raw, names, weights);
        if (values == null) return withOffense(pts, extra, offense, null, total).withoutHours(kept);
        for (int i = 0; i < n; i++) codes[i]--; // the table's code 0 (null) becomes -1
        return new Input(pts, extra, codes, Arrays.asList(values).subList(1, values.length), null, total).withoutHours(kept);
    }

    /**
     * The error for incidents without a value of an extra attribute: how many of them, the first; for {@code hour}, that
     * it comes from the time of day (an export without a time column, or dates without times).
     */
    static ProcessException noValues(String name, int missing, int n, String firstId) {
        if (name.equals("hour") && missing == n) { // some without: left out and counted (Hours)
            return new ProcessException("attributes: 'hour' is the incidents' time of day, and none of the " + n + " incidents has one "
                    + "(no time column was recognised, or the dates have no time or only a midnight placeholder: see the import's warnings)");
        }
        return new ProcessException("attributes: " + (missing == n ? "none of the " + n + " incidents has a value for '" + name + "'"
                : String.format(java.util.Locale.ROOT, "%,d of the %,d incidents have no value for '%s' (the first: %s)", missing, n, name, firstId)));
    }

    /** The extra attributes, scaled. */
    private static double[][] scaled(ProjectedPoints pts, double[][] raw, List<String> names, List<Double> weights) {
        int n = pts.size();
        if (raw.length == 0) return raw;
        // scale extra attributes: z-score times weight times the pooled standard deviation of location
        double sx = sdev(pts.x(), n), sy = sdev(pts.y(), n);
        double scale = Math.sqrt((sx * sx + sy * sy) / 2);
        double[][] extra = new double[raw.length][];
        int t = 0;
        for (int a = 0; a < names.size(); a++) {
            int cols = names.get(a).equals("hour") ? 2 : 1;
            for (int c = 0; c < cols; c++, t++) {
                double[] v = Arrays.copyOf(raw[t], n);
                int missing = 0, first = -1;
                for (int i = 0; i < n; i++) {
                    if (!Double.isFinite(v[i])) {
                        if (missing++ == 0) first = i;
                    }
                }
                if (missing > 0) throw noValues(names.get(a), missing, n, pts.id(first));
                double mean = Arrays.stream(v).average().orElse(0), s = sdev(v, n);
                for (int i = 0; i < n; i++) v[i] = s > 0 ? (v[i] - mean) / s * weights.get(a) * scale : 0;
                extra[t] = v;
            }
        }
        return extra;
    }

    static double sdev(double[] v, int n) {
        double m = 0;
        for (int i = 0; i < n; i++) m += v[i];
        m /= n;
        double s = 0;
        for (int i = 0; i < n; i++) s += (v[i] - m) * (v[i] - m);
        return Math.sqrt(s / Math.max(1, n));
    }

    /** Distinct locations, counting up to {@code enough} (stops early). */
    static int distinct(ProjectedPoints p, int enough) {
        java.util.HashSet<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < p.size() && seen.size() <= enough; i++) {
            seen.add(Double.doubleToLongBits(p.x()[i]) * 31 + Double.doubleToLongBits(p.y()[i]));
        }
        return seen.size();
    }

    /** EM or XMeans (Weka) on a seeded sample, then every point assigned. */
    static int[] wekaOnSample(Method m, double[] data, int d, int n, int lo, int hi, int sample, long seed,
            java.util.function.BooleanSupplier cancelled, Map<String, Object> summary) {
        WekaSupport.init();
        int s = Math.min(sample, n);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < s; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        ArrayList<Attribute> atts = new ArrayList<>();
        for (int t = 0; t < d; t++) atts.add(new Attribute("a" + t));
        Instances train = new Instances("sample", atts, s);
        for (int i = 0; i < s; i++) train.add(new DenseInstance(1, Arrays.copyOfRange(data, idx[i] * d, idx[i] * d + d)));
        int[] labels = new int[n];
        try {
            if (m == Method.EM) {
                weka.clusterers.EM em = new weka.clusterers.EM();
                em.setSeed((int) seed);
                em.setNumClusters(-1); // choose k by cross-validation
                em.setMaximumNumberOfClusters(hi);
                em.setMaxIterations(100);
                em.buildClusterer(train);
                if (em.numberOfClusters() < lo) {
                    em = new weka.clusterers.EM();
                    em.setSeed((int) seed);
                    em.setNumClusters(lo);
                    em.buildClusterer(train);
                }
                DenseInstance inst = new DenseInstance(d);
                inst.setDataset(train);
                for (int i = 0; i < n; i++) {
                    if ((i & 65535) == 0 && cancelled.getAsBoolean()) throw new CancellationException("cancelled");
                    for (int t = 0; t < d; t++) inst.setValue(t, data[i * d + t]);
                    labels[i] = em.clusterInstance(inst);
                }
                summary.put("k_chosen", em.numberOfClusters());
            } else {
                weka.clusterers.XMeans xm = new weka.clusterers.XMeans();
                xm.setSeed((int) seed);
                xm.setMinNumClusters(lo);
                xm.setMaxNumClusters(hi);
                weka.core.EuclideanDistance dist = new weka.core.EuclideanDistance();
                dist.setDontNormalize(true);
                xm.setDistanceF(dist);
                xm.buildClusterer(train);
                Instances c = xm.getClusterCenters();
                int kk = c.numInstances();
                for (int i = 0; i < n; i++) {
                    if ((i & 65535) == 0 && cancelled.getAsBoolean()) throw new CancellationException("cancelled");
                    int best = 0;
                    double bd = Double.POSITIVE_INFINITY;
                    for (int j = 0; j < kk; j++) {
                        double ss = 0;
                        for (int t = 0; t < d; t++) {
                            double diff = data[i * d + t] - c.instance(j).value(t);
                            ss += diff * diff;
                        }
                        if (ss < bd) {
                            bd = ss;
                            best = j;
                        }
                    }
                    labels[i] = best;
                }
                summary.put("k_chosen", kk);
            }
        } catch (CancellationException e) {
            throw e;
        } catch (Exception e) {
            throw new ProcessException("method: Weka " + m + " failed: " + e.getMessage(), e);
        }
        summary.put("k_range", List.of(lo, hi));
        summary.put("training_sample", s);
        return labels;
    }

    static Map<String, Object> outputs(SimpleFeatureCollection incidents, Input in, int[] labels, double[] reach, Shape shape,
            double eps, Map<String, Object> summary) {
        ProjectedPoints pts = in.points();
        int n = pts.size();
        int clusters = 0;
        for (int l : labels) clusters = Math.max(clusters, l + 1);
        // members per cluster
        int[] size = new int[clusters];
        for (int l : labels) if (l >= 0) size[l]++;
        int[][] members = new int[clusters][];
        for (int c = 0; c < clusters; c++) members[c] = new int[size[c]];
        int[] fill = new int[clusters];
        for (int i = 0; i < n; i++) if (labels[i] >= 0) members[labels[i]][fill[labels[i]]++] = i;
        Geometry[] metric = new Geometry[clusters];
        java.util.stream.IntStream.range(0, clusters).parallel().forEach(c -> metric[c] = shape == Shape.ELLIPSE
                ? ClusterShapes.ellipse(pts.x(), pts.y(), members[c]) : ClusterShapes.hull(pts.x(), pts.y(), members[c]));
        // offenses (as codes), counted per cluster in one pass
        List<Map<String, Integer>> offenceCounts = offenceCounts(labels, in.offense(), n, clusters, in.offenseNames());
        // colours: clusters whose shapes touch or lie closer than max(eps, 1 % of the extent's diagonal)
        double[] ext = OptimizedHotSpotsProcess.extent(pts.x(), pts.y());
        double near = Math.max(eps, 0.01 * Math.hypot(ext[2] - ext[0], ext[3] - ext[1]));
        int[] colour = GraphColouring.colourShapes(metric, near);
        int maxColour = 0;
        for (int c : colour) maxColour = Math.max(maxColour, c);
        // incidents: each point's index by source position (-1: a feature without a point), its values made when a writer
        // asks for them
        int total = in.total();
        int[] pointAt = new int[total];
        if (n < total) Arrays.fill(pointAt, -1);
        for (int i = 0; i < n; i++) pointAt[pts.positions()[i]] = i;
        List<String> names = new ArrayList<>(List.of("CLUSTER_ID", "COLOR_ID"));
        List<Class<?>> types = new ArrayList<>(List.of(Integer.class, Integer.class));
        if (reach != null) {
            names.add("REACHABILITY");
            types.add(Double.class);
        }
        SimpleFeatureCollection result = AugmentedCollection.of(incidents, incidents.getSchema().getTypeName() + "_clustered",
                names, types, in.allIds(), p -> {
                    int i = pointAt[p];
                    Integer cluster = i < 0 ? null : labels[i], colourId = i < 0 ? null : labels[i] < 0 ? -1 : colour[labels[i]];
                    if (reach == null) return new Object[] {cluster, colourId};
                    return new Object[] {cluster, colourId, i < 0 || Double.isInfinite(reach[i]) ? null : reach[i]};
                });
        // cluster polygons
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName("clusters");
        tb.setCRS(pts.sourceCrs());
        tb.add("geom", Geometry.class);
        tb.add("CLUSTER_ID", Integer.class);
        tb.add("COLOR_ID", Integer.class);
        tb.add("CLUSTER_SIZE", Integer.class);
        tb.add("SHARE", Double.class);
        tb.add("MEAN_X", Double.class);
        tb.add("MEAN_Y", Double.class);
        tb.add("AREA_KM2", Double.class);
        tb.add("DENSITY_KM2", Double.class);
        tb.add("TOP_OFFENSE", String.class);
        tb.add("TOP_SHARE", Double.class);
        tb.add("TOP3", String.class);
        SimpleFeatureType ct = tb.buildFeatureType();
        List<SimpleFeature> cl = new ArrayList<>();
        GeometryFactory gf = new GeometryFactory();
        for (int c = 0; c < clusters; c++) {
            double mx = 0, my = 0;
            for (int i : members[c]) {
                mx += pts.x()[i];
                my += pts.y()[i];
            }
            Map<String, Integer> offences = offenceCounts.get(c);
            mx /= members[c].length;
            my /= members[c].length;
            Point centre = (Point) pts.toSource(gf.createPoint(new Coordinate(mx, my)));
            List<Map.Entry<String, Integer>> top = new ArrayList<>(offences.entrySet());
            top.sort((a, b) -> b.getValue() - a.getValue() != 0 ? b.getValue() - a.getValue() : a.getKey().compareTo(b.getKey()));
            double km2 = metric[c].getArea() / 1e6;
            StringBuilder top3 = new StringBuilder();
            for (int t = 0; t < Math.min(3, top.size()); t++) {
                if (t > 0) top3.append("; ");
                top3.append(top.get(t).getKey()).append(" (").append(top.get(t).getValue()).append(')');
            }
            cl.add(SimpleFeatureBuilder.build(ct, new Object[] {pts.toSource(metric[c]), c, colour[c], members[c].length,
                (double) members[c].length / n, centre.getX(), centre.getY(), km2, km2 > 0 ? members[c].length / km2 : null,
                top.isEmpty() ? null : top.get(0).getKey(), top.isEmpty() ? null : (double) top.get(0).getValue() / members[c].length,
                top3.length() == 0 ? null : top3.toString()}, "clusters." + c));
        }
        int noise = 0;
        for (int l : labels) if (l < 0) noise++;
        summary.put("clusters", clusters);
        summary.put("incidents", total);
        summary.put("clustered", n - noise);
        summary.put("noise", noise);
        summary.put("incidents_without_geometry", pts.nullGeometries());
        summary.put("first_without_geometry", pts.nullGeometrySamples());
        if (in.withoutHour() > 0) {
            summary.put("incidents_without_hour", in.withoutHour());
            summary.put("first_without_hour", in.firstWithoutHour());
        }
        summary.put("colours_used", clusters == 0 ? 0 : maxColour + 1);
        summary.put("adjacency_distance_m", near);
        summary.put("metric_crs", org.geotools.referencing.CRS.toSRS(pts.metricCrs()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("result", result);
        out.put("clusters", new ListFeatureCollection(ct, cl));
        out.put("style", org.crimeanalytics.style.Styles.clusterColours("crime_cluster_incidents", "Incidents by cluster", Sld.Kind.POINT, maxColour + 1));
        out.put("clustersStyle", org.crimeanalytics.style.Styles.clusterColours("crime_cluster_polygons", "Cluster polygons", Sld.Kind.POLYGON, maxColour + 1));
        out.put("summary", Json.pretty(summary));
        return out;
    }


    /**
     * Per cluster, the count of each offense value ({@code code}: the value's index in {@code names}, -1 none): a
     * table of clusters x values when that is small, else the (cluster, value) pairs sorted and counted in runs, so a
     * high-cardinality offense attribute with thousands of clusters needs memory in the incidents, not their product.
     */
    static List<Map<String, Integer>> offenceCounts(int[] labels, int[] code, int n, int clusters, List<String> names) {
        List<Map<String, Integer>> out = new ArrayList<>();
        for (int c = 0; c < clusters; c++) out.add(new HashMap<>());
        if ((long) clusters * names.size() <= 1 << 22) {
            int[][] counts = new int[clusters][names.size()];
            for (int i = 0; i < n; i++) if (labels[i] >= 0 && code[i] >= 0) counts[labels[i]][code[i]]++;
            for (int c = 0; c < clusters; c++) {
                for (int k = 0; k < names.size(); k++) if (counts[c][k] > 0) out.get(c).put(names.get(k), counts[c][k]);
            }
            return out;
        }
        long[] pairs = new long[n];
        int m = 0;
        for (int i = 0; i < n; i++) if (labels[i] >= 0 && code[i] >= 0) pairs[m++] = (long) labels[i] << 32 | code[i];
        Arrays.parallelSort(pairs, 0, m);
        for (int a = 0; a < m;) {
            int b = a;
            while (b < m && pairs[b] == pairs[a]) b++;
            out.get((int) (pairs[a] >>> 32)).put(names.get((int) pairs[a]), b - a);
            a = b;
        }
        return out;
    }

    /**
     * Used as an SLD rendering transformation, the statistics need every incident, not only those in
     * the requested tile: the query is widened to the whole layer (its attribute and property choices
     * kept), so tiles and GetFeatureInfo see the same result and edge cells have all their neighbours.
     * Give a fixed {@code crs} in the transformation so every tile uses the same grid.
     */
    public org.geotools.api.data.Query invertQuery(org.geotools.api.data.Query targetQuery,
            org.geotools.api.coverage.grid.GridGeometry gridGeometry) {
        return MapView.wholeLayer(targetQuery, OUTPUT_ATTRIBUTES);
    }

    /** The attributes this process adds, which the style rules of a transformation test. */
    static final java.util.Set<String> OUTPUT_ATTRIBUTES = java.util.Set.of("CLUSTER_ID", "COLOR_ID", "CLUSTER_SIZE", "SHARE", "MEAN_X", "MEAN_Y", "AREA_KM2", "DENSITY_KM2", "TOP_OFFENSE", "TOP_SHARE", "TOP3", "REACHABILITY", "CORE_DISTANCE");
}
