package org.crimeanalytics.ingest;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Turns rows of a police export into canonical incidents, accounting for every row.
 *
 * <p>Configured once (format or auto-detection, column overrides, extent, date pattern, extra
 * columns to keep, converter for projected x/y); {@link #run} then reads one source. Each row is
 * accepted or rejected for exactly one {@link Reason}, checked in the order of that enum; the
 * resulting {@link IngestReport} balances (read = accepted + rejected) or {@code run} fails.
 *
 * <p>Conventions: {@code occurred} is floating local time ({@link FastDates}); when the format has a
 * separate time column (LAPD {@code TIME OCC}), the date column's own time part (LAPD's
 * {@code 12:00:00 AM} placeholder) is replaced by it. Numeric area codes lose leading zeros
 * ("03" becomes "3", matching LAPD division {@code PREC} and Chicago district numbers). Victim ages
 * of 0 or less, or over 120, are unknown (LAPD codes unknown as 0 or negative). An unparseable
 * reported date leaves {@code reported} empty and is counted in the report, not rejected.
 */
public final class IncidentIngest {

    /** Converts projected x/y to lon/lat degrees; false when the point cannot be converted. */
    public interface XyConverter {
        boolean toLonLat(double x, double y, double[] lonLat);
    }

    /** Ingestion settings. Null members mean "automatic". */
    public static final class Options {
        public SourceFormat format;
        public final Map<Field, String> columns = new EnumMap<>(Field.class);
        /** minLon, minLat, maxLon, maxLat in degrees; null: the format's plausible extent. */
        public double[] extent;
        public DateTimeFormatter datePattern;
        public final List<String> keepColumns = new ArrayList<>();
        public XyConverter xyConverter;
    }

    /** What {@link #run} produces. */
    public record Result(IncidentTable table, IngestReport report, SourceFormat format, Map<Field, String> columns) {}

    private final Options options;

    public IncidentIngest(Options options) {
        this.options = options;
    }

    /**
     * A header for error messages: one line, each name shortened to 40 characters with control
     * characters shown as spaces, at most 40 names.
     */
    public static String describe(List<String> header) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < Math.min(40, header.size()); i++) {
            String h = header.get(i).replaceAll("\\p{Cntrl}", " ");
            names.add(h.length() > 40 ? h.substring(0, 40) + "..." : h);
        }
        String s = names.toString();
        return header.size() > 40 ? s.substring(0, s.length() - 1) + ", ... (" + header.size() + " columns)]" : s;
    }

    /** Parses a {@code columns} parameter: {@code field=Header Name;field=Header Name}. */
    public static Map<Field, String> parseColumns(String spec) {
        Map<Field, String> m = new EnumMap<>(Field.class);
        if (spec == null || spec.isBlank()) return m;
        for (String part : spec.split(";")) {
            if (part.isBlank()) continue;
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IngestException("columns: '" + part.trim() + "' is not field=Column Name; fields are "
                        + fieldKeys());
            }
            Field f = Field.forKey(part.substring(0, eq));
            if (f == null) {
                throw new IngestException("columns: unknown field '" + part.substring(0, eq).trim() + "'; fields are "
                        + fieldKeys());
            }
            m.put(f, part.substring(eq + 1).trim());
        }
        return m;
    }

    private static List<String> fieldKeys() {
        List<String> k = new ArrayList<>();
        for (Field f : Field.values()) k.add(f.key());
        return k;
    }

    private static int find(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) if (header.get(i).equals(name)) return i;
        for (int i = 0; i < header.size(); i++) if (header.get(i).equalsIgnoreCase(name.trim())) return i;
        String n = SourceFormat.normalise(name);
        for (int i = 0; i < header.size(); i++) if (SourceFormat.normalise(header.get(i)).equals(n)) return i;
        return -1;
    }

    /** Reads every row of {@code src}. */
    public Result run(RowSource src, String sourceName, BooleanSupplier cancelled, LongConsumer progress)
            throws IOException {
        List<String> header = src.header();
        SourceFormat format = options.format != null ? options.format : SourceFormat.detect(header);
        Map<Field, Integer> col = new EnumMap<>(Field.class);
        Map<Field, String> used = new EnumMap<>(Field.class);
        for (Map.Entry<Field, String> e : format.columns().entrySet()) {
            int i = find(header, e.getValue());
            if (i >= 0) {
                col.put(e.getKey(), i);
                used.put(e.getKey(), header.get(i));
            }
        }
        if (format == SourceFormat.GENERIC) {
            for (Map.Entry<Field, List<String>> e : SourceFormat.GENERIC_NAMES.entrySet()) {
                for (String name : e.getValue()) {
                    int i = -1;
                    for (int k = 0; k < header.size(); k++) {
                        if (SourceFormat.normalise(header.get(k)).equals(name) && !used.containsValue(header.get(k))) {
                            i = k;
                            break;
                        }
                    }
                    if (i >= 0) {
                        col.put(e.getKey(), i);
                        used.put(e.getKey(), header.get(i));
                        break;
                    }
                }
            }
        }
        for (Map.Entry<Field, String> e : options.columns.entrySet()) {
            int i = find(header, e.getValue());
            if (i < 0) {
                throw new IngestException("columns: " + e.getKey().key() + "=" + e.getValue()
                        + " names a column that is not in the input; columns found: " + describe(header));
            }
            col.put(e.getKey(), i);
            used.put(e.getKey(), header.get(i));
        }
        boolean latLon = col.containsKey(Field.LAT) && col.containsKey(Field.LON);
        boolean xy = !latLon && col.containsKey(Field.X) && col.containsKey(Field.Y);
        boolean featureGeometry = src instanceof GeometryRows;
        if (!latLon && !xy && !featureGeometry) {
            throw new IngestException("no coordinate columns: found " + describe(header) + "; expected latitude/longitude ("
                    + SourceFormat.GENERIC_NAMES.get(Field.LAT) + " / " + SourceFormat.GENERIC_NAMES.get(Field.LON)
                    + ") or x/y (" + SourceFormat.GENERIC_NAMES.get(Field.X) + " / "
                    + SourceFormat.GENERIC_NAMES.get(Field.Y) + "), or name them with columns=lat=...;lon=...");
        }
        List<Integer> keep = new ArrayList<>();
        List<String> keepNames = new ArrayList<>();
        for (String k : options.keepColumns) {
            int i = find(header, k);
            if (i < 0) {
                throw new IngestException("keepColumns: '" + k + "' is not a column of the input; columns found: "
                        + describe(header));
            }
            keep.add(i);
            keepNames.add(SourceFormat.normalise(header.get(i)));
        }
        double[] extent = options.extent != null ? options.extent : format.plausibleExtent();

        IngestReport report = new IngestReport(sourceName);
        report.detail("format", format.name());
        Map<String, String> colReport = new LinkedHashMap<>();
        for (Map.Entry<Field, String> e : used.entrySet()) colReport.put(e.getKey().key(), e.getValue());
        report.detail("columns", colReport);
        report.detail("extent_lon_lat", extent);
        if (!col.containsKey(Field.DATE)) report.detail("note", "no date column: 'occurred' is empty");

        IncidentTable table = new IncidentTable(keepNames);
        Set<String> ids = new HashSet<>();
        int cLat = col.getOrDefault(xy ? Field.Y : Field.LAT, -1);
        int cLon = col.getOrDefault(xy ? Field.X : Field.LON, -1);
        int cId = col.getOrDefault(Field.ID, -1);
        int cDate = col.getOrDefault(Field.DATE, -1);
        int cTime = col.getOrDefault(Field.TIME, -1);
        int cRep = col.getOrDefault(Field.REPORTED, -1);
        int cCode = col.getOrDefault(Field.OFFENSE_CODE, -1);
        int cOff = col.getOrDefault(Field.OFFENSE, -1);
        int cDetail = col.getOrDefault(Field.OFFENSE_DETAIL, -1);
        int cCat = col.getOrDefault(Field.CATEGORY_KEY, cOff);
        int cPrem = col.getOrDefault(Field.PREMISE, -1);
        int cWeap = col.getOrDefault(Field.WEAPON, -1);
        int cArea = col.getOrDefault(Field.AREA, -1);
        int cAreaName = col.getOrDefault(Field.AREA_NAME, -1);
        int cAge = col.getOrDefault(Field.VICTIM_AGE, -1);
        DateTimeFormatter pattern = options.datePattern;
        XyConverter conv = options.xyConverter;
        boolean checkedProjected = false;

        String[] texts = new String[IncidentTable.TEXT_COLUMNS];
        String[] extraValues = new String[keep.size()];
        double[] ll = new double[2];
        FastDates.Precision[] prec = new FastDates.Precision[1];
        FastDates.Precision[] ignore = new FastDates.Precision[1];
        long reportedUnparsed = 0;
        long n = 0;
        while (src.next()) {
            n++;
            if ((n & 4095) == 0) {
                if (cancelled != null && cancelled.getAsBoolean()) throw new CancellationException("cancelled");
                if (progress != null) progress.accept(n);
            }
            report.read();
            if (src.oversized()) {
                report.reject(Reason.OVERSIZED_ROW, src.where());
                continue;
            }
            if (src.ragged()) {
                report.reject(Reason.RAGGED_ROW, src.where());
                continue;
            }
            double lon;
            double lat;
            if (featureGeometry && src.point(ll)) {
                lon = ll[0];
                lat = ll[1];
            } else if (latLon || xy) {
                lat = src.number(cLat);
                lon = src.number(cLon);
                if (xy && Double.isFinite(lon) && Double.isFinite(lat) && !(lon == 0 && lat == 0)) {
                    if (conv != null) {
                        if (!conv.toLonLat(lon, lat, ll)) {
                            report.reject(Reason.NO_COORDINATES, src.where());
                            continue;
                        }
                        lon = ll[0];
                        lat = ll[1];
                    } else if (!checkedProjected && (Math.abs(lon) > 180 || Math.abs(lat) > 90)) {
                        throw new IngestException("columns " + used.get(Field.X) + "/" + used.get(Field.Y)
                                + " hold projected coordinates (" + src.where() + ": " + lon + ", " + lat
                                + "); give srcCrs (for example EPSG:3435 for Illinois State Plane feet)");
                    }
                    checkedProjected = true;
                }
            } else {
                lon = Double.NaN;
                lat = Double.NaN;
            }
            if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
                report.reject(Reason.NO_COORDINATES, src.where());
                continue;
            }
            if (lon == 0 && lat == 0) {
                report.reject(Reason.NULL_ISLAND, src.where());
                continue;
            }
            if (lon < extent[0] || lon > extent[2] || lat < extent[1] || lat > extent[3] || Math.abs(lat) > 90
                    || Math.abs(lon) > 180) {
                if (lat >= extent[0] && lat <= extent[2] && lon >= extent[1] && lon <= extent[3]) {
                    report.swappedLooking();
                }
                report.reject(Reason.OUTSIDE_EXTENT, src.where());
                continue;
            }
            long occ = IncidentTable.NO_TIME;
            prec[0] = null;
            if (cDate >= 0) {
                occ = src.date(cDate, pattern, prec);
                if (occ != FastDates.INVALID && cTime >= 0) {
                    long tod = src.timeOfDay(cTime);
                    if (tod < 0) {
                        occ = FastDates.INVALID;
                    } else {
                        occ = FastDates.dayStart(occ) + tod;
                        prec[0] = FastDates.Precision.MINUTE;
                    }
                }
                if (occ == FastDates.INVALID) {
                    report.reject(Reason.BAD_DATE, src.where());
                    continue;
                }
            }
            String id = cId >= 0 ? src.rawText(cId) : null;
            if (id != null && !ids.add(id)) {
                report.reject(Reason.DUPLICATE_ID, src.where());
                continue;
            }
            long rep = IncidentTable.NO_TIME;
            if (cRep >= 0 && !src.isBlank(cRep)) {
                rep = src.date(cRep, pattern, ignore);
                if (rep == FastDates.INVALID) {
                    rep = IncidentTable.NO_TIME;
                    reportedUnparsed++;
                }
            }
            int age = IncidentTable.NO_AGE;
            if (cAge >= 0) {
                double a = src.number(cAge);
                if (a > 0 && a <= 120) age = (int) a;
            }
            texts[IncidentTable.ID] = id;
            texts[IncidentTable.OFFENSE_CODE] = cCode >= 0 ? src.text(cCode) : null;
            texts[IncidentTable.OFFENSE] = cOff >= 0 ? src.text(cOff) : null;
            texts[IncidentTable.OFFENSE_DETAIL] = cDetail >= 0 ? src.text(cDetail) : null;
            texts[IncidentTable.CATEGORY] = format.categorise(cCat >= 0 ? src.text(cCat) : null).label();
            texts[IncidentTable.PREMISE] = cPrem >= 0 ? src.text(cPrem) : null;
            texts[IncidentTable.WEAPON] = cWeap >= 0 ? src.text(cWeap) : null;
            texts[IncidentTable.AREA] = cArea >= 0 ? areaCode(src.text(cArea)) : null;
            texts[IncidentTable.AREA_NAME] = cAreaName >= 0 ? src.text(cAreaName) : null;
            for (int k = 0; k < keep.size(); k++) extraValues[k] = src.text(keep.get(k));
            table.add(lon, lat, occ, prec[0], rep, age, src.line(), texts, extraValues);
            report.accept();
        }
        report.blankLines(src.blankLines());
        if (reportedUnparsed > 0) report.detail("reported_date_unparsed", reportedUnparsed);
        report.checkBalanced();
        if (progress != null) progress.accept(n);
        return new Result(table, report, format, used);
    }

    private static final Map<String, String> AREA_CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** "03" becomes "3"; non-numeric codes are kept. */
    static String areaCode(String s) {
        if (s == null) return null;
        String cached = AREA_CACHE.get(s);
        if (cached != null) return cached;
        String out = s;
        boolean digits = !s.isEmpty();
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') digits = false;
        if (digits && s.length() < 10) out = Integer.toString(Integer.parseInt(s));
        if (AREA_CACHE.size() < 10_000) AREA_CACHE.put(s, out);
        return out;
    }

    /** Marker for row sources whose rows carry their own point geometry (feature layers). */
    public interface GeometryRows extends RowSource {}
}
