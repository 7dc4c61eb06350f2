package org.crimeanalytics.bench;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crimeanalytics.geo.GeoJson;
import org.crimeanalytics.geo.IncidentCollection;
import org.crimeanalytics.ingest.IncidentTable;
import org.crimeanalytics.io.Inputs;
import org.crimeanalytics.process.AggregateToAreasProcess;
import org.crimeanalytics.process.ClusterIncidentsProcess;
import org.crimeanalytics.process.HotSpotsProcess;
import org.crimeanalytics.process.ImportIncidentsProcess;
import org.crimeanalytics.grid.Grid;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;

/**
 * The whole 1.31 M-row Chicago pipeline - ingest, k-means clustering, Gi* on a 250 m hexagon grid,
 * counts per tract - printing time and peak heap per stage. Run it in a 1 GB heap:
 * {@code java -Xmx1g -jar target/crime-analytics.jar bench pipeline}.
 */
public final class PipelineBenchmark implements Benchmark {

    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public String description() {
        return "ingest -> ClusterIncidents -> HotSpots -> AggregateToAreas on 1.31 M Chicago rows; peak heap per stage (run with -Xmx1g)";
    }

    @Override
    public void run(String[] args, PrintStream out) throws Exception {
        out.printf("max heap: %.0f MB%n", Runtime.getRuntime().maxMemory() / 1048576.0);
        BenchSupport.resetPeakHeap();
        long t0 = System.nanoTime();
        List<IncidentTable> parts = new ArrayList<>();
        long rows = 0;
        for (Path f : BenchSupport.chicagoYears()) {
            try (InputStream in = Inputs.open(f, null)) {
                var r = ImportIncidentsProcess.ingest(in, f.getFileName().toString(), ImportIncidentsProcess.options(null, null, null, null, null, null), null, null, -1);
                rows += r.report().rowsRead();
                parts.add(r.table());
            }
        }
        IncidentTable all = IncidentTable.concat(parts);
        parts.clear();
        SimpleFeatureCollection inc = new IncidentCollection(all);
        stage(out, "ingest (" + rows + " rows, " + inc.size() + " incidents)", t0);
        t0 = System.nanoTime();
        Map<String, Object> cl = new ClusterIncidentsProcess().execute(inc, null, 10, null, null, null, null, 1, null, null, null, null, null, null, null, null, null, null, null);
        long clustered = 0;
        try (SimpleFeatureIterator it = ((SimpleFeatureCollection) cl.get("result")).features()) {
            while (it.hasNext()) if (it.next().getAttribute("CLUSTER_ID") != null) clustered++;
        }
        stage(out, "ClusterIncidents k-means k=10 (" + clustered + " labelled, result read through)", t0);
        t0 = System.nanoTime();
        Map<String, Object> hs = new HotSpotsProcess().execute(inc, null, null, 250.0, Grid.Shape.HEXAGON, null, null, 1000.0, null, true, null, null, null, null, null, null);
        stage(out, "HotSpots Gi* 250 m hexagons, 1 km band (" + ((SimpleFeatureCollection) hs.get("result")).size() + " cells)", t0);
        t0 = System.nanoTime();
        SimpleFeatureCollection tracts = GeoJson.read(BenchSupport.sharedData().resolve("chicago/tracts_sdoh.geojson"));
        Map<String, Object> ag = new AggregateToAreasProcess().execute(inc, tracts, "Pop2014", null, null, null, null, null, null, null, null, null, null, null);
        stage(out, "AggregateToAreas into " + ((SimpleFeatureCollection) ag.get("result")).size() + " tracts", t0);
        out.printf("overall peak heap (all pools, garbage included): %.0f MB of %.0f MB%n", BenchSupport.peakHeapMb(),
                Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    private static void stage(PrintStream out, String what, long t0) {
        out.printf("%-75s %6.2f s   peak heap so far %5.0f MB, live %5.0f MB%n", what, (System.nanoTime() - t0) / 1e9,
                BenchSupport.peakHeapMb(), BenchSupport.liveHeapMb());
    }
}
