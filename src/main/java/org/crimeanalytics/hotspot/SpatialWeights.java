package org.crimeanalytics.hotspot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.crimeanalytics.grid.PointIndex;

/**
 * Sparse spatial weights: for each feature i, its neighbours j != i and weights w_ij. Self weights
 * (for Gi*) are not stored; statistics add them. Built by fixed distance band, k nearest neighbours,
 * inverse distance, contiguity ({@link Contiguity}) or a GeoDa {@code .gal} file ({@link GalReader}).
 *
 * <p>Features without neighbours are islands ({@link #islands()}); statistics report them rather
 * than fail. Distances are planar: coordinates must be projected (metres), never degrees.
 */
public final class SpatialWeights {

    /** How the weights were defined (for summaries). */
    public enum Kind { DISTANCE_BAND, KNN, INVERSE_DISTANCE, QUEEN, ROOK, GAL }

    private final int[][] neighbours;
    private final double[][] weights;
    private final boolean rowStandardised;
    private final Kind kind;
    private final double distance;

    public SpatialWeights(int[][] neighbours, double[][] weights, boolean rowStandardised, Kind kind, double distance) {
        this.neighbours = neighbours;
        this.weights = weights;
        this.rowStandardised = rowStandardised;
        this.kind = kind;
        this.distance = distance;
    }

    /** Binary weights: j is a neighbour of i when 0 &lt; d(i, j) &lt;= band, or d = 0 for a different feature. */
    public static SpatialWeights distanceBand(double[] x, double[] y, double band) {
        if (!(band > 0) || Double.isInfinite(band)) throw new IllegalArgumentException("distance band must be > 0, was " + band);
        int n = x.length;
        PointIndex idx = new PointIndex(x, y, band);
        int[][] nb = new int[n][];
        double[][] w = new double[n][];
        IntList js = new IntList();
        for (int i = 0; i < n; i++) {
            js.clear();
            final int self = i;
            idx.within(x[i], y[i], band, (j, d) -> {
                if (j != self) js.add(j);
            });
            int[] a = js.toSortedArray();
            nb[i] = a;
            w[i] = new double[a.length];
            Arrays.fill(w[i], 1.0);
        }
        return new SpatialWeights(nb, w, false, Kind.DISTANCE_BAND, band);
    }

    /**
     * Inverse-distance weights within {@code band}: w_ij = (d_min / d_ij)^power, where d_min is the
     * shortest positive distance between any two linked features, so weights lie in (0, 1] and do not
     * depend on the distance unit (scaling all coordinates and the band by the same factor leaves them
     * unchanged). Coincident features (d = 0) weigh 1, as the closest pair does. For Gi*, the self weight
     * is the row's largest weight (see {@link GetisOrd}).
     */
    public static SpatialWeights inverseDistance(double[] x, double[] y, double band, double power) {
        SpatialWeights b = distanceBand(x, y, band);
        double dmin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            for (int j : b.neighbours[i]) {
                double d = Math.hypot(x[j] - x[i], y[j] - y[i]);
                if (d > 0) dmin = Math.min(dmin, d);
            }
        }
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < b.neighbours[i].length; k++) {
                int j = b.neighbours[i][k];
                double d = Math.hypot(x[j] - x[i], y[j] - y[i]);
                b.weights[i][k] = d <= dmin ? 1.0 : Math.pow(dmin / d, power);
            }
        }
        return new SpatialWeights(b.neighbours, b.weights, false, Kind.INVERSE_DISTANCE, band);
    }

    /** Binary weights to the k nearest neighbours (not symmetric in general). */
    public static SpatialWeights knn(double[] x, double[] y, int k) {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, was " + k);
        int n = x.length;
        PointIndex idx = new PointIndex(x, y, typicalSpacing(x, y));
        int[][] nb = new int[n][];
        double[][] w = new double[n][];
        for (int i = 0; i < n; i++) {
            int[] a = idx.nearest(i, k);
            Arrays.sort(a);
            nb[i] = a;
            w[i] = new double[a.length];
            Arrays.fill(w[i], 1.0);
        }
        return new SpatialWeights(nb, w, false, Kind.KNN, Double.NaN);
    }

    /** A bucket size for the index: the extent divided by sqrt(n). */
    static double typicalSpacing(double[] x, double[] y) {
        double mnx = Double.POSITIVE_INFINITY, mny = Double.POSITIVE_INFINITY, mxx = Double.NEGATIVE_INFINITY,
                mxy = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            mnx = Math.min(mnx, x[i]);
            mxx = Math.max(mxx, x[i]);
            mny = Math.min(mny, y[i]);
            mxy = Math.max(mxy, y[i]);
        }
        double e = Math.max(mxx - mnx, mxy - mny);
        return e > 0 ? e / Math.sqrt(Math.max(1, x.length)) : 1;
    }

    /**
     * The smallest distance band that gives every feature at least one neighbour: the largest
     * nearest-neighbour distance (ArcGIS's default for a fixed distance band). Infinite for one feature.
     */
    public static double minimumBand(double[] x, double[] y) {
        double max = 0;
        for (double d : nearestDistances(x, y)) max = Math.max(max, d);
        return max;
    }

    /** Each feature's distance to its nearest other feature (infinite for a single feature). */
    public static double[] nearestDistances(double[] x, double[] y) {
        PointIndex idx = new PointIndex(x, y, typicalSpacing(x, y));
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) d[i] = idx.nearestDistance(i);
        return d;
    }

    /** Row-standardised copy: each row's weights divided by their sum (islands stay empty). */
    public SpatialWeights rowStandardised() {
        double[][] w = new double[weights.length][];
        for (int i = 0; i < w.length; i++) {
            double s = 0;
            for (double v : weights[i]) s += v;
            w[i] = weights[i].clone();
            if (s > 0) for (int k = 0; k < w[i].length; k++) w[i][k] /= s;
        }
        return new SpatialWeights(neighbours, w, true, kind, distance);
    }

    /** Binary copy (every existing link weight 1). */
    public SpatialWeights binary() {
        double[][] w = new double[weights.length][];
        for (int i = 0; i < w.length; i++) {
            w[i] = new double[weights[i].length];
            Arrays.fill(w[i], 1.0);
        }
        return new SpatialWeights(neighbours, w, false, kind, distance);
    }

    public int size() {
        return neighbours.length;
    }

    public int[] neighbours(int i) {
        return neighbours[i];
    }

    public double[] weights(int i) {
        return weights[i];
    }

    public boolean isRowStandardised() {
        return rowStandardised;
    }

    public Kind kind() {
        return kind;
    }

    /** The distance band (NaN when not distance based). */
    public double distance() {
        return distance;
    }

    /** Sum of row i's weights. */
    public double rowSum(int i) {
        double s = 0;
        for (double v : weights[i]) s += v;
        return s;
    }

    /** Indices of features with no neighbours. */
    public int[] islands() {
        IntList l = new IntList();
        for (int i = 0; i < neighbours.length; i++) if (neighbours[i].length == 0) l.add(i);
        return l.toSortedArray();
    }

    /** Mean number of neighbours. */
    public double meanNeighbours() {
        long s = 0;
        for (int[] a : neighbours) s += a.length;
        return neighbours.length == 0 ? 0 : (double) s / neighbours.length;
    }

    /** Weight w_ij (0 when j is not a neighbour of i). */
    public double weight(int i, int j) {
        int k = Arrays.binarySearch(neighbours[i], j);
        return k >= 0 ? weights[i][k] : 0;
    }

    /** A growable int list. */
    static final class IntList {
        int[] a = new int[16];
        int n;

        void add(int v) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        void clear() {
            n = 0;
        }

        int[] toSortedArray() {
            int[] r = Arrays.copyOf(a, n);
            Arrays.sort(r);
            return r;
        }
    }

    /** Builds weights from adjacency lists (binary). */
    public static SpatialWeights fromLists(List<int[]> lists, Kind kind) {
        int[][] nb = new int[lists.size()][];
        double[][] w = new double[lists.size()][];
        for (int i = 0; i < nb.length; i++) {
            nb[i] = lists.get(i).clone();
            Arrays.sort(nb[i]);
            w[i] = new double[nb[i].length];
            Arrays.fill(w[i], 1.0);
        }
        return new SpatialWeights(nb, w, false, kind, Double.NaN);
    }

    /** Empty adjacency lists for n features. */
    static List<int[]> emptyLists(int n) {
        List<int[]> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) l.add(new int[0]);
        return l;
    }
}
