package org.crimeanalytics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/** Locations of the project's test-data and of the shared real data, for tests. */
public final class TestData {

    private TestData() {}

    /** The project's own small samples (always present). */
    public static Path testData(String name) {
        return Paths.get("test-data").resolve(name);
    }

    /** The shared real data: property {@code crime.sharedData} (set by Maven to ../shared/data). */
    public static Path sharedDir() {
        String p = System.getProperty("crime.sharedData");
        if (p != null && Files.isDirectory(Paths.get(p))) return Paths.get(p);
        return Paths.get("..", "shared", "data");
    }

    /**
     * A file of the shared real data; the calling test is skipped (not passed) when the shared data
     * is not beside the project, so a bare clone still runs every self-contained test.
     */
    public static Path shared(String relative) {
        Path f = sharedDir().resolve(relative);
        Assumptions.assumeTrue(Files.exists(f), "shared data not available: " + f);
        return f;
    }
}
