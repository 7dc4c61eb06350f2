package org.crimeanalytics.spark;

import java.io.Serializable;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.referencing.CRS;

/**
 * Longitude/latitude to metres as the single-machine processes project them (GeoTools, the same version): the caller's
 * projected CRS, else the UTM zone of the incidents' median longitude and latitude (upper medians, as
 * ProjectedPoints takes them). Serializable: each executor builds its transform once.
 */
public final class Projection implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String code;
    private transient MathTransform transform;
    private transient MathTransform inverse;

    public Projection(String code) {
        this.code = code;
    }

    /** The UTM zone of a point, under its EPSG code (as the core's Crs.autoUtm). */
    public static Projection utm(double lon, double lat) {
        int zone = Math.max(1, Math.min(60, (int) Math.floor((lon + 180) / 6) + 1));
        return new Projection("EPSG:" + ((lat >= 0 ? 32600 : 32700) + zone));
    }

    public String code() {
        return code;
    }

    public CoordinateReferenceSystem crs() {
        try {
            return CRS.decode(code, true);
        } catch (Exception e) {
            throw new IllegalArgumentException("crs: cannot decode " + code + ": " + e.getMessage());
        }
    }

    /** A geometry in metres (this CRS) as longitude/latitude (OGC:CRS84 axis order). */
    public org.locationtech.jts.geom.Geometry toLonLat(org.locationtech.jts.geom.Geometry metric) {
        try {
            if (inverse == null) inverse = CRS.findMathTransform(crs(), CRS.decode("EPSG:4326", true), true);
            return org.geotools.geometry.jts.JTS.transform(metric, inverse);
        } catch (Exception e) {
            throw new IllegalStateException("cannot transform a cell from " + code + " to longitude/latitude: " + e.getMessage(), e);
        }
    }

    /** A longitude/latitude geometry in metres (this CRS). */
    public org.locationtech.jts.geom.Geometry toMetric(org.locationtech.jts.geom.Geometry lonLat) {
        try {
            return org.geotools.geometry.jts.JTS.transform(lonLat, CRS.findMathTransform(CRS.decode("EPSG:4326", true), crs(), true));
        } catch (Exception e) {
            throw new IllegalStateException("cannot transform an area to " + code + ": " + e.getMessage(), e);
        }
    }

    /** {x, y} in metres of one point. */
    public double[] project(double lon, double lat) {
        try {
            if (transform == null) transform = CRS.findMathTransform(CRS.decode("EPSG:4326", true), crs(), true);
            double[] p = {lon, lat};
            transform.transform(p, 0, p, 0, 1);
            return p;
        } catch (Exception e) {
            throw new IllegalStateException("cannot project " + lon + ", " + lat + " to " + code + ": " + e.getMessage(), e);
        }
    }
}
