package org.crimeanalytics.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.locationtech.jts.geom.Point;

class ClusterAreasProcessTest {

    static SimpleFeatureCollection areas(Double[] r16, Double[] r17) {
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName("areas");
        tb.setCRS(Crs.wgs84());
        tb.add("geom", Point.class);
        tb.add("R16", Double.class);
        tb.add("R17", Double.class);
        SimpleFeatureType t = tb.buildFeatureType();
        List<SimpleFeature> l = new ArrayList<>();
        for (int i = 0; i < r16.length; i++) {
            l.add(SimpleFeatureBuilder.build(t, new Object[] {HotSpotsProcessTest.GF.createPoint(new org.locationtech.jts.geom.Coordinate(i, 0)),
                r16[i], r17[i]}, "areas." + i));
        }
        return new ListFeatureCollection(t, l);
    }

    static Map<String, Object> run(Map<String, Object> in) {
        return Processors.createProcess(new NameImpl("crime", "ClusterAreas")).execute(new HashMap<>(in), null);
    }

    @Test
    void kLargerThanTheAreasAndUnknownAttributesAreErrors() {
        SimpleFeatureCollection a = areas(new Double[] {1.0, 2.0}, new Double[] {1.0, 2.0});
        assertTrue(assertThrows(ProcessException.class, () -> run(Map.of("areas", a, "attributes", "R16", "k", 3)))
                .getMessage().startsWith("k:"));
        assertTrue(assertThrows(ProcessException.class, () -> run(Map.of("areas", a, "attributes", "R99")))
                .getMessage().startsWith("attributes: no attribute 'R99'"));
    }

    @Test
    void fourLevelsOrderedByRateMissingValuesLeftOutAndStabilityMeasured() {
        Double[] r16 = {1.0, 1.2, 3.0, 3.1, 6.0, 6.2, 9.0, 9.3, null};
        Double[] r17 = {1.1, 1.0, 3.2, 2.9, 6.1, 5.9, 9.1, 9.0, 4.0};
        Map<String, Object> out = run(Map.of("areas", areas(r16, r17), "attributes", "R16", "periods", "R16;R17"));
        List<SimpleFeature> fs = HotSpotsProcessTest.list(out.get("result"));
        String[] expected = {"Low", "Low", "Medium-Low", "Medium-Low", "Medium-High", "Medium-High", "High", "High", null};
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], fs.get(i).getAttribute("RISK_LEVEL"), "area " + i);
        assertEquals(-1, fs.get(8).getAttribute("CLUSTER_ID"));
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) Json.parse((String) out.get("summary"));
        assertEquals(1L, s.get("areas_left_out_missing_values"));
        @SuppressWarnings("unchecked")
        Map<String, Object> st = (Map<String, Object>) s.get("stability");
        List<?> ari = (List<?>) st.get("adjusted_rand_index_consecutive");
        assertEquals(1, ari.size());
        assertEquals(1.0, ((Number) ari.get(0)).doubleValue(), 1e-12);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> profiles = (List<Map<String, Object>>) Json.parse((String) out.get("profiles"));
        @SuppressWarnings("unchecked")
        Map<String, Object> low = (Map<String, Object>) ((Map<String, Object>) profiles.get(0).get("attributes")).get("R16");
        assertEquals(1.1, (Double) low.get("mean"), 1e-12);
        assertEquals(Math.sqrt(0.02), (Double) low.get("sd"), 1e-12);
    }

    @Test
    void stabilityOverTimeFromIncidentsAndPeriodStarts() {
        SimpleFeatureCollection cells = HotSpotsProcessTest.lattice(3, 3, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        int[] per = {1, 1, 1, 5, 5, 5, 9, 9, 9};
        double[][] rows = new double[2 * java.util.Arrays.stream(per).sum()][];
        int k = 0;
        for (int period = 0; period < 2; period++) {
            for (int c = 0; c < 9; c++) {
                for (int i = 0; i < per[c]; i++) {
                    rows[k++] = new double[] {(c % 3) * 100 + 50, -(c / 3) * 100 + 50, period * 31 + 2};
                }
            }
        }
        SimpleFeatureCollection inc = SpaceTimeProcessesTest.events(rows);
        Map<String, Object> out = run(Map.of("areas", cells, "attributes", "v", "k", 3, "incidents", inc,
                "periodStarts", "2020-01-01,2020-02-01"));
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) ((Map<String, Object>) Json.parse((String) out.get("summary"))).get("stability_over_time");
        assertEquals(List.of(45L, 45L), s.get("incidents_per_period"));
        assertEquals(1.0, ((Number) ((List<?>) s.get("adjusted_rand_index_consecutive")).get(0)).doubleValue(), 1e-12);
        assertTrue(assertThrows(ProcessException.class, () -> run(Map.of("areas", cells, "attributes", "v", "periodStarts", "2020-01-01,2020-02-01")))
                .getMessage().startsWith("incidents:"));
        assertTrue(assertThrows(ProcessException.class, () -> run(Map.of("areas", cells, "attributes", "v", "incidents", inc)))
                .getMessage().startsWith("periodStarts: give the start dates"));
        // a period without any incident in the areas: one line saying so (was Weka's 'Can't normalize array. Sum is zero.')
        assertEquals("periodStarts: no incident of period 3 (from 2020-03-01) lies in an area (0 in all periods outside every area, 0 before "
                + "the first period, 0 without a time), so it cannot be clustered; do the incidents and areas cover the same place and dates?",
                assertThrows(ProcessException.class, () -> run(Map.of("areas", cells, "attributes", "v", "k", 3, "incidents", inc,
                        "periodStarts", "2020-01-01,2020-02-01,2020-03-01"))).getMessage());
        // Ward's method clusters the empty period (every area alike) as it always did
        Map<String, Object> ward = run(Map.of("areas", cells, "attributes", "v", "k", 3, "method", org.crimeanalytics.areas.AreaClustering.Method.WARD,
                "incidents", inc, "periodStarts", "2020-01-01,2020-02-01,2020-03-01"));
        @SuppressWarnings("unchecked")
        Map<String, Object> ws = (Map<String, Object>) ((Map<String, Object>) Json.parse((String) ward.get("summary"))).get("stability_over_time");
        assertEquals(List.of(45L, 45L, 0L), ws.get("incidents_per_period"));
        // an empty layer is said to be empty, and incidents none of which has a date are said to have none (both blamed
        // periodStarts: 'no incident of period 1 lies in an area')
        SimpleFeatureCollection none = new org.geotools.data.collection.ListFeatureCollection(inc.getSchema());
        assertEquals("incidents: the collection is empty", assertThrows(ProcessException.class, () -> run(Map.of("areas", cells,
                "attributes", "v", "k", 3, "incidents", none, "periodStarts", "2020-01-01,2020-02-01"))).getMessage());
        List<org.geotools.api.feature.simple.SimpleFeature> undated = new java.util.ArrayList<>();
        try (org.geotools.data.simple.SimpleFeatureIterator it = inc.features()) {
            while (it.hasNext()) {
                org.geotools.api.feature.simple.SimpleFeature f = org.geotools.feature.simple.SimpleFeatureBuilder.copy(it.next());
                f.setAttribute("occurred", null);
                undated.add(f);
            }
        }
        SimpleFeatureCollection noDates = new org.geotools.data.collection.ListFeatureCollection(inc.getSchema(), undated);
        String m = assertThrows(ProcessException.class, () -> run(Map.of("areas", cells, "attributes", "v", "k", 3, "incidents", noDates,
                "periodStarts", "2020-01-01,2020-02-01"))).getMessage();
        assertTrue(m.startsWith("timeAttribute: 'occurred' holds no date in any of the 90 incidents"), m);
    }

    @SuppressWarnings("unchecked")
    @Test
    void defaultAttributesSayTheMixOutweighsTheRate() throws Exception {
        SimpleFeatureCollection areas = org.crimeanalytics.geo.GeoJson.read(org.crimeanalytics.TestData.testData("chicago_community_areas.geojson"));
        SimpleFeatureCollection counted = (SimpleFeatureCollection) Processors.createProcess(new NameImpl("crime", "AggregateToAreas"))
                .execute(new HashMap<>(Map.of("incidents", PredictProcessesTest.chicagoJanuary(), "areas", areas)), null).get("result");
        Map<String, Object> s = (Map<String, Object>) Json.parse((String) run(Map.of("areas", counted, "k", 4)).get("summary"));
        assertEquals(List.of("CRIME_COUNT", "SHARE_PROPERTY", "SHARE_VIOLENT", "SHARE_OTHER", "SHARE_DRUGS"), s.get("attributes"));
        assertTrue(((String) s.get("attributes_note")).startsWith("default attributes: the rate and 4 shares of the offence mix"),
                (String) s.get("attributes_note"));
        Map<String, Object> chosen = (Map<String, Object>) Json.parse((String) run(Map.of("areas", counted, "k", 4,
                "attributes", "CRIME_COUNT,CNT_VIOLENT")).get("summary"));
        assertTrue(!chosen.containsKey("attributes_note"));
    }

    @Test
    void stabilityFromAnIncidentTableIsThatOfACopyOfItsFeatures() throws Exception {
        org.crimeanalytics.ingest.IncidentIngest.Result r;
        try (java.io.InputStream in = org.crimeanalytics.io.Inputs.open(org.crimeanalytics.TestData.testData("chicago_2017_01.csv.gz"), null)) {
            r = ImportIncidentsProcess.ingest(in, "jan", ImportIncidentsProcess.options(null, null, null, null, null, null), null, null, -1);
        }
        SimpleFeatureCollection table = new org.crimeanalytics.geo.IncidentCollection(r.table());
        java.util.List<org.geotools.api.feature.simple.SimpleFeature> fs = new java.util.ArrayList<>();
        try (org.geotools.data.simple.SimpleFeatureIterator it = table.features()) {
            while (it.hasNext()) fs.add(it.next());
        }
        SimpleFeatureCollection copy = new org.geotools.data.collection.ListFeatureCollection(table.getSchema(), fs);
        SimpleFeatureCollection areas = org.crimeanalytics.geo.GeoJson.read(org.crimeanalytics.TestData.testData("chicago_community_areas.geojson"));
        Map<String, Object> in = new HashMap<>(Map.of("areas", areas, "attributes", "MEDINC,TOT_POP", "k", 4, "populationAttribute", "TOT_POP",
                "periodStarts", "2017-01-01,2017-01-11,2017-01-21"));
        in.put("incidents", table);
        String a = (String) run(in).get("summary");
        in.put("incidents", copy);
        assertEquals(run(in).get("summary"), a);
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) ((Map<String, Object>) Json.parse(a)).get("stability_over_time");
        List<?> per = (List<?>) s.get("incidents_per_period");
        assertEquals(3, per.size());
        assertTrue(((Number) per.get(0)).longValue() > 5_000, per.toString());
    }
}
