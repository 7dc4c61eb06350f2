package org.crimeanalytics.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.crimeanalytics.areas.PointInPolygon;
import org.crimeanalytics.geo.GeoJson;
import org.crimeanalytics.geo.IncidentCollection;
import org.crimeanalytics.ingest.IncidentTable;
import org.crimeanalytics.process.AggregateToAreasProcess;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;

/** 1.31 M Chicago incidents into the 791 census tracts: point-in-polygon and the whole process. */
public final class AreasBenchmark implements Benchmark {

    @Override
    public String name() {
        return "areas";
    }

    @Override
    public String description() {
        return "crime:AggregateToAreas: 1.31 M Chicago incidents into 791 tracts; prepared-geometry index vs plain JTS covers";
    }

    @Override
    public void run(String[] args, PrintStream out) throws Exception {
        List<IncidentTable> tables = BenchSupport.chicagoTables();
        int rows = 0;
        for (IncidentTable t : tables) rows += t.size();
        double[] x = new double[rows], y = new double[rows];
        int k = 0;
        for (IncidentTable t : tables) {
            for (int i = 0; i < t.size(); i++) {
                x[k] = t.lon(i);
                y[k++] = t.lat(i);
            }
        }
        SimpleFeatureCollection tracts = GeoJson.read(BenchSupport.sharedData().resolve("chicago/tracts_sdoh.geojson"));
        List<Geometry> polys = new ArrayList<>();
        try (SimpleFeatureIterator it = tracts.features()) {
            while (it.hasNext()) polys.add((Geometry) it.next().getDefaultGeometry());
        }
        out.printf("%,d incidents, %d tracts%n", rows, polys.size());
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            PointInPolygon pip = new PointInPolygon(polys);
            int[] count = new int[polys.size()];
            int outside = 0;
            for (int i = 0; i < rows; i++) {
                int a = pip.locate(x[i], y[i], null);
                if (a < 0) outside++;
                else count[a]++;
            }
            double t = (System.nanoTime() - t0) / 1e9;
            out.printf("run %d: point-in-polygon (HPRtree + prepared) %.2f s = %,.0f points/s; %,d outside%n", rep + 1, t, rows / t, outside);
        }
        // baseline: an STR-tree, plain (unprepared) covers, on every 10th point, scaled up
        STRtree tree = new STRtree();
        for (int i = 0; i < polys.size(); i++) tree.insert(polys.get(i).getEnvelopeInternal(), i);
        GeometryFactory gf = new GeometryFactory();
        long t0 = System.nanoTime();
        int sample = 0;
        for (int i = 0; i < rows; i += 10) {
            Point p = gf.createPoint(new Coordinate(x[i], y[i]));
            for (Object o : tree.query(p.getEnvelopeInternal())) {
                if (polys.get((Integer) o).covers(p)) break;
            }
            sample++;
        }
        double base = (System.nanoTime() - t0) / 1e9 * rows / sample;
        out.printf("baseline: plain JTS covers through an STR-tree, %.2f s for all points (measured on every 10th)%n", base);
        IncidentCollection all = new IncidentCollection(IncidentTable.concat(tables));
        for (int rep = 0; rep < 3; rep++) {
            t0 = System.nanoTime();
            long counted = 0;
            var res = new AggregateToAreasProcess().execute(all, tracts, "Pop2014", null, null, null,
                    null, null, null, null, null, null, null, null);
            try (SimpleFeatureIterator it = ((SimpleFeatureCollection) res.get("result")).features()) {
                while (it.hasNext()) counted += (Integer) it.next().getAttribute("CRIME_COUNT");
            }
            out.printf("whole crime:AggregateToAreas (1.29 M features in; categories, rates, EB, spatial EB, breaks): %.2f s, %,d counted%n",
                    (System.nanoTime() - t0) / 1e9, counted);
        }
    }
}
