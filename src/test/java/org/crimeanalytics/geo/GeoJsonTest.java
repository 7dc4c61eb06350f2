package org.crimeanalytics.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.crimeanalytics.TestData;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.WKTReader;

class GeoJsonTest {

    private static List<SimpleFeature> list(SimpleFeatureCollection fc) {
        List<SimpleFeature> l = new ArrayList<>();
        try (SimpleFeatureIterator it = fc.features()) {
            while (it.hasNext()) l.add(it.next());
        }
        return l;
    }

    @Test
    void emptyCollectionAndTypeInference() throws Exception {
        SimpleFeatureCollection empty = GeoJson.read("{\"type\":\"FeatureCollection\",\"features\":[]}", "e");
        assertEquals(0, empty.size());
        String text = "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"id\":\"a\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]],[[0.2,0.1],[0.8,0.1],[0.8,0.7],[0.2,0.1]]]},"
                + "\"properties\":{\"n\":1,\"x\":2,\"s\":\"t\",\"when\":\"2020-01-02T03:04:05\"}},"
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[5,5],[6,5],[6,6],[5,5]]]},"
                + "\"properties\":{\"n\":2,\"x\":2.5,\"s\":null,\"when\":null}}]}";
        SimpleFeatureCollection fc = GeoJson.read(text, "t");
        assertEquals(Long.class, fc.getSchema().getDescriptor("n").getType().getBinding());
        assertEquals(Double.class, fc.getSchema().getDescriptor("x").getType().getBinding());
        assertEquals(Date.class, fc.getSchema().getDescriptor("when").getType().getBinding());
        List<SimpleFeature> fs = list(fc);
        assertEquals("a", fs.get(0).getID());
        assertEquals("t.2", fs.get(1).getID());
        assertEquals(new WKTReader().read("POLYGON ((0 0, 1 0, 1 1, 0 0), (0.2 0.1, 0.8 0.1, 0.8 0.7, 0.2 0.1))"),
                fs.get(0).getDefaultGeometry());
        StringWriter w = new StringWriter();
        GeoJson.write(fc, w);
        assertTrue(w.toString().contains("\"when\":\"2020-01-02T03:04:05\""), w.toString());
        List<SimpleFeature> back = list(GeoJson.read(w.toString(), "t"));
        assertEquals(fs.get(0).getDefaultGeometry(), back.get(0).getDefaultGeometry());
        assertEquals(2.5, back.get(1).getAttribute("x"));
    }

    @Test
    void lapdDivisionsAreReadWithTheirAttributes() throws Exception {
        SimpleFeatureCollection fc = GeoJson.read(TestData.testData("lapd_divisions.geojson"));
        assertEquals(21, fc.size());
        assertEquals(MultiPolygon.class, fc.getSchema().getGeometryDescriptor().getType().getBinding());
        assertTrue(Crs.isLonLatWgs84(fc.getSchema().getCoordinateReferenceSystem()));
        long precSum = 0;
        for (SimpleFeature f : list(fc)) precSum += (Long) f.getAttribute("PREC");
        assertEquals(21 * 22 / 2, precSum); // PREC runs 1..21
    }

    @Test
    void isoFloatingWritesTheSecondsAlways() {
        assertEquals("2018-01-01T12:00:00", GeoJson.isoFloating(java.time.LocalDateTime.parse("2018-01-01T12:00").toInstant(java.time.ZoneOffset.UTC).toEpochMilli()));
        assertEquals("2018-01-01T12:00:07", GeoJson.isoFloating(java.time.LocalDateTime.parse("2018-01-01T12:00:07").toInstant(java.time.ZoneOffset.UTC).toEpochMilli()));
        assertEquals("1969-12-31T23:59:00", GeoJson.isoFloating(-60_000));
        assertEquals("0001-01-01T00:00:00", GeoJson.isoFloating(java.time.LocalDateTime.parse("0001-01-01T00:00").toInstant(java.time.ZoneOffset.UTC).toEpochMilli()));
        // outside four-digit years LocalDateTime's own form is kept
        assertEquals("+10000-01-01T00:00", GeoJson.isoFloating(java.time.LocalDateTime.of(10000, 1, 1, 0, 0).toInstant(java.time.ZoneOffset.UTC).toEpochMilli()));
        assertEquals("-0001-01-01T00:00", GeoJson.isoFloating(java.time.LocalDateTime.of(-1, 1, 1, 0, 0).toInstant(java.time.ZoneOffset.UTC).toEpochMilli()));
    }

    @Test
    void theByteWriterWritesWhatTheCharacterWriterWrites() throws Exception {
        org.geotools.data.simple.SimpleFeatureCollection fc = GeoJson.read(org.crimeanalytics.TestData.testData("lapd_divisions.geojson"));
        java.io.StringWriter w = new java.io.StringWriter();
        GeoJson.write(fc, w);
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        GeoJson.write(fc, b);
        assertEquals(w.toString(), b.toString(java.nio.charset.StandardCharsets.UTF_8));
        org.junit.jupiter.api.Assertions.assertTrue(b.size() > 1 << 17, "several chunks: " + b.size() + " bytes");
    }

    @Test
    void theByteWriterWritesNonAsciiTextAsUtf8AcrossChunks() throws Exception {
        // a non-ASCII value in one feature of many, then in an id, and a property name that is not ASCII
        for (String name : new String[] {"label", "étiquette"}) {
            org.geotools.feature.simple.SimpleFeatureTypeBuilder tb = new org.geotools.feature.simple.SimpleFeatureTypeBuilder();
            tb.setName("t");
            tb.setCRS(Crs.wgs84());
            tb.add("geom", org.locationtech.jts.geom.Point.class);
            tb.add(name, String.class);
            tb.add("n", Double.class);
            org.geotools.api.feature.simple.SimpleFeatureType type = tb.buildFeatureType();
            org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
            List<SimpleFeature> fs = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                String v = i == 1500 ? "caf\u00e9 \ud83d\ude00" : i == 2500 ? "a/b\u2028" : "plain " + i;
                fs.add(org.geotools.feature.simple.SimpleFeatureBuilder.build(type, new Object[] {gf.createPoint(new org.locationtech.jts.geom.Coordinate(
                        -87.6 + i * 1e-5, 41.8)), v, i * 0.5}, i == 2000 ? "f\u00fc" + i : "f" + i));
            }
            SimpleFeatureCollection fc = new org.geotools.data.collection.ListFeatureCollection(type, fs);
            StringWriter w = new StringWriter();
            GeoJson.write(fc, w);
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            GeoJson.write(fc, b);
            org.junit.jupiter.api.Assertions.assertArrayEquals(w.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), b.toByteArray(), name);
            assertTrue(w.toString().contains("caf\u00e9 \ud83d\ude00") && w.toString().contains("a\\/b\\u2028"), name);
        }
    }
}
