package org.crimeanalytics.geo;

import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.process.ProcessException;
import org.geotools.referencing.CRS;

/** CRS helpers: lon/lat WGS84, decoding with errors that name the parameter, lenient transforms. */
public final class Crs {

    private static volatile CoordinateReferenceSystem wgs84;
    /** The UTM zones made so far (north positive, south negative): one object per zone, as the EPSG factory caches them. */
    private static final java.util.Map<Integer, CoordinateReferenceSystem> UTM = new java.util.concurrent.ConcurrentHashMap<>();

    private Crs() {}

    /** EPSG:4326 as the EPSG database defines it, longitude first. */
    static final String WGS84_WKT = "GEOGCS[\"WGS 84\", DATUM[\"World Geodetic System 1984\", SPHEROID[\"WGS 84\", 6378137.0, "
            + "298.257223563, AUTHORITY[\"EPSG\",\"7030\"]], AUTHORITY[\"EPSG\",\"6326\"]], PRIMEM[\"Greenwich\", 0.0, "
            + "AUTHORITY[\"EPSG\",\"8901\"]], UNIT[\"degree\", 0.017453292519943295], AXIS[\"Geodetic longitude\", EAST], "
            + "AXIS[\"Geodetic latitude\", NORTH], AUTHORITY[\"EPSG\",\"4326\"]]";

    /**
     * EPSG:4326 with longitude first (x = lon), as GeoJSON and the canonical incidents use: equal (ignoring metadata) to
     * {@code CRS.decode("EPSG:4326", true)} and named EPSG:4326, but built from its WKT, so that the common path (lon/lat
     * incidents worked on in their UTM zone) never starts the EPSG database (about 1.5 s of CPU on a first use).
     */
    public static CoordinateReferenceSystem wgs84() {
        if (wgs84 == null) {
            try {
                wgs84 = CRS.parseWKT(WGS84_WKT);
            } catch (FactoryException e) {
                throw new IllegalStateException("GeoTools referencing not available: " + e.getMessage(), e);
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

    /**
     * A transform between two CRSs (lenient about datum shifts), naming {@code param} on failure. Between WGS84
     * lon/lat and a projection of it (as {@link #autoUtm}), where no datum shift can apply, the transform is built from
     * the CRSs' own definitions, as the EPSG database would define it, without starting the database.
     */
    public static MathTransform transform(CoordinateReferenceSystem from, CoordinateReferenceSystem to, String param) {
        try {
            if (onWgs84(from) && onWgs84(to)) return DIRECT.createOperation(from, to).getMathTransform();
            return CRS.findMathTransform(from, to, true);
        } catch (FactoryException e) {
            throw new ProcessException(param + ": cannot transform from " + CRS.toSRS(from) + " to " + CRS.toSRS(to)
                    + " (" + e.getMessage() + ")");
        }
    }

    private static final org.geotools.referencing.operation.DefaultCoordinateOperationFactory DIRECT =
            new org.geotools.referencing.operation.DefaultCoordinateOperationFactory(
                    new org.geotools.util.factory.Hints(org.geotools.util.factory.Hints.LENIENT_DATUM_SHIFT, Boolean.TRUE));

    /** Whether a CRS is WGS84 longitude/latitude, or a map projection of it in metres with easting first. */
    private static boolean onWgs84(CoordinateReferenceSystem crs) {
        if (isLonLatWgs84(crs)) return true;
        return crs instanceof org.geotools.api.referencing.crs.ProjectedCRS p && isLonLatWgs84(p.getBaseCRS())
                && p.getCoordinateSystem().getDimension() == 2
                && p.getCoordinateSystem().getAxis(0).getDirection() == org.geotools.api.referencing.cs.AxisDirection.EAST
                && p.getCoordinateSystem().getAxis(1).getDirection() == org.geotools.api.referencing.cs.AxisDirection.NORTH
                && p.getCoordinateSystem().getAxis(0).getUnit().equals(si.uom.SI.METRE)
                && p.getCoordinateSystem().getAxis(1).getUnit().equals(si.uom.SI.METRE);
    }

    /**
     * Initialises GeoTools' referencing (factories, the WKT parser, projections), so that a command that reads a large
     * file first finds it ready when it projects the points (the command line calls it on a background thread).
     */
    public static void warmUp() {
        try {
            MathTransform tr = transform(wgs84(), autoUtm(-87.6, 41.8), "warm-up");
            tr.transform(new double[] {-87.6, 41.8}, 0, new double[2], 0, 1);
        } catch (Exception | LinkageError e) {
            // only a warm-up: the real use reports any problem
        }
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
            boolean north = lat >= 0;
            CoordinateReferenceSystem known = UTM.get(north ? zone : -zone);
            if (known != null) return known;
            // EPSG's definition of WGS 84 / UTM zone nN (nS), from its WKT: no EPSG database needed (see wgs84())
            CoordinateReferenceSystem utm = CRS.parseWKT("PROJCS[\"WGS 84 / UTM zone " + zone + (north ? "N" : "S") + "\", " + WGS84_WKT
                    + ", PROJECTION[\"Transverse_Mercator\", AUTHORITY[\"EPSG\",\"9807\"]], PARAMETER[\"central_meridian\", "
                    + (zone * 6 - 183) + "], PARAMETER[\"latitude_of_origin\", 0.0], PARAMETER[\"scale_factor\", 0.9996], "
                    + "PARAMETER[\"false_easting\", 500000.0], PARAMETER[\"false_northing\", " + (north ? "0.0" : "10000000.0")
                    + "], UNIT[\"m\", 1.0], AXIS[\"Easting\", EAST], AXIS[\"Northing\", NORTH], AUTHORITY[\"EPSG\",\""
                    + ((north ? 32600 : 32700) + zone) + "\"]]");
            UTM.put(north ? zone : -zone, utm);
            return utm;
        } catch (FactoryException e) {
            throw new IllegalStateException("the UTM zones are not available: " + e.getMessage(), e);
        }
    }
}
