package org.crimeanalytics.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.crimeanalytics.geo.GeoJson;
import org.crimeanalytics.json.Json;
import org.crimeanalytics.process.CrimeProcessFactory;
import org.crimeanalytics.process.HotSpotsProcess;
import org.crimeanalytics.process.ImportIncidentsProcess;
import org.crimeanalytics.style.StyleCatalog;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.referencing.CRS;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Opt-in, against a real GeoServer 2.26.x/2.27.x: {@code -Dcrime.geoserver.url=http://127.0.0.1:18080/geoserver}.
 * With {@code -Dcrime.geoserver.home=<GeoServer directory>} it first installs the plugin zip the way an
 * administrator would (stop, install/install.sh, start, install/install.sh --rest for the styles), restarting
 * through {@code -Dcrime.geoserver.ctl} (default ../shared/tools/geoserver/geoserver.sh). Then it publishes the
 * LAPD sample and the LAPD divisions as property-file layers and checks: every crime: process is listed (WFS
 * 1.1.0 capabilities: functions), GeoServer parses and renders every style of sld-styles/ (GetLegendGraphic), the
 * divisions serve all 21 features, a GetMap with the shipped on-the-fly hot spot style shows hot cells exactly
 * where crime:HotSpots computed here (same view, same data) says, GetFeatureInfo returns those Gi_Bin values,
 * and two adjacent tiles match the 512-pixel map that covers both; the same for the on-the-fly kernel density
 * (class colours of the locally computed KDE, GetFeatureInfo KDE, tiles).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeoServerIT {

    static final String URL = System.getProperty("crime.geoserver.url");
    static final String HOME = System.getProperty("crime.geoserver.home");
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("admin:geoserver".getBytes(StandardCharsets.UTF_8));
    static SimpleFeatureCollection incidents;

    @BeforeAll
    static void installAndPublish() throws Exception {
        Assumptions.assumeTrue(URL != null, "set -Dcrime.geoserver.url to run against a real GeoServer");
        if (HOME != null) install();
        incidents = (SimpleFeatureCollection) new ImportIncidentsProcess().execute(
                Files.readString(Path.of("test-data/lapd_sample10k.csv")), null, null, null, null, null, null, null, null, null, null, null, null).get("result");
        Path dir = Files.createTempDirectory("crime-gs");
        StringBuilder props = new StringBuilder("_=geom:Point:srid=4326,incident_id:String,category:String\n");
        try (var it = incidents.features()) {
            while (it.hasNext()) {
                var f = it.next();
                props.append(f.getID()).append('=').append(f.getDefaultGeometry()).append('|')
                        .append(f.getAttribute("incident_id")).append('|').append(f.getAttribute("category")).append('\n');
            }
        }
        Files.writeString(dir.resolve("lapd_incidents.properties"), props.toString());
        StringBuilder div = new StringBuilder("_=geom:MultiPolygon:srid=4326,PREC:Integer,APREC:String\n");
        try (var it = GeoJson.read(Path.of("test-data/lapd_divisions.geojson")).features()) {
            while (it.hasNext()) {
                var f = it.next();
                Geometry g = (Geometry) f.getDefaultGeometry();
                if (g instanceof org.locationtech.jts.geom.Polygon poly) g = g.getFactory().createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {poly});
                div.append(f.getID().replace('.', '_')).append('=').append(g).append('|').append(((Number) f.getAttribute("PREC")).intValue())
                        .append('|').append(f.getAttribute("APREC")).append('\n');
            }
        }
        Files.writeString(dir.resolve("lapd_divisions.properties"), div.toString());
        send("POST", "/rest/workspaces", "application/json", "{\"workspace\":{\"name\":\"crime\"}}");
        send("DELETE", "/rest/workspaces/crime/datastores/lapd?recurse=true", null, null);
        String ds = send("POST", "/rest/workspaces/crime/datastores", "application/json", "{\"dataStore\":{\"name\":\"lapd\",\"type\":\"Property\","
                + "\"connectionParameters\":{\"entry\":[{\"@key\":\"directory\",\"$\":" + Json.write(dir.toString()) + "}]}}}");
        assertTrue(ds.startsWith("201"), ds);
        for (String layer : List.of("lapd_incidents", "lapd_divisions")) {
            String ft = send("POST", "/rest/workspaces/crime/datastores/lapd/featuretypes", "application/json",
                    "{\"featureType\":{\"name\":\"" + layer + "\",\"srs\":\"EPSG:4326\"}}");
            assertTrue(ft.startsWith("201"), layer + ": " + ft);
        }
    }

    /** stop, install the jars, start, upload the styles: what install/README.md tells an administrator. */
    static void install() throws Exception {
        String ctl = System.getProperty("crime.geoserver.ctl", "../shared/tools/geoserver/geoserver.sh");
        Path zip = InstallScriptIT.zip();
        String webapp = Path.of(HOME, "webapps", "geoserver").toString();
        exec(List.of("bash", "install/uninstall.sh", "--webapp", webapp, "--rest", URL)); // a previous run's install, if any
        libBefore = listing(Path.of(webapp, "WEB-INF", "lib"));
        exec(List.of("bash", ctl, "stop", HOME));
        exec(List.of("bash", "install/install.sh", "--webapp", webapp, "--zip", zip.toString()));
        exec(List.of("bash", ctl, "start", HOME));
        exec(List.of("bash", "install/install.sh", "--webapp", webapp, "--zip", zip.toString(), "--rest", URL));
    }

    static java.util.SortedSet<String> libBefore;

    static java.util.SortedSet<String> listing(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    /** uninstall.sh removes exactly what install.sh added: WEB-INF/lib is as before, styles and workspace are gone. */
    @org.junit.jupiter.api.AfterAll
    static void uninstall() throws Exception {
        if (URL == null || HOME == null) return;
        send("DELETE", "/rest/workspaces/crime/datastores/lapd?recurse=true", null, null);
        String webapp = Path.of(HOME, "webapps", "geoserver").toString();
        exec(List.of("bash", "install/uninstall.sh", "--webapp", webapp, "--rest", URL));
        assertEquals(libBefore, listing(Path.of(webapp, "WEB-INF", "lib")), "WEB-INF/lib after uninstall");
        assertTrue(send("GET", "/rest/workspaces/crime.json", null, null).startsWith("404"), "the crime workspace is gone");
        exec(List.of("bash", "install/uninstall.sh", "--webapp", webapp, "--rest", URL)); // again: nothing to do
        System.out.println("GeoServer: uninstall left WEB-INF/lib as before install (" + libBefore.size() + " entries), styles and workspace deleted");
    }

    static void exec(List<String> cmd) throws Exception {
        Shell.Run r = Shell.run(cmd, 300);
        System.out.println("$ " + String.join(" ", cmd) + "\n" + r.out());
        assertEquals(0, r.code(), cmd + ":\n" + r.out());
    }

    static String send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(URL + path)).header("Authorization", AUTH);
        if (contentType != null) b.header("Content-Type", contentType);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    static HttpResponse<byte[]> get(String path, Map<String, String> params) throws Exception {
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            q.append(q.length() == 0 ? "?" : "&").append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return HTTP.send(HttpRequest.newBuilder(URI.create(URL + path + q)).header("Authorization", AUTH).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    @Order(1)
    void everyProcessIsListedAndEveryStyleParsesAndRenders() throws Exception {
        String caps = new String(get("/wfs", Map.of("service", "WFS", "version", "1.1.0", "request", "GetCapabilities")).body(), StandardCharsets.UTF_8);
        int listed = 0;
        for (var n : new CrimeProcessFactory().getNames()) {
            assertTrue(caps.contains(">" + n.getLocalPart() + "<"), "crime:" + n.getLocalPart() + " listed in WFS 1.1.0 capabilities");
            listed++;
        }
        int styles = 0;
        for (String file : StyleCatalog.styles().keySet()) {
            String name = file.replace(".sld", "");
            HttpResponse<byte[]> legend = get("/wms", Map.of("service", "WMS", "version", "1.1.1", "request", "GetLegendGraphic",
                    "format", "image/png", "layer", "crime:lapd_incidents", "style", "crime:" + name, "width", "20", "height", "20"));
            String type = legend.headers().firstValue("Content-Type").orElse("");
            assertTrue(type.startsWith("image/png"), name + ": " + type + " " + new String(legend.body(), StandardCharsets.UTF_8));
            int height = ImageIO.read(new ByteArrayInputStream(legend.body())).getHeight();
            if (!name.endsWith("_raster")) assertTrue(height > 20 * 2, name + ": a legend with several rules"); // a colour map: one rule
            styles++;
        }
        String wfs = new String(get("/wfs", Map.of("service", "WFS", "version", "1.1.0", "request", "GetFeature", "typeName", "crime:lapd_divisions",
                "resultType", "hits")).body(), StandardCharsets.UTF_8);
        assertTrue(wfs.contains("numberOfFeatures=\"21\""), wfs);
        System.out.println("GeoServer: " + listed + " processes listed, " + styles + " styles parsed and rendered as legends, 21 divisions served");
    }

    static Map<String, String> getMap(ReferencedEnvelope bbox, int w, int h) {
        return getMap(bbox, w, h, "crime:crime_transformation_hotspots");
    }

    static Map<String, String> getMap(ReferencedEnvelope bbox, int w, int h, String style) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("service", "WMS");
        p.put("version", "1.1.1");
        p.put("request", "GetMap");
        p.put("layers", "crime:lapd_incidents");
        p.put("styles", style);
        p.put("srs", "EPSG:3857");
        p.put("bbox", bbox.getMinX() + "," + bbox.getMinY() + "," + bbox.getMaxX() + "," + bbox.getMaxY());
        p.put("width", Integer.toString(w));
        p.put("height", Integer.toString(h));
        p.put("format", "image/png");
        p.put("transparent", "true");
        return p;
    }

    static BufferedImage image(Map<String, String> params) throws Exception {
        HttpResponse<byte[]> r = get("/wms", params);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertTrue(img != null, "GetMap returned an image: " + new String(r.body(), StandardCharsets.UTF_8));
        return img;
    }

    @Test
    @Order(2)
    void hotCellsAreDrawnWhereTheStatisticsSay() throws Exception {
        var merc = CRS.decode("EPSG:3857");
        // central Los Angeles, 512 x 512 pixels of 38.2 m (zoom 12): the style picks 1,000 m cells
        ReferencedEnvelope view = new ReferencedEnvelope(-13180000, -13160434.2, 4025000, 4044565.8, merc);
        int size = 512;
        Map<String, Object> local = new HotSpotsProcess().execute(incidents, null, null, null,
                org.crimeanalytics.grid.Grid.Shape.SQUARE, null, null, null, null, null, null, view, size, size, 32, null);
        List<SimpleFeature> cells = new ArrayList<>();
        try (var it = ((SimpleFeatureCollection) local.get("result")).features()) {
            while (it.hasNext()) cells.add(it.next());
        }
        var toLonLat = CRS.findMathTransform(merc, org.crimeanalytics.geo.Crs.wgs84(), true);
        BufferedImage img = image(getMap(view, size, size));
        GeometryFactory gf = new GeometryFactory();
        int checked = 0, hot = 0, info = 0;
        for (int x = 8; x < size; x += 24) {
            for (int y = 8; y < size; y += 24) {
                double mx = view.getMinX() + (x + 0.5) * view.getWidth() / size, my = view.getMaxY() - (y + 0.5) * view.getHeight() / size;
                Point p = (Point) org.geotools.geometry.jts.JTS.transform(gf.createPoint(new Coordinate(mx, my)), toLonLat);
                SimpleFeature cell = null;
                for (SimpleFeature c : cells) if (((Geometry) c.getDefaultGeometry()).contains(p)) cell = c;
                int argb = img.getRGB(x, y);
                if (cell == null) {
                    double nearest = Double.POSITIVE_INFINITY;
                    for (SimpleFeature c : cells) nearest = Math.min(nearest, ((Geometry) c.getDefaultGeometry()).distance(p));
                    if (nearest < 3 * view.getWidth() / size / 111_000) continue; // beside a cell's outline
                    assertTrue((argb >>> 24) < 16, "no cell here, so nothing drawn at " + x + "," + y + ": #"
                            + Integer.toHexString(argb) + ", nearest cell " + nearest + " degrees away");
                    continue;
                }
                Geometry g = (Geometry) cell.getDefaultGeometry();
                if (g.getBoundary().distance(p) < 3 * view.getWidth() / size / 111_000) continue; // the outline
                int bin = ((Number) cell.getAttribute("Gi_Bin")).intValue();
                assertTrue((argb >>> 24) > 128, "a cell is drawn at " + x + "," + y);
                int expected = Integer.parseInt(org.crimeanalytics.style.Palettes.HOT_COLD[bin + 3].substring(1), 16);
                assertTrue(close(argb | 0xff000000, expected | 0xff000000), "pixel " + x + "," + y + " #" + Integer.toHexString(argb & 0xffffff)
                        + " is the SLD colour of Gi_Bin " + bin + " (" + org.crimeanalytics.style.Palettes.HOT_COLD[bin + 3] + ")");
                checked++;
                if (bin > 0) hot++;
                if (x % 96 == 8 && y % 96 == 8) {
                    Map<String, String> q = new LinkedHashMap<>(getMap(view, size, size));
                    q.put("request", "GetFeatureInfo");
                    q.put("query_layers", "crime:lapd_incidents");
                    q.put("info_format", "application/json");
                    q.put("x", Integer.toString(x));
                    q.put("y", Integer.toString(y));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> fc = (Map<String, Object>) Json.parse(new String(get("/wms", q).body(), StandardCharsets.UTF_8));
                    List<?> feats = (List<?>) fc.get("features");
                    assertEquals(1, feats.size(), "GetFeatureInfo at " + x + "," + y);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) feats.get(0)).get("properties");
                    assertEquals(bin, ((Number) props.get("Gi_Bin")).intValue(), "GetFeatureInfo Gi_Bin at " + x + "," + y);
                    assertEquals(((Number) cell.getAttribute("JOIN_COUNT")).intValue(), ((Number) props.get("JOIN_COUNT")).intValue());
                    info++;
                }
            }
        }
        System.out.println("GeoServer: " + checked + " probed pixels show the locally computed Gi_Bin (" + hot + " hot), "
                + info + " GetFeatureInfo answers equal the local Gi_Bin and JOIN_COUNT");
        assertTrue(checked > 100 && hot > 5 && info >= 5, checked + " / " + hot + " / " + info);
    }

    @Test
    @Order(3)
    void adjacentTilesMatchTheMapThatCoversBoth() throws Exception {
        var merc = CRS.decode("EPSG:3857");
        double world = 2 * 20037508.342789244, t = world / (1 << 12);
        double minX = -20037508.342789244 + 701 * t, maxY = 20037508.342789244 - 1635 * t;
        ReferencedEnvelope a = new ReferencedEnvelope(minX, minX + t, maxY - t, maxY, merc);
        ReferencedEnvelope b = new ReferencedEnvelope(minX + t, minX + 2 * t, maxY - t, maxY, merc);
        ReferencedEnvelope both = new ReferencedEnvelope(minX, minX + 2 * t, maxY - t, maxY, merc);
        BufferedImage ia = image(getMap(a, 256, 256)), ib = image(getMap(b, 256, 256)), iab = image(getMap(both, 512, 256));
        int differ = 0, drawn = 0;
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 512; x++) {
                int tile = x < 256 ? ia.getRGB(x, y) : ib.getRGB(x - 256, y);
                int whole = iab.getRGB(x, y);
                if ((whole >>> 24) > 0) drawn++;
                if (!close(tile, whole)) differ++;
            }
        }
        System.out.println("GeoServer: two 256 px tiles vs one 512 px map: " + differ + " of " + 512 * 256 + " pixels differ, " + drawn + " drawn");
        assertTrue(drawn > 512 * 256 / 4, "the map shows cells: " + drawn);
        assertTrue(differ < 512 * 256 / 200, "tiles agree with the whole map: " + differ + " pixels differ");
    }

    @Test
    @Order(4)
    void kernelDensityIsDrawnOnTheFlyAsComputedHere() throws Exception {
        var merc = CRS.decode("EPSG:3857");
        // central Los Angeles, 512 x 512 pixels of 38.2 m: 8-pixel cells of 300 m (rounded to 200 m)
        ReferencedEnvelope view = new ReferencedEnvelope(-13180000, -13160434.2, 4025000, 4044565.8, merc);
        int size = 512;
        Map<String, Object> local = new org.crimeanalytics.process.KernelDensityProcess().execute(incidents, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, view, size, size, 8, null);
        List<SimpleFeature> cells = new ArrayList<>();
        try (var it = ((SimpleFeatureCollection) local.get("result")).features()) {
            while (it.hasNext()) cells.add(it.next());
        }
        var toLonLat = CRS.findMathTransform(merc, org.crimeanalytics.geo.Crs.wgs84(), true);
        BufferedImage img = image(getMap(view, size, size, "crime:crime_transformation_kde"));
        double[] lim = org.crimeanalytics.style.Styles.DENSITY_TRANSFORMATION_LIMITS;
        String[] colours = org.crimeanalytics.style.Palettes.sequential(lim.length);
        GeometryFactory gf = new GeometryFactory();
        int checked = 0, info = 0;
        for (int x = 5; x < size; x += 16) {
            for (int y = 5; y < size; y += 16) {
                double mx = view.getMinX() + (x + 0.5) * view.getWidth() / size, my = view.getMaxY() - (y + 0.5) * view.getHeight() / size;
                Point p = (Point) org.geotools.geometry.jts.JTS.transform(gf.createPoint(new Coordinate(mx, my)), toLonLat);
                SimpleFeature cell = null;
                for (SimpleFeature c : cells) if (((Geometry) c.getDefaultGeometry()).contains(p)) cell = c;
                if (cell == null || ((Geometry) cell.getDefaultGeometry()).getBoundary().distance(p) < 0.8 * view.getWidth() / size / 111_000) continue;
                double kde = ((Number) cell.getAttribute("KDE")).doubleValue();
                int cls = -1;
                for (int c = 0; c < lim.length; c++) if (kde >= lim[c]) cls = c;
                int argb = img.getRGB(x, y);
                if (cls < 0) {
                    assertTrue((argb >>> 24) < 16, "under 1 per km2, nothing drawn at " + x + "," + y);
                    continue;
                }
                // 0.75 opacity over a transparent map: compare the colour only
                int expected = Integer.parseInt(colours[cls].substring(1), 16);
                assertTrue((argb >>> 24) > 128, "a cell is drawn at " + x + "," + y);
                assertTrue(close(argb | 0xff000000, expected | 0xff000000), "pixel " + x + "," + y + " #" + Integer.toHexString(argb & 0xffffff)
                        + " is the class colour of KDE " + kde + " (" + colours[cls] + ")");
                checked++;
                if (checked % 40 == 1) {
                    Map<String, String> q = new LinkedHashMap<>(getMap(view, size, size, "crime:crime_transformation_kde"));
                    q.put("request", "GetFeatureInfo");
                    q.put("query_layers", "crime:lapd_incidents");
                    q.put("info_format", "application/json");
                    q.put("x", Integer.toString(x));
                    q.put("y", Integer.toString(y));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> fc = (Map<String, Object>) Json.parse(new String(get("/wms", q).body(), StandardCharsets.UTF_8));
                    List<?> feats = (List<?>) fc.get("features");
                    assertEquals(1, feats.size(), "GetFeatureInfo at " + x + "," + y);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) feats.get(0)).get("properties");
                    // cells are 5 pixels wide: GeoServer's search buffer may answer a neighbour; its KDE must be the local one
                    SimpleFeature same = null;
                    for (SimpleFeature c : cells) if (c.getAttribute("CELL_ID").equals(props.get("CELL_ID"))) same = c;
                    assertNotNull(same, "GetFeatureInfo at " + x + "," + y + " answered cell " + props.get("CELL_ID") + ", computed here too");
                    double localKde = ((Number) same.getAttribute("KDE")).doubleValue();
                    assertEquals(localKde, ((Number) props.get("KDE")).doubleValue(), 1e-9 * localKde, "GetFeatureInfo KDE at " + x + "," + y);
                    assertEquals(((Number) same.getAttribute("JOIN_COUNT")).intValue(), ((Number) props.get("JOIN_COUNT")).intValue());
                    info++;
                }
            }
        }
        // the layer's CQL_FILTER selects the incidents analysed (the style's rules on KDE do not)
        SimpleFeatureCollection violent = org.geotools.data.DataUtilities.collection(incidents.subCollection(
                org.geotools.filter.text.ecql.ECQL.toFilter("category = 'violent'")));
        Map<String, Object> localViolent = new org.crimeanalytics.process.KernelDensityProcess().execute(violent, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, view, size, size, 8, null);
        Map<String, Double> violentKde = new java.util.HashMap<>();
        try (var it = ((SimpleFeatureCollection) localViolent.get("result")).features()) {
            while (it.hasNext()) {
                SimpleFeature c = it.next();
                violentKde.put((String) c.getAttribute("CELL_ID"), ((Number) c.getAttribute("KDE")).doubleValue());
            }
        }
        Map<String, String> q = new LinkedHashMap<>(getMap(view, size, size, "crime:crime_transformation_kde"));
        q.put("request", "GetFeatureInfo");
        q.put("query_layers", "crime:lapd_incidents");
        q.put("info_format", "application/json");
        q.put("x", "256");
        q.put("y", "256");
        q.put("cql_filter", "category = 'violent'");
        @SuppressWarnings("unchecked")
        Map<String, Object> vfc = (Map<String, Object>) Json.parse(new String(get("/wms", q).body(), StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        Map<String, Object> vp = (Map<String, Object>) ((Map<String, Object>) ((List<?>) vfc.get("features")).get(0)).get("properties");
        double served = ((Number) vp.get("KDE")).doubleValue(), expected = violentKde.get((String) vp.get("CELL_ID"));
        assertEquals(expected, served, 1e-9 * expected, "KDE of the violent incidents only, as CQL_FILTER asks");
        // two adjacent tiles against the map that covers both
        double world = 2 * 20037508.342789244, t = world / (1 << 12);
        double minX = -20037508.342789244 + 701 * t, maxY = 20037508.342789244 - 1635 * t;
        String st = "crime:crime_transformation_kde";
        BufferedImage ia = image(getMap(new ReferencedEnvelope(minX, minX + t, maxY - t, maxY, merc), 256, 256, st));
        BufferedImage ib = image(getMap(new ReferencedEnvelope(minX + t, minX + 2 * t, maxY - t, maxY, merc), 256, 256, st));
        BufferedImage iab = image(getMap(new ReferencedEnvelope(minX, minX + 2 * t, maxY - t, maxY, merc), 512, 256, st));
        int differ = 0, drawn = 0;
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 512; x++) {
                int tile = x < 256 ? ia.getRGB(x, y) : ib.getRGB(x - 256, y);
                if ((iab.getRGB(x, y) >>> 24) > 0) drawn++;
                if (!close(tile, iab.getRGB(x, y))) differ++;
            }
        }
        System.out.println("GeoServer KDE: " + checked + " probed pixels in the class colour of the local KDE, " + info
                + " GetFeatureInfo KDE equal to the local value; tiles vs map: " + differ + " of " + 512 * 256 + " pixels differ, " + drawn + " drawn");
        assertTrue(checked > 200 && info >= 5, checked + " / " + info);
        assertTrue(drawn > 512 * 256 / 4 && differ < 512 * 256 / 200, drawn + " drawn, " + differ + " differ");
    }

    static boolean close(int p, int q) {
        for (int s = 0; s < 32; s += 8) if (Math.abs(((p >>> s) & 0xff) - ((q >>> s) & 0xff)) > 8) return false;
        return true;
    }
}
