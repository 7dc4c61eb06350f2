package org.crimeanalytics.bench;

import java.io.PrintStream;
import java.util.List;
import org.crimeanalytics.geo.IncidentCollection;
import org.crimeanalytics.ingest.IncidentTable;
import org.crimeanalytics.process.TemporalProfileProcess;
import org.crimeanalytics.temporal.TemporalProfile;

/** crime:TemporalProfile on the 1.29 M Chicago incidents after ingest, against a bare counting loop over the same features. */
public final class TemporalBenchmark implements Benchmark {

    @Override
    public String name() {
        return "temporal";
    }

    @Override
    public String description() {
        return "crime:TemporalProfile of 1.29 M Chicago incidents (after ingest) vs a bare hour/month counting loop";
    }

    @Override
    public void run(String[] args, PrintStream out) throws Exception {
        List<IncidentTable> tables = BenchSupport.chicagoTables();
        IncidentCollection all = new IncidentCollection(IncidentTable.concat(tables));
        out.printf("incidents: %,d%n", all.size());
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            new TemporalProfileProcess().execute(all, null, null, null, null, null, null, null, null, null);
            double t = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            long[] hours = new long[24];
            long[] months = new long[1000];
            try (var it = all.features()) {
                while (it.hasNext()) {
                    java.util.Date d = (java.util.Date) it.next().getAttribute("occurred");
                    hours[TemporalProfile.hour(d.getTime())]++;
                    months[TemporalProfile.monthIndex(d.getTime()) % 1000]++;
                }
            }
            double base = (System.nanoTime() - t0) / 1e9;
            out.printf("run %d: crime:TemporalProfile %.2f s; bare counting loop over the same features %.2f s (ratio %.2f)%n",
                    rep + 1, t, base, t / base);
        }
    }
}
