package org.crimeanalytics.hotspot;

/**
 * Global Moran's I z-scores over increasing distance bands, and the first peak (a z-score larger than
 * both its neighbours in the sequence), as ArcGIS's Incremental Spatial Autocorrelation and Optimized
 * Hot Spot Analysis use to choose a scale of analysis.
 */
public final class IncrementalAutocorrelation {

    /** The distances tried, their z-scores (randomisation), and the index of the first peak (-1: none). */
    public record Result(double[] distances, double[] z, int firstPeak) {}

    private IncrementalAutocorrelation() {}

    public static Result run(double[] x, double[] y, double[] values, double start, double increment, int steps) {
        return run(x, y, values, start, increment, steps, null);
    }

    /** As {@link #run(double[], double[], double[], double, double, int)}, checking {@code cancelled} before each band. */
    public static Result run(double[] x, double[] y, double[] values, double start, double increment, int steps,
            java.util.function.BooleanSupplier cancelled) {
        double[] d = new double[steps];
        double[] z = new double[steps];
        for (int s = 0; s < steps; s++) {
            if (cancelled != null && cancelled.getAsBoolean()) throw new java.util.concurrent.CancellationException("cancelled");
            d[s] = start + s * increment;
            SpatialWeights w = SpatialWeights.distanceBand(x, y, d[s]).rowStandardised();
            z[s] = Moran.global(values, w).zRand();
        }
        int peak = -1;
        for (int s = 1; s < steps - 1; s++) {
            if (z[s] > z[s - 1] && z[s] > z[s + 1]) {
                peak = s;
                break;
            }
        }
        return new Result(d, z, peak);
    }
}
