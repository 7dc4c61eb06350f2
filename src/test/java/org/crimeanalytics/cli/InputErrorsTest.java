package org.crimeanalytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CLI's one-line errors for incidents with nothing in them: the parameter named, exit code 2. */
class InputErrorsTest {

    @TempDir
    Path dir;

    private String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
        String[] lines = err.toString(StandardCharsets.UTF_8).trim().split("\n");
        return new String[] {String.valueOf(code), lines[lines.length - 1]};
    }

    @ParameterizedTest
    @ValueSource(strings = {"crime:HotSpots cellSize=250", "crime:KernelDensity", "crime:ClusterIncidents method=KMEANS k=3"})
    void anEmptyFileAndAHeaderOnlyFileAreSaidToBeSo(String process) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.csv"));
        Path header = Files.writeString(dir.resolve("header.csv"), "ID,Case Number,Date,Block,IUCR,Primary Type,Description,"
                + "Location Description,Arrest,Domestic,Beat,District,Ward,Community Area,FBI Code,X Coordinate,Y Coordinate,Year,"
                + "Updated On,Latitude,Longitude,Location\n");
        String[] p = process.split(" ");
        String[] a = new String[p.length + 2];
        a[0] = "run";
        System.arraycopy(p, 0, a, 1, p.length);
        a[a.length - 1] = "incidents=@" + empty;
        // was 'error: empty.csv: ...', without the parameter
        assertEquals("2|error: incidents: empty.csv: the CSV input is empty: no header line", String.join("|", run(a)));
        a[a.length - 1] = "incidents=@" + header;
        // HotSpots and KernelDensity said 'no point features to work on (0 features, 0 without geometry)'
        assertEquals("2|error: incidents: the collection is empty", String.join("|", run(a)));
    }

    @org.junit.jupiter.api.Test
    void aFilePatternMatchingOtherFilesSaysItReadsCsvOnly() throws Exception {
        Files.writeString(dir.resolve("sf_a.csv"), "x\n");
        Files.writeString(dir.resolve("sf_b.shp"), "");
        // was 'sf_b.shp is not a CSV of incidents', as if the file were at fault
        assertEquals("2|error: incidents: " + dir + "/sf_*: a file pattern reads CSV files (.csv, .csv.gz, .txt, .tsv) only, and " + dir
                + "/sf_b.shp is not one; give one file per run, or merge the files first",
                String.join("|", run("run", "crime:HotSpots", "cellSize=250", "incidents=@" + dir + "/sf_*")));
    }

    @org.junit.jupiter.api.Test
    void describeWithoutANameListsTheProcesses() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)).execute(new String[] {"describe"});
        assertEquals(0, code);
        org.junit.jupiter.api.Assertions.assertTrue(out.toString(StandardCharsets.UTF_8).contains("crime:HotSpots"));
    }
}
