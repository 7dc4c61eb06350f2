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

    /** Bands as limits: {0, 100, 200} gives [0,100) and [100,200). */
    public Knox(double[] distanceBands, double[] timeBands, int permutations, long seed) {
        if (distanceBands.length < 2 || timeBands.length < 2) throw new IllegalArgumentException("need at least two limits per band list");
        for (int i = 1; i < distanceBands.length; i++) if (!(distanceBands[i] > distanceBands[i - 1])) throw new IllegalArgumentException("distance bands must increase");
        for (int i = 1; i < timeBands.length; i++) if (!(timeBands[i] > timeBands[i - 1])) throw new IllegalArgumentException("time bands must increase");
        this.distanceBands = distanceBands.clone();
        this.timeBands = timeBands.clone();
        this.permutations = permutations;
        this.seed = seed;
    }

    /** x, y in metres; t in days. */
    public Result run(double[] x, double[] y, double[] t, BooleanSupplier cancelled) {
        int n = x.length;
        double maxD = distanceBands[distanceBands.length - 1];
        PointIndex idx = new PointIndex(x, y, maxD);
        // candidate pairs i < j within the last distance band, with their distance band
        int cap = 1 << 16;
        int[] pi = new int[cap], pj = new int[cap];
        byte[] pd = new byte[cap];
        int[] m = {0};
        for (int i = 0; i < n; i++) {
            if ((i & 4095) == 0 && cancelled != null && cancelled.getAsBoolean()) throw new CancellationException("cancelled");
            final int a = i;
            final int[][] refI = {pi};
            final int[][] refJ = {pj};
            final byte[][] refD = {pd};
            idx.within(x[i], y[i], maxD, (j, d) -> {
                if (j <= a) return;
                int band = band(distanceBands, d);
                if (band < 0) return;
                if (m[0] == refI[0].length) {
                    int nc = refI[0].length * 2;
                    refI[0] = Arrays.copyOf(refI[0], nc);
                    refJ[0] = Arrays.copyOf(refJ[0], nc);
                    refD[0] = Arrays.copyOf(refD[0], nc);
                }
                refI[0][m[0]] = a;
                refJ[0][m[0]] = j;
                refD[0][m[0]++] = (byte) band;
            });
            pi = refI[0];
            pj = refJ[0];
            pd = refD[0];
        }
        int pairs = m[0];
        int nd = distanceBands.length - 1, nt = timeBands.length - 1;
        long[][] obs = count(pi, pj, pd, pairs, t, nd, nt);
        long[][] sum = new long[nd][nt];
        long[][] ge = new long[nd][nt];
        // permutations in parallel, each with its own generator seeded from (seed, r): the result does not
        // depend on scheduling
        final int[] fi = pi, fj = pj;
        final byte[] fd = pd;
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
            counts[r] = count(fi, fj, fd, pairs, perm, nd, nt);
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
        return new Result(obs, exp, ratio, p, pairs);
    }

    private long[][] count(int[] pi, int[] pj, byte[] pd, int pairs, double[] t, int nd, int nt) {
        long[][] c = new long[nd][nt];
        double maxT = timeBands[timeBands.length - 1];
        for (int k = 0; k < pairs; k++) {
            double dt = Math.abs(t[pi[k]] - t[pj[k]]);
            if (dt >= maxT || dt < timeBands[0]) continue;
            int tb = 0;
            while (dt >= timeBands[tb + 1]) tb++;
            c[pd[k]][tb]++;
        }
        return c;
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
