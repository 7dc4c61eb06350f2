package org.crimeanalytics.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Checks what {@code mvn package} leaves in target/: the GeoServer plugin zip holds exactly our jar and
 * the libraries GeoServer lacks, and the runnable jar works on its own (services merged).
 */
class PackagingIT {

    private static final Path TARGET = Paths.get(System.getProperty("crime.buildDir", "target"));
    private static final String VERSION = System.getProperty("crime.version", "0.1.0-SNAPSHOT");

    @Test
    void pluginZipHoldsOurJarAndOnlyWhatGeoServerLacks() throws IOException {
        Path zip = TARGET.resolve("gs-crime-analytics-" + VERSION + "-geoserver-plugin.zip");
        Set<String> names = new TreeSet<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            z.stream().map(ZipEntry::getName).forEach(names::add);
        }
        Set<String> expected = new TreeSet<>(List.of(
                "gs-crime-analytics-" + VERSION + ".jar",
                // Weka and what its static initialisation needs (seen in GeoServer 2.26.2)
                "weka-stable-3.8.6.jar", "bounce-0.18.jar", "java-cup-runtime-11b-20160615.jar", "mtj-1.0.4.jar",
                "arpack_combined_all-0.1.jar", "core-1.1.jar", "netlib-java-1.1.jar", "native_system-java-1.1.jar",
                "native_ref-java-1.1.jar", "jniloader-1.1.jar",
                // Weka packages for DBSCAN/OPTICS and X-means (weka-dev excluded)
                "optics_dbScan-1.0.6.jar", "XMeans-1.0.6.jar",
                "commons-csv-1.11.0.jar"));
        assertEquals(expected, names);
        for (String n : names) {
            assertTrue(!n.startsWith("gt-") && !n.contains("geotools") && !n.startsWith("jts-") && !n.contains("jaxb")
                    && !n.contains("weka-dev") && !n.contains("flatlaf"), n);
        }
    }

    @Test
    void ourJarRegistersTheProcessFactory() throws IOException {
        Path jar = TARGET.resolve("gs-crime-analytics-" + VERSION + ".jar");
        try (ZipFile z = new ZipFile(jar.toFile())) {
            ZipEntry e = z.getEntry("META-INF/services/org.geotools.process.ProcessFactory");
            try (InputStream in = z.getInputStream(e)) {
                assertEquals("org.crimeanalytics.process.CrimeProcessFactory",
                        new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
            }
            // the GeoServer WPS declarations of geoserver-wps-api/ are compiled against, never shipped
            assertTrue(z.stream().noneMatch(x -> x.getName().startsWith("org/geoserver/")), "no org/geoserver class in " + jar);
            assertTrue(z.getEntry("org/crimeanalytics/process/GeoServerWps.class") != null);
        }
        try (ZipFile z = new ZipFile(TARGET.resolve("crime-analytics.jar").toFile())) {
            assertTrue(z.stream().noneMatch(x -> x.getName().startsWith("org/geoserver/")), "no org/geoserver class in the runnable jar");
        }
    }

    @Test
    void runnableJarMergesServicesAndRunsAProcess() throws Exception {
        Path jar = TARGET.resolve("crime-analytics.jar");
        try (ZipFile z = new ZipFile(jar.toFile())) {
            String factories = new String(z.getInputStream(z.getEntry("META-INF/services/org.geotools.process.ProcessFactory"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(factories.contains("org.crimeanalytics.process.CrimeProcessFactory"), factories);
            assertTrue(factories.contains("org.geotools.process.vector.VectorProcessFactory"), factories);
            String crsFactories = new String(z.getInputStream(z.getEntry("META-INF/services/org.geotools.api.referencing.crs.CRSAuthorityFactory"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(crsFactories.contains("org.geotools.referencing.factory.epsg.hsql.ThreadedHsqlEpsgFactory"), crsFactories);
        }
        String list = java(jar, "list");
        assertTrue(list.contains("crime:ImportIncidents\tImport crime incidents"), list);
        Path out = Files.createTempDirectory("crime-it");
        String run = java(jar, "run", "crime:ImportIncidents", "csv=@test-data/lapd_sample10k.csv",
                "-o", "result=" + out.resolve("i.csv"), "-o", "report=" + out.resolve("r.json"));
        assertTrue(Files.readString(out.resolve("r.json")).contains("\"null_island\""), run);
        List<String> lines = Files.readAllLines(out.resolve("i.csv"));
        assertEquals(9987 + 1, lines.size());
        assertTrue(lines.get(0).startsWith("id,lon,lat,incident_id,occurred"), lines.get(0));
    }

    @Test
    void cliErrorsAreOneLineWithNonZeroExit() throws Exception {
        Path jar = TARGET.resolve("crime-analytics.jar");
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-jar", jar.toString(), "run", "crime:ImportIncidents",
                "csv=@no/such/file.csv");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        assertEquals("error: csv: no such file: no/such/file.csv", text.trim());
    }

    /** Every CRS form GeoServer accepts decodes in the runnable jar (GeoTools' run-time libraries are bundled). */
    @Test
    void everyCrsFormDecodesWithItsAxisOrder() throws Exception {
        Path jar = TARGET.resolve("crime-analytics.jar");
        String csv = "csv=@test-data/lapd_sample10k.csv";
        for (String extent : new String[] {"-118.3,34.0,-118.2,34.1,EPSG:4326", "34.0,-118.3,34.1,-118.2,urn:ogc:def:crs:EPSG::4326",
            "34.0,-118.3,34.1,-118.2,http://www.opengis.net/def/crs/EPSG/0/4326",
            "-118.3,34.0,-118.2,34.1,GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],"
                    + "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]"}) {
            String out = java(jar, "run", "crime:ImportIncidents", csv, "extent=" + extent);
            assertTrue(out.contains("result: 3578 features"), extent + ": " + out);
        }
        String out = java(jar, "run", "crime:HotSpots", "incidents=@test-data/lapd_sample10k.csv", "cellSize=1000",
                "crs=urn:ogc:def:crs:EPSG::32611");
        assertTrue(out.contains("crime:HotSpots done"), out);
        // longitude-first numbers with a latitude-first URN: one line naming the parameter, exit 2
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-jar", jar.toString(), "run", "crime:ImportIncidents", csv,
                "extent=-118.3,34.0,-118.2,34.1,urn:ogc:def:crs:EPSG::4326");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), text);
        List<String> errors = text.lines().filter(l -> l.contains("error:")).toList();
        assertEquals(1, errors.size(), text);
        assertTrue(errors.get(0).startsWith("error: extent: -118.3 is not a latitude"), text);
        assertTrue(!text.contains("Exception"), text);
    }

    static String javaBin() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String java(Path jar, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        p.getInputStream().transferTo(buf);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String text = buf.toString(StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        return text;
    }
}
