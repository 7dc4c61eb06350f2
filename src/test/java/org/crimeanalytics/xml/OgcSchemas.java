package org.crimeanalytics.xml;

import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The official OGC schemas, offline: {@code org.jvnet.ogc:ogc-schemas} (a copy of schemas.opengis.net, plus
 * GeoServer's SLD 1.0.0 extension schema that adds {@code <Transformation>}) and {@code org.hisrc.w3c:w3c-schemas}
 * for the W3C xlink and xml schemas they import. Absolute schema locations are resolved from those jars, so a
 * validation never touches the network; a location that is not in them fails loudly.
 */
public final class OgcSchemas {

    /** OGC SLD 1.0.0 (StyledLayerDescriptor.xsd of 2002). */
    public static final String SLD_1_0_0 = "ogc/sld/1.0.0/StyledLayerDescriptor.xsd";
    /** GeoServer's SLD 1.0.0 schema: the OGC one plus {@code FeatureTypeStyle/Transformation}. */
    public static final String SLD_1_0_0_GEOSERVER = "geoserver/sld/StyledLayerDescriptor.xsd";
    /** OGC WPS 1.0.0 Execute request. */
    public static final String WPS_1_0_0_EXECUTE = "ogc/wps/1.0.0/wpsExecute_request.xsd";

    private static final ConcurrentHashMap<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private OgcSchemas() {}

    /** Every validation error of {@code xml} against the schema at {@code path}, as "line:col message"; empty when valid. */
    public static List<String> errors(String path, String xml) throws Exception {
        Validator v = schema(path).newValidator();
        List<String> errors = new ArrayList<>();
        v.setErrorHandler(new ErrorHandler() {
            @Override public void warning(SAXParseException e) {}
            @Override public void error(SAXParseException e) { errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage()); }
            @Override public void fatalError(SAXParseException e) { error(e); }
        });
        v.validate(new StreamSource(new StringReader(xml)));
        return errors;
    }

    static Schema schema(String path) {
        return SCHEMAS.computeIfAbsent(path, p -> {
            try {
                SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                f.setResourceResolver(new JarResolver());
                URL url = resource(p);
                return f.newSchema(new StreamSource(url.openStream(), url.toExternalForm()));
            } catch (Exception e) {
                throw new IllegalStateException("cannot load schema " + p + ": " + e.getMessage(), e);
            }
        });
    }

    static URL resource(String path) {
        URL url = OgcSchemas.class.getClassLoader().getResource(path);
        if (url == null) throw new IllegalStateException("schema " + path + " is not on the test class path");
        return url;
    }

    /** Maps http://schemas.opengis.net/... to ogc/... and http://www.w3.org/... to w3c/...; relative locations stay in their jar. */
    static final class JarResolver implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String ns, String publicId, String systemId, String baseUri) {
            if (systemId == null) return null;
            String loc = systemId;
            if (loc.startsWith("http://schemas.opengis.net/")) loc = "ogc/" + loc.substring("http://schemas.opengis.net/".length());
            else if (loc.startsWith("http://www.w3.org/")) loc = "w3c/" + loc.substring("http://www.w3.org/".length());
            else if (loc.startsWith("http:") || loc.startsWith("https:")) throw new IllegalStateException("schema outside the offline jars: " + systemId);
            else return null; // relative: the parser resolves it against baseUri (inside the same jar)
            URL url = resource(loc);
            return new Input(publicId, url.toExternalForm(), baseUri);
        }
    }

    private record Input(String publicId, String systemId, String baseURI) implements LSInput {
        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader r) {}
        @Override public InputStream getByteStream() {
            try { return new URL(systemId).openStream(); } catch (Exception e) { throw new IllegalStateException(e); }
        }
        @Override public void setByteStream(InputStream s) {}
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String s) {}
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String s) {}
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String s) {}
        @Override public String getBaseURI() { return baseURI; }
        @Override public void setBaseURI(String s) {}
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String s) {}
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean b) {}
    }
}
