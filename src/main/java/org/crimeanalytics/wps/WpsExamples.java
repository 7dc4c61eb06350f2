package org.crimeanalytics.wps;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The WPS 1.0.0 Execute requests of {@code resources/wps/}: two per process, one with the incidents by
 * reference to a WFS layer ({@code crime:lapd_incidents}, areas {@code crime:lapd_divisions}, the layers
 * GeoServerIT publishes) and one with the incidents as inline CSV, imported by a chained
 * {@code crime:ImportIncidents} (the CSV an upload: complex data of type {@code text/csv}). Feature outputs are asked
 * for as GeoJSON in the first and as GML 2 ({@code text/xml; subtype=wfs-collection/1.0}) in the second; processes whose
 * main output is a table or a report ask for it with its MIME type ({@code text/csv}, {@code application/json}); and
 * one asynchronous request ({@code HotSpots-async-wfs-geojson.xml}). Generated so that every process, parameter name and
 * value is checked by a test that runs each file ({@link WpsExecute}) and validates it against the WPS 1.0.0 schema.
 */
public final class WpsExamples {

    public static final String GEOJSON = "application/json";
    public static final String GML = "text/xml; subtype=wfs-collection/1.0";
    public static final String INCIDENTS_LAYER = "crime:lapd_incidents";
    public static final String AREAS_LAYER = "crime:lapd_divisions";
    /** Rows of the LAPD sample inlined in the CSV examples. */
    public static final int INLINE_ROWS = 300;
    static final String[] INLINE_COLUMNS = {"DR_NO", "Date Rptd", "DATE OCC", "TIME OCC", "AREA", "AREA NAME", "Crm Cd", "Crm Cd Desc",
        "Premis Desc", "Weapon Desc", "Vict Age", "LAT", "LON"};

    private WpsExamples() {}

    /** An input: a literal, a WFS layer, the incidents (WFS or inline CSV, by variant), or a chained process. */
    sealed interface In permits Literal, Layer, Incidents, Chained {}
    record Literal(String value) implements In {}
    record Layer(String typeName) implements In {}
    record Incidents() implements In {}
    record Chained(String process, Map<String, In> inputs, String output) implements In {}

    record Example(String process, Map<String, In> inputs, String output, String outputMime) {}

    static Map<String, In> in(Object... kv) {
        Map<String, In> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1] instanceof In x ? x : new Literal(kv[i + 1].toString()));
        return m;
    }

    static final In INCIDENTS = new Incidents();
    static final In AREAS = new Layer(AREAS_LAYER);

    /** Per process: its inputs, and the output to ask for (null: the feature output "result"). */
    static List<Example> examples(boolean csv) {
        String features = csv ? GML : GEOJSON;
        List<Example> l = new ArrayList<>();
        l.add(new Example("TrainModel", csv
                ? in("name", "lapd_offense", "task", "CLASSIFY_OFFENSE", "incidents", INCIDENTS, "learner", "J48", "folds", 0, "overwrite", true)
                : in("name", "lapd_counts", "task", "AREA_COUNTS", "incidents", INCIDENTS, "areas", AREAS,
                        "censusAttributes", "PERIMETER,SHAPE_Area", "learner", "LINEAR_REGRESSION", "folds", 0, "overwrite", true), "metrics",
                "application/json"));
        l.add(new Example("ImportIncidents", csv ? in("csv", INCIDENTS) : in("features", new Layer(INCIDENTS_LAYER)), "result", features));
        l.add(new Example("HotSpots", in("incidents", INCIDENTS, "cellSize", 1000, "cellShape", "HEXAGON", "fdr", true), "result", features));
        l.add(new Example("OptimizedHotSpots", in("incidents", INCIDENTS), "result", features));
        l.add(new Example("KernelDensity", in("incidents", INCIDENTS, "cellSize", 500), "result", features));
        l.add(new Example("ClusterOutlier", in("incidents", INCIDENTS, "cellSize", 2000, "weights", "KNN", "neighbours", 8,
                "permutations", 499, "seed", 1), "result", features));
        l.add(new Example("AggregateToAreas", in("incidents", INCIDENTS, "areas", AREAS), "result", features));
        l.add(new Example("ClusterAreas", in("areas", new Chained("AggregateToAreas", in("incidents", INCIDENTS, "areas", AREAS), "result"),
                "k", 3), "result", features));
        l.add(new Example("ClusterIncidents", csv ? in("incidents", INCIDENTS, "method", "DBSCAN", "eps", 1500, "minPoints", 5)
                : in("incidents", INCIDENTS, "method", "KMEANS", "k", 10), "result", features));
        l.add(new Example("TemporalProfile", in("incidents", INCIDENTS, "areas", AREAS, "period", "MONTH"), "result", features));
        l.add(new Example("NearRepeat", in("incidents", INCIDENTS, "distanceBands", "200,400,800", "timeBands", "7,14,28",
                "permutations", 99, "seed", 1), "table", "text/csv"));
        l.add(new Example("EmergingHotSpots", in("incidents", INCIDENTS, "cellSize", 3000, "step", "MONTH"), "result", features));
        l.add(new Example("EvaluateHotspots", in("predicted", new Chained("HotSpots", in("incidents", INCIDENTS, "cellSize", 2000), "result"),
                "scoreAttribute", "GiZScore", "incidents", INCIDENTS, "priorCountAttribute", "JOIN_COUNT"), "table", "text/csv"));
        l.add(new Example("Predict", in("model", "lapd_offense", "incidents", INCIDENTS), "result", features));
        l.add(new Example("FeatureImpact", in("model", "lapd_counts", "incidents", INCIDENTS, "areas", AREAS, "feature", "PERIMETER",
                "percent", -10), "result", features));
        return l;
    }

    /** File name to Execute document; {@code lapdCsv} is the LAPD sample the inline rows are cut from. */
    public static Map<String, String> documents(Path lapdCsv) throws IOException {
        String inline = inlineCsv(lapdCsv);
        Map<String, String> docs = new LinkedHashMap<>();
        for (boolean csv : new boolean[] {false, true}) {
            for (Example e : examples(csv)) {
                String suffix = e.outputMime().equals(GEOJSON) && e.output().equals("result") ? "geojson"
                        : e.outputMime().equals(GML) ? "gml" : e.output();
                StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
                sb.append("<!-- crime:").append(e.process()).append(csv ? ": incidents as inline CSV (the first " + INLINE_ROWS
                        + " rows of test-data/lapd_sample10k.csv, slimmed), imported by a chained crime:ImportIncidents"
                        : ": incidents by reference to the WFS layer " + INCIDENTS_LAYER)
                        .append(". Generated by: java -jar target/crime-analytics.jar examples -->\n");
                execute(sb, "", e.process(), e.inputs(), e.output(), e.outputMime(), csv, inline, true);
                docs.put(e.process() + "-" + (csv ? "csv" : "wfs") + "-" + suffix + ".xml", sb.toString());
            }
        }
        // one asynchronous request: the status document to poll, the result stored as a reference, the summary inline
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<!-- crime:HotSpots, asynchronous: GeoServer answers at once with a statusLocation to poll (ProcessStarted with ")
                .append("percentCompleted, then ProcessSucceeded with the outputs; a Dismiss stops it). Generated by: java -jar ")
                .append("target/crime-analytics.jar examples -->\n");
        execute(sb, "", "HotSpots", in("incidents", new Layer(INCIDENTS_LAYER), "cellSize", 1000), "result", GEOJSON, false, inline, true, true);
        docs.put("HotSpots-async-wfs-geojson.xml", sb.toString());
        return docs;
    }

    private static void execute(StringBuilder sb, String ind, String process, Map<String, In> inputs, String output, String mime,
            boolean csv, String inline, boolean root) {
        execute(sb, ind, process, inputs, output, mime, csv, inline, root, false);
    }

    private static void execute(StringBuilder sb, String ind, String process, Map<String, In> inputs, String output, String mime,
            boolean csv, String inline, boolean root, boolean async) {
        sb.append(ind).append("<wps:Execute version=\"1.0.0\" service=\"WPS\"");
        if (root) {
            sb.append(" xmlns:wps=\"http://www.opengis.net/wps/1.0.0\" xmlns:ows=\"http://www.opengis.net/ows/1.1\"\n")
                    .append(ind).append("    xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:wfs=\"http://www.opengis.net/wfs\"\n")
                    .append(ind).append("    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n")
                    .append(ind).append("    xsi:schemaLocation=\"http://www.opengis.net/wps/1.0.0 http://schemas.opengis.net/wps/1.0.0/wpsAll.xsd\"");
        }
        sb.append(">\n");
        sb.append(ind).append("  <ows:Identifier>crime:").append(process).append("</ows:Identifier>\n");
        sb.append(ind).append("  <wps:DataInputs>\n");
        for (Map.Entry<String, In> i : inputs.entrySet()) {
            String ii = ind + "    ";
            sb.append(ii).append("<wps:Input>\n");
            sb.append(ii).append("  <ows:Identifier>").append(i.getKey()).append("</ows:Identifier>\n");
            In v = i.getValue();
            if (v instanceof Incidents) {
                if (!csv) v = new Layer(INCIDENTS_LAYER);
                else if (process.equals("ImportIncidents")) {
                    // an upload: complex data of type text/csv (GeoServer hands the process its RawData stream), as CDATA
                    sb.append(ii).append("  <wps:Data><wps:ComplexData mimeType=\"text/csv\"><![CDATA[").append(inline)
                            .append("]]></wps:ComplexData></wps:Data>\n");
                    sb.append(ii).append("</wps:Input>\n");
                    continue;
                } else {
                    v = new Chained("ImportIncidents", in("csv", INCIDENTS), "result");
                }
            }
            if (v instanceof Literal lit) {
                sb.append(ii).append("  <wps:Data><wps:LiteralData>").append(lit.value()).append("</wps:LiteralData></wps:Data>\n");
            } else if (v instanceof Layer layer) {
                sb.append(ii).append("  <wps:Reference mimeType=\"").append(GML).append("\" xlink:href=\"http://geoserver/wfs\" method=\"POST\">\n");
                sb.append(ii).append("    <wps:Body>\n");
                sb.append(ii).append("      <wfs:GetFeature service=\"WFS\" version=\"1.0.0\" outputFormat=\"GML2\">\n");
                sb.append(ii).append("        <wfs:Query typeName=\"").append(layer.typeName()).append("\"/>\n");
                sb.append(ii).append("      </wfs:GetFeature>\n");
                sb.append(ii).append("    </wps:Body>\n");
                sb.append(ii).append("  </wps:Reference>\n");
            } else if (v instanceof Chained c) {
                sb.append(ii).append("  <wps:Reference mimeType=\"").append(GML).append("\" xlink:href=\"http://geoserver/wps\" method=\"POST\">\n");
                sb.append(ii).append("    <wps:Body>\n");
                execute(sb, ii + "      ", c.process(), c.inputs(), c.output(), GML, csv, inline, false, false);
                sb.append(ii).append("    </wps:Body>\n");
                sb.append(ii).append("  </wps:Reference>\n");
            }
            sb.append(ii).append("</wps:Input>\n");
        }
        sb.append(ind).append("  </wps:DataInputs>\n");
        sb.append(ind).append("  <wps:ResponseForm>\n");
        if (root && async) {
            // asynchronous: GeoServer answers at once with a status location to poll (percentCompleted), the result
            // stored there as a reference, the summary inline
            sb.append(ind).append("    <wps:ResponseDocument storeExecuteResponse=\"true\" status=\"true\">\n");
            sb.append(ind).append("      <wps:Output asReference=\"true\" mimeType=\"").append(mime).append("\">\n");
            sb.append(ind).append("        <ows:Identifier>").append(output).append("</ows:Identifier>\n");
            sb.append(ind).append("      </wps:Output>\n");
            sb.append(ind).append("      <wps:Output mimeType=\"application/json\">\n");
            sb.append(ind).append("        <ows:Identifier>summary</ows:Identifier>\n");
            sb.append(ind).append("      </wps:Output>\n");
            sb.append(ind).append("    </wps:ResponseDocument>\n");
        } else {
            // the main output, first in every process: what GeoServer writes for a RawDataOutput (text outputs are complex
            // data of their own MIME type)
            sb.append(ind).append("    <wps:RawDataOutput mimeType=\"").append(mime).append("\">\n");
            sb.append(ind).append("      <ows:Identifier>").append(output).append("</ows:Identifier>\n");
            sb.append(ind).append("    </wps:RawDataOutput>\n");
        }
        sb.append(ind).append("  </wps:ResponseForm>\n");
        sb.append(ind).append("</wps:Execute>\n");
    }

    /** The first {@link #INLINE_ROWS} rows of the LAPD sample with the columns the importer reads. */
    static String inlineCsv(Path lapdCsv) throws IOException {
        StringWriter w = new StringWriter();
        try (Reader r = Files.newBufferedReader(lapdCsv, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build())) {
            p.printRecord((Object[]) INLINE_COLUMNS);
            int n = 0;
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                if (n++ == INLINE_ROWS) break;
                List<String> row = new ArrayList<>();
                for (String c : INLINE_COLUMNS) row.add(rec.get(c).strip().replaceAll(" {2,}", " "));
                p.printRecord(row);
            }
        }
        return "\n" + w;
    }

    /** Writes every example into {@code dir}. */
    public static void write(Path dir, Path lapdCsv) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : documents(lapdCsv).entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
    }
}
