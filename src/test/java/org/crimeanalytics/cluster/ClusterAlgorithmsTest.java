package org.crimeanalytics.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.crimeanalytics.TestData;
import org.crimeanalytics.weka.WekaSupport;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

class ClusterAlgorithmsTest {

    static Instances instances(double[] x, double[] y) {
        WekaSupport.init();
        ArrayList<Attribute> a = new ArrayList<>();
        a.add(new Attribute("x"));
        a.add(new Attribute("y"));
        Instances d = new Instances("p", a, x.length);
        for (int i = 0; i < x.length; i++) d.add(new DenseInstance(1, new double[] {x[i], y[i]}));
        return d;
    }

    @Test
    void gridDbscanGivesWekasDbscanPartition() throws Exception {
        // points in the unit square with both attributes spanning exactly [0, 1], so Weka's rescaling is the identity
        Random r = new Random(11);
        int n = 400;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            double cx = (i % 4) * 0.3 + 0.05, cy = (i % 3) * 0.4 + 0.05;
            x[i] = Math.min(1, Math.max(0, cx + r.nextGaussian() * 0.03));
            y[i] = Math.min(1, Math.max(0, cy + r.nextGaussian() * 0.03));
        }
        x[0] = 0;
        y[0] = 0;
        x[1] = 1;
        y[1] = 1;
        weka.clusterers.DBSCAN weka = new weka.clusterers.DBSCAN();
        weka.setEpsilon(0.05);
        weka.setMinPoints(6);
        Instances data = instances(x, y);
        weka.buildClusterer(data);
        int[] ours = new DBScan(0.05, 6).run(x, y, null);
        // same partition up to cluster numbering: map Weka's labels to ours and check consistency
        Map<Integer, Integer> map = new HashMap<>();
        int clusters = 0;
        for (int i = 0; i < n; i++) {
            int w;
            try {
                w = weka.clusterInstance(data.instance(i));
            } catch (Exception e) {
                w = -1;
            }
            if (w < 0) {
                assertEquals(-1, ours[i], "point " + i + " is noise for Weka");
                continue;
            }
            Integer prev = map.putIfAbsent(w, ours[i]);
            if (prev == null) clusters++;
            assertEquals(prev == null ? ours[i] : prev, ours[i], "point " + i);
            assertTrue(ours[i] >= 0);
        }
        assertEquals(weka.numberOfClusters(), clusters);
        assertTrue(clusters >= 6);
    }

    @Test
    void fastKMeansIsAtLeastAsGoodAsWekaSimpleKMeans() throws Exception {
        Random r = new Random(5);
        int n = 3000;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i % 7) * 1000 + r.nextGaussian() * 300;
            y[i] = (i % 5) * 800 + r.nextGaussian() * 300;
        }
        Instances data = instances(x, y);
        weka.clusterers.SimpleKMeans skm = new weka.clusterers.SimpleKMeans();
        skm.setNumClusters(8);
        skm.setSeed(1);
        skm.setInitializationMethod(new weka.core.SelectedTag(weka.clusterers.SimpleKMeans.KMEANS_PLUS_PLUS,
                weka.clusterers.SimpleKMeans.TAGS_SELECTION));
        weka.core.EuclideanDistance dist = new weka.core.EuclideanDistance();
        dist.setDontNormalize(true);
        skm.setDistanceFunction(dist);
        skm.buildClusterer(data);
        FastKMeans ours = new FastKMeans();
        ours.setNumClusters(8);
        ours.setSeed(1);
        ours.buildClusterer(data);
        // ours stops at scikit-learn's tolerance, Weka iterates to a fixed point: same quality within 0.5 %
        assertTrue(ours.getSquaredError() <= skm.getSquaredError() * 1.005,
                "ours " + ours.getSquaredError() + " vs Weka " + skm.getSquaredError());
        // clusterInstance agrees with the labels of the array run
        double[] flat = new double[2 * n];
        for (int i = 0; i < n; i++) {
            flat[2 * i] = x[i];
            flat[2 * i + 1] = y[i];
        }
        KMeans.Result res = ours.cluster(flat, 2, null);
        for (int i = 0; i < n; i += 50) assertEquals(res.labels()[i], ours.clusterInstance(data.instance(i)));
        assertArrayEquals(res.labels(), new KMeans(8, 100, 5, 1).fit(flat, 2, null).labels(), "seeded: same labels");
    }

    /** The hull with the octagon filter equals JTS's hull of all the points. */
    @Test
    void hullOfManyPointsEqualsTheHullOfAll() {
        java.util.Random r = new java.util.Random(5);
        for (int trial = 0; trial < 20; trial++) {
            int n = 100 + r.nextInt(5000);
            double[] x = new double[n], y = new double[n];
            int[] members = new int[n];
            for (int i = 0; i < n; i++) {
                x[i] = trial % 2 == 0 ? r.nextGaussian() * 100 : Math.round(r.nextDouble() * 20); // ties on a lattice too
                y[i] = trial % 2 == 0 ? r.nextGaussian() * 40 : Math.round(r.nextDouble() * 20);
                members[i] = i;
            }
            org.locationtech.jts.geom.Coordinate[] all = new org.locationtech.jts.geom.Coordinate[n];
            for (int i = 0; i < n; i++) all[i] = new org.locationtech.jts.geom.Coordinate(x[i], y[i]);
            org.locationtech.jts.geom.Geometry expected = new org.locationtech.jts.algorithm.ConvexHull(all,
                    new org.locationtech.jts.geom.GeometryFactory()).getConvexHull();
            assertTrue(expected.equalsExact(ClusterShapes.hull(x, y, members)) || expected.equalsTopo(ClusterShapes.hull(x, y, members)),
                    "trial " + trial);
        }
    }

    /** Chicago 2017: our k-means (k = 10) SSE within 1 % of the best of 10 independent k-means++ restarts. */
    @Test
    void chicagoSseWithinOnePercentOfTheBestOfTenRestarts() throws Exception {
        java.nio.file.Path f = TestData.shared("chicago/crimes_2017.csv.gz");
        org.crimeanalytics.ingest.IncidentIngest.Result r;
        try (java.io.InputStream in = org.crimeanalytics.io.Inputs.open(f, null)) {
            r = org.crimeanalytics.process.ImportIncidentsProcess.ingest(in, "2017",
                    org.crimeanalytics.process.ImportIncidentsProcess.options(null, null, null, null, null, null), null, null, -1);
        }
        org.crimeanalytics.geo.ProjectedPoints p = org.crimeanalytics.geo.ProjectedPoints.extract(
                new org.crimeanalytics.geo.IncidentCollection(r.table()), null, false, "incidents", null);
        int n = p.size();
        double[] flat = new double[2 * n];
        for (int i = 0; i < n; i++) {
            flat[2 * i] = p.x()[i];
            flat[2 * i + 1] = p.y()[i];
        }
        FastKMeans ours = new FastKMeans();
        ours.setNumClusters(10);
        ours.setSeed(1);
        double sse = ours.cluster(flat, 2, null).sse();
        double best = Double.POSITIVE_INFINITY;
        for (int s = 100; s < 110; s++) best = Math.min(best, new KMeans(10, 300, 1, s).fit(flat, 2, null).sse());
        System.out.printf("Chicago 2017 (%d incidents): SSE ours %.6e m2, best of 10 independent k-means++ restarts %.6e m2 (ratio %.5f)%n",
                n, sse, best, sse / best);
        assertTrue(sse <= best * 1.01, "ours " + sse + " vs best " + best);
    }

    @Test
    void hamerlyBoundsGiveLloydsLabelsCentresAndSse() {
        // clustered, uniform and heavily repeated points, weighted and not, 2 and 3 columns: every iteration must
        // assign as plain Lloyd does, so the whole result is identical, not merely close
        Random r = new Random(5);
        for (int trial = 0; trial < 12; trial++) {
            int d = trial % 3 == 2 ? 3 : 2, n = 3000 + trial * 500, k = 2 + trial % 9;
            double[] x = new double[n * d];
            for (int i = 0; i < n; i++) {
                int g = r.nextInt(6);
                for (int t = 0; t < d; t++) {
                    double v = trial % 4 == 1 ? r.nextDouble() * 1000 : g * 100 + r.nextGaussian() * (20 + 10 * t);
                    x[i * d + t] = trial % 4 == 3 ? Math.rint(v / 25) * 25 : v; // snapped: many repeats and exact ties
                }
            }
            double[] w = null;
            if (trial % 2 == 1) {
                w = new double[n];
                for (int i = 0; i < n; i++) w[i] = 1 + r.nextInt(5);
            }
            KMeans.Result fast = new KMeans(k, 300, 1, trial).fit(x, d, w, null);
            KMeans.Result plain = new KMeans(k, 300, 1, trial, false).fit(x, d, w, null);
            assertArrayEquals(plain.labels(), fast.labels(), "trial " + trial);
            assertArrayEquals(plain.centres(), fast.centres(), 0, "trial " + trial);
            assertEquals(plain.sse(), fast.sse(), 0, "trial " + trial);
            assertEquals(plain.iterations(), fast.iterations(), "trial " + trial);
        }
        // more points than one parallel chunk, restarts on samples and then all points from the best sample's centres
        int n = 70_000;
        double[] x = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int g = r.nextInt(7);
            x[2 * i] = g * 300 + r.nextGaussian() * 120;
            x[2 * i + 1] = (g % 3) * 400 + r.nextGaussian() * 150;
        }
        KMeans.Result fast = new KMeans(8, 300, 3, 7).fit(x, 2, null);
        KMeans.Result plain = new KMeans(8, 300, 3, 7, false).fit(x, 2, null);
        assertArrayEquals(plain.labels(), fast.labels());
        assertEquals(plain.sse(), fast.sse(), 0);
        // the restarts run side by side: the same answer at every run, whatever the threads' timing
        for (int rep = 0; rep < 4; rep++) {
            KMeans.Result again = new KMeans(8, 300, 3, 7).fit(x, 2, null);
            assertArrayEquals(fast.labels(), again.labels(), "run " + rep);
            assertArrayEquals(fast.centres(), again.centres(), 0, "run " + rep);
            assertEquals(fast.sse(), again.sse(), 0, "run " + rep);
        }
        // a NaN coordinate (the processes reject them): the same answer as plain iterations
        double[] nan = {0, 0, 1, 1, Double.NaN, 0, 10, 10, 11, 10};
        assertArrayEquals(new KMeans(2, 100, 1, 3, false).fit(nan, 2, null).labels(), new KMeans(2, 100, 1, 3).fit(nan, 2, null).labels());
    }
}
