package org.crimeanalytics.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Starts the command-line {@code run} again in a second JVM with the options a run of seconds wants, which a
 * {@code java -jar crime-analytics.jar run ...} command line does not carry:
 * <ul>
 *   <li>{@code -XX:TieredStopAtLevel=1}: C1 only, from the first method on (what {@link QuickJit} approximates from
 *       0.3-0.5 s into the run, after hot methods already ran in C1's slower profiling tier);</li>
 *   <li>an application class-data-sharing archive of the classes a run loads (GeoTools, JTS, Jackson: about 3,000
 *       classes parsed and verified at every start otherwise), written by the first such run with
 *       {@code -XX:ArchiveClassesAtExit} into {@code $XDG_CACHE_HOME/crime-analytics} (else
 *       {@code ~/.cache/crime-analytics}), one file per process, jar (its real path, size and time) and JVM; the
 *       eight last used are kept; an archive in a read-only folder is used, none is written there, nor for a jar whose
 *       path has a space (JDK 17 then leaves most classes out). {@code -Dcrime.timing=true} says why there is none.
 *       HotSpot itself ignores an archive that does not match the jar or the JVM. No archive when this JVM
 *       maps none (its base archive is missing or {@code -Xshare:off}), when an option would make JDK 17 refuse to
 *       dump or map one ({@link #archivable}: it ends the JVM rather than warn), or when the disk has under 200 MB
 *       free (a failed write ends the run with code 1).</li>
 * </ul>
 * The second JVM gets this JVM's command-line options after these (so a user's own {@code -XX:TieredStopAtLevel}
 * wins; {@code JDK_JAVA_OPTIONS} and {@code JAVA_TOOL_OPTIONS} it reads from the environment, before ours), the same
 * jar and arguments and the same standard streams. This JVM waits for it, exits with its exit code, and stops it
 * (SIGTERM, then after 10 s SIGKILL) when it is itself stopped; the second JVM halts within about 0.1 s when this one
 * disappears (killed: QGIS cancels a run so), or about a second later on a first run, which writes its archive as it
 * ends. A second JVM killed (the out-of-memory killer) is said in one line. Options and {@code JAVA_TOOL_OPTIONS}
 * apply to both JVMs: "Picked up JAVA_TOOL_OPTIONS" is printed twice.
 *
 * <p>When: only for {@code run}, on 2 processors or fewer (the setting of {@link QuickJit}, measured there only;
 * {@code CRIME_JIT=full} or {@code -Dcrime.jit=full} turns both off, {@code quick} on anywhere), on HotSpot, and
 * only when this JVM was started as {@code java [options] -jar file.jar run ...} with its command line readable
 * (Linux; not Windows, where {@link ProcessHandle.Info#arguments} is empty), without options that two JVMs cannot
 * share ({@link #twoJvms}: a debugger, an agent, a flight recording, a JMX port, a log file, a pre-touched heap).
 * Otherwise, or if the second JVM cannot be started, the run happens in this JVM as before (with {@link QuickJit}).
 */
final class Relaunch {

    /** Set in the second JVM to the first one's process id: it does not start a third, and ends with the first. */
    static final String CHILD = "crime.relaunched";

    private Relaunch() {}

    /** The second JVM's command line, or null when this run stays in this JVM. */
    static List<String> command(String[] args, int processors) {
        if (System.getProperty(CHILD) != null || !QuickJit.wanted(args, processors) || !hotSpot()) return null;
        ProcessHandle.Info info = ProcessHandle.current().info();
        String java = info.command().orElse(null);
        String[] all = info.arguments().orElse(null); // none on Windows, or past the OS's limit of a command line's length
        if (java == null || all == null) return null;
        List<String> argv = Arrays.asList(all);
        int j = argv.indexOf("-jar");
        // the jar after -jar must be this JVM's class path: a -cp launch whose own arguments hold "-jar" stays here
        if (j < 0 || j + 1 >= argv.size() || !argv.get(j + 1).equals(System.getProperty("java.class.path"))) return null;
        List<String> options = new ArrayList<>(argv.subList(0, j));
        for (String env : new String[] {"JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS"}) {
            String v = System.getenv(env);
            if (v == null) continue;
            // the options separated by white space, as the launcher reads them (no regular expression to compile here)
            for (java.util.StringTokenizer t = new java.util.StringTokenizer(v); t.hasMoreTokens();) options.add(t.nextToken());
        }
        if (!twoJvms(options)) return null;
        boolean archive = String.valueOf(System.getProperty("java.vm.info")).contains("sharing") && archivable(options);
        return command(java, argv, args, archive ? cacheDir() : null);
    }

    /** Options, in this JVM's command line or its environment, that a second JVM must not get too: stay in one. */
    private static final String[] ONE_JVM_ONLY = {"-agentlib", "-agentpath", "-javaagent", "-Xrunjdwp", "-Xdebug",
        "-XX:StartFlightRecording", "-XX:+FlightRecorder", "-Dcom.sun.management.", "-XX:Flags=", "-XX:+AlwaysPreTouch"};

    /**
     * Whether these JVM options allow a second JVM: not with a debugger or agent, a flight recording, a JMX port (each
     * wants its port or file once), a log written to a file (the second JVM would rotate it), nor a heap touched in
     * full at start ({@code -XX:+AlwaysPreTouch}: the waiting JVM would hold as much memory as the run).
     */
    static boolean twoJvms(List<String> options) {
        for (String o : options) {
            if ((o.startsWith("-Xlog:") || o.startsWith("-Xloggc")) && (o.contains("file=") || o.startsWith("-Xloggc:"))) return false;
        }
        return !anyStartsWith(options, ONE_JVM_ONLY);
    }

    /** Whether one of the options starts with one of the prefixes. */
    private static boolean anyStartsWith(List<String> options, String[] prefixes) {
        for (String o : options) {
            for (String p : prefixes) {
                if (o.startsWith(p)) return true;
            }
        }
        return false;
    }

    /** Options with which JDK 17 cannot dump or map a class archive (it then refuses to start): no archive. */
    private static final String[] NO_ARCHIVE = {"-Xshare:off", "-Xshare:dump", "-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit",
        "-XX:+AutoCreateSharedArchive", "-XX:-UseCompressedClassPointers", "-XX:-UseCompressedOops", "--patch-module",
        "--limit-modules", "--upgrade-module-path", "-XX:SharedBaseAddress", "-Xbootclasspath"};

    /** Whether a class archive may be written and used with these JVM options. */
    static boolean archivable(List<String> options) {
        return !anyStartsWith(options, NO_ARCHIVE);
    }

    /**
     * The second JVM's command line from this one's: {@code java} and its arguments as the OS shows them (options,
     * {@code -jar}, the jar, the program's arguments), the program's arguments as {@code main} received them, and the
     * folder for the class archive (null: none). Null unless the command line is {@code [options] -jar jar args} with
     * exactly these program arguments.
     */
    static List<String> command(String java, List<String> all, String[] args, Path cache) {
        int j = all.indexOf("-jar");
        if (j < 0 || j + 1 >= all.size()) return null;
        List<String> rest = all.subList(j + 2, all.size());
        if (!rest.equals(Arrays.asList(args))) return null; // a launcher that rewrote them: we cannot start it again
        Path jar = Paths.get(all.get(j + 1)).toAbsolutePath();
        try {
            jar = jar.toRealPath(); // one archive per jar, however it is named
        } catch (IOException e) {
            // as given
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.add("-XX:TieredStopAtLevel=1");
        String none = null; // why there is no archive
        Path archive = cache == null ? null : archive(cache, jar, args.length > 1 ? args[1] : "");
        if (cache == null) {
            none = "no cache folder (the JVM's options rule it out, or it cannot be created)";
        } else if (jar.toString().indexOf(' ') >= 0) {
            none = "the jar's path has a space (JDK 17 then archives a quarter of the classes)";
        } else if (archive == null) {
            none = "the jar cannot be read";
        } else if (usable(archive)) {
            removeStaleParts(cache); // of first runs stopped before this jar's archive was written
            cmd.add("-XX:SharedArchiveFile=" + archive);
            cmd.add("-Xlog:cds*=off"); // an archive that does not match this JVM is skipped without a word
        } else if (!Files.isWritable(cache)) {
            none = cache + " is not writable";
        } else if (!roomFor(cache)) {
            none = "under 200 MB free in " + cache;
        } else {
            removeStaleParts(cache);
            cmd.add("-XX:ArchiveClassesAtExit=" + archive + ".part" + ProcessHandle.current().pid());
            cmd.add("-Xlog:cds*=off");
        }
        if (none != null && Boolean.getBoolean("crime.timing")) System.err.println("  [timing] no class archive: " + none);
        cmd.add("-D" + CHILD + "=" + ProcessHandle.current().pid());
        cmd.addAll(all.subList(0, j));
        cmd.add("-jar");
        cmd.add(all.get(j + 1));
        cmd.addAll(rest);
        return cmd;
    }

    /** Whether an archive exists and is not empty; it is then touched, so that {@link #prune} keeps what is used. */
    static boolean usable(Path archive) {
        try {
            if (!Files.isRegularFile(archive) || Files.size(archive) == 0) return false;
            try {
                Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
            } catch (IOException e) {
                // read-only: used as it is
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether the cache folder's disk has room for an archive: JDK 17 ends with exit code 1, after the run, when it cannot
     * write one; 20 MB are needed, 200 MB asked for.
     */
    static boolean roomFor(Path cache) {
        try {
            return Files.getFileStore(cache).getUsableSpace() > 200L << 20;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether this JVM is HotSpot, whose options the second JVM gets (another JVM would refuse them). */
    static boolean hotSpot() {
        String vm = System.getProperty("java.vm.name", "");
        return vm.contains("HotSpot") || vm.startsWith("OpenJDK");
    }

    /**
     * The archive for this jar, JVM and process ({@code crime:HotSpots} or {@code HotSpots}) in {@code cache}; null when
     * the jar cannot be read. One per process: an archive holds the classes of the run that wrote it, and HotSpots on the
     * five Chicago years took 4.18 s with its own archive and 4.55 s with ClusterIncidents' (medians of 5 alternating
     * runs; the LAPD sample 1.44 s and 1.55 s).
     */
    static Path archive(Path cache, Path jar, String process) {
        try {
            String name = process.startsWith("crime:") ? process.substring("crime:".length()) : process;
            String key = jar + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis() + "|"
                    + System.getProperty("java.home") + "|" + System.getProperty("java.vm.version") + "|" + name;
            // FNV-1a, 64 bits: a cache file's name, which HotSpot checks against the jar and JVM anyway (a SHA-256 here
            // made the first JVM set up the security providers: 30 ms before the second one starts)
            long h = 0xcbf29ce484222325L;
            for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
                h ^= b & 0xff;
                h *= 0x100000001b3L;
            }
            String hex = Long.toHexString(h);
            return cache.resolve("classes-" + "0".repeat(16 - hex.length()) + hex + ".jsa");
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code $XDG_CACHE_HOME/crime-analytics}, else {@code ~/.cache/crime-analytics}, created; null if it cannot be. */
    static Path cacheDir() {
        try {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache");
            Path dir = base.resolve("crime-analytics");
            if (!Files.isDirectory(dir)) Files.createDirectories(dir);
            return dir; // maybe read-only: an archive in it is still used
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Runs the second JVM and returns its exit code; -1 (nothing started) when it could not be started. A class
     * archive it wrote is moved into place only after it ended with code 0.
     */
    static int run(List<String> cmd) {
        if (Boolean.getBoolean("crime.timing")) System.err.println("  [timing] second JVM: " + shell(cmd));
        Process p;
        try {
            p = new ProcessBuilder(cmd).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            if (Boolean.getBoolean("crime.timing")) System.err.println("  [timing] second JVM not started: " + e);
            return -1;
        }
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        Thread stop = new Thread(() -> {
            stopping.set(true);
            p.destroy(); // SIGTERM: its own shutdown runs
            try {
                if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }, "stop-second-jvm");
        Runtime.getRuntime().addShutdownHook(stop);
        int code;
        while (true) {
            try {
                code = p.waitFor();
                break;
            } catch (InterruptedException e) {
                // keep waiting: the shutdown hook stops the second JVM
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException e) {
            // shutting down already
        }
        if (code == 128 + 9 && !stopping.get()) { // a shell would say "Killed" of a run in one JVM
            System.err.println("error: the run's JVM was killed (SIGKILL), by the system's out-of-memory killer or by hand; "
                    + "with the run in one JVM the shell would have said 'Killed'");
        }
        for (String a : cmd) {
            if (a.startsWith("-XX:ArchiveClassesAtExit=")) {
                Path part = Paths.get(a.substring(a.indexOf('=') + 1));
                String name = part.getFileName().toString();
                Path target = part.resolveSibling(name.substring(0, name.lastIndexOf(".part")));
                try {
                    if (code == 0 && Files.isRegularFile(part) && Files.size(part) > 0) {
                        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                        prune(target.getParent(), KEEP);
                        System.err.printf("  first run of this process with this jar: its classes are archived in %s (%.0f MB) "
                                + "for quicker starts%n", target.getParent(), Files.size(target) / 1048576.0);
                    }
                    Files.deleteIfExists(part);
                } catch (IOException | RuntimeException e) {
                    // no archive this time; the next run writes one
                }
            }
        }
        return code;
    }

    /** A command line as a POSIX shell reads it back (arguments with spaces or quotes quoted). */
    static String shell(List<String> cmd) {
        StringBuilder sb = new StringBuilder();
        for (String a : cmd) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(a.matches("[A-Za-z0-9_./:=,@%+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }

    /**
     * Deletes archives half written more than ten minutes ago: a first run stopped by a signal leaves one (the second
     * JVM writes it as it ends, in about a second, and the stopped first JVM cannot move or delete it).
     */
    static void removeStaleParts(Path dir) {
        long old = System.currentTimeMillis() - 600_000L;
        // a directory stream, not Files.list: no lambda to set up before the second JVM starts
        try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path f : s) {
                String n = f.getFileName().toString();
                if (n.startsWith("classes-") && n.contains(".jsa.part") && Files.getLastModifiedTime(f).toMillis() < old) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // left for the next run
        }
    }

    /**
     * Archives kept in the cache folder (about 16 MB each): one per jar, JVM and process, and a rebuilt jar leaves its
     * old ones behind.
     */
    static final int KEEP = 8;

    /**
     * Deletes all but the {@code keep} most recently modified (used, see {@link #usable}) archives in {@code dir}, and
     * stale half-written ones ({@link #removeStaleParts}).
     */
    static void prune(Path dir, int keep) throws IOException {
        removeStaleParts(dir);
        List<Path> done = new ArrayList<>();
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                String n = f.getFileName().toString();
                if (n.startsWith("classes-") && n.endsWith(".jsa")) done.add(f);
            }
        }
        done.sort(java.util.Comparator.comparingLong((Path f) -> {
            try {
                return Files.getLastModifiedTime(f).toMillis();
            } catch (IOException e) {
                return 0L;
            }
        }).reversed());
        for (Path f : done.subList(Math.min(keep, done.size()), done.size())) Files.deleteIfExists(f);
    }

    /**
     * In the second JVM: ends it when the first disappears (killed), so that no run goes on unseen; at once if the first
     * is gone already (this JVM then has another parent).
     */
    static void followParent() {
        long first;
        try {
            first = Long.parseLong(System.getProperty(CHILD, ""));
        } catch (NumberFormatException e) {
            return; // set by hand: nothing to follow
        }
        if (!parentIs(first)) Runtime.getRuntime().halt(143);
        // a check every 100 ms: ProcessHandle.onExit polls a process that is not our child ever more slowly (up to
        // 5 s), and a killed first JVM nobody has reaped yet still looks alive; we get another parent at once
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
                if (!parentIs(first)) Runtime.getRuntime().halt(143);
            }
        }, "follow-first-jvm");
        t.setDaemon(true);
        t.start();
    }

    private static boolean parentIs(long pid) {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == pid;
    }
}
