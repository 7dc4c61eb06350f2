package org.crimeanalytics.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.crimeanalytics.ingest.CsvRowSource;
import org.crimeanalytics.ingest.IncidentIngest;
import org.crimeanalytics.ingest.IncidentTable;
import org.crimeanalytics.ingest.LocationScreen;
import org.crimeanalytics.ingest.Reason;
import org.crimeanalytics.ingest.SourceFormat;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

/**
 * Incident exports read on the executors by the core importer ({@link IncidentIngest#parse}, the command line's rules:
 * column mapping, dates, categories, coordinates) and settled over the whole input in Spark as
 * {@link IncidentIngest#finish} settles them on one machine: duplicates (the first row of a key in input order kept),
 * then placeholder and outlier locations ({@link LocationScreen}'s rules, with exact medians). A plain file is cut into
 * parts at line ends (one part per file when a cut falls inside a quoted field); a compressed file is one part.
 */
public final class SparkIngest {

    private SparkIngest() {}

    /** The importer's options the jobs expose. */
    public static final class Options implements Serializable {
        private static final long serialVersionUID = 1L;
        public String format; // a SourceFormat name, null: detect
        public String columns; // field=Column;...
        public String dateOrder; // DMY or MDY
        public String timeZone;
        public boolean screenLocations = true;
        public long partBytes = 64L << 20;

        IncidentIngest.Options build() {
            IncidentIngest.Options o = new IncidentIngest.Options();
            if (format != null) o.format = SourceFormat.valueOf(format);
            o.columns.putAll(IncidentIngest.parseColumns(columns));
            if (dateOrder != null) o.dateOrder = org.crimeanalytics.ingest.FastDates.DateOrder.valueOf(dateOrder);
            if (timeZone != null) o.timeZone = java.time.ZoneId.of(timeZone);
            o.screenLocations = screenLocations;
            return o;
        }
    }

    /** The accepted incidents and the counts of the run. */
    public record Result(Dataset<Row> incidents, long rowsRead, long accepted, Map<Reason, Long> rejected, String format,
            Map<String, String> columns, LocationScreen.Measure centre) {}

    /** One part to parse: file {@code file} (index {@code fileIndex}), bytes [start, end) or the whole file (start -1). */
    record Job(int fileIndex, int partIndex, String file, long start, long end) implements Serializable {}

    /** Schema of the incident rows. */
    public static final StructType SCHEMA = new StructType()
            .add("file", DataTypes.IntegerType, false).add("part", DataTypes.IntegerType, false).add("line", DataTypes.LongType, false)
            .add("dup_key", DataTypes.StringType, true).add("incident_id", DataTypes.StringType, true)
            .add("occurred", DataTypes.LongType, true).add("time_precision", DataTypes.StringType, true)
            .add("category", DataTypes.StringType, true).add("offense", DataTypes.StringType, true)
            .add("area", DataTypes.StringType, true).add("lon", DataTypes.DoubleType, false).add("lat", DataTypes.DoubleType, false);

    public static Result read(SparkSession spark, List<String> inputs, Options options) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<String> files = expand(inputs, conf);
        if (files.isEmpty()) throw new IllegalArgumentException("--input: no file matches " + inputs);
        long parquets = files.stream().filter(f -> f.toLowerCase(java.util.Locale.ROOT).endsWith(".parquet")).count();
        if (parquets > 0 && parquets < files.size()) throw new IllegalArgumentException("--input: mixes Parquet and text files: " + files);
        if (parquets > 0) {
            Dataset<Row> d = spark.read().parquet(files.toArray(new String[0]));
            if (java.util.Arrays.asList(d.columns()).containsAll(INGESTED)) return ingested(d);
            return settle(spark, parquetExport(spark, d, options), options);
        }
        // the mapping, from the first file's header and first rows (the same on every executor: plan() is deterministic)
        List<String> header;
        List<String[]> sample;
        char delimiter;
        boolean decimalComma;
        try (CsvRowSource head = new CsvRowSource(open(files.get(0), conf))) {
            header = head.header();
            sample = head.sample();
            delimiter = head.delimiter();
            decimalComma = head.decimalComma();
        }
        IncidentIngest.Plan plan = new IncidentIngest(options.build()).plan(header, sample, false, decimalComma);
        List<Job> jobs = jobs(files, conf, options.partBytes);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Parsed parsed = parse(sc, jobs, header, sample, delimiter, decimalComma, options);
        if (parsed.quoteCut) { // a cut fell inside a quoted field: every file in one piece
            List<Job> whole = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) whole.add(new Job(i, 0, files.get(i), -1, -1));
            parsed = parse(sc, whole, header, sample, delimiter, decimalComma, options);
        }
        return settle(spark, new Exported(parsed, plan), options);
    }

    /** What the parsing of an export gives: rows and counts, and the column plan. */
    record Exported(Parsed parsed, IncidentIngest.Plan plan) {}

    /** The columns of this job's own ingest output (GeoParquet), read back as incidents without parsing again. */
    static final List<String> INGESTED = List.of("file", "part", "line", "incident_id", "occurred", "time_precision", "category", "offense",
            "area", "lon", "lat");

    static Result ingested(Dataset<Row> d) {
        Dataset<Row> rows = d.select(INGESTED.stream().map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new))
                .withColumn("dup_key", functions.lit(null).cast(DataTypes.StringType)).cache();
        long n = rows.count();
        return new Result(rows, n, n, new LinkedHashMap<>(), "INGESTED", new LinkedHashMap<>(), null);
    }

    /** Duplicates over the whole input, then the location screen, as the single-machine importer settles a table. */
    static Result settle(SparkSession spark, Exported ex, Options options) {
        Parsed parsed = ex.parsed();
        IncidentIngest.Plan plan = ex.plan();
        Map<Reason, Long> rejected = new LinkedHashMap<>(parsed.rejected);
        Dataset<Row> rows = spark.createDataFrame(parsed.rows, SCHEMA);
        // duplicates over the whole input: the first row of a key, in input order, is kept
        if (plan.deduplicates()) {
            Dataset<Row> keyed = rows.filter(col("dup_key").isNotNull())
                    .withColumn("rn", row_number().over(Window.partitionBy("dup_key").orderBy("file", "part", "line")));
            long dups = keyed.filter(col("rn").gt(1)).count();
            if (dups > 0) {
                rejected.merge(Reason.DUPLICATE_ID, dups, Long::sum);
                rows = rows.filter(col("dup_key").isNull()).unionByName(keyed.filter(col("rn").equalTo(1)).drop("rn"));
            }
        }
        rows = rows.cache();
        Dataset<Row> settled = rows;
        LocationScreen.Measure centre = null;
        Screen s = null;
        if (options.screenLocations) {
            s = screen(spark, rows);
            rows = s.kept;
            centre = s.centre;
            for (Map.Entry<Reason, Long> e : s.rejected.entrySet()) rejected.merge(e.getKey(), e.getValue(), Long::sum);
        }
        rows = rows.cache();
        long accepted = rows.count();
        // the incidents are cached: the intermediate caches go
        if (settled != rows) settled.unpersist();
        if (s != null && s.measured() != null) s.measured().unpersist();
        if (parsed.cached() != null) parsed.cached().unpersist();
        return new Result(rows, parsed.rowsRead, accepted, rejected, plan.mapping().format().name(), names(plan), centre);
    }

    private static Map<String, String> names(IncidentIngest.Plan plan) {
        Map<String, String> m = new LinkedHashMap<>();
        plan.mapping().names().forEach((k, v) -> m.put(k.key(), v));
        return m;
    }

    /** {@code cached}: the parsed parts' cache, released once the incidents are cached. */
    record Parsed(JavaRDD<Object> cached, JavaRDD<Row> rows, long rowsRead, Map<Reason, Long> rejected, boolean quoteCut) {}

    /** What one part returns besides its rows. */
    record PartSummary(int fileIndex, int partIndex, long rowsRead, Map<Reason, Long> rejected, boolean endedInQuote, boolean last)
            implements Serializable {}

    private static Parsed parse(JavaSparkContext sc, List<Job> jobs, List<String> header, List<String[]> sample, char delimiter,
            boolean decimalComma, Options options) {
        ArrayList<String> h = new ArrayList<>(header);
        // the header and sample rows travel once per executor (a broadcast), not in every task
        org.apache.spark.broadcast.Broadcast<ArrayList<String[]>> smp = sc.broadcast(new ArrayList<>(sample));
        int n = jobs.size();
        JavaRDD<Object> out = sc.parallelize(jobs, Math.max(1, n)).mapPartitions(it -> {
            List<Object> res = new ArrayList<>();
            Configuration conf = new Configuration();
            IncidentIngest ingest = new IncidentIngest(options.build());
            IncidentIngest.Plan plan = ingest.plan(h, smp.value(), false, decimalComma);
            while (it.hasNext()) {
                Job j = it.next();
                boolean inQuote;
                IncidentIngest.Part part;
                if (j.start < 0) {
                    try (CsvRowSource src = new CsvRowSource(open(j.file, conf))) {
                        if (!src.header().equals(h)) throw new IllegalArgumentException(j.file + ": its header differs from the first file's");
                        part = ingest.parse(plan, src, 0, () -> false, null);
                        inQuote = false;
                    }
                } else {
                    try (CsvRowSource src = new CsvRowSource(region(j.file, j.start, j.end, conf), h, delimiter, 1)) {
                        part = ingest.parse(plan, src, 0, () -> false, null);
                        inQuote = src.endedInsideQuote();
                    }
                }
                emit(res, j.fileIndex, j.partIndex, plan, part, inQuote, j.end < 0 || isLast(j, jobs));
            }
            return res.iterator();
        });
        return gather(out);
    }

    /** The rows of a parsed part and its summary, into {@code res}. */
    static void emit(List<Object> res, int fileIndex, int partIndex, IncidentIngest.Plan plan, IncidentIngest.Part part, boolean inQuote,
            boolean last) {
        IncidentTable t = part.table();
        for (int i = 0; i < t.size(); i++) {
            long occ = t.occurred(i);
            res.add(RowFactory.create(fileIndex, partIndex, t.line(i), plan.deduplicates() ? part.duplicateKey(i) : null,
                    t.text(IncidentTable.ID, i), occ == IncidentTable.NO_TIME ? null : occ,
                    t.precision(i) == null ? null : t.precision(i).name().toLowerCase(java.util.Locale.ROOT),
                    t.text(IncidentTable.CATEGORY, i), t.text(IncidentTable.OFFENSE, i), t.text(IncidentTable.AREA, i),
                    t.lon(i), t.lat(i)));
        }
        Map<Reason, Long> rej = new LinkedHashMap<>();
        for (Reason r : Reason.values()) if (part.report().rejected(r) > 0) rej.put(r, part.report().rejected(r));
        res.add(new PartSummary(fileIndex, partIndex, part.report().rowsRead(), rej, inQuote, last));
    }

    /** Rows and summaries of parsed parts, gathered. */
    static Parsed gather(JavaRDD<Object> out) {
        out = out.cache();
        JavaRDD<Row> rows = out.filter(o -> o instanceof Row).map(o -> (Row) o);
        List<Object> summaries = out.filter(o -> o instanceof PartSummary).collect();
        long read = 0;
        boolean quoteCut = false;
        Map<Reason, Long> rej = new LinkedHashMap<>();
        for (Object o : summaries) {
            PartSummary s = (PartSummary) o;
            read += s.rowsRead;
            s.rejected.forEach((k, v) -> rej.merge(k, v, Long::sum));
            if (s.endedInQuote && !s.last) quoteCut = true;
        }
        return new Parsed(out, rows, read, rej, quoteCut);
    }

    /**
     * A city's export as Parquet (any columns; typed values read by {@link ValueRows}' rules, text by the CSV rules):
     * the column mapping from the column names and the first 5,000 rows, each Spark partition parsed by the core
     * importer. A binary {@code geometry} column (GeoParquet, WKB points in longitude/latitude) gives the location.
     * Input order, for "the first of duplicates", is Spark's partition order.
     */
    static Exported parquetExport(SparkSession spark, Dataset<Row> d, Options options) {
        List<String> header = new ArrayList<>();
        int geometry = -1;
        org.apache.spark.sql.types.StructField[] fields = d.schema().fields();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].dataType() instanceof org.apache.spark.sql.types.BinaryType) {
                if (fields[i].name().equalsIgnoreCase("geometry")) geometry = i;
                continue;
            }
            header.add(fields[i].name());
        }
        List<String> cols = new ArrayList<>(header);
        if (geometry >= 0) cols.add(fields[geometry].name());
        Dataset<Row> sel = d.select(cols.stream().map(c -> col("`" + c + "`")).toArray(org.apache.spark.sql.Column[]::new));
        List<String[]> sample = new ArrayList<>();
        for (Row r : sel.limit(5000).collectAsList()) {
            String[] v = new String[header.size()];
            for (int i = 0; i < v.length; i++) v[i] = org.crimeanalytics.ingest.ValueRows.asText(r.get(i));
            sample.add(v);
        }
        boolean geom = geometry >= 0;
        IncidentIngest.Plan plan = new IncidentIngest(options.build()).plan(header, sample, geom, false);
        ArrayList<String> h = new ArrayList<>(header);
        org.apache.spark.broadcast.Broadcast<ArrayList<String[]>> smp = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(new ArrayList<>(sample));
        JavaRDD<Object> out = sel.javaRDD().mapPartitionsWithIndex((idx, it) -> {
            IncidentIngest ingest = new IncidentIngest(options.build());
            IncidentIngest.Plan pl = ingest.plan(h, smp.value(), geom, false);
            List<Object> res = new ArrayList<>();
            try (SparkRows src = new SparkRows(h, it, geom, idx)) {
                emit(res, 0, idx, pl, ingest.parse(pl, src, 0, () -> false, null), false, true);
            }
            return res.iterator();
        }, true);
        return new Exported(gather(out), plan);
    }

    /** Spark rows as ingestion rows: the typed values by {@link ValueRows}' rules, a WKB point as the location. */
    static final class SparkRows extends org.crimeanalytics.ingest.ValueRows {
        private final List<String> header;
        private final Iterator<Row> it;
        private final boolean geometry;
        private final int partition;
        private final org.locationtech.jts.io.WKBReader wkb = new org.locationtech.jts.io.WKBReader();
        private Row current;
        private long n;

        SparkRows(List<String> header, Iterator<Row> it, boolean geometry, int partition) {
            this.header = header;
            this.it = it;
            this.geometry = geometry;
            this.partition = partition;
        }

        @Override
        protected Object value(int col) {
            return col < 0 || col >= header.size() || current.isNullAt(col) ? null : current.get(col);
        }

        @Override
        public List<String> header() {
            return header;
        }

        @Override
        public boolean next() {
            if (!it.hasNext()) return false;
            current = it.next();
            n++;
            return true;
        }

        @Override
        public String where() {
            return "row " + n + " of Parquet partition " + partition;
        }

        @Override
        public long line() {
            return n;
        }

        @Override
        public boolean point(double[] lonLat) {
            if (!geometry || current.isNullAt(header.size())) return false;
            try {
                org.locationtech.jts.geom.Geometry g = wkb.read((byte[]) current.get(header.size()));
                if (!(g instanceof org.locationtech.jts.geom.Point p) || p.isEmpty()) return false;
                lonLat[0] = p.getX();
                lonLat[1] = p.getY();
                return Double.isFinite(lonLat[0]) && Double.isFinite(lonLat[1]);
            } catch (org.locationtech.jts.io.ParseException e) {
                return false;
            }
        }

        @Override
        public void close() {}
    }

    private static boolean isLast(Job j, List<Job> jobs) {
        for (Job o : jobs) if (o.fileIndex == j.fileIndex && o.partIndex > j.partIndex) return false;
        return true;
    }

    /** The screen of {@link LocationScreen}, over a Dataset: the pole rule per row, exact medians, the far rows on the driver. */
    record Screen(Dataset<Row> kept, LocationScreen.Measure centre, Map<Reason, Long> rejected, Dataset<Row> measured) {}

    static Screen screen(SparkSession spark, Dataset<Row> rows) {
        Map<Reason, Long> rej = new LinkedHashMap<>();
        long n = rows.count();
        spark.udf().register("crime_pole", (org.apache.spark.sql.api.java.UDF2<Double, Double, Boolean>) LocationScreen::pole,
                DataTypes.BooleanType);
        Dataset<Row> pole = rows.filter("crime_pole(lon, lat)");
        long poles = pole.count();
        if (poles > 0) rej.put(Reason.PLACEHOLDER_LOCATION, poles);
        Dataset<Row> kept = rows.filter("NOT crime_pole(lon, lat)");
        long m = n - poles;
        if (m < 10) return new Screen(kept, null, rej, null);
        LocationScreen.Measure centre = new LocationScreen.Measure(median(kept, "lon", m), median(kept, "lat", m));
        spark.udf().register("crime_dist2", (org.apache.spark.sql.api.java.UDF2<Double, Double, Double>) centre::dist2, DataTypes.DoubleType);
        Dataset<Row> measured = kept.selectExpr("*", "crime_dist2(lon, lat) AS dist2").cache();
        double threshold = LocationScreen.threshold(median(measured, "dist2", m));
        Dataset<Row> far = measured.filter(col("dist2").gt(threshold * threshold));
        long farCount = far.count();
        if (farCount * 4 > n || farCount == 0) return new Screen(measured.drop("dist2"), centre, rej, measured);
        // the far rows, few by definition, decided on the driver by the core rule (in input order)
        List<Row> farRows = far.select("file", "part", "line", "lon", "lat").orderBy("file", "part", "line").collectAsList();
        double[] lon = new double[farRows.size()], lat = new double[farRows.size()];
        for (int i = 0; i < lon.length; i++) {
            lon[i] = farRows.get(i).getDouble(3);
            lat[i] = farRows.get(i).getDouble(4);
        }
        Reason[] reasons = LocationScreen.classifyFar(lon, lat, threshold);
        List<Row> drop = new ArrayList<>();
        for (int i = 0; i < reasons.length; i++) {
            if (reasons[i] == null) continue;
            rej.merge(reasons[i], 1L, Long::sum);
            Row r = farRows.get(i);
            drop.add(RowFactory.create(r.getInt(0), r.getInt(1), r.getLong(2)));
        }
        Dataset<Row> out = measured.drop("dist2");
        if (!drop.isEmpty()) {
            StructType k = new StructType().add("file", DataTypes.IntegerType).add("part", DataTypes.IntegerType).add("line", DataTypes.LongType);
            out = out.join(spark.createDataFrame(drop, k), scala.collection.JavaConverters.asScalaBuffer(List.of("file", "part", "line")).toSeq(),
                    "left_anti");
        }
        return new Screen(out, centre, rej, measured);
    }

    /** The exact median of a column over {@code n} rows, as core Select.median: the mean of the two middle values when n is even. */
    static double median(Dataset<Row> d, String column, long n) {
        double hi = ranked(d, column, n, n / 2);
        if (n % 2 == 1) return hi;
        return (ranked(d, column, n, n / 2 - 1) + hi) / 2;
    }

    /**
     * The exact value of rank {@code k} (0-based, ascending) of a column without nulls over {@code n} rows, without a
     * sort: Spark's Greenwald-Khanna quantiles bracket the rank (relative error 0.001, bracket ±0.004 n), one pass counts
     * the rows below the bracket and collects those inside it (about 1 % of them), the driver picks the rank. A bracket
     * that misses (it cannot, by the sketch's guarantee) falls back to a sort.
     */
    static double ranked(Dataset<Row> d, String column, long n, long k) {
        double q = (k + 0.5) / n;
        double[] b = d.stat().approxQuantile(column, new double[] {Math.max(0, q - 0.004), Math.min(1, q + 0.004)}, 0.001);
        double lo = b[0], hi = b[1];
        Row c = d.agg(functions.sum(functions.when(col(column).lt(lo), 1).otherwise(0)),
                functions.sum(functions.when(col(column).geq(lo).and(col(column).leq(hi)), 1).otherwise(0))).first();
        long below = c.isNullAt(0) ? 0 : c.getLong(0), inside = c.isNullAt(1) ? 0 : c.getLong(1);
        if (k >= below && k < below + inside && inside <= 5_000_000) {
            List<Row> vs = d.select(column).filter(col(column).geq(lo).and(col(column).leq(hi))).collectAsList();
            double[] v = new double[vs.size()];
            for (int i = 0; i < v.length; i++) v[i] = vs.get(i).getDouble(0);
            java.util.Arrays.sort(v);
            return v[(int) (k - below)];
        }
        return d.select(column).orderBy(column).offset((int) k).limit(1).first().getDouble(0);
    }

    /** The files of the inputs (globs expanded, directories listed), in name order within each input. */
    static List<String> expand(List<String> inputs, Configuration conf) throws IOException {
        List<String> files = new ArrayList<>();
        for (String in : inputs) {
            Path p = new Path(in);
            FileSystem fs = p.getFileSystem(conf);
            org.apache.hadoop.fs.FileStatus[] st = fs.globStatus(p);
            if (st == null || st.length == 0) throw new IllegalArgumentException("--input: no file matches " + in);
            List<String> found = new ArrayList<>();
            for (org.apache.hadoop.fs.FileStatus s : st) {
                if (s.isDirectory()) {
                    for (org.apache.hadoop.fs.FileStatus c : fs.listStatus(s.getPath())) {
                        String name = c.getPath().getName();
                        if (c.isFile() && !name.startsWith("_") && !name.startsWith(".")) found.add(c.getPath().toString());
                    }
                } else {
                    found.add(s.getPath().toString());
                }
            }
            found.sort(String::compareTo);
            files.addAll(found);
        }
        return files;
    }

    /** Parts: a compressed file whole; a plain file cut after the first line end at or after every partBytes. */
    static List<Job> jobs(List<String> files, Configuration conf, long partBytes) throws IOException {
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String f = files.get(i);
            Path p = new Path(f);
            FileSystem fs = p.getFileSystem(conf);
            long size = fs.getFileStatus(p).getLen();
            if (f.toLowerCase(java.util.Locale.ROOT).endsWith(".gz") || size < 2 * partBytes) {
                jobs.add(new Job(i, 0, f, -1, -1));
                continue;
            }
            try (FSDataInputStream in = fs.open(p)) {
                long start = headerEnd(in);
                if (start < 0) {
                    jobs.add(new Job(i, 0, f, -1, -1));
                    continue;
                }
                List<Long> starts = new ArrayList<>(List.of(start));
                for (long at = partBytes; at < size; at += partBytes) {
                    long b = lineEnd(in, Math.max(starts.get(starts.size() - 1), at));
                    if (b < 0 || b >= size) break;
                    if (b > starts.get(starts.size() - 1)) starts.add(b);
                }
                for (int k = 0; k < starts.size(); k++) {
                    jobs.add(new Job(i, k, f, starts.get(k), k + 1 < starts.size() ? starts.get(k + 1) : size));
                }
            }
        }
        return jobs;
    }

    private static long headerEnd(FSDataInputStream in) throws IOException {
        in.seek(0);
        byte[] buf = new byte[1 << 16];
        boolean quoted = false;
        long pos = 0;
        for (int r; (r = in.read(buf)) > 0; pos += r) {
            for (int k = 0; k < r; k++) {
                if (buf[k] == '"') quoted = !quoted;
                else if (buf[k] == '\n' && !quoted) return pos + k + 1;
            }
        }
        return -1;
    }

    private static long lineEnd(FSDataInputStream in, long from) throws IOException {
        in.seek(from);
        byte[] buf = new byte[1 << 16];
        long pos = from;
        for (int r; (r = in.read(buf)) > 0; pos += r) {
            for (int k = 0; k < r; k++) if (buf[k] == '\n') return pos + k + 1;
        }
        return -1;
    }

    static InputStream open(String file, Configuration conf) throws IOException {
        Path p = new Path(file);
        InputStream in = p.getFileSystem(conf).open(p, 1 << 16);
        return file.toLowerCase(java.util.Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    static InputStream region(String file, long start, long end, Configuration conf) throws IOException {
        Path p = new Path(file);
        FSDataInputStream in = p.getFileSystem(conf).open(p, 1 << 16);
        in.seek(start);
        return new InputStream() {
            long left = end - start;

            @Override
            public int read() throws IOException {
                if (left <= 0) return -1;
                int b = in.read();
                if (b >= 0) left--;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) return -1;
                int r = in.read(b, off, (int) Math.min(len, left));
                if (r > 0) left -= r;
                return r;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }
}
