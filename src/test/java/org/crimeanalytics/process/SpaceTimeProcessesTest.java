package org.crimeanalytics.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.crimeanalytics.geo.Crs;
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
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

class SpaceTimeProcessesTest {

    static Map<String, Object> run(String name, Map<String, Object> in) {
        return Processors.createProcess(new NameImpl("crime", name)).execute(new HashMap<>(in), null);
    }

    static List<CSVRecord> csv(Object text) throws Exception {
        try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().build().parse(new StringReader((String) text))) {
            return p.getRecords();
        }
    }

    /** Points in EPSG:32631 (UTM 31N, ground metres) with day offsets. */
    static SimpleFeatureCollection events(double[][] xyDay) {
        return events(xyDay, "EPSG:32631");
    }

    static SimpleFeatureCollection events(double[][] xyDay, String crs) {
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName("ev");
        tb.setCRS(Crs.decode(crs, "t"));
        tb.add("geom", Point.class);
        tb.add("occurred", Date.class);
        SimpleFeatureType t = tb.buildFeatureType();
        List<SimpleFeature> l = new ArrayList<>();
        for (int i = 0; i < xyDay.length; i++) {
            l.add(SimpleFeatureBuilder.build(t, new Object[] {HotSpotsProcessTest.GF.createPoint(new Coordinate(xyDay[i][0], xyDay[i][1])),
                new Date((long) (xyDay[i][2] * 86_400_000L) + 1_577_836_800_000L)}, "ev." + i));
        }
        return new ListFeatureCollection(t, l);
    }

    @Test
    void nearRepeatTableAndErrors() throws Exception {
        double[][] e = {{0, 0, 0}, {50, 0, 3}, {1000, 0, 1}, {0, 150, 30}};
        Map<String, Object> out = run("NearRepeat", Map.of("incidents", events(e), "distanceBands", "0,100,200", "timeBands", "0,7,14"));
        List<CSVRecord> t = csv(out.get("table"));
        assertEquals(4, t.size());
        assertEquals("1", t.get(0).get("observed"));
        assertTrue(assertThrows(ProcessException.class, () -> run("NearRepeat", Map.of("incidents", events(e), "distanceBands", "0,100,50")))
                .getMessage().startsWith("distanceBands:"));
        assertTrue(assertThrows(ProcessException.class, () -> run("NearRepeat", Map.of("incidents", events(e), "permutations", 0)))
                .getMessage().startsWith("permutations:"));
        // more pairs within the largest band (3 within 200 m) than the administrator's limit: refused, naming the band
        String old = System.getProperty("crime.maxPairs");
        try {
            System.setProperty("crime.maxPairs", "2");
            String m = assertThrows(ProcessException.class, () -> run("NearRepeat", Map.of("incidents", events(e), "distanceBands", "0,100,200")))
                    .getMessage();
            assertTrue(m.startsWith("distanceBands: more than 2 pairs of the 4 incidents lie within 200 m"), m);
            System.setProperty("crime.maxPairs", "3");
            assertEquals("1", csv(run("NearRepeat", Map.of("incidents", events(e), "distanceBands", "0,100,200", "timeBands", "0,7,14")).get("table"))
                    .get(0).get("observed"));
        } finally {
            if (old == null) System.clearProperty("crime.maxPairs");
            else System.setProperty("crime.maxPairs", old);
        }
    }

    @Test
    void emergingHotSpotsFindANewHotSpotAndNeedTenSteps() throws Exception {
        // a 5 x 5 block of 100 m cells, 2 incidents per cell per day for 12 days; in the last day the centre cell gets 40
        List<double[]> e = new ArrayList<>();
        for (int day = 0; day < 12; day++) {
            for (int cx = 0; cx < 5; cx++) for (int cy = 0; cy < 5; cy++) {
                int k = (day == 11 && cx == 2 && cy == 2) ? 40 : 2;
                for (int i = 0; i < k; i++) e.add(new double[] {cx * 100 + 50, cy * 100 + 50, day + 0.5});
            }
            // and a cell 5 km away, alone: no spatial neighbours, so it is not tested
            for (int i = 0; i < 6; i++) e.add(new double[] {5050, 50, day + 0.5});
        }
        Map<String, Object> out = run("EmergingHotSpots", Map.of("incidents", events(e.toArray(new double[0][])), "cellSize", 100.0,
                "step", EmergingHotSpotsProcess.Step.DAY, "distance", 150.0, "timeSteps", 0));
        SimpleFeature centre = null, alone = null;
        for (SimpleFeature f : HotSpotsProcessTest.list(out.get("result"))) {
            if (f.getAttribute("CELL_ID").equals("2_2")) centre = f;
            if (f.getAttribute("CELL_ID").equals("50_0")) alone = f;
        }
        assertEquals(1, centre.getAttribute("CATEGORY"));
        assertEquals("New Hot Spot", centre.getAttribute("PATTERN"));
        assertEquals(1, centre.getAttribute("HOT_STEPS"));
        // 6 a day, three times any other cell, but with no neighbour there is nothing to compare it with
        assertEquals(0, alone.getAttribute("CATEGORY"));
        assertEquals("Not Tested: No Neighbours", alone.getAttribute("PATTERN"));
        assertEquals(0, alone.getAttribute("HOT_STEPS"));
        assertEquals(null, alone.getAttribute("ZTREND_Z"));
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) Json.parse((String) out.get("summary"));
        assertEquals(26L, s.get("cells"));
        assertEquals(1L, s.get("cells_without_neighbours"));
        assertEquals(12L, s.get("steps"));
        assertTrue(assertThrows(ProcessException.class, () -> run("EmergingHotSpots", Map.of("incidents",
                events(new double[][] {{0, 0, 0}, {0, 0, 3}}), "cellSize", 100.0, "step", EmergingHotSpotsProcess.Step.DAY)))
                .getMessage().startsWith("step: the incidents span 4"));
    }

    @Test
    void emergingHotSpotsLeaveOutWeeksTheDataCoversInPart() throws Exception {
        // 2020-01-01 (day 0) is a Wednesday: the first ISO week (from Monday 2019-12-30) is covered from its third day;
        // the data ends on day 89, Monday 2020-03-30, the first day of its week. 5 x 5 cells, 1 incident per cell per day.
        List<double[]> e = new ArrayList<>();
        for (int day = 0; day < 90; day++) {
            for (int cx = 0; cx < 5; cx++) for (int cy = 0; cy < 5; cy++) e.add(new double[] {cx * 100 + 50, cy * 100 + 50, day + 0.5});
        }
        Map<String, Object> out = run("EmergingHotSpots", Map.of("incidents", events(e.toArray(new double[0][])), "cellSize", 100.0,
                "step", EmergingHotSpotsProcess.Step.WEEK, "distance", 150.0));
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) Json.parse((String) out.get("summary"));
        // the weeks of 2019-12-30 (5 days) and 2020-03-30 (1 day) left out: 6 x 25 incidents; 12 whole weeks kept
        assertEquals(List.of("2019-12-30 (W1): incidents from 2020-01-01", "2020-03-30 (W14): incidents until 2020-03-30"),
                s.get("partial_steps_left_out"));
        assertEquals(150L, s.get("incidents_in_partial_steps"));
        assertEquals(12L, s.get("steps"));
        assertEquals(2100L, s.get("incidents_used"));
        // every cell alike in every week: no hot or cold spot
        for (SimpleFeature f : HotSpotsProcessTest.list(out.get("result"))) assertEquals(0, f.getAttribute("CATEGORY"), f.getID());
    }

    @Test
    void evaluateHotspotsOnALattice() throws Exception {
        // 2 x 2 lattice of 100 m squares, scores 4 3 2 1 (row by row), next-period incidents 5 0 3 2
        SimpleFeatureCollection cells = HotSpotsProcessTest.lattice(2, 2, new double[] {4, 3, 2, 1}, "EPSG:3857");
        List<double[]> e = new ArrayList<>();
        int[] counts = {5, 0, 3, 2};
        for (int c = 0; c < 4; c++) {
            double x = (c % 2) * 100 + 50, y = -(c / 2) * 100 + 50;
            for (int i = 0; i < counts[c]; i++) e.add(new double[] {x, y, 1});
        }
        e.add(new double[] {5000, 5000, 1}); // outside every cell: the shares are of the 10 inside, and the summary says so
        Map<String, Object> out = run("EvaluateHotspots", Map.of("predicted", cells, "scoreAttribute", "v",
                "incidents", events(e.toArray(new double[0][]), "EPSG:3857"), "fractions", "25,50"));
        List<CSVRecord> t = csv(out.get("table"));
        assertEquals(0.5, Double.parseDouble(t.get(0).get("hit_rate")), 1e-12);
        // areas are measured in a local transverse Mercator: the four Web Mercator squares differ by ~1e-6
        assertEquals(2.0, Double.parseDouble(t.get(0).get("pai")), 1e-5);
        assertEquals(1.0, Double.parseDouble(t.get(0).get("pei")), 1e-12);
        assertEquals(0.625, Double.parseDouble(t.get(1).get("pei")), 1e-12);
        assertEquals(5, csv(out.get("curve")).size());
        @SuppressWarnings("unchecked")
        Map<String, Object> sum = (Map<String, Object>) Json.parse((String) out.get("summary"));
        assertEquals("1 of the 11 incidents (9.1 %) lie outside every predicted area of this surface: hit rates, PAI and PEI are shares "
                + "of the 10 inside", sum.get("outside_note"));
    }

    @Test
    void evaluatingAreasThatHoldNoneOfTheIncidentsIsRefused() throws Exception {
        // Chicago's January 2017 against the Los Angeles divisions: hit rates of nothing would be null, not an answer
        SimpleFeatureCollection la = org.crimeanalytics.geo.GeoJson.read(org.crimeanalytics.TestData.testData("lapd_divisions.geojson"));
        SimpleFeatureCollection chicago = PredictProcessesTest.chicagoJanuary();
        int n = chicago.size();
        assertEquals("incidents: none of the " + n + " incidents lies in one of the 21 areas of predicted (" + n + " outside every area, 0 "
                + "without geometry); do they cover the same place?", assertThrows(ProcessException.class,
                        () -> run("EvaluateHotspots", Map.of("predicted", la, "scoreAttribute", "PREC", "incidents", chicago))).getMessage());
    }
}
