package org.crimeanalytics.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * A small ESRI shapefile reader (.shp geometry, .dbf attributes, .prj text), enough for point,
 * multipoint, polyline and polygon layers: Z and M values are ignored. Polygon rings are assembled
 * by orientation (clockwise shells, counter-clockwise holes, each hole given to the smallest shell
 * containing it). DBF fields: C text, N/F numbers (Long when no decimals, else Double), D dates
 * ({@code java.sql.Date}; blank or invalid dates null), L logical. Null shapes give null geometries.
 */
public final class Shapefile {

    /** One layer: geometries, attribute rows (field order kept), field types, and the .prj WKT (or null). */
    public record Layer(List<Geometry> geometries, List<Map<String, Object>> rows, Map<String, Class<?>> fields, String prj) {}

    private static final GeometryFactory GF = new GeometryFactory();

    private Shapefile() {}

    /** Reads {@code name.shp} with its .dbf and .prj. */
    public static Layer read(Path shp) throws IOException {
        String base = shp.toString().replaceAll("\\.[sS][hH][pP]$", "");
        List<Geometry> geoms = readShp(Files.readAllBytes(shp));
        Path dbfPath = Path.of(base + ".dbf");
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        List<Map<String, Object>> rows = Files.exists(dbfPath) ? readDbf(Files.readAllBytes(dbfPath), fields) : new ArrayList<>();
        if (!rows.isEmpty() && rows.size() != geoms.size()) {
            throw new IOException(shp + ": " + geoms.size() + " shapes but " + rows.size() + " attribute records");
        }
        Path prj = Path.of(base + ".prj");
        String wkt = Files.exists(prj) ? Files.readString(prj, StandardCharsets.ISO_8859_1).trim() : null;
        return new Layer(geoms, rows, fields, wkt);
    }

    static List<Geometry> readShp(byte[] data) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(data);
        if (data.length < 100 || b.order(ByteOrder.BIG_ENDIAN).getInt(0) != 9994) throw new IOException("not a shapefile");
        List<Geometry> out = new ArrayList<>();
        int pos = 100;
        while (pos + 8 <= data.length) {
            b.order(ByteOrder.BIG_ENDIAN);
            int contentWords = b.getInt(pos + 4);
            int start = pos + 8;
            int end = start + contentWords * 2;
            if (end > data.length) throw new IOException("truncated shapefile record at byte " + pos);
            b.order(ByteOrder.LITTLE_ENDIAN);
            int type = b.getInt(start);
            out.add(shape(b, start, type));
            pos = end;
        }
        return out;
    }

    private static Geometry shape(ByteBuffer b, int s, int type) throws IOException {
        switch (type) {
            case 0:
                return null;
            case 1: case 11: case 21:
                return GF.createPoint(new Coordinate(b.getDouble(s + 4), b.getDouble(s + 12)));
            case 8: case 18: case 28: {
                int n = b.getInt(s + 36);
                Coordinate[] c = new Coordinate[n];
                for (int i = 0; i < n; i++) c[i] = new Coordinate(b.getDouble(s + 40 + 16 * i), b.getDouble(s + 48 + 16 * i));
                return GF.createMultiPointFromCoords(c);
            }
            case 3: case 13: case 23:
            case 5: case 15: case 25: {
                int parts = b.getInt(s + 36);
                int points = b.getInt(s + 40);
                int[] idx = new int[parts + 1];
                for (int i = 0; i < parts; i++) idx[i] = b.getInt(s + 44 + 4 * i);
                idx[parts] = points;
                int p0 = s + 44 + 4 * parts;
                List<Coordinate[]> rings = new ArrayList<>();
                for (int k = 0; k < parts; k++) {
                    Coordinate[] c = new Coordinate[idx[k + 1] - idx[k]];
                    for (int i = 0; i < c.length; i++) {
                        int at = p0 + 16 * (idx[k] + i);
                        c[i] = new Coordinate(b.getDouble(at), b.getDouble(at + 8));
                    }
                    rings.add(c);
                }
                if (type % 10 == 3) {
                    org.locationtech.jts.geom.LineString[] ls = new org.locationtech.jts.geom.LineString[rings.size()];
                    for (int i = 0; i < ls.length; i++) ls[i] = GF.createLineString(rings.get(i));
                    return GF.createMultiLineString(ls);
                }
                return polygons(rings);
            }
            default:
                throw new IOException("unsupported shape type " + type);
        }
    }

    private static Geometry polygons(List<Coordinate[]> rings) {
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (Coordinate[] c : rings) {
            if (c.length < 4) continue;
            if (!c[0].equals2D(c[c.length - 1])) {
                Coordinate[] d = java.util.Arrays.copyOf(c, c.length + 1);
                d[c.length] = new Coordinate(c[0]);
                c = d;
            }
            LinearRing r = GF.createLinearRing(c);
            if (Orientation.isCCW(c)) holes.add(r);
            else shells.add(r);
        }
        if (shells.isEmpty()) { // rings of the wrong orientation: treat them all as shells
            shells.addAll(holes);
            holes.clear();
        }
        List<List<LinearRing>> holesOf = new ArrayList<>();
        List<Polygon> shellPolys = new ArrayList<>();
        for (LinearRing s : shells) {
            holesOf.add(new ArrayList<>());
            shellPolys.add(GF.createPolygon(s));
        }
        for (LinearRing h : holes) {
            int best = -1;
            double bestArea = Double.POSITIVE_INFINITY;
            for (int i = 0; i < shellPolys.size(); i++) {
                Polygon sp = shellPolys.get(i);
                if (sp.getEnvelopeInternal().contains(h.getEnvelopeInternal()) && sp.contains(GF.createPoint(h.getCoordinateN(0)))
                        && sp.getArea() < bestArea) {
                    best = i;
                    bestArea = sp.getArea();
                }
            }
            if (best >= 0) holesOf.get(best).add(h);
            else { // a hole outside every shell: keep it as a shell
                shells.add(h);
                holesOf.add(new ArrayList<>());
                shellPolys.add(GF.createPolygon(h));
            }
        }
        Polygon[] polys = new Polygon[shells.size()];
        for (int i = 0; i < polys.length; i++) {
            polys[i] = GF.createPolygon(shells.get(i), holesOf.get(i).toArray(new LinearRing[0]));
        }
        return polys.length == 1 ? polys[0] : GF.createMultiPolygon(polys);
    }

    static List<Map<String, Object>> readDbf(byte[] data, Map<String, Class<?>> fields) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int n = b.getInt(4);
        int headerLen = b.getShort(8) & 0xffff;
        int recLen = b.getShort(10) & 0xffff;
        List<String> names = new ArrayList<>();
        List<Character> types = new ArrayList<>();
        List<Integer> lens = new ArrayList<>();
        List<Integer> decs = new ArrayList<>();
        Charset cs = StandardCharsets.ISO_8859_1;
        for (int p = 32; p + 32 <= headerLen && data[p] != 0x0D; p += 32) {
            int e = p;
            while (e < p + 11 && data[e] != 0) e++;
            names.add(new String(data, p, e - p, cs).trim());
            types.add((char) data[p + 11]);
            lens.add(data[p + 16] & 0xff);
            decs.add(data[p + 17] & 0xff);
        }
        for (int f = 0; f < names.size(); f++) {
            char t = types.get(f);
            fields.put(names.get(f), (t == 'N' || t == 'F') ? (decs.get(f) == 0 ? Long.class : Double.class)
                    : t == 'L' ? Boolean.class : t == 'D' ? java.sql.Date.class : String.class);
        }
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            int p = headerLen + r * recLen;
            if (p + recLen > data.length) throw new IOException("truncated .dbf at record " + (r + 1));
            Map<String, Object> row = new LinkedHashMap<>();
            int q = p + 1;
            for (int f = 0; f < names.size(); f++) {
                String raw = new String(data, q, lens.get(f), cs).trim();
                q += lens.get(f);
                Class<?> t = fields.get(names.get(f));
                Object v = raw;
                if (t == Long.class || t == Double.class) {
                    if (raw.isEmpty() || raw.startsWith("*")) v = null;
                    else {
                        try {
                            v = t == Long.class ? (Object) Long.parseLong(raw) : (Object) Double.parseDouble(raw);
                        } catch (NumberFormatException e) {
                            v = t == Long.class ? (Object) (long) Double.parseDouble(raw) : null;
                        }
                    }
                } else if (t == java.sql.Date.class) {
                    v = dbfDate(raw);
                } else if (t == Boolean.class) {
                    v = raw.isEmpty() || raw.equals("?") ? null : "YyTt".indexOf(raw.charAt(0)) >= 0;
                }
                row.put(names.get(f), v);
            }
            rows.add(row);
        }
        return rows;
    }

    /** A dBASE date (yyyyMMdd) as a java.sql.Date of that calendar day; null when blank or invalid. */
    static java.sql.Date dbfDate(String raw) {
        if (raw.length() != 8) return null;
        try {
            return java.sql.Date.valueOf(java.time.LocalDate.parse(raw, java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
