package org.crimeanalytics.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.crimeanalytics.geo.IncidentCollection;
import org.crimeanalytics.ingest.IncidentTable;
import org.crimeanalytics.process.EmergingHotSpotsProcess;
import org.crimeanalytics.process.EvaluateHotspotsProcess;
import org.crimeanalytics.process.HotSpotsProcess;
import org.crimeanalytics.process.NearRepeatProcess;
import org.geotools.data.simple.SimpleFeatureCollection;

/**
 * Near repeat on 50,000 Chicago incidents with 99 permutations; Chicago 2016 hot spots evaluated on
 * 2017 (PAI at 5 % of the area); the 2014-2018 emerging hot spot map by month.
 */
public final class SpaceTimeBenchmark implements Benchmark {

    @Override
    public String name() {
        return "spacetime";
    }

    @Override
    public String description() {
        return "NearRepeat on 50 k Chicago incidents (99 permutations); 2016 hot spots evaluated on 2017; emerging hot spots 2014-2018 by month";
    }


    @Override
    public void run(String[] args, PrintStream out) throws Exception {
        List<IncidentTable> years = BenchSupport.chicagoTables();
        IncidentTable y2017 = years.get(3);
        // the first 50,000 incidents of 2017 in file order (about two months)
        List<IncidentTable> one = List.of(y2017);
        IncidentTable all2017 = IncidentTable.concat(one);
        IncidentCollection first50k = new IncidentCollection(prefix(all2017, 50_000));
        for (int rep = 0; rep < 2; rep++) {
            long t0 = System.nanoTime();
            Map<String, Object> r = new NearRepeatProcess().execute(first50k, null, null, null, 99, 1, null, null);
            double t = (System.nanoTime() - t0) / 1e9;
            out.printf("NearRepeat, 50,000 incidents, 99 permutations: %.2f s%n", t);
            if (rep == 1) out.println(r.get("table"));
        }
        long t0 = System.nanoTime();
        SimpleFeatureCollection hot2016 = (SimpleFeatureCollection) new HotSpotsProcess().execute(new IncidentCollection(years.get(2)), null, null,
                500.0, null, null, null, null, null, true, null, null, null, null, null, null).get("result");
        Map<String, Object> ev = new EvaluateHotspotsProcess().execute(hot2016, "GiZScore", new IncidentCollection(y2017), "JOIN_COUNT", "1,2,5,10,20", null);
        out.printf("Chicago 2016 Gi* (500 m hexagons) evaluated on 2017 (%.2f s):%n%s", (System.nanoTime() - t0) / 1e9, ev.get("table"));
        t0 = System.nanoTime();
        Map<String, Object> em = new EmergingHotSpotsProcess().execute(new IncidentCollection(IncidentTable.concat(years)), null, 1000.0,
                EmergingHotSpotsProcess.Step.MONTH, null, 1, null, null);
        out.printf("Emerging hot spots 2014-2018 by month, 1 km cells (%.2f s): %s%n", (System.nanoTime() - t0) / 1e9,
                org.crimeanalytics.json.Json.write(((Map<?, ?>) org.crimeanalytics.json.Json.parse((String) em.get("summary"))).get("patterns")));
    }

    static IncidentTable prefix(IncidentTable t, int n) {
        // a copy of the first n rows, through concat of a filtered view
        IncidentTable out = IncidentTable.concat(List.of(t));
        return out.head(n);
    }
}
