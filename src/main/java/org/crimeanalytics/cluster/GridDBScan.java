package org.crimeanalytics.cluster;

import org.crimeanalytics.weka.WekaSupport;
import weka.clusterers.AbstractClusterer;
import weka.core.Instance;
import weka.core.Instances;

/**
 * A Weka {@code Clusterer} running DBSCAN through a grid index ({@link DBScan}) on the first two
 * attributes taken as planar coordinates in metres, without Weka's attribute rescaling: eps means
 * metres. Weka's own {@code DBSCAN} scans all points per query and normalises attributes; this one
 * gives the same partition on data it can handle (tested) and scales to millions of points.
 * {@link #clusterInstance} returns the label of a training point at the same location, or throws
 * for noise (Weka's convention for unclustered instances).
 */
public class GridDBScan extends AbstractClusterer {

    private static final long serialVersionUID = 1L;
    private double eps = 100;
    private int minPoints = 5;
    private int[] labels;
    private double[] xs;
    private double[] ys;
    private int clusters;

    public GridDBScan() {
        WekaSupport.init();
    }

    public void setEpsilon(double e) {
        eps = e;
    }

    public void setMinPoints(int m) {
        minPoints = m;
    }

    /** Clusters the points; labels -1 for noise. */
    public int[] cluster(double[] x, double[] y, java.util.function.BooleanSupplier cancelled) {
        xs = x;
        ys = y;
        labels = new DBScan(eps, minPoints).run(x, y, cancelled);
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
        cluster(x, y, null);
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
