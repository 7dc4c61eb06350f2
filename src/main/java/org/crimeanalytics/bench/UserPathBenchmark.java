package org.crimeanalytics.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The user's whole path, timed as whole processes on this machine: the command-line runner (start-up to
 * written output) beside the peer a user would otherwise run, in the same run, alternating, median of
 * {@code rounds} (default 5: this VM drifts by 15-30 % between minutes) with the peak resident memory of each process (GNU time).
 *
 * <ul>
 *   <li>the seeds' job: read the Chicago 2014-2018 export, drop rows without a usable location, k-means
 *       (k = 10) the locations, summarise each cluster; CLI {@code crime:ClusterIncidents} against
 *       pandas + scikit-learn ({@code src/bench/python/seeds_kmeans.py}), on the five years joined into one
 *       CSV and on the five {@code .csv.gz} files; and the k-means SSE against the best of 10 independent
 *       k-means++ restarts on the same points;</li>
 *   <li>{@code crime:HotSpots} on a 250 m grid and {@code crime:AggregateToAreas} into the 791 census tracts,
 *       against the I/O floor ({@code cat} or {@code zcat} piped to {@code wc -l});</li>
 *   <li>{@code crime:EmergingHotSpots} on the five years (500 m cells, months);</li>
 *   <li>{@code crime:KernelDensity} (quartic, 500 m, 100 m cells, raster and summary written) against pandas + numpy +
 *       scipy's FFT convolution of a histogram ({@code src/bench/python/kde_numpy.py}).</li>
 * </ul>
 * Needs the shared data, {@code python3} with pandas and scikit-learn (Debian python3-pandas,
 * python3-sklearn) and {@code /usr/bin/time}; the joined CSV is written to {@code target/bench/}.
 */
public final class UserPathBenchmark implements Benchmark {

    @Override
    public String name() {
        return "user-path";
    }

    @Override
    public String description() {
        return "whole CLI commands (start-up to written output) on the Chicago 1.31 M rows beside pandas + scikit-learn and "
                + "the I/O floor, medians and peak RSS";
    }

    record Timing(double seconds, long rssKb, String output) {}

    @Override
    public void run(String[] args, PrintStream out) throws Exception { // args: [rounds] [command-name prefixes, comma-separated]
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path jar = jar();
        Path work = Paths.get("target", "bench");
        Files.createDirectories(work);
        Path joined = work.resolve("chicago_2014_2018.csv");
        if (!Files.exists(joined)) join(joined);
        String gzGlob = BenchSupport.sharedData().resolve("chicago").resolve("crimes_201*.csv.gz").toString();
        List<String> gz = new ArrayList<>();
        for (Path p : BenchSupport.chicagoYears()) gz.add(p.toString());
        Path tracts = BenchSupport.sharedData().resolve("chicago").resolve("tracts_sdoh.geojson");
        Path py = Paths.get("src", "bench", "python", "seeds_kmeans.py");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        // Debian's python3-pandas and python3-sklearn live with the system interpreter
        String python = System.getProperty("crime.python", Files.exists(Paths.get("/usr/bin/python3")) ? "/usr/bin/python3" : "python3");
        Map<String, List<String>> cmds = new LinkedHashMap<>();
        cmds.put("seeds CLI csv", List.of(java, "-Xmx2g", "-jar", jar.toString(), "run", "crime:ClusterIncidents",
                "incidents=@" + joined, "method=KMEANS", "k=10", "seed=1", "-o", "clusters=" + work.resolve("c.geojson"),
                "-o", "summary=" + work.resolve("c.json")));
        cmds.put("seeds pandas csv", List.of(python, py.toString(), work.resolve("py.json").toString(), joined.toString()));
        List<String> cliGz = new ArrayList<>(List.of(java, "-Xmx2g", "-jar", jar.toString(), "run", "crime:ClusterIncidents",
                "incidents=@" + gzGlob, "method=KMEANS", "k=10", "seed=1", "-o", "clusters=" + work.resolve("cg.geojson")));
        cmds.put("seeds CLI gz", cliGz);
        List<String> pyGz = new ArrayList<>(List.of(python, py.toString(), work.resolve("pyg.json").toString()));
        pyGz.addAll(gz);
        cmds.put("seeds pandas gz", pyGz);
        cmds.put("floor cat csv", List.of("sh", "-c", "cat " + joined + " | wc -l"));
        cmds.put("floor zcat gz", List.of("sh", "-c", "zcat " + String.join(" ", gz) + " | wc -l"));
        cmds.put("HotSpots csv", List.of(java, "-Xmx2g", "-jar", jar.toString(), "run", "crime:HotSpots", "incidents=@" + joined,
                "cellSize=250", "-o", "result=" + work.resolve("hs.geojson")));
        cmds.put("HotSpots gz", List.of(java, "-Xmx2g", "-jar", jar.toString(), "run", "crime:HotSpots", "incidents=@" + gzGlob,
                "cellSize=250", "-o", "result=" + work.resolve("hsg.geojson")));
        cmds.put("AggregateToAreas csv", List.of(java, "-Xmx2g", "-jar", jar.toString(), "run", "crime:AggregateToAreas",
                "incidents=@" + joined, "areas=@" + tracts, "-o", "result=" + work.resolve("ag.geojson")));
        cmds.put("AggregateToAreas gz", List.of(java, "-Xmx2g", "-jar", jar.toString(), "run", "crime:AggregateToAreas",
                "incidents=@" + gzGlob, "areas=@" + tracts, "-o", "result=" + work.resolve("agg.geojson")));
        cmds.put("EmergingHotSpots gz", List.of(java, "-Xmx2g", "-jar", jar.toString(), "run", "crime:EmergingHotSpots",
                "incidents=@" + gzGlob, "cellSize=500", "step=MONTH", "-o", "result=" + work.resolve("eh.geojson")));
        cmds.put("KDE CLI csv", List.of(java, "-Xmx2g", "-jar", jar.toString(), "run", "crime:KernelDensity", "incidents=@" + joined,
                "bandwidth=500", "cellSize=100", "-o", "raster=" + work.resolve("kde.tif"), "-o", "summary=" + work.resolve("kde.json")));
        cmds.put("KDE numpy csv", List.of(python, Paths.get("src", "bench", "python", "kde_numpy.py").toString(),
                work.resolve("kde_py").toString(), joined.toString()));
        if (args.length > 1) { // e.g. "KDE", or "AggregateToAreas gz,floor zcat": only the commands so named
            List<String> prefixes = List.of(args[1].split(","));
            cmds.keySet().removeIf(c -> prefixes.stream().noneMatch(c::startsWith));
        }
        Map<String, List<Timing>> times = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) { // alternating: every command once per round
            for (Map.Entry<String, List<String>> c : cmds.entrySet()) {
                Timing t = time(c.getValue());
                times.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(t);
                out.printf("  round %d %-22s %6.2f s %8.0f MB%n", r + 1, c.getKey(), t.seconds, t.rssKb / 1024.0);
            }
        }
        out.println();
        out.printf("%-22s %10s %10s%n", "command (median of " + rounds + ")", "wall s", "peak RSS");
        Map<String, double[]> med = new LinkedHashMap<>();
        for (Map.Entry<String, List<Timing>> e : times.entrySet()) {
            double[] w = e.getValue().stream().mapToDouble(Timing::seconds).sorted().toArray();
            double[] m = e.getValue().stream().mapToDouble(t -> t.rssKb / 1024.0).sorted().toArray();
            med.put(e.getKey(), new double[] {w[w.length / 2], m[m.length / 2]});
            out.printf("%-22s %10.2f %8.0f MB%n", e.getKey(), w[w.length / 2], m[m.length / 2]);
        }
        out.println();
        if (args.length > 1) {
            if (med.containsKey("KDE CLI csv") && med.containsKey("KDE numpy csv")) kdeLine(med, out);
            for (String p : new String[] {"HotSpots", "AggregateToAreas", "EmergingHotSpots"}) {
                for (String f : new String[] {"csv", "gz"}) {
                    double[] c = med.get(p + " " + f), floor = med.get(f.equals("csv") ? "floor cat csv" : "floor zcat gz");
                    if (c != null && floor != null) {
                        out.printf("%s %s: %.2f s = %.1fx the I/O floor (%.2f s)%n", p, f, c[0], c[0] / floor[0], floor[0]);
                    }
                }
            }
            return;
        }
        for (String f : new String[] {"csv", "gz"}) {
            double[] cli = med.get("seeds CLI " + f), pd = med.get("seeds pandas " + f);
            out.printf("seeds' job (%s): CLI %.2f s vs pandas + sklearn %.2f s: %.2fx faster; peak RSS %.0f MB vs %.0f MB (%.2fx)%n",
                    f, cli[0], pd[0], pd[0] / cli[0], cli[1], pd[1], cli[1] / pd[1]);
        }
        for (String p : new String[] {"HotSpots", "AggregateToAreas"}) {
            double[] c = med.get(p + " csv"), g = med.get(p + " gz");
            out.printf("%s: csv %.2f s = %.1fx the I/O floor (%.2f s); gz %.2f s = %.1fx the I/O floor (%.2f s)%n", p, c[0],
                    c[0] / med.get("floor cat csv")[0], med.get("floor cat csv")[0], g[0], g[0] / med.get("floor zcat gz")[0],
                    med.get("floor zcat gz")[0]);
        }
        kdeLine(med, out);
        sse(work.resolve("c.json"), joined, out);
    }

    private static void kdeLine(Map<String, double[]> med, PrintStream out) {
        double[] kc = med.get("KDE CLI csv"), kp = med.get("KDE numpy csv");
        out.printf("KDE (quartic 500 m, 100 m cells): CLI %.2f s vs pandas + numpy + scipy FFT %.2f s: %.2fx; peak RSS %.0f MB vs %.0f MB%n",
                kc[0], kp[0], kp[0] / kc[0], kc[1], kp[1]);
    }

    /** The CLI's k-means SSE against the best of 10 independent k-means++ restarts on the same points. */
    static void sse(Path summary, Path csv, PrintStream out) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) org.crimeanalytics.json.Json.parse(Files.readString(summary));
        double ours = ((Number) s.get("sse_m2")).doubleValue();
        org.crimeanalytics.ingest.IncidentIngest.Result r = org.crimeanalytics.process.ImportIncidentsProcess.ingestFiles(
                List.of(csv), "csv", org.crimeanalytics.process.ImportIncidentsProcess.options(null, null, null, null, null, null), null);
        org.crimeanalytics.geo.ProjectedPoints p = org.crimeanalytics.geo.ProjectedPoints.extract(
                new org.crimeanalytics.geo.IncidentCollection(r.table()), null, false, "incidents", null);
        double[] flat = new double[2 * p.size()];
        for (int i = 0; i < p.size(); i++) {
            flat[2 * i] = p.x()[i];
            flat[2 * i + 1] = p.y()[i];
        }
        org.crimeanalytics.cluster.DistinctRows u = org.crimeanalytics.cluster.DistinctRows.of(flat, 2);
        double best = Double.POSITIVE_INFINITY;
        for (int seed = 100; seed < 110; seed++) { // one k-means++ start each, Lloyd to convergence on all points
            best = Math.min(best, new org.crimeanalytics.cluster.KMeans(10, 300, 1, seed).fit(u.data(), 2, u.weights(), null).sse());
        }
        out.printf("k-means SSE: CLI %.6e m2, best of 10 independent k-means++ restarts %.6e m2: ratio %.5f (within 1 %%: %s)%n",
                ours, best, ours / best, ours <= best * 1.01);
    }

    static Path jar() {
        Path p = Paths.get("target", "crime-analytics.jar");
        if (!Files.exists(p)) throw new IllegalStateException("build first: mvn -B -q -DskipTests package");
        return p;
    }

    /**
     * Runs a command under GNU time: wall seconds and peak RSS. GNU time reports the peak of the command's largest
     * process alone; the CLI runs in two JVMs (cli.Relaunch: a launcher waits for the run), so the other processes of
     * the command are added at their largest proportional set size (Pss, {@code /proc/PID/smaps_rollup}, read every
     * 100 ms while they live: pages shared with the largest process, such as the JVM's library and class archives,
     * count by their share, not twice). Every command is counted the same way.
     */
    static Timing time(List<String> cmd) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "TIME %e %M"));
        full.addAll(cmd);
        ProcessBuilder pb = new ProcessBuilder(full);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        java.util.concurrent.CompletableFuture<String> text = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        java.util.Map<Long, long[]> seen = new java.util.HashMap<>(); // pid -> {peak RSS, largest Pss} in KB
        while (!p.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(h -> {
                long hwm = procKb(h.pid(), "status", "VmHWM:");
                long pss = procKb(h.pid(), "smaps_rollup", "Pss:");
                long[] v = seen.computeIfAbsent(h.pid(), k -> new long[2]);
                v[0] = Math.max(v[0], hwm);
                v[1] = Math.max(v[1], pss);
            });
        }
        int code = p.exitValue();
        String output = text.join();
        if (code != 0) throw new IllegalStateException("failed (" + code + "): " + String.join(" ", cmd) + "\n" + output);
        String[] last = output.lines().filter(l -> l.startsWith("TIME ")).reduce((a, b) -> b).orElseThrow().split(" ");
        long largest = Long.parseLong(last[2]);
        long top = seen.entrySet().stream().max(java.util.Comparator.comparingLong(e -> e.getValue()[0])).map(java.util.Map.Entry::getKey).orElse(-1L);
        long others = seen.entrySet().stream().filter(e -> e.getKey() != top).mapToLong(e -> e.getValue()[1]).sum();
        return new Timing(Double.parseDouble(last[1]), largest + others, output);
    }

    /** A field in KB of a live process's {@code /proc/PID/file} ("VmHWM:", "Pss:"); 0 if it is gone or unreadable. */
    static long procKb(long pid, String file, String field) {
        try {
            for (String l : Files.readAllLines(Paths.get("/proc", Long.toString(pid), file))) {
                if (l.startsWith(field)) return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | RuntimeException e) {
            // ended between the listing and the read
        }
        return 0;
    }

    /** The five Chicago years joined into one CSV (one header). */
    static void join(Path joined) throws IOException {
        try (OutputStream o = Files.newOutputStream(joined)) {
            boolean first = true;
            for (Path f : BenchSupport.chicagoYears()) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(f), 1 << 16)) {
                    byte[] all = in.readAllBytes();
                    int start = 0;
                    if (!first) {
                        while (all[start] != '\n') start++;
                        start++;
                    }
                    o.write(Arrays.copyOfRange(all, start, all.length));
                    first = false;
                }
            }
        }
    }
}
