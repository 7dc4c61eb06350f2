package org.crimeanalytics.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crimeanalytics.json.Json;
import org.crimeanalytics.style.Palettes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The map page in a real browser: runs {@code crime-analytics.jar run crime:HotSpots ... --map}, opens the page in
 * headless Chromium (the Debian package; skipped when it is not installed, or give -Dcrime.chromium=path), and
 * checks that Leaflet drew one path per hot spot cell, each filled with the colour the SLD gives its Gi_Bin
 * (compared with the Gi_Bin of the cells written by the same run), that a popup lists the attributes, and that the
 * page made no network request (it is opened with networking disabled and a proxy that refuses). The screenshot
 * is left in target/map-check/map.png to look at.
 */
class MapPageIT {

    static Path chromium() {
        String p = System.getProperty("crime.chromium");
        for (String c : p != null ? List.of(p) : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(c))) return Path.of(c);
        }
        return null;
    }

    static String run(List<String> cmd, Path dir) throws Exception {
        Process pr = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(pr.waitFor(180, TimeUnit.SECONDS), "timed out: " + cmd);
        return out;
    }

    static List<String> browser(Path chromium, Path profile) {
        return new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--proxy-server=127.0.0.1:9", "--user-data-dir=" + profile, "--virtual-time-budget=8000"));
    }

    @Test
    void leafletDrawsEveryCellInItsSldColourWithPopups() throws Exception {
        Path chromium = chromium();
        Assumptions.assumeTrue(chromium != null, "Chromium not installed (apt-get install chromium); map page not checked in a browser");
        Path dir = Path.of("target/map-check").toAbsolutePath();
        Files.createDirectories(dir);
        Path page = dir.resolve("map.html"), cells = dir.resolve("cells.csv");
        Process p = new ProcessBuilder("java", "-jar", Path.of("target/crime-analytics.jar").toAbsolutePath().toString(), "run", "crime:HotSpots",
                "incidents=@test-data/lapd_sample10k.csv", "cellSize=2000", "cellShape=SQUARE", "-o", "result=" + cells, "--map", page.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertEquals(0, p.waitFor(), "crime-analytics run --map");
        String html = Files.readString(page);
        assertTrue(noExternalLoads(html), "no external resources");

        // the expected colours: Gi_Bin of every cell the run wrote, through the hot/cold palette of the SLD
        List<String> expected = new ArrayList<>();
        try (var r = Files.newBufferedReader(cells);
                var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            for (var rec : parser) expected.add(Palettes.HOT_COLD[Integer.parseInt(rec.get("Gi_Bin")) + 3]);
        }

        List<String> cmd = browser(chromium, dir.resolve("profile"));
        cmd.add("--dump-dom");
        cmd.add(page.toUri() + "#check");
        String dom = run(cmd, dir);
        Matcher st = Pattern.compile("<pre id=\"status\">([^<]*)</pre>").matcher(dom);
        assertTrue(st.find(), "the page script ran and wrote #status");
        @SuppressWarnings("unchecked")
        Map<String, Object> status = (Map<String, Object>) Json.parse(st.group(1).replace("&quot;", "\"").replace("&amp;", "&"));
        assertEquals(1, ((Number) status.get("layers")).intValue());
        assertEquals(expected.size(), ((Number) status.get("paths")).intValue(), "one path per cell");
        String popup = (String) status.get("popup");
        assertTrue(popup != null && popup.contains("Gi_Bin") && popup.contains("GiZScore") && popup.contains("JOIN_COUNT"), popup);

        List<String> drawn = new ArrayList<>();
        Matcher m = Pattern.compile("<path class=\"leaflet-interactive\"[^>]*?fill=\"(#[0-9a-fA-F]{6})\"").matcher(dom);
        while (m.find()) drawn.add(m.group(1).toLowerCase());
        Collections.sort(drawn);
        List<String> exp = new ArrayList<>(expected);
        exp.replaceAll(String::toLowerCase);
        Collections.sort(exp);
        assertEquals(exp, drawn, "every cell is filled with its Gi_Bin colour");

        List<String> shot = browser(chromium, dir.resolve("profile"));
        shot.add("--window-size=1200,900");
        shot.add("--screenshot=" + dir.resolve("map.png"));
        shot.add(page.toUri().toString());
        run(shot, dir);
        assertTrue(Files.size(dir.resolve("map.png")) > 10_000, "screenshot written");
        System.out.println("map page: " + drawn.size() + " cells drawn in their SLD colours; screenshot " + dir.resolve("map.png"));
    }

    /** True when nothing in the page loads from the network: no http(s) src, stylesheet link or CSS url(). */
    static boolean noExternalLoads(String html) {
        return !Pattern.compile("src\\s*=\\s*[\"']?https?://").matcher(html).find()
                && !Pattern.compile("<link[^>]*https?://").matcher(html).find() && !html.contains("url(http") && !html.contains("@import");
    }
}
