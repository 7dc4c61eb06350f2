package org.crimeanalytics.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class SldTest {

    @Test
    void rulesAreNamedTitledHalfOpenAndEscaped() throws Exception {
        String sld = Sld.document("test", "Test <&> style", null, List.of(
                Sld.category("COType", "HH", "High-High", Sld.Symbol.polygon("#d7191c", 0.8)),
                Sld.range("RATE", null, 2.0, "below 2", Sld.Symbol.polygon("#ffffcc", 0.8)),
                Sld.range("RATE", 2.0, 5.5, "2 to 5.5", Sld.Symbol.polygon("#fd8d3c", 0.8)),
                Sld.range("RATE", 5.5, null, "5.5 and above", Sld.Symbol.polygon("#800026", 0.8)),
                Sld.otherwise("other", "Other \"quoted\"", Sld.Symbol.point("#999999", 6))));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(sld.getBytes(StandardCharsets.UTF_8)));
        String sldNs = "http://www.opengis.net/sld";
        String ogc = "http://www.opengis.net/ogc";
        NodeList rules = d.getElementsByTagNameNS(sldNs, "Rule");
        assertEquals(5, rules.getLength());
        assertEquals("Test <&> style", d.getElementsByTagNameNS(sldNs, "Title").item(0).getTextContent());
        assertEquals(2, d.getElementsByTagNameNS(ogc, "PropertyIsGreaterThanOrEqualTo").getLength());
        assertEquals(2, d.getElementsByTagNameNS(ogc, "PropertyIsLessThan").getLength());
        assertEquals(1, d.getElementsByTagNameNS(ogc, "PropertyIsEqualTo").getLength());
        assertEquals(1, d.getElementsByTagNameNS(sldNs, "ElseFilter").getLength());
        assertTrue(sld.contains("<ogc:Literal>5.5</ogc:Literal>"));
    }

    @Test
    void sequentialPaletteSpreadsOverTheRamp() {
        assertEquals(List.of("#ffffcc", "#fd8d3c", "#800026"), List.of(Palettes.sequential(3)));
        assertEquals(Palettes.SEQUENTIAL.length, Palettes.sequential(9).length);
    }
}
