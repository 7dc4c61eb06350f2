package org.crimeanalytics.cluster;

/**
 * A Weka {@code Clusterer} running OPTICS through a grid index ({@link Optics}), clusters extracted
 * at eps. Weka's own OPTICS package scans every point per query; this one keeps Weka's model and scales.
 */
public class GridOptics extends GridClusterer {

    private static final long serialVersionUID = 1L;
    private transient Optics.Result result;

    /** Runs OPTICS and extracts clusters at eps. */
    public Optics.Result cluster(double[] x, double[] y, java.util.function.BooleanSupplier cancelled) {
        fit(x, y, cancelled);
        return result;
    }

    @Override
    protected int[] label(double[] x, double[] y, java.util.function.BooleanSupplier cancelled) {
        result = new Optics(eps, minPoints).run(x, y, eps, cancelled);
        return result.labels();
    }
}
