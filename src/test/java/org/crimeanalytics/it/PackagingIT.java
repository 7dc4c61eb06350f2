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
import java.util.Map;
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

        // a typed value is refused before the incidents file is read: the one line, no ingest report before it
        ProcessBuilder typo = new ProcessBuilder(javaBin(), "-jar", jar.toString(), "run", "crime:ClusterIncidents",
                "incidents=@test-data/chicago_2017_01.csv.gz", "k=abc");
        typo.redirectErrorStream(true);
        Process q = typo.start();
        String said = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(q.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, q.exitValue(), said);
        assertEquals("error: k: cannot convert 'abc' to Integer", said.trim());
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

    /**
     * On {@code CRIME_JIT=quick} the CLI's {@code run} happens in a second JVM with C1 only and a class archive
     * (cli.Relaunch): the first run writes the archive, the next uses it, both give the bytes of a run in one JVM,
     * an error keeps its one line and exit code 2, and killing the first JVM ends the second.
     */
    @Test
    void runInASecondJvmGivesTheSameResultsAndWritesItsClassArchiveOnce() throws Exception {
        Path jar = TARGET.resolve("crime-analytics.jar");
        Path cache = Files.createTempDirectory("crime-cache");
        Path out = Files.createTempDirectory("crime-it");
        java.util.function.Function<String, String[]> hotSpots = name -> new String[] {"run", "crime:HotSpots",
            "incidents=@test-data/lapd_sample10k.csv", "cellSize=1000", "-o", "result=" + out.resolve(name)};

        String one = run(jar, Map.of("CRIME_JIT", "full", "XDG_CACHE_HOME", cache.toString()), 0, hotSpots.apply("one.geojson"));
        assertTrue(!one.contains("second JVM"), one);
        assertTrue(!Files.exists(cache.resolve("crime-analytics")) || archives(cache).isEmpty(), one);

        Map<String, String> quick = Map.of("CRIME_JIT", "quick", "XDG_CACHE_HOME", cache.toString());
        String first = run(jar, quick, 0, hotSpots.apply("first.geojson"));
        assertTrue(first.contains("first run of this process with this jar: its classes are archived in " + cache.resolve("crime-analytics")), first);
        String cmd = first.lines().filter(l -> l.contains("[timing] second JVM:")).findFirst().orElseThrow();
        assertTrue(cmd.contains(" -XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit="), cmd);
        assertEquals(1, archives(cache).size(), first);
        // the second run maps the archive: the process class comes from it ("shared objects file (top)")
        String second = runWith(jar, quick, 0, "-Xlog:class+load=info", hotSpots.apply("second.geojson"));
        assertTrue(!second.contains("first run"), second);
        assertTrue(second.contains(" -XX:SharedArchiveFile=" + archives(cache).get(0)), second);
        assertTrue(second.contains("org.crimeanalytics.process.HotSpotsProcess source: shared objects file (top)"),
                second.lines().filter(l -> l.contains("HotSpotsProcess")).collect(java.util.stream.Collectors.joining("\n")));
        byte[] expected = Files.readAllBytes(out.resolve("one.geojson"));
        assertTrue(expected.length > 1000);
        assertTrue(java.util.Arrays.equals(expected, Files.readAllBytes(out.resolve("first.geojson"))), "first run differs");
        assertTrue(java.util.Arrays.equals(expected, Files.readAllBytes(out.resolve("second.geojson"))), "second run differs");

        String error = run(jar, quick, 2, "run", "crime:ImportIncidents", "csv=@no/such/file.csv");
        assertEquals("error: csv: no such file: no/such/file.csv",
                error.lines().filter(l -> !l.contains("[timing]")).collect(java.util.stream.Collectors.joining("\n")).trim());

        // a long run (9,999 permutations) stopped: its first JVM killed as QGIS cancels, or sent SIGTERM (Ctrl-C, a
        // timeout): the second ends too, within seconds
        for (boolean kill : new boolean[] {true, false}) {
            ProcessBuilder pb = new ProcessBuilder(javaBin(), "-jar", jar.toString(), "run", "crime:NearRepeat",
                    "incidents=@test-data/chicago_2017_01.csv.gz", "permutations=9999", "distanceBands=0,400,800,1600,3200");
            pb.environment().putAll(quick);
            pb.redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            ProcessHandle child = null;
            for (int i = 0; i < 200 && child == null; i++) {
                child = p.children().findFirst().orElse(null);
                if (child == null) Thread.sleep(50);
            }
            assertTrue(child != null && child.isAlive(), "no second JVM");
            Thread.sleep(1000); // under way
            long t0 = System.nanoTime();
            if (kill) {
                p.destroyForcibly().waitFor();
            } else {
                p.destroy();
                assertTrue(p.waitFor(20, TimeUnit.SECONDS));
                assertEquals(143, p.exitValue()); // the first JVM's own SIGTERM exit, after the second's end
            }
            try {
                child.onExit().get(20, TimeUnit.SECONDS);
            } finally {
                child.destroyForcibly();
            }
            assertTrue(!child.isAlive());
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, (kill ? "kill" : "SIGTERM") + ": the second JVM took "
                    + (System.nanoTime() - t0) / 1e9 + " s to end");
        }
        // the second JVM killed (as the out-of-memory killer does): exit 137 and one line that says so
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-jar", jar.toString(), "run", "crime:NearRepeat",
                "incidents=@test-data/chicago_2017_01.csv.gz", "permutations=9999");
        pb.environment().putAll(quick);
        pb.redirectErrorStream(true);
        Path log = out.resolve("killed.txt");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        ProcessHandle child = null;
        for (int i = 0; i < 200 && child == null; i++) {
            child = p.children().findFirst().orElse(null);
            if (child == null) Thread.sleep(50);
        }
        assertTrue(child != null, "no second JVM");
        child.destroyForcibly();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue());
        String said = Files.readString(log);
        assertTrue(said.contains("error: the run's JVM was killed (SIGKILL)"), said);
        try (java.util.stream.Stream<Path> s = Files.walk(cache)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static List<Path> archives(Path cache) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.list(cache.resolve("crime-analytics"))) {
            return s.filter(f -> f.getFileName().toString().endsWith(".jsa")).collect(java.util.stream.Collectors.toList());
        }
    }

    /** {@code java -Dcrime.timing=true -jar jar args} with these environment variables: its output, after its exit code. */
    private static String run(Path jar, Map<String, String> env, int expectedCode, String... args) throws Exception {
        return runWith(jar, env, expectedCode, "-Dcrime.timing=true", args);
    }

    /** {@code java -Dcrime.timing=true option -jar jar args}, as {@link #run}. */
    private static String runWith(Path jar, Map<String, String> env, int expectedCode, String option, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Dcrime.timing=true", option, "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(expectedCode, p.exitValue(), text);
        return text;
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
