package org.crimeanalytics.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.crimeanalytics.TestData;
import org.crimeanalytics.geo.IncidentCollection;
import org.crimeanalytics.ingest.IncidentIngest;
import org.crimeanalytics.ingest.Reason;
import org.crimeanalytics.io.Inputs;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Point;

/**
 * Every export of {@code test-data/exports} (real portals' headers, invented rows) is read with no
 * options as {@code expected.csv} and {@code expected_incidents.csv} say: the format recognised, every
 * row accounted for by reason, the warnings, and for chosen incidents the id, the local occurrence
 * time and its precision, the category and the coordinates.
 */
class ExportCorpusTest {

    static final Path DIR = TestData.testData("exports");

    static List<CSVRecord> read(String name) throws Exception {
        try (Reader r = Files.newBufferedReader(DIR.resolve(name))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
    }

    static Stream<CSVRecord> files() throws Exception {
        return read("expected.csv").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void readsTheExportWithoutOptions(CSVRecord e) throws Exception {
        String file = e.get("file");
        IncidentIngest.Result r = ImportIncidentsProcess.ingest(Inputs.open(DIR.resolve(file), null), file,
                ImportIncidentsProcess.options(null, null, null, null, null, null), null, null, -1);
        assertEquals(e.get("format"), r.format().name(), file + ": format");
        assertEquals(Long.parseLong(e.get("rows_read")), r.report().rowsRead(), file + ": rows read");
        assertEquals(Long.parseLong(e.get("accepted")), r.report().accepted(), file + ": accepted");
        long rejected = 0;
        if (!e.get("rejected").isEmpty()) {
            for (String part : e.get("rejected").split(";")) {
                String[] kv = part.split("=");
                long n = Long.parseLong(kv[1]);
                assertEquals(n, r.report().rejected(Reason.valueOf(kv[0].toUpperCase())), file + ": " + kv[0]);
                rejected += n;
            }
        }
        assertEquals(rejected, r.report().rejected(), file + ": no other rejection");
        String w = e.get("warning");
        if (w.isEmpty()) {
            assertTrue(r.report().warnings().isEmpty(), file + ": no warning expected, got " + r.report().warnings());
        } else {
            assertTrue(r.report().warnings().stream().anyMatch(x -> x.contains(w)), file + ": a warning with '" + w + "', got "
                    + r.report().warnings());
        }
        List<SimpleFeature> features = new ArrayList<>();
        try (SimpleFeatureIterator it = new IncidentCollection(r.table()).features()) {
            while (it.hasNext()) features.add(it.next());
        }
        for (CSVRecord x : read("expected_incidents.csv")) {
            if (!x.get("file").equals(file)) continue;
            SimpleFeature f = features.get(Integer.parseInt(x.get("index")));
            String tag = file + " incident " + x.get("index") + " (" + x.get("why") + ")";
            assertEquals(x.get("incident_id").isEmpty() ? null : x.get("incident_id"), f.getAttribute("incident_id"), tag);
            Date occ = (Date) f.getAttribute("occurred");
            assertNotNull(occ, tag);
            assertEquals(LocalDateTime.parse(x.get("occurred")), LocalDateTime.ofEpochSecond(occ.getTime() / 1000, 0, ZoneOffset.UTC), tag);
            assertEquals(x.get("time_precision"), f.getAttribute("time_precision"), tag);
            assertEquals(x.get("category"), f.getAttribute("category"), tag);
            assertEquals(x.get("offense"), f.getAttribute("offense"), tag);
            Point p = (Point) f.getDefaultGeometry();
            assertEquals(Double.parseDouble(x.get("lon")), p.getX(), 1e-6, tag + " lon");
            assertEquals(Double.parseDouble(x.get("lat")), p.getY(), 1e-6, tag + " lat");
        }
    }

    /** The corpus covers at least 15 exports, each with at least one checked incident. */
    @org.junit.jupiter.api.Test
    void corpusIsLargeAndEveryFileIsChecked() throws Exception {
        List<String> files = read("expected.csv").stream().map(r -> r.get("file")).toList();
        assertTrue(files.size() >= 15, "exports: " + files.size());
        try (Stream<Path> s = Files.list(DIR)) {
            List<String> data = s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("expected") && !n.endsWith(".md"))
                    .sorted().toList();
            assertEquals(data, files.stream().sorted().toList(), "every export file has an expectation");
        }
        List<String> checked = read("expected_incidents.csv").stream().map(r -> r.get("file")).distinct().toList();
        for (String f : files) assertTrue(checked.contains(f), f + " has no checked incident");
    }
}
