package org.crimeanalytics.bench;

import java.io.PrintStream;

/**
 * A benchmark run by {@code java -jar crime-analytics.jar bench NAME [args]}; registered in
 * {@code META-INF/services/org.crimeanalytics.bench.Benchmark}. Benchmarks print figures, and ratios
 * against a baseline measured in the same run (these machines are noisy); they never run in tests.
 */
public interface Benchmark {

    /** Short name used on the command line. */
    String name();

    /** One line: what is measured, on which data. */
    String description();

    /** Runs, printing results to {@code out}. {@code args} are the command-line arguments after the name. */
    void run(String[] args, PrintStream out) throws Exception;
}
