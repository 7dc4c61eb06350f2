package org.crimeanalytics.html;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads back the rules of an SLD built by {@code Sld} (equality, half-open ranges, else) so a page
 * colours features exactly as the SLD classes them. Unknown filters match nothing.
 */
public final class SldRules {

    /** One rule: title, fill (or stroke) colour, and its test. */
    public record Rule(String title, String colour, String property, String equals, Double lower, Double upper, boolean elseRule, boolean all) {
        boolean matches(Object value) {
            if (all) return true;
            if (property == null) return false;
            if (equals != null) {
                if (value == null) return false;
                if (value instanceof Number n) {
                    try {
                        return n.doubleValue() == Double.parseDouble(equals);
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
                return equals.equals(value.toString());
            }
            if (!(value instanceof Number n)) return false;
            double d = n.doubleValue();
            return (lower == null || d >= lower) && (upper == null || d < upper);
        }
    }

    private final List<Rule> rules;

    private SldRules(List<Rule> rules) {
        this.rules = rules;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The colour of a feature: the first matching rule, else the else rule, else null. */
    public Rule ruleFor(java.util.function.Function<String, Object> attribute) {
        for (Rule r : rules) if (!r.elseRule() && r.matches(r.property() == null ? null : attribute.apply(r.property()))) return r;
        for (Rule r : rules) if (r.elseRule()) return r;
        return null;
    }

    public static SldRules parse(String sld) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(sld.getBytes(StandardCharsets.UTF_8)));
            NodeList rs = doc.getElementsByTagNameNS("*", "Rule");
            List<Rule> out = new ArrayList<>();
            for (int i = 0; i < rs.getLength(); i++) {
                Element r = (Element) rs.item(i);
                String title = text(r, "Title");
                String colour = null;
                NodeList params = r.getElementsByTagNameNS("*", "CssParameter");
                for (int p = 0; p < params.getLength(); p++) {
                    Element e = (Element) params.item(p);
                    if (e.getAttribute("name").equals("fill")) {
                        colour = e.getTextContent().trim();
                        break;
                    }
                    if (colour == null && e.getAttribute("name").equals("stroke")) colour = e.getTextContent().trim();
                }
                boolean isElse = r.getElementsByTagNameNS("*", "ElseFilter").getLength() > 0;
                Element filter = first(r, "Filter");
                String prop = null, eq = null;
                Double lo = null, hi = null;
                if (filter != null) {
                    Element e = first(filter, "PropertyIsEqualTo");
                    if (e != null) {
                        prop = text(e, "PropertyName");
                        eq = text(e, "Literal");
                    }
                    Element g = first(filter, "PropertyIsGreaterThanOrEqualTo");
                    if (g != null) {
                        prop = text(g, "PropertyName");
                        lo = Double.parseDouble(text(g, "Literal"));
                    }
                    Element l = first(filter, "PropertyIsLessThan");
                    if (l != null) {
                        prop = text(l, "PropertyName");
                        hi = Double.parseDouble(text(l, "Literal"));
                    }
                }
                out.add(new Rule(title, colour, prop, eq, lo, hi, isElse, filter == null && !isElse));
            }
            return new SldRules(out);
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot read the SLD: " + e.getMessage(), e);
        }
    }

    private static Element first(Element parent, String local) {
        NodeList l = parent.getElementsByTagNameNS("*", local);
        return l.getLength() == 0 ? null : (Element) l.item(0);
    }

    private static String text(Element parent, String local) {
        Element e = first(parent, local);
        if (e == null) return null;
        StringBuilder sb = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) sb.append(n.getTextContent());
        return sb.toString().trim();
    }
}
