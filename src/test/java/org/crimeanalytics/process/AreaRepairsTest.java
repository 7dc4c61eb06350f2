package org.crimeanalytics.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crimeanalytics.geo.Crs;
import org.crimeanalytics.json.Json;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.WKTReader;

/**
 * An area whose parts lie one inside the other (Chicago's community area 10 in the city's own file) is invalid: the
 * incidents in the inner part were left out (1,106 counted where PostGIS counts 1,108). It is repaired as PostGIS
 * ST_MakeValid repairs it, said in the summary, and every incident in it is counted.
 */
class AreaRepairsTest {

    @Test
    void aNestedPartIsRepairedAndItsIncidentsCounted() throws Exception {
        Geometry nested = new WKTReader().read("MULTIPOLYGON (((500000 5000000, 501000 5000000, 501000 5001000, 500000 5001000, "
                + "500000 5000000)), ((500400 5000400, 500600 5000400, 500600 5000600, 500400 5000600, 500400 5000400)))");
        assertFalse(nested.isValid());
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName("areas");
        tb.setCRS(Crs.decode("EPSG:32633", "test"));
        tb.add("geom", MultiPolygon.class);
        tb.add("name", String.class);
        SimpleFeatureType t = tb.buildFeatureType();
        SimpleFeature area = SimpleFeatureBuilder.build(t, new Object[] {nested, "ten"}, "areas.10");
        double[][] xy = {{500100, 5000100}, {500500, 5000500}, {500550, 5000450}, {500900, 5000900}}; // two in the inner part
        Map<String, Object> out = HotSpotsProcessTest.run("AggregateToAreas", Map.of("incidents",
                KernelDensityProcessTest.points(xy, null, null), "areas", new ListFeatureCollection(t, List.of(area))));
        SimpleFeature f = HotSpotsProcessTest.list(out.get("result")).get(0);
        assertEquals(4, ((Number) f.getAttribute("CRIME_COUNT")).intValue());
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) Json.parse((String) out.get("summary"));
        assertEquals(1L, s.get("areas_repaired"));
        assertEquals(List.of("areas.10"), s.get("first_repaired"));
        assertEquals(0L, s.get("incidents_outside_every_area"));
    }
}
