package org.crimeanalytics.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The cases of issue #15 through the processes, with the values R spdep 1.2.7 gives
 * (src/test/r/spdep_reference.R) or that follow by hand.
 */
class LocalStatisticsCasesTest {

    static final GeometryFactory GF = new GeometryFactory();

    static SimpleFeatureCollection layer(Class<? extends Geometry> binding, List<Geometry> geoms, double[] v) {
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName("f");
        tb.setCRS(Crs.decode("EPSG:32633", "test"));
        tb.add("geom", binding);
        tb.add("v", Double.class);
        SimpleFeatureType t = tb.buildFeatureType();
        List<SimpleFeature> l = new ArrayList<>();
        for (int i = 0; i < v.length; i++) l.add(SimpleFeatureBuilder.build(t, new Object[] {geoms.get(i), v[i]}, "f." + i));
        return new ListFeatureCollection(t, l);
    }

    static SimpleFeatureCollection points(double[][] xy, double[] v, double scale) {
        List<Geometry> g = new ArrayList<>();
        for (double[] p : xy) g.add(GF.createPoint(new Coordinate(500000 + (p[0] - 500000) * scale, 5000000 + (p[1] - 5000000) * scale)));
        return layer(Point.class, g, v);
    }

    /** 3 x 3 squares of 1 km from (500000, 5000000), ids by row from the south-west. */
    static SimpleFeatureCollection grid3x3() {
        List<Geometry> g = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                double x = 500000 + c * 1000, y = 5000000 + r * 1000;
                g.add(GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + 1000, y),
                    new Coordinate(x + 1000, y + 1000), new Coordinate(x, y + 1000), new Coordinate(x, y)}));
            }
        }
        return layer(Polygon.class, g, new double[] {10, 8, 2, 9, 7, 1, 3, 2, 0});
    }

    static List<SimpleFeature> result(Map<String, Object> out) {
        return HotSpotsProcessTest.list(out.get("result"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> summary(Map<String, Object> out) {
        return (Map<String, Object>) Json.parse((String) out.get("summary"));
    }

    @Test
    void localMoranTotalVarianceEqualsSpdep() {
        Map<String, Object> in = new HashMap<>(Map.of("areas", grid3x3(), "valueAttribute", "v", "weights", WeightsType.QUEEN,
                "variance", org.crimeanalytics.hotspot.Moran.Variance.TOTAL));
        List<SimpleFeature> f = result(HotSpotsProcessTest.run("ClusterOutlier", in));
        // R spdep localmoran(conditional = FALSE), the values quoted in the issue
        double[] spdep = {3.154549, 1.427640, -0.027116, 1.957486, 0.924512, 1.268686, -0.099427, 0.897794, 1.274474};
        for (int i = 0; i < 9; i++) assertEquals(spdep[i], (Double) f.get(i).getAttribute("LMiZScore"), 1e-6, "feature " + i);
    }

    @Test
    void localMoranConditionalVarianceIsTheDefaultAndEqualsSpdep() {
        Map<String, Object> out = HotSpotsProcessTest.run("ClusterOutlier", Map.of("areas", grid3x3(), "valueAttribute", "v",
                "weights", WeightsType.QUEEN));
        List<SimpleFeature> f = result(out);
        // R spdep localmoran(conditional = TRUE); the centre neighbours all 8 others: no conditional variance
        double[] spdep = {2.5298221, 1.4719054, -0.1859245, 1.8597037, Double.NaN, 1.2745078, -0.6137949, 0.9296223, 1.1614638};
        for (int i = 0; i < 9; i++) {
            Double z = (Double) f.get(i).getAttribute("LMiZScore");
            if (Double.isNaN(spdep[i])) {
                assertNull(z);
                assertEquals(org.crimeanalytics.hotspot.Moran.ALL_OTHERS, f.get(i).getAttribute("LMiNote"));
                assertEquals("", f.get(i).getAttribute("COType"));
            } else {
                assertEquals(spdep[i], z, 1e-6, "feature " + i);
                assertNull(f.get(i).getAttribute("LMiNote"));
            }
        }
        Map<String, Object> s = summary(out);
        assertTrue(((String) s.get("variance")).startsWith("conditional"), s.toString());
        assertEquals(1, ((Number) s.get("features_not_tested")).intValue());
    }

    @Test
    void aFeatureNotTestedGetsNoPseudoPValueEither() {
        Map<String, Object> out = HotSpotsProcessTest.run("ClusterOutlier", Map.of("areas", grid3x3(), "valueAttribute", "v",
                "weights", WeightsType.QUEEN, "permutations", 999));
        SimpleFeature centre = result(out).get(4);
        assertNull(centre.getAttribute("LMiPValue"));
        assertEquals("", centre.getAttribute("COType"));
        assertEquals(org.crimeanalytics.hotspot.Moran.ALL_OTHERS, centre.getAttribute("LMiNote"));
        // the others have one
        for (int i : new int[] {0, 1, 2, 3, 5, 6, 7, 8}) assertTrue(result(out).get(i).getAttribute("LMiPValue") != null);
    }

    static final double[][] KNN5 = {{500000, 5000000}, {500100, 5000000}, {500000, 5000100}, {499900, 5000000}, {505000, 5000000}};
    static final double[] KNN5_V = {8, 1, 2, 3, 10};

    @Test
    void permutationTiesCountAsExtreme() {
        Map<String, Object> out = HotSpotsProcessTest.run("ClusterOutlier", Map.of("areas", points(KNN5, KNN5_V, 1), "valueAttribute", "v",
                "weights", WeightsType.KNN, "neighbours", 3, "permutations", 999));
        SimpleFeature p0 = result(out).get(0);
        // 3 neighbours drawn from 4 other values: 4 equally likely I values, the observed one the smallest
        double p = (Double) p0.getAttribute("LMiPValue");
        assertEquals(0.25, p, 4 * Math.sqrt(0.25 * 0.75 / 999) + 0.001, "pseudo p of point 0");
        assertEquals("", p0.getAttribute("COType"));
        assertTrue(((String) summary(out).get("alternative")).startsWith("folded"));
    }

    static final double[][] ISLAND7 = {{500000, 5000000}, {500040, 5000000}, {500080, 5000000}, {500000, 5000040},
        {500040, 5000040}, {500080, 5000040}, {501380, 5000000}};
    static final double[] ISLAND7_V = {1, 2, 1, 2, 1, 2, 30};

    @Test
    void featureWithoutNeighboursIsNotAHotSpot() {
        Map<String, Object> out = HotSpotsProcessTest.run("HotSpots", Map.of("areas", points(ISLAND7, ISLAND7_V, 1),
                "valueAttribute", "v", "distance", 150.0));
        List<SimpleFeature> f = result(out);
        SimpleFeature far = f.get(6);
        assertEquals(0, far.getAttribute("NNeighbors"));
        assertNull(far.getAttribute("GiZScore"));
        assertNull(far.getAttribute("GiPValue"));
        assertEquals(0, far.getAttribute("Gi_Bin"));
        assertEquals("Not Tested: no neighbours", far.getAttribute("Gi_Text"));
        // the six others: spdep localG with include.self
        for (int i = 0; i < 6; i++) {
            assertEquals(-2.44685527506241, (Double) f.get(i).getAttribute("GiZScore"), 1e-6);
        }
        Map<String, Object> s = summary(out);
        assertEquals(1, ((Number) s.get("features_not_tested")).intValue());
        // the same in ClusterOutlier
        List<SimpleFeature> co = result(HotSpotsProcessTest.run("ClusterOutlier", Map.of("areas", points(ISLAND7, ISLAND7_V, 1),
                "valueAttribute", "v", "weights", WeightsType.FIXED_DISTANCE, "distance", 150.0)));
        assertNull(co.get(6).getAttribute("LMiZScore"));
        assertNull(co.get(6).getAttribute("LMiIndex"));
        assertEquals("no neighbours", co.get(6).getAttribute("LMiNote"));
    }

    static final double[][] IDW8 = {{500000, 5000000}, {500150, 5000020}, {500300, 4999990}, {500080, 5000200},
        {500260, 5000230}, {500500, 5000100}, {500420, 5000330}, {500700, 5000250}};
    static final double[] IDW8_V = {5, 3, 8, 2, 6, 1, 4, 7};

    @Test
    void inverseDistanceResultsDoNotDependOnTheUnit() {
        List<SimpleFeature> m = result(HotSpotsProcessTest.run("HotSpots", Map.of("areas", points(IDW8, IDW8_V, 1),
                "valueAttribute", "v", "weights", WeightsType.INVERSE_DISTANCE, "distance", 400.0)));
        List<SimpleFeature> m10 = result(HotSpotsProcessTest.run("HotSpots", Map.of("areas", points(IDW8, IDW8_V, 10),
                "valueAttribute", "v", "weights", WeightsType.INVERSE_DISTANCE, "distance", 4000.0)));
        // spdep localG with the weights (d_min / d) and the row's largest weight as the self weight
        double[] spdep = org.crimeanalytics.hotspot.SpdepReferenceAccess.gistar("idw8_idw400_local.csv");
        for (int i = 0; i < 8; i++) {
            double z = (Double) m.get(i).getAttribute("GiZScore");
            assertEquals(z, (Double) m10.get(i).getAttribute("GiZScore"), 1e-9, "feature " + i + " x 10");
            assertEquals(spdep[i], z, 1e-6, "feature " + i + " vs spdep");
        }
        // not dominated by the self weight: z differs from the feature's own standardised value
        double mean = 4.5, sd = Math.sqrt(42.0 / 8);
        assertTrue(Math.abs((Double) m.get(0).getAttribute("GiZScore") - (5 - mean) / sd) > 0.1);
    }

    @Test
    void generalGOnNegativeValuesSaysWhyItIsMissing() {
        double[] v = {-1, 2, 3, 4, 5, 6, 7, 8, 9};
        Map<String, Object> s = summary(HotSpotsProcessTest.run("HotSpots", Map.of("areas", HotSpotsProcessTest.lattice(3, 3, v),
                "valueAttribute", "v", "weights", WeightsType.QUEEN)));
        @SuppressWarnings("unchecked")
        Map<String, Object> g = (Map<String, Object>) s.get("general_g");
        assertTrue(((String) g.get("note")).startsWith("not computed: General G needs non-negative values"), g.toString());
        assertTrue(s.containsKey("global_morans_i"));
    }
}
