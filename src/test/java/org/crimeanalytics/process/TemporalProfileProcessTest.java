package org.crimeanalytics.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.crimeanalytics.TestData;
import org.crimeanalytics.geo.Crs;
import org.crimeanalytics.geo.IncidentCollection;
import org.crimeanalytics.ingest.IncidentIngest;
import org.crimeanalytics.ingest.IncidentTable;
import org.crimeanalytics.io.Inputs;
import org.crimeanalytics.json.Json;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.feature.NameImpl;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.process.ProcessException;
import org.geotools.process.Processors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTReader;

class TemporalProfileProcessTest {

    static Date at(int y, int mo, int d, int h, int mi) {
        return new Date(LocalDateTime.of(y, mo, d, h, mi).toInstant(ZoneOffset.UTC).toEpochMilli());
    }

    static SimpleFeatureCollection incidents(Object[][] rows) throws Exception {
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName("inc");
        tb.setCRS(Crs.wgs84());
        tb.add("geom", Point.class);
        tb.add("occurred", Date.class);
        tb.add("time_precision", String.class);
        tb.add("category", String.class);
        tb.add("offense", String.class);
        SimpleFeatureType t = tb.buildFeatureType();
        List<SimpleFeature> l = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            l.add(SimpleFeatureBuilder.build(t, new Object[] {new WKTReader().read((String) rows[i][0]), rows[i][1], rows[i][2], rows[i][3], rows[i][4]}, "inc." + i));
        }
        return new ListFeatureCollection(t, l);
    }

    static Map<String, Object> run(Map<String, Object> in) {
        return Processors.createProcess(new NameImpl("crime", "TemporalProfile")).execute(new HashMap<>(in), null);
    }

    static List<CSVRecord> csv(Object text) throws Exception {
        try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().build().parse(new StringReader((String) text))) {
            return p.getRecords();
        }
    }

    @Test
    void missingTimeAttributeIsAnError() throws Exception {
        SimpleFeatureCollection one = incidents(new Object[][] {{"POINT (0.5 0.5)", at(2024, 1, 1, 23, 30), "minute", "violent", "ASSAULT"}});
        assertEquals("timeAttribute: incidents have no attribute 'when' that holds dates; attributes that may: [occurred, time_precision, "
                + "category, offense]", assertThrows(ProcessException.class, () -> run(Map.of("incidents", one, "timeAttribute", "when"))).getMessage());
    }

    /** An empty GeoJSON file is read as a collection with no attribute at all: it is said to be empty, not to lack dates. */
    @Test
    void anEmptyCollectionIsSaidToBeEmpty() throws Exception {
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName("empty");
        tb.setCRS(Crs.wgs84());
        tb.add("geom", Point.class);
        SimpleFeatureCollection empty = new ListFeatureCollection(tb.buildFeatureType(), new ArrayList<>());
        assertEquals("incidents: the collection is empty", assertThrows(ProcessException.class, () -> run(Map.of("incidents", empty))).getMessage());
        assertEquals("incidents: the collection is empty", assertThrows(ProcessException.class,
                () -> run(Map.of("incidents", incidents(new Object[0][]), "timeAttribute", "when"))).getMessage());
        assertEquals("incidents: the collection is empty", assertThrows(ProcessException.class,
                () -> SpaceTimeProcessesTest.run("NearRepeat", Map.of("incidents", empty))).getMessage());
        assertEquals("incidents: the collection is empty", assertThrows(ProcessException.class,
                () -> Processors.createProcess(new NameImpl("crime", "KernelDensity")).execute(new HashMap<>(Map.of("incidents", empty,
                        "timeAttribute", "occurred")), null)).getMessage());
        assertEquals("incidents: the collection is empty", assertThrows(ProcessException.class,
                () -> AggregateToAreasProcessTest.run(Map.of("incidents", empty, "areas", AggregateToAreasProcessTest.polygons(
                        "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"), "from", at(2024, 1, 1, 0, 0)))).getMessage());
        // nor is an empty layer blamed for the attribute it lacks
        assertEquals("incidents: the collection is empty", assertThrows(ProcessException.class,
                () -> Processors.createProcess(new NameImpl("crime", "TrainModel")).execute(new HashMap<>(Map.of("incidents", empty,
                        "name", "never_written")), null)).getMessage());
        assertEquals("areas: the collection is empty", assertThrows(ProcessException.class,
                () -> Processors.createProcess(new NameImpl("crime", "ClusterOutlier")).execute(new HashMap<>(Map.of("areas", empty,
                        "valueAttribute", "CRIME_COUNT")), null)).getMessage());
        assertEquals("predicted: the collection is empty", assertThrows(ProcessException.class,
                () -> Processors.createProcess(new NameImpl("crime", "EvaluateHotspots")).execute(new HashMap<>(Map.of("predicted", empty,
                        "scoreAttribute", "CRIME_COUNT", "incidents", incidents(new Object[][] {{"POINT (0.5 0.5)", at(2024, 1, 1, 23, 30),
                            "minute", "violent", "ASSAULT"}}))), null)).getMessage());
        // a collection with incidents but no date attribute: the attribute is named, by the parameter that chose it or,
        // where none did (TrainModel reads 'occurred'), by the layer
        tb.setName("undated");
        tb.setCRS(Crs.wgs84());
        tb.add("geom", Point.class);
        tb.add("category", String.class);
        SimpleFeatureType undated = tb.buildFeatureType();
        SimpleFeatureCollection one = new ListFeatureCollection(undated, List.of(SimpleFeatureBuilder.build(undated,
                new Object[] {new WKTReader().read("POINT (0.5 0.5)"), "violent"}, "u.1")));
        assertEquals("incidents: no attribute 'occurred' that holds dates; attributes that may: [category]", assertThrows(ProcessException.class,
                () -> Processors.createProcess(new NameImpl("crime", "TrainModel")).execute(new HashMap<>(Map.of("incidents", one,
                        "name", "never_written")), null)).getMessage());
    }

    @Test
    void handMadeIncidentsByHourWeekdayAndPlaceholders() throws Exception {
        Object[][] rows = {
            {"POINT (0.5 0.5)", at(2024, 1, 1, 23, 30), "minute", "violent", "ASSAULT"}, // Monday 23h: night
            {"POINT (0.5 0.5)", at(2024, 1, 6, 14, 0), "minute", "property", "THEFT"}, // Saturday 14h: weekend
            {"POINT (0.5 0.5)", at(2024, 1, 6, 14, 45), "minute", "property", "THEFT"},
            {"POINT (0.5 0.5)", at(2024, 2, 3, 0, 1), "minute", "property", "THEFT"}, // 00:01 placeholder
            {"POINT (5.5 5.5)", at(2024, 2, 4, 0, 0), "day", "other", "FRAUD"}, // date only
            {"POINT (5.5 5.5)", null, "minute", "other", "FRAUD"}, // no time
            {"POINT (5.5 5.5)", at(2024, 3, 1, 10, 0), "minute", "property", "THEFT"}};
        SimpleFeatureCollection areas = HotSpotsProcessTest.lattice(1, 1, new double[] {1});
        // one area covering (0,0)-(1,1) in EPSG:3857 would not match lon/lat; build a lon/lat square instead
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName("a");
        tb.setCRS(Crs.wgs84());
        tb.add("geom", org.locationtech.jts.geom.Polygon.class);
        tb.add("name", String.class);
        SimpleFeatureType at = tb.buildFeatureType();
        areas = new ListFeatureCollection(at, List.of(
                SimpleFeatureBuilder.build(at, new Object[] {new WKTReader().read("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"), "A"}, "a.1"),
                SimpleFeatureBuilder.build(at, new Object[] {new WKTReader().read("POLYGON ((5 5, 6 5, 6 6, 5 6, 5 5))"), "B"}, "a.2")));
        Map<String, Object> out = run(Map.of("incidents", incidents(rows), "areas", areas));
        List<CSVRecord> m = csv(out.get("matrix"));
        assertEquals("all", m.get(0).get("category"));
        assertEquals("Mon", m.get(0).get("weekday"));
        assertEquals("1", m.get(0).get("h23"));
        assertEquals("2", m.get(5).get("h14")); // Saturday
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) Json.parse((String) out.get("summary"));
        assertEquals(7L, s.get("incidents_read"));
        assertEquals(1L, s.get("without_time"));
        assertEquals(1L, s.get("time_unknown_midnight_placeholders"));
        assertEquals(1L, s.get("date_only"));
        assertEquals(4L, s.get("in_hour_weekday_matrix"));
        assertEquals(6L, s.get("in_series"));
        assertEquals(14L, s.get("peak_hour"));
        List<CSVRecord> series = csv(out.get("series"));
        assertEquals(List.of("2024-01", "2024-02", "2024-03"), series.stream().map(r -> r.get("period")).toList());
        assertEquals(List.of("3", "2", "1"), series.stream().map(r -> r.get("count")).toList());
        List<CSVRecord> types = csv(out.get("types"));
        assertEquals("THEFT", types.get(0).get("offense"));
        assertEquals("4", types.get(0).get("count"));
        List<SimpleFeature> res = HotSpotsProcessTest.list(out.get("result"));
        SimpleFeature a = res.get(0);
        assertEquals(4, a.getAttribute("INCIDENTS"));
        assertEquals(1.0 / 3, (Double) a.getAttribute("NIGHT_SHARE"), 1e-12); // of the 3 timed, non-placeholder
        assertEquals(2.0 / 3, (Double) a.getAttribute("WEEKEND_SHARE"), 1e-12);
        assertEquals("Sat", a.getAttribute("PEAK_DAY"));
        // area A: series 3, 1 (Feb placeholder counts in the series), 0 -> Sen's slope of (3, 1, 0) = -1.5 per month
        assertEquals(-1.5 * 12, (Double) a.getAttribute("TREND_PER_YEAR"), 1e-12);
        assertTrue(((String) out.get("style")).contains("TREND_PER_YEAR"));
    }

    @Test
    void anIncidentTableGivesTheProfilesOfTheSameFeaturesReadOneByOne() throws Exception {
        // the table's columns and codes against a copy of its features (values by name, points located one pass later)
        IncidentIngest.Result r;
        try (InputStream in = Inputs.open(TestData.testData("chicago_2017_01.csv.gz"), null)) {
            r = ImportIncidentsProcess.ingest(in, "jan", ImportIncidentsProcess.options(null, null, null, null, null, null), null, null, -1);
        }
        SimpleFeatureCollection table = new IncidentCollection(r.table());
        SimpleFeatureCollection copy = new ListFeatureCollection(table.getSchema(), features(table));
        SimpleFeatureCollection areas = org.crimeanalytics.geo.GeoJson.read(TestData.testData("chicago_community_areas.geojson"));
        List<Map<String, Object>> cases = List.of(Map.of("areas", areas),
                Map.of("period", TemporalProfileProcess.Period.WEEK, "categories", "property,violent", "areas", areas,
                        "from", Date.from(java.time.Instant.parse("2017-01-08T00:00:00Z")), "to", Date.from(java.time.Instant.parse("2017-01-25T00:00:00Z"))),
                Map.of("categoryAttribute", "premise", "categories", "STREET,APARTMENT"));
        for (Map<String, Object> c : cases) {
            Map<String, Object> in = new HashMap<>(c);
            in.put("incidents", table);
            Map<String, Object> a = run(in);
            in.put("incidents", copy);
            Map<String, Object> b = run(in);
            for (String k : new String[] {"summary", "matrix", "series", "types"}) assertEquals(b.get(k), a.get(k), k + " of " + c.keySet());
            assertTrue(((String) a.get("types")).lines().count() > 10, "types of " + c.keySet());
            if (c.containsKey("areas")) {
                List<SimpleFeature> fa = features((SimpleFeatureCollection) a.get("result")), fb = features((SimpleFeatureCollection) b.get("result"));
                assertEquals(fb.size(), fa.size());
                for (int i = 0; i < fa.size(); i++) assertEquals(fb.get(i).getAttributes(), fa.get(i).getAttributes(), "area " + i);
            }
        }
    }

    /**
     * A GENERIC export of n incidents over Chicago in January 2020: premise '(none)' written out (a third), empty (a
     * seventh of the rest) or one of {@code premises} values; offense '(none)' or one of {@code offenses} values.
     */
    static IncidentCollection generated(int n, int premises, int offenses) throws Exception {
        StringBuilder csv = new StringBuilder("id,date,latitude,longitude,offense,premise\n");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(4);
        for (int i = 0; i < n; i++) {
            csv.append(i).append(",2020-01-").append(String.format("%02d %02d:%02d", 1 + i % 28, i % 24, i % 60)).append(":00,")
                    .append(String.format(Locale.ROOT, "%.6f,%.6f,", 41.75 + rnd.nextDouble() * 0.2, -87.75 + rnd.nextDouble() * 0.2))
                    .append(i % 11 == 0 ? "(none)" : "OFFENSE " + i % offenses).append(',')
                    .append(i % 3 == 0 ? "(none)" : i % 7 == 1 ? "" : "P" + i % premises).append('\n');
        }
        IncidentIngest.Result r = ImportIncidentsProcess.ingest(new java.io.ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                "generated", ImportIncidentsProcess.options(null, null, null, null, null, null), null, null, -1);
        assertEquals(n, r.table().size());
        return new IncidentCollection(r.table());
    }

    @Test
    void plainColumnsAndAValueWrittenAsNoneGiveWhatTheFeaturesGive() throws Exception {
        // 120,000 incidents with some 68,000 distinct premises and 110,000 offenses (the table keeps both as plain Strings,
        // not codes), then 20,000 with 7 and 5; '(none)' written in the data and a missing value are one category, as the
        // features read them
        SimpleFeatureCollection areas = org.crimeanalytics.geo.GeoJson.read(TestData.testData("chicago_community_areas.geojson"));
        for (int[] sizes : new int[][] {{120_000, 120_000, 120_000}, {20_000, 7, 5}}) {
            IncidentCollection table = generated(sizes[0], sizes[1], sizes[2]);
            SimpleFeatureCollection copy = new ListFeatureCollection(table.getSchema(), features(table));
            Map<String, Object> in = new HashMap<>(Map.of("categoryAttribute", "premise", "areas", areas, "categories", "(none),P2,P5"));
            in.put("incidents", table);
            Map<String, Object> a = run(in);
            in.put("incidents", copy);
            Map<String, Object> b = run(in);
            for (String k : new String[] {"summary", "matrix", "types"}) assertEquals(b.get(k), a.get(k), k + " " + sizes[0]);
            // the large table's premise and offense are plain Strings (no codes), the small one's are codes
            assertEquals(sizes[0] == 120_000, table.table().textCodes(IncidentTable.PREMISE, new int[sizes[0]]) == null);
            assertEquals(sizes[0] == 120_000, table.table().textCodes(IncidentTable.OFFENSE, new int[sizes[0]]) == null);
            // the '(none)' category holds the written and the missing premises (two thirds of the incidents): one block of
            // seven weekdays, not two
            List<CSVRecord> matrix = csv(a.get("matrix"));
            long none = 0, rows = 0;
            for (CSVRecord rec : matrix) {
                if (!rec.get("category").equals("(none)")) continue;
                rows++;
                for (int h = 0; h < 24; h++) none += Long.parseLong(rec.get(2 + h));
            }
            assertEquals(7, rows);
            assertTrue(none > sizes[0] / 4, none + " in (none)"); // 43 % of the incidents, less placeholders and outside
        }
    }

    @Test
    void whatLeavesNothingToCountIsNamedAndNoPeakIsMadeUp() throws Exception {
        SimpleFeatureCollection inc = incidents(new Object[][] {
            {"POINT (0.5 0.5)", at(2024, 1, 1, 0, 0), "minute", "violent", "ASSAULT"}, // midnight: time unknown
            {"POINT (0.5 0.5)", at(2024, 1, 2, 0, 1), "minute", "property", "THEFT"}, // 00:01: time unknown
            {"POINT (0.5 0.5)", at(2024, 2, 3, 0, 0), "day", "property", "THEFT"}}); // date only
        // a category the data does not have (another case, a typo): refused with the values there are
        assertEquals("categories: no incident has category 'Violent'; the values are [property, violent]",
                assertThrows(ProcessException.class, () -> run(Map.of("incidents", inc, "categories", "Violent"))).getMessage());
        // a window outside the data: the reasons counted
        assertEquals("incidents: none of the 3 incidents is left to count (0 without a time, 3 outside from/to, 0 in other categories)",
                assertThrows(ProcessException.class, () -> run(Map.of("incidents", inc, "from", at(2030, 1, 1, 0, 0)))).getMessage());
        // no incident with a known hour: the series counts them, the hour x weekday matrix is empty, no peak is given
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) Json.parse((String) run(Map.of("incidents", inc)).get("summary"));
        assertEquals(3L, s.get("in_series"));
        assertEquals(0L, s.get("in_hour_weekday_matrix"));
        assertEquals(null, s.get("peak_hour"));
        // their weekdays are known (Monday, Tuesday, Saturday): counted by day, and the empty matrix is said to be so
        // (was an all-zero matrix and no peak day, without a word)
        assertEquals(Map.of("Mon", 1L, "Tue", 1L, "Wed", 0L, "Thu", 0L, "Fri", 0L, "Sat", 1L, "Sun", 0L), s.get("weekday_counts"));
        assertEquals("Mon", s.get("peak_day"));
        assertTrue(((String) s.get("note")).startsWith("no incident has a time of day (1 dated to the day only, 2 at a 00:00/00:01"));
    }

    @Test
    void periodsTheIncidentsCoverOnlyInPartAreNamed() throws Exception {
        // January 2020, days 1 to 28 of the month: the one period ends early; from the 10th it also starts late
        IncidentCollection jan = generated(20_000, 7, 5);
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) Json.parse((String) run(Map.of("incidents", jan)).get("summary"));
        assertEquals(List.of("2020-01: incidents until 2020-01-28"), s.get("partial_periods"));
        @SuppressWarnings("unchecked")
        Map<String, Object> f = (Map<String, Object>) Json.parse((String) run(Map.of("incidents", jan, "from", at(2020, 1, 10, 0, 0))).get("summary"));
        assertEquals(List.of("2020-01: incidents from 2020-01-10 until 2020-01-28"), f.get("partial_periods"));
        // weeks: the first (Monday 30 December) has incidents from Wednesday 1 January at 00:00, two days in: not partial;
        // the last (Monday 27 January) has them until Tuesday the 28th, five days before its end: partial
        @SuppressWarnings("unchecked")
        Map<String, Object> w = (Map<String, Object>) Json.parse((String) run(Map.of("incidents", jan, "period", TemporalProfileProcess.Period.WEEK))
                .get("summary"));
        assertEquals(List.of("2020-01-27 (W5): incidents until 2020-01-28"), w.get("partial_periods"));
        assertEquals(1580169600000L, org.crimeanalytics.temporal.TemporalProfile.weekStart(org.crimeanalytics.temporal.TemporalProfile.weekIndex(
                at(2020, 1, 28, 23, 0).getTime())) + 86_400_000L); // Tuesday 28th: Monday 27th plus a day
    }

    private static List<SimpleFeature> features(SimpleFeatureCollection fc) {
        List<SimpleFeature> l = new ArrayList<>();
        try (org.geotools.data.simple.SimpleFeatureIterator it = fc.features()) {
            while (it.hasNext()) l.add(it.next());
        }
        return l;
    }

    /**
     * Chicago 2014-2018 monthly totals: the process's decomposition against an independent computation
     * from the textbook definition (monthly counts read straight from the files' Date column).
     */
    @Test
    void chicagoMonthlyDecompositionMatchesAnIndependentComputation() throws Exception {
        List<IncidentTable> tables = new ArrayList<>();
        TreeMap<String, Integer> monthly = new TreeMap<>();
        for (int y = 2014; y <= 2018; y++) {
            java.nio.file.Path f = TestData.shared("chicago/crimes_" + y + ".csv.gz");
            try (InputStream in = Inputs.open(f, null)) {
                IncidentIngest.Result r = ImportIncidentsProcess.ingest(in, "c" + y, ImportIncidentsProcess.options(null, null, null, null, null, null),
                        null, null, -1);
                tables.add(r.table());
                // the independent count: every accepted row's month from its source line, via Commons CSV below
            }
            java.util.Set<Long> accepted = new java.util.HashSet<>();
            IncidentTable t = tables.get(tables.size() - 1);
            for (int i = 0; i < t.size(); i++) accepted.add(t.line(i));
            try (InputStream in = Inputs.open(f, null);
                    CSVParser p = CSVFormat.DEFAULT.builder().setHeader().build().parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                DateTimeFormatter fmt = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);
                for (CSVRecord rec : p) {
                    if (!accepted.contains(rec.getRecordNumber() + 1)) continue;
                    LocalDateTime d = LocalDateTime.parse(rec.get("Date"), fmt);
                    monthly.merge(String.format("%04d-%02d", d.getYear(), d.getMonthValue()), 1, Integer::sum);
                }
            }
        }
        Map<String, Object> out = run(Map.of("incidents", new IncidentCollection(IncidentTable.concat(tables))));
        List<CSVRecord> series = csv(out.get("series"));
        double[] y = monthly.values().stream().mapToDouble(Integer::doubleValue).toArray();
        assertEquals(y.length, series.size());
        // textbook classical decomposition, written out again here
        int n = y.length, m = 12;
        double[] trend = new double[n];
        for (int t = 0; t < n; t++) {
            if (t < 6 || t + 6 >= n) {
                trend[t] = Double.NaN;
                continue;
            }
            double sum = y[t - 6] / 2 + y[t + 6] / 2;
            for (int j = -5; j <= 5; j++) sum += y[t + j];
            trend[t] = sum / 12;
        }
        double[] idx = new double[m];
        for (int p = 0; p < m; p++) {
            double sum = 0;
            int c = 0;
            for (int t = p; t < n; t += m) if (!Double.isNaN(trend[t])) {
                sum += y[t] - trend[t];
                c++;
            }
            idx[p] = sum / c;
        }
        double avg = java.util.Arrays.stream(idx).average().orElseThrow();
        for (int i = 0; i < n; i++) {
            CSVRecord r = series.get(i);
            assertEquals(y[i], Double.parseDouble(r.get("count")), 0, r.get("period"));
            double s = idx[i % m] - avg;
            assertEquals(s, Double.parseDouble(r.get("seasonal")), 1e-9, r.get("period"));
            if (Double.isNaN(trend[i])) {
                assertEquals("", r.get("trend"));
            } else {
                assertEquals(trend[i], Double.parseDouble(r.get("trend")), 1e-9, r.get("period"));
                assertEquals(y[i] - trend[i] - s, Double.parseDouble(r.get("residual")), 1e-9, r.get("period"));
            }
        }
    }
}
