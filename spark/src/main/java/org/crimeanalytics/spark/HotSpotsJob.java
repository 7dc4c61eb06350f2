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
        if (counts.count() > driverCells) return DistributedGiStar.run(spark, counts, grid, projection, distance, fdr);
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
