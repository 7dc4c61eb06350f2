package org.crimeanalytics.process;

import java.util.Arrays;
import java.util.LinkedHashMap;

import java.util.Map;
import org.crimeanalytics.geo.AnalysisUnits;
import org.crimeanalytics.geo.ProjectedPoints;
import org.crimeanalytics.grid.Grid;
import org.crimeanalytics.grid.PointIndex;
import org.crimeanalytics.hotspot.IncrementalAutocorrelation;
import org.crimeanalytics.hotspot.SpatialWeights;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.util.ProgressListener;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.process.ProcessException;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;

/** {@code crime:OptimizedHotSpots}: a hot spot grid with the cell size and distance band chosen from the data. */
@DescribeProcess(
        title = "Optimized hot spots",
        description = "Incidents in, Gi* hot spot grid out, nothing to set: following the workflow of ArcGIS Pro's "
                + "'How Optimized Hot Spot Analysis works' (incident aggregation into a fishnet, scale of analysis by "
                + "Incremental Spatial Autocorrelation, FDR correction). Needs at least 60 incidents at 30 or more "
                + "distinct locations. Cell size: the larger of twice the average nearest-neighbour distance between "
                + "distinct incident locations and the longer side of the data extent / 100. Distance band: Global "
                + "Moran's I z-scores of the cell counts over 10 bands growing by one cell size from the smallest band "
                + "giving every cell a neighbour; the first peak is used, else the average distance to the 30 nearest "
                + "cells. Gi_Bin uses the false discovery rate. 'summary' says what was chosen and why.")
public class OptimizedHotSpotsProcess {

    static final int MIN_INCIDENTS = 60;
    static final int MIN_LOCATIONS = 30;

    @DescribeResults({
        @DescribeResult(name = "result", type = SimpleFeatureCollection.class,
                description = "Grid cells with JOIN_COUNT, GiZScore, GiPValue, NNeighbors, Gi_Bin, Gi_Text"),
        @DescribeResult(name = "style", type = String.class, meta = {"mimeTypes=application/vnd.ogc.sld+xml"},
                description = "SLD 1.0.0 on Gi_Bin"),
        @DescribeResult(name = "summary", type = String.class, meta = {"mimeTypes=application/json"},
                description = "JSON: cell size and distance band chosen and why, the incremental z-scores, global statistics")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "incidents", description = "Incident points") SimpleFeatureCollection incidents,
            @DescribeParameter(name = "studyArea", min = 0, description = "Polygons where incidents are possible (optional)") SimpleFeatureCollection studyArea,
            @DescribeParameter(name = "cellShape", min = 0, defaultValue = "HEXAGON", description = "SQUARE or HEXAGON") Grid.Shape cellShape,
            @DescribeParameter(name = "crs", min = 0, description = "Projected CRS for distances (default: the UTM zone of the data's centre, e.g. EPSG:32611)") CoordinateReferenceSystem crs,
            ProgressListener monitor) {
        if (incidents == null) throw new ProcessException("incidents: required");
        if (monitor != null) monitor.started();
        Steps.step(monitor, "Reading incidents", 5);
        ProjectedPoints pts = ProjectedPoints.extract(incidents, crs, false, "incidents", monitor, n -> Limits.checkIncidents(n, "incidents"));
        if (pts.size() < MIN_INCIDENTS) {
            throw new ProcessException("incidents: at least " + MIN_INCIDENTS + " incidents are needed for an optimized hot "
                    + "spot analysis, got " + pts.size());
        }
        // distinct locations and their average nearest-neighbour distance
        double[][] distinct = distinct(pts.x(), pts.y());
        if (distinct[0].length < MIN_LOCATIONS) {
            throw new ProcessException("incidents: at least " + MIN_LOCATIONS + " distinct locations are needed, got "
                    + distinct[0].length);
        }
        PointIndex idx = new PointIndex(distinct[0], distinct[1], 100);
        double sum = 0;
        for (int i = 0; i < distinct[0].length; i++) sum += idx.nearestDistance(i);
        double ann = sum / distinct[0].length;
        double[] ext = extent(pts.x(), pts.y());
        double longest = Math.max(ext[2] - ext[0], ext[3] - ext[1]);
        double cell = Math.max(2 * ann, longest / 100);
        cell = nice(cell);
        Map<String, Object> why = new LinkedHashMap<>();
        why.put("incidents", pts.size());
        why.put("distinct_locations", distinct[0].length);
        why.put("average_nearest_neighbour_m", ann);
        why.put("extent_longest_side_m", longest);
        why.put("cell_size_rule", "max(2 x average nearest-neighbour distance of distinct locations, longest extent side / 100), rounded");
        Limits.checkCells(pts, cell, studyArea);
        Grid grid = new Grid(cellShape == null ? Grid.Shape.HEXAGON : cellShape, cell);
        AnalysisUnits u = AnalysisUnits.fromIncidents(pts, grid, studyArea, monitor);
        HotSpotSupport.requireVariation(u, "incidents");
        if (u.size() < MIN_LOCATIONS) {
            throw new ProcessException("incidents: the grid has only " + u.size() + " cells; at least " + MIN_LOCATIONS
                    + " are needed (give more incidents or a study area)");
        }
        Steps.step(monitor, "Finding the distance band (incremental spatial autocorrelation)", 40);
        double start = SpatialWeights.minimumBand(u.x, u.y) * 1.0001;
        double maxStart = cell * 10;
        Map<String, Object> band = new LinkedHashMap<>();
        if (start > maxStart) {
            band.put("note", "the smallest band giving every cell a neighbour (" + Math.round(start)
                    + " m) is driven by isolated cells; starting at 10 cell sizes instead");
            start = maxStart;
        }
        IncrementalAutocorrelation.Result inc;
        try {
            inc = IncrementalAutocorrelation.run(u.x, u.y, u.value, start, cell, 10, () -> monitor != null && monitor.isCanceled());
        } catch (java.util.concurrent.CancellationException e) {
            throw new ProcessException("cancelled");
        }
        double distance;
        if (inc.firstPeak() >= 0) {
            distance = inc.distances()[inc.firstPeak()];
            band.put("chosen_by", "first peak of the Global Moran's I z-score");
        } else {
            distance = averageKnnDistance(u.x, u.y, 30);
            band.put("chosen_by", "no peak among the bands tried: average distance to the 30 nearest cells");
        }
        if (monitor != null && monitor.isCanceled()) throw new ProcessException("cancelled");
        band.put("distances_m", inc.distances());
        band.put("z_scores", inc.z());
        band.put("distance_band_m", distance);
        why.put("scale_of_analysis", band);
        SpatialWeights w = SpatialWeights.distanceBand(u.x, u.y, distance);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("optimized", why);
        Map<String, Object> out = HotSpotsProcess.giStar(u, w, true, "optimized_hotspots", extra, monitor);
        if (monitor != null) monitor.complete();
        return out;
    }

    static double averageKnnDistance(double[] x, double[] y, int k) {
        PointIndex idx = new PointIndex(x, y, 100);
        double sum = 0;
        int kk = Math.min(k, x.length - 1);
        for (int i = 0; i < x.length; i++) {
            int[] nn = idx.nearest(i, kk);
            double d = 0;
            for (int j : nn) d += Math.hypot(x[j] - x[i], y[j] - y[i]);
            sum += d / nn.length;
        }
        return sum / x.length;
    }

    /** Rounds to 1, 2 or 5 times a power of ten (at most 40 % up or down). */
    static double nice(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        double m = v / p;
        double r = m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10;
        return r * p;
    }

    static double[] extent(double[] x, double[] y) {
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY,
                y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            x0 = Math.min(x0, x[i]);
            x1 = Math.max(x1, x[i]);
            y0 = Math.min(y0, y[i]);
            y1 = Math.max(y1, y[i]);
        }
        return new double[] {x0, y0, x1, y1};
    }

    /** Distinct coordinates (exact duplicates removed). */
    static double[][] distinct(double[] x, double[] y) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> x[a] != x[b] ? Double.compare(x[a], x[b]) : Double.compare(y[a], y[b]));
        double[] dx = new double[x.length], dy = new double[x.length];
        int m = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (m > 0 && dx[m - 1] == x[i] && dy[m - 1] == y[i]) continue;
            dx[m] = x[i];
            dy[m] = y[i];
            m++;
        }
        return new double[][] {Arrays.copyOf(dx, m), Arrays.copyOf(dy, m)};
    }

}
