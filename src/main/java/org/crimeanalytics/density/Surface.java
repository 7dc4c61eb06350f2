package org.crimeanalytics.density;

/**
 * Values on a window of a {@link Lattice}: {@code values[(j - j0) * nx + (i - i0)]} for the cell centred at
 * (i, j), in the unit the producer states ({@link KernelDensity}: incidents per square metre).
 */
public record Surface(Lattice lattice, Lattice.Window window, double[] values) {

    public double at(int i, int j) {
        return values[(j - window.j0()) * window.nx() + (i - window.i0())];
    }

    /** Sum of the values times the cell area: the estimated mass (incidents) on the window. */
    public double mass() {
        double s = 0;
        for (double v : values) s += v;
        return s * lattice.cellArea();
    }

    /** The largest value (0 for an empty window). */
    public double max() {
        double m = 0;
        for (double v : values) m = Math.max(m, v);
        return m;
    }
}
