package org.crimeanalytics.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.crimeanalytics.json.Json;
import org.crimeanalytics.process.ProcessCatalogTestAccess;
import org.crimeanalytics.style.Palettes;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.feature.NameImpl;
import org.geotools.process.Processors;
import org.junit.jupiter.api.Test;

/** The map page without a browser: Leaflet inlined, every feature with the colour of its SLD class, no network. */
class MapPageTest {

    @Test
    void everyCellCarriesItsGiBinColourAndLeafletIsInlined() throws Exception {
        Map<String, Object> out = Processors.createProcess(new NameImpl("crime", "HotSpots")).execute(ProcessCatalogTestAccess.sample("HotSpots"), null);
        SimpleFeatureCollection fc = (SimpleFeatureCollection) out.get("result");
        MapPage page = new MapPage();
        page.addLayer("hot spots", fc, (String) out.get("style"), null);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) Json.parse(page.data());
        @SuppressWarnings("unchecked")
        Map<String, Object> layer = ((List<Map<String, Object>>) data.get("layers")).get(0);
        List<?> columns = (List<?>) layer.get("columns");
        List<?> legend = (List<?>) layer.get("legend");
        List<?> rows = (List<?>) layer.get("features");
        assertEquals(fc.size(), rows.size());
        assertEquals(8, legend.size(), "seven Gi_Bin classes and the colour of features no rule matches");
        int bin = columns.indexOf("Gi_Bin");
        for (Object r : rows) {
            List<?> row = (List<?>) r;
            int b = ((Number) ((List<?>) row.get(2)).get(bin)).intValue();
            String colour = (String) ((List<?>) legend.get(((Number) row.get(1)).intValue())).get(1);
            assertEquals(Palettes.HOT_COLD[b + 3], colour, "cell with Gi_Bin " + b);
        }
        StringWriter w = new StringWriter();
        page.write(w, "t");
        String html = w.toString();
        assertTrue(html.contains("Leaflet 1.9.4"), "Leaflet is inlined");
        assertFalse(html.contains("<link"), "no stylesheet from elsewhere: the CSS is inlined");
        assertFalse(html.contains("<script src"), "no external script");
    }
}
