package org.crimeanalytics.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.crimeanalytics.grid.Grid;
import org.crimeanalytics.hotspot.GetisOrd;
import org.crimeanalytics.hotspot.HotSpotBins;
import org.crimeanalytics.stats.Alternative;
import scala.Tuple2;

/**
 * Grid Gi* when the cells are too many for one driver: every step a join, nothing per cell on the driver but the
 * p-values for FDR. (1) The distance band, when not given, is the smallest that gives every cell a neighbour, as
 * {@code SpatialWeights.minimumBand}: each cell looks for occupied cells in a disc of 1.5 cell sizes, cells that found
 * none look again in a disc twice as wide, and so on; the band is the largest nearest-neighbour distance. (2) Every cell
 * sends its count to the grid positions within the band (centre distances computed as the single-machine index computes
 * them), the messages are joined with the occupied cells and summed: each cell's neighbour sum and count. (3)
 * {@link GetisOrd#starBinary} gives z and p per cell with the global sums, {@link HotSpotBins} the bins. Same results as
 * the driver path to rounding (sums in another order).
 */
final class DistributedGiStar {

    private DistributedGiStar() {}

    /** Grid positions whose centres lie within {@code radius} of cell {@code key}'s centre (the cell itself excluded). */
    static List<Long> within(Grid grid, long key, double radius) {
        double[] c = grid.centre(key);
        int a = Grid.first(key), b = Grid.second(key);
        double rowStep = grid.shape() == Grid.Shape.HEXAGON ? grid.size() * Math.sqrt(3) / 2 : grid.size();
        // rows of hexagons (axial keys) shift half a column per row: the column window widens by half the rows
        int rb = (int) Math.ceil(radius / rowStep) + 2;
        int ra = (int) Math.ceil(radius / grid.size()) + (grid.shape() == Grid.Shape.HEXAGON ? (rb + 1) / 2 : 0) + 2;
        double r2 = radius * radius;
        List<Long> out = new ArrayList<>();
        for (int i = a - ra; i <= a + ra; i++) {
            for (int j = b - rb; j <= b + rb; j++) {
                long k = Grid.key(i, j);
                if (k == key) continue;
                double[] o = grid.centre(k);
                double dx = c[0] - o[0], dy = c[1] - o[1]; // as PointIndex.within(query o) measures neighbour c
                if (dx * dx + dy * dy <= r2) out.add(k);
            }
        }
        return out;
    }

    static HotSpotsJob.Result run(SparkSession spark, JavaPairRDD<Long, Integer> counts, Grid grid, Projection projection,
            Double distance, boolean fdr) {
        counts = counts.cache();
        long n = counts.count();
        double[] sums = counts.values().map(v -> new double[] {v, (double) v * v}).reduce((p, q) -> new double[] {p[0] + q[0], p[1] + q[1]});
        double[] extent = counts.keys().map(k -> {
            double[] c = grid.centre(k);
            return new double[] {c[0], c[1], c[0], c[1]};
        }).reduce((a, b) -> new double[] {Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])});
        if (distance != null) HotSpotsJob.checkNeighbourhood(n, extent, distance);
        double band = distance != null ? distance : minimumBand(counts, grid, n, extent);
        if (distance == null) HotSpotsJob.checkNeighbourhood(n, extent, band);
        // neighbour sums: each cell's count sent to the positions within the band, kept where a cell is
        JavaPairRDD<Long, long[]> messages = counts.flatMapToPair(t -> {
            List<Tuple2<Long, long[]>> o = new ArrayList<>();
            for (long k : within(grid, t._1, band)) o.add(new Tuple2<>(k, new long[] {t._2, 1}));
            return o.iterator();
        }).reduceByKey((p, q) -> new long[] {p[0] + q[0], p[1] + q[1]});
        double sum = sums[0], sum2 = sums[1];
        int cells = (int) n;
        JavaRDD<Object[]> stats = counts.leftOuterJoin(messages).map(t -> {
            long[] m = t._2._2.orElse(new long[] {0, 0});
            GetisOrd.One g = GetisOrd.starBinary(t._2._1, m[0], (int) m[1], sum, sum2, cells, Alternative.TWO_SIDED);
            return new Object[] {t._1, t._2._1, (int) m[1], g};
        }).cache();
        // FDR needs every p-value (one double per cell on the driver); fixed levels need none
        double[] p = fdr ? stats.map(o -> ((GetisOrd.One) o[3]).p()).collect().stream().mapToDouble(Double::doubleValue).toArray() : new double[0];
        double[] thr = HotSpotBins.thresholds(p, fdr);
        Broadcast<double[]> thresholds = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(thr);
        JavaRDD<Row> rows = stats.map(o -> {
            long k = (Long) o[0];
            GetisOrd.One g = (GetisOrd.One) o[3];
            int bin = HotSpotBins.bin(g.z(), g.p(), thresholds.value(), fdr);
            double[] c = grid.centre(k);
            return RowFactory.create(Grid.first(k) + "_" + Grid.second(k), c[0], c[1], o[1], Double.isNaN(g.z()) ? null : g.z(),
                    Double.isNaN(g.p()) ? null : g.p(), o[2], bin, g.note() != null ? "Not Tested: " + g.note() : HotSpotBins.text(bin),
                    projection.toLonLat(grid.polygon(k, HotSpotsJob.GF)));
        });
        long hot = stats.filter(o -> HotSpotBins.bin(((GetisOrd.One) o[3]).z(), ((GetisOrd.One) o[3]).p(), thresholds.value(), fdr) > 0).count();
        long cold = stats.filter(o -> HotSpotBins.bin(((GetisOrd.One) o[3]).z(), ((GetisOrd.One) o[3]).p(), thresholds.value(), fdr) < 0).count();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("statistic", "Getis-Ord Gi*");
        s.put("cells", n);
        s.put("cell_shape", grid.shape().name());
        s.put("cell_size_m", grid.size());
        s.put("distance_band_m", band);
        s.put("hot_spots", hot);
        s.put("cold_spots", cold);
        s.put("metric_crs", projection.code());
        s.put("neighbour_sums", "distributed (a join of cells with the positions within the band)");
        return new HotSpotsJob.Result(spark.createDataFrame(rows, HotSpotsJob.SCHEMA), s);
    }

    /** The largest nearest-neighbour distance between cell centres, found in discs that double until every cell has one. */
    static double minimumBand(JavaPairRDD<Long, Integer> counts, Grid grid, long n, double[] extent) {
        JavaRDD<Long> open = counts.keys();
        double radius = 1.5 * grid.size(), band = 0;
        while (true) {
            // a disc whose neighbourhood the process would refuse anyway: stop before listing its positions
            HotSpotsJob.checkNeighbourhood(n, extent, radius / 2);
            double r = radius;
            // candidate (position, asking cell) pairs, kept where a cell is; the nearest per asking cell
            JavaPairRDD<Long, Long> asks = open.flatMapToPair(k -> {
                List<Tuple2<Long, Long>> o = new ArrayList<>();
                for (long c : within(grid, k, r)) o.add(new Tuple2<>(c, k));
                return o.iterator();
            });
            JavaPairRDD<Long, Double> nearest = asks.join(counts).mapToPair(t -> {
                long asker = t._2._1, found = t._1;
                double[] a = grid.centre(asker), b = grid.centre(found);
                double dx = b[0] - a[0], dy = b[1] - a[1];
                return new Tuple2<>(asker, Math.hypot(dx, dy));
            }).reduceByKey(Math::min);
            nearest = nearest.cache();
            long resolved = nearest.count();
            if (resolved > 0) band = Math.max(band, nearest.values().reduce(Math::max));
            long left = open.count() - resolved;
            if (left == 0) return band;
            JavaPairRDD<Long, Boolean> done = nearest.mapToPair(t -> new Tuple2<>(t._1, true));
            open = open.mapToPair(k -> new Tuple2<>(k, true)).subtractByKey(done).keys().cache();
            radius *= 2;
        }
    }
}
