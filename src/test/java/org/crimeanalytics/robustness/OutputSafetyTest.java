package org.crimeanalytics.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import org.crimeanalytics.geo.Crs;
import org.crimeanalytics.html.MapPage;
import org.crimeanalytics.io.CsvOut;
import org.crimeanalytics.style.Sld;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/** Text from input data cannot become a spreadsheet formula, markup or script in any output. */
class OutputSafetyTest {

    static final String HOSTILE = "=HYPERLINK(\"http://x\")<script>alert(1)</script>&\"'";

    /** Points in lon/lat with an {@code offense} text. */
    static SimpleFeatureType pointsWithOffense() {
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName("t");
        tb.setCRS(Crs.wgs84());
        tb.add("geom", Point.class);
        tb.add("offense", String.class);
        return tb.buildFeatureType();
    }

    @Test
    void csvCellsThatWouldRunAsFormulasAreNeutralised() throws Exception {
        assertEquals("'=1+2", CsvOut.safe("=1+2"));
        assertEquals("'+1", CsvOut.safe("+1"));
        assertEquals("'-cmd", CsvOut.safe("-cmd"));
        assertEquals("'@SUM(A1)", CsvOut.safe("@SUM(A1)"));
        assertEquals("'\tx", CsvOut.safe("\tx"));
        assertEquals("plain", CsvOut.safe("plain"));
        assertEquals("-3.5", CsvOut.cell(-3.5), "numbers stay numbers");
        SimpleFeatureType t = pointsWithOffense();
        var fc = new ListFeatureCollection(t, List.of(SimpleFeatureBuilder.build(t,
                new Object[] {new GeometryFactory().createPoint(new Coordinate(1, 2)), HOSTILE}, "t.1")));
        StringWriter w = new StringWriter();
        CsvOut.write(fc, w);
        assertTrue(w.toString().contains("\"'=HYPERLINK"), w.toString());
        StringWriter html = new StringWriter();
        MapPage page = new MapPage();
        page.addLayer("layer " + HOSTILE, fc, null, null);
        page.write(html, "title " + HOSTILE);
        assertFalse(html.toString().contains("<script>alert"), "no markup from data in the page");
        assertFalse(html.toString().contains("</script>&"), "nothing from the data closes a script element");
        assertTrue(html.toString().contains("&lt;script&gt;"), "the title is escaped");
        assertTrue(html.toString().contains("\\u003cscript>alert(1)\\u003c\\/script>&"), "the layer data is escaped JSON");
        String sld = Sld.document("s", HOSTILE, HOSTILE, List.of(Sld.category("a", HOSTILE, HOSTILE, Sld.Symbol.point("#000000", 3))));
        assertFalse(sld.contains("<script>"));
    }

    @Test
    void textNoUtf8CanEncodeIsWrittenAsAnEscapeInGeoJsonAndAsTheReplacementCharacterInCsv() throws Exception {
        // a lone surrogate (a JSON input's escape of half a pair): a Writer refused it; the byte writers keep every other
        // character, the pair of an emoji included, and write one file per format that any UTF-8 reader reads
        String lone = "a\ud800b \ud83d\ude00 c\udc00";
        SimpleFeatureType t = pointsWithOffense();
        java.util.List<org.geotools.api.feature.simple.SimpleFeature> fs = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) { // more than one 64 KB chunk
            fs.add(SimpleFeatureBuilder.build(t, new Object[] {new GeometryFactory().createPoint(new Coordinate(1, 2)),
                i == 4000 ? lone : "THEFT " + i}, "t." + i));
        }
        var fc = new ListFeatureCollection(t, fs);
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        CsvOut.write(fc, csv);
        StringWriter w = new StringWriter();
        CsvOut.write(fc, w);
        String expected = w.toString();
        assertTrue(expected.contains("a\ufffdb \ud83d\ude00 c\ufffd"), "the replacement character, the emoji kept");
        assertEquals(expected, csv.toString(java.nio.charset.StandardCharsets.UTF_8));
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8), csv.toByteArray());
        java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
        org.crimeanalytics.geo.GeoJson.write(fc, json);
        String text = json.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("\"a\\ud800b \ud83d\ude00 c\\udc00\""), "the lone halves escaped, the pair as UTF-8");
        // read back: the same String
        var back = org.crimeanalytics.geo.GeoJson.read(text, "t");
        try (var it = back.features()) {
            for (int i = 0; it.hasNext(); i++) {
                var f = it.next();
                if (i == 4000) assertEquals(lone, f.getAttribute("offense"));
            }
        }
    }
}
