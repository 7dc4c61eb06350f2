package org.crimeanalytics.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * install/install.sh and install/uninstall.sh on a GeoServer-shaped directory (no server, no REST): the jars of the
 * plugin zip are copied and recorded, a jar the administrator already had is kept, both scripts are idempotent,
 * uninstall leaves WEB-INF/lib exactly as before, --data-dir finds the webapp, and other versions are refused.
 */
class InstallScriptIT {

    static Shell.Run sh(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash"));
        cmd.addAll(List.of(args));
        return Shell.run(cmd, 120);
    }

    static SortedSet<String> listing(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static Path zip() throws Exception {
        try (var s = Files.list(Path.of("target"))) {
            return s.filter(p -> p.getFileName().toString().endsWith("-geoserver-plugin.zip")).findFirst().orElseThrow();
        }
    }

    static Path geoserver(String version) throws Exception {
        Path home = Files.createTempDirectory("fake-geoserver");
        Path lib = Files.createDirectories(home.resolve("webapps/geoserver/WEB-INF/lib"));
        Files.createDirectories(home.resolve("data_dir"));
        Files.writeString(lib.resolve("gs-main-" + version + ".jar"), "");
        Files.writeString(lib.resolve("gt-main-32.2.jar"), "");
        Files.writeString(lib.resolve("commons-csv-1.11.0.jar"), "the administrator's own copy");
        return home;
    }

    @Test
    void installCopiesAndRecordsAndUninstallRestoresTheDirectoryExactly() throws Exception {
        Path home = geoserver("2.26.2");
        Path webapp = home.resolve("webapps/geoserver"), lib = webapp.resolve("WEB-INF/lib");
        SortedSet<String> before = listing(lib);
        SortedSet<String> inZip = new TreeSet<>();
        try (ZipFile z = new ZipFile(zip().toFile())) {
            z.stream().map(e -> e.getName()).filter(n -> n.endsWith(".jar")).forEach(inZip::add);
        }
        Shell.Run r = sh("install/install.sh", "--webapp", webapp.toString(), "--zip", zip().toString());
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("GeoServer 2.26.2: supported") && r.out().contains("WPS extension: NOT installed"), r.out());
        assertTrue(r.out().contains("kept: commons-csv-1.11.0.jar was already in"), r.out());
        SortedSet<String> after = listing(lib);
        assertTrue(after.containsAll(inZip), "every jar of the zip is in WEB-INF/lib");
        assertEquals("the administrator's own copy", Files.readString(lib.resolve("commons-csv-1.11.0.jar")));
        List<String> record = Files.readAllLines(lib.resolve(".crime-analytics-installed"));
        assertEquals(inZip.size() - 1, record.size(), "all jars but the one that was already there are recorded: " + record);
        // again: same directory, same record
        Shell.Run again = sh("install/install.sh", "--data-dir", home.resolve("data_dir").toString(), "--zip", zip().toString());
        assertEquals(0, again.code(), again.out());
        assertTrue(again.out().contains("webapp found from the data directory"), again.out());
        assertEquals(after, listing(lib));
        assertEquals(record, Files.readAllLines(lib.resolve(".crime-analytics-installed")));

        Shell.Run un = sh("install/uninstall.sh", "--webapp", webapp.toString());
        assertEquals(0, un.code(), un.out());
        assertEquals(before, listing(lib), "uninstall removes exactly what install added");
        assertEquals("the administrator's own copy", Files.readString(lib.resolve("commons-csv-1.11.0.jar")));
        Shell.Run un2 = sh("install/uninstall.sh", "--data-dir", home.resolve("data_dir").toString());
        assertEquals(0, un2.code(), un2.out());
        assertTrue(un2.out().contains("nothing to uninstall"), un2.out());
        assertEquals(before, listing(lib));
    }

    @Test
    void withWpsTheTrainModelAccessRuleIsPrintedForReview() throws Exception {
        Path home = geoserver("2.26.2");
        Path webapp = home.resolve("webapps/geoserver");
        Files.writeString(webapp.resolve("WEB-INF/lib/gs-wps-core-2.26.2.jar"), "");
        Shell.Run r = sh("install/install.sh", "--webapp", webapp.toString(), "--zip", zip().toString());
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("WPS extension: present"), r.out());
        assertTrue(r.out().contains("<name>crime:TrainModel</name>") && r.out().contains("<role>ROLE_CRIME_ANALYST</role>")
                && r.out().contains("It is not applied"), r.out());
        assertTrue(!Files.exists(home.resolve("data_dir/wps.xml")), "install.sh never writes the WPS rules itself");
        // the rule is well-formed XML with the structure GeoServer's wps.xml holds
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("install/wps-access-rule.xml").toFile());
        assertEquals("processGroup", doc.getDocumentElement().getTagName());
        assertEquals("org.crimeanalytics.process.CrimeProcessFactory", doc.getElementsByTagName("factoryClass").item(0).getTextContent());
        sh("install/uninstall.sh", "--webapp", webapp.toString());
    }

    @Test
    void otherVersionsAndWrongPathsAreRefusedNamingTheOption() throws Exception {
        Path old = geoserver("2.25.3");
        Shell.Run r = sh("install/install.sh", "--webapp", old.resolve("webapps/geoserver").toString(), "--zip", zip().toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("error: GeoServer version '2.25.3' is not 2.26.x or 2.27.x"), r.out());
        Path lib = old.resolve("webapps/geoserver/WEB-INF/lib");
        assertEquals(3, listing(lib).size(), "nothing copied");
        Shell.Run none = sh("install/install.sh", "--zip", zip().toString());
        assertEquals(2, none.code());
        assertTrue(none.out().contains("--webapp"), none.out());
        Shell.Run bad = sh("install/install.sh", "--data-dir", old.resolve("nowhere").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.out().contains("error: --data-dir"), bad.out());
    }
}
