package org.crimeanalytics.cluster;

import org.crimeanalytics.weka.WekaSupport;
import weka.clusterers.AbstractClusterer;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Base of the grid-indexed density clusterers: a Weka {@code Clusterer} on the first two attributes
 * as planar coordinates in metres (no attribute rescaling: eps means metres). {@link #clusterInstance}
 * returns the label of a training point at the same location, or throws for noise (Weka's convention
 * for unclustered instances).
 */
public abstract class GridClusterer extends AbstractClusterer {

    private static final long serialVersionUID = 1L;
    protected double eps = 100;
    protected int minPoints = 5;
    private int[] labels;
    private double[] xs;
    private double[] ys;
    private int clusters;

    protected GridClusterer() {
        WekaSupport.init();
    }

    public void setEpsilon(double e) {
        eps = e;
    }

    public void setMinPoints(int m) {
        minPoints = m;
    }

    /** Labels of the points (-1 noise). */
    protected abstract int[] label(double[] x, double[] y, java.util.function.BooleanSupplier cancelled);

    /** Clusters the points and keeps the labels. */
    protected final int[] fit(double[] x, double[] y, java.util.function.BooleanSupplier cancelled) {
        xs = x;
        ys = y;
        labels = label(x, y, cancelled);
        int max = -1;
        for (int l : labels) max = Math.max(max, l);
        clusters = max + 1;
        return labels;
    }

    @Override
    public void buildClusterer(Instances data) throws Exception {
        double[] x = new double[data.numInstances()], y = new double[data.numInstances()];
        for (int i = 0; i < x.length; i++) {
            x[i] = data.instance(i).value(0);
            y[i] = data.instance(i).value(1);
        }
        fit(x, y, null);
    }

    @Override
    public int clusterInstance(Instance inst) throws Exception {
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] == inst.value(0) && ys[i] == inst.value(1)) {
                if (labels[i] < 0) throw new Exception("noise");
                return labels[i];
            }
        }
        throw new Exception("not a training instance");
    }

    @Override
    public int numberOfClusters() {
        return clusters;
    }
}
