package org.crimeanalytics.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.crimeanalytics.geo.ProjectedPoints;
import org.crimeanalytics.temporal.TemporalProfile;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.process.ProcessException;
import org.locationtech.jts.geom.Geometry;

/** Reads incidents and areas into the arrays the predict package works on. */
final class PredictSupport {

    private PredictSupport() {}

    /**
     * Incidents with time, metric location, premise and category (rows without time or geometry skipped, counted);
     * {@code dayOnly}: the incident's date has no time of day (day precision; month precision is skipped).
     */
    record Incidents(long[] time, boolean[] dayOnly, double[] x, double[] y, String[] premise, String[] area, String[] category, String[] ids,
            int[] position, long read, long skipped, ProjectedPoints points) {
        long dayOnlyCount() {
            long c = 0;
            for (boolean b : dayOnly) if (b) c++;
            return c;
        }
    }

    static Incidents incidents(SimpleFeatureCollection fc, CoordinateReferenceSystem metric) {
        SpaceTimeInput in = SpaceTimeInput.read(fc, "occurred", "incidents", true, metric, null); // no timeAttribute parameter here
        int n = in.time.length;
        String[] prem = new String[n], cat = new String[n], area = new String[n];
        boolean hasPrem = fc.getSchema().getDescriptor("premise") != null, hasCat = fc.getSchema().getDescriptor("category") != null;
        boolean hasArea = fc.getSchema().getDescriptor("area") != null;
        boolean hasPrec = fc.getSchema().getDescriptor("time_precision") != null;
        boolean[] dayOnly = new boolean[n];
        java.util.Map<String, Integer> pos = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) pos.put(in.points.ids()[i], i);
        try (SimpleFeatureIterator it = fc.features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                Integer i = pos.get(f.getID());
                if (i == null) continue;
                prem[i] = hasPrem && f.getAttribute("premise") != null ? f.getAttribute("premise").toString() : null;
                cat[i] = hasCat && f.getAttribute("category") != null ? f.getAttribute("category").toString() : null;
                area[i] = hasArea && f.getAttribute("area") != null ? f.getAttribute("area").toString() : null;
                dayOnly[i] = hasPrec && "day".equals(f.getAttribute("time_precision"));
            }
        }
        return new Incidents(in.time, dayOnly, in.points.x(), in.points.y(), prem, area, cat, in.points.ids(), in.points.positions(), in.read,
                in.withoutTime + in.withoutGeometry + in.monthOnly, in.points);
    }

    /** Area polygons, their features, and census values per area (null census attribute values are an error naming the area). */
    record Areas(List<SimpleFeature> features, List<Geometry> polygons, double[][] census) {}

    static Areas areas(SimpleFeatureCollection fc, List<String> censusAttributes) {
        List<SimpleFeature> feats = new ArrayList<>();
        List<Geometry> polys = new ArrayList<>();
        try (SimpleFeatureIterator it = fc.features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                feats.add(f);
                polys.add((Geometry) f.getDefaultGeometry());
            }
        }
        if (feats.isEmpty()) throw org.crimeanalytics.geo.LayerChecks.empty("areas");
        org.crimeanalytics.geo.LayerChecks.requireGeometries(polys, "areas");
        double[][] census = new double[feats.size()][censusAttributes.size()];
        for (String c : censusAttributes) {
            if (fc.getSchema().getDescriptor(c) == null) throw new ProcessException("censusAttributes: no attribute '" + c + "' in areas");
        }
        for (int a = 0; a < feats.size(); a++) {
            for (int k = 0; k < censusAttributes.size(); k++) {
                Object v = feats.get(a).getAttribute(censusAttributes.get(k));
                if (!(v instanceof Number num)) {
                    throw new ProcessException("censusAttributes: area " + feats.get(a).getID() + " has no number in '" + censusAttributes.get(k) + "'");
                }
                census[a][k] = num.doubleValue();
            }
        }
        return new Areas(feats, polys, census);
    }

    /**
     * Area index of every incident of {@code fc} with a time (-1 outside; those without geometry left out), and the
     * times: an incident table's columns, else one pass over the features; the incidents located at once
     * ({@link org.crimeanalytics.geo.AreaLocator#locateAll(double[], boolean[], int, java.util.function.IntFunction)}).
     * Errors name {@code param}: no incident with a time and a location, or none of them in an area (a model trained or
     * a forecast made on zeros means nothing).
     */
    static long[][] timesAndAreas(SimpleFeatureCollection fc, Areas areas, CoordinateReferenceSystem areaCrs, String param) {
        org.crimeanalytics.geo.AreaLocator locator = new org.crimeanalytics.geo.AreaLocator(areas.polygons(), areaCrs,
                fc.getSchema().getCoordinateReferenceSystem(), param);
        long[] time = new long[1024];
        double[] xy = new double[2048];
        boolean[] none = null; // features without a geometry (a table's rows all have a point)
        int m = 0; // incidents with a time
        long read = 0;
        java.util.function.IntFunction<String> idOf;
        if (fc instanceof org.crimeanalytics.geo.IncidentCollection ic) {
            org.crimeanalytics.ingest.IncidentTable t = ic.table();
            int n = t.size();
            read = n;
            time = new long[n];
            xy = new double[2 * n];
            int[] row = new int[n];
            for (int i = 0; i < n; i++) {
                long tm = ic.occurredFloating(i);
                if (tm == org.crimeanalytics.ingest.FastDates.INVALID) continue;
                time[m] = tm;
                xy[2 * m] = t.lon(i);
                xy[2 * m + 1] = t.lat(i);
                row[m++] = i;
            }
            idOf = k -> org.crimeanalytics.geo.IncidentCollection.id(row[k]);
        } else {
            List<String> ids = new ArrayList<>();
            none = new boolean[1024];
            try (SimpleFeatureIterator it = fc.features()) {
                while (it.hasNext()) {
                    SimpleFeature f = it.next();
                    read++;
                    long tm = org.crimeanalytics.geo.FeatureTimes.floating(f.getAttribute("occurred"));
                    if (tm == org.crimeanalytics.ingest.FastDates.INVALID) continue;
                    if (m == time.length) {
                        time = Arrays.copyOf(time, 2 * m);
                        xy = Arrays.copyOf(xy, 4 * m);
                        none = Arrays.copyOf(none, 2 * m);
                    }
                    time[m] = tm;
                    none[m] = !org.crimeanalytics.geo.AreaLocator.pointOf(f, xy, m);
                    m++;
                    ids.add(f.getID());
                }
            }
            idOf = ids::get;
        }
        int[] area = locator.locateAll(xy, none, m, idOf);
        int k = 0;
        for (int j = 0; j < m; j++) if (area[j] != org.crimeanalytics.geo.AreaLocator.NO_GEOMETRY) k++;
        long[][] out = new long[2][k];
        int inAreas = 0;
        for (int j = 0, q = 0; j < m; j++) {
            if (area[j] == org.crimeanalytics.geo.AreaLocator.NO_GEOMETRY) continue;
            out[0][q] = time[j];
            out[1][q++] = area[j];
            if (area[j] >= 0) inAreas++;
        }
        if (read == 0) throw org.crimeanalytics.geo.LayerChecks.empty(param);
        if (k == 0) throw new ProcessException(param + ": none of the " + read + " incidents has a time and a location");
        if (inAreas == 0) {
            throw new ProcessException(param + ": none of the " + k + " incidents with a time and a location lies in one of the "
                    + areas.polygons().size() + " areas; do the incidents and the areas cover the same place?");
        }
        return out;
    }

    static int firstMonth(long[] t) {
        int m = Integer.MAX_VALUE;
        for (long v : t) m = Math.min(m, TemporalProfile.monthIndex(v));
        return m;
    }

    static int lastMonth(long[] t) {
        int m = Integer.MIN_VALUE;
        for (long v : t) m = Math.max(m, TemporalProfile.monthIndex(v));
        return m;
    }

    static List<String> list(String csv) {
        List<String> l = new ArrayList<>();
        if (csv != null) for (String s : csv.split(",")) if (!s.isBlank()) l.add(s.trim());
        return l;
    }
}
