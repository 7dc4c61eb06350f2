package org.crimeanalytics.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.geoserver.wps.process.AbstractRawData;
import org.geoserver.wps.process.ByteArrayRawData;
import org.geoserver.wps.process.RawData;
import org.geotools.api.data.Parameter;
import org.geotools.api.feature.type.Name;
import org.geotools.api.util.ProgressListener;
import org.geotools.process.Process;
import org.geotools.process.ProcessException;

/**
 * The crime: processes as GeoServer's WPS should see them (issue #20). GeoServer maps a {@code String} to LiteralData
 * whatever its {@code mimeTypes}, so here, and only where GeoServer's WPS is installed ({@link CrimeProcessFactory}
 * decides; the command line never loads this class):
 * <ul>
 *   <li>every text output declared with {@code mimeTypes} (JSON summaries and reports, CSV tables, SLD styles) is a
 *       complex {@link RawData} output of that MIME type, with a file extension (json, csv, sld), so a client gets
 *       {@code application/json} or {@code application/vnd.ogc.sld+xml} instead of an escaped literal;</li>
 *   <li>the {@code csv} input of ImportIncidents is a complex input ({@code text/csv}): an uploaded file is read
 *       from the RawData's stream by the same ingestion as the command line's files, never made one Java String
 *       by this extension (GeoServer itself holds inline XML content in memory; see the README);</li>
 *   <li>a feature input of exactly the WFS maximum number of features (internal WFS references are cut there without
 *       a word) is reported in the log, to the monitor and as {@code input_warnings} in the JSON outputs.</li>
 * </ul>
 * Compiled against the declarations in {@code geoserver-wps-api/} (never packaged).
 */
final class GeoServerWps {

    private GeoServerWps() {}

    static Map<String, Parameter<?>> results(Map<String, Parameter<?>> plain) {
        Map<String, Parameter<?>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter<?>> e : plain.entrySet()) out.put(e.getKey(), complex(e.getValue()) ? raw(e.getValue()) : e.getValue());
        return out;
    }

    static Map<String, Parameter<?>> inputs(Map<String, Parameter<?>> plain) {
        return results(plain);
    }

    /** A String parameter declared with MIME types. */
    static boolean complex(Parameter<?> p) {
        return p.type == String.class && p.metadata != null && p.metadata.get(AbstractRawData.MIME_TYPES) != null;
    }

    private static Parameter<?> raw(Parameter<?> p) {
        return new Parameter<>(p.key, RawData.class, p.title, p.description, p.required, p.minOccurs, p.maxOccurs, null, p.metadata);
    }

    /** The first declared MIME type of a parameter. */
    static String mime(Parameter<?> p) {
        return String.valueOf(p.metadata.get(AbstractRawData.MIME_TYPES)).split("\\s*,\\s*")[0].trim();
    }

    /** The file extension GeoServer names a RawData output with. */
    static String extension(String mime) {
        if (mime.contains("json")) return "json";
        if (mime.contains("csv")) return "csv";
        if (mime.contains("sld")) return "sld";
        if (mime.contains("xml")) return "xml";
        return "txt";
    }

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("org.crimeanalytics");

    /**
     * GeoServer's WFS "Maximum number of features" (Services &gt; WFS; {@code wfs.xml <maxFeatures>}, 1,000,000 in a new data
     * directory), which also cuts internal WFS references; the system property {@code crime.wfsMaxFeatures} overrides it.
     */
    static long wfsMaxFeatures() {
        String p = System.getProperty("crime.wfsMaxFeatures");
        if (p != null) {
            try {
                return Long.parseLong(p.trim());
            } catch (NumberFormatException e) {
                return 1_000_000;
            }
        }
        try {
            Object gs = Class.forName("org.geoserver.platform.GeoServerExtensions").getMethod("bean", String.class).invoke(null, "geoServer");
            Object wfs = gs.getClass().getMethod("getService", Class.class).invoke(gs, Class.forName("org.geoserver.wfs.WFSInfo"));
            Object max = wfs == null ? null : wfs.getClass().getMethod("getMaxFeatures").invoke(wfs);
            return max instanceof Number n && n.longValue() > 0 ? n.longValue() : Long.MAX_VALUE;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return 1_000_000;
        }
    }

    /**
     * Feature inputs holding exactly the WFS maximum number of features: most likely a layer cut short by that limit
     * (GeoServer says nothing). One warning per such input, for the log, the monitor and the JSON outputs.
     */
    static java.util.List<String> truncated(Map<String, Object> input) {
        java.util.List<String> w = new java.util.ArrayList<>();
        long max = wfsMaxFeatures();
        for (Map.Entry<String, Object> e : input.entrySet()) {
            if (!(e.getValue() instanceof org.geotools.feature.FeatureCollection<?, ?> fc)) continue;
            int n = fc.size();
            if (n > 0 && n == max) {
                w.add(e.getKey() + ": exactly " + n + " features arrived, GeoServer's WFS maximum number of features: the layer was "
                        + "probably cut short; raise it (Services > WFS > Maximum number of features, or wfs.xml <maxFeatures>) "
                        + "and run again");
            }
        }
        return w;
    }

    /** A JSON object output with {@code input_warnings} added (other text unchanged). */
    static String withWarnings(String json, java.util.List<String> warnings) {
        if (warnings.isEmpty() || json == null || !json.trim().startsWith("{")) return json;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) org.crimeanalytics.json.Json.parse(json);
            m.put("input_warnings", warnings);
            return org.crimeanalytics.json.Json.pretty(m);
        } catch (IllegalArgumentException e) {
            return json;
        }
    }

    /** Wraps a process: RawData inputs read, text outputs returned as RawData. */
    static Process wrap(Name name, Process p, Map<String, Parameter<?>> plainInputs, Map<String, Parameter<?>> plainResults) {
        return (input, monitor) -> {
            Map<String, Object> in = new LinkedHashMap<>(input);
            java.util.List<String> warnings = truncated(input);
            for (String w : warnings) {
                LOG.warning("crime:" + name.getLocalPart() + ": " + w);
                if (monitor != null) monitor.warningOccurred("crime:" + name.getLocalPart(), null, w);
            }
            Map<String, Object> out;
            if ("ImportIncidents".equals(name.getLocalPart()) && in.get("csv") instanceof RawData csv) {
                in.remove("csv");
                out = importStream(csv, in, monitor);
            } else {
                for (Map.Entry<String, Object> e : input.entrySet()) {
                    if (e.getValue() instanceof RawData r && plainInputs.containsKey(e.getKey()) && complex(plainInputs.get(e.getKey()))) {
                        in.put(e.getKey(), text(r, e.getKey()));
                    }
                }
                out = p.execute(in, monitor);
            }
            if (out == null) return null;
            Map<String, Object> typed = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : out.entrySet()) {
                Parameter<?> r = plainResults.get(e.getKey());
                if (r != null && complex(r) && e.getValue() instanceof String s) {
                    String m = mime(r);
                    String text = m.contains("json") ? withWarnings(s, warnings) : s;
                    typed.put(e.getKey(), new ByteArrayRawData(text.getBytes(StandardCharsets.UTF_8), m, extension(m)));
                } else {
                    typed.put(e.getKey(), e.getValue());
                }
            }
            return typed;
        };
    }

    private static Map<String, Object> importStream(RawData csv, Map<String, Object> in, ProgressListener monitor) {
        try (InputStream stream = csv.getInputStream()) {
            return ImportIncidentsProcess.executeStream(stream, in, monitor);
        } catch (IOException e) {
            throw new ProcessException("csv: cannot read the uploaded data: " + e.getMessage());
        }
    }

    private static String text(RawData r, String param) {
        try (InputStream s = r.getInputStream()) {
            return new String(s.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProcessException(param + ": cannot read the uploaded data: " + e.getMessage());
        }
    }
}
