package org.crimeanalytics.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.crimeanalytics.process.CrimeProcessFactory;
import org.crimeanalytics.process.ProcessCatalogTestAccess;
import org.crimeanalytics.xml.OgcSchemas;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.filter.Filter;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.feature.NameImpl;
import org.geotools.filter.FilterDOMParser;
import org.geotools.process.Processors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every style we ship or return validates against the official OGC SLD 1.0.0 schema (the transformation styles
 * against GeoServer's SLD schema, which adds {@code <Transformation>}), and every rule filter parses with GeoTools'
 * own filter DOM parser (the one its SLD parser calls). On real process results, each feature falls in exactly
 * one rule: the classes are half-open and leave no gaps.
 */
class SldValidityTest {

    static final String SLD = "http://www.opengis.net/sld", OGC = "http://www.opengis.net/ogc";

    @Test
    void everyShippedStyleValidatesAgainstTheSld100Schema() throws Exception {
        Map<String, String> styles = new TreeMap<>(StyleCatalog.styles());
        assertEquals(18, styles.size());
        for (Map.Entry<String, String> e : styles.entrySet()) {
            boolean transformation = e.getValue().contains("<Transformation>");
            String schema = transformation ? OgcSchemas.SLD_1_0_0_GEOSERVER : OgcSchemas.SLD_1_0_0;
            assertEquals(List.of(), OgcSchemas.errors(schema, e.getValue()), e.getKey());
            if (!transformation) {
                assertEquals(List.of(), OgcSchemas.errors(OgcSchemas.SLD_1_0_0_GEOSERVER, e.getValue()), e.getKey() + " (GeoServer schema)");
            }
            for (Element rule : rules(e.getValue())) {
                filter(rule); // parses, or fails naming the rule
            }
        }
    }

    @Test
    void theSchemaCatchesWhatGeoServerWouldReject() throws Exception {
        String good = StyleCatalog.styles().get("crime_hotspots.sld");
        assertTrue(OgcSchemas.errors(OgcSchemas.SLD_1_0_0, good).isEmpty());
        // a Title before the Name of a rule is out of order in SLD 1.0.0
        String swapped = good.replaceFirst("(<Name>[^<]*</Name>)(\\s*)(<Title>[^<]*</Title>)", "$3$2$1");
        assertTrue(!OgcSchemas.errors(OgcSchemas.SLD_1_0_0, swapped).isEmpty(), "swapped Name/Title must not validate");
        // a Transformation is not OGC SLD 1.0.0
        String transformation = StyleCatalog.styles().get("crime_transformation_hotspots.sld");
        assertTrue(!OgcSchemas.errors(OgcSchemas.SLD_1_0_0, transformation).isEmpty());
    }

    @Test
    void everyProcessStyleValidatesAndClassifiesEachResultFeatureOnce() throws Exception {
        int processes = 0;
        for (String name : new TreeMap<>(new CrimeProcessFactory().getNames().stream()
                .collect(java.util.stream.Collectors.toMap(n -> n.getLocalPart(), n -> n))).keySet()) {
            Map<String, Object> out = Processors.createProcess(new NameImpl("crime", name)).execute(ProcessCatalogTestAccess.sample(name), null);
            Object style = out.get("style");
            if (style == null) continue;
            processes++;
            String sld = (String) style;
            assertEquals(List.of(), OgcSchemas.errors(OgcSchemas.SLD_1_0_0, sld), "crime:" + name + " style");
            SimpleFeatureCollection fc = out.values().stream().filter(v -> v instanceof SimpleFeatureCollection)
                    .map(v -> (SimpleFeatureCollection) v).findFirst().orElseThrow();
            List<Element> rules = rules(sld);
            List<Filter> filters = new ArrayList<>();
            List<Boolean> isElse = new ArrayList<>();
            for (Element r : rules) {
                filters.add(filter(r));
                isElse.add(r.getElementsByTagNameNS(SLD, "ElseFilter").getLength() > 0);
            }
            int features = 0;
            try (var it = fc.features()) {
                while (it.hasNext()) {
                    SimpleFeature f = it.next();
                    int matched = 0;
                    for (int i = 0; i < filters.size(); i++) {
                        if (!isElse.get(i) && filters.get(i).evaluate(f)) matched++;
                    }
                    if (matched == 0 && isElse.contains(true)) matched = 1;
                    if (matched != 1) fail("crime:" + name + ": feature " + f.getID() + " " + f.getAttributes() + " matches " + matched + " rules");
                    features++;
                }
            }
            assertTrue(features > 0, name);
        }
        assertTrue(processes >= 11, "processes returning a style: " + processes);
    }

    static List<Element> rules(String sld) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(sld.getBytes(StandardCharsets.UTF_8)));
        NodeList nl = d.getElementsByTagNameNS(SLD, "Rule");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nl.getLength(); i++) out.add((Element) nl.item(i));
        return out;
    }

    /** The rule's ogc:Filter through GeoTools' FilterDOMParser; INCLUDE when the rule has none. */
    static Filter filter(Element rule) {
        NodeList fl = rule.getElementsByTagNameNS(OGC, "Filter");
        String name = rule.getElementsByTagNameNS(SLD, "Name").item(0).getTextContent();
        if (fl.getLength() == 0) return Filter.INCLUDE;
        Node child = fl.item(0).getFirstChild();
        while (child != null && child.getNodeType() != Node.ELEMENT_NODE) child = child.getNextSibling();
        Filter parsed = FilterDOMParser.parseFilter(child);
        if (parsed == null) fail("rule " + name + ": GeoTools cannot parse its filter");
        return parsed;
    }
}
