package org.crimeanalytics.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;

/**
 * Keeps a command-line run on HotSpot's quick compiler (C1): a compiler directive, added through the JVM's
 * {@code DiagnosticCommand} MBean (the in-process form of {@code jcmd PID Compiler.directives_add}), excludes every
 * method from the optimising compiler C2, so hot code is compiled by C1 without profiling, as with
 * {@code -XX:TieredStopAtLevel=1}, which a {@code java -jar} command cannot pass.
 *
 * <p>Why: a command runs for seconds. On the 2-core machine of {@code bench user-path}, the JIT's C2 compilations and
 * the profiled (tier 3) code that runs while they wait took more CPU than C2's faster code saved, on every heavy
 * path measured: AggregateToAreas from the five Chicago .gz files 4.7-5.0 s with C2, 3.5-3.7 s on C1 alone; the
 * seeds' k-means job 4.9-5.7 s and 3.7 s; EmergingHotSpots 4.4 s and 3.3 s; NearRepeat with 2,999 permutations 10.9 s
 * and 5.6 s. Only the command-line {@code run} and {@code demo} commands use it: never GeoServer (a server runs for
 * days and gains from C2), never the in-process kernel benchmarks.
 *
 * <p>Off with {@code -Dcrime.jit=full} or the environment variable {@code CRIME_JIT=full}. On a JVM without the
 * MBean or the operation (not HotSpot) nothing happens. Methods C2 compiled before the directive arrives keep their
 * code.
 */
final class QuickJit {

    /** The directive: C2 off for every method (C1 then compiles them at its non-profiling tier). */
    static final String DIRECTIVE = "[{match: \"*.*\", c2: {Exclude: true}}]";

    private QuickJit() {}

    /** Whether the user turned it off ({@code -Dcrime.jit=full} or {@code CRIME_JIT=full}). */
    static boolean disabled() {
        String v = System.getProperty("crime.jit", System.getenv("CRIME_JIT"));
        return v != null && v.trim().equalsIgnoreCase("full");
    }

    /** Adds the directive on a background thread (the management classes take about 0.1 s to load), unless disabled. */
    static void startInBackground() {
        if (disabled()) return;
        Thread t = new Thread(QuickJit::apply, "quick-jit");
        t.setDaemon(true);
        t.start();
    }

    /** Adds the directive now; false when this JVM offers no way to (no exception). */
    static boolean apply() {
        Path f = null;
        try {
            f = Files.createTempFile("crime-jit", ".json");
            Files.writeString(f, DIRECTIVE);
            Object r = diagnosticCommand("compilerDirectivesAdd", f.toString());
            return r != null && r.toString().contains("1 compiler directives added");
        } catch (Exception | LinkageError e) {
            return false;
        } finally {
            if (f != null) {
                try {
                    Files.deleteIfExists(f);
                } catch (java.io.IOException e) {
                    // a temporary file
                }
            }
        }
    }

    /** Runs a diagnostic command of this JVM ({@code jcmd}'s, in the MBean's camel-case name) with its arguments. */
    static Object diagnosticCommand(String operation, String... args) throws Exception {
        return ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                operation, new Object[] {args}, new String[] {String[].class.getName()});
    }
}
