package org.crimeanalytics.process;

import java.util.LinkedHashMap;
import java.util.Map;
import org.crimeanalytics.geo.AnalysisUnits;
import org.crimeanalytics.grid.Grid;
import org.crimeanalytics.hotspot.Fdr;
import org.crimeanalytics.hotspot.HotSpotBins;
import org.crimeanalytics.hotspot.Moran;
import org.crimeanalytics.hotspot.SpatialWeights;
import org.crimeanalytics.json.Json;
import org.crimeanalytics.stats.Alternative;
import org.crimeanalytics.style.Styles;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.util.ProgressListener;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.process.ProcessException;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;

/** {@code crime:ClusterOutlier}: Anselin Local Moran's I. */
@DescribeProcess(
        title = "Clusters and outliers (Anselin Local Moran's I)",
        description = "Anselin's Local Moran's I (1995) for areas with a numeric value, or incidents counted on a grid: "
                + "LMiIndex, LMiZScore (analytic moments: conditional randomisation, Sokal et al. 1998, R spdep's default; "
                + "or total randomisation, Anselin 1995) and LMiPValue (analytic, or with permutations > 0 a pseudo p-value "
                + "from seeded conditional permutations in which permuted values equal to the observed one count as at "
                + "least as extreme), COType (HH and LL clusters, HL and LH outliers, blank when not significant at 0.05 or "
                + "at the Benjamini-Hochberg threshold when fdr is on), NNeighbors, LMiNote (why a feature was not tested: "
                + "no neighbours, or no variance). Weights are row-standardised. Checked against R spdep localmoran.")
public class ClusterOutlierProcess {

    @DescribeResults({
        @DescribeResult(name = "result", type = SimpleFeatureCollection.class,
                description = "Features with LMiIndex, LMiZScore, LMiPValue, COType, NNeighbors, LMiNote"),
        @DescribeResult(name = "style", type = String.class, meta = {"mimeTypes=application/vnd.ogc.sld+xml"},
                description = "SLD 1.0.0 on COType"),
        @DescribeResult(name = "summary", type = String.class, meta = {"mimeTypes=application/json"},
                description = "JSON: n, weights, inference, counts per type, Global Moran's I")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "incidents", min = 0, description = "Incident points to count on a grid (give either incidents or areas: one is required)") SimpleFeatureCollection incidents,
            @DescribeParameter(name = "areas", min = 0, description = "Polygons (or points) with a value to analyse (give either areas or incidents: one is required)") SimpleFeatureCollection areas,
            @DescribeParameter(name = "valueAttribute", min = 0, description = "Numeric attribute of areas") String valueAttribute,
            @DescribeParameter(name = "cellSize", min = 0, minValue = 1, maxValue = 1000000, description = "Grid cell size in metres; required with incidents") Double cellSize,
            @DescribeParameter(name = "cellShape", min = 0, defaultValue = "HEXAGON", description = "SQUARE or HEXAGON") Grid.Shape cellShape,
            @DescribeParameter(name = "studyArea", min = 0, description = "Polygons limiting the grid; empty cells inside count as zero") SimpleFeatureCollection studyArea,
            @DescribeParameter(name = "weights", min = 0, defaultValue = "QUEEN", description = "FIXED_DISTANCE, INVERSE_DISTANCE, KNN, QUEEN or ROOK") WeightsType weights,
            @DescribeParameter(name = "distance", min = 0, minValue = 0, description = "Distance band in metres for distance weights") Double distance,
            @DescribeParameter(name = "neighbours", min = 0, defaultValue = "8", minValue = 1, maxValue = 1000, description = "k for KNN weights") Integer neighbours,
            @DescribeParameter(name = "permutations", min = 0, defaultValue = "0", minValue = 0, maxValue = 9999, description = "0: analytic p-values; otherwise the number of permutations (e.g. 999)") Integer permutations,
            @DescribeParameter(name = "seed", min = 0, defaultValue = "12345", description = "Seed of the permutations") Integer seed,
            @DescribeParameter(name = "variance", min = 0, defaultValue = "CONDITIONAL", description = "Analytic variance of I: "
                    + "CONDITIONAL (Sokal et al. 1998; R spdep's default) or TOTAL (Anselin 1995)") Moran.Variance variance,
            @DescribeParameter(name = "alternative", min = 0, description = "TWO_SIDED, GREATER, LESS or FOLDED (one-sided in the "
                    + "direction of the observed value). Default: FOLDED with permutations (the pseudo p-value of GeoDa and esda), "
                    + "TWO_SIDED for analytic p-values") Alternative alternative,
            @DescribeParameter(name = "fdr", min = 0, defaultValue = "false", description = "Benjamini-Hochberg threshold instead of 0.05") Boolean fdr,
            @DescribeParameter(name = "crs", min = 0, description = "Projected CRS for distances (default: the UTM zone of the data's centre, e.g. EPSG:32611)") CoordinateReferenceSystem crs,
            ProgressListener monitor) {
        HotSpotSupport.requireOneInput(incidents, areas);
        int perms = permutations == null ? 0 : permutations;
        if (perms < 0) throw new ProcessException("permutations: must be >= 0, was " + perms);
        Limits.checkPermutations(perms, "permutations");
        if (monitor != null) monitor.started();
        Steps.step(monitor, "Reading incidents or areas", 5);
        AnalysisUnits u = HotSpotSupport.units(incidents, areas, valueAttribute, cellSize,
                cellShape == null ? Grid.Shape.HEXAGON : cellShape, studyArea, crs, monitor);
        HotSpotSupport.requireVariation(u, areas != null ? "valueAttribute" : "incidents");
        SpatialWeights w = HotSpotSupport.weights(u, weights == null ? WeightsType.QUEEN : weights, distance, neighbours)
                .rowStandardised();
        if (monitor != null && monitor.isCanceled()) throw new ProcessException("cancelled");
        Moran.Variance var = variance == null ? Moran.Variance.CONDITIONAL : variance;
        Alternative alt = alternative != null ? alternative : perms > 0 ? Alternative.FOLDED : Alternative.TWO_SIDED;
        long sd = seed == null ? 12345L : seed;
        Moran.Local lm;
        try {
            Steps.step(monitor, "Computing Local Moran's I", 50);
            lm = Moran.local(u.value, w, var, alt, perms, sd, () -> monitor != null && monitor.isCanceled());
        } catch (java.util.concurrent.CancellationException e) {
            throw new ProcessException("cancelled");
        }
        double[] p = perms > 0 ? lm.pSim() : lm.p();
        double threshold = Boolean.TRUE.equals(fdr) ? Fdr.threshold(p, 0.05) : 0.05;
        int n = u.size();
        LinkedHashMap<String, Class<?>> extra = new LinkedHashMap<>();
        extra.put("LMiIndex", Double.class);
        extra.put("LMiZScore", Double.class);
        extra.put("LMiPValue", Double.class);
        extra.put("COType", String.class);
        extra.put("NNeighbors", Integer.class);
        extra.put("LMiNote", String.class);
        Object[][] vals = new Object[6][n];
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String t : new String[] {"HH", "LL", "HL", "LH", ""}) counts.put(t, 0);
        for (int i = 0; i < n; i++) {
            vals[0][i] = nan(lm.index()[i]);
            vals[1][i] = nan(lm.z()[i]);
            vals[2][i] = nan(p[i]);
            String t = HotSpotBins.coType(lm.deviation()[i], lm.lag()[i], p[i], threshold);
            vals[3][i] = t;
            vals[4][i] = lm.neighbours()[i];
            vals[5][i] = lm.note()[i];
            counts.merge(t, 1, Integer::sum);
        }
        SimpleFeatureCollection result = u.features("cluster_outlier", extra, vals);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("statistic", "Anselin Local Moran's I");
        summary.put("n", n);
        summary.put("value", u.valueName);
        summary.putAll(u.details);
        summary.put("weights", HotSpotSupport.weightsSummary(w, u));
        summary.putAll(HotSpotSupport.notTested(lm.note(), u, monitor, "crime:ClusterOutlier"));
        summary.put("variance", var == Moran.Variance.CONDITIONAL
                ? "conditional randomisation (Sokal, Oden & Thomson 1998; R spdep localmoran(conditional = TRUE))"
                : "total randomisation (Anselin 1995; R spdep localmoran(conditional = FALSE))");
        summary.put("p_values", perms > 0 ? "conditional permutations: " + perms + ", seed " + sd
                + ", ties with the observed value counted as at least as extreme" : "analytic (normal approximation)");
        summary.put("alternative", alt.describe());
        summary.put("significance_threshold", threshold);
        summary.put("fdr", Boolean.TRUE.equals(fdr));
        Map<String, Integer> named = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) named.put(e.getKey().isEmpty() ? "not_significant" : e.getKey(), e.getValue());
        summary.put("types", named);
        summary.putAll(HotSpotSupport.globalStatistics(u.value, w));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("result", result);
        out.put("style", Styles.clusterOutlier(Styles.kindOf(result.getSchema().getGeometryDescriptor().getType().getBinding())));
        out.put("summary", Json.pretty(summary));
        if (monitor != null) monitor.complete();
        return out;
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
