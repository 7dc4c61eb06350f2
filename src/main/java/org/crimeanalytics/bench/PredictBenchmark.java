package org.crimeanalytics.bench;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.crimeanalytics.geo.IncidentCollection;
import org.crimeanalytics.io.Inputs;
import org.crimeanalytics.process.ImportIncidentsProcess;
import org.crimeanalytics.process.PredictProcess;
import org.crimeanalytics.process.TrainModelProcess;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;

/**
 * RandomForest (100 trees) for the offense category on Chicago 2017: training time and heap at a
 * 50,000-row sample (the default) and, with the argument 'full', on every training row; then
 * prediction on all incidents. Baseline in the same run: J48 on the same sample.
 */
public final class PredictBenchmark implements Benchmark {

    @Override
    public String name() {
        return "predict";
    }

    @Override
    public String description() {
        return "RandomForest 100 trees, offense category, Chicago 2017: train (50 k sample; 'full': all) and predict all, vs J48";
    }

    @Override
    public void run(String[] args, PrintStream out) throws Exception {
        Path store = Files.createTempDirectory("crime-bench-models");
        System.setProperty("crime.modelStore", store.toString());
        SimpleFeatureCollection inc;
        try (InputStream in = Inputs.open(BenchSupport.sharedData().resolve("chicago/crimes_2017.csv.gz"), null)) {
            inc = new IncidentCollection(ImportIncidentsProcess.ingest(in, "2017", ImportIncidentsProcess.options(null, null, null, null, null, null),
                    null, null, -1).table());
        }
        out.printf("incidents: %,d (2017); train on the first 80 %% in time, test on the last 20 %%%n", inc.size());
        int[] sizes = args.length > 0 && args[0].equals("full") ? new int[] {50_000, 1_000_000} : new int[] {50_000};
        for (int rows : sizes) {
            for (var learner : new org.crimeanalytics.predict.Trainer.Learner[] {org.crimeanalytics.predict.Trainer.Learner.J48,
                org.crimeanalytics.predict.Trainer.Learner.RANDOM_FOREST}) {
                System.gc();
                BenchSupport.resetPeakHeap();
                long t0 = System.nanoTime();
                Map<String, Object> r = new TrainModelProcess().execute("bench_" + learner.name().toLowerCase(), null, inc, null, null, learner, 100,
                        null, null, null, 0, rows, 1, true, null);
                double t = (System.nanoTime() - t0) / 1e9;
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) org.crimeanalytics.json.Json.parse((String) r.get("metrics"));
                out.printf("%-13s train rows %,7d: %6.1f s (incl. test evaluation and importance), peak heap %5.0f MB; accuracy %.3f, "
                        + "kappa %.3f; majority baseline %.3f%n", learner, ((Number) m.get("train_rows")).longValue(), t,
                        BenchSupport.peakHeapMb(), ((Number) m.get("accuracy")).doubleValue(), ((Number) m.get("kappa")).doubleValue(),
                        ((Number) ((Map<?, ?>) m.get("baseline")).get("accuracy")).doubleValue());
            }
        }
        long t0 = System.nanoTime();
        Map<String, Object> p = new PredictProcess().execute("bench_random_forest", inc, null, null, null);
        long n = 0;
        try (SimpleFeatureIterator it = ((SimpleFeatureCollection) p.get("result")).features()) {
            while (it.hasNext()) if (it.next().getAttribute("PREDICTED_CATEGORY") != null) n++;
        }
        out.printf("predict with the forest on all incidents: %,d predicted in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
    }
}
