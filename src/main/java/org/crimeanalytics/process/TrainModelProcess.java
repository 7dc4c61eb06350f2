package org.crimeanalytics.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crimeanalytics.json.Json;
import org.crimeanalytics.predict.ModelStore;
import org.crimeanalytics.predict.Trainer;
import org.crimeanalytics.temporal.TemporalProfile;
import org.geotools.api.util.ProgressListener;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.process.ProcessException;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;

/** {@code crime:TrainModel}: Weka models with a time split, baselines, importance, stored by name. */
@DescribeProcess(
        title = "Train a crime model",
        description = "Trains a Weka model and stores it by name (with a JSON card: task, features, classes, periods, "
                + "metrics, Weka version, creation time). CLASSIFY_OFFENSE predicts an incident's category from hour, "
                + "weekday, month, projected x/y (metres), premise and area (district / division); AREA_COUNTS predicts next month's count per area "
                + "from the previous 'lags' monthly counts and the areas' census attributes (regression). Evaluation "
                + "splits by time (trained on earlier, tested on later incidents or months, never the reverse), with "
                + "k-fold cross-validation on the training part; metrics beside a baseline (majority class; last "
                + "month's count) and permutation feature importance. Random forests with more training rows than "
                + "maxTrainRows train on a seeded sample (said in the metrics). Model store: system property "
                + "crime.modelStore, else GEOSERVER_DATA_DIR/crime-models, else the temp directory; writes are atomic.")
public class TrainModelProcess {

    /** What to predict. */
    public enum Task { CLASSIFY_OFFENSE, AREA_COUNTS }

    @DescribeResults({
        @DescribeResult(name = "metrics", type = String.class, meta = {"mimeTypes=application/json"},
                description = "JSON metrics: accuracy, kappa, per-class precision/recall/F1, confusion matrix (or MAE/RMSE), baseline, CV, importance"),
        @DescribeResult(name = "model", type = String.class, description = "The stored model's name")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "name", description = "Model name: 1-64 letters, digits, '_' or '-'") String name,
            @DescribeParameter(name = "task", min = 0, defaultValue = "CLASSIFY_OFFENSE", description = "CLASSIFY_OFFENSE or AREA_COUNTS") Task task,
            @DescribeParameter(name = "incidents", description = "Incidents (canonical schema: occurred, category, premise)") SimpleFeatureCollection incidents,
            @DescribeParameter(name = "areas", min = 0, description = "AREA_COUNTS: the areas") SimpleFeatureCollection areas,
            @DescribeParameter(name = "censusAttributes", min = 0, description = "AREA_COUNTS: comma-separated numeric area attributes") String censusAttributes,
            @DescribeParameter(name = "learner", min = 0, defaultValue = "RANDOM_FOREST", description = "RANDOM_FOREST, J48, NAIVE_BAYES, LOGISTIC (classification); RANDOM_FOREST, LINEAR_REGRESSION (counts)") Trainer.Learner learner,
            @DescribeParameter(name = "trees", min = 0, defaultValue = "100", minValue = 1, maxValue = 1000, description = "Random forest size") Integer trees,
            @DescribeParameter(name = "testFraction", min = 0, defaultValue = "0.2", minValue = 0.05, maxValue = 0.5, description = "CLASSIFY_OFFENSE: the latest share of incidents held out for testing") Double testFraction,
            @DescribeParameter(name = "testMonths", min = 0, defaultValue = "3", minValue = 1, maxValue = 24, description = "AREA_COUNTS: the last months held out") Integer testMonths,
            @DescribeParameter(name = "lags", min = 0, defaultValue = "3", minValue = 1, maxValue = 24, description = "AREA_COUNTS: previous months used") Integer lags,
            @DescribeParameter(name = "folds", min = 0, defaultValue = "5", minValue = 0, maxValue = 20, description = "Cross-validation folds on the training part (0: none)") Integer folds,
            @DescribeParameter(name = "maxTrainRows", min = 0, defaultValue = "50000", minValue = 100, description = "Train on a seeded sample above this many rows") Integer maxTrainRows,
            @DescribeParameter(name = "seed", min = 0, defaultValue = "1", description = "Random seed") Integer seed,
            @DescribeParameter(name = "overwrite", min = 0, defaultValue = "false", description = "Replace a stored model of this name "
                    + "(only its owner, or anyone when it has none)") Boolean overwrite,
            ProgressListener monitor) {
        try {
            ModelStore.checkName(name);
        } catch (IllegalArgumentException e) {
            throw new ProcessException("name: " + e.getMessage());
        }
        ModelStore store = ModelStore.configured();
        String user = currentUser();
        boolean replace = Boolean.TRUE.equals(overwrite);
        checkReplace(store, name, replace, user); // before any work
        if (monitor != null) {
            monitor.started();
            monitor.setTask(new org.geotools.util.SimpleInternationalString("Reading incidents"));
        }
        if (incidents == null) throw new ProcessException("incidents: required");
        Task tk = task == null ? Task.CLASSIFY_OFFENSE : task;
        Trainer.Learner l = learner == null ? Trainer.Learner.RANDOM_FOREST : learner;
        Trainer trainer = new Trainer(l, trees == null ? 100 : trees, seed == null ? 1 : seed, maxTrainRows == null ? 50000 : maxTrainRows,
                folds == null ? 5 : folds).monitor(monitor == null ? null : new Trainer.Monitor() {
                    @Override
                    public boolean cancelled() {
                        return monitor.isCanceled();
                    }

                    @Override
                    public void progress(String task, float percent) {
                        monitor.setTask(new org.geotools.util.SimpleInternationalString(task));
                        monitor.progress(percent);
                    }
                });
        Trainer.Result r;
        try {
            if (tk == Task.CLASSIFY_OFFENSE) {
                if (incidents.getSchema().getDescriptor("category") == null) {
                    throw org.crimeanalytics.geo.LayerChecks.unlessEmpty(incidents, "incidents",
                            new ProcessException("incidents: no 'category' attribute to learn"));
                }
                PredictSupport.Incidents in = PredictSupport.incidents(incidents, null);
                long[] sorted = in.time().clone();
                java.util.Arrays.sort(sorted);
                double tf = testFraction == null ? 0.2 : testFraction;
                if (!(tf >= 0.05 && tf <= 0.5)) throw new ProcessException("testFraction: must be between 0.05 and 0.5, was " + tf);
                long split = sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * (1 - tf)))];
                r = trainer.classifyOffense(in.time(), in.dayOnly(), in.x(), in.y(), in.premise(), in.area(), in.category(), split, in.points().metricCrs().toWKT());
                r.metrics().put("incidents_skipped_without_time_or_location", in.skipped());
                r.metrics().put("incidents_without_time_of_day", in.dayOnlyCount());
            } else {
                if (areas == null) throw new ProcessException("areas: AREA_COUNTS needs the areas");
                List<String> census = PredictSupport.list(censusAttributes);
                PredictSupport.Areas a = PredictSupport.areas(areas, census);
                long[][] ta = PredictSupport.timesAndAreas(incidents, a, areas.getSchema().getCoordinateReferenceSystem(), "incidents");
                int first = PredictSupport.firstMonth(ta[0]), last = PredictSupport.lastMonth(ta[0]);
                int[] areaIdx = new int[ta[1].length];
                for (int i = 0; i < areaIdx.length; i++) areaIdx[i] = (int) ta[1][i];
                long[][] counts = Trainer.monthly(ta[0], areaIdx, a.features().size(), first, last - first + 1);
                r = trainer.areaCounts(counts, a.census(), census, lags == null ? 3 : lags, testMonths == null ? 3 : testMonths);
                // the Trainer counts months from the first one: the metrics name them (were indexes, 3 shown as if a month)
                for (String k : new String[] {"train_months", "test_months"}) {
                    java.util.List<?> range = (java.util.List<?>) r.metrics().get(k);
                    r.metrics().put(k, java.util.List.of(TemporalProfile.monthLabel(first + ((Number) range.get(0)).intValue()),
                            TemporalProfile.monthLabel(first + ((Number) range.get(1)).intValue())));
                }
                r.metrics().put("first_month", TemporalProfile.monthLabel(first));
                r.metrics().put("last_month", TemporalProfile.monthLabel(last));
            }
        } catch (IllegalArgumentException e) {
            throw new ProcessException((e.getMessage().contains("J48") || e.getMessage().contains("BAYES") || e.getMessage().contains("LOGISTIC")
                    || e.getMessage().contains("REGRESSION") ? "learner: " : "incidents: ") + e.getMessage());
        } catch (ProcessException e) {
            throw e;
        } catch (Trainer.Cancelled e) {
            throw new ProcessException("cancelled"); // nothing was stored
        } catch (Exception e) {
            throw new ProcessException("learner: Weka failed: " + e.getMessage(), e);
        }
        if (monitor != null && monitor.isCanceled()) throw new ProcessException("cancelled"); // nothing was stored
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("name", name);
        card.put("task", tk.name());
        card.put("learner", l.name());
        card.put("features", r.model().header().toString().lines().filter(s -> s.startsWith("@attribute")).toList());
        card.put("weka_version", weka.core.Version.VERSION);
        card.put("created", java.time.Instant.now().toString());
        card.put("trained_by", user != null ? user : "anonymous");
        card.put("metrics", r.metrics());
        r.model().card().put("name", name);
        if (monitor != null) monitor.setTask(new org.geotools.util.SimpleInternationalString("Storing the model"));
        checkReplace(store, name, replace, user);
        try {
            store.save(name, r.model(), Json.pretty(card), replace, Limits.get("maxModelMB", 300) * 1048576L,
                    Limits.get("maxModelStoreMB", 2000) * 1048576L);
        } catch (ModelStore.Refused e) {
            throw new ProcessException((e.getMessage().contains("exists") ? "name: " : "trees: ") + e.getMessage());
        } catch (java.io.IOException e) {
            throw new ProcessException("name: cannot store the model: " + e.getMessage(), e);
        }
        if (monitor != null) monitor.complete();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metrics", Json.pretty(r.metrics()));
        out.put("model", name);
        return out;
    }

    /**
     * Refuses to replace a stored model unless asked, and a model with an owner unless asked by that owner: anonymous
     * callers and other users cannot replace an analyst's model (issue #20).
     */
    static void checkReplace(ModelStore store, String name, boolean overwrite, String user) {
        if (!store.exists(name)) return;
        if (!overwrite) throw new ProcessException("name: a model named '" + name + "' exists; give overwrite=true to replace it");
        String owner = null;
        try {
            Object o = ((Map<?, ?>) Json.parse(store.card(name))).get("trained_by");
            owner = o == null || "anonymous".equals(o) ? null : o.toString();
        } catch (Exception e) {
            owner = null;
        }
        if (owner != null && !owner.equals(user)) {
            throw new ProcessException("name: the model '" + name + "' was trained by " + owner + "; only " + owner
                    + " can replace it (or an administrator, by deleting it from the model store)");
        }
    }

    /**
     * The user asking: GeoServer's authenticated user (Spring Security, propagated to asynchronous runs), null when
     * anonymous; on the command line the operating system's user.
     */
    static String currentUser() {
        try {
            Class<?> h = Class.forName("org.springframework.security.core.context.SecurityContextHolder");
            Object ctx = h.getMethod("getContext").invoke(null);
            Object auth = ctx == null ? null : ctx.getClass().getMethod("getAuthentication").invoke(ctx);
            if (auth == null) return null;
            Object authenticated = auth.getClass().getMethod("isAuthenticated").invoke(auth);
            String n = String.valueOf(auth.getClass().getMethod("getName").invoke(auth));
            if (!Boolean.TRUE.equals(authenticated) || n.isBlank() || "anonymousUser".equals(n)
                    || auth.getClass().getSimpleName().startsWith("Anonymous")) {
                return null;
            }
            return n;
        } catch (ClassNotFoundException e) {
            String u = System.getProperty("user.name");
            return u == null || u.isBlank() ? null : u + " (command line)";
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
