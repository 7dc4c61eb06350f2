package org.crimeanalytics.temporal;

/**
 * Classical additive decomposition y = trend + seasonal + residual (as R's {@code decompose} and
 * statsmodels' {@code seasonal_decompose} define it). Trend: the centred moving average over one
 * season (for an even season length m, the 2 x m average with half weights at both ends); undefined
 * (NaN) for the first and last floor(m/2) values. Seasonal: the mean of y - trend at each position of
 * the season (counted from the first value), shifted so the m indices sum to zero, repeated over the
 * series. Residual: y - trend - seasonal (NaN where the trend is).
 *
 * <p>Degenerate input: a series shorter than two seasons is refused (no seasonal mean for some
 * positions otherwise).
 */
public final class Decomposition {

    public record Result(double[] trend, double[] seasonal, double[] residual, double[] seasonalIndex) {}

    private Decomposition() {}

    public static Result additive(double[] y, int m) {
        int n = y.length;
        if (m < 2) throw new IllegalArgumentException("season length must be >= 2, was " + m);
        if (n < 2 * m) throw new IllegalArgumentException("need at least two seasons (" + 2 * m + " values), got " + n);
        double[] trend = new double[n];
        java.util.Arrays.fill(trend, Double.NaN);
        int h = m / 2;
        for (int t = h; t < n - h; t++) {
            double s = 0;
            if (m % 2 == 0) {
                s = 0.5 * y[t - h] + 0.5 * y[t + h];
                for (int j = t - h + 1; j <= t + h - 1; j++) s += y[j];
            } else {
                for (int j = t - h; j <= t + h; j++) s += y[j];
            }
            trend[t] = s / m;
        }
        double[] index = new double[m];
        for (int p = 0; p < m; p++) {
            double s = 0;
            int c = 0;
            for (int t = p; t < n; t += m) {
                if (!Double.isNaN(trend[t])) {
                    s += y[t] - trend[t];
                    c++;
                }
            }
            index[p] = s / c;
        }
        double mean = 0;
        for (double v : index) mean += v;
        mean /= m;
        for (int p = 0; p < m; p++) index[p] -= mean;
        double[] seasonal = new double[n];
        double[] residual = new double[n];
        for (int t = 0; t < n; t++) {
            seasonal[t] = index[t % m];
            residual[t] = y[t] - trend[t] - seasonal[t];
        }
        return new Result(trend, seasonal, residual, index);
    }
}
