package org.crimeanalytics.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.crimeanalytics.grid.Grid;

/**
 * spark-submit entry point: {@code crime-analytics-spark.jar JOB --input PATH [--input PATH...] --output DIR [options]}.
 * <ul>
 *   <li>{@code ingest}: the incidents as Parquet (lon, lat, occurred, category, offense, ...), reject counts by reason;</li>
 *   <li>{@code hotspots --cell-size M [--shape SQUARE|HEXAGON] [--distance M] [--fdr]}: Gi* cells as Parquet;</li>
 *   <li>{@code emerging --cell-size M [--step DAY|WEEK|MONTH] [--distance M] [--time-steps K]}: emerging hot spot
 *       patterns per square cell as Parquet;</li>
 *   <li>{@code areas --areas PATH [--population ATTR] [--rate-base N] [--categories a,b | --top N]}: counts, rates,
 *       Empirical Bayes rates and density per area as GeoParquet;</li>
 *   <li>{@code clusters [--method KMEANS|DBSCAN] [--k 10] [--seed 1] [--eps 150] [--min-points 20] [--tile-size M]}: the
 *       incidents with CLUSTER_ID ({@code OUTPUT/incidents}) and one row per cluster ({@code OUTPUT/clusters});</li>
 *   <li>{@code kde --cell-size M [--bandwidth M | --bandwidth-rule SILVERMAN|SCOTT] [--kernel QUARTIC|...]
 *       [--shape SQUARE|HEXAGON] [--method AUTO|EXACT|BINNED]}: kernel density cells (KDE per km²) as Parquet.</li>
 * </ul>
 * Outputs are GeoParquet (geometry in longitude/latitude, CRS written as PROJJSON) or, for {@code --output
 * jdbc:postgresql://...?table=NAME}, a database table.
 * Common: {@code --format LAPD|CHICAGO|...}, {@code --columns field=Column;...}, {@code --date-order DMY|MDY},
 * {@code --time-zone ZONE}, {@code --crs EPSG:n} (a projected working CRS; default the data's UTM zone),
 * {@code --master local[2]} (else spark-submit's). The last line printed is a one-line summary; errors are one line
 * naming the argument, exit code 2.
 */
public final class Jobs {

    private Jobs() {}

    public static void main(String[] args) {
        int code;
        try {
            System.out.println(run(args));
            code = 0;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            code = 2;
        } catch (Exception e) {
            System.err.println("error: " + e);
            code = 1;
        }
        System.exit(code);
    }

    /** Runs a job; returns its one-line summary. */
    public static String run(String[] args) throws Exception {
        if (args.length == 0) throw new IllegalArgumentException("usage: JOB --input PATH --output DIR [options]; jobs: " + JOBS);
        String job = args[0];
        Map<String, List<String>> a = parse(args);
        List<String> inputs = a.getOrDefault("input", List.of());
        if (inputs.isEmpty()) throw new IllegalArgumentException("--input: give at least one file, directory or glob");
        String output = one(a, "output");
        if (output == null) throw new IllegalArgumentException("--output: give a directory for the results");
        check(job, a);
        SparkSession.Builder b = SparkSession.builder().appName("crime-analytics " + job);
        if (one(a, "master") != null) b.master(one(a, "master"));
        SparkSession spark = org.apache.sedona.spark.SedonaContext.create(b.getOrCreate()); // Sedona's types, functions and formats
        try {
            SparkIngest.Options o = new SparkIngest.Options();
            o.format = one(a, "format") == null ? null : choice(org.crimeanalytics.ingest.SourceFormat.class, one(a, "format"), null, "--format").name();
            o.columns = one(a, "columns");
            o.dateOrder = one(a, "date-order") == null ? null
                    : choice(org.crimeanalytics.ingest.FastDates.DateOrder.class, one(a, "date-order"), null, "--date-order").name();
            o.timeZone = one(a, "time-zone");
            long t0 = System.nanoTime();
            boolean overwrite = a.containsKey("overwrite");
            // the area layer and its population attribute first: a mistake there costs no ingest
            AreasJob.Areas areaLayer = null;
            if (job.equals("areas")) {
                areaLayer = AreasJob.read(spark, one(a, "areas"));
                AreasJob.population(areaLayer, one(a, "population"));
            }
            SparkIngest.Result in = SparkIngest.read(spark, inputs, o);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("job", job);
            summary.put("rows_read", in.rowsRead());
            summary.put("incidents", in.accepted());
            Map<String, Long> rej = new LinkedHashMap<>();
            in.rejected().forEach((k, v) -> rej.put(k.key(), v));
            summary.put("rejected", rej);
            if (in.accepted() == 0) throw new IllegalArgumentException("--input: no row was accepted as an incident (" + in.rowsRead()
                    + " rows read; rejected " + rej + ")");
            switch (job) {
                case "ingest" -> GeoOutput.write(in.incidents().drop("dup_key").selectExpr("*", "ST_Point(lon, lat) AS geometry"), output, overwrite);
                case "hotspots" -> {
                    String cs = one(a, "cell-size");
                    if (cs == null) throw new IllegalArgumentException("--cell-size: give the cell size in metres");
                    double cell = cellSize(cs);
                    Grid.Shape shape = shape(one(a, "shape"));
                    Double distance = a.containsKey("distance") ? number(one(a, "distance"), "--distance") : null;
                    HotSpotsJob.Result r = HotSpotsJob.run(spark, in.incidents(), projection(in.incidents(), in.accepted(), one(a, "crs")), shape, cell,
                            distance, a.containsKey("fdr"));
                    GeoOutput.write(r.cells(), output, overwrite);
                    summary.putAll(r.summary());
                    summary.put("fdr", a.containsKey("fdr"));
                }
                case "emerging" -> {
                    double cell = cellSize(required(a, "cell-size", "the cell size in metres"));
                    EmergingJob.Step step = choice(EmergingJob.Step.class, one(a, "step"), EmergingJob.Step.MONTH, "--step");
                    double band = a.containsKey("distance") ? number(one(a, "distance"), "--distance") : cell * 1.5;
                    int ts = a.containsKey("time-steps") ? count(one(a, "time-steps"), "--time-steps", 0, 52) : 1;
                    Dataset<Row> usable = EmergingJob.usable(in.incidents(), EmergingJob.Step.MONTH).cache();
                    long withTime = usable.count();
                    Dataset<Row> used = step == EmergingJob.Step.MONTH ? usable : EmergingJob.usable(usable, step).cache();
                    long n = step == EmergingJob.Step.MONTH ? withTime : used.count();
                    if (n == 0) throw new IllegalArgumentException("--input: no incident has both a location and a time");
                    summary.put("incidents_used", n);
                    summary.put("without_time", in.accepted() - withTime);
                    summary.put("month_only_time", withTime - n);
                    EmergingJob.Result r = EmergingJob.run(spark, used, projection(used, n, one(a, "crs")), cell, step, band, ts);
                    GeoOutput.write(r.cells(), output, overwrite);
                    summary.putAll(r.summary());
                }
                case "areas" -> {
                    AreasJob.Areas areas = areaLayer;
                    double base = a.containsKey("rate-base") ? positive(one(a, "rate-base"), "--rate-base") : 1000;
                    int top = a.containsKey("top") ? count(one(a, "top"), "--top", 0, 50) : 5;
                    AreasJob.Result r = AreasJob.run(spark, in.incidents(), areas, one(a, "population"), base, one(a, "categories"), top);
                    GeoOutput.write(r.areas(), output, overwrite);
                    summary.putAll(r.summary());
                }
                case "clusters" -> {
                    ClustersJob.Method m = choice(ClustersJob.Method.class, one(a, "method"), ClustersJob.Method.KMEANS, "--method");
                    int k = a.containsKey("k") ? count(one(a, "k"), "--k", 1, 1000) : 10;
                    long seed = a.containsKey("seed") ? count(one(a, "seed"), "--seed", 0, Integer.MAX_VALUE) : 1;
                    double eps = a.containsKey("eps") ? number(one(a, "eps"), "--eps") : 150;
                    int minPoints = a.containsKey("min-points") ? count(one(a, "min-points"), "--min-points", 1, 1_000_000) : 20;
                    double tile = a.containsKey("tile-size") ? number(one(a, "tile-size"), "--tile-size") : Math.max(5000, 20 * eps);
                    ClustersJob.Result r = ClustersJob.run(spark, in.incidents(), projection(in.incidents(), in.accepted(), one(a, "crs")), m, k,
                            seed, eps, minPoints, tile);
                    GeoOutput.write(r.incidents(), GeoOutput.part(output, "incidents"), overwrite);
                    GeoOutput.write(r.clusters(), GeoOutput.part(output, "clusters"), overwrite);
                    summary.putAll(r.summary());
                }
                case "kde" -> {
                    double cell = cellSize(required(a, "cell-size", "the cell size in metres"));
                    Double h = a.containsKey("bandwidth") ? number(one(a, "bandwidth"), "--bandwidth") : null;
                    if (h != null && (h < 1 || h > 1_000_000)) throw new IllegalArgumentException("--bandwidth: must be 1 to 1,000,000 metres, was " + h);
                    KdeJob.Result r = KdeJob.run(spark, in.incidents(), projection(in.incidents(), in.accepted(), one(a, "crs")),
                            choice(org.crimeanalytics.density.Kernel.class, one(a, "kernel"), org.crimeanalytics.density.Kernel.QUARTIC, "--kernel"), h,
                            choice(org.crimeanalytics.density.Bandwidth.Rule.class, one(a, "bandwidth-rule"), org.crimeanalytics.density.Bandwidth.Rule.SILVERMAN, "--bandwidth-rule"),
                            choice(Grid.Shape.class, one(a, "shape"), Grid.Shape.SQUARE, "--shape"), cell,
                            choice(org.crimeanalytics.density.KernelDensity.Method.class, one(a, "method"), org.crimeanalytics.density.KernelDensity.Method.AUTO, "--method"));
                    GeoOutput.write(r.cells(), output, overwrite);
                    summary.putAll(r.summary());
                }
                default -> throw new IllegalArgumentException("unknown job '" + job + "' (" + JOBS + ")");
            }
            summary.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
            summary.put("output", output);
            return org.crimeanalytics.json.Json.write(summary);
        } finally {
            spark.stop();
        }
    }

    /** The working CRS: the one given, else the UTM zone of the upper-median longitude and latitude of the n incidents used. */
    static Projection projection(Dataset<Row> d, long n, String crs) {
        if (crs != null) return new Projection(crs);
        double lon = SparkIngest.ranked(d, "lon", n, n / 2), lat = SparkIngest.ranked(d, "lat", n, n / 2);
        return Projection.utm(lon, lat);
    }

    /** A cell size: 1 to 1,000,000 metres, as the processes accept. */
    static double cellSize(String v) {
        double d = number(v, "--cell-size");
        if (d < 1 || d > 1_000_000) throw new IllegalArgumentException("--cell-size: must be 1 to 1,000,000 metres, was " + v);
        return d;
    }

    static double positive(String v, String name) {
        return positive(v, name, "a positive number");
    }

    /** A positive length in metres. */
    static double number(String v, String name) {
        return positive(v, name, "a positive number of metres");
    }

    private static double positive(String v, String name, String what) {
        try {
            double d = Double.parseDouble(v);
            if (!(d > 0) || Double.isInfinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": must be " + what + ", was '" + v + "'");
        }
    }

    static final String JOBS = "ingest, hotspots, emerging, kde, areas, clusters";

    /** The arguments each job takes (besides the common ones). */
    static final Map<String, List<String>> ARGS = Map.of(
            "ingest", List.of(),
            "hotspots", List.of("cell-size", "shape", "distance", "fdr"),
            "emerging", List.of("cell-size", "step", "distance", "time-steps"),
            "kde", List.of("cell-size", "bandwidth", "bandwidth-rule", "kernel", "shape", "method"),
            "areas", List.of("areas", "population", "rate-base", "categories", "top"),
            "clusters", List.of("method", "k", "seed", "eps", "min-points", "tile-size"));
    static final List<String> COMMON = List.of("input", "output", "overwrite", "master", "format", "columns", "date-order", "time-zone", "crs");

    /** Every argument checked before Spark starts: a typo or a bad value costs no ingest. */
    static void check(String job, Map<String, List<String>> a) {
        if (!ARGS.containsKey(job)) throw new IllegalArgumentException("unknown job '" + job + "' (" + JOBS + ")");
        for (String k : a.keySet()) {
            if (!COMMON.contains(k) && !ARGS.get(job).contains(k)) {
                throw new IllegalArgumentException("--" + k + ": not an argument of " + job + " (" + ARGS.get(job).stream().map(x -> "--" + x)
                        .collect(java.util.stream.Collectors.joining(", ")) + "; common: --input, --output, --format, --columns, --date-order, "
                        + "--time-zone, --crs, --overwrite, --master)");
            }
        }
        for (Map.Entry<String, List<String>> e : a.entrySet()) {
            if (!e.getKey().equals("input") && e.getValue().size() > 1) throw new IllegalArgumentException("--" + e.getKey() + ": given twice");
        }
        if (one(a, "columns") != null) {
            try {
                org.crimeanalytics.ingest.IncidentIngest.parseColumns(one(a, "columns"));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--columns: " + e.getMessage());
            }
        }
        if (!one(a, "output").startsWith("jdbc:") && !a.containsKey("overwrite")) {
            try {
                org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(one(a, "output"));
                if (out.getFileSystem(new org.apache.hadoop.conf.Configuration()).exists(out)) {
                    throw new IllegalArgumentException("--output: " + one(a, "output") + " exists; give another directory or add --overwrite");
                }
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("--output: cannot check " + one(a, "output") + ": " + e.getMessage());
            }
        }
        if (one(a, "output").startsWith("jdbc:") && !one(a, "output").matches(".*[?&]table=[^&]+.*")) {
            throw new IllegalArgumentException("--output: a JDBC URL needs table=NAME, e.g. jdbc:postgresql://host/db?table=hotspots");
        }
        if (one(a, "format") != null) choice(org.crimeanalytics.ingest.SourceFormat.class, one(a, "format"), null, "--format");
        if (one(a, "date-order") != null) choice(org.crimeanalytics.ingest.FastDates.DateOrder.class, one(a, "date-order"), null, "--date-order");
        if (one(a, "time-zone") != null) {
            try {
                java.time.ZoneId.of(one(a, "time-zone"));
            } catch (Exception e) {
                throw new IllegalArgumentException("--time-zone: not a time zone, was '" + one(a, "time-zone") + "' (e.g. America/Chicago)");
            }
        }
        if (one(a, "crs") != null) new Projection(one(a, "crs")).check();
        switch (job) {
            case "hotspots" -> {
                cellSize(required(a, "cell-size", "the cell size in metres"));
                shape(one(a, "shape"));
                if (a.containsKey("distance")) number(one(a, "distance"), "--distance");
            }
            case "emerging" -> {
                cellSize(required(a, "cell-size", "the cell size in metres"));
                choice(EmergingJob.Step.class, one(a, "step"), null, "--step");
                if (a.containsKey("distance")) number(one(a, "distance"), "--distance");
                if (a.containsKey("time-steps")) count(one(a, "time-steps"), "--time-steps", 0, 52);
            }
            case "kde" -> {
                cellSize(required(a, "cell-size", "the cell size in metres"));
                if (a.containsKey("bandwidth")) {
                    double h = number(one(a, "bandwidth"), "--bandwidth");
                    if (h < 1 || h > 1_000_000) throw new IllegalArgumentException("--bandwidth: must be 1 to 1,000,000 metres, was " + one(a, "bandwidth"));
                    if (a.containsKey("bandwidth-rule")) throw new IllegalArgumentException("--bandwidth-rule: only without --bandwidth (a rule chooses one)");
                }
                choice(org.crimeanalytics.density.Kernel.class, one(a, "kernel"), null, "--kernel");
                choice(org.crimeanalytics.density.Bandwidth.Rule.class, one(a, "bandwidth-rule"), null, "--bandwidth-rule");
                choice(Grid.Shape.class, one(a, "shape"), null, "--shape");
                choice(org.crimeanalytics.density.KernelDensity.Method.class, one(a, "method"), null, "--method");
            }
            case "areas" -> {
                required(a, "areas", "the area layer (GeoJSON, shapefile or GeoParquet in longitude/latitude)");
                if (a.containsKey("rate-base")) positive(one(a, "rate-base"), "--rate-base");
                if (a.containsKey("rate-base") && !a.containsKey("population")) throw new IllegalArgumentException("--rate-base: only with --population");
                if (a.containsKey("top")) count(one(a, "top"), "--top", 0, 50);
                if (a.containsKey("top") && a.containsKey("categories")) throw new IllegalArgumentException("--top: only without --categories");
            }
            case "clusters" -> {
                ClustersJob.Method m = choice(ClustersJob.Method.class, one(a, "method"), ClustersJob.Method.KMEANS, "--method");
                for (String k : m == ClustersJob.Method.KMEANS ? List.of("eps", "min-points", "tile-size") : List.of("k", "seed")) {
                    if (a.containsKey(k)) throw new IllegalArgumentException("--" + k + ": not an argument of --method " + m);
                }
                if (a.containsKey("k")) count(one(a, "k"), "--k", 1, 1000);
                if (a.containsKey("seed")) count(one(a, "seed"), "--seed", 0, Integer.MAX_VALUE);
                if (a.containsKey("eps")) number(one(a, "eps"), "--eps");
                if (a.containsKey("min-points")) count(one(a, "min-points"), "--min-points", 1, 1_000_000);
                double eps = a.containsKey("eps") ? number(one(a, "eps"), "--eps") : 150;
                if (a.containsKey("tile-size") && number(one(a, "tile-size"), "--tile-size") < 2 * eps) {
                    throw new IllegalArgumentException("--tile-size: must be at least 2 eps (" + 2 * eps + " m), was " + one(a, "tile-size"));
                }
            }
            default -> { }
        }
    }

    static String required(Map<String, List<String>> a, String name, String what) {
        String v = one(a, name);
        if (v == null) throw new IllegalArgumentException("--" + name + ": give " + what);
        return v;
    }

    static int count(String v, String name, int min, int max) {
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) throw new NumberFormatException();
            return i;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": must be a whole number from " + min + " to " + max + ", was '" + v + "'");
        }
    }

    static <E extends Enum<E>> E choice(Class<E> type, String v, E dflt, String name) {
        if (v == null) return dflt;
        for (E e : type.getEnumConstants()) if (e.name().equalsIgnoreCase(v)) return e;
        throw new IllegalArgumentException(name + ": one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", was '" + v + "'");
    }

    static Map<String, List<String>> parse(String[] args) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("'" + args[i] + "': expected --name value");
            String k = args[i].substring(2);
            boolean flag = k.equals("fdr") || k.equals("overwrite");
            String v = flag ? "true" : (++i < args.length ? args[i] : null);
            if (v == null) throw new IllegalArgumentException("--" + k + ": needs a value");
            m.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return m;
    }

    static String one(Map<String, List<String>> a, String k) {
        List<String> v = a.get(k);
        return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
    }

    static Grid.Shape shape(String v) {
        if (v == null) return Grid.Shape.HEXAGON;
        for (Grid.Shape s : Grid.Shape.values()) if (s.name().equalsIgnoreCase(v)) return s;
        throw new IllegalArgumentException("--shape: SQUARE or HEXAGON, was '" + v + "'");
    }
}
