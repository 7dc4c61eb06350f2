package org.crimeanalytics.cluster;

import org.crimeanalytics.weka.WekaSupport;
import weka.clusterers.NumberOfClustersRequestable;
import weka.clusterers.RandomizableClusterer;
import weka.core.Instance;
import weka.core.Instances;

/**
 * A Weka {@code Clusterer}: k-means++ with Lloyd iterations over plain arrays on all cores
 * ({@link KMeans}), for data sets far beyond what {@code SimpleKMeans} handles in memory and time.
 * Distances are Euclidean on the attribute values as given (no rescaling: give metres). Usable
 * anywhere Weka takes a clusterer; {@link #cluster} runs directly on arrays without building
 * {@code Instances}.
 */
public class FastKMeans extends RandomizableClusterer implements NumberOfClustersRequestable {

    private static final long serialVersionUID = 1L;
    private int numClusters = 2;
    private int maxIterations = 100;
    private int restarts = 5;
    private KMeans.Result model;

    public FastKMeans() {
        WekaSupport.init();
    }

    @Override
    public void setNumClusters(int n) {
        numClusters = n;
    }

    public int getNumClusters() {
        return numClusters;
    }

    public void setMaxIterations(int m) {
        maxIterations = m;
    }

    public void setRestarts(int r) {
        restarts = r;
    }

    /**
     * Clusters row-major data of d columns; cancellation checked every iteration. Repeated points
     * (incidents geocoded to the same block) are clustered once with their count as weight, which gives
     * the same clusters, centres and SSE at a fraction of the cost; labels are returned for every point.
     */
    public KMeans.Result cluster(double[] data, int d, java.util.function.BooleanSupplier cancelled) {
        int n = data.length / d;
        DistinctRows u = DistinctRows.of(data, d);
        KMeans km = new KMeans(numClusters, maxIterations, restarts, getSeed());
        if (!usesDistinct(u.size(), n)) { // under 20 % repeats: not worth it
            model = km.fit(data, d, cancelled);
            return model;
        }
        KMeans.Result r = clusterWeighted(u.data(), d, u.weights(), cancelled);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = r.labels()[u.rowOf()[i]];
        model = new KMeans.Result(labels, r.centres(), r.sse(), r.iterations(), r.k(), r.d());
        return model;
    }

    /**
     * Clusters distinct locations with their multiplicities (in order of first occurrence, as {@link DistinctRows}
     * gives them), as {@link #cluster} does once it has found the repeats: a distributed job that aggregates the
     * locations itself gets the same centres and SSE. Labels are per location.
     */
    public KMeans.Result clusterWeighted(double[] distinct, int d, double[] weights, java.util.function.BooleanSupplier cancelled) {
        return new KMeans(numClusters, maxIterations, restarts, getSeed()).fit(distinct, d, weights, cancelled);
    }

    /** Whether {@link #cluster} clusters distinct locations with weights ({@code distinct} of {@code n} points): at least 20 % repeats. */
    public static boolean usesDistinct(long distinct, long n) {
        return distinct * 5 <= n * 4;
    }

    @Override
    public void buildClusterer(Instances data) throws Exception {
        getCapabilities().testWithFail(data);
        int d = data.numAttributes();
        double[] x = new double[data.numInstances() * d];
        for (int i = 0; i < data.numInstances(); i++) {
            for (int t = 0; t < d; t++) x[i * d + t] = data.instance(i).value(t);
        }
        cluster(x, d, null);
    }

    @Override
    public int clusterInstance(Instance inst) {
        int best = 0;
        double bd = Double.POSITIVE_INFINITY;
        for (int j = 0; j < model.k(); j++) {
            double s = 0;
            for (int t = 0; t < model.d(); t++) {
                double diff = inst.value(t) - model.centres()[j * model.d() + t];
                s += diff * diff;
            }
            if (s < bd) {
                bd = s;
                best = j;
            }
        }
        return best;
    }

    @Override
    public int numberOfClusters() {
        return model == null ? numClusters : model.k();
    }

    @Override
    public weka.core.Capabilities getCapabilities() {
        weka.core.Capabilities c = super.getCapabilities();
        c.disableAll();
        c.enable(weka.core.Capabilities.Capability.NO_CLASS);
        c.enable(weka.core.Capabilities.Capability.NUMERIC_ATTRIBUTES);
        return c;
    }

    /** Sum of squared distances to the nearest centre after the last build. */
    public double getSquaredError() {
        return model.sse();
    }
}
