package org.crimeanalytics.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * Lloyd's k-means over row-major {@code double[n * d]} data with k-means++ seeding (Arthur &amp;
 * Vassilvitskii 2007), run on all cores in fixed chunks so results do not depend on thread timing,
 * stopping at scikit-learn's tolerance ({@link #TOLERANCE}),
 * each iteration skipping the points whose assignment Hamerly's bounds prove unchanged (G. Hamerly, "Making
 * k-means even faster", SIAM SDM 2010: one upper bound to the own centre, one lower bound to all others, centre
 * separations; the labels, centres and SSE are those of plain Lloyd iterations, only fewer distances are computed),
 * and the best (lowest SSE) of {@code restarts} seeded starts kept. Configured once; {@link #fit} runs.
 * Points may carry weights (a distinct location standing for its repeats): the weighted objective is
 * exactly the unweighted one over the repeated points.
 *
 * <p>Degenerate input: k greater than the number of distinct points is refused by the caller; an
 * empty cluster during iterations is re-seeded with the point farthest from its centre; identical
 * points give SSE 0.
 */
public final class KMeans {

    /** The outcome of one fit. */
    public record Result(int[] labels, double[] centres, double sse, int iterations, int k, int d) {}

    /**
     * Convergence: iterations stop when the squared shift of all centres is at most this fraction of the
     * data's mean variance per dimension (scikit-learn's criterion and default), or when no label changes.
     */
    public static final double TOLERANCE = 1e-4;

    private final int k;
    private final int maxIterations;
    private final int restarts;
    private final long seed;
    private final boolean bounds;
    private static final int CHUNK = 1 << 15;

    public KMeans(int k, int maxIterations, int restarts, long seed) {
        this(k, maxIterations, restarts, seed, true);
    }

    /** {@code bounds} false: plain Lloyd iterations (every distance every time), for tests of the bounded ones. */
    KMeans(int k, int maxIterations, int restarts, long seed, boolean bounds) {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1");
        this.k = k;
        this.maxIterations = maxIterations;
        this.restarts = Math.max(1, restarts);
        this.seed = seed;
        this.bounds = bounds;
    }

    /**
     * Fits the data. With several restarts on more than {@value #SAMPLE_ABOVE} points, each restart
     * (k-means++ and Lloyd) runs on its own seeded random sample of {@code max(SAMPLE_ABOVE, min(n/10,
     * SAMPLE_MAX))} points; the centres of the best sample run then start Lloyd iterations on all points. Smaller
     * data: every restart runs on all points and the lowest SSE wins.
     */
    public Result fit(double[] data, int d, BooleanSupplier cancelled) {
        return fit(data, d, null, cancelled);
    }

    /**
     * As {@link #fit(double[], int, BooleanSupplier)} with a weight per point (null: all 1); samples for
     * the restarts are drawn with probability proportional to the weights, as from the repeated points.
     */
    public Result fit(double[] data, int d, double[] w, BooleanSupplier cancelled) {
        int n = data.length / d;
        double total = w == null ? n : java.util.Arrays.stream(w).sum();
        if (restarts == 1 || total <= SAMPLE_ABOVE) {
            Result best = null;
            for (int r = 0; r < restarts; r++) {
                Result res = run(data, d, w, seed + r * 0x9E3779B97F4A7C15L, cancelled, null);
                if (best == null || res.sse() < best.sse()) best = res;
            }
            return best;
        }
        int m = (int) Math.max(SAMPLE_ABOVE, Math.min(total / 10, SAMPLE_MAX));
        double[] cumulative = null;
        if (w != null) {
            cumulative = new double[n];
            double acc = 0;
            for (int i = 0; i < n; i++) cumulative[i] = acc += w[i];
        }
        // the restarts side by side (each its own sample and generator, its sums in its own fixed order: the same
        // results as one after another); the lowest SSE wins, the first restart on a tie
        final double[] cum = cumulative;
        Result[] results = new Result[restarts];
        IntStream.range(0, restarts).parallel().forEach(r -> {
            long s = seed + r * 0x9E3779B97F4A7C15L;
            SplittableRandom rnd = new SplittableRandom(s ^ 0x5DEECE66DL);
            double[] sample = new double[m * d];
            for (int i = 0; i < m; i++) {
                int j;
                if (cum == null) {
                    j = rnd.nextInt(n);
                } else {
                    j = Arrays.binarySearch(cum, rnd.nextDouble() * total);
                    if (j < 0) j = -j - 1;
                    j = Math.min(j, n - 1);
                }
                System.arraycopy(data, j * d, sample, i * d, d);
            }
            results[r] = run(sample, d, null, s, cancelled, null);
        });
        Result best = null;
        for (Result res : results) if (best == null || res.sse() < best.sse()) best = res;
        return run(data, d, w, seed, cancelled, best.centres());
    }

    /** Above this many points, restarts run on samples (see {@link #fit}). */
    public static final int SAMPLE_ABOVE = 20_000;
    /** The restarts' samples hold at most this many points. */
    public static final int SAMPLE_MAX = 50_000;

    private Result run(double[] x, int d, double[] w, long s, BooleanSupplier cancelled, double[] start) {
        int n = x.length / d;
        double tol = TOLERANCE * meanVariance(x, d, n, w);
        double[] c = start != null ? start.clone() : seed(x, d, n, w, new SplittableRandom(s));
        int[] labels = new int[n];
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[][] partSums = new double[chunks][k * d];
        double[][] partCounts = new double[chunks][k];
        // Hamerly's bounds: upper[i] >= distance to its centre, lower[i] <= distance to any other centre
        // (non-finite data, which callers reject, would make the bounds meaningless: plain iterations then)
        final boolean bounds = this.bounds && Double.isFinite(tol);
        double[] upper = bounds ? new double[n] : null;
        double[] lower = bounds ? new double[n] : null;
        double[] moved = new double[k]; // how far each centre moved in the last update
        double[] half = new double[k]; // half the distance from each centre to the nearest other one
        int it = 0;
        boolean changed = true;
        while (it < maxIterations && changed) {
            if (cancelled != null && cancelled.getAsBoolean()) throw new CancellationException("cancelled");
            it++;
            final double[] centres = c;
            final boolean first = it == 1;
            double most = 0, second = 0; // the largest and second largest moves, and whose the largest is
            int mostAt = -1;
            if (bounds && !first) {
                for (int j = 0; j < k; j++) {
                    if (moved[j] > most) {
                        second = most;
                        most = moved[j];
                        mostAt = j;
                    } else if (moved[j] > second) {
                        second = moved[j];
                    }
                }
                separations(centres, d, half);
            }
            final double mostF = most, secondF = second;
            final int mostAtF = mostAt;
            boolean[] chunkChanged = new boolean[chunks];
            IntStream.range(0, chunks).parallel().forEach(ch -> {
                double[] sums = partSums[ch];
                double[] counts = partCounts[ch];
                Arrays.fill(sums, 0);
                Arrays.fill(counts, 0);
                boolean ch2 = false;
                int end = Math.min(n, (ch + 1) * CHUNK);
                for (int i = ch * CHUNK; i < end; i++) {
                    int off = i * d;
                    int bi;
                    if (!bounds) {
                        bi = nearest(x, off, centres, d, null, null, i);
                    } else if (first) {
                        bi = nearest(x, off, centres, d, upper, lower, i);
                    } else {
                        int a = labels[i];
                        double u = upper[i] + moved[a];
                        double l = lower[i] - (a == mostAtF ? secondF : mostF);
                        double m = Math.max(half[a], l) * SAFE;
                        bi = a;
                        if (u >= m) {
                            u = Math.sqrt(distance(x, off, centres, a * d, d));
                            if (u >= m) { // the bounds prove nothing: compare with every centre
                                bi = nearest(x, off, centres, d, upper, lower, i);
                                l = lower[i];
                                u = upper[i];
                            }
                        }
                        upper[i] = u;
                        lower[i] = l;
                    }
                    if (labels[i] != bi) ch2 = true;
                    labels[i] = bi;
                    double wi = w == null ? 1 : w[i];
                    counts[bi] += wi;
                    for (int t = 0; t < d; t++) sums[bi * d + t] += wi * x[off + t];
                }
                chunkChanged[ch] = ch2;
            });
            changed = it == 1;
            for (boolean b : chunkChanged) changed |= b;
            double[] sums = new double[k * d];
            double[] counts = new double[k];
            for (int ch = 0; ch < chunks; ch++) { // fixed order: deterministic sums
                for (int t = 0; t < k * d; t++) sums[t] += partSums[ch][t];
                for (int j = 0; j < k; j++) counts[j] += partCounts[ch][j];
            }
            double[] next = new double[k * d];
            for (int j = 0; j < k; j++) {
                if (counts[j] == 0) { // re-seed an empty cluster with the point farthest from its centre
                    int far = farthest(x, d, n, c, labels);
                    System.arraycopy(x, far * d, next, j * d, d);
                    changed = true;
                } else {
                    for (int t = 0; t < d; t++) next[j * d + t] = sums[j * d + t] / counts[j];
                }
            }
            double shift = 0;
            for (int j = 0; j < k; j++) {
                double mj = 0;
                for (int t = j * d; t < (j + 1) * d; t++) mj += (next[t] - c[t]) * (next[t] - c[t]);
                shift += mj;
                moved[j] = Math.sqrt(mj) * (1 + 1e-12); // rounded up: the bounds stay bounds
            }
            c = next;
            if (shift <= tol) break; // centres moved less than the tolerance: converged
        }
        // final assignment and SSE against the final centres
        double sse = 0;
        for (int i = 0; i < n; i++) {
            int bi = 0;
            double bd = Double.POSITIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                double dist = 0;
                for (int t = 0; t < d; t++) {
                    double diff = x[i * d + t] - c[j * d + t];
                    dist += diff * diff;
                }
                if (dist < bd) {
                    bd = dist;
                    bi = j;
                }
            }
            labels[i] = bi;
            sse += w == null ? bd : w[i] * bd;
        }
        return new Result(labels, c, sse, it, k, d);
    }

    /** Below this fraction of a bound a comparison is trusted (rounding in the bounds is far smaller). */
    private static final double SAFE = 1 - 1e-9;

    private static double distance(double[] x, int off, double[] c, int co, int d) {
        double dist = 0;
        for (int t = 0; t < d; t++) {
            double diff = x[off + t] - c[co + t];
            dist += diff * diff;
        }
        return dist;
    }

    /**
     * The nearest centre to the point at {@code off} (the first of equally near ones, as Lloyd's rule); with
     * bounds, sets {@code upper[i]} and {@code lower[i]} to the distances to the nearest and the second nearest.
     */
    private int nearest(double[] x, int off, double[] c, int d, double[] upper, double[] lower, int i) {
        int bi = 0;
        double bd = Double.POSITIVE_INFINITY, sd = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            double dist = distance(x, off, c, j * d, d);
            if (dist < bd) {
                sd = bd;
                bd = dist;
                bi = j;
            } else if (dist < sd) {
                sd = dist;
            }
        }
        if (upper != null) {
            upper[i] = Math.sqrt(bd);
            lower[i] = Math.sqrt(sd);
        }
        return bi;
    }

    /** {@code half[j]}: half the distance from centre j to the nearest other centre. */
    private void separations(double[] c, int d, double[] half) {
        Arrays.fill(half, Double.POSITIVE_INFINITY);
        for (int j = 0; j < k; j++) {
            for (int q = j + 1; q < k; q++) {
                double h = Math.sqrt(distance(c, j * d, c, q * d, d)) / 2;
                if (h < half[j]) half[j] = h;
                if (h < half[q]) half[q] = h;
            }
        }
    }

    /** Mean over dimensions of the (weighted) variance of the data (the scale of the stopping tolerance). */
    private static double meanVariance(double[] x, int d, int n, double[] w) {
        double total = 0;
        double sw = 0;
        for (int i = 0; i < n; i++) sw += w == null ? 1 : w[i];
        for (int t = 0; t < d; t++) {
            double m = 0;
            for (int i = 0; i < n; i++) m += (w == null ? 1 : w[i]) * x[i * d + t];
            m /= sw;
            double v = 0;
            for (int i = 0; i < n; i++) v += (w == null ? 1 : w[i]) * (x[i * d + t] - m) * (x[i * d + t] - m);
            total += v / sw;
        }
        return total / d;
    }

    private static int farthest(double[] x, int d, int n, double[] c, int[] labels) {
        int far = 0;
        double fd = -1;
        for (int i = 0; i < n; i++) {
            double dist = 0;
            for (int t = 0; t < d; t++) {
                double diff = x[i * d + t] - c[labels[i] * d + t];
                dist += diff * diff;
            }
            if (dist > fd) {
                fd = dist;
                far = i;
            }
        }
        return far;
    }

    /**
     * k-means++: first centre uniform (by weight), then each next one with probability proportional to
     * w(x) D(x)^2.
     */
    private double[] seed(double[] x, int d, int n, double[] w, SplittableRandom rnd) {
        double[] c = new double[k * d];
        int first;
        if (w == null) {
            first = rnd.nextInt(n);
        } else {
            double tw = 0;
            for (double v : w) tw += v;
            double r = rnd.nextDouble() * tw, acc = 0;
            first = n - 1;
            for (int i = 0; i < n; i++) {
                acc += w[i];
                if (acc >= r) {
                    first = i;
                    break;
                }
            }
        }
        System.arraycopy(x, first * d, c, 0, d);
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[] part = new double[chunks];
        for (int j = 1; j < k; j++) {
            int co = (j - 1) * d;
            IntStream.range(0, chunks).parallel().forEach(ch -> {
                double sum = 0;
                int end = Math.min(n, (ch + 1) * CHUNK);
                for (int i = ch * CHUNK; i < end; i++) {
                    double s = 0;
                    for (int t = 0; t < d; t++) {
                        double diff = x[i * d + t] - c[co + t];
                        s += diff * diff;
                    }
                    if (s < dist[i]) dist[i] = s;
                    sum += w == null ? dist[i] : w[i] * dist[i];
                }
                part[ch] = sum;
            });
            double total = 0;
            for (double v : part) total += v; // fixed order: deterministic
            int pick;
            if (total == 0) {
                pick = rnd.nextInt(n); // all remaining points coincide with centres
            } else {
                double r = rnd.nextDouble() * total;
                pick = n - 1;
                double acc = 0;
                for (int i = 0; i < n; i++) {
                    acc += w == null ? dist[i] : w[i] * dist[i];
                    if (acc >= r) {
                        pick = i;
                        break;
                    }
                }
            }
            System.arraycopy(x, pick * d, c, j * d, d);
        }
        return c;
    }
}
