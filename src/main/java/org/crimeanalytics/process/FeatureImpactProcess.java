package org.crimeanalytics.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.crimeanalytics.style.Styles;
import org.crimeanalytics.predict.StoredModel;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.util.ProgressListener;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.process.ProcessException;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;

/** {@code crime:FeatureImpact}: what if a census feature changed in the worst areas? */
@DescribeProcess(
        title = "Feature impact (what if)",
        description = "With an AREA_COUNTS model: predicts next month's count per area, keeps the areas at or above the "
                + "given percentile of the predicted rate (per 1,000 residents with populationAttribute, else the count), "
                + "changes one census feature by an amount or a percentage, predicts again, and returns those areas "
                + "ranked by the percentage change of the prediction (largest fall first).")
public class FeatureImpactProcess {

    @DescribeResults({
        @DescribeResult(name = "result", type = SimpleFeatureCollection.class,
                description = "The selected areas with PREDICTED, CHANGED_PREDICTION, PERCENT_CHANGE and IMPACT_RANK"),
        @DescribeResult(name = "style", type = String.class, meta = {"mimeTypes=application/vnd.ogc.sld+xml"},
                description = "SLD 1.0.0 by PERCENT_CHANGE: seven classes symmetric around zero, limits from this result")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "model", description = "Name of a stored AREA_COUNTS model") String model,
            @DescribeParameter(name = "incidents", description = "The incident history") SimpleFeatureCollection incidents,
            @DescribeParameter(name = "areas", description = "The areas with the model's census attributes") SimpleFeatureCollection areas,
            @DescribeParameter(name = "feature", description = "Census attribute to change") String feature,
            @DescribeParameter(name = "change", min = 0, description = "Amount added to the feature") Double change,
            @DescribeParameter(name = "percent", min = 0, description = "Percentage change of the feature (e.g. -10)") Double percent,
            @DescribeParameter(name = "percentile", min = 0, defaultValue = "90", minValue = 0, maxValue = 100, description = "Areas at or above this percentile of predicted rate") Double percentile,
            @DescribeParameter(name = "populationAttribute", min = 0, description = "Population attribute for rates") String populationAttribute,
            ProgressListener monitor) {
        StoredModel m = PredictProcess.load(model);
        if (!m.task().equals("AREA_COUNTS")) throw new ProcessException("model: '" + model + "' is a " + m.task() + " model; FeatureImpact needs AREA_COUNTS");
        if (incidents == null) throw new ProcessException("incidents: required");
        if (areas == null) throw new ProcessException("areas: required");
        int fi = m.censusAttributes().indexOf(feature);
        if (fi < 0) throw new ProcessException("feature: '" + feature + "' is not one of the model's features " + m.censusAttributes());
        if ((change == null) == (percent == null)) throw new ProcessException("change, percent: give one of them");
        double pct = percentile == null ? 90 : percentile;
        if (!(pct >= 0 && pct <= 100)) throw new ProcessException("percentile: must be between 0 and 100, was " + pct);
        try {
            Steps.step(monitor, "Reading the areas and incidents", 10);
            PredictSupport.Areas a = PredictSupport.areas(areas, m.censusAttributes());
            long[][] ta = PredictSupport.timesAndAreas(incidents, a, areas.getSchema().getCoordinateReferenceSystem(), "incidents");
            double[] base = PredictProcess.predictCounts(m, a, ta);
            double[][] changed = new double[a.census().length][];
            for (int i = 0; i < changed.length; i++) {
                changed[i] = a.census()[i].clone();
                changed[i][fi] = change != null ? changed[i][fi] + change : changed[i][fi] * (1 + percent / 100);
            }
            double[] after = PredictProcess.predictCounts(m, new PredictSupport.Areas(a.features(), a.polygons(), changed), ta);
            int n = base.length;
            double[] rate = new double[n];
            for (int i = 0; i < n; i++) {
                double pop = 1;
                if (populationAttribute != null) {
                    Object v = a.features().get(i).getAttribute(populationAttribute);
                    if (v == null) throw new ProcessException("populationAttribute: no value for area " + a.features().get(i).getID());
                    pop = ((Number) v).doubleValue() / 1000;
                }
                rate[i] = pop > 0 ? base[i] / pop : Double.NaN;
            }
            double[] sorted = Arrays.stream(rate).filter(Double::isFinite).sorted().toArray();
            double cut = sorted.length == 0 ? Double.POSITIVE_INFINITY : sorted[(int) Math.min(sorted.length - 1, Math.floor(pct / 100 * sorted.length))];
            List<Integer> sel = new ArrayList<>();
            for (int i = 0; i < n; i++) if (rate[i] >= cut) sel.add(i);
            sel.sort((x, y) -> Double.compare(pctChange(base[x], after[x]), pctChange(base[y], after[y])));
            SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
            tb.init(areas.getSchema());
            tb.setName(areas.getSchema().getTypeName() + "_impact");
            tb.add("PREDICTED", Double.class);
            tb.add("CHANGED_PREDICTION", Double.class);
            tb.add("PERCENT_CHANGE", Double.class);
            tb.add("IMPACT_RANK", Integer.class);
            SimpleFeatureType t = tb.buildFeatureType();
            List<SimpleFeature> out = new ArrayList<>();
            int rank = 0;
            for (int i : sel) {
                SimpleFeatureBuilder b = new SimpleFeatureBuilder(t);
                b.init(a.features().get(i));
                b.set("PREDICTED", base[i]);
                b.set("CHANGED_PREDICTION", after[i]);
                double pc = pctChange(base[i], after[i]);
                b.set("PERCENT_CHANGE", Double.isFinite(pc) ? pc : null);
                b.set("IMPACT_RANK", ++rank);
                out.add(b.buildFeature(a.features().get(i).getID()));
            }
            double maxAbs = 0;
            for (int i : sel) {
                double pc = pctChange(base[i], after[i]);
                if (Double.isFinite(pc)) maxAbs = Math.max(maxAbs, Math.abs(pc));
            }
            Map<String, Object> result = new java.util.LinkedHashMap<>();
            result.put("result", new ListFeatureCollection(t, out));
            result.put("style", Styles.featureImpact(maxAbs, Styles.kindOf(t.getGeometryDescriptor().getType().getBinding())));
            return result;
        } catch (ProcessException e) {
            throw e;
        } catch (Exception e) {
            throw new ProcessException("model: prediction failed: " + e.getMessage(), e);
        }
    }

    static double pctChange(double before, double after) {
        return before == 0 ? (after == 0 ? 0 : Double.POSITIVE_INFINITY) : (after - before) / Math.abs(before) * 100;
    }
}
