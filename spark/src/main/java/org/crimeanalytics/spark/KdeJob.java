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
import org.crimeanalytics.density.Bandwidth;
import org.crimeanalytics.density.Kernel;
import org.crimeanalytics.density.KernelDensity;
import org.crimeanalytics.density.Lattice;
import org.crimeanalytics.density.Surface;
import org.crimeanalytics.grid.Grid;
import scala.Tuple2;

/**
 * A single kernel density surface as crime:KernelDensity computes it without a study area or periods: Spark projects
 * the incidents and reduces them to distinct locations with their counts (police exports geocode to block points, so
 * these are far fewer than the incidents); the driver chooses the bandwidth from them when none is given
 * ({@link Bandwidth#chooseRepeated}: the same Silverman or Scott value as the process on the expanded points) and
 * evaluates {@link KernelDensity} (each distinct location once with its count, as the process's exact sum does; binned
 * above the same cost) on the cells within the kernel's reach. Output: the cells whose density is above 1e-9 of the
 * largest or which hold an incident, with JOIN_COUNT and KDE in incidents per km² (the process's fields). The driver
 * holds the distinct locations and the window of cells.
 */
public final class KdeJob {

    private KdeJob() {}

    public record Result(Dataset<Row> cells, Map<String, Object> summary) {}

    public static final StructType SCHEMA = new StructType().add("CELL_ID", DataTypes.StringType).add("x", DataTypes.DoubleType)
            .add("y", DataTypes.DoubleType).add("JOIN_COUNT", DataTypes.IntegerType).add("KDE", DataTypes.DoubleType)
            .add("geometry", GeoOutput.GEOMETRY);

    /** Below this share of the largest density a cell without incidents is left out (the process's rule). */
    static final double NEGLIGIBLE = 1e-9;

    /**
     * @param bandwidth metres (radius; the Gaussian's standard deviation), null: {@code rule}
     * @param cellSize metres (side of a square, distance between hexagon centres)
     * @throws IllegalArgumentException naming the argument: no spread for a rule, a window too large
     */
    public static Result run(SparkSession spark, Dataset<Row> incidents, Projection projection, Kernel kernel, Double bandwidth,
            Bandwidth.Rule rule, Grid.Shape shape, double cellSize, KernelDensity.Method method) {
        List<Tuple2<Tuple2<Double, Double>, Long>> locs = incidents.select("lon", "lat").javaRDD().mapToPair(r -> {
            double[] p = projection.project(r.getDouble(0), r.getDouble(1));
            return new Tuple2<>(new Tuple2<>(p[0], p[1]), 1L);
        }).reduceByKey(Long::sum).collect();
        int n = locs.size();
        if (n == 0) throw new IllegalArgumentException("--input: no incident with a location");
        double[] x = new double[n], y = new double[n], w = new double[n];
        long[] count = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            x[i] = locs.get(i)._1._1;
            y[i] = locs.get(i)._1._2;
            count[i] = locs.get(i)._2;
            w[i] = count[i];
            total += count[i];
        }
        Map<String, Object> bw = new LinkedHashMap<>();
        double h;
        if (bandwidth != null) {
            h = bandwidth;
            bw.put("rule", "given");
        } else {
            Bandwidth.Choice c = Bandwidth.chooseRepeated(rule, x, y, count);
            if (!(c.value() > 0)) {
                throw new IllegalArgumentException("--bandwidth: the incidents have no spread (all at one location), so " + rule
                        + " gives none; give --bandwidth in metres");
            }
            h = Bandwidth.forKernel(c.value(), c.madeFor(), kernel);
            bw.putAll(c.details(rule, kernel));
        }
        bw.put("bandwidth_m", h);
        bw.put("meaning", kernel == Kernel.GAUSSIAN ? "standard deviation" : "radius");
        Lattice lattice = new Lattice(new Grid(shape, cellSize));
        KernelDensity kd = new KernelDensity(kernel, h, lattice);
        Lattice.Window win = kd.windowOf(x, y);
        if (win.cells() > 200_000_000L) {
            throw new IllegalArgumentException("--cell-size: " + win.cells() + " cells cover the incidents; use larger cells");
        }
        KernelDensity.Method used = kd.resolve(method, n);
        Surface s = kd.estimate(x, y, w, win, used, null);
        int[] joins = new int[Math.toIntExact(win.cells())];
        for (int i = 0; i < n; i++) {
            long key = lattice.grid().cell(x[i], y[i]);
            int idx = win.index(lattice.column(key), lattice.row(key));
            if (idx >= 0) joins[idx] += (int) count[i];
        }
        double[] v = s.values();
        double max = 0;
        for (double d : v) max = Math.max(max, d);
        List<Row> rows = new ArrayList<>();
        double kept = 0, keptMax = 0;
        for (int jj = 0; jj < win.ny(); jj++) {
            int j = win.j0() + jj;
            for (int ii = 0; ii < win.nx(); ii++) {
                int c = jj * win.nx() + ii;
                if (!(v[c] > NEGLIGIBLE * max) && joins[c] == 0) continue;
                long key = lattice.key(win.i0() + ii, j);
                double kde = v[c] * 1e6;
                kept += kde;
                keptMax = Math.max(keptMax, kde);
                rows.add(RowFactory.create(Grid.first(key) + "_" + Grid.second(key), lattice.x(win.i0() + ii, j), lattice.y(j),
                        joins[c], kde, projection.toLonLat(lattice.grid().polygon(key, HotSpotsJob.GF))));
            }
        }
        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("analysis", "single");
        sm.put("kernel", kernel.name());
        sm.put("bandwidth", bw);
        sm.put("cell_shape", shape.name());
        sm.put("cell_size_m", cellSize);
        sm.put("method", used.name());
        sm.put("unit", "incidents per km²");
        sm.put("incidents_used", total);
        sm.put("distinct_locations", n);
        sm.put("cells", rows.size());
        sm.put("max_per_km2", keptMax);
        sm.put("mass_on_cells", kept * lattice.cellArea() / 1e6);
        sm.put("metric_crs", projection.code());
        return new Result(spark.createDataFrame(rows, SCHEMA), sm);
    }
}
