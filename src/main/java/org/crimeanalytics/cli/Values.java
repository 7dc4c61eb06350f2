package org.crimeanalytics.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.crimeanalytics.geo.Crs;
import org.crimeanalytics.geo.GeoJson;
import org.crimeanalytics.geo.IncidentCollection;
import org.crimeanalytics.ingest.IncidentIngest;
import org.crimeanalytics.io.Inputs;
import org.crimeanalytics.process.ImportIncidentsProcess;
import org.geotools.api.data.Parameter;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.util.ProgressListener;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.feature.FeatureCollection;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.util.Converters;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Converts command-line values to process inputs, the way GeoServer's WPS converts literal inputs. */
final class Values {

    private Values() {}

    static Object convert(Parameter<?> p, String raw, ProgressListener progress) {
        return convert(p, raw, progress, null);
    }

    /** As {@link #convert(Parameter, String, ProgressListener)}, taking a CSV read already under way in {@code early}. */
    static Object convert(Parameter<?> p, String raw, ProgressListener progress, EarlyReads early) {
        Class<?> type = p.type;
        if (early != null && raw.startsWith("@") && FeatureCollection.class.isAssignableFrom(type)) {
            IncidentIngest.Result r = early.take(raw, progress);
            if (r != null) {
                String name = isGlob(raw) ? raw.substring(1) : Path.of(raw.substring(1)).getFileName().toString();
                return told(ImportIncidentsProcess.finishRead(r, name, progress), name);
            }
        }
        if (raw.startsWith("@") && isGlob(raw) && FeatureCollection.class.isAssignableFrom(type)) { // a glob
            return glob(p.key, raw.substring(1), progress);
        }
        if (raw.startsWith("@")) {
            Path file = Path.of(raw.substring(1));
            if (!Files.isRegularFile(file)) throw new CliException(p.key + ": no such file: " + file);
            if (FeatureCollection.class.isAssignableFrom(type)) {
                Object tree = early == null ? null : early.takeJson(raw);
                if (tree != null) {
                    try {
                        return GeoJson.read(tree, file.getFileName().toString().replaceAll("\\.(geo)?json$", ""));
                    } catch (IllegalArgumentException e) {
                        throw new CliException(p.key + ": " + file + ": " + e.getMessage());
                    }
                }
                return features(p.key, file, progress);
            }
            String text = readText(p.key, file);
            if (type == String.class) return text;
            raw = text.trim();
        }
        return literal(p, raw);
    }

    /** Reads a file as features: GeoJSON, or CSV (.csv, .csv.gz, .txt) through incident ingestion. */
    static SimpleFeatureCollection features(String key, Path file, ProgressListener progress) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".geojson") || name.endsWith(".json")) return GeoJson.read(file);
            if (name.endsWith(".shp")) {
                SimpleFeatureCollection shp = org.crimeanalytics.geo.ShapefileFeatures.read(file);
                Class<?> g = shp.getSchema().getGeometryDescriptor() == null ? null : shp.getSchema().getGeometryDescriptor().getType().getBinding();
                if (!key.equals("incidents") || g == null || !org.locationtech.jts.geom.Puntal.class.isAssignableFrom(g)) return shp;
                // points given as incidents: the same cleaning as a CSV export (duplicates, placeholders, dates), reported
                try {
                    return told(ImportIncidentsProcess.ingestLayer(shp, file.getFileName().toString(), progress), file.getFileName().toString());
                } catch (org.geotools.process.ProcessException e) {
                    throw new CliException(key + ": " + e.getMessage());
                }
            }
            return ingest(key, List.of(file), file.getFileName().toString(), progress);
        } catch (IOException e) {
            throw new CliException(key + ": cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CliException(key + ": " + file + ": " + e.getMessage());
        }
    }

    /** Several CSV files matching a glob (crimes_201*.csv.gz, chicago_201?_01.csv.gz), ingested in name order into one layer. */
    static SimpleFeatureCollection glob(String key, String pattern, ProgressListener progress) {
        List<Path> files;
        try {
            files = globbed(pattern);
        } catch (IOException e) {
            throw new CliException(key + ": cannot list " + directory(pattern) + ": " + e.getMessage());
        }
        if (files.isEmpty()) throw new CliException(key + ": no file matches " + pattern);
        for (Path f : files) {
            if (!isCsv(f)) {
                throw new CliException(key + ": " + pattern + ": a file pattern reads CSV files (.csv, .csv.gz, .txt, .tsv) only, and " + f
                        + " is not one; give one file per run, or merge the files first");
            }
        }
        return ingest(key, files, pattern, progress);
    }

    /** Whether a value names files by a glob ({@code *}, {@code ?}, {@code [...]}, {@code {...}}). */
    static boolean isGlob(String pattern) {
        return pattern.matches(".*[*?\\[{].*");
    }

    /** The files a glob matches in its directory, in name order. */
    static List<Path> globbed(String pattern) throws IOException {
        java.nio.file.PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + Path.of(pattern).getFileName());
        List<Path> files = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> s = Files.list(directory(pattern))) {
            s.filter(f -> m.matches(f.getFileName())).sorted().forEach(files::add);
        }
        return files;
    }

    private static Path directory(String pattern) {
        Path p = Path.of(pattern);
        return p.getParent() == null ? Path.of(".") : p.getParent();
    }

    /** Whether a file is a CSV of incidents by its name: .csv, .csv.gz, .txt, .tsv. */
    static boolean isCsv(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".csv.gz") || n.endsWith(".txt") || n.endsWith(".tsv");
    }

    /**
     * CSV files (one export) through incident ingestion on all cores, duplicates settled across files; an input that
     * cannot be read is refused naming the parameter and the file ({@code incidents: empty.csv: the CSV input is empty}).
     */
    static SimpleFeatureCollection ingest(String key, List<Path> files, String name, ProgressListener progress) {
        IncidentIngest.Result r;
        try {
            r = ImportIncidentsProcess.ingestFiles(files, name, ImportIncidentsProcess.options(null, null, null, null, null, null), progress);
        } catch (org.geotools.process.ProcessException e) {
            throw new CliException(key + ": " + e.getMessage());
        }
        return told(r, name);
    }

    /** A read's one-line report printed, the read as features. */
    private static SimpleFeatureCollection told(IncidentIngest.Result r, String name) {
        report(name, r);
        return new IncidentCollection(r.table());
    }

    /** The one console line of an ingestion: rows read, incidents, rejections by reason, format. */
    static void report(String name, IncidentIngest.Result r) {
        Map<String, Object> by = new java.util.LinkedHashMap<>();
        for (org.crimeanalytics.ingest.Reason reason : org.crimeanalytics.ingest.Reason.values()) {
            if (r.report().rejected(reason) > 0) by.put(reason.key(), r.report().rejected(reason));
        }
        System.err.printf("  %s: %,d rows read, %,d incidents, %,d rejected %s (%s)%n", name, r.report().rowsRead(),
                r.report().accepted(), r.report().rejected(), by, r.format());
    }

    static String readText(String key, Path file) {
        try (InputStream in = Inputs.open(file, null)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(key + ": cannot read " + file + ": " + e.getMessage());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object literal(Parameter<?> p, String raw) {
        Class<?> type = p.type;
        String v = raw.trim();
        if (type == String.class) return raw;
        if (type.isEnum()) {
            for (Object c : type.getEnumConstants()) {
                if (((Enum) c).name().equalsIgnoreCase(v)) return c;
            }
            throw new CliException(p.key + ": '" + raw + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
        if (CoordinateReferenceSystem.class.isAssignableFrom(type)) {
            try {
                return Crs.decode(v, p.key);
            } catch (RuntimeException e) {
                throw new CliException(e.getMessage());
            }
        }
        if (ReferencedEnvelope.class.isAssignableFrom(type) || org.geotools.api.geometry.Bounds.class.isAssignableFrom(type)) {
            String[] parts = v.split(",", 5); // a WKT CRS has commas of its own
            if (parts.length != 4 && parts.length != 5) {
                throw new CliException(p.key + ": expected minx,miny,maxx,maxy[,CRS] but got '" + raw + "'");
            }
            try {
                double[] c = new double[4];
                for (int i = 0; i < 4; i++) c[i] = Double.parseDouble(parts[i].trim());
                CoordinateReferenceSystem crs = parts.length == 5 ? Crs.decode(parts[4], p.key) : Crs.wgs84();
                if (parts.length == 5) Crs.checkLatitudes(crs, p.key, parts[4], c);
                return new ReferencedEnvelope(c[0], c[2], c[1], c[3], crs);
            } catch (NumberFormatException e) {
                throw new CliException(p.key + ": not numbers in '" + raw + "'");
            }
        }
        if (Geometry.class.isAssignableFrom(type)) {
            try {
                return new WKTReader().read(v);
            } catch (ParseException e) {
                throw new CliException(p.key + ": not WKT: " + e.getMessage());
            }
        }
        if (FeatureCollection.class.isAssignableFrom(type)) {
            throw new CliException(p.key + ": give a file with @path (GeoJSON or CSV)");
        }
        if (type == java.util.Date.class) {
            // as the incidents' floating local times: the wall-clock date and time as written
            long t = org.crimeanalytics.ingest.FastDates.parse(v.trim(), org.crimeanalytics.ingest.FastDates.DateOrder.MDY, null, null);
            if (t == org.crimeanalytics.ingest.FastDates.INVALID || !v.trim().matches("\\d{4}-.*")) {
                throw new CliException(p.key + ": not a date: '" + raw + "' (write yyyy-MM-dd or yyyy-MM-ddTHH:mm)");
            }
            return new java.util.Date(t);
        }
        Object out = Converters.convert(v, type);
        if (out == null) {
            throw new CliException(p.key + ": cannot convert '" + raw + "' to " + type.getSimpleName());
        }
        return out;
    }
}
