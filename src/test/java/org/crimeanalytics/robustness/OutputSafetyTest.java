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

    @Test
    void csvCellsThatWouldRunAsFormulasAreNeutralised() throws Exception {
        assertEquals("'=1+2", CsvOut.safe("=1+2"));
        assertEquals("'+1", CsvOut.safe("+1"));
        assertEquals("'-cmd", CsvOut.safe("-cmd"));
        assertEquals("'@SUM(A1)", CsvOut.safe("@SUM(A1)"));
        assertEquals("'\tx", CsvOut.safe("\tx"));
        assertEquals("plain", CsvOut.safe("plain"));
        assertEquals("-3.5", CsvOut.cell(-3.5), "numbers stay numbers");
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName("t");
        tb.setCRS(Crs.wgs84());
        tb.add("geom", Point.class);
        tb.add("offense", String.class);
        SimpleFeatureType t = tb.buildFeatureType();
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
}
