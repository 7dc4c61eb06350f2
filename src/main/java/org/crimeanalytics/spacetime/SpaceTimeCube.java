package org.crimeanalytics.spacetime;

import java.util.Arrays;
import org.crimeanalytics.grid.Grid;
import org.crimeanalytics.grid.LongIntMap;
import org.crimeanalytics.grid.PointIndex;
import org.crimeanalytics.stats.Normal;

/**
 * A space-time cube: square cells (metres) x time steps, counting incidents; the cells kept are those
 * with at least one incident over the whole period (as ArcGIS's cube keeps locations with data). The
 * space-time Gi* of a bin (cell c, step s) takes as neighbours the bins of cells whose centres lie
 * within the distance band of c (c itself included) at steps s - timeSteps .. s, binary weights,
 * against the mean and standard deviation of all bins (Getis-Ord Gi* over the cube). A cell with no
 * other cell within the band has no spatial neighbours: its bins are not tested (z = p = NaN), as a
 * Gi* of a location with only itself says nothing about clustering in space.
 */
public final class SpaceTimeCube {

    public final long[] cells;
    public final double[] cx;
    public final double[] cy;
    public final int steps;
    public final int[][] counts; // [cell][step]
    private final Grid grid;

    public SpaceTimeCube(Grid grid, double[] x, double[] y, int[] step, int steps) {
        this.grid = grid;
        this.steps = steps;
        LongIntMap index = new LongIntMap(Math.max(1024, x.length / 8));
        for (int i = 0; i < x.length; i++) index.add(grid.cell(x[i], y[i]), 1);
        this.cells = index.keys();
        LongIntMap pos = new LongIntMap(cells.length);
        for (int c = 0; c < cells.length; c++) pos.add(cells[c], c);
        this.counts = new int[cells.length][steps];
        for (int i = 0; i < x.length; i++) counts[pos.get(grid.cell(x[i], y[i]))][step[i]]++;
        cx = new double[cells.length];
        cy = new double[cells.length];
        for (int c = 0; c < cells.length; c++) {
            double[] ce = grid.centre(cells[c]);
            cx[c] = ce[0];
            cy[c] = ce[1];
        }
    }

    /**
     * A cube from counts already aggregated per (cell, step), as a distributed job produces them: the same cube as the
     * point constructor gives for the points those counts came from (cells in ascending key order).
     *
     * @param cellKeys the {@link Grid#cell} key of each count
     * @param stepOf its time step, 0 to steps - 1
     * @param count the number of incidents (a key and step may repeat; counts add up)
     * @throws IllegalArgumentException when a step is outside [0, steps) or the arrays differ in length
     */
    public static SpaceTimeCube ofCounts(Grid grid, long[] cellKeys, int[] stepOf, int[] count, int steps) {
        if (cellKeys.length != stepOf.length || cellKeys.length != count.length) throw new IllegalArgumentException("arrays differ in length");
        long[] keys = Arrays.stream(cellKeys).distinct().sorted().toArray();
        LongIntMap pos = new LongIntMap(Math.max(16, keys.length));
        for (int c = 0; c < keys.length; c++) pos.add(keys[c], c);
        int[][] counts = new int[keys.length][steps];
        for (int i = 0; i < cellKeys.length; i++) {
            if (stepOf[i] < 0 || stepOf[i] >= steps) throw new IllegalArgumentException("step " + stepOf[i] + " outside 0.." + (steps - 1));
            counts[pos.get(cellKeys[i])][stepOf[i]] += count[i];
        }
        return new SpaceTimeCube(grid, keys, counts, steps);
    }

    private SpaceTimeCube(Grid grid, long[] keys, int[][] counts, int steps) {
        this.grid = grid;
        this.steps = steps;
        this.cells = keys;
        this.counts = counts;
        cx = new double[keys.length];
        cy = new double[keys.length];
        for (int c = 0; c < keys.length; c++) {
            double[] ce = grid.centre(keys[c]);
            cx[c] = ce[0];
            cy[c] = ce[1];
        }
    }

    /** What Emerging Hot Spot Analysis says of one cell: its pattern and the series behind it. */
    public record CellPattern(int category, String pattern, int count, int hotSteps, int coldSteps, double trendZ,
            double trendP, Double zTrendZ, Double zTrendP) {}

    /** The PATTERN of a cell with no spatial neighbour. */
    public static final String NOT_TESTED = "Not Tested: No Neighbours";

    /**
     * The pattern of cell {@code c} from its Gi* series (bins at {@code alpha}, two-tailed) and the Mann-Kendall trends
     * of its counts and z-scores ({@link EmergingPatterns}); a cell without spatial neighbours is not tested (category
     * 0, {@link #NOT_TESTED}, no z-score trend).
     */
    public CellPattern pattern(GiStar gi, int c, double alpha) {
        double[][] z = gi.z(), p = gi.p();
        int[] bins = new int[steps];
        double[] series = new double[steps];
        int hot = 0, cold = 0, total = 0;
        for (int t = 0; t < steps; t++) {
            series[t] = counts[c][t];
            total += counts[c][t];
            if (!Double.isNaN(p[c][t]) && p[c][t] < alpha) {
                bins[t] = z[c][t] > 0 ? 1 : -1;
                if (bins[t] > 0) hot++;
                else cold++;
            }
        }
        org.crimeanalytics.stats.MannKendall.Result trend = org.crimeanalytics.stats.MannKendall.test(series);
        if (gi.spatialNeighbours()[c] == 0) {
            return new CellPattern(0, NOT_TESTED, total, hot, cold, trend.z(), trend.p(), null, null);
        }
        org.crimeanalytics.stats.MannKendall.Result zt = org.crimeanalytics.stats.MannKendall.test(z[c]);
        int cat = EmergingPatterns.classify(bins, zt.z(), zt.p(), alpha);
        return new CellPattern(cat, EmergingPatterns.name(cat), total, hot, cold, trend.z(), trend.p(), zt.z(), zt.p());
    }

    public Grid grid() {
        return grid;
    }

    /** Space-time Gi* per [cell][step] (two-tailed p) and each cell's number of spatial neighbours (itself excluded). */
    public record GiStar(double[][] z, double[][] p, int[] spatialNeighbours) {}

    /** Gi* z-scores and two-tailed p-values per [cell][step]; NaN for cells without spatial neighbours. */
    public GiStar giStar(double band, int timeSteps) {
        int n = cells.length;
        PointIndex idx = new PointIndex(cx, cy, band);
        int[][] nb = new int[n][];
        for (int c = 0; c < n; c++) {
            int[] tmp = new int[16];
            int[] k = {0};
            final int[][] ref = {tmp};
            idx.within(cx[c], cy[c], band, (j, d) -> {
                if (k[0] == ref[0].length) ref[0] = Arrays.copyOf(ref[0], k[0] * 2);
                ref[0][k[0]++] = j;
            });
            nb[c] = Arrays.copyOf(ref[0], k[0]);
        }
        double bigN = (double) n * steps;
        double sum = 0, sum2 = 0;
        for (int[] r : counts) for (int v : r) {
            sum += v;
            sum2 += (double) v * v;
        }
        double mean = sum / bigN;
        double s = Math.sqrt(Math.max(0, sum2 / bigN - mean * mean));
        double[][] z = new double[n][steps], p = new double[n][steps];
        int[] spatial = new int[n];
        for (int c = 0; c < n; c++) {
            spatial[c] = nb[c].length - 1;
            if (spatial[c] == 0) {
                Arrays.fill(z[c], Double.NaN);
                Arrays.fill(p[c], Double.NaN);
                continue;
            }
            for (int t = 0; t < steps; t++) {
                double lag = 0;
                int w = 0;
                for (int tt = Math.max(0, t - timeSteps); tt <= t; tt++) {
                    for (int j : nb[c]) {
                        lag += counts[j][tt];
                        w++;
                    }
                }
                double den = s * Math.sqrt((bigN * w - (double) w * w) / (bigN - 1));
                z[c][t] = den > 0 ? (lag - mean * w) / den : Double.NaN;
                p[c][t] = Normal.twoTailedP(z[c][t]);
            }
        }
        return new GiStar(z, p, spatial);
    }
}
