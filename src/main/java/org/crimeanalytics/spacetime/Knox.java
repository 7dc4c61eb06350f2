package org.crimeanalytics.spacetime;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.crimeanalytics.grid.PointIndex;

/**
 * The Knox test for space-time interaction (Knox 1964) over distance bands x time bands, with a
 * seeded Monte Carlo permutation of the event times (as in the Near Repeat Calculator, Ratcliffe
 * 2009): observed pair counts per band cell, expected counts as the mean over permutations, the Knox
 * ratio observed / expected, and a pseudo p-value (permutations with a count &gt;= observed + 1) /
 * (permutations + 1). Bands are half-open [b_k, b_k+1). Pairs come from a grid index within the
 * largest distance band, never all pairs.
 */
public final class Knox {

    /** Results per distance band (rows) and time band (columns). */
    public record Result(long[][] observed, double[][] expected, double[][] ratio, double[][] p, long pairs) {}

    private final double[] distanceBands;
    private final double[] timeBands;
    private final int permutations;
    private final long seed;

    private final long maxPairs;

    /** Bands as limits: {0, 100, 200} gives [0,100) and [100,200); pairs held without a limit of their own. */
    public Knox(double[] distanceBands, double[] timeBands, int permutations, long seed) {
        this(distanceBands, timeBands, permutations, seed, Long.MAX_VALUE);
    }

    /**
     * As {@link #Knox(double[], double[], int, long)}, holding at most {@code maxPairs} pairs (5 bytes each): with more
     * within the largest distance band, {@link #run} throws {@link TooManyPairsException} as soon as it finds one more.
     */
    public Knox(double[] distanceBands, double[] timeBands, int permutations, long seed, long maxPairs) {
        if (distanceBands.length < 2 || timeBands.length < 2) throw new IllegalArgumentException("need at least two limits per band list");
        if (distanceBands.length - 1 > 127) throw new IllegalArgumentException("at most 127 distance bands (a byte a pair)");
        for (int i = 1; i < distanceBands.length; i++) if (!(distanceBands[i] > distanceBands[i - 1])) throw new IllegalArgumentException("distance bands must increase");
        for (int i = 1; i < timeBands.length; i++) if (!(timeBands[i] > timeBands[i - 1])) throw new IllegalArgumentException("time bands must increase");
        this.distanceBands = distanceBands.clone();
        this.timeBands = timeBands.clone();
        this.permutations = permutations;
        this.seed = seed;
        this.maxPairs = maxPairs;
    }

    /** More pairs within the largest distance band than the limit given. */
    public static final class TooManyPairsException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long limit;

        TooManyPairsException(long limit) {
            super("more than " + limit + " pairs of incidents within the largest distance band");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /** x, y in metres; t in days. */
    public Result run(double[] x, double[] y, double[] t, BooleanSupplier cancelled) {
        int n = x.length;
        double maxD = distanceBands[distanceBands.length - 1];
        PointIndex idx = new PointIndex(x, y, maxD);
        // pairs i < j within the last distance band, in order of i: for each i its first pair (start), and per pair j and
        // the distance band, in blocks (5 bytes a pair, no copy of everything when more are found)
        Pairs pairs = new Pairs(distanceBands, maxPairs);
        long[] start = new long[n + 1];
        for (int i = 0; i < n; i++) {
            if ((i & 4095) == 0 && cancelled != null && cancelled.getAsBoolean()) throw new CancellationException("cancelled");
            start[i] = pairs.size;
            pairs.from = i;
            idx.within(x[i], y[i], maxD, pairs);
        }
        start[n] = pairs.size;
        int nd = distanceBands.length - 1, nt = timeBands.length - 1;
        long[][] obs = count(pairs, start, t, nd, nt);
        long[][] sum = new long[nd][nt];
        long[][] ge = new long[nd][nt];
        // permutations in parallel, each with its own generator seeded from (seed, r): the result does not
        // depend on scheduling
        long[][][] counts = new long[permutations][][];
        java.util.stream.IntStream.range(0, permutations).parallel().forEach(r -> {
            if (cancelled != null && cancelled.getAsBoolean()) return;
            SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + r);
            double[] perm = t.clone();
            for (int i = n - 1; i > 0; i--) { // Fisher-Yates
                int j = rnd.nextInt(i + 1);
                double tmp = perm[i];
                perm[i] = perm[j];
                perm[j] = tmp;
            }
            counts[r] = count(pairs, start, perm, nd, nt);
        });
        if (cancelled != null && cancelled.getAsBoolean()) throw new CancellationException("cancelled");
        for (long[][] c : counts) {
            for (int a = 0; a < nd; a++) for (int b = 0; b < nt; b++) {
                sum[a][b] += c[a][b];
                if (c[a][b] >= obs[a][b]) ge[a][b]++;
            }
        }
        double[][] exp = new double[nd][nt], ratio = new double[nd][nt], p = new double[nd][nt];
        for (int a = 0; a < nd; a++) for (int b = 0; b < nt; b++) {
            exp[a][b] = permutations == 0 ? Double.NaN : (double) sum[a][b] / permutations;
            ratio[a][b] = exp[a][b] > 0 ? obs[a][b] / exp[a][b] : Double.NaN;
            p[a][b] = permutations == 0 ? Double.NaN : (ge[a][b] + 1.0) / (permutations + 1.0);
        }
        return new Result(obs, exp, ratio, p, pairs.size);
    }

    /** Pair counts per distance band x time band, the times {@code t} (days) given to the points. */
    private long[][] count(Pairs pairs, long[] start, double[] t, int nd, int nt) {
        long[][] c = new long[nd][nt];
        double minT = timeBands[0], maxT = timeBands[timeBands.length - 1];
        int i = 0;
        for (int blk = 0; (long) blk * Pairs.BLOCK < pairs.size; blk++) {
            int[] js = pairs.j[blk];
            byte[] bs = pairs.band[blk];
            long base = (long) blk * Pairs.BLOCK;
            int len = (int) Math.min(Pairs.BLOCK, pairs.size - base);
            for (int o = 0; o < len; o++) {
                while (start[i + 1] <= base + o) i++;
                double dt = Math.abs(t[i] - t[js[o]]);
                if (dt >= maxT || dt < minT) continue;
                int tb = 0;
                while (dt >= timeBands[tb + 1]) tb++;
                c[bs[o]][tb]++;
            }
        }
        return c;
    }

    /** The pairs found so far: the other point j and the distance band of each, for points {@code from} in turn. */
    private static final class Pairs implements PointIndex.Visitor {
        static final int SHIFT = 20, BLOCK = 1 << SHIFT;
        final double[] bands;
        final long max;
        int[][] j = new int[8][];
        byte[][] band = new byte[8][];
        long size;
        int from;

        Pairs(double[] bands, long max) {
            this.bands = bands;
            this.max = max;
        }

        @Override
        public void visit(int other, double distance) {
            if (other <= from) return;
            int b = Knox.band(bands, distance);
            if (b < 0) return;
            if (size >= max) throw new TooManyPairsException(max);
            int blk = (int) (size >>> SHIFT), o = (int) (size & (BLOCK - 1));
            if (o == 0) {
                if (blk == j.length) {
                    j = Arrays.copyOf(j, blk * 2);
                    band = Arrays.copyOf(band, blk * 2);
                }
                j[blk] = new int[BLOCK];
                band[blk] = new byte[BLOCK];
            }
            j[blk][o] = other;
            band[blk][o] = (byte) b;
            size++;
        }
    }

    static int band(double[] limits, double v) {
        if (v < limits[0] || v >= limits[limits.length - 1]) return -1;
        int lo = 0, hi = limits.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (v >= limits[mid]) lo = mid;
            else hi = mid;
        }
        return lo;
    }
}
