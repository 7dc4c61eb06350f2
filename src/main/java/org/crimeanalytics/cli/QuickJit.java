package org.crimeanalytics.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Keeps a command-line run off HotSpot's optimising compiler (C2) on a machine of one or two processors: a compiler
 * directive, added through the JVM's {@code DiagnosticCommand} MBean (the in-process form of
 * {@code jcmd PID Compiler.directives_add}), excludes every method from C2. A hot method then goes from the
 * interpreter to C1's profiling tier as usual, its C2 compilation is refused when it is requested, and C1 compiles it
 * again without profiling (HotSpot's tiers 0 -> 3 -> 1): close to {@code -XX:TieredStopAtLevel=1}, which the
 * {@code java -jar} command line users type does not carry.
 *
 * <p>Why: a command runs for seconds. On the 2-core machine of {@code bench user-path}, C2's compilations and the
 * profiled code that runs while they queue took more CPU than C2's faster code saved, on every heavy path measured
 * (alternating runs of the same build with and without): AggregateToAreas from the five Chicago .gz files 4.8-5.4 s
 * with C2, 3.8-4.0 s without; the seeds' k-means job from the .gz files 4.4-4.9 s and 3.5-3.8 s; HotSpots on the LAPD
 * sample 2.2 s and 1.8 s; an exact Gaussian KDE running 38 s, 38.7 s and 36.6 s. A run of minutes loses: NearRepeat on
 * Chicago 2017 (240 million pairs, 99 permutations, {@code -Xmx4g}) took 137.9 s without C2 and 125.9 s with it, so
 * {@code CRIME_JIT=full} is the setting for long runs. Outputs are byte-identical (Java's floating point is the same in
 * every tier). With more processors C2 compiles on cores of its own and long runs gain
 * from its code: not measured here, so it stays on there.
 *
 * <p>{@link Relaunch} does better where it can: a second JVM with {@code -XX:TieredStopAtLevel=1} from its first
 * method and a class archive. This directive is for the runs it leaves in their JVM (a {@code -cp} launch, Windows,
 * options two JVMs cannot share, a second JVM that would not start); {@link #wanted} decides for both.
 *
 * <p>Only the command-line {@code run} command uses it ({@link #wanted}): never GeoServer (a server runs for days),
 * never the in-process kernel benchmarks, nor the {@code demo}, whose 23 steps in one JVM (about 20 s) took 19.5-20.8 s
 * with it and 18.1-19.9 s without (three runs each). {@code CRIME_JIT=quick} (or {@code -Dcrime.jit=quick}) turns
 * it on whatever the processors, {@code full} off. On a JVM without the MBean or the operation (not HotSpot, or a
 * runtime without {@code jdk.management}) nothing happens. Methods C2 compiled before the directive arrives (0.3-0.5 s
 * into a run) keep their code.
 */
final class QuickJit {

    /** The directive: C2 off for every method. */
    static final String DIRECTIVE = "[{match: \"*.*\", c2: {Exclude: true}}]";

    private static final String MBEAN = "com.sun.management:type=DiagnosticCommand";

    private QuickJit() {}

    /** The setting: {@code -Dcrime.jit}, else {@code CRIME_JIT}, lower case; null when neither is set. */
    private static String setting() {
        String v = System.getProperty("crime.jit", System.getenv("CRIME_JIT"));
        return v == null ? null : v.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** The setting when it is neither {@code quick} nor {@code full} (then ignored); null when it is one or unset. */
    static String unknownSetting() {
        String s = setting();
        return s == null || s.equals("quick") || s.equals("full") ? null : s;
    }

    /** Whether a command line gets it: {@code run}, unless turned off, on 2 processors or fewer unless turned on. */
    static boolean wanted(String[] args, int processors) {
        if (args.length == 0 || !args[0].equals("run")) return false;
        String s = setting();
        if ("full".equals(s)) return false;
        return "quick".equals(s) || processors <= 2;
    }

    /** Adds the directive on a background thread (the management classes take about 0.1 s to load). */
    static void startInBackground() {
        Thread t = new Thread(QuickJit::apply, "quick-jit");
        t.setDaemon(true);
        t.start();
    }

    /** Adds the directive now; false when this JVM offers no way to (no exception). */
    static boolean apply() {
        Path f = null;
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(MBEAN);
            if (!server.isRegistered(name)) return false;
            f = Files.createTempFile("crime-jit", ".json");
            f.toFile().deleteOnExit(); // if the command ends first
            Files.writeString(f, DIRECTIVE);
            // the arguments are joined with spaces and parsed again: a path with a space must be quoted
            Object r = invoke(server, name, "compilerDirectivesAdd", "\"" + f + "\"");
            return r != null && r.toString().trim().startsWith("1 compiler directives added");
        } catch (Exception | LinkageError e) {
            if (Boolean.getBoolean("crime.timing")) System.err.println("  [timing] C2 left on: " + e);
            return false;
        } finally {
            if (f != null) {
                try {
                    Files.deleteIfExists(f);
                } catch (java.io.IOException e) {
                    // deleted on exit
                }
            }
        }
    }

    /** Runs a diagnostic command of this JVM ({@code jcmd}'s, in the MBean's camel-case name) with its arguments. */
    static Object diagnosticCommand(String operation, String... args) throws Exception {
        return invoke(ManagementFactory.getPlatformMBeanServer(), new ObjectName(MBEAN), operation, args);
    }

    private static Object invoke(MBeanServer server, ObjectName name, String operation, String... args) throws Exception {
        return server.invoke(name, operation, new Object[] {args}, new String[] {String[].class.getName()});
    }
}
