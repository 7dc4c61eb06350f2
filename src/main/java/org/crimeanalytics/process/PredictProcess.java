package org.crimeanalytics.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crimeanalytics.evaluate.HotspotEvaluation;
import org.crimeanalytics.geo.AugmentedCollection;
import org.crimeanalytics.json.Json;
import org.crimeanalytics.predict.ModelStore;
import org.crimeanalytics.predict.StoredModel;
import org.crimeanalytics.predict.Trainer;
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
import org.crimeanalytics.style.Breaks;
import org.crimeanalytics.style.Styles;
import weka.core.Instance;
import weka.core.Instances;

/** {@code crime:Predict}: apply a stored model to incidents or areas. */
@DescribeProcess(
        title = "Predict with a stored model",
        description = "Applies a model from crime:TrainModel. CLASSIFY_OFFENSE: the incidents with PREDICTED_CATEGORY and "
                + "its PROBABILITY. AREA_COUNTS: the areas with PREDICTED_COUNT for the month after the incidents' last month; "
                + "given 'actual' incidents of that month, 'evaluation' reports the hot spot forecast quality: hit rate, "
                + "PAI (Chainey et al. 2008) and the share of crime captured in the top 1, 5 and 10 % of the area.")
public class PredictProcess {

    @DescribeResults({
        @DescribeResult(name = "result", type = SimpleFeatureCollection.class, description = "Incidents or areas with predictions"),
        @DescribeResult(name = "style", type = String.class, meta = {"mimeTypes=application/vnd.ogc.sld+xml"},
                description = "SLD 1.0.0: incidents by PREDICTED_CATEGORY, or areas by PREDICTED_COUNT in quantile classes of this result"),
        @DescribeResult(name = "evaluation", type = String.class, meta = {"mimeTypes=application/json"},
                description = "AREA_COUNTS with actual incidents: hit rate, PAI, share captured at 1/5/10 % of the area")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "model", description = "Name of a stored model") String model,
            @DescribeParameter(name = "incidents", description = "CLASSIFY_OFFENSE: incidents to classify; AREA_COUNTS: the history") SimpleFeatureCollection incidents,
            @DescribeParameter(name = "areas", min = 0, description = "AREA_COUNTS: the areas (with the model's census attributes)") SimpleFeatureCollection areas,
            @DescribeParameter(name = "actual", min = 0, description = "AREA_COUNTS: incidents of the predicted month, to evaluate the forecast") SimpleFeatureCollection actual,
            ProgressListener monitor) {
        StoredModel m = load(model);
        if (incidents == null) throw new ProcessException("incidents: required");
        Steps.step(monitor, "Applying the model " + model, 10);
        try {
            if (m.task().equals("CLASSIFY_OFFENSE")) return classify(m, incidents);
            if (areas == null) throw new ProcessException("areas: an AREA_COUNTS model predicts for areas");
            return counts(m, incidents, areas, actual);
        } catch (ProcessException e) {
            throw e;
        } catch (Exception e) {
            throw new ProcessException("model: prediction failed: " + e.getMessage(), e);
        }
    }

    static StoredModel load(String model) {
        try {
            ModelStore.checkName(model);
            return ModelStore.configured().load(model);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new ProcessException("model: " + e.getMessage());
        }
    }

    private Map<String, Object> classify(StoredModel m, SimpleFeatureCollection incidents) throws Exception {
        org.geotools.api.referencing.crs.CoordinateReferenceSystem crs = org.geotools.referencing.CRS.parseWKT(m.metricCrsWkt());
        PredictSupport.Incidents in = PredictSupport.incidents(incidents, crs);
        Instances h = m.header();
        int n = in.time().length;
        String[] cls = new String[in.read() > Integer.MAX_VALUE ? 0 : (int) in.read()];
        Double[] prob = new Double[cls.length];
        // rows are independent and the trained classifier is only read: predict in parallel chunks
        Exception[] failure = new Exception[1];
        java.util.stream.IntStream.range(0, (n + 4095) / 4096).parallel().forEach(ch -> {
            try {
                for (int i = ch * 4096; i < Math.min(n, (ch + 1) * 4096); i++) {
                    Instance row = Trainer.offenseRow(h, in.time()[i], in.dayOnly()[i], in.x()[i], in.y()[i], in.premise()[i], in.area()[i]);
                    double[] d = m.classifier().distributionForInstance(row);
                    int best = 0;
                    for (int c = 1; c < d.length; c++) if (d[c] > d[best]) best = c;
                    cls[in.position()[i]] = h.classAttribute().value(best);
                    prob[in.position()[i]] = d[best];
                }
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) throw failure[0];
        String[] ids = null;
        if (!(incidents instanceof org.crimeanalytics.geo.IncidentCollection)) { // an incident table needs no ids
            ids = new String[cls.length];
            int k = 0;
            try (var it = incidents.features()) {
                while (it.hasNext()) ids[k++] = it.next().getID();
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("result", AugmentedCollection.of(incidents, incidents.getSchema().getTypeName() + "_predicted",
                List.of("PREDICTED_CATEGORY", "PROBABILITY"), List.of(String.class, Double.class), ids, p -> new Object[] {cls[p], prob[p]}));
        out.put("style", Styles.offenseCategories("crime_predicted_offense", "Predicted offense category", "PREDICTED_CATEGORY",
                Styles.kindOf(incidents.getSchema().getGeometryDescriptor() == null ? null
                        : incidents.getSchema().getGeometryDescriptor().getType().getBinding())));
        return out;
    }

    /** Predicted next-month counts per area (the month after the history's last month). */
    static double[] predictCounts(StoredModel m, PredictSupport.Areas a, long[][] ta) throws Exception {
        int first = PredictSupport.firstMonth(ta[0]), last = PredictSupport.lastMonth(ta[0]);
        int months = last - first + 1;
        if (months < m.lags()) throw new ProcessException("incidents: the history spans " + months + " months; the model needs " + m.lags());
        int[] areaIdx = new int[ta[1].length];
        for (int i = 0; i < areaIdx.length; i++) areaIdx[i] = (int) ta[1][i];
        long[][] counts = Trainer.monthly(ta[0], areaIdx, a.features().size(), first, months + 1);
        double[] pred = new double[a.features().size()];
        for (int ar = 0; ar < pred.length; ar++) {
            weka.core.DenseInstance in = new weka.core.DenseInstance(m.header().numAttributes());
            in.setDataset(m.header());
            for (int l = 1; l <= m.lags(); l++) in.setValue(l - 1, counts[ar][months - l]);
            for (int c = 0; c < a.census()[ar].length; c++) in.setValue(m.lags() + c, a.census()[ar][c]);
            pred[ar] = m.classifier().classifyInstance(in);
        }
        return pred;
    }

    private Map<String, Object> counts(StoredModel m, SimpleFeatureCollection incidents, SimpleFeatureCollection areas,
            SimpleFeatureCollection actual) throws Exception {
        PredictSupport.Areas a = PredictSupport.areas(areas, m.censusAttributes());
        long[][] ta = PredictSupport.timesAndAreas(incidents, a, areas.getSchema().getCoordinateReferenceSystem(), "incidents");
        double[] pred = predictCounts(m, a, ta);
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.init(areas.getSchema());
        tb.setName(areas.getSchema().getTypeName() + "_forecast");
        tb.add("PREDICTED_COUNT", Double.class);
        SimpleFeatureType t = tb.buildFeatureType();
        List<SimpleFeature> list = new ArrayList<>();
        for (int i = 0; i < pred.length; i++) {
            SimpleFeatureBuilder b = new SimpleFeatureBuilder(t);
            b.init(a.features().get(i));
            b.set("PREDICTED_COUNT", pred[i]);
            list.add(b.buildFeature(a.features().get(i).getID()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("result", new ListFeatureCollection(t, list));
        out.put("style", Styles.choropleth("PREDICTED_COUNT", Breaks.compute(pred, 5, Breaks.Method.QUANTILE),
                Styles.kindOf(t.getGeometryDescriptor().getType().getBinding()), "QUANTILE"));
        if (actual != null) {
            long[][] act = PredictSupport.timesAndAreas(actual, a, areas.getSchema().getCoordinateReferenceSystem(), "actual");
            long[] counts = new long[pred.length];
            for (long ar : act[1]) if (ar >= 0) counts[(int) ar]++;
            org.geotools.api.referencing.operation.MathTransform tm = AggregateToAreasProcess.metricTransform(a.polygons(),
                    areas.getSchema().getCoordinateReferenceSystem());
            double[] km2 = new double[pred.length];
            for (int i = 0; i < km2.length; i++) km2[i] = org.geotools.geometry.jts.JTS.transform(a.polygons().get(i), tm).getArea() / 1e6;
            double[] density = new double[pred.length];
            for (int i = 0; i < density.length; i++) density[i] = km2[i] > 0 ? pred[i] / km2[i] : 0;
            List<HotspotEvaluation.Row> rows = HotspotEvaluation.evaluate(density, km2, counts, null, new double[] {0.01, 0.05, 0.10});
            List<Object> ev = new ArrayList<>();
            for (HotspotEvaluation.Row r : rows) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("area_percent", r.fraction() * 100);
                e.put("area_share", r.areaShare());
                e.put("share_of_crime_captured", r.hitRate());
                e.put("pai", r.pai());
                ev.add(e);
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("ranking", "predicted count per km2");
            // the month forecast (the one after the history) and the months the actual incidents cover, which the
            // evaluation counts whatever they are
            int predicted = PredictSupport.lastMonth(ta[0]) + 1;
            int firstActual = PredictSupport.firstMonth(act[0]), lastActual = PredictSupport.lastMonth(act[0]);
            s.put("predicted_month", org.crimeanalytics.temporal.TemporalProfile.monthLabel(predicted));
            s.put("actual_months", org.crimeanalytics.temporal.TemporalProfile.monthLabel(firstActual)
                    + (lastActual > firstActual ? ".." + org.crimeanalytics.temporal.TemporalProfile.monthLabel(lastActual) : ""));
            if (firstActual != predicted || lastActual != predicted) {
                s.put("note", "the actual incidents cover " + s.get("actual_months") + ", not only the predicted month "
                        + s.get("predicted_month") + "; all of them are counted");
            }
            s.put("actual_incidents_in_areas", java.util.Arrays.stream(counts).sum());
            s.put("results", ev);
            out.put("evaluation", Json.pretty(s));
        }
        return out;
    }
}
