package org.crimeanalytics.process;

import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.crimeanalytics.geo.Crs;
import org.crimeanalytics.geo.FeatureRows;
import org.crimeanalytics.geo.IncidentCollection;
import org.crimeanalytics.ingest.CsvRowSource;
import org.crimeanalytics.ingest.FastDates;
import org.crimeanalytics.ingest.IncidentIngest;
import org.crimeanalytics.ingest.IngestException;
import org.crimeanalytics.ingest.RowSource;
import org.crimeanalytics.ingest.SourceFormat;
import org.crimeanalytics.io.Inputs;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.api.util.ProgressListener;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.process.ProcessException;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;
import org.geotools.text.Text;

/**
 * {@code crime:ImportIncidents}: crime exports (CSV text) or any point layer into canonical incident
 * points in EPSG:4326, with a JSON report accounting for every row.
 */
@DescribeProcess(
        title = "Import crime incidents",
        description = "Turns a police export (CSV text) or any point layer into clean incident points in EPSG:4326 "
                + "with one schema (incident_id, occurred, time_precision, reported, offense_code, offense, "
                + "offense_detail, category = violent|property|drugs|other, premise, weapon, area, area_name, "
                + "victim_age, source_line). Recognises the LAPD (2010-2019, 2020-present, NIBRS offenses), Chicago, NYPD "
                + "complaints, San Francisco 2018-present, UK police, Toronto and Vancouver exports by their header, and "
                + "reads any other city's export by column synonyms checked against the values: latitude/longitude, "
                + "projected x/y (with srcCrs), or one location column ('(lat, lon)' or 'POINT (lon lat)'); dates with "
                + "their day/month order read from the values (an ambiguous column is refused: give dateOrder), separate "
                + "time or hour columns, zones kept as written or converted to timeZone; ids and per-offense keys for "
                + "duplicates; categories from NIBRS or FBI codes or the offense words. Rows without coordinates, at "
                + "Null Island (0,0), outside the extent, with an unparseable date, duplicates, broken rows, placeholder "
                + "locations and lone far outliers are rejected and counted by reason in 'report', with their first line "
                + "numbers; 'report' also says which column gave each field and how it was parsed. Times are the source's "
                + "local wall-clock times.")
public class ImportIncidentsProcess {

    /** Which export the input is; AUTO detects it from the header. */
    public enum Format {
        AUTO, LAPD, LAPD_NIBRS, CHICAGO, NYPD, SAN_FRANCISCO, UK_POLICE, TORONTO, VANCOUVER, CANONICAL, GENERIC
    }

    @DescribeResults({
        @DescribeResult(name = "result", type = SimpleFeatureCollection.class,
                description = "Incident points in EPSG:4326 (longitude, latitude) with the canonical attributes"),
        @DescribeResult(name = "style", type = String.class, meta = {"mimeTypes=application/vnd.ogc.sld+xml"},
                description = "SLD 1.0.0 colouring the incidents by offense category (sld-styles/crime_incidents.sld)"),
        @DescribeResult(name = "report", type = String.class, meta = {"mimeTypes=application/json"},
                description = "JSON: format detected, columns used, rows read, accepted, rejected by reason with "
                        + "the first line numbers (or feature ids)")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "csv", min = 0, meta = {"mimeTypes=text/csv,text/plain"},
                    description = "CSV text with a header row (comma, semicolon, tab or pipe separated)")
                    String csv,
            @DescribeParameter(name = "features", min = 0,
                    description = "A point layer to import instead of CSV text (its attributes are mapped like "
                            + "CSV columns; the geometry gives the coordinates)")
                    SimpleFeatureCollection features,
            @DescribeParameter(name = "format", min = 0, defaultValue = "AUTO",
                    description = "AUTO (detect from the header), or one of the recognised exports: LAPD, LAPD_NIBRS, CHICAGO, "
                            + "NYPD, SAN_FRANCISCO, UK_POLICE, TORONTO, VANCOUVER, CANONICAL (this project's own incidents), GENERIC")
                    Format format,
            @DescribeParameter(name = "columns", min = 0,
                    description = "Column mapping overrides: field=Column Name;field=Column Name, fields: id, row_key, date, "
                            + "time, hour, year, month, day, minute, reported, lat, lon, x, y, location, offense_code, offense, "
                            + "offense_detail, nibrs_code, fbi_code, category_key, premise, weapon, area, area_name, victim_age")
                    String columns,
            @DescribeParameter(name = "srcCrs", min = 0,
                    description = "CRS of x/y columns holding projected coordinates (e.g. EPSG:3435)")
                    CoordinateReferenceSystem srcCrs,
            @DescribeParameter(name = "extent", min = 0,
                    description = "Keep only incidents inside this envelope (default: the source's plausible extent)")
                    ReferencedEnvelope extent,
            @DescribeParameter(name = "dateFormat", min = 0,
                    description = "java.time pattern for dates the importer does not recognise (e.g. dd.MM.yyyy HH:mm)")
                    String dateFormat,
            @DescribeParameter(name = "dateOrder", min = 0,
                    description = "DMY (day first) or MDY (month first) for dates like 03/04/2023, when the values do not "
                            + "show it (the importer refuses to guess); default: the export's, or inferred from the values")
                    FastDates.DateOrder dateOrder,
            @DescribeParameter(name = "timeZone", min = 0,
                    description = "Time zone of the incidents (e.g. America/Chicago): values written with a zone (Z, +00, "
                            + "-06:00) are converted to its wall-clock time; default: kept as written, with a warning for UTC values")
                    String timeZone,
            @DescribeParameter(name = "screenLocations", min = 0, defaultValue = "true",
                    description = "Reject placeholder locations (a pole, or one coordinate shared by several rows far from the "
                            + "others) and lone incidents far from all the others, each counted by reason")
                    Boolean screenLocations,
            @DescribeParameter(name = "keepColumns", min = 0,
                    description = "Comma-separated source columns to keep as extra text attributes (names "
                            + "normalised to lower_case_with_underscores)")
                    String keepColumns,
            @DescribeParameter(name = "useCentroids", min = 0, defaultValue = "false",
                    description = "For a layer input: use centroids of non-point geometries instead of failing")
                    Boolean useCentroids,
            ProgressListener monitor)
            throws ProcessException {
        if ((csv == null || csv.isBlank()) == (features == null)) {
            throw new ProcessException(csv != null && features != null
                    ? "csv, features: give one input, not both"
                    : csv != null ? "csv: the input is empty (not even a header line)"
                    : "csv: no input; give CSV text in 'csv' or a point layer in 'features'");
        }
        IncidentIngest.Options o = options(format, columns, srcCrs, extent, dateFormat, keepColumns);
        o.dateOrder = dateOrder;
        o.timeZone = zone(timeZone);
        if (screenLocations != null) o.screenLocations = screenLocations;
        if (features != null) {
            IncidentIngest.Result r = run(new FeatureRows(features, Boolean.TRUE.equals(useCentroids), "features"),
                    o, "features", monitor, null, -1);
            return outputs(nonEmpty(r, org.crimeanalytics.geo.LayerChecks.empty("features").getMessage()));
        }
        AtomicLong consumed = new AtomicLong();
        InputStream in = Inputs.utf8(csv, consumed);
        return outputs(nonEmpty(ingest(in, "csv", o, monitor, consumed, csv.length()), "csv: a header line and no rows"));
    }

    /** An import of no row at all is refused (an empty export, or the wrong file), not returned as an empty layer. */
    private static IncidentIngest.Result nonEmpty(IncidentIngest.Result r, String message) {
        if (r.report().rowsRead() == 0) throw new ProcessException(message);
        return r;
    }

    /**
     * The process with its CSV read from a stream (GeoServer's WPS upload, see {@link GeoServerWps}); the other inputs
     * by name as the process takes them.
     */
    static Map<String, Object> executeStream(InputStream csv, Map<String, Object> in, ProgressListener monitor) {
        if (in.get("features") != null) throw new ProcessException("csv, features: give one input, not both");
        IncidentIngest.Options o = options(as(in, "format", Format.class), as(in, "columns", String.class),
                as(in, "srcCrs", CoordinateReferenceSystem.class), as(in, "extent", ReferencedEnvelope.class),
                as(in, "dateFormat", String.class), as(in, "keepColumns", String.class));
        o.dateOrder = as(in, "dateOrder", FastDates.DateOrder.class);
        o.timeZone = zone(as(in, "timeZone", String.class));
        Boolean screen = as(in, "screenLocations", Boolean.class);
        if (screen != null) o.screenLocations = screen;
        return outputs(nonEmpty(ingest(csv, "csv", o, monitor, null, -1), "csv: a header line and no rows"));
    }

    /** An input converted to its declared type as GeoTools converts process inputs; an error names it. */
    private static <T> T as(Map<String, Object> in, String key, Class<T> type) {
        Object v = in.get(key);
        if (v == null) return null;
        T t = org.geotools.util.Converters.convert(v, type);
        if (t == null) throw new ProcessException(key + ": cannot use '" + v + "' as " + type.getSimpleName());
        return t;
    }

    /** A time zone parameter, or null. */
    static java.time.ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) return null;
        try {
            return java.time.ZoneId.of(timeZone.trim());
        } catch (java.time.DateTimeException e) {
            throw new ProcessException("timeZone: '" + timeZone + "' is not a time zone (give a region such as America/Chicago)");
        }
    }

    /** Builds ingestion options from the process parameters, validating them. */
    public static IncidentIngest.Options options(Format format, String columns, CoordinateReferenceSystem srcCrs,
            ReferencedEnvelope extent, String dateFormat, String keepColumns) {
        IncidentIngest.Options o = new IncidentIngest.Options();
        if (format != null && format != Format.AUTO) o.format = SourceFormat.valueOf(format.name());
        try {
            o.columns.putAll(IncidentIngest.parseColumns(columns));
        } catch (IngestException e) {
            throw new ProcessException(e.getMessage());
        }
        if (extent != null) {
            if (extent.isEmpty()) throw new ProcessException("extent: the envelope is empty");
            ReferencedEnvelope e = extent;
            if (e.getCoordinateReferenceSystem() != null && !Crs.isLonLatWgs84(e.getCoordinateReferenceSystem())) {
                try {
                    e = e.transform(Crs.wgs84(), true);
                } catch (Exception ex) {
                    throw new ProcessException("extent: cannot convert to longitude/latitude: " + ex.getMessage());
                }
            }
            o.extent = new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()};
        }
        if (dateFormat != null && !dateFormat.isBlank()) {
            try {
                o.datePattern = DateTimeFormatter.ofPattern(dateFormat.trim(), Locale.ROOT);
                o.datePatternText = dateFormat.trim();
            } catch (IllegalArgumentException e) {
                throw new ProcessException("dateFormat: '" + dateFormat + "' is not a valid pattern: " + e.getMessage());
            }
        }
        if (keepColumns != null) {
            for (String k : keepColumns.split(",")) if (!k.isBlank()) o.keepColumns.add(k.trim());
        }
        if (srcCrs != null) o.xyConverter = converter(srcCrs, "srcCrs");
        o.converterFor = code -> converter(Crs.decode(code, "srcCrs"), "srcCrs");
        return o;
    }

    /** Projected x/y to lon/lat degrees. */
    static IncidentIngest.XyConverter converter(CoordinateReferenceSystem crs, String param) {
        MathTransform t = Crs.transform(crs, Crs.wgs84(), param);
        return (x, y, ll) -> {
            ll[0] = x;
            ll[1] = y;
            try {
                t.transform(ll, 0, ll, 0, 1);
                return Double.isFinite(ll[0]) && Double.isFinite(ll[1]);
            } catch (TransformException e) {
                return false;
            }
        };
    }

    /**
     * Ingests a CSV byte stream (the command line streams files through this without reading them
     * whole). {@code consumed}/{@code total} drive progress when known.
     */
    public static IncidentIngest.Result ingest(InputStream in, String name, IncidentIngest.Options o,
            ProgressListener monitor, AtomicLong consumed, long total) {
        try {
            return run(new CsvRowSource(in), o, name, monitor, consumed, total);
        } catch (IOException e) {
            throw new ProcessException(name + ": cannot read the input: " + e.getMessage(), e);
        } catch (IngestException e) {
            throw new ProcessException(name + ": " + e.getMessage());
        }
    }

    /**
     * Ingests one or more files (same export) on all cores: an uncompressed file is cut into parts read in
     * parallel, several files are read one per thread, duplicates settled across all (see
     * {@link org.crimeanalytics.ingest.ParallelIngest}). The command line reads its CSV inputs this way.
     */
    public static IncidentIngest.Result ingestFiles(java.util.List<java.nio.file.Path> files, String name,
            IncidentIngest.Options o, ProgressListener monitor) {
        long total = 0;
        try {
            for (java.nio.file.Path f : files) total += java.nio.file.Files.size(f);
        } catch (IOException e) {
            throw new ProcessException(name + ": cannot read the input: " + e.getMessage(), e);
        }
        AtomicLong consumed = new AtomicLong();
        if (monitor != null) {
            monitor.started();
            monitor.setTask(Text.text("Reading incidents"));
        }
        final long size = total;
        Thread pump = null;
        if (monitor != null && size > 0) { // progress from the bytes read, while the parts are parsed in parallel
            pump = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        monitor.progress(Math.min(99f, 100f * consumed.get() / size));
                        Thread.sleep(250);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    // a dismissed request: the parse notices through isCanceled
                }
            }, "ingest-progress");
            pump.setDaemon(true);
            pump.start();
        }
        try {
            IncidentIngest.Result r = org.crimeanalytics.ingest.ParallelIngest.read(files, name, new IncidentIngest(o), o,
                    Runtime.getRuntime().availableProcessors(), Inputs::open, () -> monitor != null && monitor.isCanceled(), consumed);
            return finishRead(r, name, monitor);
        } catch (CancellationException | IngestException | IOException e) {
            throw failure(e, name);
        } finally {
            if (pump != null) pump.interrupt();
        }
    }

    /** A read table trimmed, its mapping and warnings told to the monitor (the console prints them). */
    public static IncidentIngest.Result finishRead(IncidentIngest.Result r, String name, ProgressListener monitor) {
        r.table().trim();
        if (monitor != null) {
            for (String l : r.mapping().consoleLines()) monitor.warningOccurred(name, "info", l);
            for (String w : r.report().warnings()) monitor.warningOccurred(name, null, w);
            monitor.complete();
        }
        return r;
    }

    /** The one-line error of a failed read, naming the input. */
    private static ProcessException failure(Exception e, String name) {
        if (e instanceof CancellationException) return new ProcessException("cancelled");
        if (e instanceof IngestException) return new ProcessException(name + ": " + e.getMessage());
        return new ProcessException(name + ": cannot read the input: " + e.getMessage(), e);
    }

    /** A point layer (a shapefile given to the command line as incidents) through the same ingestion as a CSV export. */
    public static IncidentIngest.Result ingestLayer(SimpleFeatureCollection fc, String name, ProgressListener monitor) {
        return run(new FeatureRows(fc, false, name), options(null, null, null, null, null, null), name, monitor, null, -1);
    }

    private static IncidentIngest.Result run(RowSource src, IncidentIngest.Options o, String name,
            ProgressListener monitor, AtomicLong consumed, long total) {
        if (monitor != null) {
            monitor.started();
            monitor.setTask(Text.text("Reading incidents"));
        }
        try (RowSource s = src) {
            IncidentIngest.Result r = new IncidentIngest(o).run(s, name,
                    () -> monitor != null && monitor.isCanceled(),
                    rows -> {
                        if (monitor != null && consumed != null && total > 0) {
                            monitor.progress(Math.min(99f, 100f * consumed.get() / total));
                        }
                    });
            return finishRead(r, name, monitor);
        } catch (CancellationException | IngestException | IOException e) {
            throw failure(e, name);
        }
    }

    /** The process outputs of an ingestion. */
    /** Incidents by offense category: the same document as sld-styles/crime_incidents.sld. */
    static final String INCIDENT_STYLE = org.crimeanalytics.style.Styles.offenseCategories("crime_incidents",
            "Incidents by offense category", "category", org.crimeanalytics.style.Sld.Kind.POINT);

    public static Map<String, Object> outputs(IncidentIngest.Result r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("result", new IncidentCollection(r.table()));
        out.put("style", INCIDENT_STYLE);
        out.put("report", r.report().toJson());
        return out;
    }
}
