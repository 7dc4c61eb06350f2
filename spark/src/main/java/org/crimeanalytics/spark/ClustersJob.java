package org.crimeanalytics.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.crimeanalytics.cluster.ClusterShapes;
import org.crimeanalytics.cluster.FastKMeans;
import org.crimeanalytics.cluster.GraphColouring;
import org.crimeanalytics.cluster.KMeans;
import org.crimeanalytics.grid.PointIndex;
import org.locationtech.jts.geom.Geometry;
import scala.Tuple2;

import static org.apache.spark.sql.functions.col;

/**
 * Incident clusters as crime:ClusterIncidents finds them, in metres:
 * <ul>
 *   <li>KMEANS: Spark reduces the incidents to distinct locations with their counts and first input position; the
 *       driver runs the core k-means on them ({@link FastKMeans#clusterWeighted}, what the process runs once it has
 *       found the repeats), so centres, SSE and labels equal the process's; labels go back to the incidents by a join.
 *       With under 20 % repeated locations the process clusters every point, and so does the driver here.</li>
 *   <li>DBSCAN: the project's grid DBSCAN per square tile with an eps-wide margin, merged across tile borders
 *       (after MR-DBSCAN, He et al. 2011): (1) each tile counts the eps-neighbours of its own points among its points
 *       and its margin's — core flags exact; (2) each tile joins its core points within eps (union-find, the margin
 *       included), so every core-core edge is seen in the home tile of one end; (3) the driver merges the tiles'
 *       components through the core points they share; clusters are numbered by their first core point in input order
 *       and a border point joins the lowest-numbered cluster with a core point within eps — the single-machine
 *       DBSCAN's own numbering and border rule, so the labels equal the process's, border points included.</li>
 * </ul>
 * Outputs: the incidents with CLUSTER_ID (-1 noise) and one row per cluster (CLUSTER_ID, COLOR_ID, CLUSTER_SIZE, SHARE,
 * convex hull; COLOR_ID as the process colours: clusters closer than max(eps, 1 % of the extent's diagonal) differ).
 */
public final class ClustersJob {

    private ClustersJob() {}

    public enum Method { KMEANS, DBSCAN }

    public record Result(Dataset<Row> incidents, Dataset<Row> clusters, Map<String, Object> summary) {}

    /** An incident in metres with its input position (file, part, line packed) and, in DBSCAN's second pass, its core flag. */
    record P(long order, double x, double y, boolean core) implements Serializable {}

    /** Input position of a row: file (16 bits), part (20 bits), line (28 bits): the single-machine table's order. */
    static long order(int file, int part, long line) {
        return ((long) file << 48) | ((long) part << 28) | line;
    }

    public static final StructType CLUSTERS = new StructType().add("CLUSTER_ID", DataTypes.IntegerType)
            .add("COLOR_ID", DataTypes.IntegerType).add("CLUSTER_SIZE", DataTypes.IntegerType).add("SHARE", DataTypes.DoubleType)
            .add("geometry", GeoOutput.GEOMETRY);

    /**
     * @param k clusters (KMEANS), @param seed its seed; @param eps metres and @param minPoints (DBSCAN, itself included);
     * @param tile DBSCAN tile side in metres (at least 2 eps)
     */
    public static Result run(SparkSession spark, Dataset<Row> incidents, Projection projection, Method method, int k, long seed,
            double eps, int minPoints, double tile) {
        JavaRDD<P> pts = incidents.select("file", "part", "line", "lon", "lat").javaRDD().map(r -> {
            double[] p = projection.project(r.getDouble(3), r.getDouble(4));
            return new P(order(r.getInt(0), r.getInt(1), r.getLong(2)), p[0], p[1], false);
        }).cache();
        long n = pts.count();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("method", method.name());
        JavaPairRDD<Long, Integer> labels;
        if (method == Method.KMEANS) labels = kmeans(pts, n, k, seed, s);
        else labels = dbscan(spark, pts, eps, minPoints, tile, s);
        labels = labels.cache();
        // the incidents with their label
        Dataset<Row> lab = spark.createDataFrame(labels.map(t -> RowFactory.create(t._1, t._2)),
                new StructType().add("order_key", DataTypes.LongType).add("CLUSTER_ID", DataTypes.IntegerType));
        Dataset<Row> keyed = incidents.withColumn("order_key", col("file").cast("long").multiply(1L << 48).plus(col("part").cast("long").multiply(1L << 28)).plus(col("line")));
        Dataset<Row> joined = keyed.join(lab, "order_key").drop("order_key", "file", "part", "line", "dup_key");
        // clusters: size, hull (metres, then lon/lat), colour
        Map<Integer, Integer> sizes = new HashMap<>();
        labels.values().countByValue().forEach((l, c) -> sizes.put(l, c.intValue()));
        int clusters = 0;
        for (int l : sizes.keySet()) clusters = Math.max(clusters, l + 1);
        // hulls from partial hulls (the hull of the union is the hull of the parts' hull vertices): no cluster in one task
        List<Tuple2<Integer, Geometry>> hulls = labels.join(pts.mapToPair(p -> new Tuple2<>(p.order(), p)))
                .filter(t -> t._2._1 >= 0)
                .mapToPair(t -> new Tuple2<>(t._2._1, new double[] {t._2._2.x(), t._2._2.y()}))
                .aggregateByKey(new ArrayList<double[]>(), (l, p) -> {
                    l.add(p);
                    return l.size() > 4096 ? hullVertices(l) : l;
                }, (a, b) -> {
                    a.addAll(b);
                    return a.size() > 4096 ? hullVertices(a) : a;
                }).mapValues(ClustersJob::hull).collect();
        Geometry[] metric = new Geometry[clusters];
        for (Tuple2<Integer, Geometry> h : hulls) metric[h._1] = h._2;
        double[] ext = pts.map(p -> new double[] {p.x(), p.y(), p.x(), p.y()}).reduce((a, b) -> new double[] {Math.min(a[0], b[0]),
            Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])});
        double near = Math.max(method == Method.DBSCAN ? eps : 0, 0.01 * Math.hypot(ext[2] - ext[0], ext[3] - ext[1]));
        int[] colour = colours(metric, near);
        List<Row> rows = new ArrayList<>(clusters);
        for (int c = 0; c < clusters; c++) {
            int size = sizes.getOrDefault(c, 0);
            rows.add(RowFactory.create(c, colour[c], size, (double) size / n, projection.toLonLat(metric[c])));
        }
        // COLOR_ID on the incidents too (-1 noise), as the process returns them for its SLD
        List<Row> colourRows = new ArrayList<>();
        colourRows.add(RowFactory.create(-1, -1));
        for (int c = 0; c < clusters; c++) colourRows.add(RowFactory.create(c, colour[c]));
        Dataset<Row> colours = spark.createDataFrame(colourRows, new StructType().add("CLUSTER_ID", DataTypes.IntegerType)
                .add("COLOR_ID", DataTypes.IntegerType));
        Dataset<Row> out = joined.join(org.apache.spark.sql.functions.broadcast(colours), "CLUSTER_ID")
                .selectExpr("*", "ST_Point(lon, lat) AS geometry");
        s.put("clusters", clusters);
        s.put("noise", sizes.getOrDefault(-1, 0));
        s.put("metric_crs", projection.code());
        pts.unpersist();
        return new Result(out, spark.createDataFrame(rows, CLUSTERS), s);
    }

    /** The convex hull of points {x, y} (the core's ClusterShapes.hull, as the process draws clusters). */
    static Geometry hull(List<double[]> l) {
        double[] x = new double[l.size()], y = new double[l.size()];
        int[] members = new int[l.size()];
        for (int i = 0; i < members.length; i++) {
            x[i] = l.get(i)[0];
            y[i] = l.get(i)[1];
            members[i] = i;
        }
        return ClusterShapes.hull(x, y, members);
    }

    /** The vertices of the convex hull of some points (a partial hull). */
    static ArrayList<double[]> hullVertices(List<double[]> l) {
        ArrayList<double[]> v = new ArrayList<>();
        for (org.locationtech.jts.geom.Coordinate c : hull(l).getCoordinates()) v.add(new double[] {c.x, c.y});
        return v;
    }

    static int[] colours(Geometry[] metric, double near) {
        return GraphColouring.colourShapes(metric, near);
    }

    /** Incidents the driver takes whole for k-means when locations hardly repeat (as the process does). */
    static final long ALL_POINTS_MAX = 5_000_000;

    private static JavaPairRDD<Long, Integer> kmeans(JavaRDD<P> pts, long n, int k, long seed, Map<String, Object> s) {
        // distinct locations: count and first input position
        List<Tuple2<Tuple2<Double, Double>, long[]>> locs = pts.mapToPair(p -> new Tuple2<>(new Tuple2<>(p.x(), p.y()), new long[] {1, p.order()}))
                .reduceByKey((a, b) -> new long[] {a[0] + b[0], Math.min(a[1], b[1])}).collect();
        List<Tuple2<Tuple2<Double, Double>, long[]>> sorted = new ArrayList<>(locs);
        sorted.sort((a, b) -> Long.compare(a._2[1], b._2[1]));
        int u = sorted.size();
        if (k > u) throw new IllegalArgumentException("--k: " + k + " clusters asked for " + u + " distinct incident locations");
        FastKMeans km = new FastKMeans();
        km.setNumClusters(k);
        km.setSeed((int) seed);
        s.put("k", k);
        s.put("distinct_locations", u);
        if (FastKMeans.usesDistinct(u, n) || n > ALL_POINTS_MAX) {
            if (!FastKMeans.usesDistinct(u, n)) s.put("note", "under 20 % repeated locations: the process clusters every point; above "
                    + ALL_POINTS_MAX + " incidents the job clusters the distinct locations with their counts (the same objective)");
            double[] data = new double[2 * u], w = new double[u];
            for (int i = 0; i < u; i++) {
                data[2 * i] = sorted.get(i)._1._1;
                data[2 * i + 1] = sorted.get(i)._1._2;
                w[i] = sorted.get(i)._2[0];
            }
            KMeans.Result r = km.clusterWeighted(data, 2, w, null);
            s.put("sse_m2", r.sse());
            s.put("iterations", r.iterations());
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(pts.context());
            if (u <= 1_000_000) { // a map every executor holds
                Map<Tuple2<Double, Double>, Integer> at = new HashMap<>(u * 2);
                for (int i = 0; i < u; i++) at.put(sorted.get(i)._1, r.labels()[i]);
                Broadcast<Map<Tuple2<Double, Double>, Integer>> b = sc.broadcast(at);
                return pts.mapToPair(p -> new Tuple2<>(p.order(), b.value().get(new Tuple2<>(p.x(), p.y()))));
            }
            // many locations: the labels go back by a join, in slices the driver sends one at a time
            List<Tuple2<Tuple2<Double, Double>, Integer>> lab = new ArrayList<>(u);
            for (int i = 0; i < u; i++) lab.add(new Tuple2<>(sorted.get(i)._1, r.labels()[i]));
            JavaPairRDD<Tuple2<Double, Double>, Integer> labelled = null;
            for (int from = 0; from < u; from += 500_000) {
                JavaPairRDD<Tuple2<Double, Double>, Integer> slice = sc.parallelizePairs(lab.subList(from, Math.min(u, from + 500_000)));
                labelled = labelled == null ? slice : labelled.union(slice);
            }
            return pts.mapToPair(p -> new Tuple2<>(new Tuple2<>(p.x(), p.y()), p.order())).join(labelled)
                    .mapToPair(t -> new Tuple2<>(t._2._1, t._2._2));
        }
        // few repeats: every point on the driver, as the process clusters them
        List<P> all = new ArrayList<>(pts.collect());
        all.sort((a, b) -> Long.compare(a.order(), b.order()));
        double[] data = new double[2 * all.size()];
        for (int i = 0; i < all.size(); i++) {
            data[2 * i] = all.get(i).x();
            data[2 * i + 1] = all.get(i).y();
        }
        KMeans.Result r = km.cluster(data, 2, null);
        s.put("sse_m2", r.sse());
        s.put("iterations", r.iterations());
        List<Tuple2<Long, Integer>> l = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) l.add(new Tuple2<>(all.get(i).order(), r.labels()[i]));
        return JavaSparkContext.fromSparkContext(pts.context()).parallelizePairs(l);
    }

    /** The tiles whose eps-extended square holds (x, y), the home tile first. */
    static List<Long> tiles(double x, double y, double tile, double eps0) {
        double eps = eps0 * (1 + 1e-9) + 1e-9; // a neighbour at exactly eps stays in the margin whatever the rounding
        long hx = (long) Math.floor(x / tile), hy = (long) Math.floor(y / tile);
        List<Long> t = new ArrayList<>(4);
        t.add(pack(hx, hy));
        for (long ix = (long) Math.floor((x - eps) / tile); ix <= (long) Math.floor((x + eps) / tile); ix++) {
            for (long iy = (long) Math.floor((y - eps) / tile); iy <= (long) Math.floor((y + eps) / tile); iy++) {
                if (ix != hx || iy != hy) t.add(pack(ix, iy));
            }
        }
        return t;
    }

    /** A point keyed by every tile whose eps-extended square holds it, flagged true in its home tile. */
    static Iterator<Tuple2<Long, Tuple2<P, Boolean>>> replicate(P p, double tile, double eps) {
        List<Tuple2<Long, Tuple2<P, Boolean>>> o = new ArrayList<>();
        List<Long> ts = tiles(p.x(), p.y(), tile, eps);
        for (int i = 0; i < ts.size(); i++) o.add(new Tuple2<>(ts.get(i), new Tuple2<>(p, i == 0)));
        return o.iterator();
    }

    static long pack(long ix, long iy) {
        return (ix << 32) ^ (iy & 0xFFFFFFFFL);
    }

    /** What one tile's second pass says of a point: its tile-local component (core) or the components it borders. */
    record Seen(long order, boolean home, boolean core, long tile, int[] comps) implements Serializable {}

    private static JavaPairRDD<Long, Integer> dbscan(SparkSession spark, JavaRDD<P> pts, double eps, int minPoints, double tile,
            Map<String, Object> s) {
        if (!(tile >= 2 * eps)) throw new IllegalArgumentException("--tile-size: must be at least 2 eps (" + 2 * eps + " m), was " + tile);
        // 1. core flags: each tile counts the neighbours of its own points among all its points and its margin's
        JavaPairRDD<Long, Boolean> core = pts.flatMapToPair(p -> replicate(p, tile, eps)).groupByKey().flatMapToPair(t -> {
            List<Tuple2<P, Boolean>> l = new ArrayList<>();
            t._2.forEach(l::add);
            l.sort((p, q) -> Long.compare(p._1.order(), q._1.order()));
            double[] x = new double[l.size()], y = new double[l.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = l.get(i)._1.x();
                y[i] = l.get(i)._1.y();
            }
            PointIndex idx = new PointIndex(x, y, eps);
            List<Tuple2<Long, Boolean>> o = new ArrayList<>();
            int[] count = new int[1];
            for (int i = 0; i < x.length; i++) {
                if (!l.get(i)._2) continue;
                count[0] = 0;
                idx.within(x[i], y[i], eps, (j, d) -> count[0]++);
                o.add(new Tuple2<>(l.get(i)._1.order(), count[0] >= minPoints));
            }
            return o.iterator();
        });
        JavaRDD<P> flagged = pts.mapToPair(p -> new Tuple2<>(p.order(), p)).join(core)
                .map(t -> new P(t._1, t._2._1.x(), t._2._1.y(), t._2._2));
        // 2. per tile: components of core points within eps (union-find), margins included; borders' neighbouring components
        JavaRDD<Seen> seen = flagged.flatMapToPair(p -> replicate(p, tile, eps)).groupByKey().flatMap(t -> {
            List<Tuple2<P, Boolean>> l = new ArrayList<>();
            t._2.forEach(l::add);
            // in input order: the tile's component ids (union-find roots, the smallest index) are the same on a recomputation
            l.sort((p, q) -> Long.compare(p._1.order(), q._1.order()));
            int m = l.size();
            double[] x = new double[m], y = new double[m];
            for (int i = 0; i < m; i++) {
                x[i] = l.get(i)._1.x();
                y[i] = l.get(i)._1.y();
            }
            PointIndex idx = new PointIndex(x, y, eps);
            int[] parent = new int[m];
            for (int i = 0; i < m; i++) parent[i] = i;
            for (int i = 0; i < m; i++) {
                if (!l.get(i)._1.core()) continue;
                final int fi = i;
                idx.within(x[i], y[i], eps, (j, d) -> {
                    if (l.get(j)._1.core()) union(parent, fi, j);
                });
            }
            List<Seen> o = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                P p = l.get(i)._1;
                boolean home = l.get(i)._2;
                if (p.core()) {
                    o.add(new Seen(p.order(), home, true, t._1, new int[] {find(parent, i)}));
                } else if (home) {
                    java.util.TreeSet<Integer> comps = new java.util.TreeSet<>();
                    idx.within(x[i], y[i], eps, (j, d) -> {
                        if (l.get(j)._1.core()) comps.add(find(parent, j));
                    });
                    o.add(new Seen(p.order(), true, false, t._1, comps.stream().mapToInt(Integer::intValue).toArray()));
                }
            }
            return o.iterator();
        }).cache();
        // 3. merge: components linked by the core points they share, numbered by their first core point
        // pairs of tile components that share a core point (distinct pairs: bounded by components, not points)
        List<Tuple2<String, String>> links = seen.filter(Seen::core).mapToPair(v -> new Tuple2<>(v.order(), key(new long[] {v.tile(), v.comps()[0]})))
                .groupByKey().flatMap(g -> {
                    List<String> l = new ArrayList<>();
                    g._2.forEach(l::add);
                    List<Tuple2<String, String>> o = new ArrayList<>();
                    for (int i = 1; i < l.size(); i++) o.add(new Tuple2<>(l.get(0), l.get(i)));
                    return o.iterator();
                }).distinct().collect();
        Map<String, String> parent = new HashMap<>();
        for (Tuple2<String, String> l : links) unite(parent, l._1, l._2);
        // first core point of every merged component
        Broadcast<Map<String, String>> roots = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(flatten(parent));
        List<Tuple2<String, Long>> firsts = seen.filter(v -> v.core() && v.home())
                .mapToPair(v -> new Tuple2<>(root(roots.value(), key(new long[] {v.tile(), v.comps()[0]})), v.order()))
                .reduceByKey(Math::min).collect();
        List<Tuple2<String, Long>> ordered = new ArrayList<>(firsts);
        ordered.sort((a, b) -> Long.compare(a._2, b._2));
        Map<String, Integer> id = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) id.put(ordered.get(i)._1, i);
        Broadcast<Map<String, Integer>> ids = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(id);
        s.put("eps_m", eps);
        s.put("min_points", minPoints);
        s.put("tile_size_m", tile);
        s.put("tiles", seen.map(Seen::tile).distinct().count());
        s.put("components_merged_across_tiles", links.size());
        return seen.filter(Seen::home).mapToPair(v -> {
            int best = -1;
            for (int c : v.comps()) {
                int g = ids.value().get(root(roots.value(), key(new long[] {v.tile(), c})));
                if (best < 0 || g < best) best = g;
            }
            return new Tuple2<>(v.order(), best);
        });
    }

    static String key(long[] tileComp) {
        return tileComp[0] + ":" + tileComp[1];
    }

    static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    static void union(int[] parent, int a, int b) {
        int ra = find(parent, a), rb = find(parent, b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }

    static String root(Map<String, String> parent, String k) {
        String r = parent.get(k);
        return r == null ? k : r;
    }

    private static String findS(Map<String, String> parent, String k) {
        String r = k;
        while (parent.containsKey(r) && !parent.get(r).equals(r)) r = parent.get(r);
        return r;
    }

    private static void unite(Map<String, String> parent, String a, String b) {
        String ra = findS(parent, a), rb = findS(parent, b);
        if (!ra.equals(rb)) parent.put(rb, ra);
    }

    /** Every key mapped straight to its root. */
    private static Map<String, String> flatten(Map<String, String> parent) {
        Map<String, String> m = new HashMap<>();
        for (String k : parent.keySet()) m.put(k, findS(parent, k));
        return m;
    }
}
