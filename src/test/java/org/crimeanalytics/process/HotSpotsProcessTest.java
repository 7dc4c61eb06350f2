package org.crimeanalytics.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crimeanalytics.TestData;
import org.crimeanalytics.geo.Crs;
import org.crimeanalytics.geo.GeoJson;
import org.crimeanalytics.json.Json;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.feature.NameImpl;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.process.ProcessException;
import org.geotools.process.Processors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class HotSpotsProcessTest {

    static final GeometryFactory GF = new GeometryFactory();

    /** A rows x cols lattice of 100 m squares in EPSG:32631 with attribute v, row by row. */
    static SimpleFeatureCollection lattice(int rows, int cols, double[] v) {
        return lattice(rows, cols, v, "EPSG:32631");
    }

    static SimpleFeatureCollection lattice(int rows, int cols, double[] v, String crs) {
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName("cells");
        tb.setCRS(Crs.decode(crs, "test"));
        tb.add("geom", Polygon.class);
        tb.add("v", Double.class);
        SimpleFeatureType t = tb.buildFeatureType();
        List<SimpleFeature> l = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double x = c * 100, y = -r * 100;
                Polygon p = GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + 100, y),
                    new Coordinate(x + 100, y + 100), new Coordinate(x, y + 100), new Coordinate(x, y)});
                l.add(SimpleFeatureBuilder.build(t, new Object[] {p, v[r * cols + c]}, "cells." + (r * cols + c)));
            }
        }
        return new ListFeatureCollection(t, l);
    }

    static Map<String, Object> run(String name, Map<String, Object> in) {
        return Processors.createProcess(new NameImpl("crime", name)).execute(new HashMap<>(in), null);
    }

    static List<SimpleFeature> list(Object fc) {
        List<SimpleFeature> l = new ArrayList<>();
        try (SimpleFeatureIterator it = ((SimpleFeatureCollection) fc).features()) {
            while (it.hasNext()) l.add(it.next());
        }
        return l;
    }

    @Test
    void allEqualValuesAreAClearError() {
        double[] v = new double[9];
        java.util.Arrays.fill(v, 4);
        ProcessException e = assertThrows(ProcessException.class,
                () -> run("HotSpots", Map.of("areas", lattice(3, 3, v), "valueAttribute", "v", "weights", WeightsType.ROOK)));
        assertTrue(e.getMessage().startsWith("valueAttribute: all 9 values of v are equal"), e.getMessage());
    }

    @Test
    void badParametersNameThemselves() {
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertTrue(assertThrows(ProcessException.class, () -> run("HotSpots", Map.of())).getMessage().startsWith("incidents, areas:"));
        assertTrue(assertThrows(ProcessException.class, () -> run("HotSpots", Map.of("areas", lattice(3, 3, v), "valueAttribute", "w")))
                .getMessage().startsWith("valueAttribute: no attribute 'w'"));
        assertTrue(assertThrows(ProcessException.class, () -> run("HotSpots", Map.of("incidents", ProcessCatalogTest.lapdIncidents())))
                .getMessage().startsWith("cellSize:"));
        assertTrue(assertThrows(ProcessException.class, () -> run("HotSpots", Map.of("areas", lattice(3, 3, v), "valueAttribute", "v",
                "distance", -5.0))).getMessage().startsWith("distance:"));
        assertTrue(assertThrows(ProcessException.class, () -> run("ClusterOutlier", Map.of("areas", lattice(3, 3, v), "valueAttribute", "v",
                "permutations", 1_000_000))).getMessage().startsWith("permutations:"));
    }

    @Test
    void singleHotCellOnAThreeByThreeLatticeByHand() {
        // values 1 everywhere, 10 in the centre; rook neighbours; Gi* (self included, binary):
        // n = 9, mean 2, s^2 = 108/9 - 4 = 8. Centre: L = 14, W = 5: z = 4 / (sqrt 8 * sqrt((45-25)/8)) = 0.894427191
        // corner: L = 3, W = 3: z = -3 / (sqrt 8 * sqrt((27-9)/8)) = -0.707106781; edge: L = 13, W = 4: z = 1.118033989
        double[] v = {1, 1, 1, 1, 10, 1, 1, 1, 1};
        Map<String, Object> out = run("HotSpots", Map.of("areas", lattice(3, 3, v), "valueAttribute", "v", "weights", WeightsType.ROOK));
        List<SimpleFeature> fs = list(out.get("result"));
        assertEquals(0.894427191, (Double) fs.get(4).getAttribute("GiZScore"), 1e-9);
        assertEquals(-0.707106781, (Double) fs.get(0).getAttribute("GiZScore"), 1e-9);
        assertEquals(1.118033989, (Double) fs.get(1).getAttribute("GiZScore"), 1e-9);
        assertEquals(4, fs.get(4).getAttribute("NNeighbors"));
        assertEquals(2, fs.get(8).getAttribute("NNeighbors"));
        assertEquals(0, fs.get(4).getAttribute("Gi_Bin")); // nine cells cannot be significant
        assertEquals("Not Significant", fs.get(4).getAttribute("Gi_Text"));
        assertEquals(10.0, fs.get(4).getAttribute("v"));
        assertTrue(((String) out.get("style")).contains("<ogc:PropertyName>Gi_Bin</ogc:PropertyName>"));
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) Json.parse((String) out.get("summary"));
        assertEquals(9L, s.get("n"));
        assertNotNull(s.get("global_morans_i"));
    }

    @Test
    void islandsAreReportedNotCrashedOn() {
        // 3x3 lattice plus, via distance band 150 m, centres 100 m apart: a tenth cell far away is an island
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        SimpleFeatureCollection lat = lattice(3, 3, v);
        List<SimpleFeature> l = list(lat);
        SimpleFeature far = SimpleFeatureBuilder.build(lat.getSchema(), new Object[] {GF.createPolygon(new Coordinate[] {
            new Coordinate(5000, 5000), new Coordinate(5100, 5000), new Coordinate(5100, 5100), new Coordinate(5000, 5100),
            new Coordinate(5000, 5000)}), 20.0}, "cells.far");
        List<SimpleFeature> all = new ArrayList<>(l);
        all.add(far);
        Map<String, Object> out = run("HotSpots", Map.of("areas", new ListFeatureCollection(lat.getSchema(), all),
                "valueAttribute", "v", "distance", 150.0));
        @SuppressWarnings("unchecked")
        Map<String, Object> w = (Map<String, Object>) ((Map<String, Object>) Json.parse((String) out.get("summary"))).get("weights");
        assertEquals(1L, w.get("islands"));
        assertEquals(List.of("cells.far"), w.get("first_islands"));
        assertEquals(0, list(out.get("result")).get(9).getAttribute("NNeighbors"));
    }

    @Test
    void lonLatIncidentsOnAGridGiveFiniteScoresAndCountEveryIncident() {
        SimpleFeatureCollection inc = ProcessCatalogTest.lapdIncidents();
        Map<String, Object> out = run("HotSpots", Map.of("incidents", inc, "cellSize", 2000.0, "fdr", true));
        long total = 0;
        for (SimpleFeature f : list(out.get("result"))) {
            total += (Integer) f.getAttribute("JOIN_COUNT");
            Double z = (Double) f.getAttribute("GiZScore");
            assertTrue(z == null || Double.isFinite(z));
        }
        assertEquals(inc.size(), total);
        assertTrue(Crs.isLonLatWgs84(((SimpleFeatureCollection) out.get("result")).getSchema().getCoordinateReferenceSystem()));
    }

    @Test
    void studyAreaCellsIncludeEmptyOnesAndIncidentsOutsideAreCounted() throws Exception {
        SimpleFeatureCollection inc = ProcessCatalogTest.lapdIncidents();
        SimpleFeatureCollection divisions = GeoJson.read(TestData.testData("lapd_divisions.geojson"));
        Map<String, Object> out = run("HotSpots", Map.of("incidents", inc, "cellSize", 1500.0, "cellShape",
                org.crimeanalytics.grid.Grid.Shape.SQUARE, "studyArea", divisions));
        long total = 0;
        int empty = 0;
        for (SimpleFeature f : list(out.get("result"))) {
            int c = (Integer) f.getAttribute("JOIN_COUNT");
            total += c;
            if (c == 0) empty++;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) Json.parse((String) out.get("summary"));
        assertEquals((long) inc.size(), total + (Long) s.get("incidents_outside_study_area"));
        // outside means outside: the incidents no division covers, by JTS on the input's lon/lat (was: every incident in
        // a cell whose centre is outside, inside ones too, dropped under that name)
        List<org.locationtech.jts.geom.Geometry> polys = new java.util.ArrayList<>();
        for (SimpleFeature d : list(divisions)) polys.add((org.locationtech.jts.geom.Geometry) d.getDefaultGeometry());
        long outside = 0;
        for (SimpleFeature f : list(inc)) {
            org.locationtech.jts.geom.Geometry p = (org.locationtech.jts.geom.Geometry) f.getDefaultGeometry();
            if (polys.stream().noneMatch(g -> g.covers(p))) outside++;
        }
        assertTrue(outside > 0);
        assertEquals(outside, (long) (Long) s.get("incidents_outside_study_area"));
        assertTrue(empty > 50, "empty cells inside the study area are analysed: " + empty);
        assertTrue((Long) s.get("hot_spots") > 0);
    }

    @Test
    void aDefaultBandSetByOneFarCellIsSaidSo() throws Exception {
        // 6 x 6 cells of 100 m, 1 to 3 incidents each, and one incident 5 km away: the default band (every cell a
        // neighbour) is that cell's 5 km, 50 times the others' spacing (SF's Treasure Island cell, from the new-user trial)
        List<double[]> e = new java.util.ArrayList<>();
        for (int cx = 0; cx < 6; cx++) for (int cy = 0; cy < 6; cy++) {
            for (int i = 0; i <= (cx + cy) % 3; i++) e.add(new double[] {cx * 100 + 50, cy * 100 + 50, 0});
        }
        e.add(new double[] {5050, 50, 0});
        SimpleFeatureCollection inc = SpaceTimeProcessesTest.events(e.toArray(new double[0][]));
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) Json.parse((String) run("HotSpots", Map.of("incidents", inc, "cellSize", 100.0,
                "cellShape", org.crimeanalytics.grid.Grid.Shape.SQUARE)).get("summary"));
        String note = (String) s.get("distance_band_note");
        assertTrue(note != null && note.startsWith("the default distance band, 4500 m, is set by "), note);
        assertTrue(note.contains("half of them have a neighbour within 100 m") && note.endsWith("give distance (100 m gives 95 % of the "
                + "features a neighbour; the far ones are then not tested)"), note);
        // a band given: no such note
        @SuppressWarnings("unchecked")
        Map<String, Object> given = (Map<String, Object>) Json.parse((String) run("HotSpots", Map.of("incidents", inc, "cellSize", 100.0,
                "cellShape", org.crimeanalytics.grid.Grid.Shape.SQUARE, "distance", 150.0)).get("summary"));
        assertFalse(given.containsKey("distance_band_note"));
    }

    @Test
    void optimizedHotSpotsChooseScaleAndSayWhy() {
        Map<String, Object> out = run("OptimizedHotSpots", Map.of("incidents", ProcessCatalogTest.lapdIncidents()));
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) Json.parse((String) out.get("summary"));
        assertEquals(Boolean.TRUE, s.get("fdr"));
        @SuppressWarnings("unchecked")
        Map<String, Object> why = (Map<String, Object>) s.get("optimized");
        assertTrue(why.containsKey("cell_size_rule"));
        double cell = ((Number) s.get("cell_size_m")).doubleValue();
        assertTrue(cell >= 100 && cell <= 5000, "cell size " + cell);
        @SuppressWarnings("unchecked")
        Map<String, Object> band = (Map<String, Object>) why.get("scale_of_analysis");
        assertTrue(((Number) band.get("distance_band_m")).doubleValue() >= cell);
        assertTrue((Long) s.get("hot_spots") > 0);
        ProcessException few = assertThrows(ProcessException.class, () -> run("OptimizedHotSpots",
                Map.of("incidents", new ListFeatureCollection(ProcessCatalogTest.lapdIncidents().getSchema(),
                        list(ProcessCatalogTest.lapdIncidents()).subList(0, 59)))));
        assertTrue(few.getMessage().startsWith("incidents: at least 60 incidents"), few.getMessage());
    }

    @Test
    void localMoranByHandOnTheLattice() {
        // y = 1..9, rook, row-standardised. Corner 0: z = -4, lag = (-3 + -1)/2 = -2, m2 = 60/9, b2 = (708/9)/m2^2:
        // I = -4 / (60/9) * -2 = 1.2. Conditional (default): E = -z^2 W / ((n-1) m2) = -0.3,
        // Var = (z/m2)^2 n/(n-2) (S - W^2/(n-1)) (m2 - z^2/(n-1)) = 0.36 * 9/7 * 0.375 * 14/3 = 0.81, z = 1.5/0.9 = 5/3.
        // Total (Anselin 1995): E = -1/8, Var = S (n-b2)/(n-1) + (W^2-S)(2b2-n)/((n-1)(n-2)) - E^2 = 0.3875, z = 2.128530
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        Map<String, Object> out = run("ClusterOutlier", Map.of("areas", lattice(3, 3, v), "valueAttribute", "v", "weights", WeightsType.ROOK));
        SimpleFeature f = list(out.get("result")).get(0);
        assertEquals(1.2, (Double) f.getAttribute("LMiIndex"), 1e-12);
        assertEquals(5.0 / 3, (Double) f.getAttribute("LMiZScore"), 1e-9);
        assertEquals("", f.getAttribute("COType")); // p = 0.0956 > 0.05
        SimpleFeature t = list(run("ClusterOutlier", Map.of("areas", lattice(3, 3, v), "valueAttribute", "v", "weights", WeightsType.ROOK,
                "variance", org.crimeanalytics.hotspot.Moran.Variance.TOTAL)).get("result")).get(0);
        assertEquals(1.325 / Math.sqrt(0.3875), (Double) t.getAttribute("LMiZScore"), 1e-9);
        assertEquals("LL", t.getAttribute("COType")); // p = 0.0333 < 0.05
        assertEquals(0.0, (Double) list(out.get("result")).get(4).getAttribute("LMiIndex"), 1e-12);
        assertEquals("", list(out.get("result")).get(4).getAttribute("COType"));
    }

    @Test
    void permutationPValuesAreSeededAndBounded() {
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 3, 2, 8, 1, 9, 4, 4};
        Map<String, Object> in = Map.of("areas", lattice(4, 4, v), "valueAttribute", "v", "permutations", 999, "seed", 7);
        List<SimpleFeature> a = list(run("ClusterOutlier", in).get("result"));
        List<SimpleFeature> b = list(run("ClusterOutlier", in).get("result"));
        for (int i = 0; i < a.size(); i++) {
            double p = (Double) a.get(i).getAttribute("LMiPValue");
            assertEquals(p, b.get(i).getAttribute("LMiPValue"));
            // folded: (min(ge, le) + 1) / 1000; ties count in both tails, so it may exceed 0.5
            assertTrue(p >= 1.0 / 1000 && p <= 1, "folded pseudo p " + p);
        }
    }
}
