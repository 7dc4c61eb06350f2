package org.crimeanalytics.spark;

import java.io.Serializable;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.crs.ProjectedCRS;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.referencing.CRS;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * Longitude/latitude to metres as the single-machine processes project them (GeoTools, the same version): the caller's
 * projected CRS, else the UTM zone of the incidents' median longitude and latitude (upper medians, as ProjectedPoints
 * takes them). Distances are metres whatever the CRS: a CRS in feet is scaled to metres (as ProjectedPoints.metresPerUnit
 * scales it), a geographic or a normal Mercator CRS (EPSG:3857: its metres stretch with latitude) is refused.
 * Serializable: each executor builds its transforms once.
 */
public final class Projection implements Serializable {
    private static final long serialVersionUID = 2L;
    private final String code;
    private transient MathTransform transform;
    private transient MathTransform inverse;
    private transient double metresPerUnit;

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
            throw new IllegalArgumentException("--crs: cannot decode " + code + ": " + e.getMessage());
        }
    }

    /** Checks the CRS (projected, not a normal Mercator, in a length unit); returns metres per unit. */
    public double check() {
        CoordinateReferenceSystem h = CRS.getHorizontalCRS(crs());
        if (!(h instanceof ProjectedCRS p)) {
            throw new IllegalArgumentException("--crs: " + code + " is not a projected CRS; distances need one in metres or feet (a UTM zone, a state plane)");
        }
        String m = p.getConversionFromBase() == null || p.getConversionFromBase().getMethod() == null ? ""
                : p.getConversionFromBase().getMethod().getName().getCode().toLowerCase(java.util.Locale.ROOT);
        if (m.contains("mercator") && !m.contains("transverse") && !m.contains("oblique")) {
            throw new IllegalArgumentException("--crs: " + code + " is a (Web) Mercator projection, whose metres stretch with latitude: "
                    + "leave --crs out (the data's UTM zone) or give a UTM zone or a state plane");
        }
        @SuppressWarnings("unchecked")
        javax.measure.Unit<javax.measure.quantity.Length> u =
                (javax.measure.Unit<javax.measure.quantity.Length>) h.getCoordinateSystem().getAxis(0).getUnit();
        try {
            double f = u.getConverterTo(si.uom.SI.METRE).convert(1.0);
            return f > 0 && Double.isFinite(f) ? f : 1;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--crs: the unit of " + code + " (" + u + ") is not a length");
        }
    }

    private void init() {
        if (transform != null) return;
        try {
            metresPerUnit = check();
            // the EPSG database's route; the processes build lon/lat -> UTM without it (org.crimeanalytics.geo.Crs), equal
            // to the last bit in the northern zones, within 1e-8 m in the southern ones (the database's axis-order affine)
            transform = CRS.findMathTransform(CRS.decode("EPSG:4326", true), crs(), true);
            inverse = transform.inverse();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot project to " + code + ": " + e.getMessage(), e);
        }
    }

    /** Metres per unit of the CRS (1, or 0.3048006 for US survey feet). */
    public double metresPerUnit() {
        init();
        return metresPerUnit;
    }

    /** A geometry in metres (this CRS, scaled to metres) as longitude/latitude (OGC:CRS84 axis order). */
    public Geometry toLonLat(Geometry metric) {
        init();
        try {
            Geometry g = metresPerUnit == 1 ? metric : AffineTransformation.scaleInstance(1 / metresPerUnit, 1 / metresPerUnit).transform(metric);
            return org.geotools.geometry.jts.JTS.transform(g, inverse);
        } catch (Exception e) {
            throw new IllegalStateException("cannot transform a cell from " + code + " to longitude/latitude: " + e.getMessage(), e);
        }
    }

    /** A longitude/latitude geometry in metres (this CRS, scaled to metres). */
    public Geometry toMetric(Geometry lonLat) {
        init();
        try {
            Geometry g = org.geotools.geometry.jts.JTS.transform(lonLat, transform);
            return metresPerUnit == 1 ? g : AffineTransformation.scaleInstance(metresPerUnit, metresPerUnit).transform(g);
        } catch (Exception e) {
            throw new IllegalStateException("cannot transform an area to " + code + ": " + e.getMessage(), e);
        }
    }

    /** {x, y} in metres of one point. */
    public double[] project(double lon, double lat) {
        init();
        try {
            double[] p = {lon, lat};
            transform.transform(p, 0, p, 0, 1);
            if (metresPerUnit != 1) {
                p[0] *= metresPerUnit;
                p[1] *= metresPerUnit;
            }
            return p;
        } catch (Exception e) {
            throw new IllegalStateException("cannot project " + lon + ", " + lat + " to " + code + ": " + e.getMessage(), e);
        }
    }
}
