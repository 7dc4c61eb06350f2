package org.crimeanalytics.density;

import org.crimeanalytics.grid.Grid;

/**
 * The centres of a {@link Grid}'s cells as rows and columns: row {@code j} at {@code y = y0 + j dy}, column
 * {@code i} at {@code x = x0 + i dx (+ dx/2 on odd rows of hexagons)}. Squares of side c: dx = dy = c,
 * x0 = y0 = c/2. Pointy-top hexagons with centres c apart: dx = c, dy = c √3/2, x0 = y0 = 0, odd rows shifted
 * by half a cell. The cell of (i, j) is the grid's cell of that centre, so keys and polygons are the grid's
 * (anchored at the CRS origin: every request sees the same cells).
 */
public final class Lattice {

    private final Grid grid;
    final double dx;
    final double dy;
    final double x0;
    final double y0;
    final boolean hex;

    public Lattice(Grid grid) {
        this.grid = grid;
        double c = grid.size();
        this.hex = grid.shape() == Grid.Shape.HEXAGON;
        this.dx = c;
        this.dy = hex ? c * Math.sqrt(3) / 2 : c;
        this.x0 = hex ? 0 : c / 2;
        this.y0 = hex ? 0 : c / 2;
    }

    public Grid grid() {
        return grid;
    }

    /** x of the centres of row j's column 0. */
    double rowOrigin(int j) {
        return hex && (j & 1) != 0 ? x0 + dx / 2 : x0;
    }

    public double x(int i, int j) {
        return rowOrigin(j) + dx * i;
    }

    public double y(int j) {
        return y0 + dy * j;
    }

    /** The grid key of the cell centred at (i, j). */
    public long key(int i, int j) {
        return hex ? Grid.key(i - Math.floorDiv(j, 2), j) : Grid.key(i, j);
    }

    /** The column of the cell whose grid key is {@code key}. */
    public int column(long key) {
        return hex ? Grid.first(key) + Math.floorDiv(Grid.second(key), 2) : Grid.first(key);
    }

    /** The row of the cell whose grid key is {@code key}. */
    public int row(long key) {
        return Grid.second(key);
    }

    /** Area of one cell in square metres (dx dy for both shapes). */
    public double cellArea() {
        return dx * dy;
    }

    /**
     * The rows and columns whose centres lie within the box (x0, y0)-(x1, y1) widened by {@code margin}
     * metres, as a window with no values yet.
     */
    public Window window(double bx0, double by0, double bx1, double by1, double margin) {
        int j0 = (int) Math.floor((by0 - margin - y0) / dy);
        int j1 = (int) Math.ceil((by1 + margin - y0) / dy);
        int i0 = (int) Math.floor((bx0 - margin - x0) / dx) - 1;
        int i1 = (int) Math.ceil((bx1 + margin - x0) / dx) + 1;
        return new Window(i0, j0, i1 - i0 + 1, j1 - j0 + 1);
    }

    /** A block of cells: columns i0 .. i0 + nx - 1, rows j0 .. j0 + ny - 1. */
    public record Window(int i0, int j0, int nx, int ny) {
        public long cells() {
            return (long) nx * ny;
        }

        /** The part of this window inside {@code o} (possibly empty: nx or ny 0). */
        public Window intersect(Window o) {
            int a0 = Math.max(i0, o.i0), a1 = Math.min(i0 + nx, o.i0 + o.nx);
            int b0 = Math.max(j0, o.j0), b1 = Math.min(j0 + ny, o.j0 + o.ny);
            return new Window(a0, b0, Math.max(0, a1 - a0), Math.max(0, b1 - b0));
        }

        /** The smallest window holding both. */
        public Window union(Window o) {
            int a0 = Math.min(i0, o.i0), a1 = Math.max(i0 + nx, o.i0 + o.nx);
            int b0 = Math.min(j0, o.j0), b1 = Math.max(j0 + ny, o.j0 + o.ny);
            return new Window(a0, b0, a1 - a0, b1 - b0);
        }

        /** Index of cell (i, j) in row-major values, or -1 outside. */
        public int index(int i, int j) {
            if (i < i0 || i >= i0 + nx || j < j0 || j >= j0 + ny) return -1;
            return (j - j0) * nx + (i - i0);
        }

        /** This window widened by {@code di} columns and {@code dj} rows on each side. */
        public Window grow(int di, int dj) {
            return new Window(i0 - di, j0 - dj, nx + 2 * di, ny + 2 * dj);
        }
    }
}
