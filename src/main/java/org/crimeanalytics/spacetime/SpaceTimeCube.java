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
