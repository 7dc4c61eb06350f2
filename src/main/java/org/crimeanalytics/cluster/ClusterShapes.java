package org.crimeanalytics.cluster;

import org.locationtech.jts.algorithm.ConvexHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Polygons summarising a cluster of points (metres): the convex hull, or the one-standard-deviation
 * ellipse (the standard deviational ellipse of Lefever 1926 / Yuill 1971 as CrimeStat and ArcGIS
 * draw it: axes along the principal directions of the covariance, half-lengths of one standard
 * deviation). Degenerate input: one point gives a point, collinear points a line (hull) or a
 * flat ellipse collapsing to a line; identical points a point.
 */
public final class ClusterShapes {

    private static final GeometryFactory GF = new GeometryFactory();

    private ClusterShapes() {}

    /**
     * The convex hull (JTS {@code ConvexHull}) of the members. Points strictly inside the octagon of the
     * eight extreme points (least and greatest x, y, x + y, x - y; Akl and Toussaint 1978) cannot be on the
     * hull and are dropped first, so a cluster of 100,000 incidents does not become 100,000 coordinates.
     */
    public static Geometry hull(double[] x, double[] y, int[] members) {
        int n = members.length;
        if (n > 64) {
            int[] ext = new int[8]; // min x, max x, min y, max y, min x+y, max x+y, min x-y, max x-y
            java.util.Arrays.fill(ext, members[0]);
            for (int i : members) {
                if (x[i] < x[ext[0]]) ext[0] = i;
                if (x[i] > x[ext[1]]) ext[1] = i;
                if (y[i] < y[ext[2]]) ext[2] = i;
                if (y[i] > y[ext[3]]) ext[3] = i;
                if (x[i] + y[i] < x[ext[4]] + y[ext[4]]) ext[4] = i;
                if (x[i] + y[i] > x[ext[5]] + y[ext[5]]) ext[5] = i;
                if (x[i] - y[i] < x[ext[6]] - y[ext[6]]) ext[6] = i;
                if (x[i] - y[i] > x[ext[7]] - y[ext[7]]) ext[7] = i;
            }
            Coordinate[] oc = new Coordinate[8];
            for (int k = 0; k < 8; k++) oc[k] = new Coordinate(x[ext[k]], y[ext[k]]);
            Geometry oct = new ConvexHull(oc, GF).getConvexHull();
            if (oct instanceof org.locationtech.jts.geom.Polygon poly) {
                Coordinate[] ring = poly.getExteriorRing().getCoordinates();
                boolean ccw = org.locationtech.jts.algorithm.Orientation.isCCW(ring);
                java.util.List<Coordinate> keep = new java.util.ArrayList<>();
                for (Coordinate c : oc) keep.add(c);
                for (int i : members) if (!strictlyInside(ring, ccw, x[i], y[i])) keep.add(new Coordinate(x[i], y[i]));
                return new ConvexHull(keep.toArray(new Coordinate[0]), GF).getConvexHull();
            }
        }
        Coordinate[] c = new Coordinate[n];
        for (int i = 0; i < n; i++) c[i] = new Coordinate(x[members[i]], y[members[i]]);
        return new ConvexHull(c, GF).getConvexHull();
    }

    /** Whether (px, py) lies strictly inside a convex ring (closed; counter-clockwise or not). */
    private static boolean strictlyInside(Coordinate[] ring, boolean ccw, double px, double py) {
        for (int k = 0; k + 1 < ring.length; k++) {
            double cross = (ring[k + 1].x - ring[k].x) * (py - ring[k].y) - (ring[k + 1].y - ring[k].y) * (px - ring[k].x);
            if (ccw ? cross <= 0 : cross >= 0) return false;
        }
        return true;
    }

    public static Geometry ellipse(double[] x, double[] y, int[] members) {
        int n = members.length;
        double mx = 0, my = 0;
        for (int i : members) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0, syy = 0, sxy = 0;
        for (int i : members) {
            double dx = x[i] - mx, dy = y[i] - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        sxx /= n;
        syy /= n;
        sxy /= n;
        double tr = sxx + syy, det = sxx * syy - sxy * sxy;
        double disc = Math.sqrt(Math.max(0, tr * tr / 4 - det));
        double l1 = tr / 2 + disc, l2 = Math.max(0, tr / 2 - disc);
        double angle = Math.abs(sxy) < 1e-12 ? (sxx >= syy ? 0 : Math.PI / 2) : Math.atan2(l1 - sxx, sxy);
        double a = Math.sqrt(l1), b = Math.sqrt(l2);
        if (a == 0) return GF.createPoint(new Coordinate(mx, my));
        Coordinate[] ring = new Coordinate[65];
        for (int k = 0; k < 64; k++) {
            double t = 2 * Math.PI * k / 64;
            double ex = a * Math.cos(t), ey = b * Math.sin(t);
            ring[k] = new Coordinate(mx + ex * Math.cos(angle) - ey * Math.sin(angle), my + ex * Math.sin(angle) + ey * Math.cos(angle));
        }
        ring[64] = new Coordinate(ring[0]);
        if (b == 0) return GF.createLineString(new Coordinate[] {ring[32], ring[0]});
        return GF.createPolygon(ring);
    }
}
