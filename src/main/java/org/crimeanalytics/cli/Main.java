package org.crimeanalytics.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.crimeanalytics.bench.Benchmark;
import org.crimeanalytics.geo.GeoJson;
import org.crimeanalytics.io.CsvOut;
import org.crimeanalytics.process.CrimeProcessFactory;
import org.crimeanalytics.weka.WekaSupport;
import org.geotools.api.data.Parameter;
import org.geotools.api.feature.type.Name;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.feature.NameImpl;
import org.geotools.process.Process;
import org.geotools.process.ProcessException;
import org.geotools.process.ProcessFactory;
import org.geotools.process.Processors;

/**
 * The command-line runner: executes any registered {@code crime:} process on local files, the same
 * process objects GeoServer runs. Commands: {@code list}, {@code describe}, {@code run}, {@code demo},
 * {@code bench}. Errors are one line on stderr and exit code 2.
 */
public final class Main {

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * GeoTools' referencing (about a second on first use) and the JSON writer (a quarter of a second) initialised on a
     * background thread while the inputs are read, instead of on the critical path after them.
     */
    static void warmUpInBackground() {
        Thread t = new Thread(() -> {
            org.crimeanalytics.geo.Crs.warmUp();
            try {
                org.crimeanalytics.json.Json.warmUp();
            } catch (RuntimeException | LinkageError e) {
                // only a warm-up
            }
        }, "warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.setProperty("org.geotools.referencing.forceXY", "true");
        int processors = Runtime.getRuntime().availableProcessors();
        if (System.getProperty(Relaunch.CHILD) != null) {
            Relaunch.followParent();
        } else {
            String unknown = QuickJit.unknownSetting();
            if (unknown != null && args.length > 0 && args[0].equals("run")) {
                System.err.println("  CRIME_JIT / crime.jit '" + unknown + "' is neither quick nor full: the default for "
                        + processors + " processors is used");
            }
            List<String> second = Relaunch.command(args, processors);
            if (second != null) {
                int code = Relaunch.run(second);
                if (code >= 0) System.exit(code);
            }
            if (QuickJit.wanted(args, processors)) QuickJit.startInBackground();
        }
        int code = new Main(System.out, System.err).execute(args);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command; returns the exit code. */
    int execute(String[] args) {
        try {
            WekaSupport.init();
            if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
                usage();
                return args.length == 0 ? 2 : 0;
            }
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            switch (args[0]) {
                case "list" -> list();
                case "describe" -> {
                    if (rest.length >= 1 && rest[0].equals("--json")) {
                        out.println(describeJson(rest.length == 2 ? rest[1] : null));
                    } else {
                        if (rest.length == 0) list(); // which process? the list, as 'list' gives it
                        else if (rest.length != 1) throw new CliException("usage: describe crime:Name | describe --json [crime:Name]");
                        else describe(rest[0]);
                    }
                }
                case "run" -> run(rest, null);
                case "demo" -> demo(rest.length > 0 ? Paths.get(rest[0]) : Paths.get("out"));
                case "bench" -> bench(rest);
                case "styles" -> {
                    Path dir = Paths.get(rest.length > 0 ? rest[0] : "sld-styles");
                    org.crimeanalytics.style.StyleCatalog.write(dir);
                    out.println("wrote " + org.crimeanalytics.style.StyleCatalog.styles().size() + " SLD files into " + dir);
                }
                case "examples" -> {
                    Path dir = Paths.get(rest.length > 0 ? rest[0] : "resources/wps");
                    org.crimeanalytics.wps.WpsExamples.write(dir, testData().resolve("lapd_sample10k.csv"));
                    out.println("wrote " + org.crimeanalytics.wps.WpsExamples.documents(testData().resolve("lapd_sample10k.csv")).size()
                            + " WPS Execute requests into " + dir);
                }
                case "execute" -> executeRequest(rest);
                default -> throw new CliException("unknown command '" + args[0] + "' (list, describe, run, demo, bench, styles, execute, examples)");
            }
            return 0;
        } catch (CliException | ProcessException e) {
            err.println("error: " + oneLine(e.getMessage()));
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("error: " + oneLine(e.getMessage()));
            return 2;
        } catch (OutputException e) { // the run worked; its output could not be written
            err.println("error: " + oneLine(e.getMessage()));
            return 1;
        } catch (Exception e) {
            err.println("error: " + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage()));
            return 1;
        }
    }

    private static String oneLine(String s) {
        return s == null ? "(no message)" : s.replaceAll("\\s*\\R\\s*", " ");
    }

    private void usage() {
        out.println("crime-analytics: the crime: processes of gs-crime-analytics on local files");
        out.println("  list                                   the processes");
        out.println("  describe crime:Name                    inputs and outputs of a process");
        out.println("  describe --json [crime:Name]           the same for every process (or one), as JSON for tools");
        out.println("  run crime:Name key=value key=@file ... -o output=path ... [--map page.html]");
        out.println("                                         @file: CSV (.csv, .csv.gz) or GeoJSON for feature inputs,");
        out.println("                                         text for text inputs; outputs by extension:");
        out.println("                                         .geojson .csv .json .sld, rasters .tif (GeoTIFF)");
        out.println("  demo [dir]                             the pipeline on the bundled test-data, into dir (out/)");
        out.println("  bench [name args...]                   benchmarks (no name: list them)");
        out.println("  styles [dir]                           regenerate the SLD files of sld-styles/");
        out.println("  execute request.xml [--layer ns:name=file] [-o path] [--map page.html]");
        out.println("                                         run a WPS 1.0.0 Execute document locally; WFS layers");
        out.println("                                         crime:lapd_incidents and crime:lapd_divisions are the");
        out.println("                                         test-data files unless --layer says otherwise");
        out.println("  examples [dir]                         regenerate the Execute requests of resources/wps/");
    }

    static Map<Name, ProcessFactory> processes() {
        Map<Name, ProcessFactory> m = new TreeMap<>(Comparator.comparing(Name::getLocalPart));
        for (ProcessFactory f : Processors.getProcessFactories()) {
            for (Name n : f.getNames()) {
                if (CrimeProcessFactory.NAMESPACE.equals(n.getNamespaceURI())) m.put(n, f);
            }
        }
        return m;
    }

    private static Name name(String s) {
        String local = s.startsWith(CrimeProcessFactory.NAMESPACE + ":") ? s.substring(CrimeProcessFactory.NAMESPACE.length() + 1) : s;
        return new NameImpl(CrimeProcessFactory.NAMESPACE, local);
    }

    private ProcessFactory factory(Name n) {
        ProcessFactory f = processes().get(n);
        if (f == null) {
            List<String> names = new ArrayList<>();
            for (Name k : processes().keySet()) names.add("crime:" + k.getLocalPart());
            throw new CliException("no process crime:" + n.getLocalPart() + "; processes: " + names);
        }
        return f;
    }

    private void list() {
        for (Map.Entry<Name, ProcessFactory> e : processes().entrySet()) {
            out.println("crime:" + e.getKey().getLocalPart() + "\t" + e.getValue().getTitle(e.getKey()));
        }
    }

    private void describe(String processName) {
        Name n = name(processName);
        ProcessFactory f = factory(n);
        out.println("crime:" + n.getLocalPart() + " - " + f.getTitle(n));
        out.println();
        out.println(wrap(String.valueOf(f.getDescription(n)), "  "));
        out.println();
        out.println("Inputs:");
        for (Parameter<?> p : f.getParameterInfo(n).values()) describe(p);
        out.println("Outputs:");
        for (Parameter<?> p : f.getResultInfo(n, null).values()) describe(p);
    }

    /**
     * Every process (or one) as JSON, for tools that build their own dialogs (the QGIS plugin): name, title, abstract,
     * inputs (name, title, description, kind, required, multiple, default, min, max, enum values, MIME types) and
     * outputs (name, kind, MIME type). Kinds: features, raster, number, integer, boolean, enum, crs, extent, date,
     * geometry, text (a file's text, e.g. CSV), string; outputs: features, raster, json, csv, sld, string.
     */
    static String describeJson(String only) {
        List<Object> processes = new ArrayList<>();
        for (Map.Entry<Name, ProcessFactory> e : processes().entrySet()) {
            Name n = e.getKey();
            if (only != null && !only.equals("crime:" + n.getLocalPart())) continue;
            ProcessFactory f = e.getValue();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", "crime:" + n.getLocalPart());
            m.put("title", String.valueOf(f.getTitle(n)));
            m.put("abstract", String.valueOf(f.getDescription(n)));
            List<Object> in = new ArrayList<>();
            for (Parameter<?> p : f.getParameterInfo(n).values()) in.add(parameterJson(p, false));
            m.put("inputs", in);
            List<Object> outs = new ArrayList<>();
            for (Parameter<?> p : f.getResultInfo(n, null).values()) outs.add(parameterJson(p, true));
            m.put("outputs", outs);
            processes.add(m);
        }
        if (only != null && processes.isEmpty()) throw new CliException("no process " + only + " (list them with: list)");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("generator", "crime-analytics describe --json");
        doc.put("processes", processes);
        return org.crimeanalytics.json.Json.pretty(doc);
    }

    private static Map<String, Object> parameterJson(Parameter<?> p, boolean output) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.key);
        m.put("title", p.title == null ? p.key : p.title.toString());
        m.put("description", p.description == null ? "" : p.description.toString());
        Object mime = p.metadata == null ? null : p.metadata.get("mimeTypes");
        m.put("kind", kind(p.type, mime == null ? null : mime.toString(), output));
        if (!output) {
            m.put("required", p.minOccurs > 0);
            m.put("multiple", p.maxOccurs > 1);
            if (p.getDefaultValue() != null) m.put("default", String.valueOf(p.getDefaultValue()));
            if (p.metadata != null && p.metadata.get(Parameter.MIN) != null) m.put("min", p.metadata.get(Parameter.MIN));
            if (p.metadata != null && p.metadata.get(Parameter.MAX) != null) m.put("max", p.metadata.get(Parameter.MAX));
            if (p.type.isEnum()) {
                List<String> values = new ArrayList<>();
                for (Object c : p.type.getEnumConstants()) values.add(((Enum<?>) c).name());
                m.put("values", values);
            }
        }
        if (mime != null) m.put("mimeTypes", mime.toString());
        return m;
    }

    static String kind(Class<?> t, String mime, boolean output) {
        if (org.geotools.feature.FeatureCollection.class.isAssignableFrom(t)) return "features";
        if (org.geotools.coverage.grid.GridCoverage2D.class.isAssignableFrom(t)) return "raster";
        if (t == Double.class || t == Float.class || t == double.class) return "number";
        if (t == Integer.class || t == Long.class || t == int.class || t == long.class) return "integer";
        if (t == Boolean.class || t == boolean.class) return "boolean";
        if (t.isEnum()) return "enum";
        if (org.geotools.api.referencing.crs.CoordinateReferenceSystem.class.isAssignableFrom(t)) return "crs";
        if (org.geotools.geometry.jts.ReferencedEnvelope.class.isAssignableFrom(t)) return "extent";
        if (java.util.Date.class.isAssignableFrom(t)) return "date";
        if (org.locationtech.jts.geom.Geometry.class.isAssignableFrom(t)) return "geometry";
        if (mime != null) {
            if (output && mime.contains("json")) return "json";
            if (output && mime.contains("csv")) return "csv";
            if (output && mime.contains("sld")) return "sld";
            if (!output) return "text";
        }
        return "string";
    }

    private void describe(Parameter<?> p) {
        StringBuilder sb = new StringBuilder("  ").append(p.key).append(" (").append(typeName(p.type));
        sb.append(p.minOccurs > 0 ? ", required" : ", optional");
        if (p.maxOccurs > 1) sb.append(", up to ").append(p.maxOccurs == Integer.MAX_VALUE ? "many" : p.maxOccurs);
        if (p.getDefaultValue() != null) sb.append(", default ").append(p.getDefaultValue());
        if (p.metadata != null) {
            Object min = p.metadata.get(Parameter.MIN);
            Object max = p.metadata.get(Parameter.MAX);
            if (min != null || max != null) {
                sb.append(", range ").append(min == null ? "" : min).append("..").append(max == null ? "" : max);
            }
            Object mime = p.metadata.get("mimeTypes");
            if (mime != null) sb.append(", ").append(mime);
        }
        sb.append(")");
        out.println(sb);
        if (p.type.isEnum()) {
            out.println("      one of " + java.util.Arrays.toString(p.type.getEnumConstants()));
        }
        if (p.description != null) out.println(wrap(p.description.toString(), "      "));
    }

    private static String typeName(Class<?> t) {
        if (SimpleFeatureCollection.class.isAssignableFrom(t) || org.geotools.feature.FeatureCollection.class.isAssignableFrom(t)) {
            return "features";
        }
        return t.getSimpleName();
    }

    private static String wrap(String text, String indent) {
        StringBuilder sb = new StringBuilder(indent);
        int col = indent.length();
        for (String w : text.split("\\s+")) {
            if (col + w.length() + 1 > 100 && col > indent.length()) {
                sb.append('\n').append(indent);
                col = indent.length();
            } else if (col > indent.length()) {
                sb.append(' ');
                col++;
            }
            sb.append(w);
            col += w.length();
        }
        return sb.toString();
    }

    private void run(String[] args, org.crimeanalytics.html.MapPage shared) throws IOException {
        if (args.length == 0) throw new CliException("usage: run crime:Name key=value ... -o output=path ...");
        EarlyReads early = EarlyReads.start(args); // CSV inputs parsed while GeoTools starts
        try {
            run(args, shared, early);
        } finally {
            early.cancelRest();
        }
    }

    private void run(String[] args, org.crimeanalytics.html.MapPage shared, EarlyReads early) throws IOException {
        Name n = name(args[0]);
        ProcessFactory f = factory(n);
        Map<String, Parameter<?>> info = f.getParameterInfo(n);
        Map<String, String> outputs = new LinkedHashMap<>();
        Map<String, List<String>> raw = new LinkedHashMap<>();
        Path mapPath = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--map")) {
                if (++i >= args.length) throw new CliException("--map needs a path, e.g. out/map.html");
                mapPath = Paths.get(args[i]);
                continue;
            }
            if (a.equals("-o")) {
                if (++i >= args.length) throw new CliException("-o needs output=path");
                a = args[i];
                int eq = a.indexOf('=');
                if (eq <= 0) throw new CliException("-o " + a + ": expected output=path");
                outputs.put(a.substring(0, eq), a.substring(eq + 1));
                continue;
            }
            int eq = a.indexOf('=');
            if (eq <= 0) throw new CliException("'" + a + "': expected key=value");
            String key = a.substring(0, eq);
            if (!info.containsKey(key)) {
                throw new CliException("crime:" + n.getLocalPart() + " has no input '" + key + "'; inputs: " + info.keySet());
            }
            raw.computeIfAbsent(key, k -> new ArrayList<>()).add(a.substring(eq + 1));
        }
        Map<String, Parameter<?>> results = f.getResultInfo(n, null);
        for (Map.Entry<String, String> o : outputs.entrySet()) {
            if (!results.containsKey(o.getKey())) {
                throw new CliException("crime:" + n.getLocalPart() + " has no output '" + o.getKey() + "'; outputs: " + results.keySet());
            }
            checkExtension(o.getKey(), results.get(o.getKey()).type, Paths.get(o.getValue())); // before any work
            checkWritable(o.getKey(), Paths.get(o.getValue()));
        }
        ConsoleProgress progress = new ConsoleProgress("crime:" + n.getLocalPart(), err);
        Map<String, Object> inputs = new LinkedHashMap<>();
        warmUpInBackground();
        long tIn = System.nanoTime();
        // values typed on the command line first, files (@path) after: a typo in k=... is refused at once, not after
        // the incidents are read
        Map<String, Object> converted = new java.util.HashMap<>();
        for (boolean files : new boolean[] {false, true}) {
            for (Map.Entry<String, List<String>> e : raw.entrySet()) {
                if (e.getValue().stream().anyMatch(v -> v.startsWith("@")) != files) continue;
                Parameter<?> p = info.get(e.getKey());
                if (e.getValue().size() > 1 && p.maxOccurs <= 1) {
                    throw new CliException(e.getKey() + ": given " + e.getValue().size() + " times, takes one value");
                }
                List<Object> values = new ArrayList<>();
                for (String v : e.getValue()) values.add(Values.convert(p, v, progress, early));
                converted.put(e.getKey(), p.maxOccurs > 1 ? values : values.get(0));
            }
        }
        for (String key : raw.keySet()) inputs.put(key, converted.get(key)); // in the command line's order
        early.cancelRest(); // an early read nobody took stops now, not after the process
        for (Parameter<?> p : info.values()) {
            if (p.minOccurs > 0 && !inputs.containsKey(p.key)) {
                throw new CliException("crime:" + n.getLocalPart() + ": missing required input '" + p.key + "'");
            }
        }
        Process process = Processors.createProcess(n);
        long t0 = System.nanoTime();
        err.printf("  inputs read in %.2f s%n", (t0 - tIn) / 1e9);
        Map<String, Object> result = process.execute(inputs, progress);
        err.printf("  crime:%s done in %.2f s%n", n.getLocalPart(), (System.nanoTime() - t0) / 1e9);
        long tOut = System.nanoTime();
        org.crimeanalytics.html.MapPage page = mapPath != null ? new org.crimeanalytics.html.MapPage() : shared;
        if (page != null) addToPage(page, "crime:" + n.getLocalPart(), inputs, result);
        if (mapPath != null) writePage(page, mapPath, "crime:" + n.getLocalPart());
        for (Map.Entry<String, Object> e : result.entrySet()) {
            String path = outputs.get(e.getKey());
            Object v = e.getValue();
            if (path != null) {
                write(e.getKey(), v, Paths.get(path));
                err.println("  wrote " + e.getKey() + " to " + path + describeValue(v));
            } else if (v instanceof SimpleFeatureCollection fc) {
                out.println(e.getKey() + ": " + fc.size() + " features (write them with -o " + e.getKey() + "=file.geojson)");
            } else if (v instanceof org.geotools.coverage.grid.GridCoverage2D cov) {
                out.println(e.getKey() + ": " + describeValue(cov).trim() + " (write it with -o " + e.getKey() + "=file.tif)");
            } else if (v != null) {
                // a JSON summary or report is short and read at once; a style, a table or anything long is only counted
                String s = v.toString();
                boolean show = s.length() <= 4000 && !s.startsWith("<?xml") && (s.startsWith("{") || !s.contains("\n"));
                out.println(e.getKey() + ": " + (show ? s : s.length() + " characters (write with -o " + e.getKey() + "=file)"));
            }
        }
        if (!outputs.isEmpty()) err.printf("  outputs written in %.2f s%n", (System.nanoTime() - tOut) / 1e9);
    }

    /** The WFS layers the Execute examples reference, as local files. */
    static Map<String, Path> defaultLayers() {
        Map<String, Path> m = new LinkedHashMap<>();
        m.put(org.crimeanalytics.wps.WpsExamples.INCIDENTS_LAYER, testData().resolve("lapd_sample10k.csv"));
        m.put(org.crimeanalytics.wps.WpsExamples.AREAS_LAYER, testData().resolve("lapd_divisions.geojson"));
        return m;
    }

    /** A WPS executor reading WFS layers from local files (each read once) and literals like the run command. */
    static org.crimeanalytics.wps.WpsExecute executor(Map<String, Path> layers, org.geotools.api.util.ProgressListener progress) {
        Map<String, SimpleFeatureCollection> cache = new java.util.HashMap<>();
        return new org.crimeanalytics.wps.WpsExecute(type -> {
            Path file = layers.get(type);
            if (file == null) throw new CliException("no local file for the WFS layer " + type + "; give --layer " + type + "=file");
            return cache.computeIfAbsent(type, t -> Values.features("layer " + t, file, progress));
        }, (p, text) -> Values.literal(p, text), progress);
    }

    private void executeRequest(String[] args) throws IOException {
        if (args.length == 0) throw new CliException("usage: execute request.xml [--layer ns:name=file] [-o path] [--map page.html]");
        Path request = Paths.get(args[0]);
        Map<String, Path> layers = defaultLayers();
        Path output = null, mapPath = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) throw new CliException(a + " needs a value");
            switch (a) {
                case "--layer" -> {
                    String v = args[++i];
                    int eq = v.indexOf('=');
                    if (eq <= 0) throw new CliException("--layer " + v + ": expected ns:name=file");
                    layers.put(v.substring(0, eq), Paths.get(v.substring(eq + 1)));
                }
                case "-o" -> output = Paths.get(args[++i]);
                case "--map" -> mapPath = Paths.get(args[++i]);
                default -> throw new CliException("'" + a + "': expected --layer, -o or --map");
            }
        }
        if (!Files.isRegularFile(request)) throw new CliException("request: no such file: " + request);
        ConsoleProgress progress = new ConsoleProgress("execute " + request.getFileName(), err);
        long t0 = System.nanoTime();
        org.crimeanalytics.wps.WpsExecute.Output o = executor(layers, progress).run(Files.readString(request, StandardCharsets.UTF_8));
        err.printf("  %s done in %.2f s%n", o.process(), (System.nanoTime() - t0) / 1e9);
        Object v = o.value();
        if (mapPath != null) {
            org.crimeanalytics.html.MapPage page = new org.crimeanalytics.html.MapPage();
            addToPage(page, o.process(), Map.of(), o.all());
            writePage(page, mapPath, o.process());
        }
        if (output == null) {
            String text = v instanceof SimpleFeatureCollection fc ? fc.size() + " features (write them with -o file.geojson)"
                    : v == null ? "(none)" : v.toString().length() <= 4000 ? v.toString() : v.toString().length() + " characters (write with -o file)";
            out.println(o.identifier() + " (" + o.mimeType() + "): " + text);
            return;
        }
        if (v instanceof SimpleFeatureCollection fc && o.mimeType().equals(org.crimeanalytics.wps.WpsExamples.GML)
                && !output.toString().endsWith(".geojson")) {
            throw new CliException("-o: GeoServer encodes GML; the local runner writes features as .geojson or .csv");
        }
        write(o.identifier(), v, output);
        err.println("  wrote " + o.identifier() + " to " + output + describeValue(v));
    }

    /** Adds a run's feature outputs (over its area input) and temporal charts to a page. */
    static void addToPage(org.crimeanalytics.html.MapPage page, String process, Map<String, Object> inputs, Map<String, Object> result)
            throws IOException {
        SimpleFeatureCollection base = inputs.get("areas") instanceof SimpleFeatureCollection a ? a
                : inputs.get("studyArea") instanceof SimpleFeatureCollection sa ? sa : null;
        for (Map.Entry<String, Object> e : result.entrySet()) {
            if (!(e.getValue() instanceof SimpleFeatureCollection fc)) continue;
            String styleKey = e.getKey().equals("result") ? "style" : e.getKey() + "Style";
            Object sld = result.get(styleKey);
            SimpleFeatureCollection under = fc == base ? null : base;
            page.addLayer(process + " - " + e.getKey(), fc, sld instanceof String s ? s : null, under);
        }
        if (result.get("matrix") instanceof String m) page.addMatrix(process + " - incidents by hour and weekday", m);
        if (result.get("series") instanceof String s) page.addSeries(process + " - incidents per period with trend", s);
    }

    private void writePage(org.crimeanalytics.html.MapPage page, Path path, String title) throws IOException {
        if (path.getParent() != null) Files.createDirectories(path.getParent());
        try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            page.write(w, title);
        }
        err.println("  wrote map page " + path);
    }

    private static String describeValue(Object v) {
        if (v instanceof org.geotools.coverage.grid.GridCoverage2D cov) {
            java.awt.image.RenderedImage img = cov.getRenderedImage();
            return " (raster of " + img.getWidth() + " x " + img.getHeight() + " cells)";
        }
        return v instanceof SimpleFeatureCollection fc ? " (" + fc.size() + " features)" : "";
    }

    /** An output path whose extension cannot hold the output's kind is refused before the process runs. */
    static void checkExtension(String key, Class<?> type, Path path) {
        String ext = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (org.geotools.feature.FeatureCollection.class.isAssignableFrom(type)
                && !(ext.endsWith(".geojson") || ext.endsWith(".json") || ext.endsWith(".csv"))) {
            throw new CliException("-o " + key + ": features are written as .geojson, .json or .csv, not " + path);
        }
        if (org.geotools.coverage.grid.GridCoverage2D.class.isAssignableFrom(type) && !(ext.endsWith(".tif") || ext.endsWith(".tiff"))) {
            throw new CliException("-o " + key + ": a raster is written as a GeoTIFF (.tif), not " + path);
        }
    }

    /**
     * Refuses, before any work, an output path that cannot be written: a folder, a read-only file, or a path whose
     * nearest existing folder is read-only or is a file (the writer creates missing folders).
     */
    static void checkWritable(String key, Path path) {
        Path p = path.toAbsolutePath();
        if (Files.isDirectory(p)) throw new CliException("-o " + key + ": " + path + " is a folder, not a file");
        if (Files.exists(p)) {
            if (!Files.isWritable(p)) throw new CliException("-o " + key + ": cannot write " + path + " (the file is read-only)");
            return;
        }
        Path dir = p.getParent();
        while (dir != null && !Files.exists(dir)) dir = dir.getParent();
        if (dir == null) return;
        if (!Files.isDirectory(dir)) throw new CliException("-o " + key + ": cannot write " + path + " (" + dir + " is a file)");
        if (!Files.isWritable(dir)) throw new CliException("-o " + key + ": cannot write " + path + " (folder " + dir + " is read-only)");
    }

    /**
     * The output file being written: removed (a link's target emptied) when the run is stopped or fails before the file
     * is complete, since a GeoJSON or CSV cut short at a line end looks whole.
     */
    private static final java.util.concurrent.atomic.AtomicReference<Path> WRITING = new java.util.concurrent.atomic.AtomicReference<>();
    private static final java.util.concurrent.atomic.AtomicBoolean CLEANUP_HOOK = new java.util.concurrent.atomic.AtomicBoolean();

    static void write(String key, Object v, Path path) throws IOException {
        if (CLEANUP_HOOK.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                Path p = WRITING.getAndSet(null);
                if (p != null && removePartial(p)) System.err.println("  stopped while writing " + p + ": the partial file was removed");
            }, "partial-output"));
        }
        WRITING.set(path);
        boolean done = false;
        try {
            writeFile(key, v, path);
            done = true;
        } catch (IOException e) { // the disk full, a link to a device that refuses: said of the output
            throw new OutputException("-o " + key + "=" + path + ": " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
        } finally {
            if (WRITING.getAndSet(null) != null && !done) removePartial(path);
        }
    }

    /** An output that could not be written, its message naming it ({@code -o key=path: why}). */
    static final class OutputException extends IOException {
        OutputException(String message, IOException cause) {
            super(message, cause);
        }
    }

    /**
     * Removes a partly written output (a link stays, its regular file target emptied); whether something was removed.
     * Only regular files: a device, a pipe or a terminal named as an output (/dev/full, /dev/stdout) is left as it is
     * (run as root, deleting /dev/full removed the device).
     */
    static boolean removePartial(Path p) {
        try {
            if (!Files.isRegularFile(p)) return false; // through a link: its target
            if (Files.isSymbolicLink(p)) {
                try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.WRITE)) {
                    ch.truncate(0);
                }
                return true;
            }
            return Files.deleteIfExists(p);
        } catch (IOException e) {
            return false;
        }
    }

    private static void writeFile(String key, Object v, Path path) throws IOException {
        if (path.getParent() != null) Files.createDirectories(path.getParent());
        String ext = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (v instanceof org.geotools.coverage.grid.GridCoverage2D cov) {
            if (!ext.endsWith(".tif") && !ext.endsWith(".tiff")) {
                throw new CliException("-o " + key + ": a raster is written as a GeoTIFF (.tif), not " + path);
            }
            // the writer opens the file for random access without truncating it: over a larger file, the old file's
            // tail would stay behind the new image. Truncated in place (a link, its permissions and owner kept)
            if (Files.isRegularFile(path)) {
                try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(path, java.nio.file.StandardOpenOption.WRITE)) {
                    ch.truncate(0);
                }
            }
            org.geotools.gce.geotiff.GeoTiffWriter gw = new org.geotools.gce.geotiff.GeoTiffWriter(path.toFile());
            try {
                gw.write(cov, null);
            } finally {
                gw.dispose();
            }
            return;
        }
        if (v instanceof SimpleFeatureCollection fc && (ext.endsWith(".geojson") || ext.endsWith(".json") || ext.endsWith(".csv"))) {
            try (java.io.OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
                if (ext.endsWith(".csv")) CsvOut.write(fc, o); // both encoded as UTF-8 a chunk at a time
                else GeoJson.write(fc, o);
            }
            return;
        }
        try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            if (v instanceof SimpleFeatureCollection) {
                throw new CliException("-o " + key + ": features are written as .geojson, .json or .csv, not " + path);
            } else {
                w.write(v == null ? "" : v.toString());
            }
        }
    }

    private void demo(Path dir) throws IOException {
        Path data = testData();
        Files.createDirectories(dir);
        out.println("demo: test data from " + data + ", outputs into " + dir);
        List<String> lines = new ArrayList<>();
        try (InputStream in = Main.class.getResourceAsStream("demo.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) lines.add(l);
        }
        int step = 0;
        String pendingTitle = null;
        org.crimeanalytics.html.MapPage page = new org.crimeanalytics.html.MapPage();
        Path shared = org.crimeanalytics.bench.BenchSupport.sharedData();
        if (!Files.isDirectory(shared.resolve("chicago"))) shared = null;
        for (String l : lines) {
            String t = l.trim();
            if (t.isEmpty()) continue;
            if (t.startsWith("#")) {
                pendingTitle = t.substring(1).trim();
                continue;
            }
            step++;
            if (t.contains("${shared}") && shared == null) {
                out.println();
                out.println("== " + step + ". " + (pendingTitle == null ? "" : pendingTitle));
                out.println("   skipped: the shared real data (../shared/data) is not beside the project");
                pendingTitle = null;
                continue;
            }
            String cmd = t.replace("${data}", data.toString()).replace("${out}", dir.toString())
                    .replace("${shared}", shared == null ? "" : shared.toString());
            out.println();
            out.println("== " + step + ". " + (pendingTitle == null ? "" : pendingTitle));
            out.println("   run " + cmd);
            pendingTitle = null;
            List<String> tokens = tokens(cmd);
            run(tokens.toArray(new String[0]), page);
        }
        writePage(page, dir.resolve("map.html"), "gs-crime-analytics demo");
        out.println();
        out.println("demo: " + step + " steps done; outputs in " + dir.toAbsolutePath().normalize());
    }

    /** Splits on spaces, keeping "double-quoted parts" together. */
    static List<String> tokens(String s) {
        List<String> t = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean q = false;
        boolean any = false;
        for (char c : s.toCharArray()) {
            if (c == '"') {
                q = !q;
                any = true;
            } else if (c == ' ' && !q) {
                if (any) t.add(cur.toString());
                cur.setLength(0);
                any = false;
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (any) t.add(cur.toString());
        return t;
    }

    /** The project's test-data directory: ./test-data, or next to the jar's target directory. */
    static Path testData() {
        Path local = Paths.get("test-data");
        if (Files.isDirectory(local)) return local;
        try {
            Path jar = Paths.get(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path p = jar.getParent().resolve("../test-data").normalize();
            if (Files.isDirectory(p)) return p;
        } catch (Exception ignored) {
            // fall through to the error below
        }
        throw new CliException("test-data directory not found: run the demo from the project directory");
    }

    private void bench(String[] args) throws Exception {
        Map<String, Benchmark> all = new TreeMap<>();
        for (Benchmark b : ServiceLoader.load(Benchmark.class)) all.put(b.name(), b);
        if (args.length == 0) {
            out.println("benchmarks (run: bench NAME [args]):");
            for (Benchmark b : all.values()) out.println("  " + b.name() + "\t" + b.description());
            return;
        }
        Benchmark b = all.get(args[0]);
        if (b == null) throw new CliException("no benchmark '" + args[0] + "'; benchmarks: " + all.keySet());
        b.run(java.util.Arrays.copyOfRange(args, 1, args.length), out);
    }
}
