package org.crimeanalytics.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.crimeanalytics.geo.Crs;
import org.geotools.api.data.Parameter;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.type.Name;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.data.util.NullProgressListener;
import org.geotools.feature.NameImpl;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.process.ProcessException;
import org.geotools.process.ProcessFactory;
import org.geotools.process.Processors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Hostile inputs, concurrency and cancellation for every registered crime: process, starting from the
 * sample inputs of {@code ProcessCatalogTest}: every case ends in a result or in a ProcessException
 * whose message names a parameter; concurrent runs equal sequential ones; cancellation stops work.
 */
class RobustnessTest {

    static final Pattern NAMES_A_PARAMETER = Pattern.compile("^[a-zA-Z]+(, [a-zA-Z]+)*: [^\\n]+$|^cancelled$");

    static Map<String, Map<String, Object>> samples() {
        Map<String, Map<String, Object>> m = new TreeMap<>();
        for (ProcessFactory f : Processors.getProcessFactories()) {
            for (Name n : f.getNames()) {
                if (!"crime".equals(n.getNamespaceURI())) continue;
                m.put(n.getLocalPart(), org.crimeanalytics.process.ProcessCatalogTestAccess.sample(n.getLocalPart()));
            }
        }
        return m;
    }

    static Map<String, Parameter<?>> params(String name) {
        return Processors.getParameterInfo(new NameImpl("crime", name));
    }

    /** Variants of a feature collection: empty, one feature, with a null-geometry feature, polygons instead of points. */
    static List<SimpleFeatureCollection> variants(SimpleFeatureCollection fc) {
        List<SimpleFeature> all = new ArrayList<>();
        try (SimpleFeatureIterator it = fc.features()) {
            while (it.hasNext() && all.size() < 2000) all.add(it.next());
        }
        List<SimpleFeatureCollection> v = new ArrayList<>();
        v.add(new ListFeatureCollection(fc.getSchema(), List.of()));
        if (!all.isEmpty()) v.add(new ListFeatureCollection(fc.getSchema(), List.of(all.get(0))));
        List<SimpleFeature> withNull = new ArrayList<>(all);
        if (!all.isEmpty()) {
            SimpleFeatureBuilder b = new SimpleFeatureBuilder(fc.getSchema());
            b.init(all.get(0));
            b.set(fc.getSchema().getGeometryDescriptor().getLocalName(), null);
            withNull.add(b.buildFeature("nullgeom.1"));
            v.add(new ListFeatureCollection(fc.getSchema(), withNull));
        }
        // a foreign layer: polygons in Web Mercator with no other attributes
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName("polys");
        tb.setCRS(Crs.decode("EPSG:3857", "t"));
        tb.add("geom", Polygon.class);
        tb.add("value", Double.class);
        var t = tb.buildFeatureType();
        GeometryFactory gf = new GeometryFactory();
        List<SimpleFeature> ps = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ps.add(SimpleFeatureBuilder.build(t, new Object[] {gf.createPolygon(new Coordinate[] {new Coordinate(i * 10, 0),
                new Coordinate(i * 10 + 10, 0), new Coordinate(i * 10 + 10, 10), new Coordinate(i * 10, 0)}), (double) i}, "polys." + i));
        }
        v.add(new ListFeatureCollection(t, ps));
        return v;
    }

    static Object[] extremes(Class<?> type) {
        if (type == Integer.class) return new Object[] {0, -1, Integer.MAX_VALUE};
        if (type == Double.class) return new Object[] {0.0, -1.0, 1e12, Double.NaN, Double.POSITIVE_INFINITY};
        if (type == Long.class) return new Object[] {Long.MIN_VALUE};
        if (type == String.class) return new Object[] {"", "=cmd|' /C calc'!A0", "no_such_attribute"};
        return new Object[0];
    }

    @Test
    void hostileInputsEndInAResultOrANamedError() {
        int cases = 0, errors = 0;
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> e : samples().entrySet()) {
            String name = e.getKey();
            Map<String, Parameter<?>> info = params(name);
            List<Map<String, Object>> inputs = new ArrayList<>();
            for (Map.Entry<String, Object> in : e.getValue().entrySet()) {
                if (in.getValue() instanceof SimpleFeatureCollection fc) {
                    for (SimpleFeatureCollection v : variants(fc)) {
                        Map<String, Object> m = new LinkedHashMap<>(e.getValue());
                        m.put(in.getKey(), v);
                        inputs.add(m);
                    }
                }
            }
            for (Parameter<?> p : info.values()) {
                for (Object x : extremes(p.type)) {
                    Map<String, Object> m = new LinkedHashMap<>(e.getValue());
                    m.put(p.key, x);
                    inputs.add(m);
                }
            }
            for (Map<String, Object> in : inputs) {
                cases++;
                try {
                    Map<String, Object> out = assertTimeoutPreemptively(Duration.ofSeconds(60),
                            () -> Processors.createProcess(new NameImpl("crime", name)).execute(new LinkedHashMap<>(in), null));
                    // results must be readable to the end (lazy collections included)
                    for (Object o : out.values()) if (o instanceof SimpleFeatureCollection fc) drain(fc);
                } catch (ProcessException pe) {
                    errors++;
                    if (pe.getMessage() == null || !NAMES_A_PARAMETER.matcher(pe.getMessage()).matches()) {
                        bad.add(name + ": unnamed error: " + pe.getMessage());
                    }
                } catch (RuntimeException | Error ex) {
                    if (ex instanceof org.opentest4j.AssertionFailedError a) throw a;
                    bad.add(name + ": " + ex);
                }
            }
        }
        System.out.println("robustness: " + cases + " cases, " + errors + " named errors");
        if (!bad.isEmpty()) fail(bad.size() + " bad outcomes:\n" + String.join("\n", bad.subList(0, Math.min(20, bad.size()))));
        assertTrue(cases > 200, "cases: " + cases);
    }

    static long drain(SimpleFeatureCollection fc) {
        long h = 0;
        try (SimpleFeatureIterator it = fc.features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                for (Object a : f.getAttributes()) h = 31 * h + (a == null ? 0 : a instanceof org.locationtech.jts.geom.Geometry g ? g.toText().hashCode() : a.hashCode());
            }
        }
        return h;
    }

    /** A fingerprint of every output: feature attributes in order, or the text. */
    static List<Object> fingerprint(Map<String, Object> out) {
        List<Object> f = new ArrayList<>();
        for (Map.Entry<String, Object> e : new TreeMap<>(out).entrySet()) {
            f.add(e.getKey());
            f.add(e.getValue() instanceof SimpleFeatureCollection fc ? drain(fc) : String.valueOf(e.getValue()));
        }
        return f;
    }

    @Test
    void eightConcurrentRunsEqualSequentialRuns() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Map.Entry<String, Map<String, Object>> e : samples().entrySet()) {
                String name = e.getKey();
                Map<String, Object> a = e.getValue();
                // a second, different input: the same sample with its first feature collection cut to its first half
                Map<String, Object> b = new LinkedHashMap<>(a);
                for (Map.Entry<String, Object> in : a.entrySet()) {
                    if (in.getValue() instanceof SimpleFeatureCollection fc && fc.size() > 200) {
                        List<SimpleFeature> half = new ArrayList<>();
                        try (SimpleFeatureIterator it = fc.features()) {
                            while (it.hasNext() && half.size() < fc.size() / 2) half.add(it.next());
                        }
                        b.put(in.getKey(), new ListFeatureCollection(fc.getSchema(), half));
                        break;
                    }
                }
                List<Object> seqA = fingerprint(Processors.createProcess(new NameImpl("crime", name)).execute(new LinkedHashMap<>(a), null));
                List<Object> seqB = fingerprint(Processors.createProcess(new NameImpl("crime", name)).execute(new LinkedHashMap<>(b), null));
                List<Future<List<Object>>> fs = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    Map<String, Object> in = i % 2 == 0 ? a : b;
                    Callable<List<Object>> c = () -> fingerprint(Processors.createProcess(new NameImpl("crime", name)).execute(new LinkedHashMap<>(in), null));
                    fs.add(pool.submit(c));
                }
                for (int i = 0; i < 8; i++) {
                    assertEquals(i % 2 == 0 ? seqA : seqB, fs.get(i).get(120, TimeUnit.SECONDS), name + " run " + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cancellationStopsEveryProcessWithinASecond() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            for (Map.Entry<String, Map<String, Object>> e : samples().entrySet()) {
                String name = e.getKey();
                NullProgressListener l = new NullProgressListener();
                Future<Object> f = pool.submit(() -> {
                    try {
                        return Processors.createProcess(new NameImpl("crime", name)).execute(new LinkedHashMap<>(e.getValue()), l);
                    } catch (ProcessException pe) {
                        return pe;
                    }
                });
                Thread.sleep(30);
                long t0 = System.nanoTime();
                l.setCanceled(true);
                Object r = f.get(10, TimeUnit.SECONDS);
                double latency = (System.nanoTime() - t0) / 1e9;
                assertTrue(latency < 1.0, name + " took " + latency + " s to stop");
                if (r instanceof ProcessException pe) assertEquals("cancelled", pe.getMessage(), name);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Cancelling long runs on 265 k Chicago incidents: each stops within a second of the request. */
    @Test
    void cancellationOnLargeInputsWithinASecond() throws Exception {
        org.crimeanalytics.ingest.IncidentIngest.Result r;
        try (java.io.InputStream in = org.crimeanalytics.io.Inputs.open(org.crimeanalytics.TestData.shared("chicago/crimes_2017.csv.gz"), null)) {
            r = org.crimeanalytics.process.ImportIncidentsProcess.ingest(in, "2017",
                    org.crimeanalytics.process.ImportIncidentsProcess.options(null, null, null, null, null, null), null, null, -1);
        }
        SimpleFeatureCollection inc = new org.crimeanalytics.geo.IncidentCollection(r.table());
        List<Object[]> runs = List.of(
                new Object[] {"ClusterIncidents", Map.of("incidents", inc, "method", org.crimeanalytics.process.ClusterIncidentsProcess.Method.OPTICS, "eps", 300.0)},
                new Object[] {"ClusterIncidents", Map.of("incidents", inc, "k", 50)},
                new Object[] {"NearRepeat", Map.of("incidents", inc, "permutations", 999)},
                new Object[] {"ClusterOutlier", Map.of("incidents", inc, "cellSize", 100.0, "weights", org.crimeanalytics.process.WeightsType.KNN, "permutations", 9999)},
                new Object[] {"TemporalProfile", Map.of("incidents", inc)});
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            for (Object[] run : runs) {
                NullProgressListener l = new NullProgressListener();
                @SuppressWarnings("unchecked")
                Map<String, Object> in = (Map<String, Object>) run[1];
                Future<Object> f = pool.submit(() -> {
                    try {
                        return Processors.createProcess(new NameImpl("crime", (String) run[0])).execute(new LinkedHashMap<>(in), l);
                    } catch (ProcessException pe) {
                        return pe;
                    }
                });
                Thread.sleep(run[0].equals("ClusterOutlier") ? 3000 : 300); // let the permutations start
                long t0 = System.nanoTime();
                l.setCanceled(true);
                Object res = f.get(30, TimeUnit.SECONDS);
                double latency = (System.nanoTime() - t0) / 1e9;
                System.out.printf("cancel %s %s: stopped %.3f s after the request (%s)%n", run[0], in.keySet(), latency,
                        res instanceof ProcessException pe ? pe.getMessage() : "had finished");
                assertTrue(latency < 1.0, run[0] + " took " + latency + " s to stop");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Administrator limits refuse work before it starts, naming the parameter. */
    @Test
    void administratorLimitsAreEnforced() {
        Map<String, Object> s = org.crimeanalytics.process.ProcessCatalogTestAccess.sample("HotSpots");
        try {
            System.setProperty("crime.maxGridCells", "100");
            ProcessException e = org.junit.jupiter.api.Assertions.assertThrows(ProcessException.class,
                    () -> Processors.createProcess(new NameImpl("crime", "HotSpots")).execute(new LinkedHashMap<>(s), null));
            assertTrue(e.getMessage().startsWith("cellSize:") && e.getMessage().contains("crime.maxGridCells"), e.getMessage());
            System.setProperty("crime.maxK", "5");
            ProcessException k = org.junit.jupiter.api.Assertions.assertThrows(ProcessException.class,
                    () -> Processors.createProcess(new NameImpl("crime", "ClusterIncidents")).execute(
                            new LinkedHashMap<>(Map.of("incidents", s.get("incidents"), "k", 10)), null));
            assertTrue(k.getMessage().startsWith("k: 10 exceeds the limit of 5"), k.getMessage());
            System.setProperty("crime.maxIncidents", "1000");
            ProcessException n = org.junit.jupiter.api.Assertions.assertThrows(ProcessException.class,
                    () -> Processors.createProcess(new NameImpl("crime", "ClusterIncidents")).execute(
                            new LinkedHashMap<>(Map.of("incidents", s.get("incidents"), "k", 3)), null));
            assertTrue(n.getMessage().startsWith("incidents: 9987 incidents exceed the limit of 1000"), n.getMessage()); // the size is known before reading
            // every process that reads incidents checks it first (issue #19, fault 3), and on any layer while reading
            for (String process : new String[] {"HotSpots", "OptimizedHotSpots", "ClusterOutlier", "AggregateToAreas", "KernelDensity"}) {
                Map<String, Object> in = new LinkedHashMap<>(org.crimeanalytics.process.ProcessCatalogTestAccess.sample(process));
                ProcessException m = org.junit.jupiter.api.Assertions.assertThrows(ProcessException.class,
                        () -> Processors.createProcess(new NameImpl("crime", process)).execute(new LinkedHashMap<>(in), null), process);
                assertTrue(m.getMessage().startsWith("incidents: 9987 incidents exceed the limit of 1000"), process + ": " + m.getMessage());
            }
            SimpleFeatureCollection copy = org.geotools.data.DataUtilities.collection((SimpleFeatureCollection) s.get("incidents"));
            ProcessException layer = org.junit.jupiter.api.Assertions.assertThrows(ProcessException.class,
                    () -> Processors.createProcess(new NameImpl("crime", "HotSpots")).execute(
                            new LinkedHashMap<>(Map.of("incidents", copy, "cellSize", 2000.0)), null));
            assertTrue(layer.getMessage().startsWith("incidents: 8192 incidents exceed the limit of 1000"), layer.getMessage());
            System.setProperty("crime.maxPermutations", "99");
            ProcessException p = org.junit.jupiter.api.Assertions.assertThrows(ProcessException.class,
                    () -> Processors.createProcess(new NameImpl("crime", "NearRepeat")).execute(
                            new LinkedHashMap<>(Map.of("incidents", s.get("incidents"), "permutations", 999)), null));
            assertTrue(p.getMessage().startsWith("permutations: 999 permutations exceed the limit of 99"), p.getMessage());
        } finally {
            System.clearProperty("crime.maxGridCells");
            System.clearProperty("crime.maxK");
            System.clearProperty("crime.maxIncidents");
            System.clearProperty("crime.maxPermutations");
        }
    }
}
