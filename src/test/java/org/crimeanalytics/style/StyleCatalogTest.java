package org.crimeanalytics.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.junit.jupiter.api.Test;

/** sld-styles/ holds exactly what the code generates; every style is SLD 1.0.0 with named, titled rules. */
class StyleCatalogTest {

    @Test
    void committedFilesEqualTheGeneratedStyles() throws Exception {
        Path dir = Paths.get("sld-styles");
        Map<String, String> gen = StyleCatalog.styles();
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(new TreeSet<>(gen.keySet()), s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sld"))
                    .collect(Collectors.toCollection(TreeSet::new)), "run: java -jar target/crime-analytics.jar styles");
        }
        for (Map.Entry<String, String> e : gen.entrySet()) {
            assertEquals(e.getValue(), Files.readString(dir.resolve(e.getKey()), StandardCharsets.UTF_8), e.getKey() + " is stale");
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(e.getValue().getBytes(StandardCharsets.UTF_8)));
            Element root = d.getDocumentElement();
            assertEquals("StyledLayerDescriptor", root.getLocalName());
            assertEquals("1.0.0", root.getAttribute("version"));
            NodeList rules = d.getElementsByTagNameNS("http://www.opengis.net/sld", "Rule");
            assertTrue(rules.getLength() > 1 || e.getValue().contains("<RasterSymbolizer>"), e.getKey()); // a colour map: one rule
            for (int i = 0; i < rules.getLength(); i++) {
                Element r = (Element) rules.item(i);
                assertEquals(1, r.getElementsByTagNameNS("http://www.opengis.net/sld", "Name").getLength(), e.getKey());
                assertEquals(1, r.getElementsByTagNameNS("http://www.opengis.net/sld", "Title").getLength(), e.getKey());
            }
        }
    }
}
