package org.crimeanalytics.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crimeanalytics.geo.AnalysisUnits;
import org.crimeanalytics.geo.ProjectedPoints;
import org.crimeanalytics.grid.Grid;
import org.crimeanalytics.hotspot.Contiguity;
import org.crimeanalytics.hotspot.GetisOrd;
import org.crimeanalytics.hotspot.Moran;
import org.crimeanalytics.hotspot.SpatialWeights;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.util.ProgressListener;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.process.ProcessException;

/** What HotSpots, OptimizedHotSpots and ClusterOutlier share: inputs, weights, summaries. */
final class HotSpotSupport {

    private HotSpotSupport() {}

    static void requireOneInput(SimpleFeatureCollection incidents, SimpleFeatureCollection areas) {
        if ((incidents == null) == (areas == null)) {
            throw new ProcessException(incidents == null ? "incidents, areas: give incidents (grid mode) or areas with a valueAttribute"
                    : "incidents, areas: give one of them, not both");
        }
    }

    static AnalysisUnits units(SimpleFeatureCollection incidents, SimpleFeatureCollection areas, String valueAttribute,
            Double cellSize, Grid.Shape shape, SimpleFeatureCollection studyArea, CoordinateReferenceSystem crs,
            ProgressListener monitor) {
        if (areas != null) return AnalysisUnits.fromLayer(areas, valueAttribute, crs, "areas", "valueAttribute");
        if (cellSize == null) throw new ProcessException("cellSize: give the grid cell size in metres");
        checkCellSize(cellSize);
        ProjectedPoints pts = ProjectedPoints.extract(incidents, crs, false, "incidents", monitor, n -> Limits.checkIncidents(n, "incidents"));
        Limits.checkCells(pts, cellSize, studyArea);
        return AnalysisUnits.fromIncidents(pts, new Grid(shape, cellSize), studyArea, monitor);
    }

    /** Latitude of the centre of a layer's bounds (0 when it has no usable bounds); fixed for the layer, not the tile. */
    static double centreLatitude(SimpleFeatureCollection fc) {
        try {
            org.geotools.geometry.jts.ReferencedEnvelope b = fc.getBounds();
            if (b == null || b.isEmpty()) return 0;
            if (b.getCoordinateReferenceSystem() != null && !org.crimeanalytics.geo.Crs.isLonLatWgs84(b.getCoordinateReferenceSystem())) {
                b = b.transform(org.crimeanalytics.geo.Crs.wgs84(), true);
            }
            double lat = (b.getMinY() + b.getMaxY()) / 2;
            return Double.isFinite(lat) ? lat : 0;
        } catch (Exception e) {
            throw new ProcessException("incidents: cannot find the layer's latitude for the view's cell size: " + e.getMessage());
        }
    }

    /** Cells from 1 m to 1,000 km. */
    static void checkCellSize(double cellSize) {
        if (!(cellSize >= 1 && cellSize <= 1_000_000)) {
            throw new ProcessException("cellSize: must be between 1 and 1,000,000 metres, was " + cellSize);
        }
    }

    static void requireVariation(AnalysisUnits u, String param) {
        if (u.size() < 3) throw new ProcessException(param + ": at least 3 features are needed, got " + u.size());
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : u.value) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min == max) {
            throw new ProcessException(param + ": all " + u.size() + " values of " + u.valueName + " are equal (" + min
                    + "); with zero variance there are no hot or cold spots to find");
        }
    }

    static SpatialWeights weights(AnalysisUnits u, WeightsType kind, Double distance, Integer k) {
        if (distance != null && !(distance > 0)) throw new ProcessException("distance: must be > 0 metres, was " + distance);
        switch (kind) {
            case QUEEN, ROOK -> {
                return Contiguity.build(u.metricGeometry, kind == WeightsType.QUEEN);
            }
            case KNN -> {
                int kk = k == null ? 8 : k;
                if (kk < 1 || kk >= u.size()) {
                    throw new ProcessException("neighbours: must be between 1 and " + (u.size() - 1) + ", was " + kk);
                }
                return SpatialWeights.knn(u.x, u.y, kk);
            }
            default -> {
                double band = distance != null ? distance : SpatialWeights.minimumBand(u.x, u.y);
                if (!(band > 0) || Double.isInfinite(band)) {
                    throw new ProcessException("distance: cannot find a band that gives every feature a neighbour; give one");
                }
                Limits.checkNeighbourhood(u.x, u.y, band);
                return kind == WeightsType.INVERSE_DISTANCE ? SpatialWeights.inverseDistance(u.x, u.y, band, 1)
                        : SpatialWeights.distanceBand(u.x, u.y, band);
            }
        }
    }

    /**
     * When the default distance band (the largest nearest-neighbour distance) is set by a feature far from all the
     * others, more than 4 times the median nearest-neighbour distance (one isolated cell: an island, an airport), every
     * other feature gets a neighbourhood much wider than the pattern's scale and most come out significant: the note to
     * give, naming the feature and a band that gives 95 % of the features a neighbour; null otherwise.
     */
    static String bandSetByOneFeature(AnalysisUnits u, SpatialWeights w) {
        double[] nn = SpatialWeights.nearestDistances(u.x, u.y);
        if (nn.length < 20) return null;
        int far = 0;
        for (int i = 1; i < nn.length; i++) if (nn[i] > nn[far]) far = i;
        double[] sorted = nn.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted[sorted.length / 2], p95 = sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
        if (!(median > 0) || !(nn[far] > 4 * median)) return null; // (a median of 0: features at one place; nothing to suggest)
        return String.format(java.util.Locale.ROOT, "the default distance band, %.0f m, is set by %s, that far from any other "
                + "feature, while half of them have a neighbour within %.0f m: every feature then has %.1f neighbours on average "
                + "and most come out significant; give distance (%.0f m gives 95 %% of the features a neighbour; the far ones are then "
                + "not tested)",
                nn[far], unitId(u, far), median, w.meanNeighbours(), Math.ceil(p95 / 10) * 10);
    }

    static Map<String, Object> weightsSummary(SpatialWeights w, AnalysisUnits u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", w.kind().name());
        if (!Double.isNaN(w.distance())) m.put("distance_band_m", w.distance());
        m.put("mean_neighbours", w.meanNeighbours());
        int[] islands = w.islands();
        m.put("islands", islands.length);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < Math.min(10, islands.length); i++) {
            ids.add(unitId(u, islands[i]));
        }
        m.put("first_islands", ids);
        return m;
    }

    /**
     * Global Moran's I (row-standardised weights, randomisation variance) and General G (binary
     * weights), or for each a note saying why it was not computed.
     */
    static Map<String, Object> globalStatistics(double[] y, SpatialWeights w) {
        Map<String, Object> m = new LinkedHashMap<>();
        int linked = y.length - w.islands().length;
        if (linked < 4) {
            String why = "not computed: only " + linked + " feature(s) have neighbours; the moments need at least 4";
            m.put("global_morans_i", Map.of("note", why));
            m.put("general_g", Map.of("note", why));
            return m;
        }
        Moran.Global mi = Moran.global(y, w.rowStandardised());
        Map<String, Object> moran = new LinkedHashMap<>();
        moran.put("I", mi.i());
        moran.put("expected", mi.expected());
        moran.put("z", Double.isNaN(mi.zRand()) ? null : mi.zRand());
        moran.put("p", Double.isNaN(mi.pRandTwoTailed()) ? null : mi.pRandTwoTailed());
        String note = "row-standardised weights, randomisation variance, two-tailed p (R spdep moran.test)";
        if (linked < y.length) note += "; n reduced to the " + linked + " features with neighbours";
        if (Double.isNaN(mi.zRand())) note += "; z and p not computed: the randomisation variance is not positive "
                + "(every linked feature a neighbour of every other, or a kurtosis too high for the test's assumptions)";
        moran.put("note", note);
        m.put("global_morans_i", moran);
        double min = Double.POSITIVE_INFINITY;
        for (double v : y) min = Math.min(min, v);
        if (min < 0) {
            m.put("general_g", Map.of("note", "not computed: General G needs non-negative values, and "
                    + "the smallest value is " + min));
        } else {
            GetisOrd.Global g = GetisOrd.general(y, w.binary());
            if (Double.isNaN(g.g())) {
                m.put("general_g", Map.of("note", "not computed: fewer than two features with neighbours have non-zero "
                        + "values, so G's denominator is 0"));
                return m;
            }
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("G", g.g());
            gm.put("expected", g.expected());
            gm.put("z", Double.isNaN(g.z()) ? null : g.z());
            gm.put("p", Double.isNaN(g.pTwoTailed()) ? null : g.pTwoTailed());
            String gnote = "binary weights, normality variance, two-tailed p (R spdep globalG.test)";
            if (Double.isNaN(g.z())) gnote += "; z and p not computed: the variance is not positive";
            gm.put("note", gnote);
            m.put("general_g", gm);
        }
        return m;
    }

    /**
     * Counts the features a local statistic did not test, by reason, for the summary, and warns on the
     * console (or GeoServer's log) when there are any. {@code notes[i]} is null for a tested feature.
     */
    static Map<String, Object> notTested(String[] notes, AnalysisUnits u, ProgressListener monitor, String process) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Integer> byReason = new LinkedHashMap<>();
        List<String> first = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < notes.length; i++) {
            if (notes[i] == null) continue;
            count++;
            byReason.merge(notes[i], 1, Integer::sum);
            if (first.size() < 10) first.add(unitId(u, i));
        }
        m.put("features_not_tested", count);
        if (count > 0) {
            m.put("not_tested_reasons", byReason);
            m.put("first_not_tested", first);
            warn(monitor, process, count + " of " + notes.length + " features were not tested (null z and p): " + byReason);
        }
        return m;
    }

    static String unitId(AnalysisUnits u, int i) {
        return u.sourceFeatures != null ? u.sourceFeatures.get(i).getID() : "cell " + (i + 1);
    }

    /** A warning for the user: printed by the command line, logged by GeoServer. */
    static void warn(ProgressListener monitor, String process, String message) {
        if (monitor != null) monitor.warningOccurred(process, null, message);
    }
}
