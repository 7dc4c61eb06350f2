package org.crimeanalytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The QGIS plugin's algorithms.json is what `describe --json` writes today: the plugin and the processes never drift. */
class QgisAlgorithmsFileTest {

    @Test
    void thePluginDescribesTheProcessesAsTheyAre() throws Exception {
        String committed = Files.readString(Path.of("qgis-plugin/crime_analytics/algorithms.json"), StandardCharsets.UTF_8).strip();
        assertEquals(Main.describeJson(null).strip(), committed,
                "regenerate: java -jar target/crime-analytics.jar describe --json > qgis-plugin/crime_analytics/algorithms.json");
    }
}
