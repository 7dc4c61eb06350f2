package org.crimeanalytics.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.process.ProcessException;
import org.geotools.referencing.CRS;
import org.junit.jupiter.api.Test;

/** Projection of many points in two halves at once: the points and errors of one pass. */
class ProjectedPointsTest {

    /** n points spread over Chicago (lon/lat), a fixed pseudo-random pattern. */
    private static double[] chicago(int n) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = -87.94 + 0.4 * rnd.nextDouble();
            xy[2 * i + 1] = 41.64 + 0.38 * rnd.nextDouble();
        }
        return xy;
    }

    private static String[] ids(int n) {
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) ids[i] = "f" + i;
        return ids;
    }

    @Test
    void manyPointsProjectedInHalvesEqualOneTransformOfAllAtTheMedianZone() throws Exception {
        int n = ProjectedPoints.PARALLEL_ABOVE + 50_001;
        double[] xy = chicago(n);
        double[] one = xy.clone();
        ProjectedPoints p = ProjectedPoints.project(xy, ids(n), null, n, 0, List.of(), Crs.wgs84(), null, "incidents");
        assertEquals("EPSG:32616", CRS.toSRS(p.metricCrs()));
        MathTransform t = Crs.transform(Crs.wgs84(), Crs.autoUtm(-87.74, 41.83), "test");
        t.transform(one, 0, one, 0, n);
        for (int i = 0; i < n; i++) {
            assertEquals(one[2 * i], p.x()[i], 0, "x of point " + i);
            assertEquals(one[2 * i + 1], p.y()[i], 0, "y of point " + i);
        }
    }

    @Test
    void theFirstPointThatIsNotFiniteInMetresIsNamedWhicheverHalfItIsIn() {
        // points already in metres (no transform): a NaN stays one after the projection step
        int n = ProjectedPoints.PARALLEL_ABOVE + 50_000;
        org.geotools.api.referencing.crs.CoordinateReferenceSystem utm = Crs.autoUtm(-87.7, 41.8);
        for (int[] badAt : new int[][] {{70_000, 120_000}, {120_000, 140_000}, {5}}) {
            double[] xy = new double[2 * n];
            for (int i = 0; i < n; i++) {
                xy[2 * i] = 440_000 + i % 1000;
                xy[2 * i + 1] = 4_630_000 + i / 1000;
            }
            for (int b : badAt) xy[2 * b + 1] = Double.POSITIVE_INFINITY;
            ProcessException e = assertThrows(ProcessException.class, () -> ProjectedPoints.project(xy, ids(n), null, n, 0, List.of(),
                    utm, utm, "incidents"));
            assertEquals("incidents: feature f" + badAt[0] + " cannot be projected to metres (coordinates outside the valid area "
                    + "of the layer's CRS?)", e.getMessage());
        }
    }

    @Test
    void aTransformFailureInEitherHalfIsOneErrorNamingTheParameter() {
        int n = ProjectedPoints.PARALLEL_ABOVE + 50_000;
        for (int b : new int[] {10, n - 10}) {
            double[] xy = chicago(n);
            xy[2 * b] = Double.NaN; // GeoTools' transverse Mercator refuses it
            ProcessException e = assertThrows(ProcessException.class, () -> ProjectedPoints.project(xy, ids(n), null, n, 0, List.of(),
                    Crs.wgs84(), Crs.autoUtm(-87.7, 41.8), "incidents"));
            assertEquals(true, e.getMessage().startsWith("incidents: cannot project the points to metres: "), e.getMessage());
        }
    }
}
