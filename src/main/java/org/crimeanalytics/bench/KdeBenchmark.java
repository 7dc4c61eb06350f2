package org.crimeanalytics.bench;

import java.io.PrintStream;
import java.util.List;
import org.crimeanalytics.density.Kernel;
import org.crimeanalytics.density.KernelDensity;
import org.crimeanalytics.density.Lattice;
import org.crimeanalytics.density.Surface;
import org.crimeanalytics.geo.IncidentCollection;
import org.crimeanalytics.geo.ProjectedPoints;
import org.crimeanalytics.grid.Grid;
import org.crimeanalytics.ingest.IncidentTable;

/**
 * Kernel time of the density on the 1.31 M Chicago incidents (2014-2018): quartic, 500 m radius, 100 m
 * squares (and hexagons; and a Gaussian of the same variance), binned against the exact sum in the same run;
 * the exact sum on all points and on a 10 % sample; the binned surface's largest difference from the exact one.
 * The whole command (start-up to written raster) is timed by {@code bench user-path}.
 */
public final class KdeBenchmark implements Benchmark {

    @Override
    public String name() {
        return "kde";
    }

    @Override
    public String description() {
        return "kernel density of 1.31 M Chicago incidents (quartic 500 m, 100 m cells): binned vs exact sum, accuracy";
    }

    @Override
    public void run(String[] args, PrintStream out) throws Exception {
        List<IncidentTable> tables = BenchSupport.chicagoTables();
        int rows = 0;
        for (IncidentTable t : tables) rows += t.size();
        double[] x = new double[rows], y = new double[rows];
        int k = 0;
        ProjectedPoints first = null;
        for (IncidentTable t : tables) {
            ProjectedPoints p = ProjectedPoints.extract(new IncidentCollection(t), first == null ? null : first.metricCrs(), false,
                    "incidents", null);
            if (first == null) first = p;
            System.arraycopy(p.x(), 0, x, k, p.size());
            System.arraycopy(p.y(), 0, y, k, p.size());
            k += p.size();
        }
        out.printf("incidents: %,d (5 Chicago years), metres in %s%n", rows, org.geotools.referencing.CRS.toSRS(first.metricCrs()));
        double[] sx = new double[rows / 10], sy = new double[rows / 10];
        for (int i = 0; i < sx.length; i++) {
            sx[i] = x[10 * i];
            sy[i] = y[10 * i];
        }
        for (Object[] c : new Object[][] {{Kernel.QUARTIC, 500.0, Grid.Shape.SQUARE}, {Kernel.QUARTIC, 500.0, Grid.Shape.HEXAGON},
            {Kernel.GAUSSIAN, 500 / Math.sqrt(8), Grid.Shape.SQUARE}}) {
            Kernel kernel = (Kernel) c[0];
            double h = (Double) c[1];
            Grid.Shape shape = (Grid.Shape) c[2];
            KernelDensity kd = new KernelDensity(kernel, h, new Lattice(new Grid(shape, 100)));
            Lattice.Window w = kd.windowOf(x, y);
            out.printf("%n%s h = %.0f m, 100 m %s cells: window %d x %d = %,d cells, %.0f cells per point%n", kernel, h, shape, w.nx(),
                    w.ny(), w.cells(), kd.cellsPerPoint());
            Surface binned = null, exact = null;
            double tb = Double.POSITIVE_INFINITY, te = Double.POSITIVE_INFINITY, ts = Double.POSITIVE_INFINITY;
            for (int rep = 0; rep < 3; rep++) {
                long t0 = System.nanoTime();
                binned = kd.estimate(x, y, null, w, KernelDensity.Method.BINNED, null);
                tb = Math.min(tb, (System.nanoTime() - t0) / 1e9);
                t0 = System.nanoTime();
                kd.estimate(sx, sy, null, w, KernelDensity.Method.EXACT, null);
                ts = Math.min(ts, (System.nanoTime() - t0) / 1e9);
            }
            if (kernel != Kernel.GAUSSIAN) {
                long t0 = System.nanoTime();
                exact = kd.estimate(x, y, null, w, KernelDensity.Method.EXACT, null);
                te = (System.nanoTime() - t0) / 1e9;
            }
            out.printf("  binned, all points:   %.3f s (best of 3)%n", tb);
            out.printf("  exact sum, 10 %% sample: %.3f s (best of 3): %.1f ns per kernel term%n", ts,
                    ts / (sx.length * kd.cellsPerPoint()) * 1e9);
            if (exact != null) {
                out.printf("  exact sum, all points: %.3f s (one run): binned is %.0fx faster%n", te, te / tb);
                double max = exact.max(), worst = 0;
                double[] rel = new double[exact.values().length];
                int n = 0;
                for (int i = 0; i < exact.values().length; i++) {
                    double e = exact.values()[i], b = binned.values()[i];
                    worst = Math.max(worst, Math.abs(e - b));
                    if (e > 0.01 * max) rel[n++] = Math.abs(e - b) / e;
                }
                double[] r = java.util.Arrays.copyOf(rel, n);
                java.util.Arrays.sort(r);
                out.printf("  binned - exact: largest %.3g of the peak (%.1f per km2 of %.0f); in the %,d cells above 1 %% of the peak the "
                        + "relative difference is %.4f at the median, %.4f at the 99th percentile, %.3f at most; mass %.1f vs %.1f%n",
                        worst / max, worst * 1e6, max * 1e6, n, r[n / 2], r[(int) (0.99 * (n - 1))], r[n - 1], binned.mass(), exact.mass());
            } else {
                out.printf("  mass binned %.1f (incidents %,d)%n", binned.mass(), rows);
            }
        }
    }
}
