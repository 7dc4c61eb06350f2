package org.crimeanalytics.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.referencing.CRS;
import org.junit.jupiter.api.Test;

/** The WKT-built WGS84 and UTM zones (no EPSG database on the common path) against the EPSG database's own. */
class CrsTest {

    @Test
    void wgs84IsEpsg4326LongitudeFirst() throws Exception {
        CoordinateReferenceSystem db = CRS.decode("EPSG:4326", true);
        assertTrue(CRS.equalsIgnoreMetadata(Crs.wgs84(), db));
        assertEquals("EPSG:4326", CRS.toSRS(Crs.wgs84()));
        assertEquals(Integer.valueOf(4326), CRS.lookupEpsgCode(Crs.wgs84(), false));
        assertTrue(Crs.isLonLatWgs84(db));
    }

    @Test
    void utmZonesAndTheirTransformsAreTheEpsgDatabases() throws Exception {
        // Chicago (16N), Los Angeles (11N), London (30N / 31N at the meridian), Sydney (56S), Santiago (19S), the
        // antimeridian (60N) and the first zone (1S)
        double[][] places = {{-87.63, 41.88}, {-118.24, 34.05}, {-0.13, 51.51}, {0.0, 51.48}, {151.21, -33.87},
            {-70.67, -33.45}, {179.9, 65.0}, {-179.9, -15.0}};
        int[] codes = {32616, 32611, 32630, 32631, 32756, 32719, 32660, 32701};
        for (int p = 0; p < places.length; p++) {
            CoordinateReferenceSystem ours = Crs.autoUtm(places[p][0], places[p][1]);
            CoordinateReferenceSystem db = CRS.decode("EPSG:" + codes[p], true);
            assertTrue(CRS.equalsIgnoreMetadata(ours, db), "EPSG:" + codes[p]);
            assertEquals("EPSG:" + codes[p], CRS.toSRS(ours));
            assertTrue(ours == Crs.autoUtm(places[p][0], places[p][1]), "one object per zone");
            MathTransform direct = Crs.transform(Crs.wgs84(), ours, "test");
            MathTransform viaDb = CRS.findMathTransform(CRS.decode("EPSG:4326", true), db, true);
            double[] in = {places[p][0], places[p][1], places[p][0] - 0.3 * Math.signum(places[p][0]), places[p][1] - 0.2};
            double[] a = new double[4], b = new double[4], back = new double[4];
            direct.transform(in, 0, a, 0, 2);
            viaDb.transform(in, 0, b, 0, 2);
            // the same projection; the database's route adds an affine step whose rounding moves southern points by
            // about 2e-9 m (its false northing of 10,000 km passes through the axis-order matrix)
            assertEquals(b[0], a[0], 1e-8, "easting, EPSG:" + codes[p]);
            assertEquals(b[1], a[1], 1e-8, "northing, EPSG:" + codes[p]);
            assertEquals(b[2], a[2], 1e-8);
            assertEquals(b[3], a[3], 1e-8);
            Crs.transform(ours, Crs.wgs84(), "test").transform(a, 0, back, 0, 2);
            for (int k = 0; k < 4; k++) assertEquals(in[k], back[k], 1e-9, "round trip, EPSG:" + codes[p]);
        }
    }

    @Test
    void otherCrssStillGoThroughTheDatabase() throws Exception {
        // Illinois State Plane East (feet, NAD83): not a projection of WGS84, so the general route; a known point
        MathTransform t = Crs.transform(Crs.wgs84(), CRS.decode("EPSG:3435", true), "test");
        double[] xy = new double[2];
        t.transform(new double[] {-87.6298, 41.8781}, 0, xy, 0, 1);
        assertEquals(1176000, xy[0], 2000); // Chicago's Loop: about 1,176,000 ft E, 1,900,000 ft N
        assertEquals(1900000, xy[1], 2000);
    }
}
