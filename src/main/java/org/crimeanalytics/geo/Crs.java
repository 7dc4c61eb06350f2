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

    /** Decodes a code such as {@code EPSG:3435} (x/y axis order), naming {@code param} on failure. */
    public static CoordinateReferenceSystem decode(String code, String param) {
        try {
            return CRS.decode(code.trim(), true);
        } catch (FactoryException | RuntimeException e) {
            throw new ProcessException(param + ": unknown coordinate reference system '" + code + "' ("
                    + e.getMessage() + ")");
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
     * A local transverse Mercator (AUTO:42001, WGS 84 / Auto UTM) in metres, centred on the given
     * longitude and latitude.
     */
    public static CoordinateReferenceSystem autoUtm(double lon, double lat) {
        try {
            return CRS.decode("AUTO:42001," + lon + "," + lat);
        } catch (FactoryException e) {
            throw new IllegalStateException("AUTO:42001 not available: " + e.getMessage(), e);
        }
    }
}
