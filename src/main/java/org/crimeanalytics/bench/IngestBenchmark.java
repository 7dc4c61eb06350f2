package org.crimeanalytics.bench;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.crimeanalytics.ingest.IncidentIngest;
import org.crimeanalytics.ingest.IngestReport;
import org.crimeanalytics.ingest.Reason;
import org.crimeanalytics.io.Inputs;
import org.crimeanalytics.process.ImportIncidentsProcess;

/**
 * Ingestion speed and memory on the Chicago years: our streaming ingest (gzip on a second thread,
 * byte-level CSV, allocation-free dates) against a baseline that only parses the same files with
 * Commons CSV, measured in the same run.
 */
public final class IngestBenchmark implements Benchmark {

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public String description() {
        return "crime:ImportIncidents ingestion of the Chicago 2014-2018 .csv.gz files (1.31 M rows): rows/s, "
                + "peak heap, against Commons CSV parsing only [files...]";
    }

    @Override
    public void run(String[] args, PrintStream out) throws Exception {
        Path[] files = args.length > 0 ? java.util.Arrays.stream(args).map(Path::of).toArray(Path[]::new)
                : BenchSupport.chicagoYears();
        out.println("files: " + java.util.Arrays.toString(files));
        // warm-up on the first file (JIT), not counted
        ingest(new Path[] {files[0]}, null);

        System.gc();
        BenchSupport.resetPeakHeap();
        long t0 = System.nanoTime();
        List<IncidentIngest.Result> results = new ArrayList<>();
        long rows = ingest(files, results);
        double ours = (System.nanoTime() - t0) / 1e9;
        double peak = BenchSupport.peakHeapMb();
        double live = BenchSupport.liveHeapMb();
        long accepted = 0;
        long rejected = 0;
        for (IncidentIngest.Result r : results) {
            IngestReport rep = r.report();
            accepted += rep.accepted();
            rejected += rep.rejected();
            StringBuilder sb = new StringBuilder();
            for (Reason reason : Reason.values()) {
                if (rep.rejected(reason) > 0) sb.append(' ').append(reason.key()).append('=').append(rep.rejected(reason));
            }
            out.printf("  %-22s read %,9d accepted %,9d rejected %,6d:%s%n", rep.toMap().get("source"),
                    rep.rowsRead(), rep.accepted(), rep.rejected(), sb);
        }
        out.printf("ours:     %,d rows in %.2f s = %,.0f rows/s; accepted %,d + rejected %,d = %,d (%s)%n", rows, ours,
                rows / ours, accepted, rejected, accepted + rejected, accepted + rejected == rows ? "balanced" : "UNBALANCED");
        out.printf("          peak heap %.0f MB (all pools, incl. garbage); live after GC holding %,d incidents: %.0f MB%n",
                peak, accepted, live);
        results.clear();

        System.gc();
        t0 = System.nanoTime();
        long baseRows = 0;
        for (Path f : files) {
            try (InputStream in = Inputs.open(f, null);
                    Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
                    CSVParser p = CSVFormat.DEFAULT.builder().setHeader().build().parse(r)) {
                for (CSVRecord rec : p) {
                    baseRows += rec.size() > 0 ? 1 : 0;
                }
            }
        }
        double base = (System.nanoTime() - t0) / 1e9;
        out.printf("baseline: Commons CSV parse only (no dates, no features): %,d rows in %.2f s = %,.0f rows/s%n",
                baseRows, base, baseRows / base);
        out.printf("ratio:    ours / baseline time = %.2f (below 1: full ingest faster than parsing alone)%n", ours / base);
    }

    private static long ingest(Path[] files, List<IncidentIngest.Result> keep) throws Exception {
        long rows = 0;
        for (Path f : files) {
            try (InputStream in = Inputs.open(f, null)) {
                IncidentIngest.Result r = ImportIncidentsProcess.ingest(in, f.getFileName().toString(),
                        ImportIncidentsProcess.options(null, null, null, null, null, null), null, null, -1);
                rows += r.report().rowsRead();
                if (keep != null) keep.add(r);
            }
        }
        return rows;
    }
}
