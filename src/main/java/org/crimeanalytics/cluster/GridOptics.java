package org.crimeanalytics.cluster;

import org.crimeanalytics.weka.WekaSupport;
import weka.clusterers.AbstractClusterer;
import weka.core.Instance;
import weka.core.Instances;

/**
 * A Weka {@code Clusterer} running OPTICS through a grid index ({@link Optics}) on the first two
 * attributes as planar coordinates in metres (no attribute rescaling), with clusters extracted at eps.
 * Weka's own OPTICS package scans every point per query; this one keeps Weka's model and scales.
 */
public class GridOptics extends AbstractClusterer {

    private static final long serialVersionUID = 1L;
    private double eps = 100;
    private int minPoints = 5;
    private Optics.Result result;
    private double[] xs;
    private double[] ys;
    private int clusters;

    public GridOptics() {
        WekaSupport.init();
    }

    public void setEpsilon(double e) {
        eps = e;
    }

    public void setMinPoints(int m) {
        minPoints = m;
    }

    /** Runs OPTICS and extracts clusters at eps. */
    public Optics.Result cluster(double[] x, double[] y, java.util.function.BooleanSupplier cancelled) {
        xs = x;
        ys = y;
        result = new Optics(eps, minPoints).run(x, y, eps, cancelled);
        int max = -1;
        for (int l : result.labels()) max = Math.max(max, l);
        clusters = max + 1;
        return result;
    }

    @Override
    public void buildClusterer(Instances data) throws Exception {
        double[] x = new double[data.numInstances()], y = new double[data.numInstances()];
        for (int i = 0; i < x.length; i++) {
            x[i] = data.instance(i).value(0);
            y[i] = data.instance(i).value(1);
        }
        cluster(x, y, null);
    }

    @Override
    public int clusterInstance(Instance inst) throws Exception {
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] == inst.value(0) && ys[i] == inst.value(1)) {
                if (result.labels()[i] < 0) throw new Exception("noise");
                return result.labels()[i];
            }
        }
        throw new Exception("not a training instance");
    }

    @Override
    public int numberOfClusters() {
        return clusters;
    }
}
