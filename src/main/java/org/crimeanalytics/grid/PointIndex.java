package org.crimeanalytics.grid;

import java.util.Arrays;

/**
 * A uniform bucket grid over planar points (metres) for radius and k-nearest-neighbour queries
 * without comparing all pairs. Buckets are {@code bucketSize} wide; a radius query visits the
 * buckets the circle overlaps. Degenerate input: no points gives empty answers; coincident points
 * are all returned (distance 0).
 */
public final class PointIndex {

    private final double[] x;
    private final double[] y;
    private final double minX;
    private final double minY;
    private final double size;
    private final int cols;
    private final int rows;
    private final int[] start; // bucket b holds order[start[b] .. start[b+1])
    private final int[] order;

    public PointIndex(double[] x, double[] y, double bucketSize) {
        this.x = x;
        this.y = y;
        int n = x.length;
        double mnx = Double.POSITIVE_INFINITY, mny = Double.POSITIVE_INFINITY;
        double mxx = Double.NEGATIVE_INFINITY, mxy = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            mnx = Math.min(mnx, x[i]);
            mny = Math.min(mny, y[i]);
            mxx = Math.max(mxx, x[i]);
            mxy = Math.max(mxy, y[i]);
        }
        if (n == 0) {
            mnx = mny = mxx = mxy = 0;
        }
        double extent = Math.max(mxx - mnx, mxy - mny);
        // keep the bucket count bounded (at most ~4 million buckets)
        double s = bucketSize > 0 ? bucketSize : 1;
        if (extent / s > 2048) s = extent / 2048;
        this.size = s;
        this.minX = mnx;
        this.minY = mny;
        this.cols = (int) ((mxx - mnx) / s) + 1;
        this.rows = (int) ((mxy - mny) / s) + 1;
        int buckets = cols * rows;
        int[] count = new int[buckets + 1];
        int[] bucketOf = new int[n];
        for (int i = 0; i < n; i++) {
            bucketOf[i] = bucket(x[i], y[i]);
            count[bucketOf[i] + 1]++;
        }
        for (int b = 0; b < buckets; b++) count[b + 1] += count[b];
        this.start = count.clone();
        this.order = new int[n];
        int[] fill = Arrays.copyOf(count, buckets);
        for (int i = 0; i < n; i++) order[fill[bucketOf[i]]++] = i;
    }

    private int col(double vx) {
        return Math.min(cols - 1, Math.max(0, (int) ((vx - minX) / size)));
    }

    private int row(double vy) {
        return Math.min(rows - 1, Math.max(0, (int) ((vy - minY) / size)));
    }

    private int bucket(double vx, double vy) {
        return row(vy) * cols + col(vx);
    }

    /** Calls {@code visitor} for every point j with distance(i-th query point, j) &lt;= radius. */
    public void within(double qx, double qy, double radius, Visitor visitor) {
        int c0 = col(qx - radius), c1 = col(qx + radius);
        int r0 = row(qy - radius), r1 = row(qy + radius);
        double r2 = radius * radius;
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int b = r * cols + c;
                for (int k = start[b]; k < start[b + 1]; k++) {
                    int j = order[k];
                    double dx = x[j] - qx, dy = y[j] - qy;
                    double d2 = dx * dx + dy * dy;
                    if (d2 <= r2) visitor.visit(j, Math.sqrt(d2));
                }
            }
        }
    }

    /** Receives neighbours. */
    @FunctionalInterface
    public interface Visitor {
        void visit(int j, double distance);
    }

    /**
     * The k nearest other points of point i (excluding i itself), nearest first; ties broken by
     * index. Fewer than k when there are fewer points.
     */
    public int[] nearest(int i, int k) {
        int n = x.length;
        k = Math.min(k, n - 1);
        if (k <= 0) return new int[0];
        double qx = x[i], qy = y[i];
        int[] best = new int[k];
        double[] bestD = new double[k];
        int found = 0;
        int ring = 0;
        int qc = col(qx), qr = row(qy);
        while (true) {
            // visit the buckets of this ring
            for (int r = qr - ring; r <= qr + ring; r++) {
                if (r < 0 || r >= rows) continue;
                boolean edgeRow = r == qr - ring || r == qr + ring;
                for (int c = qc - ring; c <= qc + ring; c++) {
                    if (c < 0 || c >= cols) continue;
                    if (!edgeRow && c != qc - ring && c != qc + ring) continue;
                    int b = r * cols + c;
                    for (int t = start[b]; t < start[b + 1]; t++) {
                        int j = order[t];
                        if (j == i) continue;
                        double dx = x[j] - qx, dy = y[j] - qy;
                        double d = Math.sqrt(dx * dx + dy * dy);
                        if (found < k) {
                            int p = found++;
                            while (p > 0 && (bestD[p - 1] > d || (bestD[p - 1] == d && best[p - 1] > j))) {
                                bestD[p] = bestD[p - 1];
                                best[p] = best[p - 1];
                                p--;
                            }
                            bestD[p] = d;
                            best[p] = j;
                        } else if (d < bestD[k - 1] || (d == bestD[k - 1] && j < best[k - 1])) {
                            int p = k - 1;
                            while (p > 0 && (bestD[p - 1] > d || (bestD[p - 1] == d && best[p - 1] > j))) {
                                bestD[p] = bestD[p - 1];
                                best[p] = best[p - 1];
                                p--;
                            }
                            bestD[p] = d;
                            best[p] = j;
                        }
                    }
                }
            }
            // points outside the visited square are at least ring*size away
            if (found == k && bestD[k - 1] <= ring * size) break;
            if (ring > cols + rows) break;
            ring++;
        }
        return Arrays.copyOf(best, found);
    }

    /** Distance from point i to its nearest other point (infinite when alone). */
    public double nearestDistance(int i) {
        int[] nn = nearest(i, 1);
        if (nn.length == 0) return Double.POSITIVE_INFINITY;
        return Math.hypot(x[nn[0]] - x[i], y[nn[0]] - y[i]);
    }
}
