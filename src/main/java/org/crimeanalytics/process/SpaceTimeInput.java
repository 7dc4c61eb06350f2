package org.crimeanalytics.process;

import java.util.Arrays;
import org.crimeanalytics.geo.ProjectedPoints;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.util.ProgressListener;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.process.ProcessException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** Incidents with a location in metres and a floating local time, read in one pass; skips counted. */
final class SpaceTimeInput {

    final ProjectedPoints points;
    final long[] time;
    final long read;
    final long withoutTime;
    final long withoutGeometry;
    final long monthOnly;

    private SpaceTimeInput(ProjectedPoints p, long[] t, long read, long noTime, long noGeom, long monthOnly) {
        this.points = p;
        this.time = t;
        this.read = read;
        this.withoutTime = noTime;
        this.withoutGeometry = noGeom;
        this.monthOnly = monthOnly;
    }

    /**
     * {@code skipMonthPrecision}: incidents whose time is only a month are skipped (and counted). Errors about the time
     * attribute name the {@code timeAttribute} parameter.
     */
    static SpaceTimeInput read(SimpleFeatureCollection fc, String timeAttribute, boolean skipMonthPrecision,
            CoordinateReferenceSystem crs, ProgressListener monitor) {
        return read(fc, timeAttribute, "timeAttribute", skipMonthPrecision, crs, monitor);
    }

    /** As {@link #read(SimpleFeatureCollection, String, boolean, CoordinateReferenceSystem, ProgressListener)}; errors about the time attribute name {@code timeParam}. */
    static SpaceTimeInput read(SimpleFeatureCollection fc, String timeAttribute, String timeParam, boolean skipMonthPrecision,
            CoordinateReferenceSystem crs, ProgressListener monitor) {
        if (fc == null) throw new ProcessException("incidents: required");
        String ta = timeAttribute == null ? "occurred" : timeAttribute;
        org.crimeanalytics.geo.FeatureTimes.check(fc, ta, timeParam, "incidents");
        if (fc.getSchema().getCoordinateReferenceSystem() == null) throw new ProcessException("incidents: the layer has no coordinate reference system");
        boolean prec = fc.getSchema().getDescriptor("time_precision") != null;
        if (fc instanceof org.crimeanalytics.geo.IncidentCollection ic) return readTable(ic, ta, timeParam, skipMonthPrecision, crs);
        int cap = 1024, n = 0;
        double[] xy = new double[2 * cap];
        long[] t = new long[cap];
        String[] ids = new String[cap];
        int[] pos = new int[cap];
        long read = 0, noTime = 0, noGeom = 0, month = 0;
        try (SimpleFeatureIterator it = fc.features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                read++;
                if ((read & 8191) == 0 && monitor != null && monitor.isCanceled()) throw new ProcessException("cancelled");
                Limits.checkIncidents(read, "incidents");
                long tm = org.crimeanalytics.geo.FeatureTimes.floating(f.getAttribute(ta));
                if (tm == org.crimeanalytics.ingest.FastDates.INVALID) {
                    noTime++;
                    continue;
                }
                if (skipMonthPrecision && prec && "month".equals(f.getAttribute("time_precision"))) {
                    month++;
                    continue;
                }
                Object g = f.getDefaultGeometry();
                if (!(g instanceof Geometry geom) || geom.isEmpty()) {
                    noGeom++;
                    continue;
                }
                Point p = geom instanceof Point pt ? pt : geom.getCentroid();
                if (n == cap) {
                    cap *= 2;
                    xy = Arrays.copyOf(xy, 2 * cap);
                    t = Arrays.copyOf(t, cap);
                    ids = Arrays.copyOf(ids, cap);
                    pos = Arrays.copyOf(pos, cap);
                }
                xy[2 * n] = p.getX();
                xy[2 * n + 1] = p.getY();
                t[n] = tm;
                ids[n] = f.getID();
                pos[n] = (int) (read - 1);
                n++;
            }
        }
        if (read == 0) throw org.crimeanalytics.geo.LayerChecks.empty("incidents");
        if (noTime == read) throw org.crimeanalytics.geo.FeatureTimes.noneHaveATime(ta, read, timeParam);
        if (n == 0) throw new ProcessException("incidents: no incident has both a location and a time");
        ProjectedPoints pts = ProjectedPoints.project(xy, Arrays.copyOf(ids, n), Arrays.copyOf(pos, n), n, (int) noGeom,
                java.util.List.of(), fc.getSchema().getCoordinateReferenceSystem(), crs, "incidents");
        return new SpaceTimeInput(pts, Arrays.copyOf(t, n), read, noTime, noGeom, month);
    }

    /** The fast path: an incident table's columns, one transform over all coordinates. */
    private static SpaceTimeInput readTable(org.crimeanalytics.geo.IncidentCollection ic, String ta, String timeParam, boolean skipMonthPrecision,
            CoordinateReferenceSystem crs) {
        org.crimeanalytics.ingest.IncidentTable table = ic.table();
        int total = table.size();
        Limits.checkIncidents(total, "incidents");
        if (total == 0) throw org.crimeanalytics.geo.LayerChecks.empty("incidents");
        boolean occurred = ta.equals(org.crimeanalytics.ingest.Incidents.OCCURRED);
        double[] xy = new double[2 * total];
        long[] t = new long[total];
        int[] pos = new int[total];
        long noTime = 0, month = 0;
        int n = 0;
        for (int i = 0; i < total; i++) {
            long tm = occurred ? table.occurred(i) : org.crimeanalytics.geo.FeatureTimes.floating(ic.attribute(i, ta));
            if (tm == org.crimeanalytics.ingest.IncidentTable.NO_TIME || tm == org.crimeanalytics.ingest.FastDates.INVALID) {
                noTime++;
                continue;
            }
            if (skipMonthPrecision && table.precision(i) == org.crimeanalytics.ingest.FastDates.Precision.MONTH) {
                month++;
                continue;
            }
            xy[2 * n] = table.lon(i);
            xy[2 * n + 1] = table.lat(i);
            t[n] = tm;
            pos[n] = i;
            n++;
        }
        if (noTime == total) throw org.crimeanalytics.geo.FeatureTimes.noneHaveATime(ta, total, timeParam);
        if (n == 0) throw new ProcessException("incidents: no incident has both a location and a time");
        ProjectedPoints pts = ProjectedPoints.projectTableRows(xy, Arrays.copyOf(pos, n), n, ic.getSchema().getCoordinateReferenceSystem(),
                crs, "incidents"); // ids (incident.N) made only if asked for
        return new SpaceTimeInput(pts, Arrays.copyOf(t, n), total, noTime, 0, month);
    }
}
