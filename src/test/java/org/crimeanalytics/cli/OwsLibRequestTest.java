package org.crimeanalytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crimeanalytics.wps.WpsExecute;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The README's OWSLib example (resources/owslib/hotspots.py) builds, with OWSLib itself, an asynchronous Execute that
 * this project can run: the request is written without a server and run locally on the test data. Skipped, with a
 * message, where Python's OWSLib is missing (Debian python3-owslib).
 */
class OwsLibRequestTest {

    @Test
    void theOwsLibExampleBuildsARequestThatRuns() throws Exception {
        String python = Files.exists(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Process check;
        try {
            check = new ProcessBuilder(python, "-c", "import owslib").redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("no python3 here");
            return;
        }
        Assumptions.assumeTrue(check.waitFor() == 0, "OWSLib is not installed (apt-get install python3-owslib): skipped");
        Path xml = Files.createTempFile("owslib", ".xml");
        Process p = new ProcessBuilder(python, "resources/owslib/hotspots.py", "--request-only", xml.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        String request = Files.readString(xml, StandardCharsets.UTF_8);
        assertTrue(request.contains("storeExecuteResponse=\"true\"") && request.contains("status=\"true\""), request);
        WpsExecute.Output o = Main.executor(Main.defaultLayers(), null).run(request);
        assertEquals("result", o.identifier());
        assertEquals(1066, ((SimpleFeatureCollection) o.value()).size(), "1 km hexagons over the LAPD sample");
        assertTrue(o.all().get("summary").toString().contains("\"fdr\": true"));
    }
}
