package org.crimeanalytics.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.crimeanalytics.temporal.TemporalProfile;
import org.crimeanalytics.weka.WekaSupport;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Trains Weka models with a split by time: the model learns from incidents (or months) before the
 * split and is tested on those after it, never the other way; k-fold cross-validation runs on the
 * training part only. Every metric sits beside a baseline (majority class; last month's count).
 * Permutation importance: the drop of accuracy (or rise of RMSE) on the test part when one feature's
 * values are shuffled (seeded). Configured once; each train call is independent.
 */
public final class Trainer {

    /** Weka learners. */
    public enum Learner { RANDOM_FOREST, J48, NAIVE_BAYES, LOGISTIC, LINEAR_REGRESSION }

    /** The premise value standing for every premise outside the 30 most frequent (and missing ones). */
    public static final String OTHER_PREMISE = "(other or unknown premise)";

    /** The area value standing for areas outside the 80 most frequent (and missing ones). */
    public static final String OTHER_AREA = "(other or unknown area)";

    static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private final Learner learner;
    private final int trees;
    private final long seed;
    private final int maxTrainRows;
    private final int folds;

    public Trainer(Learner learner, int trees, long seed, int maxTrainRows, int folds) {
        this.learner = learner;
        this.trees = trees;
        this.seed = seed;
        this.maxTrainRows = maxTrainRows;
        this.folds = folds;
    }

    /** A model and its metrics. */
    public record Result(StoredModel model, Map<String, Object> metrics) {}

    /** What a training run tells its caller, and whether to stop (polled between forest chunks, folds and features). */
    public interface Monitor {
        boolean cancelled();

        void progress(String task, float percent);
    }

    /** Thrown when the monitor asks to stop; nothing has been stored. */
    public static final class Cancelled extends RuntimeException {
        public Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    private Monitor monitor = new Monitor() {
        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public void progress(String task, float percent) {}
    };

    /** Sets the run's monitor (per-run state: one Trainer per run). */
    public Trainer monitor(Monitor m) {
        if (m != null) this.monitor = m;
        return this;
    }

    private void check() {
        if (monitor.cancelled()) throw new Cancelled();
    }

    /**
     * Builds the classifier; a random forest is built in chunks of trees (at least one per core, at most 50 chunks)
     * aggregated into one forest (Weka's {@code Aggregateable}), so that a cancelled run stops within one chunk and the
     * progress moves from {@code from} to {@code to} percent. Chunk k is seeded seed + 7919 k.
     */
    Classifier train(Instances tr, boolean regression, float from, float to) throws Exception {
        check();
        if (learner != Learner.RANDOM_FOREST) {
            monitor.progress("Training " + learner, from);
            Classifier c = newClassifier(regression);
            c.buildClassifier(tr);
            monitor.progress("Trained " + learner, to);
            return c;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int chunk = Math.max(Math.min(cores, trees), (int) Math.ceil(trees / 50.0));
        weka.classifiers.trees.RandomForest all = null;
        int built = 0;
        for (int k = 0; built < trees; k++) {
            check();
            int n = Math.min(chunk, trees - built);
            weka.classifiers.trees.RandomForest rf = (weka.classifiers.trees.RandomForest) newClassifier(regression);
            rf.setNumIterations(n);
            rf.setSeed((int) (seed + 7919L * k));
            rf.buildClassifier(tr);
            if (all == null) all = rf;
            else all.aggregate(rf);
            built += n;
            monitor.progress("Training the random forest: " + built + " of " + trees + " trees", from + (to - from) * built / trees);
        }
        if (built > chunk) all.finalizeAggregation();
        return all;
    }

    Classifier newClassifier(boolean regression) throws Exception {
        WekaSupport.init();
        return switch (learner) {
            case RANDOM_FOREST -> {
                weka.classifiers.trees.RandomForest rf = new weka.classifiers.trees.RandomForest();
                rf.setNumIterations(trees);
                rf.setSeed((int) seed);
                rf.setNumExecutionSlots(Runtime.getRuntime().availableProcessors());
                yield rf;
            }
            case J48 -> {
                if (regression) throw new IllegalArgumentException("J48 classifies; use RANDOM_FOREST or LINEAR_REGRESSION for counts");
                yield new weka.classifiers.trees.J48();
            }
            case NAIVE_BAYES -> {
                if (regression) throw new IllegalArgumentException("NAIVE_BAYES classifies; use RANDOM_FOREST or LINEAR_REGRESSION for counts");
                yield new weka.classifiers.bayes.NaiveBayes();
            }
            case LOGISTIC -> {
                if (regression) throw new IllegalArgumentException("LOGISTIC classifies; use RANDOM_FOREST or LINEAR_REGRESSION for counts");
                yield new weka.classifiers.functions.Logistic();
            }
            case LINEAR_REGRESSION -> {
                if (!regression) throw new IllegalArgumentException("LINEAR_REGRESSION predicts counts; use it with AREA_COUNTS");
                yield new weka.classifiers.functions.LinearRegression();
            }
        };
    }

    // ---------------- offense classification ----------------

    /** The offense data set header: hour, day of week, month, x, y, premise, area, class. */
    static Instances offenseHeader(List<String> premises, List<String> areas, List<String> classes) {
        ArrayList<Attribute> a = new ArrayList<>();
        a.add(new Attribute("hour"));
        a.add(new Attribute("weekday", Arrays.asList(DAYS)));
        a.add(new Attribute("month"));
        a.add(new Attribute("x_m"));
        a.add(new Attribute("y_m"));
        a.add(new Attribute("premise", premises));
        a.add(new Attribute("area", areas));
        a.add(new Attribute("category", classes));
        Instances h = new Instances("offenses", a, 0);
        h.setClassIndex(7);
        return h;
    }

    /**
     * One incident as a row of the offense data set (class left missing). Its hour is missing, not 0, when it has no
     * known time of day ({@link TemporalProfile#knownHour}): {@code dayOnly} (day precision: its 00:00 is not midnight)
     * or a midnight placeholder (00:00, 00:01: "time unknown").
     */
    public static Instance offenseRow(Instances h, long t, boolean dayOnly, double x, double y, String premise, String area) {
        DenseInstance in = new DenseInstance(8);
        in.setDataset(h);
        if (Double.isNaN(TemporalProfile.knownHour(t, dayOnly))) in.setMissing(0);
        else in.setValue(0, TemporalProfile.hour(t));
        in.setValue(1, TemporalProfile.weekday(t));
        in.setValue(2, Math.floorMod(TemporalProfile.monthIndex(t), 12) + 1);
        in.setValue(3, x);
        in.setValue(4, y);
        int p = premise == null ? -1 : h.attribute(5).indexOfValue(premise);
        in.setValue(5, p < 0 ? h.attribute(5).indexOfValue(OTHER_PREMISE) : p);
        int ar = area == null ? -1 : h.attribute(6).indexOfValue(area);
        in.setValue(6, ar < 0 ? h.attribute(6).indexOfValue(OTHER_AREA) : ar);
        return in;
    }

    /**
     * Offense category from time and place (hour, weekday, month, x/y in metres, premise, area). Rows with time before {@code split} train, the rest test.
     * Premises: the 30 most frequent in training, others {@link #OTHER_PREMISE}. Test rows whose category never
     * occurred in training are left out and counted. {@code dayOnly} (null: none): incidents dated to the day, whose
     * hour is missing.
     */
    public Result classifyOffense(long[] t, boolean[] dayOnly, double[] x, double[] y, String[] premise, String[] area, String[] category,
            long split, String crsWkt)
            throws Exception {
        int n = t.length;
        Map<String, Integer> premCount = new HashMap<>(), classCount = new HashMap<>(), areaCount = new HashMap<>();
        List<Integer> train = new ArrayList<>(), test = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (category[i] == null) continue;
            if (t[i] < split) {
                train.add(i);
                if (premise[i] != null) premCount.merge(premise[i], 1, Integer::sum);
                if (area[i] != null) areaCount.merge(area[i], 1, Integer::sum);
                classCount.merge(category[i], 1, Integer::sum);
            } else {
                test.add(i);
            }
        }
        if (train.size() < 10) throw new IllegalArgumentException("only " + train.size() + " incidents before the split: too few to train");
        if (test.isEmpty()) throw new IllegalArgumentException("no incident on or after the split: nothing to test on");
        List<String> prem = new ArrayList<>(premCount.keySet());
        prem.sort((a, b) -> premCount.get(b) - premCount.get(a) != 0 ? premCount.get(b) - premCount.get(a) : a.compareTo(b));
        prem.remove(OTHER_PREMISE);
        if (prem.size() > 30) prem = new ArrayList<>(prem.subList(0, 30));
        prem.add(OTHER_PREMISE);
        List<String> areas = new ArrayList<>(areaCount.keySet());
        areas.sort((a, b) -> areaCount.get(b) - areaCount.get(a) != 0 ? areaCount.get(b) - areaCount.get(a) : a.compareTo(b));
        areas.remove(OTHER_AREA);
        if (areas.size() > 80) areas = new ArrayList<>(areas.subList(0, 80));
        areas.add(OTHER_AREA);
        List<String> classes = new ArrayList<>(classCount.keySet());
        classes.sort(null);
        Instances h = offenseHeader(prem, areas, classes);
        List<Integer> sampled = sample(train, maxTrainRows);
        Instances tr = new Instances(h, sampled.size());
        long maxTrainTime = Long.MIN_VALUE;
        for (int i : sampled) {
            Instance in = offenseRow(tr, t[i], dayOnly != null && dayOnly[i], x[i], y[i], premise[i], area[i]);
            in.setValue(7, classes.indexOf(category[i]));
            tr.add(in);
            maxTrainTime = Math.max(maxTrainTime, t[i]);
        }
        Instances te = new Instances(h, test.size());
        int unseen = 0;
        long minTestTime = Long.MAX_VALUE;
        for (int i : test) {
            int c = classes.indexOf(category[i]);
            if (c < 0) {
                unseen++;
                continue;
            }
            Instance in = offenseRow(te, t[i], dayOnly != null && dayOnly[i], x[i], y[i], premise[i], area[i]);
            in.setValue(7, c);
            te.add(in);
            minTestTime = Math.min(minTestTime, t[i]);
        }
        Classifier cl = train(tr, false, 20, 70);
        Evaluation ev = new Evaluation(tr);
        ev.evaluateModel(cl, te);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", "CLASSIFY_OFFENSE");
        m.put("learner", learner.name());
        m.put("train_rows", tr.numInstances());
        m.put("train_rows_available", train.size());
        m.put("sampled_for_training", tr.numInstances() < train.size());
        m.put("test_rows", te.numInstances());
        m.put("test_rows_with_unseen_class", unseen);
        m.put("last_train_time", org.crimeanalytics.geo.GeoJson.isoFloating(maxTrainTime));
        m.put("first_test_time", org.crimeanalytics.geo.GeoJson.isoFloating(minTestTime));
        m.put("classes", classes);
        m.put("accuracy", ev.pctCorrect() / 100);
        m.put("kappa", ev.kappa());
        List<Object> per = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            Map<String, Object> pc = new LinkedHashMap<>();
            pc.put("class", classes.get(c));
            pc.put("precision", ev.precision(c));
            pc.put("recall", ev.recall(c));
            pc.put("f1", ev.fMeasure(c));
            per.add(pc);
        }
        m.put("per_class", per);
        double[][] cm = ev.confusionMatrix();
        m.put("confusion_matrix_rows_actual_columns_predicted", cm);
        // baseline: the majority class of the training part
        int major = 0;
        for (int c = 1; c < classes.size(); c++) if (classCount.get(classes.get(c)) > classCount.get(classes.get(major))) major = c;
        int hits = 0;
        for (int i = 0; i < te.numInstances(); i++) if ((int) te.instance(i).classValue() == major) hits++;
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("rule", "always the training majority class: " + classes.get(major));
        base.put("accuracy", (double) hits / te.numInstances());
        m.put("baseline", base);
        if (folds > 1) m.put("cross_validation", crossValidate(tr, false));
        m.put("permutation_importance", importance(cl, te, false, ev.pctCorrect() / 100));
        StoredModel model = new StoredModel("CLASSIFY_OFFENSE", cl, new Instances(h, 0), prem, List.of(), 0, crsWkt, m);
        return new Result(model, m);
    }

    // ---------------- area counts ----------------

    static Instances countsHeader(int lags, List<String> census) {
        ArrayList<Attribute> a = new ArrayList<>();
        for (int l = 1; l <= lags; l++) a.add(new Attribute("lag" + l));
        for (String c : census) a.add(new Attribute("census_" + c));
        a.add(new Attribute("count"));
        Instances h = new Instances("area_counts", a, 0);
        h.setClassIndex(a.size() - 1);
        return h;
    }

    static Instance countsRow(Instances h, long[][] counts, int area, int month, int lags, double[][] census) {
        DenseInstance in = new DenseInstance(h.numAttributes());
        in.setDataset(h);
        for (int l = 1; l <= lags; l++) in.setValue(l - 1, counts[area][month - l]);
        for (int c = 0; c < (census == null ? 0 : census[area].length); c++) in.setValue(lags + c, census[area][c]);
        return in;
    }

    /** Monthly counts [area][month] from incident times and area indices (-1: no area, skipped). */
    public static long[][] monthly(long[] t, int[] area, int nAreas, int firstMonth, int months) {
        long[][] c = new long[nAreas][months];
        for (int i = 0; i < t.length; i++) {
            if (area[i] < 0) continue;
            int m = TemporalProfile.monthIndex(t[i]) - firstMonth;
            if (m >= 0 && m < months) c[area[i]][m]++;
        }
        return c;
    }

    /**
     * Next month's count per area from the previous {@code lags} months and census attributes. The
     * last {@code testMonths} months test, earlier months train.
     */
    public Result areaCounts(long[][] counts, double[][] census, List<String> censusNames, int lags, int testMonths) throws Exception {
        int nAreas = counts.length, months = counts[0].length;
        if (months < lags + testMonths + 2) {
            throw new IllegalArgumentException("the incidents span " + months + " months; " + (lags + testMonths + 2) + " are needed (lags + test months + 2)");
        }
        Instances h = countsHeader(lags, censusNames);
        Instances tr = new Instances(h, 0), te = new Instances(h, 0);
        int firstTest = months - testMonths;
        double baseAbs = 0, baseSq = 0;
        for (int m = lags; m < months; m++) {
            for (int a = 0; a < nAreas; a++) {
                Instance in = countsRow(h, counts, a, m, lags, census);
                in.setValue(h.classIndex(), counts[a][m]);
                if (m < firstTest) tr.add(in);
                else {
                    te.add(in);
                    double e = counts[a][m] - counts[a][m - 1];
                    baseAbs += Math.abs(e);
                    baseSq += e * e;
                }
            }
        }
        Classifier cl = train(tr, true, 20, 70);
        Evaluation ev = new Evaluation(tr);
        ev.evaluateModel(cl, te);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", "AREA_COUNTS");
        m.put("learner", learner.name());
        m.put("train_rows", tr.numInstances());
        m.put("test_rows", te.numInstances());
        m.put("train_months", List.of(lags, firstTest - 1));
        m.put("test_months", List.of(firstTest, months - 1));
        m.put("mae", ev.meanAbsoluteError());
        m.put("rmse", ev.rootMeanSquaredError());
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("rule", "next month = last month's count");
        base.put("mae", baseAbs / te.numInstances());
        base.put("rmse", Math.sqrt(baseSq / te.numInstances()));
        m.put("baseline", base);
        if (folds > 1) m.put("cross_validation", crossValidate(tr, true));
        m.put("permutation_importance", importance(cl, te, true, ev.rootMeanSquaredError()));
        StoredModel model = new StoredModel("AREA_COUNTS", cl, new Instances(h, 0), List.of(), censusNames, lags, null, m);
        return new Result(model, m);
    }

    // ---------------- shared ----------------

    private Map<String, Object> crossValidate(Instances train, boolean regression) throws Exception {
        Instances cvData = train;
        boolean sampled = train.numInstances() > 5000;
        if (sampled) {
            cvData = new Instances(train);
            cvData.randomize(new java.util.Random(seed));
            cvData = new Instances(cvData, 0, 5000);
        }
        // Weka's crossValidateModel, fold by fold, so that a cancelled run stops between folds
        java.util.Random rand = new java.util.Random(seed);
        cvData = new Instances(cvData);
        cvData.randomize(rand);
        if (cvData.classAttribute().isNominal()) cvData.stratify(folds);
        Evaluation cv = new Evaluation(cvData);
        for (int f = 0; f < folds; f++) {
            check();
            monitor.progress("Cross-validation: fold " + (f + 1) + " of " + folds, 72 + 10f * f / folds);
            Instances foldTrain = cvData.trainCV(folds, f, rand), foldTest = cvData.testCV(folds, f);
            Classifier c = newClassifier(regression);
            c.buildClassifier(foldTrain);
            cv.evaluateModel(c, foldTest);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("folds", folds);
        m.put("rows", cvData.numInstances());
        if (regression) {
            m.put("mae", cv.meanAbsoluteError());
            m.put("rmse", cv.rootMeanSquaredError());
        } else {
            m.put("accuracy", cv.pctCorrect() / 100);
            m.put("kappa", cv.kappa());
        }
        m.put("note", "on the training part only" + (sampled ? ", a seeded sample of 5,000 rows" : "")); // (cvData is always a copy)
        return m;
    }

    private Map<String, Object> importance(Classifier cl, Instances test, boolean regression, double base) throws Exception {
        Instances te = test;
        if (te.numInstances() > 20000) {
            te = new Instances(test);
            te.randomize(new java.util.Random(seed));
            te = new Instances(te, 0, 20000);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int a = 0; a < te.numAttributes(); a++) {
            if (a == te.classIndex()) continue;
            check();
            monitor.progress("Permutation importance: " + te.attribute(a).name(), 85 + 10f * a / te.numAttributes());
            Instances p = new Instances(te);
            for (int i = p.numInstances() - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                double vi = p.instance(i).value(a), vj = p.instance(j).value(a);
                p.instance(i).setValue(a, vj);
                p.instance(j).setValue(a, vi);
            }
            Evaluation ev = new Evaluation(p);
            ev.evaluateModel(cl, p);
            m.put(te.attribute(a).name(), regression ? ev.rootMeanSquaredError() - base : base - ev.pctCorrect() / 100);
        }
        return m;
    }

    private List<Integer> sample(List<Integer> rows, int max) {
        if (rows.size() <= max) return rows;
        List<Integer> copy = new ArrayList<>(rows);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < max; i++) {
            int j = i + rnd.nextInt(copy.size() - i);
            Integer tmp = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, tmp);
        }
        return copy.subList(0, max);
    }

}
