package org.crimeanalytics.areas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.crimeanalytics.weka.WekaSupport;
import weka.clusterers.SimpleKMeans;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.EuclideanDistance;
import weka.core.Instances;
import weka.core.SelectedTag;

/**
 * Clusters areas on numeric attributes: Weka's {@code SimpleKMeans} (best of 10 k-means++ starts
 * from consecutive seeds, by squared error) or Ward's minimum-variance method ({@link Ward}, as SciPy's). Attributes are standardised to z-scores first when
 * asked (Weka's own distance normalisation is switched off so the scaling is ours and documented).
 * Clusters are then ordered by the mean of a rank attribute (e.g. the crime rate), so cluster 0 is
 * the lowest. Configured once; {@link #cluster} runs on one data set.
 *
 * <p>Degenerate input: k larger than the number of areas is an error; an attribute with zero
 * variance is kept unscaled (all zeros after centring).
 */
public final class AreaClustering {

    /** Algorithm. */
    public enum Method { KMEANS, WARD }

    /** k-means++ restarts per run. */
    public static final int RESTARTS = 10;

    private final Method method;
    private final int k;
    private final boolean standardise;
    private final long seed;

    public AreaClustering(Method method, int k, boolean standardise, long seed) {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, was " + k);
        this.method = method;
        this.k = k;
        this.standardise = standardise;
        this.seed = seed;
    }

    /** Cluster of each row (0..k-1, ordered by the mean of column {@code rankColumn}, lowest first). */
    public int[] cluster(double[][] rows, int rankColumn) throws Exception {
        int n = rows.length;
        if (n < k) throw new IllegalArgumentException("k = " + k + " is more than the " + n + " areas");
        int d = rows[0].length;
        double[][] x = new double[n][d];
        for (int j = 0; j < d; j++) {
            double mean = 0, sd = 0;
            for (double[] r : rows) mean += r[j];
            mean /= n;
            for (double[] r : rows) sd += (r[j] - mean) * (r[j] - mean);
            sd = Math.sqrt(sd / Math.max(1, n - 1));
            for (int i = 0; i < n; i++) x[i][j] = standardise ? (sd > 0 ? (rows[i][j] - mean) / sd : 0) : rows[i][j];
        }
        WekaSupport.init();
        ArrayList<Attribute> atts = new ArrayList<>();
        for (int j = 0; j < d; j++) atts.add(new Attribute("a" + j));
        Instances data = new Instances("areas", atts, n);
        for (double[] r : x) data.add(new DenseInstance(1.0, r));
        EuclideanDistance dist = new EuclideanDistance(data);
        dist.setDontNormalize(true);
        int[] label = new int[n];
        if (method == Method.KMEANS) {
            // k-means++ from RESTARTS consecutive seeds; the run with the smallest squared error wins
            double best = Double.POSITIVE_INFINITY;
            for (int r = 0; r < RESTARTS; r++) {
                SimpleKMeans km = new SimpleKMeans();
                km.setNumClusters(k);
                km.setSeed((int) seed + r);
                km.setInitializationMethod(new SelectedTag(SimpleKMeans.KMEANS_PLUS_PLUS, SimpleKMeans.TAGS_SELECTION));
                km.setDistanceFunction(dist);
                km.setPreserveInstancesOrder(true);
                km.setMaxIterations(500);
                km.buildClusterer(data);
                if (km.getSquaredError() < best - 1e-12) {
                    best = km.getSquaredError();
                    System.arraycopy(km.getAssignments(), 0, label, 0, n);
                }
            }
        } else {
            // our own Ward: Weka's HierarchicalClusterer "WARD" sums unsquared distances to the centroid (not Ward's
            // minimum variance; on the 21 LAPD divisions it put Harbor and Hollenbeck with Central, SciPy's Ward does not)
            label = Ward.cut(Ward.merges(x), n, k);
        }
        return orderBy(label, rows, rankColumn, k);
    }

    /** Renumbers clusters by increasing mean of {@code rows[.][col]}. */
    static int[] orderBy(int[] label, double[][] rows, int col, int k) {
        double[] sum = new double[k];
        int[] cnt = new int[k];
        for (int i = 0; i < label.length; i++) {
            sum[label[i]] += rows[i][col];
            cnt[label[i]]++;
        }
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) order[c] = c;
        Arrays.sort(order, (a, b) -> Double.compare(cnt[a] == 0 ? Double.POSITIVE_INFINITY : sum[a] / cnt[a],
                cnt[b] == 0 ? Double.POSITIVE_INFINITY : sum[b] / cnt[b]));
        int[] rank = new int[k];
        for (int r = 0; r < k; r++) rank[order[r]] = r;
        int[] out = new int[label.length];
        for (int i = 0; i < label.length; i++) out[i] = rank[label[i]];
        return out;
    }

    /** Level names for k ordered clusters. */
    public static List<String> levels(int k) {
        return switch (k) {
            case 1 -> List.of("All");
            case 2 -> List.of("Low", "High");
            case 3 -> List.of("Low", "Medium", "High");
            case 4 -> List.of("Low", "Medium-Low", "Medium-High", "High");
            case 5 -> List.of("Very Low", "Low", "Medium", "High", "Very High");
            default -> {
                List<String> l = new ArrayList<>();
                for (int i = 1; i <= k; i++) l.add("Level " + i);
                yield l;
            }
        };
    }
}
