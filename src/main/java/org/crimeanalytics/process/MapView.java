package org.crimeanalytics.process;

import java.util.ArrayList;
import java.util.List;
import javax.measure.Unit;
import javax.measure.quantity.Length;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.crs.GeographicCRS;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.process.ProcessException;
import org.geotools.referencing.CRS;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import si.uom.SI;

/**
 * The map a rendering transformation draws for ({@code outputBBOX}, {@code outputWidth}, {@code outputHeight},
 * which an SLD fills from GeoServer's {@code wms_bbox}, {@code wms_width}, {@code wms_height}). The statistics are
 * always computed on the whole layer (see the processes' {@code invertQuery}); the view only chooses the cell
 * size when none is given, and which result features are returned. Both depend on the zoom level alone, never
 * on which tile is drawn: the pixel size is the view's width over its pixel width, converted to metres with a
 * factor fixed for the layer (at the latitude of the layer's centre for a geographic view), and rounded to 1, 2
 * or 5 times a power of ten; grids are anchored at the CRS origin. So adjacent tiles carry the same cells with
 * the same values.
 */
record MapView(ReferencedEnvelope bbox, int width, int height) {

    /**
     * The query of a rendering transformation widened to the whole layer (attribute and property choices kept, and the
     * layer's own conditions, see {@link #layerConditions}): statistics need every incident, not only those in the tile.
     */
    static org.geotools.api.data.Query wholeLayer(org.geotools.api.data.Query targetQuery, java.util.Set<String> outputs) {
        org.geotools.api.data.Query q = new org.geotools.api.data.Query(targetQuery);
        q.setFilter(layerConditions(targetQuery.getFilter(), outputs));
        return q;
    }

    /**
     * The conditions of a renderer's query that select the layer's incidents: GeoServer's query for a transformation
     * ANDs the tile's bounding box, the layer's own filter (a WMS CQL_FILTER such as {@code category = 'violent'}) and the
     * style's rule filters, which test the process's outputs ({@code Gi_Bin}, {@code KDE}...). Bounding boxes and
     * conditions on {@code outputs} are dropped, the rest kept.
     */
    static org.geotools.api.filter.Filter layerConditions(org.geotools.api.filter.Filter f, java.util.Set<String> outputs) {
        if (f == null) return org.geotools.api.filter.Filter.INCLUDE;
        org.geotools.api.filter.Filter kept = keep(f, outputs);
        org.geotools.filter.visitor.SimplifyingFilterVisitor simplify = new org.geotools.filter.visitor.SimplifyingFilterVisitor();
        return (org.geotools.api.filter.Filter) kept.accept(simplify, null);
    }

    private static org.geotools.api.filter.Filter keep(org.geotools.api.filter.Filter f, java.util.Set<String> outputs) {
        org.geotools.api.filter.FilterFactory ff = org.geotools.factory.CommonFactoryFinder.getFilterFactory();
        if (f instanceof org.geotools.api.filter.And a) {
            List<org.geotools.api.filter.Filter> c = new ArrayList<>();
            for (org.geotools.api.filter.Filter x : a.getChildren()) c.add(keep(x, outputs));
            return ff.and(c);
        }
        if (f instanceof org.geotools.api.filter.Or o) {
            List<org.geotools.api.filter.Filter> c = new ArrayList<>();
            for (org.geotools.api.filter.Filter x : o.getChildren()) c.add(keep(x, outputs));
            return ff.or(c);
        }
        if (f instanceof org.geotools.api.filter.Not n) {
            org.geotools.api.filter.Filter inner = keep(n.getFilter(), outputs);
            return inner == org.geotools.api.filter.Filter.INCLUDE ? org.geotools.api.filter.Filter.INCLUDE : ff.not(inner);
        }
        if (f instanceof org.geotools.api.filter.spatial.BBOX) return org.geotools.api.filter.Filter.INCLUDE;
        for (String name : org.geotools.data.DataUtilities.attributeNames(f)) {
            if (outputs.contains(name)) return org.geotools.api.filter.Filter.INCLUDE; // a style rule on an output
        }
        return f;
    }

    /** Null when no view is given; an error naming the parameter when it is incomplete or invalid. */
    static MapView of(ReferencedEnvelope bbox, Integer width, Integer height) {
        if (bbox == null && width == null && height == null) return null;
        if (bbox == null) throw new ProcessException("outputBBOX: required with outputWidth and outputHeight (in an SLD: env wms_bbox)");
        if (bbox.isEmpty() || !(bbox.getWidth() > 0 && bbox.getHeight() > 0) || !Double.isFinite(bbox.getWidth() + bbox.getHeight())) {
            throw new ProcessException("outputBBOX: must have a positive, finite width and height, was " + bbox);
        }
        if (width == null || width < 1 || width > 20_000) throw new ProcessException("outputWidth: must be 1 to 20,000 pixels, was " + width);
        if (height == null || height < 1 || height > 20_000) throw new ProcessException("outputHeight: must be 1 to 20,000 pixels, was " + height);
        return new MapView(bbox, width, height);
    }

    /** Metres per pixel of this view; {@code latitude} (degrees) is used when the view CRS is geographic. */
    double metresPerPixel(double latitude) {
        double units = bbox.getWidth() / width;
        CoordinateReferenceSystem crs = bbox.getCoordinateReferenceSystem();
        if (crs == null) return units;
        CoordinateReferenceSystem h = CRS.getHorizontalCRS(crs);
        if (h instanceof GeographicCRS) return units * 111_319.49 * Math.cos(Math.toRadians(Math.max(-85, Math.min(85, latitude))));
        @SuppressWarnings("unchecked")
        Unit<Length> u = (Unit<Length>) (h == null ? SI.METRE : h.getCoordinateSystem().getAxis(0).getUnit());
        try {
            return u.getConverterTo(SI.METRE).convert(units);
        } catch (RuntimeException e) {
            return units;
        }
    }

    /** {@code pixels} pixels of this view in metres, rounded to 1, 2 or 5 times a power of ten (at least 1 m). */
    double cellSize(int pixels, double latitude) {
        return Math.max(1, nice(metresPerPixel(latitude) * pixels));
    }

    /** The nearest of 1, 2, 5 x 10^k (geometrically); degenerate input: NaN or <= 0 stays as it is. */
    static double nice(double v) {
        if (!(v > 0) || Double.isInfinite(v)) return v;
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        double m = v / p;
        double best = 1, bestErr = Double.POSITIVE_INFINITY;
        for (double c : new double[] {1, 2, 5, 10}) {
            double err = Math.abs(Math.log(m / c));
            if (err < bestErr) {
                bestErr = err;
                best = c;
            }
        }
        return best * p;
    }

    /**
     * The features of {@code fc} that intersect this view widened by {@code marginPixels} on each side, in
     * {@code fc}'s CRS (the view is transformed when its CRS differs).
     */
    SimpleFeatureCollection clip(SimpleFeatureCollection fc, int marginPixels) {
        double mx = bbox.getWidth() / width * marginPixels, my = bbox.getHeight() / height * marginPixels;
        Envelope env = new Envelope(inCrsOf(fc, new ReferencedEnvelope(bbox.getMinX() - mx, bbox.getMaxX() + mx, bbox.getMinY() - my,
                bbox.getMaxY() + my, bbox.getCoordinateReferenceSystem())));
        List<SimpleFeature> keep = new ArrayList<>();
        try (var it = fc.features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                Geometry g = (Geometry) f.getDefaultGeometry();
                if (g != null && g.getEnvelopeInternal().intersects(env)) keep.add(f);
            }
        }
        return new ListFeatureCollection(fc.getSchema(), keep);
    }

    /**
     * At most one feature per map pixel and value of {@code attribute} (the first in layer order), pixels
     * counted from the origin of {@code fc}'s CRS so that every tile of one zoom level keeps the same features.
     * Points only; other geometries are kept as they are.
     */
    SimpleFeatureCollection thin(SimpleFeatureCollection fc, String attribute) {
        ReferencedEnvelope v = inCrsOf(fc, bbox);
        double sx = v.getWidth() / width, sy = v.getHeight() / height;
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<SimpleFeature> keep = new ArrayList<>();
        try (var it = fc.features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                Geometry g = (Geometry) f.getDefaultGeometry();
                if (g instanceof org.locationtech.jts.geom.Point p && !p.isEmpty()) {
                    String key = (long) Math.floor(p.getX() / sx) + ":" + (long) Math.floor(p.getY() / sy) + ":" + f.getAttribute(attribute);
                    if (!seen.add(key)) continue;
                }
                keep.add(f);
            }
        }
        return new ListFeatureCollection(fc.getSchema(), keep);
    }

    /** {@code e} in the CRS of {@code fc} (unchanged when either CRS is unknown or they are the same). */
    private static ReferencedEnvelope inCrsOf(SimpleFeatureCollection fc, ReferencedEnvelope e) {
        CoordinateReferenceSystem target = fc.getSchema().getCoordinateReferenceSystem();
        if (target == null || e.getCoordinateReferenceSystem() == null || CRS.equalsIgnoreMetadata(target, e.getCoordinateReferenceSystem())) return e;
        try {
            return e.transform(target, true);
        } catch (Exception ex) {
            throw new ProcessException("outputBBOX: cannot transform to the layer's CRS: " + ex.getMessage());
        }
    }
}
