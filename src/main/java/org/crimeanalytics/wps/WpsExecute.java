package org.crimeanalytics.wps;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.geotools.api.data.Parameter;
import org.geotools.api.feature.type.Name;
import org.geotools.api.util.ProgressListener;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.feature.FeatureCollection;
import org.geotools.feature.NameImpl;
import org.geotools.process.Process;
import org.geotools.process.ProcessFactory;
import org.geotools.process.Processors;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Runs a WPS 1.0.0 Execute document locally, the way GeoServer's WPS would: {@code http://geoserver/wfs}
 * references become layers from {@code layers} (by type name), {@code http://geoserver/wps} references
 * run the chained process, literal data is converted to the parameter's type, complex data is passed as
 * text. Only {@code crime:} processes are run; anything else (another host, another process namespace,
 * an unknown input) is an error naming the element.
 */
public final class WpsExecute {

    static final String WPS = "http://www.opengis.net/wps/1.0.0", OWS = "http://www.opengis.net/ows/1.1",
            WFS = "http://www.opengis.net/wfs", XLINK = "http://www.w3.org/1999/xlink";

    /** The requested output: its identifier, the MIME type asked for, and the value; plus every output of the run. */
    public record Output(String process, String identifier, String mimeType, Object value, Map<String, Object> all) {}

    /** Converts literal text to a parameter's type (the CLI's converter). */
    public interface Literals {
        Object convert(Parameter<?> p, String text);
    }

    private final Function<String, SimpleFeatureCollection> layers;
    private final Literals literals;
    private final ProgressListener progress;

    public WpsExecute(Function<String, SimpleFeatureCollection> layers, Literals literals, ProgressListener progress) {
        this.layers = layers;
        this.literals = literals;
        this.progress = progress;
    }

    /** Parses and runs {@code xml}. */
    public Output run(String xml) {
        Element root;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            root = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("Execute: not well-formed XML: " + e.getMessage());
        }
        return run(root);
    }

    Output run(Element execute) {
        if (!WPS.equals(execute.getNamespaceURI()) || !"Execute".equals(execute.getLocalName())) {
            throw new IllegalArgumentException("Execute: expected wps:Execute, found " + execute.getNodeName());
        }
        String id = text(child(execute, OWS, "Identifier", "wps:Execute"));
        int colon = id.indexOf(':');
        if (colon < 0 || !id.substring(0, colon).equals("crime")) throw new IllegalArgumentException("Identifier: '" + id + "' is not a crime: process");
        Name name = new NameImpl("crime", id.substring(colon + 1));
        ProcessFactory factory = Processors.createProcessFactory(name);
        if (factory == null) throw new IllegalArgumentException("Identifier: no process " + id);
        Map<String, Parameter<?>> info = factory.getParameterInfo(name);
        Map<String, List<Object>> values = new LinkedHashMap<>();
        Element inputs = optionalChild(execute, WPS, "DataInputs");
        if (inputs != null) {
            for (Element input : children(inputs, WPS, "Input")) {
                String key = text(child(input, OWS, "Identifier", "wps:Input"));
                Parameter<?> p = info.get(key);
                if (p == null) throw new IllegalArgumentException(id + ": no input '" + key + "'; inputs: " + info.keySet());
                values.computeIfAbsent(key, k -> new ArrayList<>()).add(value(id, p, input));
            }
        }
        Map<String, Object> in = new LinkedHashMap<>();
        for (Map.Entry<String, List<Object>> e : values.entrySet()) {
            Parameter<?> p = info.get(e.getKey());
            if (e.getValue().size() > 1 && p.maxOccurs <= 1) throw new IllegalArgumentException(id + ": input '" + e.getKey() + "' given twice");
            in.put(e.getKey(), p.maxOccurs > 1 ? e.getValue() : e.getValue().get(0));
        }
        for (Parameter<?> p : info.values()) {
            if (p.minOccurs > 0 && !in.containsKey(p.key)) throw new IllegalArgumentException(id + ": missing required input '" + p.key + "'");
        }
        Element form = child(execute, WPS, "ResponseForm", "wps:Execute");
        Element raw = optionalChild(form, WPS, "RawDataOutput");
        if (raw == null) { // a ResponseDocument (run here synchronously): its first output
            Element doc = child(form, WPS, "ResponseDocument", "wps:ResponseForm");
            raw = child(doc, WPS, "Output", "wps:ResponseDocument");
        }
        String out = text(child(raw, OWS, "Identifier", "wps:RawDataOutput"));
        String mime = raw.getAttribute("mimeType");
        Map<String, Parameter<?>> results = factory.getResultInfo(name, null);
        Parameter<?> rp = results.get(out);
        if (rp == null) throw new IllegalArgumentException(id + ": no output '" + out + "'; outputs: " + results.keySet());
        boolean featureOut = FeatureCollection.class.isAssignableFrom(rp.type);
        if (featureOut && !(mime.equals(WpsExamples.GEOJSON) || mime.equals(WpsExamples.GML))) {
            throw new IllegalArgumentException(id + ": output '" + out + "' (" + rp.type.getSimpleName() + ") cannot be " + mime);
        }
        if (!featureOut && !mime.isEmpty()) {
            Object declared = rp.metadata == null ? null : rp.metadata.get("mimeTypes");
            if (declared != null && !declared.toString().contains(mime)) {
                throw new IllegalArgumentException(id + ": output '" + out + "' is " + declared + ", not " + mime);
            }
        }
        Process process = Processors.createProcess(name);
        Map<String, Object> result = process.execute(in, progress);
        return new Output(id, out, mime, result.get(out), result);
    }

    private Object value(String process, Parameter<?> p, Element input) {
        Element data = optionalChild(input, WPS, "Data");
        if (data != null) {
            Element literal = optionalChild(data, WPS, "LiteralData");
            if (literal != null) return literals.convert(p, text(literal));
            Element complex = optionalChild(data, WPS, "ComplexData");
            if (complex != null) {
                if (p.type != String.class) throw new IllegalArgumentException(process + ": input '" + p.key + "' takes " + p.type.getSimpleName() + ", not inline text");
                return complex.getTextContent().strip() + "\n";
            }
            throw new IllegalArgumentException(process + ": input '" + p.key + "': wps:Data holds neither LiteralData nor ComplexData");
        }
        Element ref = child(input, WPS, "Reference", "wps:Input " + p.key);
        String href = ref.getAttributeNS(XLINK, "href");
        Element body = child(ref, WPS, "Body", "wps:Reference");
        if (href.equals("http://geoserver/wfs")) {
            Element query = child(child(body, WFS, "GetFeature", "wps:Body"), WFS, "Query", "wfs:GetFeature");
            String type = query.getAttribute("typeName");
            SimpleFeatureCollection fc = layers.apply(type);
            if (fc == null) throw new IllegalArgumentException(process + ": input '" + p.key + "': no local layer for " + type);
            return fc;
        }
        if (href.equals("http://geoserver/wps")) {
            Output o = run(child(body, WPS, "Execute", "wps:Body"));
            return o.value();
        }
        throw new IllegalArgumentException(process + ": input '" + p.key + "': only http://geoserver/wfs and http://geoserver/wps references run locally, not " + href);
    }

    static List<Element> children(Element parent, String ns, String local) {
        List<Element> l = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) l.add(e);
        }
        return l;
    }

    static Element optionalChild(Element parent, String ns, String local) {
        List<Element> l = children(parent, ns, local);
        return l.isEmpty() ? null : l.get(0);
    }

    static Element child(Element parent, String ns, String local, String where) {
        Element e = optionalChild(parent, ns, local);
        if (e == null) throw new IllegalArgumentException(where + ": missing " + local);
        return e;
    }

    static String text(Element e) {
        return e.getTextContent().trim();
    }
}
