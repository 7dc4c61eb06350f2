package org.crimeanalytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core packages (the '-core' jar the Spark jobs use) stay free of GeoServer and GeoTools: algorithms take arrays,
 * ingestion takes bytes. JTS, Weka, Jackson are allowed.
 */
class CoreIsolationTest {

    static final String[] CORE = {"stats", "cluster", "hotspot", "grid", "density", "areas", "temporal", "spacetime", "evaluate",
        "ingest", "json", "util"};

    @Test
    void corePackagesImportNeitherGeoToolsNorGeoServer() throws Exception {
        List<String> offenders = new ArrayList<>();
        for (String pkg : CORE) {
            try (Stream<Path> files = Files.list(Path.of("src/main/java/org/crimeanalytics", pkg))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String text = Files.readString(f);
                    if (text.contains("org.geotools.") || text.contains("org.geoserver.") || text.contains("org.crimeanalytics.geo.")
                            || text.contains("org.crimeanalytics.process.")) {
                        offenders.add(f.toString());
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }
}
