package org.crimeanalytics.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.crimeanalytics.TestData;
import org.crimeanalytics.geo.Crs;
import org.crimeanalytics.json.Json;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.feature.NameImpl;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.process.ProcessException;
import org.geotools.process.Processors;
import org.geotools.data.util.NullProgressListener;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTReader;

class ClusterIncidentsProcessTest {

    /** Points in EPSG:32631 (UTM 31N, ground metres) from WKT; null for no geometry. */
    static SimpleFeatureCollection layer(String crs, String... wkt) throws Exception {
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName("inc");
        if (crs != null) tb.setCRS(Crs.decode(crs, "t"));
        tb.add("geom", Geometry.class);
        tb.add("offense", String.class);
        SimpleFeatureType t = tb.buildFeatureType();
        List<SimpleFeature> l = new ArrayList<>();
        for (int i = 0; i < wkt.length; i++) {
            l.add(SimpleFeatureBuilder.build(t, new Object[] {wkt[i] == null ? null : new WKTReader().read(wkt[i]), i % 3 == 0 ? "THEFT" : "BATTERY"}, "inc." + i));
        }
        return new ListFeatureCollection(t, l);
    }

    /** Three tight blobs 10 km apart, 30 points each, and two isolated points. */
    static SimpleFeatureCollection blobs() throws Exception {
        Random r = new Random(3);
        List<String> w = new ArrayList<>();
        double[][] c = {{0, 0}, {10000, 0}, {0, 10000}};
        for (double[] cc : c) for (int i = 0; i < 30; i++) w.add("POINT (" + (cc[0] + r.nextGaussian() * 50) + " " + (cc[1] + r.nextGaussian() * 50) + ")");
        w.add("POINT (5000 5000)");
        w.add("POINT (-7000 -7000)");
        return layer("EPSG:32631", w.toArray(new String[0]));
    }

    static Map<String, Object> run(Map<String, Object> in) {
        return Processors.createProcess(new NameImpl("crime", "ClusterIncidents")).execute(new HashMap<>(in), null);
    }

    static List<SimpleFeature> list(Object fc) {
        return HotSpotsProcessTest.list(fc);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> summary(Map<String, Object> out) {
        return (Map<String, Object>) Json.parse((String) out.get("summary"));
    }

    static String err(Map<String, Object> in) {
        return assertThrows(ProcessException.class, () -> run(in)).getMessage();
    }

    @Test
    void badInputNamesTheParameter() throws Exception {
        assertEquals("incidents: the collection is empty", err(Map.of("incidents", layer("EPSG:32631"))));
        assertTrue(err(Map.of("incidents", layer("EPSG:32631", "POLYGON ((0 0, 1 0, 1 1, 0 0))"))).startsWith("incidents: feature inc.0 has a Polygon"));
        assertTrue(err(Map.of("incidents", layer(null, "POINT (1 1)"))).startsWith("incidents: the layer has no coordinate reference system"));
        assertTrue(err(Map.of("incidents", blobs(), "k", 0)).startsWith("k:"));
        assertTrue(err(Map.of("incidents", layer("EPSG:32631", "POINT (1 1)", "POINT (1 1)"), "k", 2)).startsWith("k: 2 clusters asked for 1 distinct"));
        assertTrue(err(Map.of("incidents", blobs(), "method", ClusterIncidentsProcess.Method.DBSCAN, "eps", 0.0)).startsWith("eps:"));
        assertTrue(err(Map.of("incidents", blobs(), "maxFeatures", 10)).startsWith("maxFeatures:"));
        assertTrue(err(Map.of("incidents", blobs(), "method", ClusterIncidentsProcess.Method.EM, "minK", 5, "maxK", 3)).startsWith("minK, maxK:"));
        // an offense attribute the incidents lack: refused (TOP_OFFENSE would be null without a word)
        assertTrue(err(Map.of("incidents", blobs(), "k", 3, "offenseAttribute", "crime")).startsWith("offenseAttribute: no attribute 'crime' in incidents; attributes: ["));
    }

    @Test
    void onePointIdenticalPointsAndCollinearPoints() throws Exception {
        Map<String, Object> one = run(Map.of("incidents", layer("EPSG:32631", "POINT (5 5)"), "k", 1));
        SimpleFeature c = list(one.get("clusters")).get(0);
        assertEquals(1, c.getAttribute("CLUSTER_SIZE"));
        assertEquals("POINT (5 5)", ((Geometry) c.getDefaultGeometry()).toText());
        assertEquals(0.0, ((Number) summary(one).get("sse_m2")).doubleValue(), 0);
        Map<String, Object> same = run(Map.of("incidents", layer("EPSG:32631", "POINT (5 5)", "POINT (5 5)", "POINT (5 5)"), "k", 1));
        assertEquals(3, list(same.get("clusters")).get(0).getAttribute("CLUSTER_SIZE"));
        Map<String, Object> line = run(Map.of("incidents", layer("EPSG:32631", "POINT (0 0)", "POINT (10 0)", "POINT (20 0)"), "k", 1));
        assertEquals("LINESTRING (0 0, 20 0)", ((Geometry) list(line.get("clusters")).get(0).getDefaultGeometry()).toText());
        Map<String, Object> ell = run(Map.of("incidents", layer("EPSG:32631", "POINT (0 0)", "POINT (10 0)", "POINT (20 0)"), "k", 1,
                "shape", ClusterIncidentsProcess.Shape.ELLIPSE));
        Geometry g = (Geometry) list(ell.get("clusters")).get(0).getDefaultGeometry();
        assertEquals("LineString", g.getGeometryType());
        assertEquals(2 * Math.sqrt(200.0 / 3), g.getLength(), 1e-9); // 2 standard deviations along the line
    }

    @Test
    void wellSeparatedBlobsByKMeansAndDbscan() throws Exception {
        SimpleFeatureCollection b = blobs();
        List<SimpleFeature> km = list(run(Map.of("incidents", b, "k", 3)).get("result"));
        // the two stray points join a blob under k-means; the three blobs are never split or merged
        for (int blob = 0; blob < 3; blob++) {
            Set<Object> ids = new HashSet<>();
            for (int i = blob * 30; i < blob * 30 + 30; i++) ids.add(km.get(i).getAttribute("CLUSTER_ID"));
            assertEquals(1, ids.size(), "blob " + blob);
        }
        assertNotEquals(km.get(0).getAttribute("CLUSTER_ID"), km.get(30).getAttribute("CLUSTER_ID"));
        Map<String, Object> db = run(Map.of("incidents", b, "method", ClusterIncidentsProcess.Method.DBSCAN, "eps", 300.0, "minPoints", 5));
        List<SimpleFeature> fs = list(db.get("result"));
        assertEquals(-1, fs.get(90).getAttribute("CLUSTER_ID"));
        assertEquals(-1, fs.get(91).getAttribute("CLUSTER_ID"));
        assertEquals(-1, fs.get(91).getAttribute("COLOR_ID"));
        assertEquals(3L, summary(db).get("clusters"));
        assertEquals(2L, summary(db).get("noise"));
        List<SimpleFeature> cl = list(db.get("clusters"));
        assertEquals(30, cl.get(0).getAttribute("CLUSTER_SIZE"));
        assertEquals(30.0 / 92, (Double) cl.get(0).getAttribute("SHARE"), 1e-12);
        assertEquals("BATTERY", cl.get(0).getAttribute("TOP_OFFENSE")); // 20 of 30
        assertEquals(20.0 / 30, (Double) cl.get(0).getAttribute("TOP_SHARE"), 1e-12);
        Map<String, Object> op = run(Map.of("incidents", b, "method", ClusterIncidentsProcess.Method.OPTICS, "eps", 300.0, "minPoints", 5));
        assertEquals(3L, summary(op).get("clusters"));
        assertNull(list(op.get("result")).get(91).getAttribute("REACHABILITY"));
    }

    @Test
    void anIncidentTableGivesTheClustersAndLabelsOfTheSameFeaturesReadOneByOne() throws Exception {
        // the table path reads the offense column's codes; a copy of its features goes the general way (values by name)
        org.crimeanalytics.ingest.IncidentIngest.Result r;
        try (java.io.InputStream in = org.crimeanalytics.io.Inputs.open(TestData.testData("chicago_2017_01.csv.gz"), null)) {
            r = ImportIncidentsProcess.ingest(in, "jan", ImportIncidentsProcess.options(null, null, null, null, null, null), null, null, -1);
        }
        SimpleFeatureCollection table = new org.crimeanalytics.geo.IncidentCollection(r.table());
        SimpleFeatureCollection copy = new ListFeatureCollection(table.getSchema(), list(table));
        for (String offense : new String[] {"offense", "category", "premise"}) {
            Map<String, Object> a = run(Map.of("incidents", table, "k", 6, "offenseAttribute", offense));
            Map<String, Object> b = run(Map.of("incidents", copy, "k", 6, "offenseAttribute", offense));
            List<SimpleFeature> ca = list(a.get("clusters")), cb = list(b.get("clusters"));
            assertEquals(6, ca.size());
            for (int c = 0; c < 6; c++) {
                assertEquals(cb.get(c).getAttributes(), ca.get(c).getAttributes(), offense + ", cluster " + c);
                assertNotEquals(null, ca.get(c).getAttribute("TOP_OFFENSE"));
            }
            List<SimpleFeature> ra = list(a.get("result")), rb = list(b.get("result"));
            assertEquals(r.table().size(), ra.size());
            for (int i = 0; i < ra.size(); i += 97) {
                assertEquals(rb.get(i).getAttribute("CLUSTER_ID"), ra.get(i).getAttribute("CLUSTER_ID"), "incident " + i);
                assertEquals(rb.get(i).getAttribute("COLOR_ID"), ra.get(i).getAttribute("COLOR_ID"), "incident " + i);
            }
        }
    }

    @Test
    void aTableWhoseOffensesArePlainStringsGivesWhatItsFeaturesGive() throws Exception {
        // 120,000 incidents with 110,000 distinct offenses: the table holds them as Strings, not codes ('(none)' among them)
        org.crimeanalytics.geo.IncidentCollection table = TemporalProfileProcessTest.generated(120_000, 7, 120_000);
        assertNull(table.table().textCodes(org.crimeanalytics.ingest.IncidentTable.OFFENSE, new int[120_000]));
        SimpleFeatureCollection copy = new ListFeatureCollection(table.getSchema(), list(table));
        Map<String, Object> a = run(Map.of("incidents", table, "k", 4));
        Map<String, Object> b = run(Map.of("incidents", copy, "k", 4));
        List<SimpleFeature> ca = list(a.get("clusters")), cb = list(b.get("clusters"));
        for (int c = 0; c < 4; c++) assertEquals(cb.get(c).getAttributes(), ca.get(c).getAttributes(), "cluster " + c);
        assertEquals("(none)", ca.get(0).getAttribute("TOP_OFFENSE")); // one incident in 11, every other offense rare
    }

    @Test
    void nullGeometriesAreCountedKeptAndReported() throws Exception {
        Map<String, Object> out = run(Map.of("incidents", layer("EPSG:32631", "POINT (0 0)", null, "POINT (10 10)", "POINT (1000 0)"), "k", 2));
        List<SimpleFeature> fs = list(out.get("result"));
        assertEquals(4, fs.size());
        assertNull(fs.get(1).getAttribute("CLUSTER_ID"));
        assertEquals(1L, summary(out).get("incidents_without_geometry"));
        assertEquals(List.of("inc.1"), summary(out).get("first_without_geometry"));
    }

    @Test
    void emAndXMeansChooseKWithinTheRange() throws Exception {
        SimpleFeatureCollection b = blobs();
        for (ClusterIncidentsProcess.Method m : new ClusterIncidentsProcess.Method[] {ClusterIncidentsProcess.Method.EM,
            ClusterIncidentsProcess.Method.XMEANS}) {
            Map<String, Object> out = run(Map.of("incidents", b, "method", m, "minK", 2, "maxK", 6));
            long k = (Long) summary(out).get("k_chosen");
            assertTrue(k >= 2 && k <= 6, m + " chose " + k);
            List<SimpleFeature> fs = list(out.get("result"));
            assertNotEquals(fs.get(0).getAttribute("CLUSTER_ID"), fs.get(30).getAttribute("CLUSTER_ID"), m.name());
        }
    }

    @Test
    void deterministicForASeedAndAdjacentClustersNeverShareAColour() {
        SimpleFeatureCollection inc = ProcessCatalogTest.lapdIncidents();
        Map<String, Object> in = Map.of("incidents", inc, "method", ClusterIncidentsProcess.Method.DBSCAN, "eps", 400.0, "minPoints", 8);
        Map<String, Object> a = run(in);
        Map<String, Object> b = run(in);
        List<SimpleFeature> ca = list(a.get("clusters"));
        assertEquals(ca.size(), list(b.get("clusters")).size());
        assertTrue(ca.size() > 10);
        double near = ((Number) summary(a).get("adjacency_distance_m")).doubleValue();
        // check adjacency in metres through the same projection the process used
        org.crimeanalytics.geo.ProjectedPoints pp = org.crimeanalytics.geo.ProjectedPoints.extract(inc, null, false, "t", null);
        for (int i = 0; i < ca.size(); i++) {
            for (int j = i + 1; j < ca.size(); j++) {
                Geometry gi = pp.toMetric((Geometry) ca.get(i).getDefaultGeometry());
                Geometry gj = pp.toMetric((Geometry) ca.get(j).getDefaultGeometry());
                if (gi.distance(gj) < near * 0.999) {
                    assertNotEquals(ca.get(i).getAttribute("COLOR_ID"), ca.get(j).getAttribute("COLOR_ID"), i + " and " + j);
                }
            }
        }
        List<SimpleFeature> ra = list(a.get("result")), rb = list(b.get("result"));
        for (int i = 0; i < ra.size(); i += 97) assertEquals(ra.get(i).getAttribute("CLUSTER_ID"), rb.get(i).getAttribute("CLUSTER_ID"));
        assertEquals(inc.size(), ra.size());
    }

    @Test
    void cancellationStopsTheWork() {
        NullProgressListener cancelled = new NullProgressListener();
        cancelled.setCanceled(true);
        ProcessException e = assertThrows(ProcessException.class, () -> Processors.createProcess(new NameImpl("crime", "ClusterIncidents"))
                .execute(new HashMap<>(Map.of("incidents", ProcessCatalogTest.lapdIncidents())), cancelled));
        assertEquals("cancelled", e.getMessage());
    }

    @Test
    void resultsComeBackInTheInputCrs() {
        SimpleFeatureCollection inc = ProcessCatalogTest.lapdIncidents();
        Map<String, Object> out = run(Map.of("incidents", inc, "k", 10));
        SimpleFeatureCollection cl = (SimpleFeatureCollection) out.get("clusters");
        assertTrue(Crs.isLonLatWgs84(cl.getSchema().getCoordinateReferenceSystem()));
        for (SimpleFeature c : list(cl)) {
            double mx = (Double) c.getAttribute("MEAN_X");
            assertTrue(mx > -119 && mx < -117.5, "mean centre in degrees: " + mx);
            assertTrue(((Geometry) c.getDefaultGeometry()).getEnvelopeInternal().getWidth() < 2, "hull in degrees");
        }
        assertTrue(((String) out.get("style")).contains("<ogc:PropertyName>COLOR_ID</ogc:PropertyName>"));
        Point p = (Point) list(out.get("result")).get(0).getDefaultGeometry();
        assertEquals(-118.2978, p.getX(), 0);
    }

    @Test
    void offenceCountsAreTheSameDenseOrSparse() {
        // 3,000 clusters x 2,000 offense values is past the dense table's limit: the sorted pairs give the same counts
        java.util.Random r = new java.util.Random(9);
        int n = 50_000, clusters = 3000;
        List<String> names = new java.util.ArrayList<>();
        for (int k = 0; k < 2000; k++) names.add("offense " + k);
        int[] labels = new int[n], code = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(10) == 0 ? -1 : r.nextInt(clusters);
            code[i] = r.nextInt(10) == 0 ? -1 : r.nextInt(names.size());
        }
        List<java.util.Map<String, Integer>> sparse = ClusterIncidentsProcess.offenceCounts(labels, code, n, clusters, names);
        java.util.Map<String, Integer> expected0 = new java.util.HashMap<>();
        int total = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i] == 0 && code[i] >= 0) expected0.merge(names.get(code[i]), 1, Integer::sum);
            if (labels[i] >= 0 && code[i] >= 0) total++;
        }
        assertEquals(expected0, sparse.get(0));
        assertEquals(total, sparse.stream().mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).sum()).sum());
        // the dense path on the first 100 offense values gives what the sparse path gives
        int[] small = code.clone();
        for (int i = 0; i < n; i++) if (small[i] >= 100) small[i] = -1;
        List<java.util.Map<String, Integer>> dense = ClusterIncidentsProcess.offenceCounts(labels, small, n, clusters, names.subList(0, 100));
        List<java.util.Map<String, Integer>> sparseSmall = ClusterIncidentsProcess.offenceCounts(labels, small, n, clusters, names);
        assertEquals(sparseSmall, dense);
    }

    static SimpleFeatureCollection table(String csv) throws Exception {
        return new org.crimeanalytics.geo.IncidentCollection(ImportIncidentsProcess.ingest(new java.io.ByteArrayInputStream(
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "t", ImportIncidentsProcess.options(null, null, null, null, null, null),
                null, null, -1).table());
    }

    @SuppressWarnings("unchecked")
    @Test
    void incidentsWithoutATimeOfDayAreLeftOutOfAnHourClusteringAndCounted() throws Exception {
        // rows 2 and 4 dated to the day, row 7 at the 00:01 'time unknown' placeholder: no hour (were clustered as midnight)
        SimpleFeatureCollection table = table("id,occurred,latitude,longitude\n1,2020-01-05 13:10,41.80,-87.60\n2,2020-01-05,41.81,-87.61\n"
                + "3,2020-01-06 02:00,41.82,-87.62\n4,2020-01-07,41.83,-87.63\n5,2020-01-08 23:30,41.84,-87.64\n6,2020-01-09 12:00,41.85,-87.65\n"
                + "7,2020-01-09 00:01,41.86,-87.66\n8,2020-01-10 18:00,41.87,-87.67\n");
        java.util.List<SimpleFeature> fs = list(table);
        // the table's columns, and the same incidents as plain features (their time_precision attribute)
        for (SimpleFeatureCollection in : List.of(table, new org.geotools.data.collection.ListFeatureCollection(table.getSchema(), fs))) {
            Map<String, Object> out = run(Map.of("incidents", in, "k", 2, "attributes", "hour", "seed", 1));
            Map<String, Object> s = summary(out);
            assertEquals(8L, ((Number) s.get("incidents")).longValue());
            assertEquals(5L, ((Number) s.get("clustered")).longValue());
            assertEquals(3L, ((Number) s.get("incidents_without_hour")).longValue());
            assertEquals(List.of("incident.2", "incident.4", "incident.7"), s.get("first_without_hour"));
            List<SimpleFeature> result = list(out.get("result"));
            assertEquals(8, result.size());
            for (int i = 0; i < 8; i++) {
                boolean without = i == 1 || i == 3 || i == 6;
                assertEquals(without, result.get(i).getAttribute("CLUSTER_ID") == null, "row " + (i + 1));
            }
        }
        // without 'hour' every incident is clustered, and no such count is given
        Map<String, Object> s = summary(run(Map.of("incidents", table, "k", 2, "seed", 1)));
        assertEquals(8L, ((Number) s.get("clustered")).longValue());
        assertFalse(s.containsKey("incidents_without_hour"));
        // none with an hour: refused, saying why
        assertEquals("attributes: 'hour' is the incidents' time of day, and none of the 2 incidents has one (no time column was recognised, "
                + "or the dates have no time or only a midnight placeholder: see the import's warnings)",
                err(Map.of("incidents", table("id,occurred,latitude,longitude\n1,2020-01-05,41.80,-87.60\n2,2020-01-06,41.81,-87.61\n"),
                        "k", 1, "attributes", "hour")));
        assertTrue(org.crimeanalytics.geo.FeatureTimes.dayOnly("2020-01-05"));
        assertTrue(org.crimeanalytics.geo.FeatureTimes.dayOnly(java.sql.Date.valueOf("2020-01-05")));
        assertFalse(org.crimeanalytics.geo.FeatureTimes.dayOnly("2020-01-05T13:10"));
        assertFalse(org.crimeanalytics.geo.FeatureTimes.dayOnly(new java.util.Date(0)));
    }
}
