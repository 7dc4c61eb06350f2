package org.crimeanalytics.style;

import java.util.List;
import java.util.Locale;

/**
 * Builds SLD 1.0.0 documents: one named and titled rule per class, categories with
 * {@code PropertyIsEqualTo}, numeric classes as half-open ranges [lower, upper) with
 * {@code PropertyIsGreaterThanOrEqualTo} and {@code PropertyIsLessThan} (an open end is left out),
 * and an optional rule for everything else ({@code ElseFilter}). All text is XML-escaped.
 *
 * <p>Used both for the {@code style} output of every process and for the files in
 * {@code sld-styles/}, so colours and classes are defined once.
 */
public final class Sld {

    /** Geometry kind a symbol draws. */
    public enum Kind { POINT, LINE, POLYGON }

    /** How to draw one class. Colours are {@code #rrggbb}. */
    public record Symbol(Kind kind, String fill, double fillOpacity, String stroke, double strokeWidth, double size) {
        public static Symbol point(String fill, double size) {
            return new Symbol(Kind.POINT, fill, 0.9, "#333333", 0.5, size);
        }

        public static Symbol polygon(String fill, double fillOpacity) {
            return new Symbol(Kind.POLYGON, fill, fillOpacity, "#555555", 0.3, 0);
        }

        public static Symbol outline(String stroke, double width) {
            return new Symbol(Kind.POLYGON, null, 0, stroke, width, 0);
        }

        public static Symbol line(String stroke, double width) {
            return new Symbol(Kind.LINE, null, 0, stroke, width, 0);
        }
    }

    /** One rule: a name (machine-friendly), a title (legend text), a filter (or else) and a symbol. */
    public record Rule(String name, String title, String filterXml, boolean elseRule, Symbol symbol) {}

    private Sld() {}

    /** A rule for {@code attribute = value}. */
    public static Rule category(String attribute, Object value, String title, Symbol symbol) {
        String f = "<ogc:PropertyIsEqualTo><ogc:PropertyName>" + esc(attribute) + "</ogc:PropertyName><ogc:Literal>"
                + esc(literal(value)) + "</ogc:Literal></ogc:PropertyIsEqualTo>";
        return new Rule(attribute + "_" + literal(value), title, f, false, symbol);
    }

    /** A rule for {@code lower <= attribute < upper}; a null bound is open. */
    public static Rule range(String attribute, Double lower, Double upper, String title, Symbol symbol) {
        String lo = lower == null ? null : "<ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>" + esc(attribute)
                + "</ogc:PropertyName><ogc:Literal>" + literal(lower) + "</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>";
        String hi = upper == null ? null : "<ogc:PropertyIsLessThan><ogc:PropertyName>" + esc(attribute)
                + "</ogc:PropertyName><ogc:Literal>" + literal(upper) + "</ogc:Literal></ogc:PropertyIsLessThan>";
        String f;
        if (lo != null && hi != null) f = "<ogc:And>" + lo + hi + "</ogc:And>";
        else if (lo != null) f = lo;
        else if (hi != null) f = hi;
        else f = null;
        String name = attribute + "_" + (lower == null ? "min" : literal(lower)) + "_" + (upper == null ? "max" : literal(upper));
        return new Rule(name, title, f, false, symbol);
    }

    /** A rule for features no other rule matched. */
    public static Rule otherwise(String name, String title, Symbol symbol) {
        return new Rule(name, title, null, true, symbol);
    }

    /** A rule without filter (draws everything). */
    public static Rule all(String name, String title, Symbol symbol) {
        return new Rule(name, title, null, false, symbol);
    }

    /** A complete SLD 1.0.0 document with one named layer and one user style. */
    public static String document(String styleName, String title, String abstractText, List<Rule> rules) {
        return document(styleName, title, abstractText, null, rules);
    }

    /**
     * A complete SLD 1.0.0 document; {@code transformationXml}, when given, is placed in the
     * FeatureTypeStyle as a GeoServer rendering transformation.
     */
    public static String document(String styleName, String title, String abstractText, String transformationXml,
            List<Rule> rules) {
        StringBuilder sb = new StringBuilder(2048);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\" ")
                .append("xmlns:ogc=\"http://www.opengis.net/ogc\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" ")
                .append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
                .append("xsi:schemaLocation=\"http://www.opengis.net/sld StyledLayerDescriptor.xsd\">\n");
        sb.append("  <NamedLayer>\n    <Name>").append(esc(styleName)).append("</Name>\n");
        sb.append("    <UserStyle>\n      <Name>").append(esc(styleName)).append("</Name>\n");
        sb.append("      <Title>").append(esc(title)).append("</Title>\n");
        if (abstractText != null) sb.append("      <Abstract>").append(esc(abstractText)).append("</Abstract>\n");
        sb.append("      <FeatureTypeStyle>\n");
        if (transformationXml != null) sb.append(transformationXml).append('\n');
        for (Rule r : rules) {
            sb.append("        <Rule>\n");
            sb.append("          <Name>").append(esc(r.name())).append("</Name>\n");
            sb.append("          <Title>").append(esc(r.title())).append("</Title>\n");
            if (r.filterXml() != null) {
                sb.append("          <ogc:Filter>").append(r.filterXml()).append("</ogc:Filter>\n");
            }
            if (r.elseRule()) sb.append("          <ElseFilter/>\n");
            symbolizer(r.symbol(), sb);
            sb.append("        </Rule>\n");
        }
        sb.append("      </FeatureTypeStyle>\n    </UserStyle>\n  </NamedLayer>\n</StyledLayerDescriptor>\n");
        return sb.toString();
    }

    /** One entry of a raster colour map: pixels of {@code quantity} get {@code colour}, interpolated between entries. */
    public record ColorMapEntry(String colour, double opacity, double quantity, String label) {}

    /**
     * A complete SLD 1.0.0 document for a single-band raster: one rule with a RasterSymbolizer whose ColorMap
     * ramps through {@code entries} (in increasing quantity).
     */
    public static String rasterDocument(String styleName, String title, String abstractText, String ruleTitle,
            List<ColorMapEntry> entries) {
        StringBuilder sb = new StringBuilder(2048);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\" ")
                .append("xmlns:ogc=\"http://www.opengis.net/ogc\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" ")
                .append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
                .append("xsi:schemaLocation=\"http://www.opengis.net/sld StyledLayerDescriptor.xsd\">\n");
        sb.append("  <NamedLayer>\n    <Name>").append(esc(styleName)).append("</Name>\n");
        sb.append("    <UserStyle>\n      <Name>").append(esc(styleName)).append("</Name>\n");
        sb.append("      <Title>").append(esc(title)).append("</Title>\n");
        if (abstractText != null) sb.append("      <Abstract>").append(esc(abstractText)).append("</Abstract>\n");
        sb.append("      <FeatureTypeStyle>\n        <Rule>\n");
        sb.append("          <Name>").append(esc(styleName)).append("</Name>\n");
        sb.append("          <Title>").append(esc(ruleTitle)).append("</Title>\n");
        sb.append("          <RasterSymbolizer>\n            <Opacity>1</Opacity>\n            <ColorMap>\n");
        for (ColorMapEntry e : entries) {
            sb.append("              <ColorMapEntry color=\"").append(esc(e.colour())).append("\" opacity=\"")
                    .append(num(e.opacity())).append("\" quantity=\"").append(num(e.quantity())).append("\" label=\"")
                    .append(esc(e.label())).append("\"/>\n");
        }
        sb.append("            </ColorMap>\n          </RasterSymbolizer>\n        </Rule>\n");
        sb.append("      </FeatureTypeStyle>\n    </UserStyle>\n  </NamedLayer>\n</StyledLayerDescriptor>\n");
        return sb.toString();
    }

    private static void symbolizer(Symbol s, StringBuilder sb) {
        switch (s.kind()) {
            case POINT -> {
                sb.append("          <PointSymbolizer>\n            <Graphic>\n              <Mark>\n")
                        .append("                <WellKnownName>circle</WellKnownName>\n");
                fill(s, sb, "                ");
                stroke(s, sb, "                ");
                sb.append("              </Mark>\n              <Size>").append(num(s.size()))
                        .append("</Size>\n            </Graphic>\n          </PointSymbolizer>\n");
            }
            case LINE -> {
                sb.append("          <LineSymbolizer>\n");
                stroke(s, sb, "            ");
                sb.append("          </LineSymbolizer>\n");
            }
            case POLYGON -> {
                sb.append("          <PolygonSymbolizer>\n");
                fill(s, sb, "            ");
                stroke(s, sb, "            ");
                sb.append("          </PolygonSymbolizer>\n");
            }
        }
    }

    private static void fill(Symbol s, StringBuilder sb, String ind) {
        if (s.fill() == null) return;
        sb.append(ind).append("<Fill>\n");
        sb.append(ind).append("  <CssParameter name=\"fill\">").append(esc(s.fill())).append("</CssParameter>\n");
        sb.append(ind).append("  <CssParameter name=\"fill-opacity\">").append(num(s.fillOpacity()))
                .append("</CssParameter>\n");
        sb.append(ind).append("</Fill>\n");
    }

    private static void stroke(Symbol s, StringBuilder sb, String ind) {
        if (s.stroke() == null || s.strokeWidth() <= 0) return;
        sb.append(ind).append("<Stroke>\n");
        sb.append(ind).append("  <CssParameter name=\"stroke\">").append(esc(s.stroke())).append("</CssParameter>\n");
        sb.append(ind).append("  <CssParameter name=\"stroke-width\">").append(num(s.strokeWidth()))
                .append("</CssParameter>\n");
        sb.append(ind).append("</Stroke>\n");
    }

    private static String literal(Object v) {
        if (v instanceof Double || v instanceof Float) return num(((Number) v).doubleValue());
        return String.valueOf(v);
    }

    static String num(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return String.format(Locale.ROOT, "%s", d);
    }

    /** Escapes text for XML element content and attribute values. */
    public static String esc(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') sb.append(' ');
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
