package org.crimeanalytics.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.crimeanalytics.grid.Grid;
import org.crimeanalytics.hotspot.GetisOrd;
import org.crimeanalytics.hotspot.HotSpotBins;
import org.crimeanalytics.hotspot.SpatialWeights;
import scala.Tuple2;

/**
 * Grid hot spots (Getis-Ord Gi*) as crime:HotSpots computes them on incidents: Spark projects the incidents and counts
 * them per square or hexagon cell; the driver, holding one value per cell, builds the fixed distance band (the
 * smallest giving every cell a neighbour, or the one given) and computes Gi*, its two-tailed p-values and bins (FDR
 * optional) with the core classes.
 */
public final class HotSpotsJob {

    private HotSpotsJob() {}

    /** Cells with their counts and statistics. */
    public record Result(Dataset<Row> cells, Map<String, Object> summary) {}

    public static final StructType SCHEMA = new StructType().add("CELL_ID", DataTypes.StringType).add("x", DataTypes.DoubleType)
            .add("y", DataTypes.DoubleType).add("JOIN_COUNT", DataTypes.IntegerType).add("GiZScore", DataTypes.DoubleType)
            .add("GiPValue", DataTypes.DoubleType).add("NNeighbors", DataTypes.IntegerType).add("Gi_Bin", DataTypes.IntegerType)
            .add("Gi_Text", DataTypes.StringType)
            .add("geometry", GeoOutput.GEOMETRY);

    static final org.locationtech.jts.geom.GeometryFactory GF = new org.locationtech.jts.geom.GeometryFactory();

    /** Above this many cells the neighbour sums are a distributed join ({@link DistributedGiStar}), not the driver's. */
    public static final long DRIVER_CELLS = 5_000_000;

    /**
     * The process's neighbourhood limit (Limits.checkNeighbourhood): about n x min(1, pi band² / extent area) neighbours
     * per cell at most {@code crime.maxNeighbours} (2,000).
     */
    static void checkNeighbourhood(long n, double[] x, double[] y, double band) {
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            x0 = Math.min(x0, x[i]);
            x1 = Math.max(x1, x[i]);
            y0 = Math.min(y0, y[i]);
            y1 = Math.max(y1, y[i]);
        }
        checkNeighbourhood(n, new double[] {x0, y0, x1, y1}, band);
    }

    static void checkNeighbourhood(long n, double[] extent, double band) {
        double area = Math.max(1, (extent[2] - extent[0]) * (extent[3] - extent[1]));
        double expected = n * Math.min(1, Math.PI * band * band / area);
        long max = Long.getLong("crime.maxNeighbours", 2_000);
        if (expected > max && n > max) {
            throw new IllegalArgumentException("--distance: a band of " + Math.round(band) + " m gives about " + Math.round(expected)
                    + " neighbours per cell (limit " + max + ", system property crime.maxNeighbours); use a smaller band");
        }
    }

    public static Result run(SparkSession spark, Dataset<Row> incidents, Projection projection, Grid.Shape shape, double cellSize,
            Double distance, boolean fdr) {
        return run(spark, incidents, projection, shape, cellSize, distance, fdr, DRIVER_CELLS);
    }

    /** @param driverCells above this many cells, the distributed computation (same results) */
    public static Result run(SparkSession spark, Dataset<Row> incidents, Projection projection, Grid.Shape shape, double cellSize,
            Double distance, boolean fdr, long driverCells) {
        Grid grid = new Grid(shape, cellSize);
        JavaPairRDD<Long, Integer> counts = incidents.select("lon", "lat").javaRDD().mapToPair(r -> {
            double[] p = projection.project(r.getDouble(0), r.getDouble(1));
            return new Tuple2<>(grid.cell(p[0], p[1]), 1);
        }).reduceByKey(Integer::sum).cache();
        long cellCount = counts.count();
        // the process's conditions: at least 3 cells, counts that vary, a neighbourhood of bounded size
        if (cellCount < 3) throw new IllegalArgumentException("--cell-size: at least 3 cells are needed, got " + cellCount);
        int[] range = counts.values().map(c -> new int[] {c, c}).reduce((a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        if (range[0] == range[1]) {
            throw new IllegalArgumentException("--cell-size: all " + cellCount + " cells hold " + range[0]
                    + " incidents; with zero variance there are no hot or cold spots to find");
        }
        if (cellCount > driverCells) return DistributedGiStar.run(spark, counts, grid, projection, distance, fdr);
        List<Tuple2<Long, Integer>> cells = new ArrayList<>(counts.collect());
        cells.sort((a, b) -> Long.compare(a._1, b._1));
        int n = cells.size();
        double[] v = new double[n], x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = cells.get(i)._2;
            double[] c = grid.centre(cells.get(i)._1);
            x[i] = c[0];
            y[i] = c[1];
        }
        double band = distance != null ? distance : SpatialWeights.minimumBand(x, y);
        checkNeighbourhood(x.length, x, y, band);
        SpatialWeights w = SpatialWeights.distanceBand(x, y, band);
        GetisOrd.Local g = GetisOrd.local(v, w, true);
        int[] bins = HotSpotBins.bins(g.z(), g.p(), fdr);
        List<Row> rows = new ArrayList<>(n);
        int hot = 0, cold = 0;
        for (int i = 0; i < n; i++) {
            long k = cells.get(i)._1;
            String note = g.note()[i];
            rows.add(RowFactory.create(Grid.first(k) + "_" + Grid.second(k), x[i], y[i], (int) v[i],
                    Double.isNaN(g.z()[i]) ? null : g.z()[i], Double.isNaN(g.p()[i]) ? null : g.p()[i], g.neighbours()[i], bins[i],
                    note != null ? "Not Tested: " + note : HotSpotBins.text(bins[i]), projection.toLonLat(grid.polygon(k, GF))));
            if (bins[i] > 0) hot++;
            if (bins[i] < 0) cold++;
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("statistic", "Getis-Ord Gi*");
        s.put("cells", n);
        s.put("cell_shape", shape.name());
        s.put("cell_size_m", cellSize);
        s.put("distance_band_m", band);
        s.put("hot_spots", hot);
        s.put("cold_spots", cold);
        s.put("metric_crs", projection.code());
        return new Result(spark.createDataFrame(rows, SCHEMA), s);
    }
}
