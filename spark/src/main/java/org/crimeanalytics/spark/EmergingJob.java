package org.crimeanalytics.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.crimeanalytics.grid.Grid;
import org.crimeanalytics.spacetime.SpaceTimeCube;
import org.crimeanalytics.temporal.TemporalProfile;
import scala.Tuple2;

/**
 * Emerging hot spots as crime:EmergingHotSpots computes them: Spark projects the incidents with a time, bins them into
 * square cells x time steps (DAY, WEEK, MONTH; month-only dates left out of DAY and WEEK cubes and counted) and counts
 * each bin; the driver builds the space-time cube from those counts ({@link SpaceTimeCube#ofCounts}) and computes the
 * space-time Gi*, the Mann-Kendall trends and ArcGIS Pro's pattern categories with the core classes. The driver holds
 * cells x steps integers (refused above 20 million, as the process refuses).
 */
public final class EmergingJob {

    private EmergingJob() {}

    /** Time step of the cube. */
    public enum Step { DAY, WEEK, MONTH }

    public record Result(Dataset<Row> cells, Map<String, Object> summary) {}

    public static final StructType SCHEMA = new StructType().add("CELL_ID", DataTypes.StringType).add("x", DataTypes.DoubleType)
            .add("y", DataTypes.DoubleType).add("CATEGORY", DataTypes.IntegerType).add("PATTERN", DataTypes.StringType)
            .add("COUNT", DataTypes.IntegerType).add("HOT_STEPS", DataTypes.IntegerType).add("COLD_STEPS", DataTypes.IntegerType)
            .add("TREND_Z", DataTypes.DoubleType).add("TREND_P", DataTypes.DoubleType).add("ZTREND_Z", DataTypes.DoubleType)
            .add("ZTREND_P", DataTypes.DoubleType)
            .add("geometry", GeoOutput.GEOMETRY);

    /** Incidents a cube of {@code step} can use: with a time, and with more than a month's precision for DAY and WEEK. */
    public static Dataset<Row> usable(Dataset<Row> incidents, Step step) {
        Dataset<Row> d = incidents.filter(org.apache.spark.sql.functions.col("occurred").isNotNull());
        if (step != Step.MONTH) d = d.filter(org.apache.spark.sql.functions.coalesce(
                org.apache.spark.sql.functions.col("time_precision"), org.apache.spark.sql.functions.lit("")).notEqual("month"));
        return d;
    }

    /**
     * @param incidents the {@link #usable} incidents (lon, lat, occurred)
     * @param band the neighbourhood distance in metres
     * @param timeSteps previous time steps in the neighbourhood
     * @throws IllegalArgumentException naming the argument: fewer than 10 steps, a cube too large
     */
    public static Result run(SparkSession spark, Dataset<Row> incidents, Projection projection, double cellSize, Step step,
            double band, int timeSteps) {
        Grid grid = new Grid(Grid.Shape.SQUARE, cellSize);
        org.apache.spark.api.java.JavaPairRDD<Tuple2<Long, Integer>, Integer> binned = incidents.select("lon", "lat", "occurred").javaRDD().mapToPair(r -> {
            double[] p = projection.project(r.getDouble(0), r.getDouble(1));
            long t = r.getLong(2);
            int s = switch (step) {
                case DAY -> (int) Math.floorDiv(t, 86_400_000L);
                case WEEK -> TemporalProfile.weekIndex(t);
                case MONTH -> TemporalProfile.monthIndex(t);
            };
            return new Tuple2<>(new Tuple2<>(grid.cell(p[0], p[1]), s), 1);
        }).reduceByKey(Integer::sum).cache();
        long occupied = binned.count();
        if (occupied > 20_000_000L) {
            throw new IllegalArgumentException("--cell-size: " + occupied + " occupied cell-steps make too large a cube; use larger cells or steps");
        }
        List<Tuple2<Tuple2<Long, Integer>, Integer>> bins = binned.collect();
        binned.unpersist();
        if (bins.isEmpty()) throw new IllegalArgumentException("--input: no incident has both a location and a time");
        int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
        for (Tuple2<Tuple2<Long, Integer>, Integer> b : bins) {
            min = Math.min(min, b._1._2);
            max = Math.max(max, b._1._2);
        }
        // a first or last week or month the data covers in part only is left out, counted (as crime:EmergingHotSpots)
        long partialIncidents = 0;
        int partialSteps = 0;
        List<String> partial = new ArrayList<>();
        if (step != Step.DAY && max > min) {
            Row span = incidents.agg(org.apache.spark.sql.functions.min("occurred"), org.apache.spark.sql.functions.max("occurred")).first();
            int[] whole = TemporalProfile.wholeSteps(min, max, span.getLong(0), span.getLong(1), step == Step.MONTH);
            if (whole[0] != min || whole[1] != max) {
                partialSteps = (whole[0] != min ? 1 : 0) + (whole[1] != max ? 1 : 0);
                java.util.function.IntFunction<String> label = step == Step.MONTH ? TemporalProfile::monthLabel : TemporalProfile::weekLabel;
                String first = java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(span.getLong(0), 1000), 0, java.time.ZoneOffset.UTC).toLocalDate().toString();
                String last = java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(span.getLong(1), 1000), 0, java.time.ZoneOffset.UTC).toLocalDate().toString();
                if (whole[0] != min) partial.add(label.apply(min) + ": incidents from " + first);
                if (whole[1] != max) partial.add(label.apply(max) + ": incidents until " + last);
                List<Tuple2<Tuple2<Long, Integer>, Integer>> kept = new ArrayList<>();
                for (Tuple2<Tuple2<Long, Integer>, Integer> b : bins) {
                    if (b._1._2 >= whole[0] && b._1._2 <= whole[1]) kept.add(b);
                    else partialIncidents += b._2;
                }
                bins = kept;
                min = whole[0];
                max = whole[1];
            }
        }
        int steps = max - min + 1;
        if (steps < 10) {
            throw new IllegalArgumentException("--step: the incidents span " + steps + " " + step.name().toLowerCase() + "(s)"
                    + (partialSteps > 0 ? " besides " + partialSteps + " covered in part only" : "") + "; at least 10 time steps are needed");
        }
        int m = bins.size();
        long[] keys = new long[m];
        int[] stepOf = new int[m], count = new int[m];
        for (int i = 0; i < m; i++) {
            keys[i] = bins.get(i)._1._1;
            stepOf[i] = bins.get(i)._1._2 - min;
            count[i] = bins.get(i)._2;
        }
        long cells = java.util.Arrays.stream(keys).distinct().count();
        if (cells * steps > 20_000_000L) {
            throw new IllegalArgumentException("--cell-size: " + cells + " cells x " + steps + " steps is too large a cube; use larger cells or steps");
        }
        SpaceTimeCube cube = SpaceTimeCube.ofCounts(grid, keys, stepOf, count, steps);
        SpaceTimeCube.GiStar gi = cube.giStar(band, timeSteps);
        List<Row> rows = new ArrayList<>(cube.cells.length);
        Map<String, Integer> patterns = new LinkedHashMap<>();
        int notTested = 0;
        for (int c = 0; c < cube.cells.length; c++) {
            SpaceTimeCube.CellPattern cp = cube.pattern(gi, c, 0.05);
            long k = cube.cells[c];
            if (gi.spatialNeighbours()[c] == 0) notTested++;
            patterns.merge(cp.pattern(), 1, Integer::sum);
            rows.add(RowFactory.create(Grid.first(k) + "_" + Grid.second(k), cube.cx[c], cube.cy[c], cp.category(), cp.pattern(),
                    cp.count(), cp.hotSteps(), cp.coldSteps(), cp.trendZ(), cp.trendP(), cp.zTrendZ(), cp.zTrendP(),
                    projection.toLonLat(grid.polygon(k, HotSpotsJob.GF))));
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("cells", cube.cells.length);
        s.put("steps", steps);
        s.put("step", step.name());
        s.put("first_step", step == Step.MONTH ? TemporalProfile.monthLabel(min) : step == Step.WEEK ? TemporalProfile.weekLabel(min)
                : java.time.LocalDate.ofEpochDay(min).toString());
        s.put("cell_size_m", cellSize);
        s.put("neighbourhood_distance_m", band);
        s.put("neighbourhood_time_steps", timeSteps);
        if (partialSteps > 0) {
            s.put("partial_steps_left_out", partial);
            s.put("incidents_in_partial_steps", partialIncidents);
        }
        s.put("patterns", patterns);
        s.put("cells_without_neighbours", notTested);
        s.put("metric_crs", projection.code());
        return new Result(spark.createDataFrame(rows, SCHEMA), s);
    }
}
