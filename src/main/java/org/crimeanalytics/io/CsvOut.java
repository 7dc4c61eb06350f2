package org.crimeanalytics.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.crimeanalytics.geo.Crs;
import org.crimeanalytics.geo.GeoJson;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.feature.type.AttributeDescriptor;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * CSV output of features and tables, safe to open in a spreadsheet: a text cell that begins with
 * {@code = + - @}, a tab or a carriage return is prefixed with an apostrophe so it is shown, never
 * run as a formula (OWASP "CSV injection"); numbers are written as numbers.
 */
public final class CsvOut {

    private CsvOut() {}

    /**
     * Neutralises a text cell that a spreadsheet would evaluate; a lone surrogate (text no UTF-8 can encode, from a
     * JSON escape of a lone surrogate) becomes U+FFFD, as the CSV reader reads bytes that are not UTF-8.
     */
    public static String safe(String s) {
        if (s == null || s.isEmpty()) return s;
        s = wellFormed(s);
        char c = s.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') return "'" + s;
        return s;
    }

    private static String wellFormed(String s) {
        int i = 0;
        while (i < s.length() && !Character.isSurrogate(s.charAt(i))) i++;
        if (i == s.length()) return s;
        StringBuilder b = new StringBuilder(s.length()).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) b.append(c).append(s.charAt(++i));
            else b.append(Character.isSurrogate(c) ? '\uFFFD' : c);
        }
        return b.toString();
    }

    /** A cell value as text: numbers as is, dates ISO floating local, text neutralised. */
    public static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) return "";
            return v instanceof Double || v instanceof Float ? org.crimeanalytics.json.Json.number(d) : v.toString();
        }
        if (v instanceof Date d) return GeoJson.isoFloating(d.getTime());
        return safe(v.toString());
    }

    /**
     * Writes features: points as {@code lon,lat} (or {@code x,y} when projected) columns, other
     * geometries as a {@code wkt} column, then every attribute.
     */
    public static void write(SimpleFeatureCollection features, Appendable out) throws IOException {
        write(features, out, null);
    }

    /**
     * As {@link #write(SimpleFeatureCollection, Appendable)}, as UTF-8 bytes: the text is made in chunks of some 64 KB and
     * each chunk encoded at once (a Writer encodes character by character).
     */
    public static void write(SimpleFeatureCollection features, java.io.OutputStream out) throws IOException {
        TextChunks chunks = TextChunks.utf8(out);
        write(features, chunks.text(), chunks);
        chunks.flush();
    }

    /** {@code chunks}: told of each record's end when {@code out} is its text; null: {@code out} takes everything. */
    private static void write(SimpleFeatureCollection features, Appendable out, TextChunks chunks) throws IOException {
        SimpleFeatureType type = features.getSchema();
        boolean points = type.getGeometryDescriptor() != null
                && Point.class.isAssignableFrom(type.getGeometryDescriptor().getType().getBinding());
        boolean geographic = type.getCoordinateReferenceSystem() == null
                || Crs.isGeographic(type.getCoordinateReferenceSystem());
        List<String> header = new ArrayList<>();
        header.add("id");
        if (type.getGeometryDescriptor() != null) {
            if (points) {
                header.add(geographic ? "lon" : "x");
                header.add(geographic ? "lat" : "y");
            } else {
                header.add("wkt");
            }
        }
        List<String> names = new ArrayList<>();
        for (AttributeDescriptor d : type.getAttributeDescriptors()) {
            if (d == type.getGeometryDescriptor()) continue;
            names.add(d.getLocalName());
            header.add(d.getLocalName());
        }
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build());
                SimpleFeatureIterator it = features.features()) {
            p.printRecord(header.stream().map(CsvOut::safe).toList());
            List<String> row = new ArrayList<>(header.size());
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                row.clear();
                row.add(safe(f.getID()));
                if (type.getGeometryDescriptor() != null) {
                    Object g = f.getDefaultGeometry();
                    if (points) {
                        Point pt = (Point) g;
                        row.add(pt == null ? "" : org.crimeanalytics.json.Json.number(pt.getX()));
                        row.add(pt == null ? "" : org.crimeanalytics.json.Json.number(pt.getY()));
                    } else {
                        row.add(g == null ? "" : ((Geometry) g).toText());
                    }
                }
                for (String n : names) row.add(cell(f.getAttribute(n)));
                p.printRecord(row);
                if (chunks != null) chunks.endOfRecord();
            }
        }
    }
}
