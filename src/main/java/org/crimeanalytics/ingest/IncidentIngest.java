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
        /** Day/month order of year-last dates; null: the format's, or inferred from the values. */
        public FastDates.DateOrder dateOrder;
        /** Converts values written with a zone (Z, +00, -06:00) to this zone's wall-clock time; null: keep as written. */
        public java.time.ZoneId timeZone;
        public final List<String> keepColumns = new ArrayList<>();
        public XyConverter xyConverter;
        /** Builds a converter for a format's own x/y CRS (e.g. EPSG:26910); null when not available. */
        public java.util.function.Function<String, XyConverter> converterFor;
        /** Whether placeholder and far-outlier locations are rejected (see {@link LocationScreen}). */
        public boolean screenLocations = true;
    }

    /** What {@link #run} produces. */
    public record Result(IncidentTable table, IngestReport report, SourceFormat format, Map<Field, String> columns,
            ColumnMapping mapping) {}

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

    /** Reads every row of {@code src}. */
    public Result run(RowSource src, String sourceName, BooleanSupplier cancelled, LongConsumer progress)
            throws IOException {
        List<String> header = src.header();
        boolean featureGeometry = src instanceof GeometryRows;
        ColumnMapping m = ColumnMapping.detect(header, src.sample(), featureGeometry, src.decimalComma(), options);
        SourceFormat format = m.format();
        List<Integer> keep = new ArrayList<>();
        List<String> keepNames = new ArrayList<>();
        for (String k : options.keepColumns) {
            int i = ColumnMapping.find(header, k);
            if (i < 0) {
                throw new IngestException("keepColumns: '" + k + "' is not a column of the input; columns found: "
                        + describe(header));
            }
            keep.add(i);
            keepNames.add(SourceFormat.normalise(header.get(i)));
        }
        double[] extent = options.extent != null ? options.extent : format.plausibleExtent();
        XyConverter conv = options.xyConverter;
        if (conv == null && m.coordinates == ColumnMapping.Coordinates.XY && format.xyCrs() != null && options.converterFor != null) {
            conv = options.converterFor.apply(format.xyCrs());
        }

        IngestReport report = new IngestReport(sourceName);
        report.detail("format", format.name());
        Map<String, String> colReport = new LinkedHashMap<>();
        for (Map.Entry<Field, String> e : m.names().entrySet()) colReport.put(e.getKey().key(), e.getValue());
        report.detail("columns", colReport);
        report.detail("fields", m.describe());
        report.detail("extent_lon_lat", extent);
        for (String w : m.warnings()) report.warn(w);

        IncidentTable table = new IncidentTable(keepNames);
        Set<String> keys = new HashSet<>();
        int cLat = m.column(Field.LAT), cLon = m.column(Field.LON), cX = m.column(Field.X), cY = m.column(Field.Y);
        int cLoc = m.column(Field.LOCATION);
        int cId = m.column(Field.ID), cRow = m.column(Field.ROW_KEY), cOffKey = m.offenseKeyColumn();
        int cDate = m.column(Field.DATE), cTime = m.column(Field.TIME), cHour = m.column(Field.HOUR);
        int cYear = m.column(Field.YEAR), cMonth = m.column(Field.MONTH), cDay = m.column(Field.DAY), cMin = m.column(Field.MINUTE);
        int cRep = m.column(Field.REPORTED), cPrec = m.column(Field.TIME_PRECISION), cLine = m.column(Field.SOURCE_LINE);
        int cCode = m.column(Field.OFFENSE_CODE), cOff = m.column(Field.OFFENSE), cDetail = m.column(Field.OFFENSE_DETAIL);
        int cNibrs = m.column(Field.NIBRS_CODE), cFbi = m.column(Field.FBI_CODE);
        int cCat = m.column(Field.CATEGORY_KEY) >= 0 ? m.column(Field.CATEGORY_KEY) : cOff;
        int cPrem = m.column(Field.PREMISE), cWeap = m.column(Field.WEAPON), cArea = m.column(Field.AREA);
        int cAreaName = m.column(Field.AREA_NAME), cAge = m.column(Field.VICTIM_AGE);
        DateTimeFormatter pattern = options.datePattern;
        FastDates.DateOrder order = m.occurredPlan == null ? FastDates.DateOrder.MDY : m.occurredPlan.order();
        FastDates.DateOrder repOrder = m.reportedPlan == null ? order : m.reportedPlan.order();
        java.time.zone.ZoneRules zoneRules = options.timeZone == null ? null : options.timeZone.getRules();
        Categoriser categoriser = new Categoriser(m.category);
        boolean checkedProjected = false;

        String[] texts = new String[IncidentTable.TEXT_COLUMNS];
        String[] extraValues = new String[keep.size()];
        double[] ll = new double[2];
        FastDates.Precision[] prec = new FastDates.Precision[1];
        FastDates.Precision[] ignore = new FastDates.Precision[1];
        int[] zone = new int[1];
        long reportedUnparsed = 0, timeMissing = 0, zoned = 0, zonedUtc = 0;
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
            double lon = Double.NaN;
            double lat = Double.NaN;
            boolean xyRow = false;
            if (featureGeometry && src.point(ll)) {
                lon = ll[0];
                lat = ll[1];
            } else if (cLat >= 0 && cLon >= 0) {
                lat = src.number(cLat);
                lon = src.number(cLon);
            }
            if ((Double.isNaN(lon) || Double.isNaN(lat)) && cLoc >= 0 && LocationText.parse(src.text(cLoc), ll)) {
                lon = ll[0];
                lat = ll[1];
            }
            if ((Double.isNaN(lon) || Double.isNaN(lat)) && m.coordinates == ColumnMapping.Coordinates.XY) {
                lat = src.number(cY);
                lon = src.number(cX);
                xyRow = true;
            }
            if (xyRow && Double.isFinite(lon) && Double.isFinite(lat) && !(lon == 0 && lat == 0)) {
                if (conv != null) {
                    if (!conv.toLonLat(lon, lat, ll)) {
                        report.reject(Reason.NO_COORDINATES, src.where());
                        continue;
                    }
                    lon = ll[0];
                    lat = ll[1];
                } else if (!checkedProjected && (Math.abs(lon) > 180 || Math.abs(lat) > 90)) {
                    throw new IngestException("columns " + m.names().get(Field.X) + "/" + m.names().get(Field.Y)
                            + " hold projected coordinates (" + src.where() + ": " + lon + ", " + lat
                            + "); give srcCrs (for example EPSG:3435 for Illinois State Plane feet)");
                }
                checkedProjected = true;
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
            switch (m.when) {
                case DATE_TIME, DATE_ONLY, DATE_AND_TIME_COLUMN, DATE_AND_HOUR_COLUMN -> {
                    occ = src.date(cDate, pattern, order, prec, zone);
                    if (occ != FastDates.INVALID && zone[0] != FastDates.NO_ZONE) {
                        zoned++;
                        if (zone[0] == 0) zonedUtc++;
                        if (zoneRules != null) occ = toZone(occ, zone[0], zoneRules);
                    }
                    if (occ != FastDates.INVALID && m.when == ColumnMapping.When.DATE_AND_TIME_COLUMN) {
                        if (src.isBlank(cTime)) {
                            occ = FastDates.dayStart(occ);
                            prec[0] = FastDates.Precision.DAY;
                            timeMissing++;
                        } else {
                            long tod = src.timeOfDay(cTime);
                            occ = tod < 0 ? FastDates.INVALID : FastDates.dayStart(occ) + tod;
                            prec[0] = FastDates.Precision.MINUTE;
                        }
                    } else if (occ != FastDates.INVALID && m.when == ColumnMapping.When.DATE_AND_HOUR_COLUMN) {
                        double h = src.number(cHour);
                        if (Double.isNaN(h)) {
                            occ = FastDates.dayStart(occ);
                            prec[0] = FastDates.Precision.DAY;
                            timeMissing++;
                        } else if (h != Math.rint(h) || h < 0 || h > 23) {
                            occ = FastDates.INVALID;
                        } else {
                            occ = FastDates.dayStart(occ) + (long) h * 3_600_000L;
                            prec[0] = FastDates.Precision.HOUR;
                        }
                    }
                }
                case PARTS -> occ = parts(src, cYear, cMonth, cDay, cHour, cMin, prec);
                default -> { }
            }
            if (m.when != ColumnMapping.When.NONE && occ == FastDates.INVALID) {
                report.reject(Reason.BAD_DATE, src.where());
                continue;
            }
            if (cPrec >= 0 && prec[0] != null) {
                FastDates.Precision given = precision(src.text(cPrec));
                if (given != null) prec[0] = given;
            }
            String id = cId >= 0 ? src.rawText(cId) : null;
            String key = switch (m.duplicates) {
                case ID -> id;
                case ROW_KEY -> cRow >= 0 ? src.rawText(cRow) : null;
                case ID_AND_OFFENSE -> id == null ? null : id + '\u001f' + src.text(cOffKey);
                case NONE -> null;
            };
            if (key != null && !keys.add(key)) {
                report.reject(Reason.DUPLICATE_ID, src.where());
                continue;
            }
            long rep = IncidentTable.NO_TIME;
            if (cRep >= 0 && !src.isBlank(cRep)) {
                rep = src.date(cRep, pattern, repOrder, ignore, zone);
                if (rep == FastDates.INVALID) {
                    rep = IncidentTable.NO_TIME;
                    reportedUnparsed++;
                } else if (zone[0] != FastDates.NO_ZONE && zoneRules != null) {
                    rep = toZone(rep, zone[0], zoneRules);
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
            texts[IncidentTable.CATEGORY] = categoriser.category(cNibrs >= 0 ? src.text(cNibrs) : null,
                    cFbi >= 0 ? src.text(cFbi) : null, cCat >= 0 ? src.text(cCat) : null,
                    cDetail >= 0 ? texts[IncidentTable.OFFENSE_DETAIL] : null);
            texts[IncidentTable.PREMISE] = cPrem >= 0 ? src.text(cPrem) : null;
            texts[IncidentTable.WEAPON] = cWeap >= 0 ? src.text(cWeap) : null;
            texts[IncidentTable.AREA] = cArea >= 0 ? areaCode(src.text(cArea)) : null;
            texts[IncidentTable.AREA_NAME] = cAreaName >= 0 ? src.text(cAreaName) : null;
            for (int k = 0; k < keep.size(); k++) extraValues[k] = src.text(keep.get(k));
            long line = src.line();
            if (cLine >= 0) {
                double l = src.number(cLine);
                if (l >= 1 && l == Math.rint(l)) line = (long) l;
            }
            table.add(lon, lat, occ, prec[0], rep, age, line, texts, extraValues);
            report.accept();
        }
        report.blankLines(src.blankLines());
        if (reportedUnparsed > 0) report.detail("reported_date_unparsed", reportedUnparsed);
        if (timeMissing > 0) report.detail("time_missing_day_precision", timeMissing);
        if (zoned > 0) {
            report.detail("dates_with_zone", Map.of("values", zoned, "utc", zonedUtc, "handling", zoneRules == null
                    ? "kept as written (the zone is dropped)" : "converted to " + options.timeZone + " wall-clock time"));
        }
        if (options.screenLocations) screen(table, report, featureGeometry ? "feature #" : "line ");
        report.checkBalanced();
        if (progress != null) progress.accept(n);
        return new Result(table, report, format, m.names(), m);
    }

    /** Rejects placeholder and outlier locations among the accepted rows (see {@link LocationScreen}). */
    private static void screen(IncidentTable table, IngestReport report, String where) {
        LocationScreen.Result s = LocationScreen.screen(table);
        report.detail("location_screen", s.details());
        if (s.rejected() == 0) return;
        boolean[] keep = new boolean[table.size()];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = s.reasons()[i] == null;
            if (!keep[i]) report.unaccept(s.reasons()[i], where + table.line(i));
        }
        table.retain(keep);
    }

    /** A wall-clock time written at {@code offsetMinutes} as the wall-clock time of {@code rules}' zone. */
    static long toZone(long writtenMillis, int offsetMinutes, java.time.zone.ZoneRules rules) {
        long instant = writtenMillis - offsetMinutes * 60_000L;
        int target = rules.getOffset(java.time.Instant.ofEpochMilli(instant)).getTotalSeconds();
        return instant + target * 1000L;
    }

    private static FastDates.Precision precision(String label) {
        if (label == null) return null;
        for (FastDates.Precision p : FastDates.Precision.values()) if (p.label().equalsIgnoreCase(label.trim())) return p;
        return null;
    }

    /** Year, month (number or name), day, hour, minute columns; the precision is the finest present. */
    private static long parts(RowSource src, int cYear, int cMonth, int cDay, int cHour, int cMin, FastDates.Precision[] prec) {
        double y = src.number(cYear);
        double mo = src.number(cMonth);
        if (Double.isNaN(mo) && cMonth >= 0) mo = ColumnMapping.monthName(String.valueOf(src.text(cMonth)));
        if (!(y == Math.rint(y)) || !(mo == Math.rint(mo)) || mo < 1) return FastDates.INVALID;
        double d = cDay >= 0 ? src.number(cDay) : Double.NaN;
        double h = cHour >= 0 ? src.number(cHour) : Double.NaN;
        double mi = cMin >= 0 ? src.number(cMin) : Double.NaN;
        FastDates.Precision p = FastDates.Precision.MONTH;
        int dd = 1, hh = 0, mm = 0;
        if (!Double.isNaN(d)) {
            if (d != Math.rint(d)) return FastDates.INVALID;
            dd = (int) d;
            p = FastDates.Precision.DAY;
            if (!Double.isNaN(h)) {
                if (h != Math.rint(h) || h < 0 || h > 23) return FastDates.INVALID;
                hh = (int) h;
                p = FastDates.Precision.HOUR;
                if (!Double.isNaN(mi)) {
                    if (mi != Math.rint(mi) || mi < 0 || mi > 59) return FastDates.INVALID;
                    mm = (int) mi;
                    p = FastDates.Precision.MINUTE;
                }
            }
        }
        if (!FastDates.validDate((int) y, (int) mo, dd)) return FastDates.INVALID;
        prec[0] = p;
        return FastDates.of((int) y, (int) mo, dd, hh, mm, 0);
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
