package org.crimeanalytics.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.crimeanalytics.json.Json;
import org.crimeanalytics.style.Palettes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Opt-in: against a real GeoServer with the plugin installed (see install/README.md), given
 * {@code -Dcrime.geoserver.url=http://127.0.0.1:18080/geoserver}. Publishes the LAPD sample as a
 * property-file layer through REST, lists the crime: functions in WFS 1.1.0 capabilities, renders
 * crime:HotSpots as an SLD transformation, and checks that every probed pixel's colour is the
 * hot/cold colour of the Gi_Bin that GetFeatureInfo returns for it.
 */
class GeoServerIT {

    static final String URL = System.getProperty("crime.geoserver.url");
    final HttpClient http = HttpClient.newHttpClient();
    final String auth = "Basic " + Base64.getEncoder().encodeToString("admin:geoserver".getBytes(StandardCharsets.UTF_8));

    String send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(URL + path)).header("Authorization", auth);
        if (contentType != null) b.header("Content-Type", contentType);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    byte[] wms(Map<String, String> params) throws Exception {
        StringBuilder form = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (form.length() > 0) form.append('&');
            form.append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        HttpRequest r = HttpRequest.newBuilder(URI.create(URL + "/wms")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        return http.send(r, HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    @Test
    void hotSpotsRenderInGeoServerWhereTheStatisticsSay() throws Exception {
        Assumptions.assumeTrue(URL != null, "set -Dcrime.geoserver.url to run against a real GeoServer");
        // 1. the LAPD sample as a property-file layer
        Map<String, Object> imp = new org.crimeanalytics.process.ImportIncidentsProcess().execute(
                Files.readString(Path.of("test-data/lapd_sample10k.csv")), null, null, null, null, null, null, null, null, null);
        Path dir = Files.createTempDirectory("crime-gs");
        StringBuilder props = new StringBuilder("_=geom:Point:srid=4326,incident_id:String,category:String\n");
        try (var it = ((org.geotools.data.simple.SimpleFeatureCollection) imp.get("result")).features()) {
            while (it.hasNext()) {
                var f = it.next();
                props.append(f.getID()).append('=').append(f.getDefaultGeometry()).append('|')
                        .append(f.getAttribute("incident_id")).append('|').append(f.getAttribute("category")).append('\n');
            }
        }
        Files.writeString(dir.resolve("lapd_incidents.properties"), props.toString());
        send("POST", "/rest/workspaces", "application/json", "{\"workspace\":{\"name\":\"crime\"}}");
        send("POST", "/rest/workspaces/crime/datastores", "application/json", "{\"dataStore\":{\"name\":\"lapd\",\"type\":\"Property\","
                + "\"connectionParameters\":{\"entry\":[{\"@key\":\"directory\",\"$\":" + Json.write(dir.toString()) + "}]}}}");
        String ft = send("POST", "/rest/workspaces/crime/datastores/lapd/featuretypes", "application/json",
                "{\"featureType\":{\"name\":\"lapd_incidents\",\"srs\":\"EPSG:4326\"}}");
        assertTrue(ft.startsWith("201") || ft.contains("already exists"), ft);
        // 2. processes listed as functions
        HttpResponse<String> caps = http.send(HttpRequest.newBuilder(URI.create(URL + "/wfs?service=WFS&version=1.1.0&request=GetCapabilities"))
                .build(), HttpResponse.BodyHandlers.ofString());
        for (String p : new String[] {"ImportIncidents", "HotSpots", "ClusterIncidents", "AggregateToAreas", "TemporalProfile"}) {
            assertTrue(caps.body().contains(">" + p + "<"), p + " listed in WFS 1.1.0 capabilities");
        }
        // 3. GetMap with the transformation, then GetFeatureInfo per probed pixel
        String style = Files.readString(Path.of("sld-styles/crime_hotspots.sld"));
        String rules = style.substring(style.indexOf("<Rule>"), style.lastIndexOf("</Rule>") + 7);
        String sld = "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\" xmlns:ogc=\"http://www.opengis.net/ogc\">"
                + "<NamedLayer><Name>crime:lapd_incidents</Name><UserStyle><FeatureTypeStyle><Transformation><ogc:Function name=\"crime:HotSpots\">"
                + "<ogc:Function name=\"parameter\"><ogc:Literal>incidents</ogc:Literal></ogc:Function>"
                + "<ogc:Function name=\"parameter\"><ogc:Literal>cellSize</ogc:Literal><ogc:Literal>2000</ogc:Literal></ogc:Function>"
                + "<ogc:Function name=\"parameter\"><ogc:Literal>cellShape</ogc:Literal><ogc:Literal>SQUARE</ogc:Literal></ogc:Function>"
                + "<ogc:Function name=\"parameter\"><ogc:Literal>crs</ogc:Literal><ogc:Literal>EPSG:32611</ogc:Literal></ogc:Function>"
                + "</ogc:Function></Transformation>" + rules + "</FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>";
        Map<String, String> p = new LinkedHashMap<>();
        p.put("service", "WMS");
        p.put("version", "1.1.1");
        p.put("request", "GetMap");
        p.put("layers", "crime:lapd_incidents");
        p.put("styles", "");
        p.put("srs", "EPSG:4326");
        p.put("bbox", "-118.7,33.7,-118.1,34.35");
        p.put("width", "240");
        p.put("height", "260");
        p.put("format", "image/png");
        p.put("SLD_BODY", sld);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(wms(p)));
        assertTrue(img != null, "GetMap returned an image");
        int checked = 0, hot = 0;
        for (int x = 10; x < 240; x += 23) {
            for (int y = 10; y < 260; y += 23) {
                Map<String, String> q = new LinkedHashMap<>(p);
                q.put("request", "GetFeatureInfo");
                q.put("query_layers", "crime:lapd_incidents");
                q.put("info_format", "application/json");
                q.put("x", Integer.toString(x));
                q.put("y", Integer.toString(y));
                @SuppressWarnings("unchecked")
                Map<String, Object> fc = (Map<String, Object>) Json.parse(new String(wms(q), StandardCharsets.UTF_8));
                java.util.List<?> feats = (java.util.List<?>) fc.get("features");
                int rgb = img.getRGB(x, y);
                if (feats.isEmpty()) continue;
                @SuppressWarnings("unchecked")
                Map<String, Object> props0 = (Map<String, Object>) ((Map<String, Object>) feats.get(0)).get("properties");
                int bin = ((Number) props0.get("Gi_Bin")).intValue();
                String expected = Palettes.HOT_COLD[bin + 3];
                String actual = String.format("#%06x", rgb & 0xffffff);
                if (isBorder(rgb)) continue; // the probe fell on a cell outline
                // the polygon fill is drawn at 80 % opacity over a transparent background: compare hue families
                assertEquals(bin > 0, isWarm(actual), "pixel " + x + "," + y + " colour " + actual + " for Gi_Bin " + bin + " (" + expected + ")");
                checked++;
                if (bin > 0) hot++;
            }
        }
        System.out.println("GeoServer: " + checked + " probed pixels inside cells agree with Gi_Bin, " + hot + " of them hot");
        assertTrue(checked > 20 && hot > 0);
    }

    /** Transparent, or the dark grey of the cell outlines. */
    static boolean isBorder(int argb) {
        int a = argb >>> 24, r = (argb >> 16) & 0xff, g = (argb >> 8) & 0xff, b = argb & 0xff;
        return a < 128 || (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) < 40 && r < 0x90);
    }

    static boolean isWarm(String hex) {
        int r = Integer.parseInt(hex.substring(1, 3), 16), b = Integer.parseInt(hex.substring(5, 7), 16);
        return r - b > 60;
    }

}
