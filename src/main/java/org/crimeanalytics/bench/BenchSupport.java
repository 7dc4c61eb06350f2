package org.crimeanalytics.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Helpers for benchmarks: locating the shared data, measuring peak heap. */
public final class BenchSupport {

    private BenchSupport() {}

    /**
     * The shared real-data directory: system property {@code crime.sharedData}, else
     * {@code ../shared/data} from the working directory, else {@code /work/shared/data}.
     */
    public static Path sharedData() {
        String prop = System.getProperty("crime.sharedData");
        if (prop != null && Files.isDirectory(Paths.get(prop))) return Paths.get(prop);
        Path rel = Paths.get("..", "shared", "data");
        if (Files.isDirectory(rel)) return rel;
        return Paths.get("/work/shared/data");
    }

    /** The five Chicago yearly files, 2014 to 2018. */
    public static Path[] chicagoYears() {
        Path[] p = new Path[5];
        for (int i = 0; i < 5; i++) p[i] = sharedData().resolve("chicago").resolve("crimes_" + (2014 + i) + ".csv.gz");
        return p;
    }

    /** The five Chicago years ingested, one incident table per year. */
    public static java.util.List<org.crimeanalytics.ingest.IncidentTable> chicagoTables() throws java.io.IOException {
        java.util.List<org.crimeanalytics.ingest.IncidentTable> tables = new java.util.ArrayList<>();
        for (Path f : chicagoYears()) tables.add(ingest(f));
        return tables;
    }

    /** One CSV file ingested with automatic format detection. */
    public static org.crimeanalytics.ingest.IncidentTable ingest(Path f) throws java.io.IOException {
        try (java.io.InputStream in = org.crimeanalytics.io.Inputs.open(f, null)) {
            return org.crimeanalytics.process.ImportIncidentsProcess.ingest(in, f.getFileName().toString(),
                    org.crimeanalytics.process.ImportIncidentsProcess.options(null, null, null, null, null, null), null, null, -1).table();
        }
    }

    /** Resets the peak-usage counters of the heap pools. */
    public static void resetPeakHeap() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peak usage since the last reset, in MB (an upper bound of live peak). */
    public static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) sum += p.getPeakUsage().getUsed();
        }
        return sum / 1048576.0;
    }

    /** Heap in use after a full GC, in MB. */
    public static double liveHeapMb() {
        System.gc();
        System.gc();
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) / 1048576.0;
    }
}
