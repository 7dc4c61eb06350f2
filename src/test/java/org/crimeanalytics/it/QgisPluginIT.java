package org.crimeanalytics.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The QGIS plugin in a real QGIS (Debian qgis, python3-qgis 3.22; headless): qgis-plugin/tests/test_plugin.py loads it,
 * lists the algorithms, runs HotSpots, ClusterIncidents (DBSCAN), AggregateToAreas and TemporalProfile through Processing
 * and compares every output with the command line's, runs HotSpots in a graphical model and from qgis_process, applies
 * the SLD and renders it, and saves screenshots of the dialogs and the styled map in target/qgis-check/. Skipped, with a
 * message, where QGIS is not installed (apt-get install qgis python3-qgis).
 */
class QgisPluginIT {

    @Test
    void thePluginRunsInQgis() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.exists(python) && Files.exists(Path.of("/usr/bin/qgis_process.bin")),
                "QGIS is not installed (apt-get install qgis python3-qgis): the plugin test is skipped");
        Process probe = new ProcessBuilder(python.toString(), "-c", "import qgis.core").redirectErrorStream(true).start();
        Assumptions.assumeTrue(probe.waitFor() == 0, "python3-qgis is not installed: the plugin test is skipped");
        List<String> cmd = new ArrayList<>();
        if (Files.exists(Path.of("/usr/bin/xvfb-run"))) cmd.addAll(List.of("xvfb-run", "-a"));
        cmd.addAll(List.of(python.toString(), "qgis-plugin/tests/test_plugin.py", "target/crime-analytics.jar", "target/qgis-check"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putIfAbsent("QT_QPA_PLATFORM", "offscreen");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        int code = p.waitFor();
        System.out.println(out.lines().filter(l -> l.startsWith("test_") || l.startsWith("Ran ") || l.startsWith("OK")
                || l.contains("FAIL") || l.contains("Error")).reduce("", (a, b) -> a + b + "\n"));
        assertEquals(0, code, out);
    }
}
