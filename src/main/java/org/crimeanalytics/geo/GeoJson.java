package org.crimeanalytics.geo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crimeanalytics.ingest.FastDates;
import org.crimeanalytics.json.Json;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.feature.type.AttributeDescriptor;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.geometry.jts.JTS;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoJSON (RFC 7946) reading and writing for the command line and tests; GeoServer does its own.
 *
 * <p>Reading: the "crs" member of the 2008 draft is honoured (CRS84 or EPSG codes), otherwise
 * coordinates are lon/lat WGS84. Property types are inferred over all features: integers become
 * {@code Long}, other numbers {@code Double}, booleans {@code Boolean}, strings that all read as ISO
 * date-times {@code Date} (floating local, see {@link FastDates}), anything else {@code String}.
 *
 * <p>Writing: geometries are converted to lon/lat WGS84 with 8 decimals (about 1 mm); dates are
 * written as {@code yyyy-MM-ddTHH:mm:ss} floating local time; non-finite numbers as null.
 */
public final class GeoJson {

    private static final GeometryFactory GF = new GeometryFactory();

    private GeoJson() {}

    public static SimpleFeatureCollection read(Path file) throws IOException {
        String name = file.getFileName().toString().replaceAll("\\.(geo)?json$", "");
        return read(Files.readString(file, StandardCharsets.UTF_8), name);
    }

    public static SimpleFeatureCollection read(String text, String typeName) {
        return read(Json.parse(text), typeName);
    }

    /** The features of a GeoJSON document already parsed by {@link Json#parse} (maps, lists, numbers, strings). */
    @SuppressWarnings("unchecked")
    public static SimpleFeatureCollection read(Object root, String typeName) {
        if (!(root instanceof Map<?, ?> m) || !"FeatureCollection".equals(m.get("type"))) {
            throw new IllegalArgumentException("GeoJSON: expected a FeatureCollection");
        }
        CoordinateReferenceSystem crs = Crs.wgs84();
        Object crsMember = m.get("crs");
        if (crsMember instanceof Map<?, ?> cm && cm.get("properties") instanceof Map<?, ?> props
                && props.get("name") instanceof String crsName) {
            crs = crsFromName(crsName);
        }
        List<Object> feats = m.get("features") instanceof List<?> l ? (List<Object>) l : List.of();
        Map<String, Class<?>> types = new LinkedHashMap<>();
        Class<?> geomType = null;
        for (Object o : feats) {
            Map<String, Object> f = (Map<String, Object>) o;
            if (f.get("properties") instanceof Map<?, ?> p) {
                for (Map.Entry<?, ?> e : p.entrySet()) {
                    String k = (String) e.getKey();
                    types.put(k, widen(types.get(k), e.getValue()));
                }
            }
            if (f.get("geometry") instanceof Map<?, ?> g) {
                Class<?> t = geometryClass((String) g.get("type"));
                geomType = geomType == null ? t : geomType == t ? t : Geometry.class;
            }
        }
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName(typeName == null || typeName.isBlank() ? "features" : typeName);
        tb.setCRS(crs);
        tb.add("geometry", geomType == null ? Geometry.class : geomType);
        tb.setDefaultGeometry("geometry");
        for (Map.Entry<String, Class<?>> e : types.entrySet()) {
            if (e.getKey().equals("geometry")) continue;
            tb.add(e.getKey(), e.getValue() == null || e.getValue() == Void.class ? String.class : e.getValue());
        }
        SimpleFeatureType type = tb.buildFeatureType();
        List<SimpleFeature> out = new ArrayList<>(feats.size());
        int i = 0;
        for (Object o : feats) {
            i++;
            Map<String, Object> f = (Map<String, Object>) o;
            Object[] values = new Object[type.getAttributeCount()];
            if (f.get("geometry") instanceof Map<?, ?> g) values[0] = geometry((Map<String, Object>) g);
            if (f.get("properties") instanceof Map<?, ?> p) {
                for (int a = 1; a < type.getAttributeCount(); a++) {
                    AttributeDescriptor d = type.getDescriptor(a);
                    values[a] = convert(p.get(d.getLocalName()), d.getType().getBinding());
                }
            }
            Object id = f.get("id");
            out.add(SimpleFeatureBuilder.build(type, values, id == null ? type.getTypeName() + "." + i : id.toString()));
        }
        return new ListFeatureCollection(type, out);
    }

    private static CoordinateReferenceSystem crsFromName(String name) {
        String n = name.toUpperCase(java.util.Locale.ROOT);
        if (n.contains("CRS84") || n.endsWith(":4326") || n.endsWith("::4326")) return Crs.wgs84();
        int idx = n.lastIndexOf(':');
        String code = "EPSG:" + n.substring(idx + 1);
        return Crs.decode(code, "GeoJSON crs");
    }

    private static Class<?> widen(Class<?> current, Object v) {
        if (v == null) return current;
        Class<?> t;
        if (v instanceof Long) t = Long.class;
        else if (v instanceof Double) t = Double.class;
        else if (v instanceof Boolean) t = Boolean.class;
        else if (v instanceof String s) t = looksLikeDateTime(s) ? Date.class : String.class;
        else t = String.class;
        if (current == null || current == t) return t;
        if ((current == Long.class && t == Double.class) || (current == Double.class && t == Long.class)) {
            return Double.class;
        }
        return String.class;
    }

    private static boolean looksLikeDateTime(String s) {
        return s.length() >= 16 && s.length() <= 24 && s.charAt(4) == '-' && s.charAt(10) == 'T'
                && FastDates.parse(s, null) != FastDates.INVALID;
    }

    private static Object convert(Object v, Class<?> binding) {
        if (v == null) return null;
        if (binding == Double.class && v instanceof Number n) return n.doubleValue();
        if (binding == Date.class && v instanceof String s) return new Date(FastDates.parse(s, null));
        if (binding == String.class && !(v instanceof String)) {
            return v instanceof Map || v instanceof List ? Json.write(v) : v.toString();
        }
        return v;
    }

    private static Class<?> geometryClass(String type) {
        if (type == null) return Geometry.class;
        return switch (type) {
            case "Point" -> Point.class;
            case "MultiPoint" -> MultiPoint.class;
            case "LineString" -> LineString.class;
            case "MultiLineString" -> MultiLineString.class;
            case "Polygon" -> Polygon.class;
            case "MultiPolygon" -> MultiPolygon.class;
            default -> Geometry.class;
        };
    }

    @SuppressWarnings("unchecked")
    static Geometry geometry(Map<String, Object> g) {
        String type = (String) g.get("type");
        if ("GeometryCollection".equals(type)) {
            List<Object> parts = (List<Object>) g.get("geometries");
            Geometry[] gs = new Geometry[parts.size()];
            for (int i = 0; i < gs.length; i++) gs[i] = geometry((Map<String, Object>) parts.get(i));
            return GF.createGeometryCollection(gs);
        }
        Object c = g.get("coordinates");
        if (type == null || c == null) throw new IllegalArgumentException("GeoJSON: geometry without type or coordinates");
        return switch (type) {
            case "Point" -> GF.createPoint(coord((List<Object>) c));
            case "MultiPoint" -> GF.createMultiPointFromCoords(coords((List<Object>) c));
            case "LineString" -> GF.createLineString(coords((List<Object>) c));
            case "MultiLineString" -> {
                List<Object> l = (List<Object>) c;
                LineString[] ls = new LineString[l.size()];
                for (int i = 0; i < ls.length; i++) ls[i] = GF.createLineString(coords((List<Object>) l.get(i)));
                yield GF.createMultiLineString(ls);
            }
            case "Polygon" -> polygon((List<Object>) c);
            case "MultiPolygon" -> {
                List<Object> l = (List<Object>) c;
                Polygon[] ps = new Polygon[l.size()];
                for (int i = 0; i < ps.length; i++) ps[i] = polygon((List<Object>) l.get(i));
                yield GF.createMultiPolygon(ps);
            }
            default -> throw new IllegalArgumentException("GeoJSON: unknown geometry type " + type);
        };
    }

    @SuppressWarnings("unchecked")
    private static Polygon polygon(List<Object> rings) {
        if (rings.isEmpty()) return GF.createPolygon();
        LinearRing shell = GF.createLinearRing(closed(coords((List<Object>) rings.get(0))));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) holes[i - 1] = GF.createLinearRing(closed(coords((List<Object>) rings.get(i))));
        return GF.createPolygon(shell, holes);
    }

    private static Coordinate[] closed(Coordinate[] c) {
        if (c.length > 0 && !c[0].equals2D(c[c.length - 1])) {
            Coordinate[] d = java.util.Arrays.copyOf(c, c.length + 1);
            d[c.length] = new Coordinate(c[0]);
            return d;
        }
        return c;
    }

    private static Coordinate coord(List<Object> p) {
        return new Coordinate(((Number) p.get(0)).doubleValue(), ((Number) p.get(1)).doubleValue());
    }

    @SuppressWarnings("unchecked")
    private static Coordinate[] coords(List<Object> l) {
        Coordinate[] c = new Coordinate[l.size()];
        for (int i = 0; i < c.length; i++) c[i] = coord((List<Object>) l.get(i));
        return c;
    }

    /** Writes {@code features} as a GeoJSON FeatureCollection in lon/lat WGS84. */
    public static void write(SimpleFeatureCollection features, Writer out) throws IOException {
        org.crimeanalytics.io.TextChunks chunks = new org.crimeanalytics.io.TextChunks(out::append);
        write(features, chunks);
        chunks.flush();
    }

    /**
     * Writes {@code features} as a GeoJSON FeatureCollection in lon/lat WGS84, as UTF-8: text made in chunks of some 64 KB
     * and encoded a chunk at a time (a Writer encodes character by character; 1.29 M labelled incidents, 600 MB).
     */
    public static void write(SimpleFeatureCollection features, java.io.OutputStream out) throws IOException {
        org.crimeanalytics.io.TextChunks chunks = org.crimeanalytics.io.TextChunks.utf8(out);
        write(features, chunks);
        chunks.flush();
    }

    private static void write(SimpleFeatureCollection features, org.crimeanalytics.io.TextChunks chunks) throws IOException {
        SimpleFeatureType type = features.getSchema();
        CoordinateReferenceSystem crs = type.getCoordinateReferenceSystem();
        MathTransform toWgs = crs == null || Crs.isLonLatWgs84(crs) ? null
                : Crs.transform(crs, Crs.wgs84(), "output");
        StringBuilder sb = chunks.text();
        sb.append("{\"type\":\"FeatureCollection\",\"name\":").append(Json.write(type.getTypeName())).append(",\"features\":[\n");
        boolean first = true;
        List<AttributeDescriptor> props = new java.util.ArrayList<>(); // the properties, their names quoted once
        List<String> quoted = new java.util.ArrayList<>();
        for (AttributeDescriptor d : type.getAttributeDescriptors()) {
            if (d == type.getGeometryDescriptor()) continue;
            props.add(d);
            StringBuilder q = new StringBuilder();
            Json.quote(d.getLocalName(), q);
            quoted.add(q.append(':').toString());
        }
        try (SimpleFeatureIterator it = features.features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                chunks.endOfRecord();
                if (!first) sb.append(",\n");
                first = false;
                sb.append("{\"type\":\"Feature\",\"id\":");
                Json.quote(f.getID(), sb);
                sb.append(",\"geometry\":");
                Object g = f.getDefaultGeometry();
                if (g instanceof Geometry geom) {
                    if (toWgs != null) {
                        try {
                            geom = JTS.transform(geom, toWgs);
                        } catch (TransformException e) {
                            throw new IOException("feature " + f.getID() + ": cannot convert to WGS84: " + e.getMessage());
                        }
                    }
                    geometry(geom, sb);
                } else {
                    sb.append("null");
                }
                sb.append(",\"properties\":{");
                boolean firstProp = true;
                for (int k = 0; k < props.size(); k++) {
                    Object v = f.getAttribute(props.get(k).getLocalName());
                    if (v instanceof Geometry) continue;
                    if (!firstProp) sb.append(',');
                    firstProp = false;
                    sb.append(quoted.get(k));
                    if (v instanceof Date date) Json.quote(isoFloating(date.getTime()), sb);
                    else Json.value(v, sb);
                }
                sb.append("}}");
            }
        }
        sb.append("\n]}\n");
    }

    /** {@code yyyy-MM-ddTHH:mm:ss} of floating local milliseconds. */
    public static String isoFloating(long millis) {
        String s = java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), 0, java.time.ZoneOffset.UTC).toString();
        // LocalDateTime leaves out zero seconds ("2018-01-01T12:00"): written out for years 0000-9999
        return s.length() == 16 && s.charAt(0) >= '0' && s.charAt(0) <= '9' ? s + ":00" : s;
    }

    private static void geometry(Geometry g, StringBuilder sb) {
        if (g instanceof Point p) {
            sb.append("{\"type\":\"Point\",\"coordinates\":");
            coord(p.getCoordinate(), sb);
            sb.append('}');
        } else if (g instanceof LineString l) {
            sb.append("{\"type\":\"LineString\",\"coordinates\":");
            coords(l.getCoordinates(), sb);
            sb.append('}');
        } else if (g instanceof Polygon p) {
            sb.append("{\"type\":\"Polygon\",\"coordinates\":");
            rings(p, sb);
            sb.append('}');
        } else if (g instanceof MultiPoint mp) {
            sb.append("{\"type\":\"MultiPoint\",\"coordinates\":");
            coords(mp.getCoordinates(), sb);
            sb.append('}');
        } else if (g instanceof MultiLineString ml) {
            sb.append("{\"type\":\"MultiLineString\",\"coordinates\":[");
            for (int i = 0; i < ml.getNumGeometries(); i++) {
                if (i > 0) sb.append(',');
                coords(ml.getGeometryN(i).getCoordinates(), sb);
            }
            sb.append("]}");
        } else if (g instanceof MultiPolygon mp) {
            sb.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                if (i > 0) sb.append(',');
                rings((Polygon) mp.getGeometryN(i), sb);
            }
            sb.append("]}");
        } else if (g instanceof GeometryCollection gc) {
            sb.append("{\"type\":\"GeometryCollection\",\"geometries\":[");
            for (int i = 0; i < gc.getNumGeometries(); i++) {
                if (i > 0) sb.append(',');
                geometry(gc.getGeometryN(i), sb);
            }
            sb.append("]}");
        }
    }

    private static void rings(Polygon p, StringBuilder sb) {
        sb.append('[');
        coords(p.getExteriorRing().getCoordinates(), sb);
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            sb.append(',');
            coords(p.getInteriorRingN(i).getCoordinates(), sb);
        }
        sb.append(']');
    }

    private static void coords(Coordinate[] cs, StringBuilder sb) {
        sb.append('[');
        for (int i = 0; i < cs.length; i++) {
            if (i > 0) sb.append(',');
            coord(cs[i], sb);
        }
        sb.append(']');
    }

    private static void coord(Coordinate c, StringBuilder sb) {
        sb.append('[').append(round(c.x)).append(',').append(round(c.y)).append(']');
    }

    private static String round(double v) {
        double r = Math.rint(v * 1e8) / 1e8;
        return Json.number(r);
    }
}
