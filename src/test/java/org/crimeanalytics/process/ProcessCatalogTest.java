package org.crimeanalytics.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.crimeanalytics.TestData;
import org.geotools.api.data.Parameter;
import org.geotools.api.feature.type.Name;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.feature.NameImpl;
import org.geotools.process.Process;
import org.geotools.process.ProcessFactory;
import org.geotools.process.Processors;
import org.junit.jupiter.api.Test;

/**
 * Lists the crime: processes the way GeoServer does (every registered factory) and runs each one
 * through {@link Processors#createProcess}, with a small real input. A new process must add its
 * sample inputs to {@link #SAMPLES}, or this test fails.
 */
class ProcessCatalogTest {

    /** LAPD sample incidents, imported once. */
    static SimpleFeatureCollection lapdIncidents() {
        return (SimpleFeatureCollection) Samples.lapd().get("result");
    }

    /** Inputs for one run of each process, by process local name. */
    static final Map<String, Supplier<Map<String, Object>>> SAMPLES = new HashMap<>();

    static {
        SAMPLES.put("ImportIncidents", () -> Map.of("csv", Samples.lapdCsv()));
        SAMPLES.put("HotSpots", () -> Map.of("incidents", lapdIncidents(), "cellSize", 2000.0));
        SAMPLES.put("OptimizedHotSpots", () -> Map.of("incidents", lapdIncidents()));
        SAMPLES.put("KernelDensity", () -> Map.of("incidents", lapdIncidents(), "cellSize", 1000.0));
        SAMPLES.put("AggregateToAreas", () -> Map.of("incidents", lapdIncidents(), "areas", Samples.divisions()));
        SAMPLES.put("ClusterAreas", () -> Map.of("areas", new AggregateToAreasProcess().execute(lapdIncidents(), Samples.divisions(),
                null, null, null, null, null, null, null, null, null, null, null, null).get("result")));
        SAMPLES.put("ClusterIncidents", () -> Map.of("incidents", lapdIncidents(), "k", 10));
        SAMPLES.put("TemporalProfile", () -> Map.of("incidents", lapdIncidents(), "areas", Samples.divisions()));
        SAMPLES.put("NearRepeat", () -> Map.of("incidents", lapdIncidents(), "permutations", 9));
        SAMPLES.put("EmergingHotSpots", () -> Map.of("incidents", lapdIncidents(), "cellSize", 3000.0));
        SAMPLES.put("EvaluateHotspots", () -> {
            SimpleFeatureCollection hot = (SimpleFeatureCollection) new HotSpotsProcess().execute(lapdIncidents(), null, null, 2000.0,
                    null, null, null, null, null, null, null, null, null, null, null, null).get("result");
            return Map.of("predicted", hot, "scoreAttribute", "GiZScore", "incidents", lapdIncidents(), "priorCountAttribute", "JOIN_COUNT");
        });
        SAMPLES.put("TrainModel", () -> Map.of("name", "catalog_offense", "incidents", lapdIncidents(),
                "learner", org.crimeanalytics.predict.Trainer.Learner.J48, "folds", 0, "overwrite", true));
        SAMPLES.put("Predict", () -> {
            new TrainModelProcess().execute("catalog_offense", null, lapdIncidents(), null, null,
                    org.crimeanalytics.predict.Trainer.Learner.J48, null, null, null, null, 0, null, null, true, null);
            return Map.of("model", "catalog_offense", "incidents", lapdIncidents());
        });
        SAMPLES.put("FeatureImpact", () -> {
            new TrainModelProcess().execute("catalog_counts", TrainModelProcess.Task.AREA_COUNTS, lapdIncidents(), Samples.divisions(),
                    "PERIMETER,SHAPE_Area", org.crimeanalytics.predict.Trainer.Learner.LINEAR_REGRESSION, null, null, null, null, 0, null, null, true, null);
            return Map.of("model", "catalog_counts", "incidents", lapdIncidents(), "areas", Samples.divisions(), "feature", "PERIMETER",
                    "percent", -10.0);
        });
        SAMPLES.put("ClusterOutlier", () -> Map.of("incidents", lapdIncidents(), "cellSize", 2000.0, "weights", WeightsType.KNN));
    }

    @Test
    void theFactoryIsRegisteredAndListsEveryProcessClass() {
        Set<String> names = new TreeSet<>();
        int factories = 0;
        for (ProcessFactory f : Processors.getProcessFactories()) {
            if (f instanceof CrimeProcessFactory) factories++;
            for (Name n : f.getNames()) if ("crime".equals(n.getNamespaceURI())) names.add(n.getLocalPart());
        }
        assertEquals(1, factories, "exactly one crime factory registered through META-INF/services");
        Set<String> expected = new TreeSet<>();
        for (Class<?> c : CrimeProcessFactory.PROCESSES) expected.add(c.getSimpleName().replaceFirst("Process$", ""));
        assertEquals(expected, names);
        assertTrue(names.contains("ImportIncidents"));
    }

    @Test
    void everyProcessRunsThroughProcessorsCreateProcess() throws Exception {
        for (ProcessFactory f : Processors.getProcessFactories()) {
            for (Name n : f.getNames()) {
                if (!"crime".equals(n.getNamespaceURI())) continue;
                Supplier<Map<String, Object>> sample = SAMPLES.get(n.getLocalPart());
                assertNotNull(sample, "no sample inputs for crime:" + n.getLocalPart() + " in ProcessCatalogTest.SAMPLES");
                Process p = Processors.createProcess(new NameImpl("crime", n.getLocalPart()));
                assertNotNull(p, "crime:" + n.getLocalPart());
                java.util.List<String> tasks = new java.util.ArrayList<>();
                java.util.List<Float> progress = new java.util.ArrayList<>();
                org.geotools.data.util.NullProgressListener listener = new org.geotools.data.util.NullProgressListener() {
                    @Override
                    public void setTask(org.geotools.api.util.InternationalString task) {
                        tasks.add(task.toString());
                    }

                    @Override
                    public void progress(float percent) {
                        progress.add(percent);
                    }
                };
                Map<String, Object> out = p.execute(new LinkedHashMap<>(sample.get()), listener);
                // what a WPS status document shows while it runs (issue #20): a named step and a percentage
                assertFalse(tasks.isEmpty(), "crime:" + n.getLocalPart() + " names its steps (setTask)");
                assertFalse(progress.isEmpty(), "crime:" + n.getLocalPart() + " reports progress");
                Map<String, Parameter<?>> results = f.getResultInfo(n, null);
                assertFalse(out.isEmpty(), "crime:" + n.getLocalPart() + " returned nothing");
                for (String key : out.keySet()) {
                    assertTrue(results.containsKey(key), "crime:" + n.getLocalPart() + " returned undeclared output " + key);
                }
                Parameter<?> primary = results.values().iterator().next();
                assertNotNull(out.get(primary.key), "crime:" + n.getLocalPart() + " primary output " + primary.key);
            }
        }
    }

    /**
     * GeoServer's rendering transformations (GeoTools ProcessFunction) use the first output flagged
     * required; for a process returning features that must be the feature collection, not a text.
     */
    @Test
    void renderingTransformationsGetTheFeatureOutput() {
        for (ProcessFactory f : Processors.getProcessFactories()) {
            for (Name n : f.getNames()) {
                if (!"crime".equals(n.getNamespaceURI())) continue;
                Map<String, Parameter<?>> results = f.getResultInfo(n, null);
                boolean returnsFeatures = results.values().stream()
                        .anyMatch(p -> org.geotools.feature.FeatureCollection.class.isAssignableFrom(p.type));
                Parameter<?> primary = results.values().stream().filter(Parameter::isRequired).findFirst().orElseThrow();
                if (returnsFeatures) {
                    assertTrue(org.geotools.feature.FeatureCollection.class.isAssignableFrom(primary.type),
                            "crime:" + n.getLocalPart() + " would render its " + primary.key);
                }
            }
        }
    }

    /**
     * GeoServer's WPS answers a RawDataOutput request with the first non-null output of the result map, whichever
     * was asked for (issue #20): so the main output is declared first — the features where a process returns any,
     * else its table or metrics — and {@link #everyProcessRunsThroughProcessorsCreateProcess} checks it is not null.
     */
    @Test
    void theMainOutputIsDeclaredFirst() {
        Map<String, String> noFeatures = Map.of("EvaluateHotspots", "table", "NearRepeat", "table", "TrainModel", "metrics");
        for (ProcessFactory f : Processors.getProcessFactories()) {
            for (Name n : f.getNames()) {
                if (!"crime".equals(n.getNamespaceURI())) continue;
                String first = f.getResultInfo(n, null).keySet().iterator().next();
                assertEquals(noFeatures.getOrDefault(n.getLocalPart(), "result"), first, "crime:" + n.getLocalPart() + " declares first");
            }
        }
    }

    /**
     * As rendering transformations, HotSpots, KernelDensity and ClusterIncidents read the whole layer for every tile,
     * with the layer's own conditions (a CQL_FILTER) kept.
     */
    @Test
    void transformationsWidenTheQueryToTheWholeLayer() {
        org.geotools.api.filter.FilterFactory ff = org.geotools.factory.CommonFactoryFinder.getFilterFactory();
        for (String name : new String[] {"HotSpots", "KernelDensity", "ClusterIncidents"}) {
            Process p = Processors.createProcess(new NameImpl("crime", name));
            assertTrue(p instanceof org.geotools.process.RenderingProcess, name);
            org.geotools.api.data.Query tile = new org.geotools.api.data.Query("incidents",
                    org.geotools.factory.CommonFactoryFinder.getFilterFactory().bbox("geom", 0, 0, 1, 1, "EPSG:4326"));
            org.geotools.api.data.Query q = ((org.geotools.process.RenderingProcess) p).invertQuery(new java.util.HashMap<>(
                    Map.of("cellSize", 500.0)), tile, null);
            assertEquals(org.geotools.api.filter.Filter.INCLUDE, q.getFilter(), name);
            assertEquals("incidents", q.getTypeName());
            org.geotools.api.data.Query styled = new org.geotools.api.data.Query("incidents", ff.and(ff.bbox("geom", 0, 0, 1, 1, "EPSG:4326"),
                    ff.or(ff.equals(ff.property(name.equals("HotSpots") ? "Gi_Bin" : name.equals("KernelDensity") ? "KDE" : "COLOR_ID"),
                            ff.literal(1)), ff.equals(ff.property("CELL_ID"), ff.literal("x")))));
            assertEquals(org.geotools.api.filter.Filter.INCLUDE, ((org.geotools.process.RenderingProcess) p).invertQuery(
                    new java.util.HashMap<>(Map.of("cellSize", 500.0)), styled, null).getFilter(), name + ": the style's rules dropped");
            org.geotools.api.filter.Filter violent = ff.equals(ff.property("category"), ff.literal("violent"));
            // as GeoServer builds it: the tile, the layer's CQL_FILTER and the style's rules on the process's outputs
            String output = name.equals("HotSpots") ? "Gi_Bin" : name.equals("KernelDensity") ? "KDE" : "COLOR_ID";
            org.geotools.api.filter.Filter rules = ff.or(ff.equals(ff.property(output), ff.literal(1)),
                    ff.greaterOrEqual(ff.property(output), ff.literal(2)));
            org.geotools.api.data.Query filtered = new org.geotools.api.data.Query("incidents",
                    ff.and(java.util.List.of(ff.bbox("geom", 0, 0, 1, 1, "EPSG:4326"), violent, rules)));
            assertEquals(violent, ((org.geotools.process.RenderingProcess) p).invertQuery(new java.util.HashMap<>(Map.of("cellSize", 500.0)),
                    filtered, null).getFilter(), name + " keeps the layer's CQL_FILTER");
        }
    }

    /** Shared, lazily built sample inputs. */
    static final class Samples {
        private static String lapdCsv;
        private static Map<String, Object> lapd;

        static synchronized String lapdCsv() {
            if (lapdCsv == null) {
                try {
                    lapdCsv = Files.readString(TestData.testData("lapd_sample10k.csv"), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return lapdCsv;
        }

        static synchronized SimpleFeatureCollection divisions() {
            try {
                return org.crimeanalytics.geo.GeoJson.read(TestData.testData("lapd_divisions.geojson"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static synchronized Map<String, Object> lapd() {
            if (lapd == null) {
                lapd = new ImportIncidentsProcess().execute(lapdCsv(), null, null, null, null, null, null, null, null, null, null, null, null);
            }
            return lapd;
        }
    }
}
