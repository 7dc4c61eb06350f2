package org.crimeanalytics.html;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.crimeanalytics.geo.Crs;
import org.crimeanalytics.geo.GeoJson;
import org.crimeanalytics.style.Sld;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.type.AttributeDescriptor;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.geometry.jts.JTS;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * One self-contained HTML page (inline SVG, no script, no network) showing output layers, each over
 * the area layer of its run, coloured by the rules of its SLD (read back from the same document, so
 * the classes are the SLD's), with a legend and per-feature tooltips listing the attributes; plus the
 * temporal charts. At most {@value #MAX_FEATURES} features are drawn per layer (every k-th, said on
 * the page).
 */
public final class MapPage {

    public static final int MAX_FEATURES = 4000;

    private record Layer(String title, SimpleFeatureCollection features, String sld, SimpleFeatureCollection base) {}

    private final List<Layer> layers = new ArrayList<>();
    private final List<String> charts = new ArrayList<>();

    public void addLayer(String title, SimpleFeatureCollection features, String sld, SimpleFeatureCollection base) {
        layers.add(new Layer(title, features, sld, base));
    }

    /** Adds the heat grid of a TemporalProfile 'matrix' CSV ('all' rows). */
    public void addMatrix(String title, String csv) throws IOException {
        long[][] m = new long[7][24];
        try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().build().parse(new StringReader(csv))) {
            int d = 0;
            for (CSVRecord r : p) {
                if (!r.get("category").equals("all")) continue;
                for (int h = 0; h < 24; h++) m[d][h] = Long.parseLong(r.get(String.format(Locale.ROOT, "h%02d", h)));
                d++;
            }
        }
        charts.add(Charts.heatGrid(title, m));
    }

    /** Adds the chart of a TemporalProfile 'series' CSV. */
    public void addSeries(String title, String csv) throws IOException {
        List<String> labels = new ArrayList<>();
        List<Double> v = new ArrayList<>(), t = new ArrayList<>();
        try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().build().parse(new StringReader(csv))) {
            for (CSVRecord r : p) {
                labels.add(r.get("period"));
                v.add(Double.parseDouble(r.get("count")));
                t.add(r.get("trend").isEmpty() ? Double.NaN : Double.parseDouble(r.get("trend")));
            }
        }
        charts.add(Charts.series(title, labels.toArray(new String[0]), v.stream().mapToDouble(Double::doubleValue).toArray(),
                t.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    public boolean isEmpty() {
        return layers.isEmpty() && charts.isEmpty();
    }

    public void write(Writer w, String title) throws IOException {
        w.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Sld.esc(title) + "</title>\n");
        w.write("<style>body{font-family:sans-serif;margin:16px;color:#222}h1{font-size:20px}h2{font-size:16px;margin:24px 0 6px}"
                + ".row{display:flex;gap:16px;align-items:flex-start;flex-wrap:wrap}.legend{font-size:12px;min-width:220px}"
                + ".sw{display:inline-block;width:14px;height:14px;margin-right:6px;vertical-align:middle;border:1px solid #555}"
                + "svg.map{border:1px solid #ccc;background:#f8f8f8}.note{color:#666;font-size:12px}</style></head><body>\n");
        w.write("<h1>" + Sld.esc(title) + "</h1>\n<p class=\"note\">Self-contained page written by crime-analytics: hover a feature "
                + "to see its attributes. Colours and classes come from each layer's SLD.</p>\n");
        for (String c : charts) w.write("<div class=\"row\">" + c + "</div>\n");
        for (Layer l : layers) writeLayer(w, l);
        w.write("</body></html>\n");
    }

    private void writeLayer(Writer w, Layer l) throws IOException {
        List<SimpleFeature> feats = list(l.features());
        List<Geometry> geoms = lonLat(l.features(), feats);
        List<SimpleFeature> baseFeats = l.base() == null ? List.of() : list(l.base());
        List<Geometry> baseGeoms = l.base() == null ? List.of() : lonLat(l.base(), baseFeats);
        Envelope env = new Envelope();
        for (Geometry g : geoms) if (g != null) env.expandToInclude(g.getEnvelopeInternal());
        for (Geometry g : baseGeoms) if (g != null) env.expandToInclude(g.getEnvelopeInternal());
        w.write("<h2>" + Sld.esc(l.title()) + "</h2>\n<div class=\"row\">");
        if (env.isNull()) {
            w.write("<p>No features.</p></div>\n");
            return;
        }
        double width = 760;
        double kx = Math.cos(Math.toRadians((env.getMinY() + env.getMaxY()) / 2));
        double spanX = Math.max(1e-9, env.getWidth() * kx), spanY = Math.max(1e-9, env.getHeight());
        double scale = width / Math.max(spanX, spanY * 1.0);
        double height = Math.max(200, spanY * scale);
        Proj p = c -> new double[] {(c.x - env.getMinX()) * kx * scale + 5, (env.getMaxY() - c.y) * scale + 5};
        w.write(String.format(Locale.ROOT, "<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\">",
                width + 10, height + 10));
        for (Geometry g : baseGeoms) {
            if (g != null) w.write(shape(g, p, "none", "#888", 0.8, 0, null));
        }
        SldRules rules = l.sld() == null ? null : SldRules.parse(l.sld());
        int step = Math.max(1, (feats.size() + MAX_FEATURES - 1) / MAX_FEATURES);
        for (int i = 0; i < feats.size(); i += step) {
            Geometry g = geoms.get(i);
            if (g == null) continue;
            SimpleFeature f = feats.get(i);
            SldRules.Rule r = rules == null ? null : rules.ruleFor(f::getAttribute);
            String colour = r == null || r.colour() == null ? "#3182bd" : r.colour();
            w.write(shape(g, p, colour, "#333", 0.3, 0.75, tooltip(f)));
        }
        w.write("</svg><div class=\"legend\">");
        if (rules != null) {
            for (SldRules.Rule r : rules.rules()) {
                w.write("<div><span class=\"sw\" style=\"background:" + Sld.esc(r.colour() == null ? "#fff" : r.colour()) + "\"></span>"
                        + Sld.esc(r.title()) + "</div>");
            }
        }
        w.write("<p class=\"note\">" + feats.size() + " features" + (step > 1 ? ", every " + step + "th drawn" : "")
                + (l.base() != null ? "; grey outlines: the area layer" : "") + "</p></div></div>\n");
    }

    private interface Proj {
        double[] at(Coordinate c);
    }

    private static String tooltip(SimpleFeature f) {
        StringBuilder sb = new StringBuilder(f.getID());
        for (AttributeDescriptor d : f.getFeatureType().getAttributeDescriptors()) {
            Object v = f.getAttribute(d.getLocalName());
            if (v == null || v instanceof Geometry) continue;
            sb.append('\n').append(d.getLocalName()).append(": ");
            sb.append(v instanceof Date date ? GeoJson.isoFloating(date.getTime()) : v instanceof Double dd ? String.format(Locale.ROOT, "%.4g", dd) : v.toString());
        }
        return sb.toString();
    }

    private static String shape(Geometry g, Proj p, String fill, String stroke, double strokeWidth, double opacity, String title) {
        StringBuilder sb = new StringBuilder();
        String t = title == null ? "" : "<title>" + Sld.esc(title) + "</title>";
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Point pt) {
                double[] xy = p.at(pt.getCoordinate());
                sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.2\" fill=\"%s\" fill-opacity=\"0.85\" stroke=\"none\">%s</circle>",
                        xy[0], xy[1], Sld.esc(fill), t));
            } else if (part instanceof Polygon poly) {
                StringBuilder d = new StringBuilder();
                ring(poly.getExteriorRing().getCoordinates(), p, d);
                for (int h = 0; h < poly.getNumInteriorRing(); h++) ring(poly.getInteriorRingN(h).getCoordinates(), p, d);
                sb.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"%s\" fill-opacity=\"%.2f\" fill-rule=\"evenodd\" stroke=\"%s\" stroke-width=\"%.1f\">%s</path>",
                        d, Sld.esc(fill), opacity, stroke, strokeWidth, t));
            } else if (part instanceof LineString ls) {
                StringBuilder d = new StringBuilder();
                ring(ls.getCoordinates(), p, d);
                sb.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\">%s</path>",
                        d.toString().replace("Z", ""), Sld.esc("none".equals(fill) ? stroke : fill), t));
            }
        }
        return sb.toString();
    }

    private static void ring(Coordinate[] cs, Proj p, StringBuilder d) {
        // drop vertices closer than half a pixel to the previous one
        double lx = Double.NaN, ly = Double.NaN;
        for (int i = 0; i < cs.length; i++) {
            double[] xy = p.at(cs[i]);
            if (i > 0 && i < cs.length - 1 && Math.abs(xy[0] - lx) < 0.5 && Math.abs(xy[1] - ly) < 0.5) continue;
            d.append(i == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f", xy[0], xy[1]));
            lx = xy[0];
            ly = xy[1];
        }
        d.append("Z");
    }

    private static List<SimpleFeature> list(SimpleFeatureCollection fc) {
        List<SimpleFeature> l = new ArrayList<>();
        try (SimpleFeatureIterator it = fc.features()) {
            while (it.hasNext()) l.add(it.next());
        }
        return l;
    }

    private static List<Geometry> lonLat(SimpleFeatureCollection fc, List<SimpleFeature> feats) {
        MathTransform t = fc.getSchema().getCoordinateReferenceSystem() == null || Crs.isLonLatWgs84(fc.getSchema().getCoordinateReferenceSystem())
                ? null : Crs.transform(fc.getSchema().getCoordinateReferenceSystem(), Crs.wgs84(), "map");
        List<Geometry> out = new ArrayList<>();
        for (SimpleFeature f : feats) {
            Object g = f.getDefaultGeometry();
            if (!(g instanceof Geometry geom)) {
                out.add(null);
                continue;
            }
            try {
                out.add(t == null ? geom : JTS.transform(geom, t));
            } catch (Exception e) {
                out.add(null);
            }
        }
        return out;
    }
}
