package org.crimeanalytics.density;

import java.util.function.BooleanSupplier;
import org.crimeanalytics.cluster.DistinctRows;

/**
 * Kernel density estimation of weighted points on the cell centres of a square or hexagonal grid:
 * {@code f(c) = (1 / h²) Σ w_i K(|c - p_i| / h)} incidents per square metre (the form of ArcGIS Pro's
 * Kernel Density, planar method, and of CrimeStat's single KDE), with a {@link Kernel} and a bandwidth
 * {@code h} in metres. Its integral over the plane is {@code Σ w_i}.
 *
 * <p>Two evaluations, configured here and run by {@link #estimate}:
 * <ul>
 *   <li>{@link Method#EXACT}: the sum above at every cell centre within the kernel's reach of each point, each
 *       distinct location once with its total weight (cost: distinct locations × cells within the reach);</li>
 *   <li>{@link Method#BINNED}: each point's weight is first shared between the cell centres around it by
 *       linear binning (bilinear on squares, barycentric on the triangles of hexagon centres; weight, mean and
 *       the points' first moments are kept), then every centre's weight is spread with one table of kernel
 *       values over centre-to-centre offsets (Wand 1994, "Fast computation of multivariate kernel estimators",
 *       JCGS 3:433), the table scaled so that its discrete mass is exactly 1 (binning keeps the total weight). Cost:
 *       the table size times the cells holding weight, whatever the number of points. The error is second order in
 *       cell size over bandwidth (see the kde benchmark for measured values).</li>
 * </ul>
 * {@link Method#AUTO} takes the exact sum unless it would cost more than {@value #EXACT_BUDGET} kernel terms
 * (counted over distinct locations).
 *
 * <p>Degenerate input: no points, or all weights zero, give a surface of zeros; weights must be finite and
 * non-negative (the caller checks). Points farther than the reach from the window do not contribute.
 */
public final class KernelDensity {

    /** Evaluation method. */
    public enum Method { AUTO, EXACT, BINNED }

    /** Kernel terms above which AUTO bins (about half a second on one core). */
    public static final double EXACT_BUDGET = 5e7;

    private final Kernel kernel;
    private final double bandwidth;
    private final Lattice lattice;

    /**
     * @param kernel the kernel
     * @param bandwidth h in metres (the radius of the compact kernels, the standard deviation of the Gaussian)
     * @param lattice the grid's cell centres
     * @throws IllegalArgumentException when the bandwidth is not a positive finite number
     */
    public KernelDensity(Kernel kernel, double bandwidth, Lattice lattice) {
        if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) {
            throw new IllegalArgumentException("bandwidth must be > 0 metres, was " + bandwidth);
        }
        this.kernel = kernel;
        this.bandwidth = bandwidth;
        this.lattice = lattice;
    }

    public Kernel kernel() {
        return kernel;
    }

    public double bandwidth() {
        return bandwidth;
    }

    public Lattice lattice() {
        return lattice;
    }

    /** Distance in metres beyond which a point does not contribute. */
    public double reach() {
        return kernel.reach() * bandwidth;
    }

    /** Cells within the reach of one point (about π r² / cell area). */
    public double cellsPerPoint() {
        double r = reach();
        return Math.PI * r * r / lattice.cellArea() + 2 * r / lattice.dx + 1;
    }

    /** The method AUTO resolves to for {@code n} points (or distinct locations). */
    public Method resolve(Method m, int n) {
        if (m != Method.AUTO) return m;
        return n * cellsPerPoint() <= EXACT_BUDGET ? Method.EXACT : Method.BINNED;
    }

    /**
     * The window of every cell centre within the reach of the points (empty arrays: a 1 x 1 window at the origin).
     */
    public Lattice.Window windowOf(double[] x, double[] y) {
        if (x.length == 0) return new Lattice.Window(0, 0, 1, 1);
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY,
                y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            x0 = Math.min(x0, x[i]);
            x1 = Math.max(x1, x[i]);
            y0 = Math.min(y0, y[i]);
            y1 = Math.max(y1, y[i]);
        }
        return lattice.window(x0, y0, x1, y1, reach());
    }

    /**
     * The density (incidents per square metre) at the centres of {@code window}.
     *
     * @param x point x in metres
     * @param y point y in metres
     * @param w weights (null: 1 each)
     * @param method how to evaluate
     * @param cancelled polled every 65,536 points; when true, {@link CancelledException} is thrown
     */
    public Surface estimate(double[] x, double[] y, double[] w, Lattice.Window window, Method method,
            BooleanSupplier cancelled) {
        double[] v = new double[Math.toIntExact(window.cells())];
        Method m = method == Method.AUTO ? resolve(method, distinct(x, y)) : method;
        if (m == Method.EXACT) exact(x, y, w, window, v, cancelled);
        else binned(x, y, w, window, v, cancelled);
        double inv = 1 / (bandwidth * bandwidth);
        for (int k = 0; k < v.length; k++) v[k] *= inv;
        return new Surface(lattice, window, v);
    }

    /** Number of distinct locations (for AUTO; exact repeats count once). */
    public static int distinct(double[] x, double[] y) {
        double[] flat = new double[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            flat[2 * i] = x[i];
            flat[2 * i + 1] = y[i];
        }
        return DistinctRows.of(flat, 2).size();
    }

    /** Thrown when the caller's cancellation flag is raised. */
    public static final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("cancelled", null, false, false);
        }
    }

    private static void poll(int p, BooleanSupplier cancelled) {
        if ((p & 0xFFFF) == 0 && cancelled != null && cancelled.getAsBoolean()) throw new CancelledException();
    }

    /**
     * The exact sum. Repeated locations (police data is often geocoded to block points) are summed once with their
     * total weight, and locations are visited row by row so that each one's cells are near the previous one's in
     * memory; neither changes the sum beyond rounding.
     */
    private void exact(double[] x, double[] y, double[] w, Lattice.Window win, double[] v, BooleanSupplier cancelled) {
        int n = x.length;
        double[] flat = new double[2 * n];
        for (int i = 0; i < n; i++) {
            flat[2 * i] = x[i];
            flat[2 * i + 1] = y[i];
        }
        DistinctRows d = DistinctRows.of(flat, 2);
        double[] ux = new double[d.size()], uy = new double[d.size()], uw = new double[d.size()];
        for (int k = 0; k < d.size(); k++) {
            ux[k] = d.data()[2 * k];
            uy[k] = d.data()[2 * k + 1];
        }
        int[] rowOf = d.rowOf();
        for (int i = 0; i < n; i++) uw[rowOf[i]] += w == null ? 1 : w[i];
        int[] order = byRow(uy, win);
        double r = reach(), r2 = r * r, ih2 = 1 / (bandwidth * bandwidth);
        int nx = win.nx();
        for (int q = 0; q < order.length; q++) {
            poll(q, cancelled);
            int p = order[q];
            double wp = uw[p];
            if (wp == 0) continue;
            double px = ux[p], py = uy[p];
            int jlo = Math.max(win.j0(), (int) Math.ceil((py - r - lattice.y0) / lattice.dy));
            int jhi = Math.min(win.j0() + win.ny() - 1, (int) Math.floor((py + r - lattice.y0) / lattice.dy));
            for (int j = jlo; j <= jhi; j++) {
                double ddy = lattice.y(j) - py;
                double rest = r2 - ddy * ddy;
                if (rest < 0) continue;
                double half = Math.sqrt(rest), ox = lattice.rowOrigin(j);
                int ilo = Math.max(win.i0(), (int) Math.ceil((px - half - ox) / lattice.dx));
                int ihi = Math.min(win.i0() + nx - 1, (int) Math.floor((px + half - ox) / lattice.dx));
                int base = (j - win.j0()) * nx - win.i0();
                double dy2 = ddy * ddy;
                for (int i = ilo; i <= ihi; i++) {
                    double ddx = ox + lattice.dx * i - px;
                    v[base + i] += wp * kernel.at((ddx * ddx + dy2) * ih2);
                }
            }
        }
    }

    /** Indices of the locations in order of their lattice row (counting sort; rows outside the window at the ends). */
    private int[] byRow(double[] y, Lattice.Window win) {
        int rows = win.ny() + 2;
        int[] row = new int[y.length], start = new int[rows + 1];
        for (int p = 0; p < y.length; p++) {
            int j = (int) Math.floor((y[p] - lattice.y0) / lattice.dy) - win.j0() + 1;
            row[p] = Math.max(0, Math.min(rows - 1, j));
            start[row[p] + 1]++;
        }
        for (int b = 0; b < rows; b++) start[b + 1] += start[b];
        int[] order = new int[y.length];
        for (int p = 0; p < y.length; p++) order[start[row[p]]++] = p;
        return order;
    }

    private void binned(double[] x, double[] y, double[] w, Lattice.Window win, double[] v, BooleanSupplier cancelled) {
        int mi = (int) Math.ceil(reach() / lattice.dx) + 2, mj = (int) Math.ceil(reach() / lattice.dy) + 2;
        Lattice.Window bw = win.grow(mi, mj);
        double[] mass = bin(x, y, w, bw, cancelled);
        Stencil even = stencil(0), odd = lattice.hex ? stencil(1) : even;
        int nx = win.nx(), bnx = bw.nx();
        for (int bj = 0; bj < bw.ny(); bj++) {
            int j = bw.j0() + bj;
            Stencil s = (j & 1) == 0 ? even : odd;
            for (int bi = 0; bi < bnx; bi++) {
                double m = mass[bj * bnx + bi];
                if (m == 0) continue;
                int i = bw.i0() + bi;
                for (int row = 0; row < s.dj.length; row++) {
                    int tj = j + s.dj[row];
                    if (tj < win.j0() || tj >= win.j0() + win.ny()) continue;
                    int lo = Math.max(s.di0[row], win.i0() - i), hi = Math.min(s.di0[row] + s.values[row].length - 1,
                            win.i0() + nx - 1 - i);
                    if (lo > hi) continue;
                    double[] vals = s.values[row];
                    int base = (tj - win.j0()) * nx + (i - win.i0());
                    for (int di = lo; di <= hi; di++) v[base + di] += m * vals[di - s.di0[row]];
                }
            }
            if ((bj & 63) == 0 && cancelled != null && cancelled.getAsBoolean()) throw new CancelledException();
        }
    }

    /** Kernel values (unit bandwidth scale, not yet divided by h²) from a centre on a row of parity {@code parity}. */
    private record Stencil(int[] dj, int[] di0, double[][] values) {}

    private Stencil stencil(int parity) {
        double r = reach(), ih2 = 1 / (bandwidth * bandwidth);
        int rows = (int) Math.floor(r / lattice.dy);
        int[] dj = new int[2 * rows + 1];
        int[] di0 = new int[dj.length];
        double[][] vals = new double[dj.length][];
        for (int k = 0; k < dj.length; k++) {
            int d = k - rows;
            dj[k] = d;
            double ddy = d * lattice.dy;
            // x offset of the target row's centres relative to the source centre
            double shift = lattice.hex && (d & 1) != 0 ? (parity == 0 ? lattice.dx / 2 : -lattice.dx / 2) : 0;
            double half = Math.sqrt(Math.max(0, r * r - ddy * ddy));
            int lo = (int) Math.ceil((-half - shift) / lattice.dx), hi = (int) Math.floor((half - shift) / lattice.dx);
            di0[k] = lo;
            vals[k] = new double[Math.max(0, hi - lo + 1)];
            for (int i = lo; i <= hi; i++) {
                double ddx = i * lattice.dx + shift;
                vals[k][i - lo] = kernel.at((ddx * ddx + ddy * ddy) * ih2);
            }
        }
        // scaled so that the table spreads exactly the weight it is given: its sum over the cell centres times the
        // cell area is 1 (unscaled, a uniform disc of 5 cells' radius would lose the 12 % on its rim)
        double mass = 0;
        for (double[] row : vals) for (double v : row) mass += v;
        mass *= lattice.cellArea() * ih2;
        if (mass > 0) for (double[] row : vals) for (int i = 0; i < row.length; i++) row[i] /= mass;
        return new Stencil(dj, di0, vals);
    }

    /** Linear binning of the weights onto the centres of window {@code bw}; points outside it are skipped. */
    private double[] bin(double[] x, double[] y, double[] w, Lattice.Window bw, BooleanSupplier cancelled) {
        double[] m = new double[Math.toIntExact(bw.cells())];
        int bnx = bw.nx();
        int ilo = bw.i0(), ihi = bw.i0() + bnx - 2, jlo = bw.j0(), jhi = bw.j0() + bw.ny() - 2;
        for (int p = 0; p < x.length; p++) {
            poll(p, cancelled);
            double wp = w == null ? 1 : w[p];
            if (wp == 0) continue;
            double fy = (y[p] - lattice.y0) / lattice.dy;
            int j = (int) Math.floor(fy);
            double t = fy - j;
            if (j < jlo || j > jhi) continue;
            double u = (x[p] - lattice.rowOrigin(j)) / lattice.dx;
            int a = (int) Math.floor(u);
            double f = u - a;
            if (a < ilo + 1 || a > ihi - 1) continue;
            int row = (j - bw.j0()) * bnx - bw.i0(), next = row + bnx;
            if (!lattice.hex) {
                m[row + a] += wp * (1 - f) * (1 - t);
                m[row + a + 1] += wp * f * (1 - t);
                m[next + a] += wp * (1 - f) * t;
                m[next + a + 1] += wp * f * t;
                continue;
            }
            // row j+1's centre between columns a and a+1 of row j
            int c = (j & 1) == 0 ? a : a + 1;
            if (t <= 2 * f && t <= 2 * (1 - f)) { // triangle (a, j), (a+1, j), C
                m[row + a] += wp * (1 - f - t / 2);
                m[row + a + 1] += wp * (f - t / 2);
                m[next + c] += wp * t;
            } else if (t > 2 * f) { // triangle (a, j), C, C - 1
                m[row + a] += wp * (1 - t);
                m[next + c] += wp * (t + 2 * f) / 2;
                m[next + c - 1] += wp * (t - 2 * f) / 2;
            } else { // triangle (a+1, j), C, C + 1
                m[row + a + 1] += wp * (1 - t);
                m[next + c] += wp * (1 + t / 2 - f);
                m[next + c + 1] += wp * (f - 1 + t / 2);
            }
        }
        return m;
    }
}
