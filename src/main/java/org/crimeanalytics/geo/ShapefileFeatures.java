package org.crimeanalytics.geo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crimeanalytics.io.Shapefile;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.referencing.CRS;
import org.locationtech.jts.geom.Geometry;

/** A shapefile as features; the CRS from its .prj (ESRI WKT), else lon/lat WGS84. */
public final class ShapefileFeatures {

    private ShapefileFeatures() {}

    public static SimpleFeatureCollection read(Path shp) throws IOException {
        Shapefile.Layer layer = Shapefile.read(shp);
        CoordinateReferenceSystem crs = Crs.wgs84();
        if (layer.prj() != null && !layer.prj().isEmpty()) {
            try {
                crs = CRS.parseWKT(layer.prj());
                if (CRS.equalsIgnoreMetadata(crs, org.geotools.referencing.crs.DefaultGeographicCRS.WGS84)
                        || crs instanceof org.geotools.api.referencing.crs.GeographicCRS) {
                    // ESRI geographic WKT is longitude first, as the coordinates are
                    crs = org.geotools.referencing.crs.DefaultGeographicCRS.WGS84;
                }
            } catch (Exception e) {
                throw new IOException(shp + ".prj: cannot read the coordinate reference system: " + e.getMessage());
            }
        }
        String name = shp.getFileName().toString().replaceAll("\\.[sS][hH][pP]$", "");
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName(name);
        tb.setCRS(crs);
        Class<?> gt = Geometry.class;
        for (Geometry g : layer.geometries()) {
            if (g == null) continue;
            gt = gt == Geometry.class ? g.getClass() : gt == g.getClass() ? gt : Geometry.class;
        }
        if (gt == org.locationtech.jts.geom.Polygon.class) gt = org.locationtech.jts.geom.MultiPolygon.class;
        tb.add("the_geom", gt == org.locationtech.jts.geom.MultiPolygon.class ? Geometry.class : gt);
        for (Map.Entry<String, Class<?>> f : layer.fields().entrySet()) tb.add(f.getKey(), f.getValue());
        SimpleFeatureType type = tb.buildFeatureType();
        List<SimpleFeature> list = new ArrayList<>();
        for (int i = 0; i < layer.geometries().size(); i++) {
            Object[] v = new Object[type.getAttributeCount()];
            v[0] = layer.geometries().get(i);
            int a = 1;
            if (!layer.rows().isEmpty()) for (Object o : layer.rows().get(i).values()) v[a++] = o;
            list.add(SimpleFeatureBuilder.build(type, v, name + "." + (i + 1)));
        }
        return new ListFeatureCollection(type, list);
    }
}
