package org.crimeanalytics.cluster;

/**
 * A Weka {@code Clusterer} running DBSCAN through a grid index ({@link DBScan}). Weka's own
 * {@code DBSCAN} scans all points per query and normalises attributes; this one gives the same
 * partition on data it can handle (tested) and scales to millions of points.
 */
public class GridDBScan extends GridClusterer {

    private static final long serialVersionUID = 1L;

    /** Clusters the points; labels -1 for noise. */
    public int[] cluster(double[] x, double[] y, java.util.function.BooleanSupplier cancelled) {
        return fit(x, y, cancelled);
    }

    @Override
    protected int[] label(double[] x, double[] y, java.util.function.BooleanSupplier cancelled) {
        return new DBScan(eps, minPoints).run(x, y, cancelled);
    }
}
