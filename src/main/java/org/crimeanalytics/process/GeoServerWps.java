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
 *       by this extension (GeoServer itself holds inline XML content in memory; see the README).</li>
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

    /** Wraps a process: RawData inputs read, text outputs returned as RawData. */
    static Process wrap(Name name, Process p, Map<String, Parameter<?>> plainInputs, Map<String, Parameter<?>> plainResults) {
        return (input, monitor) -> {
            Map<String, Object> in = new LinkedHashMap<>(input);
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
                    typed.put(e.getKey(), new ByteArrayRawData(s.getBytes(StandardCharsets.UTF_8), m, extension(m)));
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
