package org.crimeanalytics.hotspot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.crimeanalytics.TestData;
import org.crimeanalytics.areas.EmpiricalBayes;
import org.crimeanalytics.geo.GeoJson;
import org.crimeanalytics.stats.Alternative;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.geometry.jts.JTS;
import org.geotools.referencing.CRS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Every statistic against R spdep 1.2.7, from the files {@code src/test/r/spdep_reference.R} wrote:
 * local Gi and Gi* ({@code localG}), local Moran with both variances ({@code localmoran}), global
 * Moran under randomisation and normality ({@code moran.test}), General G ({@code globalG.test}),
 * global and spatial Empirical Bayes rates ({@code EBest}, {@code EBlocal(geoda = TRUE)}: the local
 * variance around the focal area's local mean, as Marshall 1991 and GeoDa; spdep's default takes each
 * neighbour's own local mean there); weights queen, rook,
 * KNN, distance band and inverse distance; hand cases and the 791 Chicago tracts. Differences are
 * allowed up to 1e-6 x |reference| + 1e-13; the largest difference per statistic is printed.
 *
 * <p>Where the project deliberately differs from spdep: a feature without neighbours gets no statistic
 * (spdep gives Gi* its standardised value and local Moran 0), and a feature whose neighbourhood is
 * every other feature has no conditional variance (spdep: -Inf or NaN).
 */
class SpdepReferenceTest {

    static final double TOL = 1e-6;
    static final Map<String, Double> MAX_DIFF = new TreeMap<>();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("grid3x3", "queen", SpatialWeights.Kind.QUEEN),
                Arguments.of("grid3x3", "rook", SpatialWeights.Kind.ROOK),
                Arguments.of("knn5", "knn3", SpatialWeights.Kind.KNN),
                Arguments.of("island7", "band150", SpatialWeights.Kind.DISTANCE_BAND),
                Arguments.of("idw8", "band400", SpatialWeights.Kind.DISTANCE_BAND),
                Arguments.of("idw8", "idw400", SpatialWeights.Kind.INVERSE_DISTANCE),
                Arguments.of("lattice10", "queen", SpatialWeights.Kind.QUEEN),
                Arguments.of("tracts", "queen", SpatialWeights.Kind.QUEEN),
                Arguments.of("tracts", "rook", SpatialWeights.Kind.ROOK),
                Arguments.of("tracts", "knn6", SpatialWeights.Kind.KNN),
                Arguments.of("tracts", "band2739", SpatialWeights.Kind.DISTANCE_BAND),
                Arguments.of("tracts", "idw2739", SpatialWeights.Kind.INVERSE_DISTANCE));
    }

    /** The project's own weights for a case, built from the reference points (contiguity: from R's lists). */
    static SpatialWeights ours(String data, String wname, SpatialWeights.Kind kind, double[] x, double[] y) {
        return switch (kind) {
            case KNN -> SpatialWeights.knn(x, y, Integer.parseInt(wname.substring(3)));
            case DISTANCE_BAND -> SpatialWeights.distanceBand(x, y, Double.parseDouble(wname.substring(4)));
            case INVERSE_DISTANCE -> SpatialWeights.inverseDistance(x, y, Double.parseDouble(wname.substring(3)), 1);
            default -> SpdepReference.weights(data + "_" + wname + "_nb.csv", x.length, kind);
        };
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void statisticsEqualSpdep(String data, String wname, SpatialWeights.Kind kind) {
        SpdepReference.Table pts = SpdepReference.read(data + "_points.csv");
        double[] x = pts.doubles("x"), y = pts.doubles("y"), v = pts.doubles("value");
        int n = v.length;
        SpdepReference.Table local = SpdepReference.read(data + "_" + wname + "_local.csv");
        SpatialWeights w = ours(data, wname, kind, x, y);
        // the weights: the same neighbours as spdep (and the same weights where spdep's lists are written)
        double[] nn = local.doubles("nn");
        for (int i = 0; i < n; i++) assertEquals((int) nn[i], w.neighbours(i).length, data + " " + wname + ": neighbours of " + i);
        String nbFile = data + "_" + wname + "_nb.csv";
        if (SpdepReference.exists(nbFile)) {
            SpatialWeights r = SpdepReference.weights(nbFile, n, kind);
            for (int i = 0; i < n; i++) {
                assertArrayEquals(r.neighbours(i), w.neighbours(i), data + " " + wname + ": neighbour list of " + i);
                for (int k = 0; k < r.weights(i).length; k++) {
                    assertEquals(r.weights(i)[k], w.weights(i)[k], 1e-12, "weight " + i + "," + r.neighbours(i)[k]);
                }
            }
        }
        String tag = data + " " + wname;
        GetisOrd.Local gi = GetisOrd.local(v, w, false);
        GetisOrd.Local gs = GetisOrd.local(v, w, true);
        SpatialWeights rw = w.rowStandardised();
        Moran.Local lt = Moran.local(v, rw, Moran.Variance.TOTAL, Alternative.TWO_SIDED, 0, 1, null);
        Moran.Local lc = Moran.local(v, rw, Moran.Variance.CONDITIONAL, Alternative.TWO_SIDED, 0, 1, null);
        double[] rgi = local.doubles("gi_z"), rgs = local.doubles("gistar_z"), rI = local.doubles("lmi_I");
        double[] rEt = local.doubles("lmi_E_total"), rVt = local.doubles("lmi_V_total"), rZt = local.doubles("lmi_z_total");
        double[] rEc = local.doubles("lmi_E_cond"), rVc = local.doubles("lmi_V_cond"), rZc = local.doubles("lmi_z_cond");
        for (int i = 0; i < n; i++) {
            if (nn[i] == 0) { // the project does not test features without neighbours
                for (double d : new double[] {gi.z()[i], gs.z()[i], lt.index()[i], lt.z()[i], lc.z()[i]}) assertTrue(Double.isNaN(d));
                assertEquals(Moran.NO_NEIGHBOURS, gs.note()[i]);
                assertEquals(Moran.NO_NEIGHBOURS, lc.note()[i]);
                continue;
            }
            check(tag, "Gi z (localG)", rgi[i], gi.z()[i]);
            check(tag, "Gi* z (localG, include.self)", rgs[i], gs.z()[i]);
            check(tag, "local Moran I", rI[i], lt.index()[i]);
            check(tag, "local Moran E total", rEt[i], lt.expected()[i]);
            check(tag, "local Moran Var total", rVt[i], lt.variance()[i]);
            check(tag, "local Moran z total", rZt[i], lt.z()[i]);
            check(tag, "local Moran E conditional", rEc[i], lc.expected()[i]);
            if (Double.isFinite(rZc[i])) {
                check(tag, "local Moran Var conditional", rVc[i], lc.variance()[i]);
                check(tag, "local Moran z conditional", rZc[i], lc.z()[i]);
                assertNull(lc.note()[i]);
            } else { // spdep: -Inf / NaN from a zero variance
                assertTrue(Double.isNaN(lc.z()[i]), tag + " feature " + i);
                assertTrue(lc.note()[i] != null, tag + " feature " + i + " has a note");
            }
        }
        Map<String, Double> g = SpdepReference.read(data + "_" + wname + "_global.csv").asMap();
        Moran.Global mg = Moran.global(v, rw);
        check(tag, "Moran I", g.get("moran_I"), mg.i());
        check(tag, "Moran E", g.get("moran_E"), mg.expected());
        check(tag, "Moran Var randomisation", g.get("moran_V_rand"), mg.varRand());
        check(tag, "Moran Var normality", g.get("moran_V_norm"), mg.varNorm());
        boolean complete = data.equals("island7"); // its six linked features are all linked: variances identically 0
        if (!complete) {
            check(tag, "Moran z randomisation", g.get("moran_z_rand"), mg.zRand());
            check(tag, "Moran p randomisation", g.get("moran_p_rand"), mg.pRandTwoTailed());
        } else {
            assertTrue(Double.isNaN(mg.zRand()));
        }
        if (!complete) {
            check(tag, "Moran z normality", g.get("moran_z_norm"), mg.zNorm());
            check(tag, "Moran p normality", g.get("moran_p_norm"), mg.pNormTwoTailed());
        } else { // a variance that is 0 up to rounding: spdep divides by it, the project gives no z
            assertTrue(Double.isNaN(mg.zNorm()), tag + ": Moran z normality from a zero variance");
        }
        GetisOrd.Global gg = GetisOrd.general(v, w.binary());
        check(tag, "General G", g.get("G"), gg.g());
        check(tag, "General G E", g.get("G_E"), gg.expected());
        check(tag, "General G Var", g.get("G_V"), gg.variance());
        check(tag, "General G z", g.get("G_z"), gg.z());
        check(tag, "General G p", g.get("G_p"), gg.pTwoTailed());
    }

    @Test
    void empiricalBayesRatesEqualSpdep() {
        SpdepReference.Table eb = SpdepReference.read("tracts_eb.csv");
        double[] c = eb.doubles("count"), p = eb.doubles("population");
        double[] global = EmpiricalBayes.global(c, p);
        SpatialWeights q = SpdepReference.weights("tracts_queen_nb.csv", c.length, SpatialWeights.Kind.QUEEN);
        int[][] nb = new int[c.length][];
        for (int i = 0; i < nb.length; i++) nb[i] = q.neighbours(i);
        double[] spatial = EmpiricalBayes.spatial(c, p, nb);
        double[] rg = eb.doubles("eb_global"), rs = eb.doubles("eb_spatial_queen_geoda"), raw = eb.doubles("raw");
        for (int i = 0; i < c.length; i++) {
            check("tracts queen", "raw rate", raw[i], c[i] / p[i]);
            check("tracts", "EB global rate (EBest)", rg[i], global[i]);
            check("tracts queen", "EB spatial rate (EBlocal, geoda = TRUE)", rs[i], spatial[i]);
        }
    }

    /** Queen and rook contiguity built by the project from the tract polygons equal spdep's poly2nb. */
    @Test
    void tractContiguityEqualsPoly2nb() throws Exception {
        SimpleFeatureCollection fc = GeoJson.read(TestData.shared("chicago/tracts_sdoh.geojson"));
        List<String> ids = List.of(SpdepReference.read("tracts_points.csv").strings("id"));
        Geometry[] polys = new Geometry[ids.size()];
        var t = CRS.findMathTransform(CRS.decode("EPSG:4326", true), CRS.decode("EPSG:26916"));
        try (SimpleFeatureIterator it = fc.features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                String id = String.valueOf(((Number) f.getAttribute("geoid10")).longValue());
                polys[ids.indexOf(id)] = JTS.transform((Geometry) f.getDefaultGeometry(), t);
            }
        }
        for (boolean queen : new boolean[] {true, false}) {
            SpatialWeights ours = Contiguity.build(polys, queen);
            SpatialWeights r = SpdepReference.weights("tracts_" + (queen ? "queen" : "rook") + "_nb.csv", polys.length,
                    SpatialWeights.Kind.QUEEN);
            for (int i = 0; i < polys.length; i++) {
                assertArrayEquals(r.neighbours(i), ours.neighbours(i), (queen ? "queen" : "rook") + " neighbours of tract " + ids.get(i));
            }
        }
    }

    /** The 3 x 3 squares: contiguity built by the project equals poly2nb. */
    @Test
    void gridContiguityEqualsPoly2nb() {
        SpdepReference.Table pts = SpdepReference.read("grid3x3_points.csv");
        double[] x = pts.doubles("x"), y = pts.doubles("y");
        GeometryFactory gf = new GeometryFactory();
        Geometry[] sq = new Geometry[x.length];
        for (int i = 0; i < x.length; i++) {
            double x0 = x[i] - 500, y0 = y[i] - 500;
            sq[i] = gf.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x0 + 1000, y0),
                new Coordinate(x0 + 1000, y0 + 1000), new Coordinate(x0, y0 + 1000), new Coordinate(x0, y0)});
        }
        for (String k : new String[] {"queen", "rook"}) {
            SpatialWeights ours = Contiguity.build(sq, k.equals("queen"));
            SpatialWeights r = SpdepReference.weights("grid3x3_" + k + "_nb.csv", x.length, SpatialWeights.Kind.QUEEN);
            for (int i = 0; i < x.length; i++) assertArrayEquals(r.neighbours(i), ours.neighbours(i), k + " " + i);
        }
    }

    static void check(String tag, String stat, double expected, double actual) {
        if (!Double.isFinite(expected)) { // spdep: 0/0 from a zero variance; the project: NaN (and a note)
            assertTrue(Double.isNaN(actual), tag + ": " + stat + " expected no value, was " + actual);
            return;
        }
        double d = Math.abs(expected - actual);
        // relative to the value (small variances and p-values included), with an absolute floor at rounding level
        assertTrue(d <= TOL * Math.abs(expected) + 1e-13, tag + ": " + stat + " expected " + expected + ", was " + actual);
        MAX_DIFF.merge(stat, d, Math::max);
    }

    @AfterAll
    static void report() {
        System.out.println("Largest absolute difference from R spdep per statistic:");
        MAX_DIFF.forEach((k, v) -> System.out.printf("  %-40s %.3g%n", k, v));
    }
}
