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

    public static Geometry hull(double[] x, double[] y, int[] members) {
        Coordinate[] c = new Coordinate[members.length];
        for (int i = 0; i < members.length; i++) c[i] = new Coordinate(x[members[i]], y[members[i]]);
        return new ConvexHull(c, GF).getConvexHull();
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
