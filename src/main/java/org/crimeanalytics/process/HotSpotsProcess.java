package org.crimeanalytics.process;

import java.util.LinkedHashMap;
import java.util.Map;
import org.crimeanalytics.geo.AnalysisUnits;
import org.crimeanalytics.grid.Grid;
import org.crimeanalytics.hotspot.GetisOrd;
import org.crimeanalytics.hotspot.HotSpotBins;
import org.crimeanalytics.hotspot.SpatialWeights;
import org.crimeanalytics.json.Json;
import org.crimeanalytics.style.Styles;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.util.ProgressListener;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.process.ProcessException;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;

/** {@code crime:HotSpots}: Getis-Ord Gi* hot and cold spots of areas or of incidents on a grid. */
@DescribeProcess(
        title = "Hot spots (Getis-Ord Gi*)",
        description = "Finds statistically significant hot and cold spots with the Getis-Ord Gi* statistic, as ArcGIS "
                + "Pro's Hot Spot Analysis and PySAL esda compute it. Either give polygons (or points) with a numeric "
                + "valueAttribute (counts or rates per tract), or incidents, which are counted into a square or "
                + "hexagon grid (cellSize metres; with a studyArea, empty cells inside it count as zero). Neighbours: "
                + "a fixed distance band (default: the smallest giving every feature a neighbour), inverse distance, "
                + "k nearest, queen or rook contiguity; distances in metres on projected coordinates. Output fields "
                + "GiZScore, GiPValue (two-tailed), NNeighbors, Gi_Bin (-3..3: 99/95/90 % cold .. hot), Gi_Text; "
                + "optional Benjamini-Hochberg false discovery rate correction, which Gi_Bin then follows. A feature "
                + "without neighbours is not tested (null GiZScore and GiPValue, Gi_Bin 0, Gi_Text says why). "
                + "Inverse-distance weights are (d_min / d), d_min the closest linked pair, so results do not depend "
                + "on the distance unit; the Gi* self weight is the row's largest weight (1 for binary weights).")
public class HotSpotsProcess {

    @DescribeResults({
        @DescribeResult(name = "result", type = SimpleFeatureCollection.class,
                description = "The analysed features (areas or grid cells with JOIN_COUNT) with GiZScore, GiPValue, "
                        + "NNeighbors, Gi_Bin, Gi_Text"),
        @DescribeResult(name = "style", type = String.class, meta = {"mimeTypes=application/vnd.ogc.sld+xml"},
                description = "SLD 1.0.0 on Gi_Bin (blue - white - red)"),
        @DescribeResult(name = "summary", type = String.class, meta = {"mimeTypes=application/json"},
                description = "JSON: n, weights, distance band, islands, Global Moran's I and General G with z and p")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "incidents", min = 0, description = "Incident points to count on a grid (give either incidents or areas: one is required)") SimpleFeatureCollection incidents,
            @DescribeParameter(name = "areas", min = 0, description = "Polygons (or points) with a value to analyse (give either areas or incidents: one is required)") SimpleFeatureCollection areas,
            @DescribeParameter(name = "valueAttribute", min = 0, description = "Numeric attribute of areas (counts or rates)") String valueAttribute,
            @DescribeParameter(name = "cellSize", min = 0, minValue = 1, maxValue = 1000000, description = "Grid cell size in metres (side of a square; distance between hexagon centres); required with incidents, except in an SLD rendering transformation (a view), where cellSizePixels sets it") Double cellSize,
            @DescribeParameter(name = "cellShape", min = 0, defaultValue = "HEXAGON", description = "SQUARE or HEXAGON") Grid.Shape cellShape,
            @DescribeParameter(name = "studyArea", min = 0, description = "Polygons where incidents are possible: the cells whose centre lies inside (empty or not) and the cells across its boundary that hold an incident inside it count its incidents inside it; incidents outside are counted in the summary") SimpleFeatureCollection studyArea,
            @DescribeParameter(name = "weights", min = 0, defaultValue = "FIXED_DISTANCE", description = "FIXED_DISTANCE, INVERSE_DISTANCE, KNN, QUEEN or ROOK") WeightsType weights,
            @DescribeParameter(name = "distance", min = 0, minValue = 0, description = "Distance band in metres (default: every feature gets at least one neighbour)") Double distance,
            @DescribeParameter(name = "neighbours", min = 0, defaultValue = "8", minValue = 1, maxValue = 1000, description = "k for KNN weights") Integer neighbours,
            @DescribeParameter(name = "fdr", min = 0, defaultValue = "false", description = "Apply the false discovery rate correction to Gi_Bin") Boolean fdr,
            @DescribeParameter(name = "crs", min = 0, description = "Projected CRS to measure distances in (default: the UTM zone of the data's centre, e.g. EPSG:32611)") CoordinateReferenceSystem crs,
            @DescribeParameter(name = "outputBBOX", min = 0, description = "As a rendering transformation (env wms_bbox): the map drawn. "
                    + "Statistics use the whole layer; only features in this view (plus a margin) are returned") ReferencedEnvelope outputBBOX,
            @DescribeParameter(name = "outputWidth", min = 0, minValue = 1, maxValue = 20000, description = "Map width in pixels (env wms_width)") Integer outputWidth,
            @DescribeParameter(name = "outputHeight", min = 0, minValue = 1, maxValue = 20000, description = "Map height in pixels (env wms_height)") Integer outputHeight,
            @DescribeParameter(name = "cellSizePixels", min = 0, defaultValue = "32", minValue = 4, maxValue = 512,
                    description = "With a view and no cellSize: cells about this many pixels wide (rounded to 1, 2 or 5 x 10^k metres), "
                            + "so the grid follows the zoom level like a heat map, the same for every tile of one zoom level") Integer cellSizePixels,
            ProgressListener monitor) {
        HotSpotSupport.requireOneInput(incidents, areas);
        MapView view = MapView.of(outputBBOX, outputWidth, outputHeight);
        int px = cellSizePixels == null ? 32 : cellSizePixels;
        if (px < 4 || px > 512) throw new ProcessException("cellSizePixels: must be 4 to 512, was " + px);
        if (monitor != null) monitor.started();
        Steps.step(monitor, "Reading and counting incidents", 5);
        if (cellSize == null && view != null && incidents != null) {
            cellSize = view.cellSize(px, HotSpotSupport.centreLatitude(incidents));
        }
        Double cs = cellSize;
        Map<String, Object> out;
        if (view != null && incidents != null) {
            // on the fly: one whole-layer result per zoom level (cell size), shared by every tile of it
            String key = TransformationCache.key("HotSpots", incidents, cs, cellShape, studyArea == null ? null : studyArea.size(),
                    weights, distance, neighbours, fdr, crs == null ? null : org.geotools.referencing.CRS.toSRS(crs));
            out = new LinkedHashMap<>(TransformationCache.get(key, () -> analyse(incidents, null, null, cs, cellShape, studyArea, weights,
                    distance, neighbours, fdr, crs, true, monitor)));
        } else {
            out = analyse(incidents, areas, valueAttribute, cs, cellShape, studyArea, weights, distance, neighbours, fdr, crs, view != null, monitor);
        }
        if (view != null) {
            SimpleFeatureCollection all = (SimpleFeatureCollection) out.get("result");
            SimpleFeatureCollection shown = view.clip(all, px);
            out.put("result", shown);
            @SuppressWarnings("unchecked")
            Map<String, Object> summary = (Map<String, Object>) org.crimeanalytics.json.Json.parse((String) out.get("summary"));
            summary.put("view_pixels", view.width() + "x" + view.height());
            summary.put("view_features_returned", shown.size());
            out.put("summary", Json.pretty(summary));
        }
        if (monitor != null) monitor.complete();
        return out;
    }

    /** The whole-layer analysis: units, weights, Gi*. */
    private static Map<String, Object> analyse(SimpleFeatureCollection incidents, SimpleFeatureCollection areas, String valueAttribute,
            Double cellSize, Grid.Shape cellShape, SimpleFeatureCollection studyArea, WeightsType weights, Double distance,
            Integer neighbours, Boolean fdr, CoordinateReferenceSystem crs, boolean onTheFly, ProgressListener monitor) {
        AnalysisUnits u = HotSpotSupport.units(incidents, areas, valueAttribute, cellSize,
                cellShape == null ? Grid.Shape.HEXAGON : cellShape, studyArea, crs, monitor);
        HotSpotSupport.requireVariation(u, areas != null ? "valueAttribute" : "incidents");
        SpatialWeights w = HotSpotSupport.weights(u, weights == null ? WeightsType.FIXED_DISTANCE : weights,
                distance, neighbours);
        if (monitor != null && monitor.isCanceled()) throw new ProcessException("cancelled");
        Steps.step(monitor, "Computing Gi*", 60);
        Map<String, Object> extra = new LinkedHashMap<>();
        if (onTheFly) extra.put("view_cell_size_m", cellSize);
        if (distance == null && (weights == null || weights == WeightsType.FIXED_DISTANCE || weights == WeightsType.INVERSE_DISTANCE)) {
            String note = HotSpotSupport.bandSetByOneFeature(u, w);
            if (note != null) {
                extra.put("distance_band_note", note);
                HotSpotSupport.warn(monitor, "crime:HotSpots", note);
            }
        }
        return giStar(u, w, Boolean.TRUE.equals(fdr), "hotspots", extra, monitor);
    }

    /** Computes Gi*, builds the features, style and summary (shared with OptimizedHotSpots). */
    static Map<String, Object> giStar(AnalysisUnits u, SpatialWeights w, boolean fdr, String typeName,
            Map<String, Object> extraSummary, ProgressListener monitor) {
        GetisOrd.Local g = GetisOrd.local(u.value, w, true);
        int[] bins = HotSpotBins.bins(g.z(), g.p(), fdr);
        int n = u.size();
        LinkedHashMap<String, Class<?>> extra = new LinkedHashMap<>();
        extra.put("GiZScore", Double.class);
        extra.put("GiPValue", Double.class);
        extra.put("NNeighbors", Integer.class);
        extra.put("Gi_Bin", Integer.class);
        extra.put("Gi_Text", String.class);
        Object[][] vals = new Object[5][n];
        for (int i = 0; i < n; i++) {
            vals[0][i] = Double.isNaN(g.z()[i]) ? null : g.z()[i];
            vals[1][i] = Double.isNaN(g.p()[i]) ? null : g.p()[i];
            vals[2][i] = g.neighbours()[i];
            vals[3][i] = bins[i];
            vals[4][i] = g.note()[i] != null ? "Not Tested: " + g.note()[i] : HotSpotBins.text(bins[i]);
        }
        SimpleFeatureCollection result = u.features(typeName, extra, vals);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("statistic", "Getis-Ord Gi*");
        summary.put("n", n);
        summary.put("value", u.valueName);
        summary.putAll(u.details);
        summary.put("weights", HotSpotSupport.weightsSummary(w, u));
        summary.putAll(HotSpotSupport.notTested(g.note(), u, monitor, "crime:" + (typeName.startsWith("optimized") ? "OptimizedHotSpots" : "HotSpots")));
        summary.put("fdr", fdr);
        int hot = 0, cold = 0;
        for (int b : bins) {
            if (b > 0) hot++;
            if (b < 0) cold++;
        }
        summary.put("hot_spots", hot);
        summary.put("cold_spots", cold);
        summary.putAll(extraSummary);
        summary.putAll(HotSpotSupport.globalStatistics(u.value, w));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("result", result);
        out.put("style", Styles.hotSpots(Styles.kindOf(result.getSchema().getGeometryDescriptor().getType().getBinding())));
        out.put("summary", Json.pretty(summary));
        return out;
    }

    /**
     * Used as an SLD rendering transformation, the statistics need every incident, not only those in
     * the requested tile: the query is widened to the whole layer (its attribute and property choices
     * kept), so tiles and GetFeatureInfo see the same result and edge cells have all their neighbours.
     * Give a fixed {@code crs} in the transformation so every tile uses the same grid; with {@code outputBBOX},
     * {@code outputWidth} and {@code outputHeight} from {@code wms_bbox}, {@code wms_width}, {@code wms_height}
     * the cell size follows the zoom level and only the cells in view are returned (see {@link MapView}).
     */
    public org.geotools.api.data.Query invertQuery(org.geotools.api.data.Query targetQuery,
            org.geotools.api.coverage.grid.GridGeometry gridGeometry) {
        return MapView.wholeLayer(targetQuery, OUTPUT_ATTRIBUTES);
    }

    /** The attributes this process adds, which the style rules of a transformation test. */
    static final java.util.Set<String> OUTPUT_ATTRIBUTES = java.util.Set.of("CELL_ID", "JOIN_COUNT", "GiZScore", "GiPValue", "NNeighbors", "Gi_Bin", "Gi_Text");
}
