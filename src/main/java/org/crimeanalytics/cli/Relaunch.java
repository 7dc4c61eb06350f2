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
 *       {@code ~/.cache/crime-analytics}), one file per jar, JVM and size and time of the jar. HotSpot itself
 *       ignores an archive that does not match the jar or the JVM.</li>
 * </ul>
 * The second JVM gets this JVM's options after these (so a user's own {@code -XX:TieredStopAtLevel} or
 * {@code -Xshare:off} wins), the same jar and arguments, the same standard streams; this JVM waits for it, exits
 * with its exit code, and stops it if it is itself stopped (the second JVM also ends when this one disappears).
 *
 * <p>When: only for {@code run}, on 2 processors or fewer (the setting of {@link QuickJit}, measured there only;
 * {@code CRIME_JIT=full} or {@code -Dcrime.jit=full} turns both off, {@code quick} on anywhere), and only when this
 * JVM was started as {@code java [options] -jar file.jar run ...} with its command line readable. Otherwise, or if the
 * second JVM cannot be started, the run happens in this JVM as before.
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
        String[] all = info.arguments().orElse(null);
        if (java == null || all == null) return null;
        return command(java, Arrays.asList(all), args, cacheDir());
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
        if (!rest.equals(Arrays.asList(args))) return null; // an argument file or a launcher we do not know
        Path jar = Paths.get(all.get(j + 1)).toAbsolutePath();
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.add("-XX:TieredStopAtLevel=1");
        Path archive = cache == null ? null : archive(cache, jar);
        if (archive != null) {
            if (Files.isRegularFile(archive)) {
                cmd.add("-XX:SharedArchiveFile=" + archive);
            } else {
                cmd.add("-XX:ArchiveClassesAtExit=" + archive + ".part" + ProcessHandle.current().pid());
            }
            cmd.add("-Xlog:cds=off,cds+dynamic=off"); // an archive that does not match is skipped without a word
        }
        cmd.add("-D" + CHILD + "=" + ProcessHandle.current().pid());
        cmd.addAll(all.subList(0, j));
        cmd.add("-jar");
        cmd.add(all.get(j + 1));
        cmd.addAll(rest);
        return cmd;
    }

    /** Whether this JVM is HotSpot, whose options the second JVM gets (another JVM would refuse them). */
    static boolean hotSpot() {
        String vm = System.getProperty("java.vm.name", "");
        return vm.contains("HotSpot") || vm.startsWith("OpenJDK");
    }

    /** The archive for this jar and JVM in {@code cache}; null when the jar cannot be read. */
    static Path archive(Path cache, Path jar) {
        try {
            String key = jar + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis() + "|"
                    + System.getProperty("java.home") + "|" + System.getProperty("java.vm.version");
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] h = md.digest(key.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder("classes-");
            for (int i = 0; i < 8; i++) sb.append(String.format("%02x", h[i]));
            return cache.resolve(sb.append(".jsa").toString());
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** {@code $XDG_CACHE_HOME/crime-analytics} or {@code ~/.cache/crime-analytics}, created; null if it cannot be. */
    static Path cacheDir() {
        try {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache");
            Path dir = base.resolve("crime-analytics");
            Files.createDirectories(dir);
            return Files.isWritable(dir) ? dir : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Runs the second JVM and returns its exit code; -1 (nothing started) when it could not be started. A class
     * archive it wrote is moved into place only after it ended with code 0.
     */
    static int run(List<String> cmd) {
        if (Boolean.getBoolean("crime.timing")) System.err.println("  [timing] second JVM: " + String.join(" ", cmd));
        for (String a : cmd) {
            if (a.startsWith("-XX:ArchiveClassesAtExit=")) {
                System.err.println("  first run of this jar: its classes are archived for quicker starts into "
                        + Paths.get(a.substring(a.indexOf('=') + 1)).getParent() + " (once; about 20 MB)");
            }
        }
        Process p;
        try {
            p = new ProcessBuilder(cmd).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            if (Boolean.getBoolean("crime.timing")) System.err.println("  [timing] second JVM not started: " + e);
            return -1;
        }
        Thread stop = new Thread(p::destroy, "stop-second-jvm");
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
        for (String a : cmd) {
            if (a.startsWith("-XX:ArchiveClassesAtExit=")) {
                Path part = Paths.get(a.substring(a.indexOf('=') + 1));
                String name = part.getFileName().toString();
                Path target = part.resolveSibling(name.substring(0, name.lastIndexOf(".part")));
                try {
                    if (code == 0 && Files.isRegularFile(part)) {
                        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                        prune(target.getParent(), KEEP);
                    }
                    Files.deleteIfExists(part);
                } catch (IOException | RuntimeException e) {
                    // no archive this time; the next run writes one
                }
            }
        }
        return code;
    }

    /** Archives kept in the cache folder: one per jar and JVM, so a rebuilt jar leaves the old one behind. */
    static final int KEEP = 4;

    /**
     * Deletes all but the {@code keep} most recently modified archives in {@code dir}, and archives half written
     * (a run that was killed) more than an hour ago.
     */
    static void prune(Path dir, int keep) throws IOException {
        List<Path> done = new ArrayList<>();
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                String n = f.getFileName().toString();
                if (!n.startsWith("classes-")) continue;
                if (n.endsWith(".jsa")) {
                    done.add(f);
                } else if (n.contains(".jsa.part") && Files.getLastModifiedTime(f).toMillis() < hourAgo) {
                    Files.deleteIfExists(f);
                }
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
        java.util.Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty() || parent.get().pid() != first) Runtime.getRuntime().halt(143);
        parent.get().onExit().thenRun(() -> Runtime.getRuntime().halt(143));
    }
}
