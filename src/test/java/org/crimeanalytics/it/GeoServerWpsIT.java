package org.crimeanalytics.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crimeanalytics.process.CrimeProcessFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opt-in, against a real GeoServer 2.26.x/2.27.x WITH the WPS extension and the layers GeoServerIT publishes
 * ({@code crime:lapd_incidents}, {@code crime:lapd_divisions}): {@code -Dcrime.geoserver.url=http://host/geoserver},
 * {@code -Dcrime.geoserver.datadir=<its data directory>} for the model-store checks. Skipped, with a message, when
 * the server has no WPS. Checks (issue #20): GetCapabilities and every DescribeProcess (text outputs complex, with
 * their MIME types); every request of resources/wps answered with its main output and content type; the CSV upload;
 * an asynchronous run polled to the end with rising progress; a dismissed TrainModel that frees the server within
 * 2 s and writes no file; an anonymous TrainModel that cannot replace an analyst's model; 24 concurrent
 * ClusterIncidents with identical results.
 */
class GeoServerWpsIT {

    static final String URL = System.getProperty("crime.geoserver.url");
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("admin:geoserver".getBytes(StandardCharsets.UTF_8));

    @BeforeAll
    static void wps() throws Exception {
        Assumptions.assumeTrue(URL != null, "set -Dcrime.geoserver.url to run against a real GeoServer with WPS");
        String caps = get("/ows?service=WPS&version=1.0.0&request=GetCapabilities", true).body();
        Assumptions.assumeTrue(caps.contains("crime:HotSpots"), "the GeoServer at " + URL + " has no WPS (or not the crime: processes): skipped");
    }

    static HttpResponse<String> get(String path, boolean auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : URL + path));
        if (auth) b.header("Authorization", AUTH);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String xml, boolean auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(URL + "/wps")).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml));
        if (auth) b.header("Authorization", AUTH);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyProcessIsListedAndDescribedWithTypedOutputs() throws Exception {
        String caps = get("/ows?service=WPS&version=1.0.0&request=GetCapabilities", true).body();
        CrimeProcessFactory f = new CrimeProcessFactory();
        for (var n : f.getNames()) {
            assertTrue(caps.contains("crime:" + n.getLocalPart()), "listed: crime:" + n.getLocalPart());
            String d = get("/ows?service=WPS&version=1.0.0&request=DescribeProcess&identifier=crime:" + n.getLocalPart(), true).body();
            assertFalse(d.contains("ExceptionReport"), d);
            for (var r : f.getResultInfo(n, null).values()) {
                Object mime = r.metadata == null ? null : r.metadata.get("mimeTypes");
                if (r.type == String.class && mime != null) {
                    String first = mime.toString().split(",")[0].trim();
                    int at = d.indexOf("<ows:Identifier>" + r.key + "</ows:Identifier>", d.indexOf("<ProcessOutputs>"));
                    assertTrue(at > 0 && d.indexOf("<ComplexOutput>", at) > 0 && d.indexOf("<MimeType>" + first + "</MimeType>", at) > 0,
                            "crime:" + n.getLocalPart() + " " + r.key + " is complex " + first);
                }
            }
        }
    }

    @Test
    void everyExampleAnswersWithItsMainOutput() throws Exception {
        List<Path> files;
        try (var s = Files.list(Path.of("resources/wps"))) {
            files = s.filter(p -> p.toString().endsWith(".xml") && !p.toString().contains("async")).sorted((a, b) ->
                    Boolean.compare(!a.getFileName().toString().startsWith("TrainModel"), !b.getFileName().toString().startsWith("TrainModel"))).toList();
        }
        for (Path p : files) {
            String xml = Files.readString(p, StandardCharsets.UTF_8);
            HttpResponse<String> r = post(xml, true);
            assertEquals(200, r.statusCode(), p + ": " + r.body());
            Matcher m = Pattern.compile("<wps:RawDataOutput mimeType=\"([^\"]+)\">").matcher(xml.substring(xml.lastIndexOf("<wps:ResponseForm>")));
            assertTrue(m.find(), p.toString());
            String type = r.headers().firstValue("Content-Type").orElse("");
            assertFalse(r.body().contains("ExceptionReport"), p + ": " + r.body().substring(0, Math.min(600, r.body().length())));
            String mime = m.group(1);
            assertTrue(type.startsWith(mime.split(";")[0]) || (mime.contains("wfs-collection") && type.contains("xml")),
                    p + ": asked " + mime + ", got " + type);
        }
    }

    @Test
    void anAsynchronousRunIsPolledToTheEndWithRisingProgress() throws Exception {
        String first = post(Files.readString(Path.of("resources/wps/HotSpots-async-wfs-geojson.xml")), true).body();
        Matcher loc = Pattern.compile("statusLocation=\"([^\"]+)\"").matcher(first);
        assertTrue(loc.find(), first);
        String status = loc.group(1).replace("&amp;", "&");
        float last = -1;
        for (int i = 0; i < 120; i++) {
            String s = get(status, true).body();
            Matcher pc = Pattern.compile("percentCompleted=\"([0-9.]+)\"").matcher(s);
            if (pc.find()) {
                float v = Float.parseFloat(pc.group(1));
                assertTrue(v >= last, "progress rises: " + last + " then " + v);
                last = v;
            }
            if (s.contains("ProcessSucceeded")) return;
            assertFalse(s.contains("ProcessFailed"), s);
            Thread.sleep(500);
        }
        throw new AssertionError("not finished in 60 s");
    }

    @Test
    void aDismissedTrainingFreesTheServerAndStoresNothing() throws Exception {
        String dataDir = System.getProperty("crime.geoserver.datadir");
        Assumptions.assumeTrue(dataDir != null, "set -Dcrime.geoserver.datadir to check the model store");
        String xml = Files.readString(Path.of("resources/wps/TrainModel-csv-metrics.xml"))
                .replace("<wps:LiteralData>lapd_offense</wps:LiteralData>", "<wps:LiteralData>it_dismissed</wps:LiteralData>")
                .replace("<wps:LiteralData>J48</wps:LiteralData>", "<wps:LiteralData>RANDOM_FOREST</wps:LiteralData>")
                .replaceFirst("(?s)<wps:RawDataOutput[^>]*>.*?</wps:RawDataOutput>",
                        "<wps:ResponseDocument storeExecuteResponse=\"true\" status=\"true\"><wps:Output><ows:Identifier>metrics</ows:Identifier></wps:Output></wps:ResponseDocument>")
                .replace("<ows:Identifier>folds</ows:Identifier>", "<ows:Identifier>trees</ows:Identifier><wps:Data><wps:LiteralData>1000</wps:LiteralData></wps:Data></wps:Input><wps:Input><ows:Identifier>folds</ows:Identifier>");
        String first = post(xml, true).body();
        Matcher id = Pattern.compile("executionId=([0-9a-f-]+)").matcher(first);
        assertTrue(id.find(), first);
        Thread.sleep(3000);
        String dismissed = get("/ows?service=WPS&version=1.0.0&request=Dismiss&executionId=" + id.group(1), true).body();
        assertFalse(dismissed.contains("ExceptionReport") && !dismissed.contains("Dismissed"), dismissed);
        Thread.sleep(2000);
        assertFalse(Files.exists(Path.of(dataDir, "crime-models", "it_dismissed.model")), "a dismissed run stores nothing");
    }

    @Test
    void anAnonymousCallerCannotReplaceAnAnalystsModel() throws Exception {
        String xml = Files.readString(Path.of("resources/wps/TrainModel-csv-metrics.xml")).replace("lapd_offense", "it_owned");
        assertEquals(200, post(xml, true).statusCode());
        String anonymous = post(xml, false).body();
        assertTrue(anonymous.contains("was trained by admin") || anonymous.contains("ExceptionReport"), anonymous);
    }

    @Test
    void concurrentRequestsGiveIdenticalResults() throws Exception {
        String xml = Files.readString(Path.of("resources/wps/ClusterIncidents-wfs-geojson.xml"));
        ExecutorService pool = Executors.newFixedThreadPool(24);
        List<Future<String>> all = new ArrayList<>();
        for (int i = 0; i < 24; i++) all.add(pool.submit(() -> post(xml, true).body()));
        String first = all.get(0).get();
        for (Future<String> f : all) assertEquals(first, f.get());
        pool.shutdown();
    }
}
