package org.crimeanalytics.process;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.crimeanalytics.geo.AreaLocator;
import org.crimeanalytics.evaluate.HotspotEvaluation;
import org.crimeanalytics.io.CsvOut;
import org.crimeanalytics.json.Json;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.util.ProgressListener;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.geometry.jts.JTS;
import org.geotools.process.ProcessException;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;
import org.locationtech.jts.geom.Geometry;

/** {@code crime:EvaluateHotspots}: did the predicted hot areas catch the next period's crime? */
@DescribeProcess(
        title = "Evaluate hot spot predictions",
        description = "Scores predicted hot areas (any polygons or grid cells with a score: last period's Gi_Bin or "
                + "GiZScore, a model's prediction, a density) against the incidents of the following period, at the top "
                + "1, 2, 5, 10 and 20 % of the area by score: hit rate n/N; PAI, the Predictive Accuracy Index (Chainey, "
                + "Tompson & Uhlig 2008, Security Journal 21) = (n/N)/(a/A); PEI, the Predictive Efficiency Index (Hunt "
                + "2016) = n/n*, n* being the most crimes the same area could have captured; RRI, the Recapture Rate "
                + "Index (Levine 2008, CrimeStat) = (n2/n1)/(N2/N1) when prior counts are given. Whole areas are taken "
                + "in score order until the fraction is reached, and the area share actually covered is reported. "
                + "'curve' is the cumulative share of crime against the share of area.")
public class EvaluateHotspotsProcess {

    @DescribeResults({
        @DescribeResult(name = "table", type = String.class, meta = {"mimeTypes=text/csv"},
                description = "CSV: fraction, areas selected, area share, crimes captured, hit rate, PAI, PEI, RRI"),
        @DescribeResult(name = "curve", type = String.class, meta = {"mimeTypes=text/csv"},
                description = "CSV: rank, area share, crime share"),
        @DescribeResult(name = "summary", type = String.class, meta = {"mimeTypes=application/json"},
                description = "JSON: totals, incidents outside every area, the table")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "predicted", description = "Predicted areas or cells") SimpleFeatureCollection predicted,
            @DescribeParameter(name = "scoreAttribute", description = "Numeric score (higher = hotter)") String scoreAttribute,
            @DescribeParameter(name = "incidents", description = "Incidents of the evaluated (following) period") SimpleFeatureCollection incidents,
            @DescribeParameter(name = "priorCountAttribute", min = 0, description = "Crimes per area in the prior period (enables RRI), e.g. JOIN_COUNT") String priorCountAttribute,
            @DescribeParameter(name = "fractions", min = 0, defaultValue = "1,2,5,10,20", description = "Area percentages, comma-separated") String fractions,
            ProgressListener monitor) {
        if (predicted == null) throw new ProcessException("predicted: required");
        if (incidents == null) throw new ProcessException("incidents: required");
        if (scoreAttribute == null || predicted.getSchema().getDescriptor(scoreAttribute) == null) {
            throw org.crimeanalytics.geo.LayerChecks.unlessEmpty(predicted, "predicted",
                    new ProcessException("scoreAttribute: no attribute '" + scoreAttribute + "' in predicted; attributes: "
                            + predicted.getSchema().getAttributeDescriptors().stream().map(d -> d.getLocalName()).toList()));
        }
        if (priorCountAttribute != null && predicted.getSchema().getDescriptor(priorCountAttribute) == null) {
            throw new ProcessException("priorCountAttribute: no attribute '" + priorCountAttribute + "' in predicted");
        }
        List<Double> fr = new ArrayList<>();
        for (String f : (fractions == null ? "1,2,5,10,20" : fractions).split(",")) {
            if (f.isBlank()) continue;
            try {
                double v = Double.parseDouble(f.trim());
                if (!(v > 0 && v <= 100)) throw new NumberFormatException();
                fr.add(v / 100);
            } catch (NumberFormatException e) {
                throw new ProcessException("fractions: '" + f.trim() + "' is not a percentage in (0, 100]");
            }
        }
        List<SimpleFeature> areas = new ArrayList<>();
        List<Geometry> polys = new ArrayList<>();
        try (SimpleFeatureIterator it = predicted.features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                areas.add(f);
                polys.add((Geometry) f.getDefaultGeometry());
            }
        }
        int n = areas.size();
        if (n == 0) throw org.crimeanalytics.geo.LayerChecks.empty("predicted");
        org.crimeanalytics.geo.LayerChecks.requireGeometries(polys, "predicted");
        double[] score = new double[n], area = new double[n];
        long[] prior = priorCountAttribute == null ? null : new long[n];
        MathTransform toMetric = AggregateToAreasProcess.metricTransform(polys, predicted.getSchema().getCoordinateReferenceSystem());
        for (int i = 0; i < n; i++) {
            Object s = areas.get(i).getAttribute(scoreAttribute);
            score[i] = s instanceof Number num ? num.doubleValue() : Double.NaN;
            try {
                area[i] = polys.get(i) == null ? 0 : (toMetric == null ? polys.get(i) : JTS.transform(polys.get(i), toMetric)).getArea() / 1e6;
            } catch (Exception e) {
                throw new ProcessException("predicted: cannot measure feature " + areas.get(i).getID());
            }
            if (prior != null) {
                Object c = areas.get(i).getAttribute(priorCountAttribute);
                prior[i] = c instanceof Number num ? num.longValue() : 0;
            }
        }
        AreaLocator locator = new AreaLocator(polys, predicted.getSchema().getCoordinateReferenceSystem(),
                incidents.getSchema().getCoordinateReferenceSystem(), "incidents");
        long[] actual = new long[n];
        long read = 0, outside = 0, noGeom = 0;
        for (int a : locator.locateAll(incidents, () -> monitor != null && monitor.isCanceled())) { // all at once
            read++;
            if (a == AreaLocator.NO_GEOMETRY) noGeom++;
            else if (a < 0) outside++;
            else actual[a]++;
        }
        if (read == 0) throw org.crimeanalytics.geo.LayerChecks.empty("incidents"); // nothing to evaluate against
        if (read == outside + noGeom) {
            throw new ProcessException("incidents: none of the " + read + " incidents lies in one of the " + n + " areas of predicted ("
                    + outside + " outside every area, " + noGeom + " without geometry); do they cover the same place?");
        }
        double[] fa = fr.stream().mapToDouble(Double::doubleValue).toArray();
        Steps.step(monitor, "Evaluating hit rate, PAI, PEI and RRI", 70);
        List<HotspotEvaluation.Row> rows = HotspotEvaluation.evaluate(score, area, actual, prior, fa);
        StringWriter w = new StringWriter();
        List<Object> json = new ArrayList<>();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            p.printRecord("area_percent", "areas_selected", "area_share", "crimes_captured", "hit_rate", "pai", "pei", "rri");
            for (HotspotEvaluation.Row r : rows) {
                p.printRecord(CsvOut.cell(r.fraction() * 100), r.areasSelected(), CsvOut.cell(r.areaShare()), r.captured(), CsvOut.cell(r.hitRate()),
                        CsvOut.cell(r.pai()), CsvOut.cell(r.pei()), CsvOut.cell(r.rri()));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("area_percent", r.fraction() * 100);
                m.put("area_share", r.areaShare());
                m.put("hit_rate", r.hitRate());
                m.put("pai", r.pai());
                m.put("pei", r.pei());
                m.put("rri", r.rri());
                json.add(m);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        double[][] curve = HotspotEvaluation.curve(score, area, actual);
        StringWriter cw = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(cw, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            p.printRecord("rank", "area_share", "crime_share");
            p.printRecord(0, 0, 0);
            for (int k = 0; k < curve.length; k++) p.printRecord(k + 1, CsvOut.cell(curve[k][0]), CsvOut.cell(curve[k][1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("areas", n);
        s.put("incidents_read", read);
        s.put("incidents_in_areas", read - outside - noGeom);
        s.put("incidents_outside_every_area", outside);
        s.put("incidents_without_geometry", noGeom);
        if (outside > 0) {
            // hit rates, PAI and PEI are shares of the incidents inside the predicted areas: say how many are not
            String note = String.format(java.util.Locale.ROOT, "%,d of the %,d incidents (%.1f %%) lie outside every predicted area "
                    + "of this surface: hit rates, PAI and PEI are shares of the %,d inside", outside, read, 100.0 * outside / read,
                    read - outside - noGeom);
            s.put("outside_note", note);
            HotSpotSupport.warn(monitor, "crime:EvaluateHotspots", note);
        }
        s.put("score_attribute", scoreAttribute);
        s.put("results", json);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("table", w.toString());
        out.put("curve", cw.toString());
        out.put("summary", Json.pretty(s));
        return out;
    }
}
