package org.crimeanalytics.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.crimeanalytics.geo.Crs;
import org.crimeanalytics.json.Json;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.process.ProcessException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** crime:KernelDensity: closed-form cells, weights, dual and change analyses, study area, tiles, errors. */
class KernelDensityProcessTest {

    static final GeometryFactory GF = new GeometryFactory();

    /** Points in EPSG:32633 with a weight v and a date t (days after 2016-01-01). */
    static SimpleFeatureCollection points(double[][] xy, double[] v, int[] days) {
        return points(xy, v, days, "EPSG:32633");
    }

    static SimpleFeatureCollection points(double[][] xy, double[] v, int[] days, String crs) {
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName("incidents");
        tb.setCRS(Crs.decode(crs, "test"));
        tb.add("geom", Point.class);
        tb.add("v", Double.class);
        tb.add("occurred", Date.class);
        SimpleFeatureType t = tb.buildFeatureType();
        List<SimpleFeature> l = new ArrayList<>();
        for (int i = 0; i < xy.length; i++) {
            Date d = days == null ? null : day(days[i]);
            l.add(SimpleFeatureBuilder.build(t, new Object[] {GF.createPoint(new Coordinate(xy[i][0], xy[i][1])),
                v == null ? 1.0 : v[i], d}, "incidents." + i));
        }
        return new ListFeatureCollection(t, l);
    }

    static Date day(int d) {
        return Date.from(LocalDate.of(2016, 1, 1).plusDays(d).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    static Map<String, Object> run(Object... kv) {
        Map<String, Object> in = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) in.put((String) kv[i], kv[i + 1]);
        return HotSpotsProcessTest.run("KernelDensity", in);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> summary(Map<String, Object> out) {
        return (Map<String, Object>) Json.parse((String) out.get("summary"));
    }

    static double[] centre(SimpleFeature f) {
        Envelope e = ((Polygon) f.getDefaultGeometry()).getEnvelopeInternal();
        return new double[] {e.centre().x, e.centre().y};
    }

    @Test
    void everyCellOfOnePointIsTheClosedFormQuarticSum() {
        double px = 500123, py = 5000456, h = 300;
        Map<String, Object> out = run("incidents", points(new double[][] {{px, py}}, null, null), "bandwidth", h,
                "cellSize", 100.0, "crs", Crs.decode("EPSG:32633", "test"));
        List<SimpleFeature> cells = HotSpotsProcessTest.list(out.get("result"));
        int inside = 0;
        for (double cx = 499_650; cx < 500_650; cx += 100) {
            for (double cy = 4_999_950; cy < 5_000_950; cy += 100) {
                if ((cx - px) * (cx - px) + (cy - py) * (cy - py) < h * h) inside++;
            }
        }
        assertEquals(inside, cells.size(), "cells whose centre is within the radius");
        int joined = 0;
        for (SimpleFeature f : cells) {
            double[] c = centre(f);
            double d2 = (c[0] - px) * (c[0] - px) + (c[1] - py) * (c[1] - py);
            double expected = 1e6 * 3 / Math.PI / (h * h) * Math.pow(1 - d2 / (h * h), 2);
            assertEquals(expected, (Double) f.getAttribute("KDE"), 1e-9 * expected, f.getID());
            assertEquals(100 * 100, ((Polygon) f.getDefaultGeometry()).getArea(), 1e-6);
            joined += (Integer) f.getAttribute("JOIN_COUNT");
        }
        assertEquals(1, joined);
        // the cell centred at (500150, 5000450): 27.7 m away
        SimpleFeature c = cells.stream().filter(f -> f.getAttribute("CELL_ID").equals("5001_50004")).findFirst().orElseThrow();
        assertEquals(1e6 * 3 / Math.PI / 90000 * Math.pow(1 - (27 * 27 + 6 * 6) / 90000.0, 2), (Double) c.getAttribute("KDE"), 1e-9);
        Map<String, Object> s = summary(out);
        assertEquals("given", ((Map<?, ?>) s.get("bandwidth")).get("rule"));
        assertEquals("EXACT", s.get("method"));
    }

    @Test
    void weightsCountAsIncidentsAndTheMassIsTheirSum() {
        SimpleFeatureCollection fc = points(new double[][] {{500_000, 5_000_000}, {500_180, 5_000_040}}, new double[] {2, 3}, null);
        Map<String, Object> out = run("incidents", fc, "weightAttribute", "v", "bandwidth", 300.0, "cellSize", 10.0,
                "crs", Crs.decode("EPSG:32633", "test"));
        double mass = 0;
        for (SimpleFeature f : HotSpotsProcessTest.list(out.get("result"))) mass += (Double) f.getAttribute("KDE") * 1e-4;
        assertEquals(5, mass, 5e-4);
        assertEquals(5.0, ((Number) summary(out).get("incident_weight_total")).doubleValue(), 0);
        ProcessException neg = assertThrows(ProcessException.class, () -> run("incidents",
                points(new double[][] {{500_000, 5_000_000}}, new double[] {-1}, null), "weightAttribute", "v", "bandwidth", 300.0));
        assertTrue(neg.getMessage().startsWith("weightAttribute: feature incidents.0 has a negative weight"), neg.getMessage());
        ProcessException missing = assertThrows(ProcessException.class, () -> run("incidents", fc, "weightAttribute", "count"));
        assertTrue(missing.getMessage().startsWith("weightAttribute: no attribute 'count' in incidents; attributes: [geom, v, occurred]"),
                missing.getMessage());
    }

    @Test
    void dualDensityOfALayerAgainstItselfTwiceIsOneHalf() {
        double[][] xy = {{500_000, 5_000_000}, {500_300, 5_000_100}, {499_800, 5_000_250}, {500_100, 4_999_700}};
        SimpleFeatureCollection inc = points(xy, null, null);
        SimpleFeatureCollection ref = points(xy, new double[] {2, 2, 2, 2}, null);
        Map<String, Object> out = run("incidents", inc, "reference", ref, "referenceWeightAttribute", "v", "bandwidth", 400.0,
                "cellSize", 50.0, "crs", Crs.decode("EPSG:32633", "test"));
        int defined = 0;
        for (SimpleFeature f : HotSpotsProcessTest.list(out.get("result"))) {
            Double r = (Double) f.getAttribute("KDE_RATIO");
            if (r != null) {
                defined++;
                assertEquals(0.5, r, 1e-12, f.getID());
            }
            assertEquals(2 * (Double) f.getAttribute("KDE"), (Double) f.getAttribute("KDE_REF"), 1e-9);
            assertEquals(0, (Double) f.getAttribute("SHARE_DIFF"), 1e-12); // same shares everywhere
        }
        assertTrue(defined > 100);
        assertEquals("dual", summary(out).get("analysis"));
        assertEquals(8.0, ((Number) summary(out).get("reference_weight_total")).doubleValue(), 0);
    }

    @Test
    void changeBetweenTwoPeriods() {
        double[][] xy = {{500_000, 5_000_000}, {500_050, 5_000_020}, {500_900, 5_000_000}, {500_920, 5_000_030}, {500_880, 4_999_990}};
        int[] days = {10, 20, 370, 380, 390}; // 2016-01-11, 2016-01-21 before 2017; the rest in January 2017
        SimpleFeatureCollection fc = points(xy, null, days);
        Map<String, Object> out = run("incidents", fc, "splitDate", day(366), "bandwidth", 300.0, "cellSize", 50.0,
                "crs", Crs.decode("EPSG:32633", "test"));
        int before = 0, after = 0;
        for (SimpleFeature f : HotSpotsProcessTest.list(out.get("result"))) {
            before += (Integer) f.getAttribute("COUNT_BEFORE");
            after += (Integer) f.getAttribute("COUNT_AFTER");
            assertEquals((Double) f.getAttribute("KDE_AFTER") - (Double) f.getAttribute("KDE_BEFORE"),
                    (Double) f.getAttribute("KDE_CHANGE"), 1e-12);
        }
        assertEquals(2, before);
        assertEquals(3, after);
        Map<String, Object> s = summary(out);
        Map<?, ?> p = (Map<?, ?>) s.get("periods");
        assertEquals(2, ((Number) p.get("incidents_before")).intValue());
        assertTrue(s.get("warnings").toString().contains("differ in length"), s.get("warnings").toString());
        assertTrue(((String) out.get("style")).contains("KDE_CHANGE"));
        // explicit periods, half-open
        Map<String, Object> out2 = run("incidents", fc, "beforeFrom", day(0), "beforeTo", day(20), "afterFrom", day(366),
                "afterTo", day(386), "bandwidth", 300.0, "cellSize", 50.0, "crs", Crs.decode("EPSG:32633", "test"));
        Map<?, ?> p2 = (Map<?, ?>) summary(out2).get("periods");
        assertEquals(1, ((Number) p2.get("incidents_before")).intValue()); // day 20 is the end, excluded
        assertEquals(2, ((Number) p2.get("incidents_after")).intValue());
        assertEquals(2, ((Number) p2.get("incidents_outside_periods")).intValue());
        ProcessException e = assertThrows(ProcessException.class, () -> run("incidents", fc, "beforeFrom", day(0), "bandwidth", 300.0));
        assertTrue(e.getMessage().startsWith("beforeTo: required"), e.getMessage());
        ProcessException empty = assertThrows(ProcessException.class, () -> run("incidents", fc, "splitDate", day(0), "bandwidth", 300.0));
        assertTrue(empty.getMessage().startsWith("splitDate: the earlier period holds no incident"), empty.getMessage());
    }

    @Test
    void studyAreaKeepsItsCellsAndReportsTheMassOutside() {
        double[][] xy = {{500_000, 5_000_000}, {500_040, 5_000_010}};
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName("area");
        tb.setCRS(Crs.decode("EPSG:32633", "test"));
        tb.add("geom", Polygon.class);
        SimpleFeatureType t = tb.buildFeatureType();
        // a 2 km square whose west edge runs through the points: about half the mass is outside
        Polygon sq = GF.createPolygon(new Coordinate[] {new Coordinate(500_020, 4_999_000), new Coordinate(502_020, 4_999_000),
            new Coordinate(502_020, 5_001_000), new Coordinate(500_020, 5_001_000), new Coordinate(500_020, 4_999_000)});
        SimpleFeatureCollection area = new ListFeatureCollection(t, List.of(SimpleFeatureBuilder.build(t, new Object[] {sq}, "a.1")));
        Map<String, Object> out = run("incidents", points(xy, null, null), "studyArea", area, "bandwidth", 200.0, "cellSize", 20.0,
                "crs", Crs.decode("EPSG:32633", "test"));
        List<SimpleFeature> cells = HotSpotsProcessTest.list(out.get("result"));
        assertEquals(100 * 100, cells.size()); // every cell of the square, the empty ones too
        long zero = cells.stream().filter(f -> (Double) f.getAttribute("KDE") == 0).count();
        assertTrue(zero > 9000, "cells without density inside the area: " + zero);
        Map<?, ?> kde = (Map<?, ?>) summary(out).get("kde");
        double outside = ((Number) kde.get("mass_share_outside_study_area")).doubleValue();
        assertTrue(outside > 0.4 && outside < 0.6, "share outside " + outside);
        assertEquals(1, ((Number) summary(out).get("join_count_in_cells_outside_study_area")).intValue());
        assertTrue(summary(out).get("warnings").toString().contains("edge effect"));
    }

    @Test
    void hexagonsGetASquareRasterWithTheSameMass() {
        SimpleFeatureCollection fc = points(new double[][] {{500_000, 5_000_000}, {500_300, 5_000_200}}, null, null);
        Map<String, Object> out = run("incidents", fc, "bandwidth", 400.0, "cellSize", 20.0, "cellShape", "HEXAGON",
                "crs", Crs.decode("EPSG:32633", "test"));
        GridCoverage2D r = (GridCoverage2D) out.get("raster");
        assertNotNull(r);
        java.awt.image.Raster data = r.getRenderedImage().getData();
        double sum = 0;
        for (int y = 0; y < data.getHeight(); y++) for (int x = 0; x < data.getWidth(); x++) sum += data.getSampleDouble(x, y, 0);
        assertEquals(2, sum * 20 * 20 / 1e6, 2e-3);
        double hexMass = 0;
        for (SimpleFeature f : HotSpotsProcessTest.list(out.get("result"))) {
            hexMass += (Double) f.getAttribute("KDE") * ((Polygon) f.getDefaultGeometry()).getArea() / 1e6;
        }
        assertEquals(2, hexMass, 2e-3);
        assertTrue(((String) out.get("rasterStyle")).contains("<ColorMap>"));
    }

    @Test
    void adjacentTilesAgreeWithOneLargerMap() {
        SimpleFeatureCollection inc = ProcessCatalogTest.lapdIncidents();
        org.geotools.api.referencing.crs.CoordinateReferenceSystem merc = Crs.decode("EPSG:3857", "test");
        // downtown Los Angeles, two 256 px tiles side by side and the 512 x 256 map over both
        double x0 = -13_169_000, y0 = 4_030_000, w = 4_000;
        Map<String, Double> left = tile(inc, merc, new ReferencedEnvelope(x0, x0 + w, y0, y0 + w, merc), 256);
        Map<String, Double> right = tile(inc, merc, new ReferencedEnvelope(x0 + w, x0 + 2 * w, y0, y0 + w, merc), 256);
        Map<String, Object> both = run("incidents", inc, "outputBBOX", new ReferencedEnvelope(x0, x0 + 2 * w, y0, y0 + w, merc),
                "outputWidth", 512, "outputHeight", 256);
        int shared = 0;
        for (SimpleFeature f : HotSpotsProcessTest.list(both.get("result"))) {
            String id = (String) f.getAttribute("CELL_ID");
            Double a = left.get(id) != null ? left.get(id) : right.get(id);
            if (a == null) continue;
            shared++;
            assertEquals((Double) f.getAttribute("KDE"), a, 1e-9 * Math.max(1, a), id);
        }
        assertTrue(shared > 1000, "cells compared: " + shared);
        assertNull(both.get("raster"));
        assertEquals("SILVERMAN", ((Map<?, ?>) summary(both).get("bandwidth")).get("rule"));
    }

    private static Map<String, Double> tile(SimpleFeatureCollection inc, org.geotools.api.referencing.crs.CoordinateReferenceSystem crs,
            ReferencedEnvelope bbox, int px) {
        Map<String, Object> out = run("incidents", inc, "outputBBOX", bbox, "outputWidth", px, "outputHeight", px); // crs: a TM on the layer
        Map<String, Double> m = new HashMap<>();
        for (SimpleFeature f : HotSpotsProcessTest.list(out.get("result"))) m.put((String) f.getAttribute("CELL_ID"), (Double) f.getAttribute("KDE"));
        return m;
    }

    @Test
    void theLapdSampleThroughTheProcessEqualsKde2d() throws Exception {
        // the same points through ingestion and GeoTools' UTM 11N (R used sf/PROJ): equal to 1e-6 relative
        Map<String, Object> out = run("incidents", ProcessCatalogTest.lapdIncidents(), "kernel", "GAUSSIAN", "bandwidth", 400.0,
                "cellSize", 500.0, "crs", Crs.decode("EPSG:32611", "test"));
        Map<String, Double> ours = new HashMap<>();
        for (SimpleFeature f : HotSpotsProcessTest.list(out.get("result"))) ours.put((String) f.getAttribute("CELL_ID"), (Double) f.getAttribute("KDE"));
        assertEquals(9987, ((Number) summary(out).get("incidents_used")).intValue());
        List<CSVRecord> ref;
        try (InputStream in = getClass().getResourceAsStream("/reference/kde/lapd_kde2d.csv");
                Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            ref = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
        double max = 0;
        for (CSVRecord c : ref) max = Math.max(max, Double.parseDouble(c.get("density_per_m2")));
        int compared = 0;
        for (CSVRecord c : ref) {
            double e = Double.parseDouble(c.get("density_per_m2")) * 1e6;
            if (e < 1e-6 * max * 1e6) continue;
            Double a = ours.get(c.get("i") + "_" + c.get("j"));
            assertNotNull(a, "cell " + c.get("i") + "_" + c.get("j"));
            assertEquals(e, a, 1e-6 * e, "cell " + c.get("i") + "_" + c.get("j"));
            compared++;
        }
        assertTrue(compared > 5000, "cells compared " + compared);
    }

    @Test
    void aDualRatioIsTheSameInEveryView() {
        // the ratio floor is fixed by the reference layer, not by the cells in view (review of #17)
        SimpleFeatureCollection inc = ProcessCatalogTest.lapdIncidents();
        SimpleFeatureCollection ref = points(new double[][] {{380_000, 3_765_000}, {385_000, 3_770_000}}, new double[] {1000, 3000}, null,
                "EPSG:32611");
        org.geotools.api.referencing.crs.CoordinateReferenceSystem utm = Crs.decode("EPSG:32611", "test");
        Map<String, Double> small = ratios(run("incidents", inc, "reference", ref, "referenceWeightAttribute", "v",
                "bandwidth", 3000.0, "outputBBOX", new ReferencedEnvelope(379_000, 382_000, 3_764_000, 3_767_000, utm), "outputWidth", 300,
                "outputHeight", 300, "cellSizePixels", 10, "crs", utm));
        Map<String, Double> large = ratios(run("incidents", inc, "reference", ref, "referenceWeightAttribute", "v",
                "bandwidth", 3000.0, "outputBBOX", new ReferencedEnvelope(370_000, 400_000, 3_755_000, 3_785_000, utm), "outputWidth", 3000,
                "outputHeight", 3000, "cellSizePixels", 10, "crs", utm));
        int compared = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            if (!large.containsKey(e.getKey())) continue;
            compared++;
            Double a = e.getValue(), b = large.get(e.getKey());
            assertEquals(a == null, b == null, e.getKey());
            if (a != null) assertEquals(a, b, 1e-9 * a, e.getKey());
        }
        assertTrue(compared > 1000, "cells in both views: " + compared);
    }

    static Map<String, Double> ratios(Map<String, Object> out) {
        Map<String, Double> m = new HashMap<>();
        for (SimpleFeature f : HotSpotsProcessTest.list(out.get("result"))) m.put((String) f.getAttribute("CELL_ID"), (Double) f.getAttribute("KDE_RATIO"));
        return m;
    }

    @Test
    void polygonsOfAReferenceAreSpreadOverTheirCells() {
        // two 2 km squares with 4,000 and 1,000 residents; incidents in both
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName("pop");
        tb.setCRS(Crs.decode("EPSG:32633", "test"));
        tb.add("geom", Polygon.class);
        tb.add("pop", Integer.class);
        SimpleFeatureType t = tb.buildFeatureType();
        List<SimpleFeature> l = new ArrayList<>();
        double[][] corners = {{500_000, 5_000_000}, {502_000, 5_000_000}};
        int[] pop = {4000, 1000};
        for (int i = 0; i < 2; i++) {
            double x = corners[i][0], y = corners[i][1];
            l.add(SimpleFeatureBuilder.build(t, new Object[] {GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + 2000, y),
                new Coordinate(x + 2000, y + 2000), new Coordinate(x, y + 2000), new Coordinate(x, y)}), pop[i]}, "pop." + i));
        }
        double[][] xy = new double[60][];
        for (int i = 0; i < 60; i++) xy[i] = new double[] {500_100 + (i % 10) * 380, 5_000_100 + (i / 10) * 300};
        Map<String, Object> out = run("incidents", points(xy, null, null), "reference", new ListFeatureCollection(t, l),
                "referenceWeightAttribute", "pop", "ratioPer", 1000.0, "bandwidth", 600.0, "cellSize", 100.0, "crs", Crs.decode("EPSG:32633", "test"));
        double refMass = 0;
        int defined = 0;
        for (SimpleFeature f : HotSpotsProcessTest.list(out.get("result"))) {
            refMass += (Double) f.getAttribute("KDE_REF") * 0.01;
            if (f.getAttribute("KDE_RATIO") != null) defined++;
        }
        assertEquals(5000, refMass, 5, "the residents are all spread, none lost");
        assertTrue(defined > 500, "a ratio over the populated squares: " + defined + " cells");
        Map<String, Object> s = summary(out);
        assertTrue(((String) s.get("reference_polygons")).startsWith("2 polygons"), s.toString());
        assertTrue(((String) s.get("ratio")).contains("incidents per 1000 units of reference weight"), (String) s.get("ratio"));
    }

    @Test
    void incidentsOutsideBothPeriodsDoNotChooseTheBandwidth() {
        double[][] xy = {{500_000, 5_000_000}, {500_050, 5_000_020}, {500_900, 5_000_000}, {500_920, 5_000_030}, {500_880, 4_999_990},
            {540_000, 5_040_000}, {460_000, 4_960_000}};
        int[] days = {10, 20, 370, 380, 390, 200, 210}; // the two far ones in mid 2016, outside both Januaries
        Map<String, Object> with = run("incidents", points(xy, null, days), "beforeFrom", day(0), "beforeTo", day(31), "afterFrom", day(366),
                "afterTo", day(397), "crs", Crs.decode("EPSG:32633", "test"));
        double[][] xy5 = java.util.Arrays.copyOf(xy, 5);
        Map<String, Object> without = run("incidents", points(xy5, null, java.util.Arrays.copyOf(days, 5)), "beforeFrom", day(0),
                "beforeTo", day(31), "afterFrom", day(366), "afterTo", day(397), "crs", Crs.decode("EPSG:32633", "test"));
        assertEquals(((Map<?, ?>) summary(without).get("bandwidth")).get("bandwidth_m"), ((Map<?, ?>) summary(with).get("bandwidth")).get("bandwidth_m"));
        assertEquals(2, ((Number) ((Map<?, ?>) summary(with).get("periods")).get("incidents_outside_periods")).intValue());
    }

    @Test
    void thinExtentsEmptyWeightsCoarseCellsAndTheClippedRaster() {
        // three points along 20 km of one road: the default cells follow the longer side, not 1 m
        Map<String, Object> road = run("incidents", points(new double[][] {{500_000, 5_000_000}, {510_000, 5_000_001}, {520_000, 5_000_000}},
                null, null), "crs", Crs.decode("EPSG:32633", "test"));
        assertTrue(((Number) summary(road).get("cell_size_m")).doubleValue() >= 20, summary(road).toString());
        // an empty weight is left out and counted
        SimpleFeatureCollection fc = points(new double[][] {{500_000, 5_000_000}, {500_100, 5_000_000}, {500_200, 5_000_000}},
                new double[] {1, 2, 3}, null);
        ((SimpleFeature) HotSpotsProcessTest.list(fc).get(1)).setAttribute("v", null);
        Map<String, Object> w = run("incidents", fc, "weightAttribute", "v", "bandwidth", 300.0, "cellSize", 50.0);
        assertEquals(1, ((Number) summary(w).get("incidents_without_weight")).intValue());
        assertEquals(4.0, ((Number) summary(w).get("incident_weight_total")).doubleValue(), 0);
        // cells far larger than the bandwidth lose the density: said
        Map<String, Object> coarse = run("incidents", ProcessCatalogTest.lapdIncidents(), "bandwidth", 300.0, "cellSize", 5000.0);
        assertTrue(summary(coarse).get("warnings").toString().contains("too coarse"), summary(coarse).get("warnings").toString());
        // the raster has no data outside the study area
        Map<String, Object> clipped = run("incidents", ProcessCatalogTest.lapdIncidents(), "studyArea", ProcessCatalogTest.Samples.divisions(),
                "cellSize", 1000.0);
        java.awt.image.Raster r = ((GridCoverage2D) clipped.get("raster")).getRenderedImage().getData();
        int nan = 0, values = 0;
        for (int y = 0; y < r.getHeight(); y++) for (int x = 0; x < r.getWidth(); x++) if (Double.isNaN(r.getSampleDouble(x, y, 0))) nan++; else values++;
        assertEquals(HotSpotsProcessTest.list(clipped.get("result")).size(), values, "raster cells with data = cells in the study area");
        assertTrue(nan > 0);
    }

    @Test
    void invalidParametersNameThemselves() {
        SimpleFeatureCollection fc = points(new double[][] {{500_000, 5_000_000}, {500_000, 5_000_000}}, null, null);
        ProcessException spread = assertThrows(ProcessException.class, () -> run("incidents", fc));
        assertTrue(spread.getMessage().startsWith("bandwidth: the incidents have no spread"), spread.getMessage());
        ProcessException classes = assertThrows(ProcessException.class, () -> run("incidents", fc, "bandwidth", 100.0, "classes", 12));
        assertTrue(classes.getMessage().startsWith("classes: must be between 2 and 9"), classes.getMessage());
        ProcessException both = assertThrows(ProcessException.class, () -> run("incidents", fc, "reference", fc, "splitDate", day(1)));
        assertTrue(both.getMessage().startsWith("reference, splitDate:"), both.getMessage());
        ProcessException cells = assertThrows(ProcessException.class, () -> run("incidents",
                points(new double[][] {{500_000, 5_000_000}, {900_000, 5_400_000}}, null, null), "bandwidth", 1000.0, "cellSize", 1.0));
        assertTrue(cells.getMessage().startsWith("cellSize: 1.0 m cells give"), cells.getMessage());
    }
}
