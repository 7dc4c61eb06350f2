package org.crimeanalytics.cluster;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.crimeanalytics.grid.PointIndex;

/**
 * DBSCAN (Ester et al. 1996) on planar points in metres, with neighbourhood queries through a bucket
 * grid of cell size eps, so each query looks at nine cells instead of every point. A point is core
 * when at least {@code minPoints} points (itself included) lie within eps; clusters are the
 * density-connected components of core points plus their border points; the rest is noise (-1).
 * Memory: the index and a label array, never neighbour lists for all points. Clusters are numbered in
 * the order of their first core point, so results are deterministic. Border points reachable from two
 * clusters go to the first that reaches them (as in the original algorithm).
 */
public final class DBScan {

    public static final int NOISE = -1;
    private final double eps;
    private final int minPoints;

    public DBScan(double eps, int minPoints) {
        if (!(eps > 0)) throw new IllegalArgumentException("eps must be > 0");
        if (minPoints < 1) throw new IllegalArgumentException("minPoints must be >= 1");
        this.eps = eps;
        this.minPoints = minPoints;
    }

    /** Labels 0.. for clusters, -1 for noise. */
    public int[] run(double[] x, double[] y, BooleanSupplier cancelled) {
        int n = x.length;
        PointIndex idx = new PointIndex(x, y, eps);
        int[] label = new int[n];
        java.util.Arrays.fill(label, -2); // unvisited
        int[] queue = new int[Math.max(16, n)];
        int[] count = new int[1];
        int cluster = 0;
        for (int i = 0; i < n; i++) {
            if (label[i] != -2) continue;
            if ((i & 4095) == 0 && cancelled != null && cancelled.getAsBoolean()) throw new CancellationException("cancelled");
            count[0] = 0;
            idx.within(x[i], y[i], eps, (j, dd) -> count[0]++);
            if (count[0] < minPoints) {
                label[i] = NOISE;
                continue;
            }
            int c = cluster++;
            label[i] = c;
            int head = 0, tail = 0;
            final int[] q = queue;
            final int[] t = {0};
            // seed the queue with i's neighbours
            idx.within(x[i], y[i], eps, (j, dd) -> {
                if (label[j] == -2 || label[j] == NOISE) {
                    if (label[j] == -2) q[t[0]++] = j;
                    label[j] = c;
                }
            });
            tail = t[0];
            while (head < tail) {
                int p = q[head++];
                if ((head & 4095) == 0 && cancelled != null && cancelled.getAsBoolean()) throw new CancellationException("cancelled");
                count[0] = 0;
                idx.within(x[p], y[p], eps, (j, dd) -> count[0]++);
                if (count[0] < minPoints) continue; // border point
                t[0] = tail;
                idx.within(x[p], y[p], eps, (j, dd) -> {
                    if (label[j] == -2 || label[j] == NOISE) {
                        if (label[j] == -2) q[t[0]++] = j;
                        label[j] = c;
                    }
                });
                tail = t[0];
            }
        }
        return label;
    }
}
