package org.crimeanalytics.geo;

import org.crimeanalytics.areas.AreaRepairs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crimeanalytics.grid.Grid;
import org.crimeanalytics.grid.LongIntMap;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.feature.type.AttributeDescriptor;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.util.ProgressListener;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.process.ProcessException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The features a local statistic is computed on: either the polygons (or points) of a layer with a
 * numeric value attribute, or grid cells counting incidents ({@code JOIN_COUNT}), optionally limited
 * to a study area where empty cells count as zero. Holds each unit's value, its location in metres
 * (centroid), its metric geometry (for contiguity) and what is needed to write results in the
 * input CRS with the input attributes kept.
 */
public final class AnalysisUnits {

    public final double[] value;
    public final double[] x;
    public final double[] y;
    public final Geometry[] metricGeometry;
    public final Geometry[] outputGeometry;
    public final List<SimpleFeature> sourceFeatures; // null in grid mode
    public final SimpleFeatureType sourceType; // null in grid mode
    public final CoordinateReferenceSystem outputCrs;
    public final String valueName;
    public final long[] cellKeys; // grid mode
    public final Map<String, Object> details = new LinkedHashMap<>();

    private AnalysisUnits(double[] value, double[] x, double[] y, Geometry[] metric, Geometry[] out,
            List<SimpleFeature> src, SimpleFeatureType type, CoordinateReferenceSystem crs, String valueName, long[] keys) {
        this.value = value;
        this.x = x;
        this.y = y;
        this.metricGeometry = metric;
        this.outputGeometry = out;
        this.sourceFeatures = src;
        this.sourceType = type;
        this.outputCrs = crs;
        this.valueName = valueName;
        this.cellKeys = keys;
    }

    public int size() {
        return value.length;
    }

    /** Units from a layer's features and a numeric attribute; every feature needs a geometry and a value. */
    public static AnalysisUnits fromLayer(SimpleFeatureCollection areas, String valueAttribute,
            CoordinateReferenceSystem metricCrs, String param, String valueParam) {
        SimpleFeatureType type = areas.getSchema();
        if (valueAttribute == null || valueAttribute.isBlank()) {
            throw new ProcessException(valueParam + ": name the numeric attribute to analyse");
        }
        AttributeDescriptor d = type.getDescriptor(valueAttribute);
        if (d == null) {
            List<String> names = new ArrayList<>();
            for (AttributeDescriptor a : type.getAttributeDescriptors()) names.add(a.getLocalName());
            throw LayerChecks.unlessEmpty(areas, param,
                    new ProcessException(valueParam + ": no attribute '" + valueAttribute + "' in " + param + "; attributes: " + names));
        }
        if (!Number.class.isAssignableFrom(d.getType().getBinding()) && d.getType().getBinding() != String.class) {
            throw new ProcessException(valueParam + ": attribute '" + valueAttribute + "' is not numeric");
        }
        List<SimpleFeature> feats = new ArrayList<>();
        try (SimpleFeatureIterator it = areas.features()) {
            while (it.hasNext()) feats.add(it.next());
        }
        if (feats.isEmpty()) throw LayerChecks.empty(param);
        ProjectedPoints pts = ProjectedPoints.extract(areas, metricCrs, true, param, null);
        if (pts.nullGeometries() > 0) {
            throw new ProcessException(param + ": " + pts.nullGeometries() + " feature(s) without geometry, first "
                    + pts.nullGeometrySamples() + "; every analysed feature needs one");
        }
        int n = feats.size();
        AreaRepairs repairs = new AreaRepairs();
        double[] v = new double[n];
        Geometry[] metric = new Geometry[n];
        Geometry[] out = new Geometry[n];
        for (int i = 0; i < n; i++) {
            SimpleFeature f = feats.get(i);
            Object o = f.getAttribute(valueAttribute);
            double val = Double.NaN;
            if (o instanceof Number num) val = num.doubleValue();
            else if (o != null) {
                try {
                    val = Double.parseDouble(o.toString().trim());
                } catch (NumberFormatException e) {
                    val = Double.NaN;
                }
            }
            if (!Double.isFinite(val)) {
                throw new ProcessException(valueParam + ": feature " + f.getID() + " has no numeric value in '"
                        + valueAttribute + "' (" + o + ")");
            }
            v[i] = val;
            out[i] = (Geometry) f.getDefaultGeometry();
            metric[i] = pts.toMetric(repairs.check(out[i], f.getID())); // contiguity of valid polygons
        }
        AnalysisUnits u = new AnalysisUnits(v, pts.x(), pts.y(), metric, out, feats, type,
                type.getCoordinateReferenceSystem(), valueAttribute, null);
        u.details.put("units", "features of " + param);
        u.details.put("value_attribute", valueAttribute);
        if (repairs.repaired() > 0) u.details.putAll(repairs.details());
        return u;
    }

    /**
     * Grid cells counting the incidents. With a study area, only the incidents inside it count (those outside are
     * counted in {@code details}), and the cells analysed are those whose centre lies inside it (empty ones as 0) and
     * those holding an incident inside it (a cell across the boundary); without, only cells holding at least one
     * incident.
     */
    public static AnalysisUnits fromIncidents(ProjectedPoints pts, Grid grid, SimpleFeatureCollection studyArea,
            ProgressListener monitor) {
        double[] px = pts.x();
        double[] py = pts.y();
        int n = pts.size();
        LongIntMap counts = new LongIntMap(Math.max(1024, n / 8));
        for (int i = 0; i < n; i++) {
            counts.add(grid.cell(px[i], py[i]), 1);
            if ((i & 0xFFFFF) == 0 && monitor != null && monitor.isCanceled()) throw new ProcessException("cancelled");
        }
        long[] keys;
        long outside = 0;
        if (studyArea != null) {
            StudyArea area = StudyArea.read(studyArea, pts, "studyArea");
            org.locationtech.jts.geom.Envelope e = area.envelope();
            LongIntMap in = new LongIntMap(1024);
            for (long k : grid.cellsCovering(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY())) {
                double[] c = grid.centre(k);
                if (area.covers(c[0], c[1])) in.add(k, 0);
            }
            // the incidents' cells: wholly inside (all count), outside (none), across the boundary (each tested)
            GeometryFactory cellGf = new GeometryFactory();
            LongIntMap inside = new LongIntMap(Math.max(1024, counts.size())), border = new LongIntMap(64);
            for (long k : counts.keys()) {
                int r = area.relate(grid.polygon(k, cellGf));
                if (r == 2) inside.add(k, counts.get(k));
                else if (r == 1) border.add(k, 0);
                else outside += counts.get(k);
            }
            if (border.size() > 0) {
                for (int i = 0; i < n; i++) {
                    long k = grid.cell(px[i], py[i]);
                    if (!border.contains(k)) continue;
                    if (area.covers(px[i], py[i])) inside.add(k, 1);
                    else outside++;
                }
            }
            for (long k : in.keys()) if (!inside.contains(k)) inside.add(k, 0);
            counts = inside;
            keys = inside.keys();
            Arrays.sort(keys);
        } else {
            keys = counts.keys();
        }
        int m = keys.length;
        double[] v = new double[m], cx = new double[m], cy = new double[m];
        Geometry[] metric = new Geometry[m];
        Geometry[] out = new Geometry[m];
        GeometryFactory gf = new GeometryFactory();
        for (int i = 0; i < m; i++) {
            v[i] = counts.get(keys[i]);
            double[] c = grid.centre(keys[i]);
            cx[i] = c[0];
            cy[i] = c[1];
            metric[i] = grid.polygon(keys[i], gf);
            out[i] = pts.toSource(metric[i]);
        }
        AnalysisUnits u = new AnalysisUnits(v, cx, cy, metric, out, null, null, pts.sourceCrs(), "JOIN_COUNT", keys);
        u.details.put("units", "grid cells");
        u.details.put("cell_shape", grid.shape().name());
        u.details.put("cell_size_m", grid.size());
        u.details.put("cells", m);
        u.details.put("incidents", n);
        u.details.put("incidents_without_geometry", pts.nullGeometries());
        if (studyArea != null) u.details.put("incidents_outside_study_area", outside);
        u.details.put("metric_crs", org.geotools.referencing.CRS.toSRS(pts.metricCrs()));
        return u;
    }

    /**
     * The result features: the units with their attributes (a layer's own, or CELL_ID and the count)
     * plus {@code extra} attributes, in the input CRS.
     */
    public SimpleFeatureCollection features(String typeName, LinkedHashMap<String, Class<?>> extra, Object[][] extraValues) {
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName(typeName);
        tb.setCRS(outputCrs);
        List<String> copy = new ArrayList<>();
        if (sourceType != null) {
            tb.add("geom", geometryBinding());
            for (AttributeDescriptor d : sourceType.getAttributeDescriptors()) {
                if (d == sourceType.getGeometryDescriptor() || extra.containsKey(d.getLocalName())) continue;
                if (Geometry.class.isAssignableFrom(d.getType().getBinding())) continue;
                tb.add(d.getLocalName(), d.getType().getBinding());
                copy.add(d.getLocalName());
            }
        } else {
            tb.add("geom", Polygon.class);
            tb.add("CELL_ID", String.class);
            tb.add(valueName, Integer.class);
        }
        for (Map.Entry<String, Class<?>> e : extra.entrySet()) tb.add(e.getKey(), e.getValue());
        SimpleFeatureType t = tb.buildFeatureType();
        List<SimpleFeature> list = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            Object[] vals = new Object[t.getAttributeCount()];
            int a = 0;
            vals[a++] = outputGeometry[i];
            String fid;
            if (sourceType != null) {
                SimpleFeature f = sourceFeatures.get(i);
                for (String c : copy) vals[a++] = f.getAttribute(c);
                fid = f.getID();
            } else {
                vals[a++] = Grid.first(cellKeys[i]) + "_" + Grid.second(cellKeys[i]);
                vals[a++] = (int) value[i];
                fid = typeName + "." + (i + 1);
            }
            for (int k = 0; k < extra.size(); k++) vals[a++] = extraValues[k][i];
            list.add(SimpleFeatureBuilder.build(t, vals, fid));
        }
        return new ListFeatureCollection(t, list);
    }

    private Class<?> geometryBinding() {
        Class<?> b = sourceType.getGeometryDescriptor().getType().getBinding();
        return b == null ? Geometry.class : b;
    }
}
