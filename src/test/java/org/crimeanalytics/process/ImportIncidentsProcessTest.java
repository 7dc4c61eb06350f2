package org.crimeanalytics.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.crimeanalytics.TestData;
import org.crimeanalytics.geo.Crs;
import org.crimeanalytics.ingest.IncidentIngest;
import org.crimeanalytics.ingest.IncidentTable;
import org.crimeanalytics.ingest.Incidents;
import org.crimeanalytics.ingest.Reason;
import org.crimeanalytics.io.Inputs;
import org.crimeanalytics.json.Json;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.feature.NameImpl;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.process.Process;
import org.geotools.process.ProcessException;
import org.geotools.process.Processors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

class ImportIncidentsProcessTest {

    private static Map<String, Object> run(Map<String, Object> inputs) {
        Process p = Processors.createProcess(new NameImpl("crime", "ImportIncidents"));
        return p.execute(new HashMap<>(inputs), null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> report(Map<String, Object> out) {
        return (Map<String, Object>) Json.parse((String) out.get("report"));
    }

    @SuppressWarnings("unchecked")
    private static long count(Map<String, Object> report, Reason r) {
        return (Long) ((Map<String, Object>) ((Map<String, Object>) report.get("rejected_by_reason")).get(r.key())).get("count");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> first(Map<String, Object> report, Reason r) {
        return (List<Object>) ((Map<String, Object>) ((Map<String, Object>) report.get("rejected_by_reason")).get(r.key())).get("first");
    }

    private static List<SimpleFeature> features(Object fc) {
        List<SimpleFeature> l = new ArrayList<>();
        try (SimpleFeatureIterator it = ((SimpleFeatureCollection) fc).features()) {
            while (it.hasNext()) l.add(it.next());
        }
        return l;
    }

    private static Date floating(int y, int mo, int d, int h, int mi) {
        return new Date(LocalDateTime.of(y, mo, d, h, mi).toInstant(ZoneOffset.UTC).toEpochMilli());
    }

    // ---- edge cases and bad input first ----

    /** An import of no row is refused, naming the input, not returned as an empty layer (from the new-user trial). */
    @Test
    void anExportWithoutRowsIsRefused() throws Exception {
        assertEquals("csv: a header line and no rows", assertThrows(org.geotools.process.ProcessException.class,
                () -> run(Map.of("csv", "DR_NO,DATE OCC,LAT,LON\n"))).getMessage());
        assertEquals("csv: the input is empty (not even a header line)", assertThrows(org.geotools.process.ProcessException.class,
                () -> run(Map.of("csv", ""))).getMessage());
        org.geotools.feature.simple.SimpleFeatureTypeBuilder tb = new org.geotools.feature.simple.SimpleFeatureTypeBuilder();
        tb.setName("none");
        tb.setCRS(org.crimeanalytics.geo.Crs.wgs84());
        tb.add("geom", org.locationtech.jts.geom.Point.class);
        org.geotools.data.simple.SimpleFeatureCollection none = new org.geotools.data.collection.ListFeatureCollection(tb.buildFeatureType());
        assertEquals("features: the collection is empty", assertThrows(org.geotools.process.ProcessException.class,
                () -> run(Map.of("features", none))).getMessage());
    }

    @Test
    void noInputOrBothInputsNameTheParameters() {
        ProcessException none = assertThrows(ProcessException.class, () -> run(Map.of()));
        assertTrue(none.getMessage().startsWith("csv:"), none.getMessage());
        ProcessException both = assertThrows(ProcessException.class,
                () -> run(Map.of("csv", "a,b\n1,2", "features", new ListFeatureCollection(Crs.wgs84Type()))));
        assertTrue(both.getMessage().contains("csv, features"), both.getMessage());
    }

    @Test
    void noHeaderIsAClearError() {
        ProcessException e = assertThrows(ProcessException.class, () -> run(Map.of("csv", "just one value\n")));
        assertTrue(e.getMessage().contains("not a CSV header"), e.getMessage());
    }

    @Test
    void noCoordinateColumnsListsTheHeadersFound() {
        ProcessException e = assertThrows(ProcessException.class,
                () -> run(Map.of("csv", "case,when,what\n1,2021-01-01,theft\n")));
        assertTrue(e.getMessage().contains("no coordinate columns"), e.getMessage());
        assertTrue(e.getMessage().contains("[case, when, what]"), e.getMessage());
    }

    @Test
    void aMappingNamingAnAbsentColumnIsAnError() {
        ProcessException e = assertThrows(ProcessException.class,
                () -> run(Map.of("csv", "lat,lon\n1,2\n", "columns", "date=Occurred On")));
        assertTrue(e.getMessage().contains("date=Occurred On"), e.getMessage());
        assertTrue(e.getMessage().contains("[lat, lon]"), e.getMessage());
        ProcessException f = assertThrows(ProcessException.class,
                () -> run(Map.of("csv", "lat,lon\n1,2\n", "columns", "when=x")));
        assertTrue(f.getMessage().startsWith("columns: unknown field 'when'"), f.getMessage());
        ProcessException g = assertThrows(ProcessException.class,
                () -> run(Map.of("csv", "lat,lon\n1,2\n", "keepColumns", "Beat")));
        assertTrue(g.getMessage().contains("keepColumns: 'Beat'"), g.getMessage());
    }

    @Test
    void projectedXyWithoutSourceCrsIsAnErrorAndWithItIsConverted() {
        // a real Chicago row (January 2017): X 1180398, Y 1874151 (EPSG:3435 ftUS) is -87.613843427, 41.80993288
        String csv = "id,X Coordinate,Y Coordinate\n1,1180398,1874151\n";
        ProcessException e = assertThrows(ProcessException.class, () -> run(Map.of("csv", csv)));
        assertTrue(e.getMessage().contains("srcCrs"), e.getMessage());
        Map<String, Object> out = run(Map.of("csv", csv, "srcCrs", Crs.decode("EPSG:3435", "srcCrs")));
        Point p = (Point) features(out.get("result")).get(0).getDefaultGeometry();
        // the city rounds X/Y to whole feet (0.3 m): agreement to 1e-5 degrees (about 1 m)
        assertEquals(-87.613843427, p.getX(), 1e-5);
        assertEquals(41.80993288, p.getY(), 1e-5);
    }

    // ---- formats ----

    @Test
    void lapdSampleAccountsForAllTenThousandRowsAndExactlyThirteenNullIslands() {
        Map<String, Object> out = run(Map.of("csv", ProcessCatalogTest.Samples.lapdCsv()));
        Map<String, Object> rep = report(out);
        assertEquals("LAPD", rep.get("format"));
        assertEquals(10_000L, rep.get("rows_read"));
        assertEquals(13L, count(rep, Reason.NULL_ISLAND));
        assertEquals(List.of("line 1405", "line 2110", "line 3159", "line 4904", "line 5086", "line 5983", "line 6592",
                "line 7113", "line 8878", "line 9114"), first(rep, Reason.NULL_ISLAND));
        long rejected = 0;
        for (Reason r : Reason.values()) rejected += count(rep, r);
        assertEquals(rejected, rep.get("rejected"));
        assertEquals(10_000L, (Long) rep.get("accepted") + rejected);
        List<SimpleFeature> fs = features(out.get("result"));
        assertEquals(rep.get("accepted"), (long) fs.size());
        // first data row: 010304468, DATE OCC 01/08/2020 00:00 with TIME OCC 2230, battery, area 03
        SimpleFeature f = fs.get(0);
        assertEquals("010304468", f.getAttribute(Incidents.INCIDENT_ID));
        assertEquals(floating(2020, 1, 8, 22, 30), f.getAttribute(Incidents.OCCURRED));
        assertEquals("minute", f.getAttribute(Incidents.TIME_PRECISION));
        assertEquals("BATTERY - SIMPLE ASSAULT", f.getAttribute(Incidents.OFFENSE));
        assertEquals("violent", f.getAttribute(Incidents.CATEGORY));
        assertEquals("3", f.getAttribute(Incidents.AREA));
        assertEquals(36, f.getAttribute(Incidents.VICTIM_AGE));
        Point p = (Point) f.getDefaultGeometry();
        assertEquals(-118.2978, p.getX(), 0);
        assertEquals(34.0141, p.getY(), 0);
        assertEquals(Crs.wgs84(), ((SimpleFeatureCollection) out.get("result")).getSchema().getCoordinateReferenceSystem());
    }

    @Test
    void lapdBothDateFormatsGiveTheSameDay() throws Exception {
        // Every accepted row's occurred date equals DATE OCC's day (either format) plus TIME OCC.
        Map<String, Object> out = run(Map.of("csv", ProcessCatalogTest.Samples.lapdCsv()));
        Map<Long, SimpleFeature> byLine = new HashMap<>();
        for (SimpleFeature f : features(out.get("result"))) byLine.put((Long) f.getAttribute(Incidents.SOURCE_LINE), f);
        int checked = 0;
        try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().build()
                .parse(Files.newBufferedReader(TestData.testData("lapd_sample10k.csv")))) {
            java.time.format.DateTimeFormatter a = java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", java.util.Locale.US);
            java.time.format.DateTimeFormatter b = java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm");
            for (CSVRecord r : p) {
                SimpleFeature f = byLine.get(r.getRecordNumber() + 1);
                if (f == null) continue;
                String d = r.get("DATE OCC");
                LocalDateTime day = d.endsWith("M") ? LocalDateTime.parse(d, a) : LocalDateTime.parse(d, b);
                int t = Integer.parseInt(r.get("TIME OCC"));
                LocalDateTime expected = day.toLocalDate().atTime(t / 100, t % 100);
                assertEquals(new Date(expected.toInstant(ZoneOffset.UTC).toEpochMilli()), f.getAttribute(Incidents.OCCURRED),
                        "line " + (r.getRecordNumber() + 1));
                checked++;
            }
        }
        assertEquals(9987, checked);
    }

    @Test
    void chicagoMonthMatchesAnIndependentCountWithCommonsCsv() throws Exception {
        Path file = TestData.testData("chicago_2017_01.csv.gz");
        long rows = 0;
        long noCoords = 0;
        long dups = 0;
        Set<String> cases = new HashSet<>();
        try (InputStream in = Inputs.open(file, null);
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().build().parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (CSVRecord r : p) {
                rows++;
                if (r.get("Latitude").isBlank()) noCoords++;
                else if (!cases.add(r.get("Case Number"))) dups++;
            }
        }
        IncidentIngest.Result r;
        try (InputStream in = Inputs.open(file, null)) {
            r = ImportIncidentsProcess.ingest(in, "chicago", ImportIncidentsProcess.options(null, null, null, null, null,
                    "Community Area"), null, null, -1);
        }
        assertEquals("CHICAGO", r.format().name());
        assertEquals(rows, r.report().rowsRead());
        assertEquals(noCoords, r.report().rejected(Reason.NO_COORDINATES));
        assertEquals(dups, r.report().rejected(Reason.DUPLICATE_ID));
        assertEquals(rows, r.report().accepted() + r.report().rejected());
        assertEquals(0, r.report().rejected(Reason.BAD_DATE));
        List<SimpleFeature> fs = features(new org.crimeanalytics.geo.IncidentCollection(r.table()));
        for (SimpleFeature f : fs) {
            Date d = (Date) f.getAttribute(Incidents.OCCURRED);
            LocalDateTime t = LocalDateTime.ofEpochSecond(d.getTime() / 1000, 0, ZoneOffset.UTC);
            assertEquals(2017, t.getYear());
            assertEquals(1, t.getMonthValue());
            assertTrue(f.getAttribute("community_area") != null || f.getAttribute(Incidents.AREA) != null);
        }
    }

    @Test
    void ukPoliceCsvByReason() throws Exception {
        String csv = new String(getClass().getResourceAsStream("/ingest/uk_police_sample.csv").readAllBytes(), StandardCharsets.UTF_8);
        Map<String, Object> out = run(Map.of("csv", csv));
        Map<String, Object> rep = report(out);
        assertEquals("UK_POLICE", rep.get("format"));
        assertEquals(8L, rep.get("rows_read"));
        assertEquals(4L, rep.get("accepted"));
        assertEquals(List.of("line 5"), first(rep, Reason.DUPLICATE_ID));
        assertEquals(List.of("line 6"), first(rep, Reason.NO_COORDINATES));
        assertEquals(List.of("line 7"), first(rep, Reason.BAD_DATE));
        assertEquals(List.of("line 8"), first(rep, Reason.OUTSIDE_EXTENT));
        List<SimpleFeature> fs = features(out.get("result"));
        assertEquals("month", fs.get(0).getAttribute(Incidents.TIME_PRECISION));
        assertEquals(floating(2023, 5, 1, 0, 0), fs.get(0).getAttribute(Incidents.OCCURRED));
        assertNull(fs.get(0).getAttribute(Incidents.INCIDENT_ID));
        assertEquals(List.of("other", "violent", "property", "other"),
                fs.stream().map(f -> f.getAttribute(Incidents.CATEGORY)).toList());
        assertEquals("E01004736", fs.get(1).getAttribute(Incidents.AREA));
    }

    @Test
    void genericSemicolonCsvWithExtentAndRaggedRow() throws Exception {
        String csv = new String(getClass().getResourceAsStream("/ingest/generic_semicolon.csv").readAllBytes(), StandardCharsets.UTF_8);
        Map<String, Object> out = run(Map.of("csv", csv, "extent", new ReferencedEnvelope(-75, -73, 40, 41, Crs.wgs84())));
        Map<String, Object> rep = report(out);
        assertEquals("GENERIC", rep.get("format"));
        assertEquals(6L, rep.get("rows_read"));
        assertEquals(2L, rep.get("accepted"));
        assertEquals(List.of("line 4"), first(rep, Reason.BAD_DATE));
        assertEquals(List.of("line 5"), first(rep, Reason.NULL_ISLAND));
        assertEquals(List.of("line 6"), first(rep, Reason.OUTSIDE_EXTENT));
        assertEquals(List.of("line 7"), first(rep, Reason.RAGGED_ROW));
        assertEquals(1L, rep.get("outside_extent_but_inside_if_lat_lon_swapped"));
        List<SimpleFeature> fs = features(out.get("result"));
        assertEquals(floating(2021, 3, 4, 22, 15), fs.get(0).getAttribute(Incidents.OCCURRED));
        assertEquals("property", fs.get(0).getAttribute(Incidents.CATEGORY));
        assertEquals("day", fs.get(1).getAttribute(Incidents.TIME_PRECISION));
        assertEquals("drugs", fs.get(1).getAttribute(Incidents.CATEGORY));
        assertEquals("6", fs.get(1).getAttribute(Incidents.AREA));
    }

    @Test
    void aPointLayerIsImportedThroughItsAttributesAndReprojected() {
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName("layer");
        tb.setCRS(Crs.decode("EPSG:3857", "test"));
        tb.add("the_geom", Point.class);
        tb.add("Primary_Type", String.class);
        tb.add("occurred_date", Date.class);
        tb.add("case_number", String.class);
        var type = tb.buildFeatureType();
        GeometryFactory gf = new GeometryFactory();
        List<SimpleFeature> list = new ArrayList<>();
        // -87.65, 41.85 in Web Mercator (R = 6378137: x = R lon, y = R ln tan(pi/4 + lat/2))
        list.add(SimpleFeatureBuilder.build(type, new Object[] {gf.createPoint(new Coordinate(-9757153.368030429, 5138536.587247468)),
            "ROBBERY", floating(2020, 2, 3, 4, 5), "X1"}, "layer.1"));
        list.add(SimpleFeatureBuilder.build(type, new Object[] {null, "THEFT", floating(2020, 2, 3, 4, 5), "X2"}, "layer.2"));
        Map<String, Object> out = run(Map.of("features", new ListFeatureCollection(type, list)));
        Map<String, Object> rep = report(out);
        assertEquals(2L, rep.get("rows_read"));
        assertEquals(List.of("feature layer.2"), first(rep, Reason.NO_COORDINATES));
        SimpleFeature f = features(out.get("result")).get(0);
        Point p = (Point) f.getDefaultGeometry();
        assertEquals(-87.65, p.getX(), 1e-9);
        assertEquals(41.85, p.getY(), 1e-9);
        assertEquals("violent", f.getAttribute(Incidents.CATEGORY));
        assertEquals("X1", f.getAttribute(Incidents.INCIDENT_ID));
        assertEquals(floating(2020, 2, 3, 4, 5), f.getAttribute(Incidents.OCCURRED));
    }

    @Test
    void fiveChicagoYearsAccountForEveryRow() throws Exception {
        long[] expectedRows = {275_200, 263_929, 268_813, 267_792, 230_659}; // shared/data/README.md
        for (int i = 0; i < 5; i++) {
            Path file = TestData.shared("chicago/crimes_" + (2014 + i) + ".csv.gz");
            try (InputStream in = Inputs.open(file, null)) {
                IncidentIngest.Result r = ImportIncidentsProcess.ingest(in, file.getFileName().toString(),
                        ImportIncidentsProcess.options(null, null, null, null, null, null), null, null, -1);
                assertEquals(expectedRows[i], r.report().rowsRead(), file.toString());
                assertEquals(r.report().rowsRead(), r.report().accepted() + r.report().rejected());
                assertTrue(r.report().rejected(Reason.NO_COORDINATES) > 0);
                assertEquals(r.report().accepted(), r.table().size());
            }
        }
    }
    @Test
    void eachFileIsReadWithItsOwnDelimiterAndMustShareTheFirstFilesHeader(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        // the mapping comes from the first file's sample; each other file is read from its header, its delimiter (and
        // so its decimal separator) its own: a ';' export with decimal commas beside a ',' one
        Path a = dir.resolve("a.csv"), b = dir.resolve("b.csv"), c = dir.resolve("c.csv");
        Files.write(a, List.of("incident_id;date;latitude;longitude;offense", "A1;2020-01-02 10:00;41,85;-87,65;THEFT"),
                StandardCharsets.UTF_8);
        Files.write(b, List.of("incident_id,date,latitude,longitude,offense", "B1,2020-01-03 11:00,41.9,-87.7,ROBBERY",
                "B2,2020-01-04 12:00,41.95,-87.75,THEFT"), StandardCharsets.UTF_8);
        Files.write(c, List.of("incident_id;date;latitude;longitude;crime", "C1;2020-01-03 11:00;41,9;-87,7;ROBBERY"),
                StandardCharsets.UTF_8);
        IncidentIngest.Options o = ImportIncidentsProcess.options(null, null, null, null, null, null);
        IncidentIngest.Result r = ImportIncidentsProcess.ingestFiles(List.of(a, b), "a+b", o, null);
        assertEquals(3, r.report().rowsRead());
        assertEquals(3, r.table().size());
        Map<String, double[]> at = new HashMap<>();
        for (int i = 0; i < r.table().size(); i++) {
            at.put(r.table().text(IncidentTable.ID, i), new double[] {r.table().lat(i), r.table().lon(i)});
        }
        assertArrayEquals(new double[] {41.85, -87.65}, at.get("A1"), 1e-12);
        assertArrayEquals(new double[] {41.9, -87.7}, at.get("B1"), 1e-12);
        assertArrayEquals(new double[] {41.95, -87.75}, at.get("B2"), 1e-12);
        ProcessException e = assertThrows(ProcessException.class,
                () -> ImportIncidentsProcess.ingestFiles(List.of(a, c), "a+c", o, null));
        assertTrue(e.getMessage().contains("c.csv: its header differs from the first file's"), e.getMessage());
        Path none = dir.resolve("none.csv");
        Files.write(none, new byte[0]);
        e = assertThrows(ProcessException.class, () -> ImportIncidentsProcess.ingestFiles(List.of(a, none), "a+none", o, null));
        assertTrue(e.getMessage().contains("no header line"), e.getMessage());
    }

    @Test
    void aCaseInTwoFilesIsCountedOnce(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // issue #19 fault 1: a case exported in two yearly files (Chicago HZ564892 in 2016 and 2017) is one incident.
        // two real LAPD slices overlapping by 150 rows: lines 1-400 and 251-600 (750 rows).
        List<String> lines = Files.readAllLines(TestData.testData("lapd_sample10k.csv"), StandardCharsets.UTF_8);
        Path a = dir.resolve("a.csv"), b = dir.resolve("b.csv");
        Files.write(a, lines.subList(0, 401), StandardCharsets.UTF_8);
        List<String> second = new ArrayList<>(lines.subList(251, 601));
        second.add(0, lines.get(0));
        Files.write(b, second, StandardCharsets.UTF_8);
        IncidentIngest.Options o = ImportIncidentsProcess.options(null, null, null, null, null, null);
        IncidentIngest.Result one = ImportIncidentsProcess.ingestFiles(List.of(a), "a", o, null);
        IncidentIngest.Result both = ImportIncidentsProcess.ingestFiles(List.of(a, b), "a+b", o, null);
        Set<String> ids = new HashSet<>();
        int overlapAccepted = 0;
        for (int i = 0; i < one.table().size(); i++) ids.add(one.table().text(IncidentTable.ID, i));
        assertEquals(one.report().accepted(), ids.size(), "ids of a are distinct");
        // every row of b that a also holds is a duplicate; the others are new incidents
        IncidentIngest.Result onlyB = ImportIncidentsProcess.ingestFiles(List.of(b), "b", o, null);
        for (int i = 0; i < onlyB.table().size(); i++) if (ids.contains(onlyB.table().text(IncidentTable.ID, i))) overlapAccepted++;
        assertTrue(overlapAccepted > 100, "the slices overlap: " + overlapAccepted);
        assertEquals(750, both.report().rowsRead());
        assertEquals(one.report().accepted() + onlyB.report().accepted() - overlapAccepted, both.report().accepted());
        assertEquals(one.report().rejected(Reason.DUPLICATE_ID) + onlyB.report().rejected(Reason.DUPLICATE_ID) + overlapAccepted,
                both.report().rejected(Reason.DUPLICATE_ID));
    }
}
