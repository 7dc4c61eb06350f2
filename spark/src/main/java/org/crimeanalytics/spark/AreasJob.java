package org.crimeanalytics.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.crimeanalytics.areas.AreaRepairs;
import org.crimeanalytics.areas.EmpiricalBayes;
import org.crimeanalytics.areas.PointInPolygon;
import org.crimeanalytics.hotspot.Contiguity;
import org.crimeanalytics.hotspot.SpatialWeights;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import scala.Tuple2;
import scala.Tuple3;

/**
 * Incidents per area as crime:AggregateToAreas counts them (no time window): the areas (GeoJSON, shapefile or
 * GeoParquet in longitude/latitude, read by Sedona) are repaired as the process repairs them ({@link AreaRepairs}) and
 * broadcast; Spark locates every incident with the core's {@link PointInPolygon} (a point on a boundary shared by several
 * areas counted once, for the first in layer order) and counts per area and category; the driver adds the top
 * categories' columns, rates per {@code rateBase} people, global and spatial (queen contiguity) Empirical Bayes rates and
 * the density per km² (areas measured in the UTM zone of their centre).
 */
public final class AreasJob {

    private AreasJob() {}

    public record Result(Dataset<Row> areas, Map<String, Object> summary) {}

    /** The area layer: its rows in layer order (without geometry), their schema, and the geometries. */
    public record Areas(List<Row> rows, StructType schema, List<Geometry> geometries) {}

    /** Reads an area layer with Sedona: .shp (or a shapefile directory), .parquet (GeoParquet), else GeoJSON. */
    public static Areas read(SparkSession spark, String path) {
        String p = path.toLowerCase(Locale.ROOT);
        Dataset<Row> d;
        try {
            if (p.endsWith(".shp")) d = spark.read().format("shapefile").load(path);
            else if (p.endsWith(".parquet") || p.endsWith(".geoparquet")) d = spark.read().format("geoparquet").load(path);
            else {
                d = spark.read().format("geojson").option("multiLine", "true").load(path);
                if (Arrays.asList(d.columns()).contains("features")) d = d.selectExpr("explode(features) AS f").select("f.*");
            }
        } catch (Exception e) {
            throw new IllegalArgumentException("--areas: cannot read " + path + ": " + e.getMessage().split("\n")[0]);
        }
        List<String> cols = Arrays.asList(d.columns());
        if (!cols.contains("geometry")) throw new IllegalArgumentException("--areas: " + path + " has no geometry column; columns: " + cols);
        if (cols.contains("properties")) d = d.select("geometry", "properties.*");
        else d = d.drop("type");
        List<Row> all = d.collectAsList();
        if (all.isEmpty()) throw new IllegalArgumentException("--areas: " + path + " holds no area");
        StructType full = d.schema();
        int gi = full.fieldIndex("geometry");
        List<StructField> fields = new ArrayList<>();
        for (StructField f : full.fields()) if (!f.name().equals("geometry")) fields.add(f);
        List<Row> rows = new ArrayList<>(all.size());
        List<Geometry> geoms = new ArrayList<>(all.size());
        for (Row r : all) {
            Object[] v = new Object[fields.size()];
            for (int i = 0, k = 0; i < full.size(); i++) if (i != gi) v[k++] = r.get(i);
            rows.add(RowFactory.create(v));
            geoms.add((Geometry) r.get(gi));
        }
        Envelope env = new Envelope();
        for (Geometry g : geoms) if (g != null) env.expandToInclude(g.getEnvelopeInternal());
        if (env.isNull() || env.getMinX() < -180 || env.getMaxX() > 180 || env.getMinY() < -90 || env.getMaxY() > 90) {
            throw new IllegalArgumentException("--areas: " + path + " is not in longitude/latitude (extent " + env + "); reproject it to "
                    + "EPSG:4326, e.g. ogr2ogr -t_srs EPSG:4326 areas.geojson " + path);
        }
        return new Areas(rows, new StructType(fields.toArray(new StructField[0])), geoms);
    }

    /** The index of the population attribute (-1 for none), or an error naming it and listing the attributes. */
    static int population(Areas areas, String population) {
        if (population == null) return -1;
        int i = Arrays.asList(areas.schema().fieldNames()).indexOf(population);
        if (i < 0) throw new IllegalArgumentException("--population: no attribute '" + population + "' in the areas; attributes: "
                + Arrays.toString(areas.schema().fieldNames()));
        return i;
    }

    /**
     * @param population the areas' population attribute (null: no rates)
     * @param categories comma-separated categories to count, a filter: CRIME_COUNT, the rates and the density count them
     *     only (null: every category counted, columns for the {@code topN} most frequent inside the areas)
     * @throws IllegalArgumentException naming the argument and the area: a population that is not a number
     */
    public static Result run(SparkSession spark, Dataset<Row> incidents, Areas areas, String population, double rateBase,
            String categories, int topN) {
        int n = areas.geometries().size();
        AreaRepairs repairs = new AreaRepairs();
        List<Geometry> polys = new ArrayList<>(n);
        for (int a = 0; a < n; a++) polys.add(repairs.check(areas.geometries().get(a), "feature " + (a + 1) + " (in file order)"));
        int popField = population(areas, population);
        Broadcast<List<Geometry>> shared = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(polys);
        // (area or -1, category, on a boundary of several) -> incidents
        List<Tuple2<Tuple3<Integer, String, Boolean>, Long>> located = incidents.select("lon", "lat", "category").javaRDD()
                .mapPartitionsToPair((Iterator<Row> it) -> {
                    PointInPolygon pip = new PointInPolygon(shared.value());
                    boolean[] several = new boolean[1];
                    List<Tuple2<Tuple3<Integer, String, Boolean>, Long>> out = new ArrayList<>();
                    Map<Tuple3<Integer, String, Boolean>, Long> local = new HashMap<>();
                    while (it.hasNext()) {
                        Row r = it.next();
                        int a = pip.locate(r.getDouble(0), r.getDouble(1), several);
                        String c = r.isNullAt(2) ? "(none)" : r.getString(2);
                        local.merge(new Tuple3<>(a, a < 0 ? "" : c, a >= 0 && several[0]), 1L, Long::sum);
                    }
                    local.forEach((k, v) -> out.add(new Tuple2<>(k, v)));
                    return out.iterator();
                }).reduceByKey(Long::sum).collect();
        int[] count = new int[n];
        long outside = 0, onShared = 0, counted = 0;
        Map<String, Long> catTotals = new HashMap<>();
        Map<String, int[]> perCat = new HashMap<>();
        for (Tuple2<Tuple3<Integer, String, Boolean>, Long> e : located) {
            int a = e._1._1();
            long k = e._2;
            if (a < 0) {
                outside += k;
                continue;
            }
            counted += k;
            if (e._1._3()) onShared += k;
            count[a] += (int) k;
            catTotals.merge(e._1._2(), k, Long::sum);
            perCat.computeIfAbsent(e._1._2(), x -> new int[n])[a] += (int) k;
        }
        List<String> chosen = new ArrayList<>();
        if (categories != null && !categories.isBlank()) {
            for (String c : categories.split(",")) if (!c.isBlank() && !chosen.contains(c.trim())) chosen.add(c.trim());
        } else {
            List<String> names = new ArrayList<>(catTotals.keySet());
            names.sort((x, y) -> catTotals.get(y).equals(catTotals.get(x)) ? x.compareTo(y) : Long.compare(catTotals.get(y), catTotals.get(x)));
            chosen.addAll(names.subList(0, Math.min(topN, names.size())));
        }
        // categories given: a filter, as in crime:AggregateToAreas (CRIME_COUNT, rates and density count them only)
        long otherCategories = 0;
        boolean filtered = categories != null && !categories.isBlank();
        if (filtered) {
            long kept = 0;
            Arrays.fill(count, 0);
            for (String c : chosen) {
                int[] pc = perCat.get(c);
                if (pc == null) {
                    throw new IllegalArgumentException("--categories: no incident in the areas has category '" + c + "'; the values are "
                            + new java.util.TreeSet<>(perCat.keySet()));
                }
                for (int a = 0; a < n; a++) {
                    count[a] += pc[a];
                    kept += pc[a];
                }
            }
            otherCategories = counted - kept;
            counted = kept;
        }
        List<String> existing = Arrays.asList(areas.schema().fieldNames());
        List<String> catCols = new ArrayList<>();
        for (String c : chosen) {
            String col = "CNT_" + c.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
            if (col.length() > 30) col = col.substring(0, 30);
            while (catCols.contains(col) || existing.contains(col)) col = col + "_";
            catCols.add(col);
        }
        double[] pop = new double[n];
        Arrays.fill(pop, Double.NaN);
        if (popField >= 0) {
            for (int a = 0; a < n; a++) {
                Object v = areas.rows().get(a).get(popField);
                if (v instanceof Number num) pop[a] = num.doubleValue();
                else if (v != null) {
                    try {
                        pop[a] = Double.parseDouble(v.toString().trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--population: area " + (a + 1) + " has population '" + v + "'");
                    }
                }
            }
        }
        // areas in metres: the UTM zone of the layer's centre
        Envelope env = new Envelope();
        for (Geometry g : polys) if (g != null) env.expandToInclude(g.getEnvelopeInternal());
        Projection metric = Projection.utm(env.centre().x, env.centre().y);
        Geometry[] m = new Geometry[n];
        double[] km2 = new double[n];
        for (int a = 0; a < n; a++) {
            m[a] = polys.get(a) == null ? null : metric.toMetric(polys.get(a));
            km2[a] = m[a] == null ? 0 : m[a].getArea() / 1e6;
        }
        double[] cnt = new double[n];
        for (int a = 0; a < n; a++) cnt[a] = count[a];
        double[] eb = null, seb = null;
        if (popField >= 0) {
            eb = EmpiricalBayes.global(cnt, pop);
            SpatialWeights q = Contiguity.build(m, true);
            int[][] nb = new int[n][];
            for (int a = 0; a < n; a++) nb[a] = q.neighbours(a);
            seb = EmpiricalBayes.spatial(cnt, pop, nb);
        }
        String rateCol = rateBase == 1000 ? "RATE_PER_1000" : "RATE_PER_" + (long) rateBase;
        StructType schema = areas.schema().add("CRIME_COUNT", DataTypes.IntegerType);
        for (String c : catCols) schema = schema.add(c, DataTypes.IntegerType);
        if (popField >= 0) schema = schema.add(rateCol, DataTypes.DoubleType).add("EB_RATE", DataTypes.DoubleType).add("SEB_RATE", DataTypes.DoubleType);
        schema = schema.add("DENSITY_KM2", DataTypes.DoubleType).add("geometry", GeoOutput.GEOMETRY);
        List<Row> out = new ArrayList<>(n);
        for (int a = 0; a < n; a++) {
            List<Object> v = new ArrayList<>();
            Row r = areas.rows().get(a);
            for (int i = 0; i < r.size(); i++) v.add(r.get(i));
            v.add(count[a]);
            for (String c : chosen) v.add(perCat.containsKey(c) ? perCat.get(c)[a] : 0);
            if (popField >= 0) {
                v.add(pop[a] > 0 ? count[a] / pop[a] * rateBase : null);
                v.add(Double.isFinite(eb[a]) ? eb[a] * rateBase : null);
                v.add(Double.isFinite(seb[a]) ? seb[a] * rateBase : null);
            }
            v.add(km2[a] > 0 ? count[a] / km2[a] : null);
            v.add(areas.geometries().get(a));
            out.add(RowFactory.create(v.toArray()));
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("areas", n);
        s.putAll(repairs.details());
        s.put("incidents_counted", counted);
        s.put("incidents_outside_every_area", outside);
        s.put("incidents_on_boundaries_shared_by_several_areas", onShared);
        s.put("boundary_rule", "counted once, for the first covering area in layer order");
        s.put("categories", chosen);
        if (filtered) s.put("incidents_in_other_categories", otherCategories);
        if (popField >= 0) s.put("areas_with_zero_or_no_population", Arrays.stream(pop).filter(x -> !(x > 0)).count());
        s.put("area_crs", metric.code());
        return new Result(spark.createDataFrame(out, schema), s);
    }
}
