package org.crimeanalytics.process;

import org.crimeanalytics.geo.ProjectedPoints;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.process.ProcessException;

/**
 * Limits an administrator can set with system properties (e.g. {@code -Dcrime.maxGridCells=500000}
 * in GeoServer's JVM options), checked before heavy work starts.
 *
 * <ul>
 *   <li>{@code crime.maxIncidents} (default 5,000,000): incidents one process may read;</li>
 *   <li>{@code crime.maxGridCells} (default 2,000,000): grid cells of an aggregation;</li>
 *   <li>{@code crime.maxPermutations} (default 9,999): permutations of a Monte Carlo test;</li>
 *   <li>{@code crime.maxK} (default 1,000): clusters or neighbours asked for;</li>
 *   <li>{@code crime.maxNeighbours} (default 2,000): mean neighbours a distance band may give;</li>
 *   <li>{@code crime.maxPairs} (default: as many as fill half the JVM's maximum heap at 5 bytes a pair): pairs of
 *       incidents a near-repeat (Knox) test may hold.</li>
 * </ul>
 */
public final class Limits {

    private Limits() {}

    public static long get(String name, long def) {
        String v = System.getProperty("crime." + name);
        if (v == null) return def;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return def;
        }
    }

    public static long maxIncidents() {
        return get("maxIncidents", 5_000_000);
    }

    public static long maxGridCells() {
        return get("maxGridCells", 2_000_000);
    }

    public static long maxPermutations() {
        return get("maxPermutations", 9_999);
    }

    public static long maxK() {
        return get("maxK", 1_000);
    }

    public static long maxPairs() {
        return get("maxPairs", Runtime.getRuntime().maxMemory() / 10);
    }

    static void checkIncidents(long n, String param) {
        if (n > maxIncidents()) {
            throw new ProcessException(param + ": " + n + " incidents exceed the limit of " + maxIncidents()
                    + " set by the administrator (system property crime.maxIncidents)");
        }
    }

    static void checkPermutations(int permutations, String param) {
        if (permutations > maxPermutations()) {
            throw new ProcessException(param + ": " + permutations + " permutations exceed the limit of " + maxPermutations()
                    + " (system property crime.maxPermutations)");
        }
    }

    static void checkK(int k, String param) {
        if (k > maxK()) {
            throw new ProcessException(param + ": " + k + " exceeds the limit of " + maxK() + " (system property crime.maxK)");
        }
    }

    /** Estimated cells of a grid over the points' extent (or the study area's). */
    static void checkCells(ProjectedPoints pts, double cellSize, SimpleFeatureCollection studyArea) {
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY,
                y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < pts.size(); i++) {
            x0 = Math.min(x0, pts.x()[i]);
            x1 = Math.max(x1, pts.x()[i]);
            y0 = Math.min(y0, pts.y()[i]);
            y1 = Math.max(y1, pts.y()[i]);
        }
        double cells = ((x1 - x0) / cellSize + 1) * ((y1 - y0) / cellSize + 1);
        long max = maxGridCells();
        if (cells > max && (studyArea != null || Math.min(cells, pts.size()) > max)) {
            throw new ProcessException("cellSize: " + cellSize + " m gives about " + (long) cells + " cells over the data, more than the limit of "
                    + max + " (system property crime.maxGridCells); use larger cells");
        }
    }

    /** Refuses a distance band so large that the weights would be nearly all pairs. */
    static void checkNeighbourhood(double[] x, double[] y, double band) {
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY,
                y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            x0 = Math.min(x0, x[i]);
            x1 = Math.max(x1, x[i]);
            y0 = Math.min(y0, y[i]);
            y1 = Math.max(y1, y[i]);
        }
        double area = Math.max(1, (x1 - x0) * (y1 - y0));
        double expected = x.length * Math.min(1, Math.PI * band * band / area);
        long max = get("maxNeighbours", 2_000);
        if (expected > max && x.length > max) {
            throw new ProcessException("distance: a band of " + Math.round(band) + " m gives about " + Math.round(expected)
                    + " neighbours per feature (limit " + max + ", system property crime.maxNeighbours); use a smaller band");
        }
    }
}
