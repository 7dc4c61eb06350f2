package org.crimeanalytics.areas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ward's minimum-variance hierarchical clustering (Ward 1963): each merge joins the two clusters whose union increases
 * the within-cluster sum of squares the least. Built with the nearest-neighbour chain algorithm and the Lance-Williams
 * update on squared Euclidean distances (Muellner 2011, "Modern hierarchical, agglomerative clustering algorithms"),
 * O(n^2) time and n(n-1)/2 doubles of memory; the merge heights are those of SciPy's {@code linkage(X, "ward")} squared
 * ({@code sqrt(2 * increase of the sum of squares)}, squared). Weka's {@code HierarchicalClusterer} "WARD" is not this
 * method: it sums unsquared distances to the centroid.
 *
 * <p>Degenerate input: one point is one cluster; equal points merge at height 0; ties between distances go to the
 * lower index, so a cut may differ from another program's where two merges have exactly the same height.
 */
public final class Ward {

    /** One merge: the clusters at slots {@code a} and {@code b} (each named by one of its points), at {@code height}. */
    public record Merge(int a, int b, double height) {}

    private Ward() {}

    /**
     * The n - 1 merges of {@code x} (n points, each of d coordinates), in order of height (ties in the order made).
     *
     * @throws IllegalArgumentException for no point, or points of different dimensions, or a non-finite coordinate
     */
    public static List<Merge> merges(double[][] x) {
        int n = x.length;
        if (n == 0) throw new IllegalArgumentException("no point to cluster");
        for (double[] p : x) {
            if (p.length != x[0].length) throw new IllegalArgumentException("points of different dimensions");
            for (double v : p) if (!Double.isFinite(v)) throw new IllegalArgumentException("a coordinate is not a finite number");
        }
        double[] dist = new double[(int) Math.min(Integer.MAX_VALUE - 8, (long) n * (n - 1) / 2)];
        if ((long) n * (n - 1) / 2 > dist.length) throw new IllegalArgumentException(n + " points: too many for Ward's method");
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int c = 0; c < x[i].length; c++) {
                    double e = x[i][c] - x[j][c];
                    s += e * e;
                }
                dist[index(i, j, n)] = s;
            }
        }
        int[] size = new int[n];
        Arrays.fill(size, 1);
        boolean[] active = new boolean[n];
        Arrays.fill(active, true);
        int[] chain = new int[n];
        int top = 0, next = 0;
        List<Merge> merges = new ArrayList<>(n);
        while (merges.size() < n - 1) {
            if (top == 0) {
                while (!active[next]) next++;
                chain[top++] = next;
            }
            int a = chain[top - 1];
            int prev = top >= 2 ? chain[top - 2] : -1;
            int b = prev;
            double best = prev >= 0 ? dist[index(a, prev, n)] : Double.POSITIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                if (!active[k] || k == a) continue;
                double v = dist[index(a, k, n)];
                if (v < best) {
                    best = v;
                    b = k;
                }
            }
            if (b != prev) {
                chain[top++] = b;
                continue;
            }
            top -= 2; // a and b are reciprocal nearest neighbours: merge them into slot min(a, b)
            int keep = Math.min(a, b), gone = Math.max(a, b);
            merges.add(new Merge(keep, gone, best));
            double sa = size[keep], sb = size[gone];
            for (int k = 0; k < n; k++) {
                if (!active[k] || k == keep || k == gone) continue;
                double sk = size[k];
                double v = ((sa + sk) * dist[index(keep, k, n)] + (sb + sk) * dist[index(gone, k, n)] - sk * best) / (sa + sb + sk);
                dist[index(keep, k, n)] = v;
            }
            active[gone] = false;
            size[keep] += size[gone];
        }
        // the chain finds merges out of order; Ward's heights never decrease along a branch, so sorted they stay valid
        List<Merge> sorted = new ArrayList<>(merges);
        sorted.sort((p, q) -> Double.compare(p.height(), q.height()));
        return sorted;
    }

    /** Cluster of each point (0..k-1, numbered by first appearance) when the merges stop at {@code k} clusters. */
    public static int[] cut(List<Merge> merges, int n, int k) {
        if (k < 1 || k > n) throw new IllegalArgumentException("k must be between 1 and " + n + ", was " + k);
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int m = 0; m < n - k; m++) parent[find(parent, merges.get(m).b())] = find(parent, merges.get(m).a());
        int[] label = new int[n], code = new int[n];
        Arrays.fill(code, -1);
        int next = 0;
        for (int i = 0; i < n; i++) {
            int r = find(parent, i);
            if (code[r] < 0) code[r] = next++;
            label[i] = code[r];
        }
        return label;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static int index(int i, int j, int n) {
        if (i > j) {
            int t = i;
            i = j;
            j = t;
        }
        return (int) ((long) i * (2L * n - i - 1) / 2 + (j - i - 1));
    }
}
