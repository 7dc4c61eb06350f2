package org.crimeanalytics.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crimeanalytics.TestData;
import org.crimeanalytics.geo.GeoJson;
import org.crimeanalytics.geo.IncidentCollection;
import org.crimeanalytics.io.Inputs;
import org.crimeanalytics.json.Json;
import org.crimeanalytics.predict.ModelStore;
import org.crimeanalytics.predict.StoredModel;
import org.crimeanalytics.predict.Trainer;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.feature.NameImpl;
import org.geotools.process.ProcessException;
import org.geotools.process.Processors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PredictProcessesTest {

    static Path store;

    @BeforeAll
    static void store() throws Exception {
        store = Files.createTempDirectory("crime-models");
        System.setProperty("crime.modelStore", store.toString());
    }

    @AfterAll
    static void clear() {
        System.clearProperty("crime.modelStore");
    }

    static Map<String, Object> run(String name, Map<String, Object> in) {
        return Processors.createProcess(new NameImpl("crime", name)).execute(new HashMap<>(in), null);
    }

    static SimpleFeatureCollection chicagoJanuary() throws Exception {
        try (InputStream in = Inputs.open(TestData.testData("chicago_2017_01.csv.gz"), null)) {
            return new IncidentCollection(ImportIncidentsProcess.ingest(in, "jan", ImportIncidentsProcess.options(null, null, null, null, null, null),
                    null, null, -1).table());
        }
    }

    @Test
    void timesAndAreasOfAnIncidentTableAreThoseOfItsFeaturesReadOneByOne() throws Exception {
        SimpleFeatureCollection table = chicagoJanuary();
        List<org.geotools.api.feature.simple.SimpleFeature> fs = new java.util.ArrayList<>();
        try (org.geotools.data.simple.SimpleFeatureIterator it = table.features()) {
            while (it.hasNext()) fs.add(it.next());
        }
        SimpleFeatureCollection areas = org.crimeanalytics.geo.GeoJson.read(TestData.testData("chicago_community_areas.geojson"));
        PredictSupport.Areas a = PredictSupport.areas(areas, List.of());
        long[][] fromTable = PredictSupport.timesAndAreas(table, a, areas.getSchema().getCoordinateReferenceSystem(), "incidents");
        long[][] fromFeatures = PredictSupport.timesAndAreas(new org.geotools.data.collection.ListFeatureCollection(table.getSchema(), fs), a,
                areas.getSchema().getCoordinateReferenceSystem(), "incidents");
        org.junit.jupiter.api.Assertions.assertArrayEquals(fromFeatures[0], fromTable[0]);
        org.junit.jupiter.api.Assertions.assertArrayEquals(fromFeatures[1], fromTable[1]);
        assertEquals(fs.size(), fromTable[0].length); // every January incident has a time and a point
        assertTrue(java.util.Arrays.stream(fromTable[1]).filter(v -> v >= 0).count() > fs.size() * 0.99);
        // areas elsewhere (Los Angeles): refused, not a model or a forecast of zeros
        SimpleFeatureCollection la = org.crimeanalytics.geo.GeoJson.read(TestData.testData("lapd_divisions.geojson"));
        assertEquals("actual: none of the " + fs.size() + " incidents with a time and a location lies in one of the 21 areas; do the "
                + "incidents and the areas cover the same place?", assertThrows(org.geotools.process.ProcessException.class,
                        () -> PredictSupport.timesAndAreas(table, PredictSupport.areas(la, List.of()), la.getSchema().getCoordinateReferenceSystem(),
                                "actual")).getMessage());
        // an empty layer is said to be empty (was 'none has a time and a location'), both paths
        for (SimpleFeatureCollection empty : List.of(new org.geotools.data.collection.ListFeatureCollection(table.getSchema()),
                new org.crimeanalytics.geo.IncidentCollection(new org.crimeanalytics.ingest.IncidentTable(List.of())))) {
            assertEquals("actual: the collection is empty", assertThrows(org.geotools.process.ProcessException.class,
                    () -> PredictSupport.timesAndAreas(empty, a, areas.getSchema().getCoordinateReferenceSystem(), "actual")).getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void offenseModelSplitsByTimeAndItsMetricsFollowFromTheConfusionMatrix() throws Exception {
        Map<String, Object> out = run("TrainModel", Map.of("overwrite", true, "name", "offense_j48", "incidents", chicagoJanuary(), "learner", Trainer.Learner.J48,
                "folds", 3));
        Map<String, Object> m = (Map<String, Object>) Json.parse((String) out.get("metrics"));
        assertTrue(((String) m.get("last_train_time")).compareTo((String) m.get("first_test_time")) <= 0, "never trains on the test period");
        // January's 20,000 training rows: cross-validated on a sample of 5,000, and the note says so
        Map<String, Object> cv = (Map<String, Object>) m.get("cross_validation");
        assertEquals(5000L, cv.get("rows"));
        assertEquals("on the training part only, a seeded sample of 5,000 rows", cv.get("note"));
        List<List<Number>> cm = (List<List<Number>>) m.get("confusion_matrix_rows_actual_columns_predicted");
        double trace = 0, total = 0;
        for (int i = 0; i < cm.size(); i++) for (int j = 0; j < cm.size(); j++) {
            total += cm.get(i).get(j).doubleValue();
            if (i == j) trace += cm.get(i).get(j).doubleValue();
        }
        assertEquals(trace / total, ((Number) m.get("accuracy")).doubleValue(), 1e-12);
        assertEquals(((Number) m.get("test_rows")).doubleValue(), total, 0);
        List<Map<String, Object>> per = (List<Map<String, Object>>) m.get("per_class");
        for (int c = 0; c < cm.size(); c++) {
            double col = 0, row = 0;
            for (int k = 0; k < cm.size(); k++) {
                col += cm.get(k).get(c).doubleValue();
                row += cm.get(c).get(k).doubleValue();
            }
            double tp = cm.get(c).get(c).doubleValue();
            double p = col == 0 ? 0 : tp / col, r = row == 0 ? 0 : tp / row;
            assertEquals(p, ((Number) per.get(c).get("precision")).doubleValue(), 1e-12, "precision " + c);
            assertEquals(r, ((Number) per.get(c).get("recall")).doubleValue(), 1e-12, "recall " + c);
            if (p + r > 0) assertEquals(2 * p * r / (p + r), ((Number) per.get(c).get("f1")).doubleValue(), 1e-12, "f1 " + c);
        }
        assertTrue(((Map<String, Object>) m.get("baseline")).containsKey("accuracy"));
        assertTrue(((Map<String, Object>) m.get("permutation_importance")).keySet().containsAll(List.of("hour", "weekday", "month", "x_m",
                "y_m", "premise", "area")));
        assertTrue(Files.exists(store.resolve("offense_j48.json")));
        // predictions of the stored model
        List<SimpleFeature> pred = HotSpotsProcessTest.list(run("Predict", Map.of("model", "offense_j48", "incidents", chicagoJanuary())).get("result"));
        assertTrue(pred.get(0).getAttribute("PREDICTED_CATEGORY") != null);
        double p0 = (Double) pred.get(0).getAttribute("PROBABILITY");
        assertTrue(p0 > 0 && p0 <= 1);
    }

    @SuppressWarnings("unchecked")
    @Test
    void incidentsDatedToTheDayHaveNoHourInTheOffenseModel() throws Exception {
        SimpleFeatureCollection jan = chicagoJanuary();
        List<SimpleFeature> fs = new java.util.ArrayList<>();
        int days = 0;
        try (org.geotools.data.simple.SimpleFeatureIterator it = jan.features()) {
            while (it.hasNext()) {
                SimpleFeature f = org.geotools.feature.simple.SimpleFeatureBuilder.copy(it.next());
                if (fs.size() % 3 == 0) {
                    f.setAttribute("time_precision", "day");
                    days++;
                }
                fs.add(f);
            }
        }
        SimpleFeatureCollection mixed = new org.geotools.data.collection.ListFeatureCollection(jan.getSchema(), fs);
        PredictSupport.Incidents in = PredictSupport.incidents(mixed, null);
        assertEquals(days, in.dayOnlyCount());
        Map<String, Object> out = run("TrainModel", Map.of("overwrite", true, "name", "offense_days", "incidents", mixed, "learner", Trainer.Learner.J48,
                "folds", 0));
        Map<String, Object> m = (Map<String, Object>) Json.parse((String) out.get("metrics"));
        assertEquals((long) days, ((Number) m.get("incidents_without_time_of_day")).longValue());
        StoredModel model = new ModelStore(store).load("offense_days");
        int d = 0, t = 1;
        while (!in.dayOnly()[d]) d++;
        while (in.dayOnly()[t] || org.crimeanalytics.temporal.TemporalProfile.placeholder(in.time()[t])) t++;
        int p = 0;
        while (in.dayOnly()[p] || !org.crimeanalytics.temporal.TemporalProfile.placeholder(in.time()[p])) p++;
        // a 00:00/00:01 'time unknown' placeholder has no hour either, as in the hour profile
        assertTrue(Trainer.offenseRow(model.header(), in.time()[p], false, in.x()[p], in.y()[p], null, null).isMissing(0));
        // Predict builds its rows the same way: its probability for a day-dated incident is the model's for a missing hour
        List<SimpleFeature> pred = HotSpotsProcessTest.list(run("Predict", Map.of("model", "offense_days", "incidents", mixed)).get("result"));
        int differ = 0;
        for (int i = 0; i < in.time().length; i++) {
            if (!in.dayOnly()[i]) continue;
            double missing = java.util.Arrays.stream(model.classifier().distributionForInstance(Trainer.offenseRow(model.header(), in.time()[i],
                    true, in.x()[i], in.y()[i], in.premise()[i], in.area()[i]))).max().getAsDouble();
            double withHour = java.util.Arrays.stream(model.classifier().distributionForInstance(Trainer.offenseRow(model.header(), in.time()[i],
                    false, in.x()[i], in.y()[i], in.premise()[i], in.area()[i]))).max().getAsDouble();
            assertEquals(missing, (Double) pred.get(in.position()[i]).getAttribute("PROBABILITY"), 1e-12);
            if (missing != withHour) differ++;
        }
        assertTrue(differ > 100, "the hour matters to the model for " + differ + " of them");
        // a day-precision incident's hour is missing (was its 00:00 taken as midnight); another's is its hour
        assertTrue(Trainer.offenseRow(model.header(), in.time()[d], true, in.x()[d], in.y()[d], null, null).isMissing(0));
        assertEquals(Math.floorMod(in.time()[t], 86_400_000L) / 3_600_000L,
                (long) Trainer.offenseRow(model.header(), in.time()[t], false, in.x()[t], in.y()[t], null, null).value(0));
    }

    @Test
    void aSavedAndReloadedModelPredictsIdentically() throws Exception {
        run("TrainModel", Map.of("overwrite", true, "name", "offense_rf", "incidents", chicagoJanuary(), "trees", 10, "folds", 0));
        StoredModel a = new ModelStore(store).load("offense_rf");
        StoredModel b = new ModelStore(store).load("offense_rf");
        PredictSupport.Incidents in = PredictSupport.incidents(chicagoJanuary(), org.geotools.referencing.CRS.parseWKT(a.metricCrsWkt()));
        for (int i = 0; i < in.time().length; i += 37) {
            var row = Trainer.offenseRow(a.header(), in.time()[i], in.dayOnly()[i], in.x()[i], in.y()[i], in.premise()[i], in.area()[i]);
            assertEquals(java.util.Arrays.toString(a.classifier().distributionForInstance(row)),
                    java.util.Arrays.toString(b.classifier().distributionForInstance(row)));
        }
        // the trained in-memory model and the reloaded one agree too: predict twice through the process
        List<SimpleFeature> p1 = HotSpotsProcessTest.list(run("Predict", Map.of("model", "offense_rf", "incidents", chicagoJanuary())).get("result"));
        List<SimpleFeature> p2 = HotSpotsProcessTest.list(run("Predict", Map.of("model", "offense_rf", "incidents", chicagoJanuary())).get("result"));
        for (int i = 0; i < p1.size(); i += 53) assertEquals(p1.get(i).getAttribute("PROBABILITY"), p2.get(i).getAttribute("PROBABILITY"));
    }

    @Test
    void missingCorruptAndUnsafeModelsAreClearErrors() throws Exception {
        assertEquals("model: no model named 'nothing_here' in " + store,
                assertThrows(ProcessException.class, () -> run("Predict", Map.of("model", "nothing_here", "incidents", chicagoJanuary()))).getMessage());
        Files.writeString(store.resolve("broken.model"), "not a model at all");
        assertTrue(assertThrows(ProcessException.class, () -> run("Predict", Map.of("model", "broken", "incidents", chicagoJanuary())))
                .getMessage().startsWith("model: model 'broken' is corrupt"));
        assertTrue(assertThrows(ProcessException.class, () -> run("TrainModel", Map.of("name", "../escape", "incidents", chicagoJanuary())))
                .getMessage().startsWith("name: model name must be"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void areaCountsOnChicagoTractsSplitByMonthWithABaselineAndWhatIf() throws Exception {
        SimpleFeatureCollection tracts = GeoJson.read(TestData.shared("chicago/tracts_sdoh.geojson"));
        SimpleFeatureCollection inc;
        try (InputStream in = Inputs.open(TestData.shared("chicago/crimes_2017.csv.gz"), null)) {
            inc = new IncidentCollection(ImportIncidentsProcess.ingest(in, "2017", ImportIncidentsProcess.options(null, null, null, null, null, null),
                    null, null, -1).table());
        }
        Map<String, Object> out = run("TrainModel", Map.of("overwrite", true, "name", "tract_counts", "task", TrainModelProcess.Task.AREA_COUNTS, "incidents", inc,
                "areas", tracts, "censusAttributes", "Pop2014,Pov14,Unemp14", "trees", 20, "folds", 0));
        Map<String, Object> m = (Map<String, Object>) Json.parse((String) out.get("metrics"));
        // 3 lags: the first target is April; the last 3 months test; months by name (were indexes from the first month)
        assertEquals(List.of("2017-04", "2017-09"), m.get("train_months"));
        assertEquals(List.of("2017-10", "2017-12"), m.get("test_months"));
        assertEquals(791L * 3, ((Number) m.get("test_rows")).longValue());
        assertTrue(((Number) m.get("mae")).doubleValue() > 0);
        Map<String, Object> base = (Map<String, Object>) m.get("baseline");
        assertTrue(((Number) base.get("mae")).doubleValue() > 0);
        Map<String, Object> pred = run("Predict", Map.of("model", "tract_counts", "incidents", inc, "areas", tracts, "actual", inc));
        assertEquals(791, ((SimpleFeatureCollection) pred.get("result")).size());
        assertTrue(((String) pred.get("evaluation")).contains("pai"));
        // 2017 as history forecasts 2018-01; 2017 again as the actual incidents is said to be other months
        Map<String, Object> ev = (Map<String, Object>) Json.parse((String) pred.get("evaluation"));
        assertEquals("2018-01", ev.get("predicted_month"));
        assertEquals("2017-01..2017-12", ev.get("actual_months"));
        assertEquals("the actual incidents cover 2017-01..2017-12, not only the predicted month 2018-01; all of them are counted",
                ev.get("note"));
        SimpleFeatureCollection impact = (SimpleFeatureCollection) run("FeatureImpact", Map.of("model", "tract_counts", "incidents", inc,
                "areas", tracts, "feature", "Unemp14", "percent", -20.0)).get("result");
        List<SimpleFeature> fs = HotSpotsProcessTest.list(impact);
        assertTrue(fs.size() >= 70 && fs.size() <= 90, "top decile of 791 tracts: " + fs.size());
        for (int i = 1; i < fs.size(); i++) {
            Double a = (Double) fs.get(i - 1).getAttribute("PERCENT_CHANGE"), b = (Double) fs.get(i).getAttribute("PERCENT_CHANGE");
            if (a != null && b != null) assertTrue(a <= b, "ranked by percentage change");
        }
    }
}
