package org.crimeanalytics.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.crimeanalytics.geo.Crs;
import org.crimeanalytics.json.Json;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.process.ProcessException;
import org.junit.jupiter.api.Test;

/**
 * Distances, cell sizes and bandwidths are metres whatever the working CRS (issue #19, fault 2: with a state
 * plane in US survey feet, 500 "m" cells were 500 ft): the LAPD sample in California zone 5 (EPSG:2229, ftUS)
 * gives the grid and densities it gives in UTM 11N (EPSG:32611, metres).
 */
class CrsUnitsTest {

    @SuppressWarnings("unchecked")
    static Map<String, Object> summary(Map<String, Object> out) {
        return (Map<String, Object>) Json.parse((String) out.get("summary"));
    }

    @Test
    void hotSpotCellsAreMetresInAFeetCrs() {
        Map<String, Object> metres = HotSpotsProcessTest.run("HotSpots", Map.of("incidents", ProcessCatalogTest.lapdIncidents(),
                "cellSize", 1000.0, "cellShape", "SQUARE", "distance", 2500.0, "crs", Crs.decode("EPSG:32611", "test")));
        Map<String, Object> feet = HotSpotsProcessTest.run("HotSpots", Map.of("incidents", ProcessCatalogTest.lapdIncidents(),
                "cellSize", 1000.0, "cellShape", "SQUARE", "distance", 2500.0, "crs", Crs.decode("EPSG:2229", "test")));
        int m = ((Number) summary(metres).get("cells")).intValue(), f = ((Number) summary(feet).get("cells")).intValue();
        // the two grids are anchored differently, so the counts differ a little; 1,000 ft cells would give ~10.8 x as many
        assertTrue(Math.abs(f - m) < 0.05 * m, "cells in metres " + m + ", in the feet CRS " + f);
        Map<?, ?> w = (Map<?, ?>) summary(feet).get("weights");
        assertEquals(2500.0, ((Number) w.get("distance_band_m")).doubleValue(), 0);
    }

    @Test
    void densityIsPerSquareKilometreInAFeetCrs() {
        Map<String, Object> metres = HotSpotsProcessTest.run("KernelDensity", Map.of("incidents", ProcessCatalogTest.lapdIncidents(),
                "bandwidth", 1500.0, "cellSize", 250.0, "crs", Crs.decode("EPSG:32611", "test")));
        Map<String, Object> feet = HotSpotsProcessTest.run("KernelDensity", Map.of("incidents", ProcessCatalogTest.lapdIncidents(),
                "bandwidth", 1500.0, "cellSize", 250.0, "crs", Crs.decode("EPSG:2229", "test")));
        double pm = ((Number) ((Map<?, ?>) summary(metres).get("kde")).get("max_per_km2")).doubleValue();
        double pf = ((Number) ((Map<?, ?>) summary(feet).get("kde")).get("max_per_km2")).doubleValue();
        assertEquals(pm, pf, 0.03 * pm, "peak density in UTM and in the feet state plane");
        double mass = ((Number) ((Map<?, ?>) summary(feet).get("kde")).get("mass_on_cells")).doubleValue();
        assertEquals(9987, mass, 1);
        // the raster is georeferenced in the CRS's own unit: 250 m cells are 820.2 ftUS wide
        GridCoverage2D r = (GridCoverage2D) feet.get("raster");
        double cellFeet = r.getEnvelope2D().getWidth() / r.getRenderedImage().getWidth();
        assertEquals(250 / 0.3048006096, cellFeet, 1e-6);
    }

    @Test
    void aGeographicCrsIsRefused() {
        ProcessException e = assertThrows(ProcessException.class, () -> HotSpotsProcessTest.run("HotSpots", Map.of(
                "incidents", ProcessCatalogTest.lapdIncidents(), "cellSize", 1000.0, "crs", Crs.decode("EPSG:4326", "test"))));
        assertTrue(e.getMessage().startsWith("crs: EPSG:4326 is not a projected CRS"), e.getMessage());
    }
}
