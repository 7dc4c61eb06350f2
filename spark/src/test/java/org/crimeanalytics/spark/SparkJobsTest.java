package org.crimeanalytics.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.crimeanalytics.grid.Grid;
import org.crimeanalytics.ingest.IncidentIngest;
import org.crimeanalytics.ingest.Reason;
import org.crimeanalytics.process.ImportIncidentsProcess;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spark jobs in local[2] against the single-machine processes on the same input (the LAPD sample, and the bundled
 * Chicago January 2017 export cut into parts): rows read and rejections by reason equal, Gi* per cell equal to 1e-9,
 * emerging hot spot patterns identical, kernel density per cell equal to 1e-9 relative.
 */
class SparkJobsTest {

    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = session();
    }

    /** local[2], 4 shuffle partitions (Spark's 200 make small tests minutes long), Sedona registered. */
    static SparkSession session() {
        return org.apache.sedona.spark.SedonaContext.create(SparkSession.builder().master("local[2]").appName("crime-analytics tests")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static IncidentIngest.Result single(Path file) throws Exception {
        return ImportIncidentsProcess.ingestFiles(List.of(file), file.getFileName().toString(),
                ImportIncidentsProcess.options(null, null, null, null, null, null), null);
    }

    @Test
    void ingestCountsEqualTheSingleMachineImport() throws Exception {
        for (String f : new String[] {"test-data/lapd_sample10k.csv", "test-data/chicago_2017_01.csv.gz"}) {
            IncidentIngest.Result one = single(Path.of(f));
            SparkIngest.Options o = new SparkIngest.Options();
            SparkIngest.Result s = SparkIngest.read(spark, List.of(Path.of(f).toAbsolutePath().toString()), o);
            assertEquals(one.report().rowsRead(), s.rowsRead(), f + ": rows read");
            assertEquals(one.report().accepted(), s.accepted(), f + ": incidents");
            for (Reason r : Reason.values()) {
                assertEquals(one.report().rejected(r), (long) s.rejected().getOrDefault(r, 0L), f + ": " + r);
            }
            assertEquals(one.format().name(), s.format());
        }
    }

    @Test
    void aFileCutIntoPartsGivesTheSameIncidents() throws Exception {
        // the LAPD sample (2.5 MB) cut into 300 kB parts: duplicates and locations settled across them
        SparkIngest.Options o = new SparkIngest.Options();
        o.partBytes = 300_000;
        SparkIngest.Result s = SparkIngest.read(spark, List.of(Path.of("test-data/lapd_sample10k.csv").toAbsolutePath().toString()), o);
        IncidentIngest.Result one = single(Path.of("test-data/lapd_sample10k.csv"));
        assertEquals(one.report().accepted(), s.accepted());
        assertEquals(one.report().rejected(), s.rejected().values().stream().mapToLong(Long::longValue).sum());
        assertTrue(SparkIngest.jobs(List.of(Path.of("test-data/lapd_sample10k.csv").toAbsolutePath().toString()),
                spark.sparkContext().hadoopConfiguration(), 300_000).size() > 5, "cut into parts");
    }

    @Test
    void gridHotSpotsEqualTheSingleMachineProcess() throws Exception {
        gridHotSpotsEqualTheSingleMachineProcess(Path.of("test-data/chicago_2017_01.csv.gz"));
    }

    static void gridHotSpotsEqualTheSingleMachineProcess(Path f) throws Exception {
        SparkIngest.Result s = SparkIngest.read(spark, List.of(f.toAbsolutePath().toString()), new SparkIngest.Options());
        HotSpotsJob.Result r = HotSpotsJob.run(spark, s.incidents(), Jobs.projection(s.incidents(), s.accepted(), null), Grid.Shape.HEXAGON, 500, null, true);
        SimpleFeatureCollection incidents = new org.crimeanalytics.geo.IncidentCollection(single(f).table());
        Map<String, Object> out = new org.crimeanalytics.process.HotSpotsProcess().execute(incidents, null, null, 500.0, Grid.Shape.HEXAGON,
                null, null, null, null, true, null, null, null, null, null, null);
        Map<String, Object[]> expected = new HashMap<>();
        try (SimpleFeatureIterator it = ((SimpleFeatureCollection) out.get("result")).features()) {
            while (it.hasNext()) {
                SimpleFeature c = it.next();
                expected.put((String) c.getAttribute("CELL_ID"), new Object[] {c.getAttribute("JOIN_COUNT"), c.getAttribute("GiZScore"),
                    c.getAttribute("Gi_Bin")});
            }
        }
        List<Row> cells = r.cells().collectAsList();
        assertEquals(expected.size(), cells.size(), "cells");
        double worst = 0;
        for (Row c : cells) {
            Object[] e = expected.get(c.getString(0));
            assertEquals(e[0], c.getInt(3), c.getString(0));
            if (e[1] == null) {
                assertTrue(c.isNullAt(4));
            } else {
                worst = Math.max(worst, Math.abs((Double) e[1] - c.getDouble(4)));
                assertEquals((Double) e[1], c.getDouble(4), 1e-9, c.getString(0));
            }
            assertEquals(e[2], c.getInt(7), c.getString(0));
        }
        System.out.printf("Spark Gi*: %d cells equal, largest |dz| %.2e%n", cells.size(), worst);
    }

    static Map<String, SimpleFeature> byCell(Object fc) {
        Map<String, SimpleFeature> m = new HashMap<>();
        try (SimpleFeatureIterator it = ((SimpleFeatureCollection) fc).features()) {
            while (it.hasNext()) {
                SimpleFeature c = it.next();
                m.put((String) c.getAttribute("CELL_ID"), c);
            }
        }
        return m;
    }

    @Test
    void emergingHotSpotsEqualTheSingleMachineProcess() throws Exception {
        emergingHotSpotsEqualTheSingleMachineProcess(Path.of("test-data/chicago_2017_01.csv.gz"), EmergingJob.Step.DAY, 31);
    }

    static void emergingHotSpotsEqualTheSingleMachineProcess(Path f, EmergingJob.Step step, int steps) throws Exception {
        SparkIngest.Result s = SparkIngest.read(spark, List.of(f.toAbsolutePath().toString()), new SparkIngest.Options());
        org.apache.spark.sql.Dataset<Row> used = EmergingJob.usable(s.incidents(), step);
        long n = used.count();
        EmergingJob.Result r = EmergingJob.run(spark, used, Jobs.projection(used, n, null), 500, step, 750, 1);
        Map<String, Object> out = new org.crimeanalytics.process.EmergingHotSpotsProcess().execute(
                new org.crimeanalytics.geo.IncidentCollection(single(f).table()), null, 500.0,
                org.crimeanalytics.process.EmergingHotSpotsProcess.Step.valueOf(step.name()), 750.0, 1, null, null);
        Map<String, SimpleFeature> expected = byCell(out.get("result"));
        List<Row> cells = r.cells().collectAsList();
        assertEquals(expected.size(), cells.size(), "cells");
        assertEquals(steps, r.summary().get("steps"));
        @SuppressWarnings("unchecked")
        Map<String, Object> ps = (Map<String, Object>) org.crimeanalytics.json.Json.parse((String) out.get("summary"));
        assertEquals(ps.get("incidents_in_partial_steps") == null ? null : ((Number) ps.get("incidents_in_partial_steps")).longValue(),
                r.summary().get("incidents_in_partial_steps"), "incidents in weeks covered in part, left out");
        Map<String, Integer> patterns = new HashMap<>();
        for (Row c : cells) {
            SimpleFeature e = expected.get(c.getString(0));
            assertEquals(e.getAttribute("PATTERN"), c.getString(4), c.getString(0));
            assertEquals(e.getAttribute("COUNT"), c.getInt(5), c.getString(0));
            assertEquals(e.getAttribute("HOT_STEPS"), c.getInt(6), c.getString(0));
            assertEquals((Double) e.getAttribute("TREND_Z"), c.getDouble(8), 1e-9, c.getString(0));
            if (e.getAttribute("ZTREND_Z") != null) assertEquals((Double) e.getAttribute("ZTREND_Z"), c.getDouble(10), 1e-9, c.getString(0));
            patterns.merge(c.getString(4), 1, Integer::sum);
        }
        assertTrue(patterns.size() > 2, "several patterns: " + patterns);
        System.out.println("Spark emerging hot spots: " + cells.size() + " cells, patterns equal: " + patterns);
    }

    @Test
    void kernelDensityEqualsTheSingleMachineProcess() throws Exception {
        kernelDensityEqualsTheSingleMachineProcess(Path.of("test-data/lapd_sample10k.csv"));
    }

    static void kernelDensityEqualsTheSingleMachineProcess(Path f) throws Exception {
        SparkIngest.Result s = SparkIngest.read(spark, List.of(f.toAbsolutePath().toString()), new SparkIngest.Options());
        Projection proj = Jobs.projection(s.incidents(), s.accepted(), null);
        org.crimeanalytics.geo.IncidentCollection incidents = new org.crimeanalytics.geo.IncidentCollection(single(f).table());
        // the Silverman bandwidth chosen from the data, exact sum; a given bandwidth, binned, on hexagons
        Object[][] runs = {
            {null, org.crimeanalytics.density.KernelDensity.Method.EXACT, Grid.Shape.SQUARE, 250.0},
            {1500.0, org.crimeanalytics.density.KernelDensity.Method.BINNED, Grid.Shape.HEXAGON, 300.0}};
        for (Object[] run : runs) {
            Double h = (Double) run[0];
            org.crimeanalytics.density.KernelDensity.Method m = (org.crimeanalytics.density.KernelDensity.Method) run[1];
            Grid.Shape shape = (Grid.Shape) run[2];
            double cell = (Double) run[3];
            KdeJob.Result r = KdeJob.run(spark, s.incidents(), proj, org.crimeanalytics.density.Kernel.QUARTIC, h,
                    org.crimeanalytics.density.Bandwidth.Rule.SILVERMAN, shape, cell, m);
            Map<String, Object> out = new org.crimeanalytics.process.KernelDensityProcess().execute(incidents, null, null, null, null, null,
                    null, null, null, null, null, null, h, null, cell, shape, null, m, null, null, null, null, null, null, null, null);
            Map<String, SimpleFeature> expected = byCell(out.get("result"));
            List<Row> cells = r.cells().collectAsList();
            assertEquals(expected.size(), cells.size(), m + ": cells");
            double worst = 0, max = 0;
            for (Row c : cells) {
                SimpleFeature e = expected.get(c.getString(0));
                assertEquals(e.getAttribute("JOIN_COUNT"), c.getInt(3), c.getString(0));
                double ev = (Double) e.getAttribute("KDE");
                max = Math.max(max, ev);
                worst = Math.max(worst, Math.abs(ev - c.getDouble(4)) / Math.max(ev, 1e-300));
            }
            assertTrue(max > 0);
            assertTrue(worst < 1e-9, m + ": largest relative difference " + worst);
            System.out.printf("Spark KDE %s %s: %d cells, bandwidth %s m, largest relative difference %.2e%n", m, shape, cells.size(),
                    ((Map<?, ?>) r.summary().get("bandwidth")).get("bandwidth_m"), worst);
        }
    }

    @Test
    void areaCountsRatesAndEmpiricalBayesEqualTheSingleMachineProcess() throws Exception {
        areaCountsRatesAndEmpiricalBayesEqualTheSingleMachineProcess(Path.of("test-data/chicago_2017_01.csv.gz"), Path.of("test-data/chicago_community_areas.geojson"), "TOT_POP");
    }

    static void areaCountsRatesAndEmpiricalBayesEqualTheSingleMachineProcess(Path f, Path areasFile, String population) throws Exception {
        SparkIngest.Result s = SparkIngest.read(spark, List.of(f.toAbsolutePath().toString()), new SparkIngest.Options());
        AreasJob.Result r = AreasJob.run(spark, s.incidents(), AreasJob.read(spark, areasFile.toAbsolutePath().toString()), population,
                1000, null, 5);
        Map<String, Object> out = new org.crimeanalytics.process.AggregateToAreasProcess().execute(
                new org.crimeanalytics.geo.IncidentCollection(single(f).table()), org.crimeanalytics.geo.GeoJson.read(areasFile), population,
                1000.0, null, null, 5, null, null, null, null, null, null, null);
        List<SimpleFeature> expected = new java.util.ArrayList<>();
        try (SimpleFeatureIterator it = ((SimpleFeatureCollection) out.get("result")).features()) {
            while (it.hasNext()) expected.add(it.next());
        }
        List<Row> areas = r.areas().collectAsList();
        assertEquals(77, areas.size()); // Chicago's community areas
        assertEquals(expected.size(), areas.size());
        org.apache.spark.sql.types.StructType schema = r.areas().schema();
        String[] fields = {"CRIME_COUNT", "RATE_PER_1000", "EB_RATE", "SEB_RATE", "DENSITY_KM2"};
        List<String> cnt = new java.util.ArrayList<>();
        for (String n : schema.fieldNames()) if (n.startsWith("CNT_")) cnt.add(n);
        List<String> expectedCnt = new java.util.ArrayList<>();
        for (org.geotools.api.feature.type.AttributeDescriptor d : expected.get(0).getFeatureType().getAttributeDescriptors()) {
            if (d.getLocalName().startsWith("CNT_")) expectedCnt.add(d.getLocalName());
        }
        assertEquals(expectedCnt, cnt, "the category columns (the process's top five of the categories present)");
        assertTrue(cnt.size() >= 4, "categories: " + cnt);
        long total = 0;
        for (int a = 0; a < areas.size(); a++) {
            SimpleFeature e = expected.get(a);
            Row g = areas.get(a);
            assertEquals(e.getAttribute("community").toString(), g.getAs("community").toString(), "layer order");
            for (String c : cnt) assertEquals(e.getAttribute(c), g.getAs(c), c + ", area " + (a + 1));
            total += (Integer) g.getAs("CRIME_COUNT");
            for (String name : fields) {
                Number ev = (Number) e.getAttribute(name), gv = g.getAs(name);
                if (ev == null) {
                    assertTrue(gv == null, name);
                    continue;
                }
                assertEquals(ev.doubleValue(), gv.doubleValue(), 1e-9 * Math.max(1, Math.abs(ev.doubleValue())), name + ", area " + (a + 1));
            }
        }
        assertEquals(s.accepted(), total + ((Number) r.summary().get("incidents_outside_every_area")).longValue());
        // categories given: a filter in both (CRIME_COUNT and the rates count them only), the same counts and rates
        AreasJob.Result rv = AreasJob.run(spark, s.incidents(), AreasJob.read(spark, areasFile.toAbsolutePath().toString()), population,
                1000, "violent,drugs", 5);
        Map<String, Object> outV = new org.crimeanalytics.process.AggregateToAreasProcess().execute(
                new org.crimeanalytics.geo.IncidentCollection(single(f).table()), org.crimeanalytics.geo.GeoJson.read(areasFile), population,
                1000.0, null, "violent,drugs", 5, null, null, null, null, null, null, null);
        List<SimpleFeature> ev = new java.util.ArrayList<>();
        try (SimpleFeatureIterator it = ((SimpleFeatureCollection) outV.get("result")).features()) {
            while (it.hasNext()) ev.add(it.next());
        }
        List<Row> gv = rv.areas().collectAsList();
        long filteredTotal = 0;
        for (int a = 0; a < gv.size(); a++) {
            assertEquals(ev.get(a).getAttribute("CRIME_COUNT"), gv.get(a).getAs("CRIME_COUNT"), "violent and drugs, area " + (a + 1));
            assertEquals((Integer) ev.get(a).getAttribute("CNT_VIOLENT") + (Integer) ev.get(a).getAttribute("CNT_DRUGS"),
                    (Integer) gv.get(a).getAs("CRIME_COUNT"));
            Number e1 = (Number) ev.get(a).getAttribute("RATE_PER_1000"), g1 = gv.get(a).getAs("RATE_PER_1000");
            if (e1 != null) assertEquals(e1.doubleValue(), g1.doubleValue(), 1e-9 * Math.max(1, e1.doubleValue()));
            filteredTotal += (Integer) gv.get(a).getAs("CRIME_COUNT");
        }
        assertTrue(filteredTotal > 0 && filteredTotal < total, filteredTotal + " of " + total);
        assertEquals(total - filteredTotal, ((Number) rv.summary().get("incidents_in_other_categories")).longValue());
        System.out.println("Spark areas: 77 community areas equal (counts, top-5 categories, rates, EB, SEB, density); " + r.summary());
    }

    @Test
    void outputsAreGeoParquetWithTheirCrs(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String out = dir.resolve("hotspots").toString();
        String summary = Jobs.run(new String[] {"hotspots", "--input", Path.of("test-data/lapd_sample10k.csv").toAbsolutePath().toString(),
            "--cell-size", "500", "--output", out, "--master", "local[2]"});
        assertTrue(summary.contains("\"cells\""), summary);
        spark = session(); // Jobs.run stopped the shared session
        Row meta = spark.read().format("geoparquet.metadata").load(out).first();
        String text = meta.toString();
        assertTrue(text.contains("CRS84"), "CRS in the file metadata: " + text);
        org.apache.spark.sql.Dataset<Row> cells = spark.read().format("geoparquet").load(out);
        Row c = cells.selectExpr("ST_GeometryType(geometry)", "ST_X(ST_Centroid(geometry))", "ST_Y(ST_Centroid(geometry))").first();
        assertEquals("ST_Polygon", c.getString(0));
        assertTrue(c.getDouble(1) > -119 && c.getDouble(1) < -117.5 && c.getDouble(2) > 33.5 && c.getDouble(2) < 34.5,
                "a Los Angeles cell in longitude/latitude: " + c);
        assertEquals(cells.count(), ((Number) ((Map<?, ?>) org.crimeanalytics.json.Json.parse(summary)).get("cells")).longValue());
    }

    @Test
    void clustersEqualTheSingleMachineProcess() throws Exception {
        clustersEqualTheSingleMachineProcess(Path.of("test-data/chicago_2017_01.csv.gz"));
    }

    static void clustersEqualTheSingleMachineProcess(Path f) throws Exception {
        SparkIngest.Result s = SparkIngest.read(spark, List.of(f.toAbsolutePath().toString()), new SparkIngest.Options());
        Projection proj = Jobs.projection(s.incidents(), s.accepted(), null);
        org.crimeanalytics.geo.IncidentCollection incidents = new org.crimeanalytics.geo.IncidentCollection(single(f).table());
        for (ClustersJob.Method m : ClustersJob.Method.values()) {
            // DBSCAN in 1.5 km tiles: about 300 tiles, clusters crossing their borders
            ClustersJob.Result r = ClustersJob.run(spark, s.incidents(), proj, m, 10, 1, 150, 20, 1500);
            Map<String, Object> out = new org.crimeanalytics.process.ClusterIncidentsProcess().execute(incidents,
                    org.crimeanalytics.process.ClusterIncidentsProcess.Method.valueOf(m.name()), 10, null, null, 150.0, 20, 1, null, null,
                    null, null, null, null, null, null, null, null, null);
            Map<String, Integer> expected = new HashMap<>();
            int clusters = 0;
            try (SimpleFeatureIterator it = ((SimpleFeatureCollection) out.get("result")).features()) {
                while (it.hasNext()) {
                    SimpleFeature e = it.next();
                    Integer c = (Integer) e.getAttribute("CLUSTER_ID");
                    expected.put((String) e.getAttribute("incident_id"), c);
                    if (c != null) clusters = Math.max(clusters, c + 1);
                }
            }
            List<Row> got = r.incidents().select("incident_id", "CLUSTER_ID").collectAsList();
            assertEquals(expected.size(), got.size(), m + ": incidents");
            int differ = 0;
            for (Row g : got) if (!java.util.Objects.equals(expected.get(g.getString(0)), g.getInt(1))) differ++;
            assertEquals(0, differ, m + ": incidents with another CLUSTER_ID");
            assertEquals(clusters, r.summary().get("clusters"), m + ": clusters");
            assertEquals(clusters, r.clusters().count());
            if (m == ClustersJob.Method.KMEANS) {
                double sse = ((Number) ((Map<?, ?>) org.crimeanalytics.json.Json.parse((String) out.get("summary"))).get("sse_m2")).doubleValue();
                assertEquals(sse, ((Number) r.summary().get("sse_m2")).doubleValue(), 1e-9 * sse);
            } else {
                assertTrue(((Number) r.summary().get("components_merged_across_tiles")).intValue() > 0, "clusters cross tile borders: " + r.summary());
            }
            System.out.println("Spark clusters " + m + ": " + got.size() + " incidents, " + clusters + " clusters, labels equal; " + r.summary());
        }
    }

    /** k-means on distinct locations with weights (the LAPD sample repeats its block locations): labels and SSE equal. */
    @Test
    void kMeansOnRepeatedLocationsEqualsTheSingleMachineProcess() throws Exception {
        Path f = Path.of("test-data/lapd_sample10k.csv");
        SparkIngest.Result s = SparkIngest.read(spark, List.of(f.toAbsolutePath().toString()), new SparkIngest.Options());
        ClustersJob.Result r = ClustersJob.run(spark, s.incidents(), Jobs.projection(s.incidents(), s.accepted(), null),
                ClustersJob.Method.KMEANS, 8, 3, 150, 20, 5000);
        int distinct = ((Number) r.summary().get("distinct_locations")).intValue();
        assertTrue(org.crimeanalytics.cluster.FastKMeans.usesDistinct(distinct, s.accepted()), distinct + " distinct of " + s.accepted());
        Map<String, Object> out = new org.crimeanalytics.process.ClusterIncidentsProcess().execute(
                new org.crimeanalytics.geo.IncidentCollection(single(f).table()), org.crimeanalytics.process.ClusterIncidentsProcess.Method.KMEANS,
                8, null, null, null, null, 3, null, null, null, null, null, null, null, null, null, null, null);
        Map<String, Integer> expected = new HashMap<>();
        try (SimpleFeatureIterator it = ((SimpleFeatureCollection) out.get("result")).features()) {
            while (it.hasNext()) {
                SimpleFeature e = it.next();
                expected.put((String) e.getAttribute("incident_id"), (Integer) e.getAttribute("CLUSTER_ID"));
            }
        }
        List<Row> got = r.incidents().select("incident_id", "CLUSTER_ID").collectAsList();
        assertEquals(expected.size(), got.size());
        for (Row g : got) assertEquals(expected.get(g.getString(0)), g.getInt(1), g.getString(0));
        double sse = ((Number) ((Map<?, ?>) org.crimeanalytics.json.Json.parse((String) out.get("summary"))).get("sse_m2")).doubleValue();
        assertEquals(sse, ((Number) r.summary().get("sse_m2")).doubleValue(), 1e-9 * sse);
        System.out.println("Spark k-means on " + distinct + " distinct locations of " + s.accepted() + " incidents: labels and SSE equal");
    }

    /** A city's export as Parquet (text columns, and with types inferred) reads as its CSV does; the ingest output reads back as is. */
    @Test
    void parquetExportsAndIngestOutputsAreInputs(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = Path.of("test-data/lapd_sample10k.csv");
        IncidentIngest.Result one = single(f);
        for (boolean typed : new boolean[] {false, true}) {
            String pq = dir.resolve("lapd_" + typed + ".parquet").toString();
            spark.read().option("header", "true").option("inferSchema", String.valueOf(typed)).option("multiLine", "true")
                    .option("escape", "\"").csv(f.toAbsolutePath().toString()).coalesce(1).write().parquet(pq);
            SparkIngest.Result s = SparkIngest.read(spark, List.of(pq), new SparkIngest.Options());
            assertEquals(one.report().rowsRead(), s.rowsRead(), "typed " + typed + ": rows read");
            assertEquals(one.report().accepted(), s.accepted(), "typed " + typed + ": incidents");
            for (Reason r : Reason.values()) {
                assertEquals(one.report().rejected(r), (long) s.rejected().getOrDefault(r, 0L), "typed " + typed + ": " + r);
            }
            assertEquals("LAPD", s.format());
        }
        String out = dir.resolve("ingested").toString();
        Jobs.run(new String[] {"ingest", "--input", f.toAbsolutePath().toString(), "--output", out, "--master", "local[2]"});
        spark = session();
        SparkIngest.Result back = SparkIngest.read(spark, List.of(out), new SparkIngest.Options());
        assertEquals("INGESTED", back.format());
        assertEquals(one.report().accepted(), back.accepted());
        HotSpotsJob.Result a = HotSpotsJob.run(spark, back.incidents(), Jobs.projection(back.incidents(), back.accepted(), null),
                Grid.Shape.HEXAGON, 500, null, false);
        SparkIngest.Result csv = SparkIngest.read(spark, List.of(f.toAbsolutePath().toString()), new SparkIngest.Options());
        HotSpotsJob.Result b = HotSpotsJob.run(spark, csv.incidents(), Jobs.projection(csv.incidents(), csv.accepted(), null),
                Grid.Shape.HEXAGON, 500, null, false);
        assertEquals(b.cells().select("CELL_ID", "JOIN_COUNT", "GiZScore").collectAsList().stream().map(Row::toString).sorted().toList(),
                a.cells().select("CELL_ID", "JOIN_COUNT", "GiZScore").collectAsList().stream().map(Row::toString).sorted().toList());
    }

    /**
     * Opt-in ({@code -Dcrime.spark.year=true}, needs {@code ../shared/data}): every job on the whole Chicago 2017 export
     * (268 k rows) against the processes.
     */
    @Test
    void aChicagoYearEqualsTheSingleMachineProcesses() throws Exception {
        Path f = Path.of("../shared/data/chicago/crimes_2017.csv.gz"), areas = Path.of("../shared/data/chicago/community_areas_pop.geojson");
        if (!java.nio.file.Files.exists(f)) f = Path.of("../../shared/data/chicago/crimes_2017.csv.gz");
        if (!java.nio.file.Files.exists(areas)) areas = Path.of("../../shared/data/chicago/community_areas_pop.geojson");
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("crime.spark.year") && java.nio.file.Files.exists(f),
                "the Chicago-year comparison runs with -Dcrime.spark.year=true and ../shared/data");
        gridHotSpotsEqualTheSingleMachineProcess(f);
        // 52 whole weeks: the week of Monday 2016-12-26 holds only Sunday 2017-01-01 and is left out by both
        emergingHotSpotsEqualTheSingleMachineProcess(f, EmergingJob.Step.WEEK, 52);
        kernelDensityEqualsTheSingleMachineProcess(f);
        areaCountsRatesAndEmpiricalBayesEqualTheSingleMachineProcess(f, areas, "POP2010");
        clustersEqualTheSingleMachineProcess(f);
    }

    /**
     * Opt-in ({@code -Dcrime.postgis.url=jdbc:postgresql://host/db?user=..&password=..}): hot spots written into a PostGIS
     * table, made a geometry column as the README says, read back by PostGIS.
     */
    @Test
    void hotSpotsIntoPostGis() throws Exception {
        String url = System.getProperty("crime.postgis.url");
        org.junit.jupiter.api.Assumptions.assumeTrue(url != null, "the PostGIS output test runs with -Dcrime.postgis.url=jdbc:postgresql://...");
        String summary = Jobs.run(new String[] {"hotspots", "--input", Path.of("test-data/lapd_sample10k.csv").toAbsolutePath().toString(),
            "--cell-size", "500", "--output", url + (url.contains("?") ? "&" : "?") + "table=crime_hotspots_test", "--master", "local[2]"});
        spark = session();
        Map<?, ?> sm = (Map<?, ?>) org.crimeanalytics.json.Json.parse(summary);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement st = c.createStatement()) {
            st.execute("ALTER TABLE crime_hotspots_test ALTER geom_wkb TYPE geometry(Geometry,4326) USING ST_GeomFromEWKB(geom_wkb)");
            try (java.sql.ResultSet r = st.executeQuery("SELECT count(*), sum(\"JOIN_COUNT\"), min(ST_SRID(geom_wkb)), bool_and(ST_IsValid(geom_wkb)), "
                    + "min(GeometryType(geom_wkb)), sum(CASE WHEN \"Gi_Bin\" > 0 THEN 1 ELSE 0 END), "
                    + "bool_and(ST_Contains(ST_MakeEnvelope(-119, 33.5, -117.5, 34.5, 4326), geom_wkb)) FROM crime_hotspots_test")) {
                r.next();
                assertEquals(((Number) sm.get("cells")).longValue(), r.getLong(1), "rows");
                assertEquals(((Number) sm.get("incidents")).longValue(), r.getLong(2), "incidents in the cells");
                assertEquals(4326, r.getInt(3));
                assertTrue(r.getBoolean(4), "valid polygons");
                assertEquals("POLYGON", r.getString(5));
                assertEquals(((Number) sm.get("hot_spots")).longValue(), r.getLong(6), "hot spots");
                assertTrue(r.getBoolean(7), "cells in Los Angeles, longitude/latitude");
            }
            st.execute("DROP TABLE crime_hotspots_test");
        }
    }

    /** Neighbour sums as a distributed join (the path for more cells than a driver holds) give the driver's Gi*. */
    @Test
    void distributedGiStarEqualsTheDriversGiStar() throws Exception {
        Path f = Path.of("test-data/chicago_2017_01.csv.gz");
        SparkIngest.Result s = SparkIngest.read(spark, List.of(f.toAbsolutePath().toString()), new SparkIngest.Options());
        Projection proj = Jobs.projection(s.incidents(), s.accepted(), null);
        // the band chosen from the data (the distributed nearest-neighbour search), with FDR; a given band, raw levels
        for (Object[] run : new Object[][] {{Grid.Shape.HEXAGON, 500.0, null, true}, {Grid.Shape.SQUARE, 300.0, 1000.0, false}}) {
            Grid.Shape shape = (Grid.Shape) run[0];
            double cell = (Double) run[1];
            Double band = (Double) run[2];
            boolean fdr = (Boolean) run[3];
            HotSpotsJob.Result driver = HotSpotsJob.run(spark, s.incidents(), proj, shape, cell, band, fdr, Long.MAX_VALUE);
            HotSpotsJob.Result joined = HotSpotsJob.run(spark, s.incidents(), proj, shape, cell, band, fdr, 0);
            assertEquals(driver.summary().get("distance_band_m"), joined.summary().get("distance_band_m"), shape + " band");
            assertEquals(((Number) driver.summary().get("hot_spots")).longValue(), ((Number) joined.summary().get("hot_spots")).longValue());
            Map<String, Row> byId = new HashMap<>();
            for (Row r : driver.cells().collectAsList()) byId.put(r.getString(0), r);
            List<Row> got = joined.cells().collectAsList();
            assertEquals(byId.size(), got.size(), shape + " cells");
            for (Row g : got) {
                Row e = byId.get(g.getString(0));
                assertEquals(e.getInt(3), g.getInt(3));
                assertEquals(e.getInt(6), g.getInt(6), "neighbours of " + g.getString(0));
                if (e.isNullAt(4)) assertTrue(g.isNullAt(4));
                else assertEquals(e.getDouble(4), g.getDouble(4), 1e-9, g.getString(0));
                assertEquals(e.getInt(7), g.getInt(7), "bin of " + g.getString(0));
                assertEquals(e.getString(8), g.getString(8));
            }
            System.out.println("Spark distributed Gi* " + shape + " " + cell + " m: " + got.size() + " cells equal, band "
                    + joined.summary().get("distance_band_m"));
        }
    }

    /** With a CRS in US survey feet the cell size is still metres, as in the process (fault 2 of issue 19). */
    @Test
    void aStatePlaneInFeetGivesTheProcesssCells() throws Exception {
        Path f = Path.of("test-data/chicago_2017_01.csv.gz");
        SparkIngest.Result s = SparkIngest.read(spark, List.of(f.toAbsolutePath().toString()), new SparkIngest.Options());
        HotSpotsJob.Result r = HotSpotsJob.run(spark, s.incidents(), new Projection("EPSG:3435"), Grid.Shape.SQUARE, 500, null, false);
        Map<String, Object> out = new org.crimeanalytics.process.HotSpotsProcess().execute(
                new org.crimeanalytics.geo.IncidentCollection(single(f).table()), null, null, 500.0, Grid.Shape.SQUARE, null, null, null,
                null, false, org.geotools.referencing.CRS.decode("EPSG:3435"), null, null, null, null, null);
        Map<String, SimpleFeature> expected = byCell(out.get("result"));
        List<Row> cells = r.cells().collectAsList();
        assertEquals(expected.size(), cells.size(), "cells of 500 m, not 500 ft");
        assertTrue(cells.size() < 3000, cells.size() + " cells");
        for (Row c : cells) {
            SimpleFeature e = expected.get(c.getString(0));
            assertEquals(e.getAttribute("JOIN_COUNT"), c.getInt(3), c.getString(0));
            if (!c.isNullAt(4)) assertEquals((Double) e.getAttribute("GiZScore"), c.getDouble(4), 1e-9, c.getString(0));
        }
    }
}
