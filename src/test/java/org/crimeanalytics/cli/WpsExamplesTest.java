package org.crimeanalytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.crimeanalytics.process.HotSpotsProcess;
import org.crimeanalytics.process.CrimeProcessFactory;
import org.crimeanalytics.wps.WpsExamples;
import org.crimeanalytics.wps.WpsExecute;
import org.crimeanalytics.xml.OgcSchemas;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * resources/wps/ holds exactly the generated Execute requests; each validates against the OGC WPS 1.0.0
 * schema and runs locally (WFS layers from test-data, chained processes run), giving what a direct call
 * of the process gives.
 */
class WpsExamplesTest {

    static final Path DIR = Path.of("resources/wps");
    static Path store;

    @BeforeAll
    static void modelStore() throws Exception {
        store = Files.createTempDirectory("crime-wps-models");
        System.setProperty("crime.modelStore", store.toString());
    }

    @AfterAll
    static void clear() {
        System.clearProperty("crime.modelStore");
    }

    static Map<String, String> generated() throws Exception {
        return WpsExamples.documents(Path.of("test-data/lapd_sample10k.csv"));
    }

    @Test
    void committedFilesAreTheGeneratedOnesAndCoverEveryProcessBothWays() throws Exception {
        Map<String, String> gen = generated();
        try (Stream<Path> s = Files.list(DIR)) {
            assertEquals(new TreeSet<>(gen.keySet()), s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml"))
                    .collect(Collectors.toCollection(TreeSet::new)), "run: java -jar target/crime-analytics.jar examples");
        }
        for (Map.Entry<String, String> e : gen.entrySet()) {
            assertEquals(e.getValue(), Files.readString(DIR.resolve(e.getKey()), StandardCharsets.UTF_8), e.getKey() + " is stale");
        }
        for (var n : new CrimeProcessFactory().getNames()) {
            String p = n.getLocalPart();
            assertTrue(gen.keySet().stream().anyMatch(k -> k.startsWith(p + "-wfs-")), p + " by WFS reference");
            assertTrue(gen.keySet().stream().anyMatch(k -> k.startsWith(p + "-csv-")), p + " with inline CSV");
        }
        assertTrue(gen.keySet().stream().filter(k -> k.endsWith("-geojson.xml")).count() >= 10);
        assertTrue(gen.keySet().stream().filter(k -> k.endsWith("-gml.xml")).count() >= 10);
    }

    @Test
    void everyRequestValidatesAgainstTheWps100Schema() throws Exception {
        for (Map.Entry<String, String> e : generated().entrySet()) {
            assertEquals(List.of(), OgcSchemas.errors(OgcSchemas.WPS_1_0_0_EXECUTE, e.getValue()), e.getKey());
        }
        String bad = generated().get("HotSpots-wfs-geojson.xml").replace("<wps:ResponseForm>", "<wps:ResponsForm>")
                .replace("</wps:ResponseForm>", "</wps:ResponsForm>");
        assertTrue(!OgcSchemas.errors(OgcSchemas.WPS_1_0_0_EXECUTE, bad).isEmpty(), "a misspelt element must not validate");
    }

    @Test
    void everyRequestRunsLocallyAndGivesWhatTheProcessGives() throws Exception {
        WpsExecute exec = Main.executor(Main.defaultLayers(), null);
        List<String> names = new ArrayList<>(new TreeSet<>(generated().keySet()));
        names.sort((a, b) -> Boolean.compare(!a.startsWith("TrainModel"), !b.startsWith("TrainModel"))); // models first
        Map<String, WpsExecute.Output> outputs = new HashMap<>();
        for (String name : names) {
            WpsExecute.Output o = exec.run(Files.readString(DIR.resolve(name), StandardCharsets.UTF_8));
            if (name.contains("-geojson") || name.contains("-gml")) {
                SimpleFeatureCollection fc = (SimpleFeatureCollection) o.value();
                assertTrue(fc.size() > 0, name);
            } else {
                assertTrue(o.value() instanceof String s && !s.isBlank(), name);
            }
            outputs.put(name, o);
        }
        // the inline CSV is the first 300 LAPD rows: every one of them has coordinates, so 300 incidents
        assertEquals(WpsExamples.INLINE_ROWS, ((SimpleFeatureCollection) outputs.get("ImportIncidents-csv-gml.xml").value()).size());
        assertEquals(9987, ((SimpleFeatureCollection) outputs.get("ImportIncidents-wfs-geojson.xml").value()).size());
        // the WFS hot spot request equals a direct call with the same values
        SimpleFeatureCollection incidents = (SimpleFeatureCollection) outputs.get("ImportIncidents-wfs-geojson.xml").value();
        SimpleFeatureCollection direct = (SimpleFeatureCollection) new HotSpotsProcess().execute(incidents, null, null, 1000.0,
                org.crimeanalytics.grid.Grid.Shape.HEXAGON, null, null, null, null, true, null, null, null, null, null, null).get("result");
        assertEquals(bins(direct), bins((SimpleFeatureCollection) outputs.get("HotSpots-wfs-geojson.xml").value()));
        // trained models were stored under the names the Predict and FeatureImpact requests use
        assertTrue(Files.exists(store.resolve("lapd_offense.model")) && Files.exists(store.resolve("lapd_counts.model")));
    }

    static Map<String, Integer> bins(SimpleFeatureCollection fc) {
        Map<String, Integer> m = new HashMap<>();
        try (var it = fc.features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                m.put(f.getDefaultGeometry().toString(), ((Number) f.getAttribute("Gi_Bin")).intValue());
            }
        }
        return m;
    }

    @Test
    void badRequestsAreRefusedNamingTheElement() throws Exception {
        WpsExecute exec = Main.executor(Main.defaultLayers(), null);
        String ok = generated().get("HotSpots-wfs-geojson.xml");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> exec.run(ok.replace("<ows:Identifier>cellSize</ows:Identifier>", "<ows:Identifier>cellsize</ows:Identifier>")));
        assertTrue(e.getMessage().startsWith("crime:HotSpots: no input 'cellsize'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> exec.run(ok.replace("crime:HotSpots", "vec:Heatmap")));
        assertTrue(e.getMessage().startsWith("Identifier:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> exec.run(ok.replace("<ows:Identifier>result</ows:Identifier>", "<ows:Identifier>style</ows:Identifier>")));
        assertTrue(e.getMessage().contains("output 'style' is"), e.getMessage());
        assertThrows(CliException.class, () -> exec.run(ok.replace("crime:lapd_incidents", "crime:nowhere")));
    }
}
