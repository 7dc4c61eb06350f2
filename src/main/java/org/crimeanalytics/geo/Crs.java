package org.crimeanalytics.geo;

import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.process.ProcessException;
import org.geotools.referencing.CRS;

/** CRS helpers: lon/lat WGS84, decoding with errors that name the parameter, lenient transforms. */
public final class Crs {

    private static volatile CoordinateReferenceSystem wgs84;

    private Crs() {}

    /** EPSG:4326 with longitude first (x = lon), as GeoJSON and the canonical incidents use. */
    public static CoordinateReferenceSystem wgs84() {
        if (wgs84 == null) {
            try {
                wgs84 = CRS.decode("EPSG:4326", true);
            } catch (FactoryException e) {
                throw new IllegalStateException("EPSG database not available: " + e.getMessage(), e);
            }
        }
        return wgs84;
    }

    /**
     * Decodes a CRS in every form GeoServer accepts, with GeoServer's axis order: {@code EPSG:n} (and
     * {@code CRS:84}, {@code AUTO:...}) longitude/easting first; the OGC URN
     * {@code urn:ogc:def:crs:EPSG::n} and the URI {@code http://www.opengis.net/def/crs/EPSG/0/n} in
     * the authority's order (latitude first for EPSG:4326); or WKT (1 or 2). Names {@code param} on
     * failure.
     */
    public static CoordinateReferenceSystem decode(String code, String param) {
        String c = code.trim();
        try {
            if (isWkt(c)) return CRS.parseWKT(c);
            return CRS.decode(c, !authorityOrder(c));
        } catch (FactoryException | RuntimeException e) {
            throw new ProcessException(param + ": unknown coordinate reference system '" + code + "' ("
                    + e.getMessage() + ")");
        }
    }

    /** Whether a code keeps the authority's axis order (URN and http URI forms). */
    public static boolean authorityOrder(String code) {
        String c = code.trim().toLowerCase(java.util.Locale.ROOT);
        return c.startsWith("urn:") || c.startsWith("http://") || c.startsWith("https://");
    }

    /** Whether a string is a WKT coordinate reference system rather than a code. */
    public static boolean isWkt(String s) {
        String c = s.trim().toUpperCase(java.util.Locale.ROOT);
        return c.endsWith("]") && c.matches("^(PROJCS|GEOGCS|GEOCCS|COMPD_CS|VERT_CS|LOCAL_CS|PROJCRS|GEOGCRS|GEODCRS|"
                + "BASEGEOGCRS|COMPOUNDCRS|VERTCRS|ENGCRS|BOUNDCRS)\\s*\\[.*");
    }

    /**
     * For a geographic CRS, checks that the coordinates on its latitude axis lie within +-90 degrees
     * (a latitude-first CRS given longitude-first numbers is the usual mistake), naming {@code param}.
     */
    public static void checkLatitudes(CoordinateReferenceSystem crs, String param, String code, double... axisValues) {
        if (!isGeographic(crs)) return;
        int latAxis = -1;
        for (int d = 0; d < crs.getCoordinateSystem().getDimension(); d++) {
            org.geotools.api.referencing.cs.AxisDirection dir = crs.getCoordinateSystem().getAxis(d).getDirection();
            if (dir == org.geotools.api.referencing.cs.AxisDirection.NORTH || dir == org.geotools.api.referencing.cs.AxisDirection.SOUTH) {
                latAxis = d;
            }
        }
        if (latAxis < 0) return;
        int dim = crs.getCoordinateSystem().getDimension();
        for (int i = latAxis; i < axisValues.length; i += dim) {
            if (Math.abs(axisValues[i]) > 90) {
                throw new ProcessException(param + ": " + axisValues[i] + " is not a latitude; in " + code.trim()
                        + " axis " + (latAxis + 1) + " is latitude" + (latAxis == 0
                                ? " (latitude first, as the OGC URN and URI forms define it; use EPSG:4326 for longitude first)"
                                : ""));
            }
        }
    }

    /** A transform between two CRSs (lenient about datum shifts), naming {@code param} on failure. */
    public static MathTransform transform(CoordinateReferenceSystem from, CoordinateReferenceSystem to, String param) {
        try {
            return CRS.findMathTransform(from, to, true);
        } catch (FactoryException e) {
            throw new ProcessException(param + ": cannot transform from " + CRS.toSRS(from) + " to " + CRS.toSRS(to)
                    + " (" + e.getMessage() + ")");
        }
    }

    /**
     * Initialises GeoTools' referencing (factories, the EPSG database, projections) on a background
     * thread, so a command that reads a large file first finds it ready when it projects the points: the
     * first CRS decoded in a JVM costs about a second.
     */
    public static void warmUpInBackground() {
        Thread t = new Thread(() -> {
            try {
                MathTransform tr = CRS.findMathTransform(wgs84(), autoUtm(-87.6, 41.8), true);
                tr.transform(new double[] {-87.6, 41.8}, 0, new double[2], 0, 1);
            } catch (Exception | LinkageError e) {
                // only a warm-up: the real use reports any problem
            }
        }, "crs-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** An attribute-less point feature type in lon/lat WGS84 (for empty collections and tests). */
    public static org.geotools.api.feature.simple.SimpleFeatureType wgs84Type() {
        org.geotools.feature.simple.SimpleFeatureTypeBuilder b = new org.geotools.feature.simple.SimpleFeatureTypeBuilder();
        b.setName("points");
        b.setCRS(wgs84());
        b.add("geom", org.locationtech.jts.geom.Point.class);
        return b.buildFeatureType();
    }

    /** Whether {@code crs} is WGS84 longitude/latitude (no transform needed for GeoJSON). */
    public static boolean isLonLatWgs84(CoordinateReferenceSystem crs) {
        return CRS.equalsIgnoreMetadata(crs, wgs84())
                || CRS.equalsIgnoreMetadata(crs, org.geotools.referencing.crs.DefaultGeographicCRS.WGS84);
    }

    /** Whether a CRS is geographic (degrees), where distances need a projection first. */
    public static boolean isGeographic(CoordinateReferenceSystem crs) {
        return crs instanceof org.geotools.api.referencing.crs.GeographicCRS;
    }

    /**
     * A local transverse Mercator in metres: the UTM zone of the given point (as AUTO:42001 picks it), under its EPSG
     * code (EPSG:326nn north, 327nn south, easting first), for the
     * longitude and latitude.
     */
    public static CoordinateReferenceSystem autoUtm(double lon, double lat) {
        try {
            // the zone AUTO:42001 picks, under its EPSG code (WGS 84 / UTM zone nN or nS), so that a GeoTIFF names it
            int zone = Math.max(1, Math.min(60, (int) Math.floor((lon + 180) / 6) + 1));
            return CRS.decode("EPSG:" + ((lat >= 0 ? 32600 : 32700) + zone), true);
        } catch (FactoryException e) {
            throw new IllegalStateException("the UTM zones are not available: " + e.getMessage(), e);
        }
    }
}
