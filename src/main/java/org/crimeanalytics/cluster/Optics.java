package org.crimeanalytics.cluster;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.crimeanalytics.grid.PointIndex;

/**
 * OPTICS (Ankerst et al. 1999) with generating distance eps on planar points, neighbourhoods through
 * a bucket grid; then clusters extracted from the ordering at a distance {@code extractEps} &lt;= eps
 * (the paper's ExtractDBSCAN-Clustering). Reachability is +infinity for points never reached within
 * eps. Deterministic: ties in the seed list are broken by point index.
 */
public final class Optics {

    /** Ordering, reachability and core distance per point, and extracted labels (-1 noise). */
    public record Result(int[] order, double[] reachability, double[] coreDistance, int[] labels) {}

    private final double eps;
    private final int minPoints;

    public Optics(double eps, int minPoints) {
        if (!(eps > 0)) throw new IllegalArgumentException("eps must be > 0");
        if (minPoints < 1) throw new IllegalArgumentException("minPoints must be >= 1");
        this.eps = eps;
        this.minPoints = minPoints;
    }

    public Result run(double[] x, double[] y, double extractEps, BooleanSupplier cancelled) {
        int n = x.length;
        PointIndex idx = new PointIndex(x, y, eps);
        double[] reach = new double[n];
        double[] core = new double[n];
        Arrays.fill(reach, Double.POSITIVE_INFINITY);
        Arrays.fill(core, Double.POSITIVE_INFINITY);
        boolean[] done = new boolean[n];
        int[] order = new int[n];
        int ord = 0;
        int[] nb = new int[64];
        double[] nd = new double[64];
        int[] cnt = new int[1];
        PriorityQueue<long[]> seeds = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        for (int s = 0; s < n; s++) {
            if (done[s]) continue;
            seeds.add(new long[] {Double.doubleToLongBits(Double.POSITIVE_INFINITY), s});
            while (!seeds.isEmpty()) {
                long[] top = seeds.poll();
                int p = (int) top[1];
                if (done[p]) continue;
                if ((ord & 4095) == 0 && cancelled != null && cancelled.getAsBoolean()) throw new CancellationException("cancelled");
                done[p] = true;
                order[ord++] = p;
                cnt[0] = 0;
                final int[][] nbRef = {nb};
                final double[][] ndRef = {nd};
                idx.within(x[p], y[p], eps, (j, d) -> {
                    if (cnt[0] == nbRef[0].length) {
                        nbRef[0] = Arrays.copyOf(nbRef[0], cnt[0] * 2);
                        ndRef[0] = Arrays.copyOf(ndRef[0], cnt[0] * 2);
                    }
                    nbRef[0][cnt[0]] = j;
                    ndRef[0][cnt[0]++] = d;
                });
                nb = nbRef[0];
                nd = ndRef[0];
                int m = cnt[0];
                if (m < minPoints) continue;
                double[] ds = Arrays.copyOf(nd, m);
                Arrays.sort(ds);
                core[p] = ds[minPoints - 1]; // itself (distance 0) included
                for (int t = 0; t < m; t++) {
                    int o = nb[t];
                    if (done[o]) continue;
                    double r = Math.max(core[p], nd[t]);
                    if (r < reach[o]) {
                        reach[o] = r;
                        seeds.add(new long[] {Double.doubleToLongBits(r), o}); // non-negative doubles order as longs
                    }
                }
            }
        }
        int[] labels = new int[n];
        int c = -1;
        for (int k = 0; k < n; k++) {
            int o = order[k];
            if (reach[o] > extractEps) {
                if (core[o] <= extractEps) {
                    c++;
                    labels[o] = c;
                } else {
                    labels[o] = DBScan.NOISE;
                }
            } else {
                labels[o] = c < 0 ? DBScan.NOISE : c;
            }
        }
        return new Result(order, reach, core, labels);
    }
}
