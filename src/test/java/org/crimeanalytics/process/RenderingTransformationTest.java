package org.crimeanalytics.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.crimeanalytics.grid.Grid;
import org.crimeanalytics.json.Json;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.process.ProcessException;
import org.geotools.referencing.CRS;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

/**
 * crime:HotSpots and crime:ClusterIncidents as rendering transformations: the map follows the view
 * (outputBBOX/Width/Height), statistics come from the whole layer, and adjacent tiles agree.
 */
class RenderingTransformationTest {

    /** Web Mercator tile bounds (x, y, z) in the XYZ scheme. */
    static ReferencedEnvelope tile(int x, int y, int z, CoordinateReferenceSystem m) {
        double world = 2 * 20037508.342789244, size = world / (1 << z);
        double minX = -20037508.342789244 + x * size, maxY = 20037508.342789244 - y * size;
        return new ReferencedEnvelope(minX, minX + size, maxY - size, maxY, m);
    }

    static Map<String, Object> hot(ReferencedEnvelope bbox, int w, int h, Double cellSize) throws Exception {
        return new HotSpotsProcess().execute(ProcessCatalogTest.lapdIncidents(), null, null, cellSize, Grid.Shape.SQUARE, null, null, null,
                null, null, null, bbox, bbox == null ? null : w, bbox == null ? null : h, null, null); // the working CRS: a TM on the layer
    }

    static Map<String, double[]> cells(Map<String, Object> out) {
        Map<String, double[]> m = new HashMap<>();
        try (var it = ((SimpleFeatureCollection) out.get("result")).features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                m.put(f.getDefaultGeometry().toString(), new double[] {((Number) f.getAttribute("Gi_Bin")).doubleValue(),
                    ((Number) f.getAttribute("GiZScore")).doubleValue(), ((Number) f.getAttribute("JOIN_COUNT")).doubleValue()});
            }
        }
        return m;
    }

    static double cellSize(Map<String, Object> out) {
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) Json.parse((String) out.get("summary"));
        return ((Number) s.get("view_cell_size_m")).doubleValue();
    }

    @Test
    void niceRoundsToOneTwoFiveTimesAPowerOfTen() {
        assertEquals(1, MapView.nice(1), 0);
        assertEquals(1, MapView.nice(1.4), 0);
        assertEquals(2, MapView.nice(1.5), 0);
        assertEquals(5, MapView.nice(3.2), 0);
        assertEquals(5, MapView.nice(7), 0);
        assertEquals(10, MapView.nice(7.5), 0);
        assertEquals(1000, MapView.nice(1223.1), 1e-9);
        assertEquals(0.02, MapView.nice(0.03), 1e-15);
        assertEquals(0, MapView.nice(0), 0);
        assertTrue(Double.isNaN(MapView.nice(Double.NaN)));
    }

    @Test
    void pixelSizeInMetresForProjectedAndGeographicViews() throws Exception {
        MapView merc = MapView.of(new ReferencedEnvelope(0, 25600, 0, 25600, CRS.decode("EPSG:3857")), 256, 256);
        assertEquals(100, merc.metresPerPixel(34), 1e-9);
        MapView geo = MapView.of(new ReferencedEnvelope(-118.3, -118.29, 34, 34.01, org.geotools.referencing.crs.DefaultGeographicCRS.WGS84), 100, 100);
        assertEquals(0.0001 * 111_319.49 * 0.5, geo.metresPerPixel(60), 1e-6);
    }

    @Test
    void adjacentTilesShowTheWholeLayerResultAndAgree() throws Exception {
        CoordinateReferenceSystem m = CRS.decode("EPSG:3857");
        // zoom 12 tiles over central Los Angeles (x 701-702, y 1635): 38.2 m pixels, 32 px -> 1,000 m cells
        ReferencedEnvelope a = tile(701, 1635, 12, m), b = tile(702, 1635, 12, m);
        ReferencedEnvelope both = new ReferencedEnvelope(a.getMinX(), b.getMaxX(), a.getMinY(), a.getMaxY(), m);
        Map<String, Object> ta = hot(a, 256, 256, null), tb = hot(b, 256, 256, null), tab = hot(both, 512, 256, null);
        assertEquals(1000, cellSize(ta), 0);
        assertEquals(1000, cellSize(tb), 0);
        assertEquals(1000, cellSize(tab), 0);
        Map<String, double[]> whole = cells(hot(null, 0, 0, 1000.0));
        Map<String, double[]> ca = cells(ta), cb = cells(tb), cab = cells(tab);
        assertTrue(ca.size() > 10 && cb.size() > 10, ca.size() + " / " + cb.size());
        assertTrue(ca.size() < whole.size() / 2, "a tile returns only the cells in view: " + ca.size() + " of " + whole.size());
        Set<String> shared = new HashSet<>(ca.keySet());
        shared.retainAll(cb.keySet());
        assertTrue(shared.size() >= 5, "cells along the common edge come in both tiles: " + shared.size());
        for (Map<String, double[]> t : java.util.List.of(ca, cb, cab)) {
            for (Map.Entry<String, double[]> e : t.entrySet()) {
                double[] w = whole.get(e.getKey());
                assertTrue(w != null, "every cell of a tile is a cell of the whole-layer grid");
                assertEquals(w[0], e.getValue()[0], 0);
                assertEquals(w[1], e.getValue()[1], 1e-12);
                assertEquals(w[2], e.getValue()[2], 0);
            }
        }
        Set<String> union = new HashSet<>(ca.keySet());
        union.addAll(cb.keySet());
        assertTrue(union.containsAll(cab.keySet()), "the two tiles cover what the 512 px map shows");
    }

    @Test
    void theGridFollowsTheZoomLevel() throws Exception {
        CoordinateReferenceSystem m = CRS.decode("EPSG:3857");
        assertEquals(1000, cellSize(hot(tile(701, 1635, 12, m), 256, 256, null)), 0);
        assertEquals(500, cellSize(hot(tile(1402, 3270, 13, m), 256, 256, null)), 0);
        assertEquals(2000, cellSize(hot(tile(350, 817, 11, m), 256, 256, null)), 0);
        // a given cellSize wins; the view then only selects cells
        Map<String, Object> fixed = hot(tile(701, 1635, 12, m), 256, 256, 2000.0);
        assertEquals(2000, cellSize(fixed), 0);
    }

    @Test
    void anIncompleteViewIsRefusedNamingTheParameter() throws Exception {
        ReferencedEnvelope v = tile(701, 1635, 12, CRS.decode("EPSG:3857"));
        ProcessException e = assertThrows(ProcessException.class, () -> hot(v, 0, 256, null));
        assertTrue(e.getMessage().startsWith("outputWidth:"), e.getMessage());
        e = assertThrows(ProcessException.class, () -> new HotSpotsProcess().execute(ProcessCatalogTest.lapdIncidents(), null, null, null,
                null, null, null, null, null, null, null, null, 256, 256, null, null));
        assertTrue(e.getMessage().startsWith("outputBBOX:"), e.getMessage());
        e = assertThrows(ProcessException.class, () -> new HotSpotsProcess().execute(ProcessCatalogTest.lapdIncidents(), null, null, null,
                null, null, null, null, null, null, null, v, 256, 256, 2, null));
        assertTrue(e.getMessage().startsWith("cellSizePixels:"), e.getMessage());
    }

    @Test
    void clusterIncidentsInViewKeepTheirWholeLayerClustersOnePerPixel() throws Exception {
        CoordinateReferenceSystem m = CRS.decode("EPSG:3857");
        ReferencedEnvelope v = tile(701, 1635, 12, m);
        Map<String, Object> all = new ClusterIncidentsProcess().execute(ProcessCatalogTest.lapdIncidents(), null, 10, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);
        Map<String, Object> view = new ClusterIncidentsProcess().execute(ProcessCatalogTest.lapdIncidents(), null, 10, null, null, null, null, null,
                null, null, null, null, null, null, null, v, 256, 256, null);
        Map<String, Object> labels = new HashMap<>();
        try (var it = ((SimpleFeatureCollection) all.get("result")).features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                labels.put(f.getID(), f.getAttribute("CLUSTER_ID"));
            }
        }
        ReferencedEnvelope lonLat = v.transform(((SimpleFeatureCollection) all.get("result")).getSchema().getCoordinateReferenceSystem(), true);
        double px = lonLat.getWidth() / 256 * 9, py = lonLat.getHeight() / 256 * 9;
        Set<String> pixels = new HashSet<>();
        int n = 0;
        try (var it = ((SimpleFeatureCollection) view.get("result")).features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                n++;
                assertEquals(labels.get(f.getID()), f.getAttribute("CLUSTER_ID"), "cluster of " + f.getID());
                Point p = (Point) f.getDefaultGeometry();
                assertTrue(p.getX() >= lonLat.getMinX() - px && p.getX() <= lonLat.getMaxX() + px
                        && p.getY() >= lonLat.getMinY() - py && p.getY() <= lonLat.getMaxY() + py, "in view: " + p);
                assertTrue(pixels.add(Math.floor(p.getX() / (lonLat.getWidth() / 256)) + ":" + Math.floor(p.getY() / (lonLat.getHeight() / 256))
                        + ":" + f.getAttribute("CLUSTER_ID")), "one incident per pixel and cluster");
            }
        }
        assertTrue(n > 20 && n < labels.size() / 4, n + " of " + labels.size());
    }

    /** Tiles after the first reuse the whole-layer result (issue #20): same clusters, no second clustering. */
    @Test
    void laterTilesReuseTheWholeLayerResult() throws Exception {
        CoordinateReferenceSystem m = CRS.decode("EPSG:3857");
        long before = TransformationCache.hits();
        Map<String, Object> a = new ClusterIncidentsProcess().execute(ProcessCatalogTest.lapdIncidents(), null, 7, null, null, null, null, null,
                null, null, null, null, null, null, null, tile(701, 1635, 12, m), 256, 256, null);
        Map<String, Object> b = new ClusterIncidentsProcess().execute(ProcessCatalogTest.lapdIncidents(), null, 7, null, null, null, null, null,
                null, null, null, null, null, null, null, tile(702, 1635, 12, m), 256, 256, null);
        assertEquals(before + 1, TransformationCache.hits(), "the second tile is answered from the cache");
        assertEquals(a.get("summary"), b.get("summary"), "one whole-layer clustering for both tiles");
        Map<String, Object> h1 = hot(tile(701, 1635, 12, m), 256, 256, null), h2 = hot(tile(702, 1635, 12, m), 256, 256, null);
        assertTrue(TransformationCache.hits() >= before + 2, "the second hot spot tile too");
        assertEquals(cellSize(h1), cellSize(h2), 0);
    }
}
