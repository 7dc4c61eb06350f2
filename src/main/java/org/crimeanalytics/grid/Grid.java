package org.crimeanalytics.grid;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * A tessellation of the plane (metres) into square or hexagonal cells, anchored at the origin of
 * the projection so that the same point falls into the same cell whatever the extent of a request
 * (tiles of a map agree). Cells are identified by a long key packing two signed 32-bit indices.
 *
 * <p>Squares: {@code size} is the side. Hexagons (pointy-top): {@code size} is the distance between
 * the centres of adjacent cells; a hexagon's area is sqrt(3)/2 size^2.
 */
public final class Grid implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Cell shape. */
    public enum Shape { SQUARE, HEXAGON }

    private static final double SQRT3 = Math.sqrt(3);
    private final Shape shape;
    private final double size;
    private final double radius; // hexagon circumradius

    public Grid(Shape shape, double size) {
        if (!(size > 0) || Double.isInfinite(size)) throw new IllegalArgumentException("cell size must be > 0, was " + size);
        this.shape = shape;
        this.size = size;
        this.radius = size / SQRT3;
    }

    public Shape shape() {
        return shape;
    }

    public double size() {
        return size;
    }

    /** Area of one cell in square metres. */
    public double cellArea() {
        return shape == Shape.SQUARE ? size * size : SQRT3 / 2 * size * size;
    }

    public static long key(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    public static int first(long key) {
        return (int) (key >> 32);
    }

    public static int second(long key) {
        return (int) key;
    }

    /** The cell containing (x, y). Points on a shared edge go to one cell consistently. */
    public long cell(double x, double y) {
        if (shape == Shape.SQUARE) return key((int) Math.floor(x / size), (int) Math.floor(y / size));
        // axial coordinates of a pointy-top hexagon, then cube rounding
        double q = (SQRT3 / 3 * x - y / 3) / radius;
        double r = (2.0 / 3 * y) / radius;
        double s = -q - r;
        long rq = Math.round(q), rr = Math.round(r), rs = Math.round(s);
        double dq = Math.abs(rq - q), dr = Math.abs(rr - r), ds = Math.abs(rs - s);
        if (dq > dr && dq > ds) rq = -rr - rs;
        else if (dr > ds) rr = -rq - rs;
        return key((int) rq, (int) rr);
    }

    /** Centre of a cell. */
    public double[] centre(long key) {
        int a = first(key), b = second(key);
        if (shape == Shape.SQUARE) return new double[] {(a + 0.5) * size, (b + 0.5) * size};
        return new double[] {radius * SQRT3 * (a + b / 2.0), radius * 1.5 * b};
    }

    /** The cell's polygon (counter-clockwise). */
    public Polygon polygon(long key, GeometryFactory gf) {
        double[] c = centre(key);
        Coordinate[] ring;
        if (shape == Shape.SQUARE) {
            double h = size / 2;
            ring = new Coordinate[] {new Coordinate(c[0] - h, c[1] - h), new Coordinate(c[0] + h, c[1] - h),
                new Coordinate(c[0] + h, c[1] + h), new Coordinate(c[0] - h, c[1] + h), new Coordinate(c[0] - h, c[1] - h)};
        } else {
            ring = new Coordinate[7];
            for (int k = 0; k < 6; k++) {
                double ang = Math.toRadians(60 * k - 30);
                ring[k] = new Coordinate(c[0] + radius * Math.cos(ang), c[1] + radius * Math.sin(ang));
            }
            ring[6] = new Coordinate(ring[0]);
        }
        return gf.createPolygon(ring);
    }

    /** Keys of every cell whose centre lies in the box (x0, y0)-(x1, y1), expanded by one cell. */
    public long[] cellsCovering(double x0, double y0, double x1, double y1) {
        LongIntMap seen = new LongIntMap(1024);
        double step = shape == Shape.SQUARE ? size : radius;
        for (double yy = y0 - size; yy <= y1 + size; yy += step * 0.5) {
            for (double xx = x0 - size; xx <= x1 + size; xx += step * 0.5) {
                seen.add(cell(xx, yy), 0);
            }
        }
        return seen.keys();
    }
}
