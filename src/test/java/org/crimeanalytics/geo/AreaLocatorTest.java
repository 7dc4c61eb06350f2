package org.crimeanalytics.geo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** Locating all incidents at once gives what locating them one by one gives. */
class AreaLocatorTest {

    @Test
    void allAtOnceEqualsOneByOneWithCentroidsMissingGeometriesAndAnotherCrs() throws Exception {
        // two squares of 1 km in UTM 16N sharing an edge; incidents in lon/lat around and on them
        WKTReader r = new WKTReader();
        List<Geometry> squares = List.of(r.read("POLYGON ((440000 4630000, 441000 4630000, 441000 4631000, 440000 4631000, 440000 4630000))"),
                r.read("POLYGON ((441000 4630000, 442000 4630000, 442000 4631000, 441000 4631000, 441000 4630000))"));
        org.geotools.api.referencing.crs.CoordinateReferenceSystem utm = Crs.autoUtm(-87.7, 41.8);
        AreaLocator locator = new AreaLocator(squares, utm, Crs.wgs84(), "incidents");
        org.geotools.api.referencing.operation.MathTransform back = Crs.transform(utm, Crs.wgs84(), "test");
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName("inc");
        tb.setCRS(Crs.wgs84());
        tb.add("geom", Geometry.class);
        SimpleFeatureType type = tb.buildFeatureType();
        List<SimpleFeature> fs = new ArrayList<>();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(9);
        for (int i = 0; i < 3_000; i++) {
            double[] p = {439_500 + 3_000 * rnd.nextDouble(), 4_629_500 + 2_000 * rnd.nextDouble()};
            if (i % 10 == 0) p = fs.isEmpty() ? p : new double[] {441_000, 4_630_500}; // on the shared edge, repeated
            back.transform(p, 0, p, 0, 1);
            String wkt = i % 97 == 5 ? null : i % 13 == 0 ? "LINESTRING (" + p[0] + " " + p[1] + ", " + (p[0] + 0.001) + " " + p[1] + ")"
                    : "POINT (" + p[0] + " " + p[1] + ")";
            fs.add(SimpleFeatureBuilder.build(type, new Object[] {wkt == null ? null : r.read(wkt)}, "inc." + i));
        }
        int[] oneByOne = new int[fs.size()];
        int inside = 0, none = 0, outside = 0;
        for (int i = 0; i < fs.size(); i++) {
            oneByOne[i] = locator.locate(fs.get(i));
            if (oneByOne[i] >= 0) inside++;
            else if (oneByOne[i] == AreaLocator.NO_GEOMETRY) none++;
            else outside++;
        }
        assertEquals(31, none);
        org.junit.jupiter.api.Assertions.assertTrue(inside > 500 && outside > 500, inside + " inside, " + outside + " outside");
        assertArrayEquals(oneByOne, locator.locateAll(new ListFeatureCollection(type, fs), null));
    }

    @Test
    void anIncidentTableIsLocatedFromItsColumnsAsItsFeaturesAre() throws Exception {
        org.crimeanalytics.ingest.IncidentIngest.Result res;
        try (java.io.InputStream in = org.crimeanalytics.io.Inputs.open(org.crimeanalytics.TestData.testData("chicago_2017_01.csv.gz"), null)) {
            res = org.crimeanalytics.process.ImportIncidentsProcess.ingest(in, "jan",
                    org.crimeanalytics.process.ImportIncidentsProcess.options(null, null, null, null, null, null), null, null, -1);
        }
        IncidentCollection table = new IncidentCollection(res.table());
        List<SimpleFeature> fs = new ArrayList<>();
        try (org.geotools.data.simple.SimpleFeatureIterator it = table.features()) {
            while (it.hasNext()) fs.add(it.next());
        }
        org.geotools.data.simple.SimpleFeatureCollection areas = GeoJson.read(org.crimeanalytics.TestData.testData("chicago_community_areas.geojson"));
        List<Geometry> polys = new ArrayList<>();
        try (org.geotools.data.simple.SimpleFeatureIterator it = areas.features()) {
            while (it.hasNext()) polys.add((Geometry) it.next().getDefaultGeometry());
        }
        AreaLocator locator = new AreaLocator(polys, areas.getSchema().getCoordinateReferenceSystem(), table.getSchema().getCoordinateReferenceSystem(),
                "incidents");
        int[] fromTable = locator.locateAll(table, null);
        assertArrayEquals(locator.locateAll(new ListFeatureCollection(table.getSchema(), fs), null), fromTable);
        assertEquals(fs.size(), fromTable.length);
        org.junit.jupiter.api.Assertions.assertTrue(java.util.Arrays.stream(fromTable).filter(a -> a >= 0).count() > fs.size() * 0.99);
    }
}
