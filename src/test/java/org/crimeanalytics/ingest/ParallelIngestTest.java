package org.crimeanalytics.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plain CSV read in parts on two threads gives the one-piece result: rows, order, duplicates across parts, report. */
class ParallelIngestTest {

    private static IncidentIngest.Result read(Path f, int threads) throws IOException {
        IncidentIngest.Options o = new IncidentIngest.Options();
        return ParallelIngest.read(List.of(f), "t", new IncidentIngest(o), o, threads, (p, c) -> Files.newInputStream(p), null, null);
    }

    /** The LAPD sample 16 times (42 MB, 5 parts on 2 threads): copies 2-15 with new ids, the 16th repeating the first's. */
    private static Path copies(Path dir, boolean multiLineNote) throws IOException {
        List<String> lines = Files.readAllLines(Paths.get("test-data", "lapd_sample10k.csv"), StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(lines.get(0)).append(multiLineNote ? ",Note\n" : "\n");
        for (int copy = 1; copy <= 16; copy++) {
            for (int i = 1; i < lines.size(); i++) {
                String row = lines.get(i);
                if (copy > 1 && copy < 16) row = copy + row; // DR_NO is the first column
                sb.append(row);
                // a line break inside quotes near each line's end: cuts at the next line end fall inside quotes
                if (multiLineNote) sb.append(",\"seen by\nwitness ").append(i).append('"');
                sb.append('\n');
            }
        }
        Path f = dir.resolve(multiLineNote ? "notes.csv" : "copies.csv");
        Files.writeString(f, sb, StandardCharsets.UTF_8);
        assertTrue(Files.size(f) >= 4 * ParallelIngest.MIN_PART_BYTES, "big enough for 4 parts");
        return f;
    }

    private static void assertSame(IncidentIngest.Result one, IncidentIngest.Result parts) {
        IncidentTable a = one.table(), b = parts.table();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.lon(i), b.lon(i), 0, "row " + i);
            assertEquals(a.lat(i), b.lat(i), 0, "row " + i);
            assertEquals(a.occurred(i), b.occurred(i), "row " + i);
            assertEquals(a.line(i), b.line(i), "row " + i);
            assertEquals(a.text(IncidentTable.ID, i), b.text(IncidentTable.ID, i), "row " + i);
            assertEquals(a.text(IncidentTable.OFFENSE, i), b.text(IncidentTable.OFFENSE, i), "row " + i);
        }
        assertEquals(one.report().toJson(), parts.report().toJson());
    }

    @Test
    void partsOnTwoThreadsGiveTheOnePieceResult(@TempDir Path dir) throws IOException {
        Path f = copies(dir, false);
        long[][] cuts = ParallelIngest.cut(f, Files.size(f), 5);
        assertTrue(cuts != null && cuts.length == 5, "the file is cut in 5 parts");
        IncidentIngest.Result one = read(f, 1), parts = read(f, 2);
        assertSame(one, parts);
        // the 16th copy repeats the first's ids: every incident of it is a duplicate, found across parts
        IncidentIngest.Result sample = read(Paths.get("test-data", "lapd_sample10k.csv"), 1);
        long n1 = sample.table().size(), d1 = sample.report().rejected(Reason.DUPLICATE_ID);
        assertEquals(15 * n1, parts.table().size());
        assertEquals(16 * d1 + n1, parts.report().rejected(Reason.DUPLICATE_ID));
    }

    @Test
    void onlyTheInputsFirstPartRefusesProjectedCoordinates() throws IOException {
        String csv = "id,date,x,y\n1,2020-01-01,500000,4600000\n2,2020-01-02,-87.6,41.8\n";
        for (boolean first : new boolean[] {true, false}) {
            IncidentIngest.Options o = new IncidentIngest.Options();
            IncidentIngest ingest = new IncidentIngest(o);
            try (CsvRowSource src = new CsvRowSource(new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
                IncidentIngest.Plan plan = ingest.plan(src.header(), src.sample(), false, src.decimalComma());
                if (first) {
                    String m = org.junit.jupiter.api.Assertions.assertThrows(IngestException.class,
                            () -> ingest.parse(plan, src, 0, null, null, true)).getMessage();
                    assertTrue(m.contains("projected coordinates"), m);
                } else {
                    // a row of a later part: one row outside the extent, as in a read in one piece
                    IncidentIngest.Part part = ingest.parse(plan, src, 0, null, null, false);
                    assertEquals(1, part.table.size());
                    assertEquals(1, part.report.rejected(Reason.OUTSIDE_EXTENT));
                }
            }
        }
    }

    /**
     * Several files (a glob): the formats come from the first rows of the first file that has rows. An empty daily file
     * first (a header only) left the dates' format unknown, and every incident became date-only (from the new-user trial).
     */
    @Test
    void theFormatsComeFromTheFirstFileWithRows(@TempDir Path dir) throws IOException {
        String header = "id,date,lat,lon,offense\n";
        Path empty = Files.writeString(dir.resolve("a_empty.csv"), header);
        Path rows = Files.writeString(dir.resolve("b_rows.csv"), header + "1,03/04/2020 01:30:00 PM,41.8,-87.6,THEFT\n"
                + "2,12/25/2020 11:05:00 PM,41.9,-87.7,BATTERY\n");
        IncidentIngest.Options o = new IncidentIngest.Options();
        IncidentIngest.Result r = ParallelIngest.read(List.of(empty, rows), "t", new IncidentIngest(o), o, 2,
                (p, c) -> Files.newInputStream(p), null, null);
        IncidentTable t = r.table();
        assertEquals(2, t.size());
        assertEquals(FastDates.Precision.MINUTE, t.precision(0));
        assertEquals(java.time.LocalDateTime.of(2020, 3, 4, 13, 30), java.time.LocalDateTime.ofEpochSecond(t.occurred(0) / 1000, 0,
                java.time.ZoneOffset.UTC));
        assertEquals(java.time.LocalDateTime.of(2020, 12, 25, 23, 5), java.time.LocalDateTime.ofEpochSecond(t.occurred(1) / 1000, 0,
                java.time.ZoneOffset.UTC));
    }

    @Test
    void aCutInsideAQuotedLineBreakFallsBackToOnePiece(@TempDir Path dir) throws IOException {
        Path f = copies(dir, true);
        assertSame(read(f, 1), read(f, 2));
    }
}
