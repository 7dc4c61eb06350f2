package org.crimeanalytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelaunchTest {

    @TempDir
    Path dir;

    private static final String JAVA = Paths.get(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void theSecondJvmGetsOurOptionsFirstThenTheUsersThenTheSameJarAndArguments() throws Exception {
        Path jar = Files.writeString(dir.resolve("crime-analytics.jar"), "not a real jar");
        Path cache = Files.createDirectory(dir.resolve("cache"));
        String[] args = {"run", "crime:HotSpots", "incidents=@a b.csv", "cellSize=250"};
        List<String> all = new ArrayList<>(List.of("-Xmx2g", "-XX:TieredStopAtLevel=4", "-jar", jar.toString()));
        all.addAll(List.of(args));

        List<String> first = Relaunch.command(JAVA, all, args, cache);
        Path archive = Relaunch.archive(cache, jar.toRealPath(), "crime:HotSpots");
        assertEquals(List.of(JAVA, "-XX:TieredStopAtLevel=1",
                "-XX:ArchiveClassesAtExit=" + archive + ".part" + ProcessHandle.current().pid(), "-Xlog:cds*=off",
                "-Dcrime.relaunched=" + ProcessHandle.current().pid(), "-Xmx2g", "-XX:TieredStopAtLevel=4", // the user's own option comes later: it wins
                "-jar", jar.toString(), "run", "crime:HotSpots", "incidents=@a b.csv", "cellSize=250"), first);

        Files.createFile(archive); // empty (a crash): written again
        assertEquals(first, Relaunch.command(JAVA, all, args, cache));
        Files.writeString(archive, "archive");
        Files.setLastModifiedTime(archive, FileTime.fromMillis(1_000_000_000_000L));
        List<String> second = Relaunch.command(JAVA, all, args, cache);
        assertEquals("-XX:SharedArchiveFile=" + archive, second.get(2));
        assertEquals(first.subList(3, first.size()), second.subList(3, second.size()));
        assertTrue(Files.getLastModifiedTime(archive).toMillis() > System.currentTimeMillis() - 60_000, "touched when used (prune keeps it)");

        // no cache folder: C1 only, no archive
        List<String> none = Relaunch.command(JAVA, all, args, null);
        assertEquals(List.of(JAVA, "-XX:TieredStopAtLevel=1", "-Dcrime.relaunched=" + ProcessHandle.current().pid()), none.subList(0, 3));
        assertFalse(String.join(" ", none).contains("Archive"), none.toString());
    }

    @Test
    void oneArchivePerJarHoweverItIsNamedNoneForAPathWithASpaceAndStalePartsRemoved() throws Exception {
        Path cache = Files.createDirectory(dir.resolve("cache"));
        Path jar = Files.writeString(Files.createDirectory(dir.resolve("lib")).resolve("x.jar"), "x");
        String[] args = {"run", "crime:HotSpots"};
        List<String> direct = Relaunch.command(JAVA, List.of("-jar", jar.toString(), "run", "crime:HotSpots"), args, cache);
        List<String> roundabout = Relaunch.command(JAVA, List.of("-jar", dir.resolve("lib/../lib/./x.jar").toString(), "run", "crime:HotSpots"), args, cache);
        assertEquals(direct.get(2), roundabout.get(2));
        assertTrue(direct.get(2).startsWith("-XX:ArchiveClassesAtExit=" + cache.resolve("classes-")), direct.get(2));

        Path spaced = Files.writeString(Files.createDirectory(dir.resolve("my dir")).resolve("x.jar"), "x");
        List<String> cmd = Relaunch.command(JAVA, List.of("-jar", spaced.toString(), "run", "crime:HotSpots"), args, cache);
        assertEquals(List.of(JAVA, "-XX:TieredStopAtLevel=1", "-Dcrime.relaunched=" + ProcessHandle.current().pid(), "-jar",
                spaced.toString(), "run", "crime:HotSpots"), cmd); // C1 only, no archive

        long now = System.currentTimeMillis();
        Path stale = Files.writeString(cache.resolve("classes-0123456789abcdef.jsa.part99"), "p");
        Files.setLastModifiedTime(stale, FileTime.fromMillis(now - 11 * 60_000L));
        Path fresh = Files.writeString(cache.resolve("classes-0123456789abcdef.jsa.part98"), "p");
        Relaunch.removeStaleParts(cache);
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(fresh)); // a run may be writing it now
    }

    @Test
    void anythingButJavaOptionsJarArgumentsStaysInThisJvm() throws Exception {
        Path jar = Files.writeString(dir.resolve("x.jar"), "x");
        String[] args = {"run", "crime:HotSpots"};
        assertNull(Relaunch.command(JAVA, List.of("-cp", jar.toString(), "org.crimeanalytics.cli.Main", "run", "crime:HotSpots"), args, dir));
        // program arguments other than those main received: a launcher rewrote them, we cannot start it again
        assertNull(Relaunch.command(JAVA, List.of("-jar", jar.toString(), "@args.txt"), args, dir));
        assertNull(Relaunch.command(JAVA, List.of("-jar"), args, dir));
        assertNull(Relaunch.command(JAVA, List.of("-jar", jar.toString(), "run"), args, dir));
    }

    @Test
    void optionsTwoJvmsCannotShareKeepTheRunInOneAndSomeOptionsRuleOutTheArchive() {
        assertTrue(Relaunch.twoJvms(List.of("-Xmx2g", "-Dcrime.timing=true", "-Xlog:gc", "-XX:+UseParallelGC")));
        for (String o : new String[] {"-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-javaagent:a.jar",
            "-agentpath:/x.so", "-Xrunjdwp:transport=dt_socket", "-Xdebug", "-XX:StartFlightRecording=filename=r.jfr",
            "-Dcom.sun.management.jmxremote.port=9010", "-Xlog:gc:file=gc.log", "-Xlog:class+load:file=c.txt", "-Xloggc:gc.log"}) {
            assertFalse(Relaunch.twoJvms(List.of("-Xmx2g", o)), o);
        }
        assertTrue(Relaunch.archivable(List.of("-Xmx2g", "-Dx=1", "-XX:TieredStopAtLevel=1")));
        assertTrue(Relaunch.archivable(List.of("-Xshare:auto", "-Xshare:on")));
        assertFalse(Relaunch.twoJvms(List.of("-Xms8g", "-XX:+AlwaysPreTouch"))); // the waiting JVM would touch 8 GB too
        for (String o : new String[] {"-Xshare:off", "-Xshare:dump", "-XX:SharedArchiveFile=/x.jsa", "-XX:ArchiveClassesAtExit=/x.jsa",
            "-XX:-UseCompressedClassPointers", "--patch-module=java.base=x", "--limit-modules=java.base"}) {
            assertFalse(Relaunch.archivable(List.of(o)), o);
        }
    }

    @Test
    void theTimingLineQuotesWhatAShellWouldSplit() {
        assertEquals("/usr/bin/java -Xmx2g -jar 'my dir/x.jar' run 'incidents=@a b.csv' 'name=it'\\''s'",
                Relaunch.shell(List.of("/usr/bin/java", "-Xmx2g", "-jar", "my dir/x.jar", "run", "incidents=@a b.csv", "name=it's")));
    }

    @Test
    void aRebuiltJarOrAnotherProcessGetsAnotherArchive() throws Exception {
        Path jar = Files.writeString(dir.resolve("x.jar"), "x");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_000_000L));
        Path a = Relaunch.archive(dir, jar, "crime:HotSpots");
        assertEquals(a, Relaunch.archive(dir, jar, "HotSpots")); // the CLI takes the name with or without crime:
        assertNotEquals(a, Relaunch.archive(dir, jar, "crime:KernelDensity")); // another process: its own classes
        assertTrue(a.getFileName().toString().matches("classes-[0-9a-f]{16}\\.jsa"), a.toString());
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_001_000L));
        assertNotEquals(a, Relaunch.archive(dir, jar, "crime:HotSpots"));
        Files.writeString(jar, "xy");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_000_000L));
        assertNotEquals(a, Relaunch.archive(dir, jar, "crime:HotSpots")); // same time, another size
        assertNull(Relaunch.archive(dir, dir.resolve("missing.jar"), "crime:HotSpots"));
    }

    @Test
    void pruneKeepsTheNewestArchivesAndRecentParts() throws Exception {
        long now = System.currentTimeMillis();
        for (int i = 0; i < 6; i++) {
            Path f = Files.writeString(dir.resolve("classes-" + i + ".jsa"), "a");
            Files.setLastModifiedTime(f, FileTime.fromMillis(now - 60_000L * (10 - i))); // 5 is the newest
        }
        Files.setLastModifiedTime(Files.writeString(dir.resolve("classes-old.jsa.part12"), "p"), FileTime.fromMillis(now - 7_200_000L));
        Files.writeString(dir.resolve("classes-new.jsa.part13"), "p"); // a run writing it now
        Files.writeString(dir.resolve("other.txt"), "kept");
        Relaunch.prune(dir, 4);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("classes-2.jsa", "classes-3.jsa", "classes-4.jsa", "classes-5.jsa", "classes-new.jsa.part13", "other.txt"),
                    s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
    }

    @Test
    void runReturnsTheExitCodeAndMovesAFinishedArchiveIntoPlace() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(String.valueOf(System.getProperty("java.vm.info")).contains("sharing"),
                "skipped: this JVM maps no class archive (no base archive, or -Xshare:off), so it cannot write one");
        // a JVM that writes a class archive at its exit, as the second JVM of a first run does
        Path part = dir.resolve("classes-0123456789abcdef.jsa.part1");
        int code = Relaunch.run(List.of(JAVA, "-XX:ArchiveClassesAtExit=" + part, "-Xlog:cds*=off", "-version"));
        assertEquals(0, code);
        assertFalse(Files.exists(part));
        assertTrue(Files.size(dir.resolve("classes-0123456789abcdef.jsa")) > 0);
        // a failing second JVM: its code, and a half-written archive is not kept
        Path part2 = dir.resolve("classes-fedcba9876543210.jsa.part2");
        assertEquals(1, Relaunch.run(List.of(JAVA, "-XX:ArchiveClassesAtExit=" + part2, "-XX:+NoSuchOptionAtAll", "-version")));
        assertFalse(Files.exists(part2));
        assertFalse(Files.exists(dir.resolve("classes-fedcba9876543210.jsa")));
        // nothing to start
        assertEquals(-1, Relaunch.run(List.of(dir.resolve("no-such-java").toString(), "-version")));
    }
}
