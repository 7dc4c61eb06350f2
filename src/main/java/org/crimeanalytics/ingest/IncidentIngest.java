package org.crimeanalytics.ingest;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        /** The text of {@link #datePattern}, for the report. */
        public String datePatternText;
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
        /** Rows expected (to size the table of a single-source run; 0: unknown). */
        public int expectedRows;
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
        Plan plan = plan(src.header(), src.sample(), src instanceof GeometryRows, src.decimalComma());
        Part part = parse(plan, src, options.expectedRows, cancelled, progress);
        return finish(plan, sourceName, List.of(part), List.of(sourceName));
    }

    /** Everything decided before the rows are read; immutable, shared by the threads that parse parts. */
    public static final class Plan {
        final ColumnMapping m;
        final boolean featureGeometry;
        final List<String> header;
        final int[] keep;
        final List<String> keepNames;
        final double[] extent;
        final XyConverter conv;
        final Options options;
        final int cLat, cLon, cX, cY, cLoc, cId, cRow, cOffKey, cDate, cTime, cHour, cYear, cMonth, cDay, cMin, cRep, cPrec,
                cLine, cCode, cOff, cDetail, cNibrs, cFbi, cCat, cPrem, cWeap, cArea, cAreaName, cAge;
        final FastDates.DateOrder order, repOrder;
        final java.time.zone.ZoneRules zoneRules;

        Plan(ColumnMapping m, boolean featureGeometry, List<String> header, Options o) {
            this.m = m;
            this.featureGeometry = featureGeometry;
            this.header = header;
            this.options = o;
            List<Integer> k = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (String c : o.keepColumns) {
                int i = ColumnMapping.find(header, c);
                if (i < 0) {
                    throw new IngestException("keepColumns: '" + c + "' is not a column of the input; columns found: "
                            + describe(header));
                }
                k.add(i);
                names.add(SourceFormat.normalise(header.get(i)));
            }
            keep = k.stream().mapToInt(Integer::intValue).toArray();
            keepNames = List.copyOf(names);
            SourceFormat format = m.format();
            extent = o.extent != null ? o.extent : format.plausibleExtent();
            XyConverter c = o.xyConverter;
            if (c == null && m.coordinates == ColumnMapping.Coordinates.XY && format.xyCrs() != null && o.converterFor != null) {
                c = o.converterFor.apply(format.xyCrs());
            }
            conv = c;
            cLat = m.column(Field.LAT);
            cLon = m.column(Field.LON);
            cX = m.column(Field.X);
            cY = m.column(Field.Y);
            cLoc = m.column(Field.LOCATION);
            cId = m.column(Field.ID);
            cRow = m.column(Field.ROW_KEY);
            cOffKey = m.offenseKeyColumn();
            cDate = m.column(Field.DATE);
            cTime = m.column(Field.TIME);
            cHour = m.column(Field.HOUR);
            cYear = m.column(Field.YEAR);
            cMonth = m.column(Field.MONTH);
            cDay = m.column(Field.DAY);
            cMin = m.column(Field.MINUTE);
            cRep = m.column(Field.REPORTED);
            cPrec = m.column(Field.TIME_PRECISION);
            cLine = m.column(Field.SOURCE_LINE);
            cCode = m.column(Field.OFFENSE_CODE);
            cOff = m.column(Field.OFFENSE);
            cDetail = m.column(Field.OFFENSE_DETAIL);
            cNibrs = m.column(Field.NIBRS_CODE);
            cFbi = m.column(Field.FBI_CODE);
            cCat = m.column(Field.CATEGORY_KEY) >= 0 ? m.column(Field.CATEGORY_KEY) : cOff;
            cPrem = m.column(Field.PREMISE);
            cWeap = m.column(Field.WEAPON);
            cArea = m.column(Field.AREA);
            cAreaName = m.column(Field.AREA_NAME);
            cAge = m.column(Field.VICTIM_AGE);
            order = m.occurredPlan == null ? FastDates.DateOrder.MDY : m.occurredPlan.order();
            repOrder = m.reportedPlan == null ? order : m.reportedPlan.order();
            zoneRules = o.timeZone == null ? null : o.timeZone.getRules();
        }

        public ColumnMapping mapping() {
            return m;
        }

        /** Whether rows with the same key are duplicates (the first kept), as {@link #finish} settles them. */
        public boolean deduplicates() {
            return m.duplicates != ColumnMapping.Duplicates.NONE;
        }
    }

    /** Decides the column mapping from a header and the first rows (see {@link ColumnMapping}). */
    public Plan plan(List<String> header, List<String[]> sample, boolean featureGeometry, boolean decimalComma) {
        return new Plan(ColumnMapping.detect(header, sample, featureGeometry, decimalComma, options), featureGeometry, header,
                options);
    }

    /** The rows of one source (a file, or a part of one) after the row checks, before duplicates and location screening. */
    public static final class Part {
        final IncidentTable table;
        final IngestReport report;
        final String[] keys; // duplicate keys of the accepted rows when not the id column; null otherwise
        final long reportedUnparsed, timeMissing, zoned, zonedUtc, blankLines;
        final String where; // "line " or "feature #"
        final long lines; // physical lines read (for parts of one file)
        long unmatchedRows; // categorised 'other' for want of a matching word
        Map<String, Long> unmatched = Map.of();

        Part(IncidentTable table, IngestReport report, String[] keys, long reportedUnparsed, long timeMissing, long zoned,
                long zonedUtc, long blankLines, String where, long lines) {
            this.table = table;
            this.report = report;
            this.keys = keys;
            this.reportedUnparsed = reportedUnparsed;
            this.timeMissing = timeMissing;
            this.zoned = zoned;
            this.zonedUtc = zonedUtc;
            this.blankLines = blankLines;
            this.where = where;
            this.lines = lines;
        }

        /** The accepted rows (duplicates and locations not yet settled across parts). */
        public IncidentTable table() {
            return table;
        }

        /** The part's counts: rows read, accepted, rejected by reason. */
        public IngestReport report() {
            return report;
        }

        /** Row {@code i}'s duplicate key: its per-offense key, else its id (null: no key, never a duplicate). */
        public String duplicateKey(int i) {
            return keys != null ? keys[i] : table.text(IncidentTable.ID, i);
        }

        /** Physical lines read. */
        public long lines() {
            return lines;
        }

        public long blankLines() {
            return blankLines;
        }

        /** Adds {@code offset} to the line numbers of this part's rows and report (its first line read as 1). */
        void shiftLines(long offset) {
            if (offset == 0) return;
            table.shiftLines(offset);
            report.shiftLines(offset);
        }
    }

    /**
     * Reads every row of {@code src} under {@code plan}, into a table sized for {@code expectedRows} (0:
     * unknown); thread-safe for different sources.
     */
    public Part parse(Plan plan, RowSource src, int expectedRows, BooleanSupplier cancelled, LongConsumer progress)
            throws IOException {
        return parse(plan, src, expectedRows, cancelled, progress, true);
    }

    /**
     * As {@link #parse(Plan, RowSource, int, BooleanSupplier, LongConsumer)} for a part of the input: only the input's
     * first part ({@code first}) refuses projected x/y at its first row, as a read in one piece does; elsewhere such a
     * row is one outside the extent.
     */
    public Part parse(Plan plan, RowSource src, int expectedRows, BooleanSupplier cancelled, LongConsumer progress, boolean first)
            throws IOException {
        Rows rows = new Rows(plan, expectedRows);
        rows.checkedProjected = !first;
        long n = 0;
        // the loop stays small (the JIT compiles the row methods on their own, not the whole loop at once)
        while (src.next()) {
            if ((++n & 4095) == 0) {
                if (cancelled != null && cancelled.getAsBoolean()) throw new CancellationException("cancelled");
                if (progress != null) progress.accept(n);
            }
            rows.row(src);
        }
        if (progress != null) progress.accept(n);
        Part part = new Part(rows.table, rows.report, rows.keys, rows.reportedUnparsed, rows.timeMissing, rows.zoned,
                rows.zonedUtc, src.blankLines(), plan.featureGeometry ? "feature #" : "line ", src.linesRead());
        part.unmatchedRows = rows.categoriser.unmatchedRows;
        part.unmatched = rows.categoriser.unmatched;
        return part;
    }

    /** The per-part state of {@link #parse}: one row at a time, each check in a small method. */
    private static final class Rows {
        final Plan plan;
        final ColumnMapping m;
        final IngestReport report = new IngestReport("part");
        final IncidentTable table;
        final boolean keyArray;
        String[] keys;
        final Categoriser categoriser;
        final String[] texts = new String[IncidentTable.TEXT_COLUMNS];
        final String[] extraValues;
        final double[] ll = new double[2];
        final int[] idRange = new int[2];
        final FastDates.Precision[] prec = new FastDates.Precision[1];
        final FastDates.Precision[] ignore = new FastDates.Precision[1];
        final int[] zone = new int[1];
        final String[] areaIn = new String[64], areaOut = new String[64];
        long reportedUnparsed, timeMissing, zoned, zonedUtc;
        boolean checkedProjected;
        double lon, lat;

        Rows(Plan plan, int expectedRows) {
            this.plan = plan;
            this.m = plan.m;
            this.table = new IncidentTable(plan.keepNames, expectedRows);
            this.keyArray = m.duplicates == ColumnMapping.Duplicates.ROW_KEY || m.duplicates == ColumnMapping.Duplicates.ID_AND_OFFENSE;
            this.keys = keyArray ? new String[Math.max(16, expectedRows)] : null;
            this.categoriser = new Categoriser(m.category);
            this.extraValues = new String[plan.keep.length];
        }

        void row(RowSource src) {
            report.read();
            if (src.oversized()) {
                report.reject(Reason.OVERSIZED_ROW, src);
                return;
            }
            if (src.ragged()) {
                report.reject(Reason.RAGGED_ROW, src);
                return;
            }
            Reason r = coordinates(src);
            if (r != null) {
                report.reject(r, src);
                return;
            }
            long occ = occurred(src);
            if (m.when != ColumnMapping.When.NONE && occ == FastDates.INVALID) {
                report.reject(Reason.BAD_DATE, src);
                return;
            }
            accept(src, occ);
        }

        /** Sets {@link #lon}, {@link #lat}; the reason the row is rejected, or null. */
        private Reason coordinates(RowSource src) {
            double x = Double.NaN, y = Double.NaN;
            boolean xyRow = false;
            if (plan.featureGeometry && src.point(ll)) {
                x = ll[0];
                y = ll[1];
            } else if (plan.cLat >= 0 && plan.cLon >= 0) {
                y = src.number(plan.cLat);
                x = src.number(plan.cLon);
            }
            if ((Double.isNaN(x) || Double.isNaN(y)) && plan.cLoc >= 0 && LocationText.parse(src.text(plan.cLoc), ll)) {
                x = ll[0];
                y = ll[1];
            }
            if ((Double.isNaN(x) || Double.isNaN(y)) && m.coordinates == ColumnMapping.Coordinates.XY) {
                y = src.number(plan.cY);
                x = src.number(plan.cX);
                xyRow = true;
            }
            if (xyRow && Double.isFinite(x) && Double.isFinite(y) && !(x == 0 && y == 0)) {
                if (plan.conv != null) {
                    if (!plan.conv.toLonLat(x, y, ll)) return Reason.NO_COORDINATES;
                    x = ll[0];
                    y = ll[1];
                } else if (!checkedProjected && (Math.abs(x) > 180 || Math.abs(y) > 90)) {
                    throw new IngestException("columns " + m.names().get(Field.X) + "/" + m.names().get(Field.Y)
                            + " hold projected coordinates (" + src.where() + ": " + x + ", " + y
                            + "); give srcCrs (for example EPSG:3435 for Illinois State Plane feet)");
                }
                checkedProjected = true;
            }
            if (!Double.isFinite(x) || !Double.isFinite(y)) return Reason.NO_COORDINATES;
            if (x == 0 && y == 0) return Reason.NULL_ISLAND;
            double[] e = plan.extent;
            if (x < e[0] || x > e[2] || y < e[1] || y > e[3] || Math.abs(y) > 90 || Math.abs(x) > 180) {
                if (y >= e[0] && y <= e[2] && x >= e[1] && x <= e[3]) report.swappedLooking();
                return Reason.OUTSIDE_EXTENT;
            }
            lon = x;
            lat = y;
            return null;
        }

        /** The occurrence time ({@link FastDates#INVALID} when unreadable), its precision into {@link #prec}. */
        private long occurred(RowSource src) {
            prec[0] = null;
            long occ;
            switch (m.when) {
                case DATE_TIME, DATE_ONLY -> occ = date(src);
                case DATE_AND_TIME_COLUMN -> {
                    occ = date(src);
                    if (occ != FastDates.INVALID) occ = withTime(src, occ);
                }
                case DATE_AND_HOUR_COLUMN -> {
                    occ = date(src);
                    if (occ != FastDates.INVALID) occ = withHour(src, occ);
                }
                case PARTS -> occ = parts(src, plan.cYear, plan.cMonth, plan.cDay, plan.cHour, plan.cMin, prec);
                default -> occ = IncidentTable.NO_TIME;
            }
            if (plan.cPrec >= 0 && prec[0] != null) {
                FastDates.Precision given = precision(src.text(plan.cPrec));
                if (given != null) prec[0] = given;
            }
            return occ;
        }

        private long date(RowSource src) {
            long occ;
            if (m.epoch) { // milliseconds since 1970: a UTC instant
                double v = src.number(plan.cDate);
                occ = Double.isNaN(v) || v != Math.rint(v) ? FastDates.INVALID : (long) v;
                zone[0] = 0;
                prec[0] = FastDates.Precision.MINUTE;
            } else {
                occ = src.date(plan.cDate, plan.options.datePattern, plan.order, prec, zone);
            }
            if (occ != FastDates.INVALID && m.when == ColumnMapping.When.DATE_ONLY) {
                occ = FastDates.dayStart(occ); // a placeholder time of day is dropped
                prec[0] = prec[0] == FastDates.Precision.MONTH ? FastDates.Precision.MONTH : FastDates.Precision.DAY;
            }
            if (occ != FastDates.INVALID && zone[0] != FastDates.NO_ZONE && m.when != ColumnMapping.When.DATE_AND_TIME_COLUMN
                    && m.when != ColumnMapping.When.DATE_AND_HOUR_COLUMN) {
                zoned++;
                if (zone[0] == 0) zonedUtc++;
                if (plan.zoneRules != null) occ = toZone(occ, zone[0], plan.zoneRules);
            }
            return occ;
        }

        private long withTime(RowSource src, long occ) {
            if (src.isBlank(plan.cTime)) {
                prec[0] = FastDates.Precision.DAY;
                timeMissing++;
                return FastDates.dayStart(occ);
            }
            long tod = src.timeOfDay(plan.cTime);
            prec[0] = FastDates.Precision.MINUTE;
            return tod < 0 ? FastDates.INVALID : FastDates.dayStart(occ) + tod;
        }

        private long withHour(RowSource src, long occ) {
            double h = src.number(plan.cHour);
            if (Double.isNaN(h)) {
                prec[0] = FastDates.Precision.DAY;
                timeMissing++;
                return FastDates.dayStart(occ);
            }
            if (h != Math.rint(h) || h < 0 || h > 23) return FastDates.INVALID;
            prec[0] = FastDates.Precision.HOUR;
            return FastDates.dayStart(occ) + (long) h * 3_600_000L;
        }

        private long reported(RowSource src) {
            if (plan.cRep < 0 || src.isBlank(plan.cRep)) return IncidentTable.NO_TIME;
            long rep;
            if (m.reportedEpoch) {
                double v = src.number(plan.cRep);
                rep = Double.isNaN(v) || v != Math.rint(v) ? FastDates.INVALID : (long) v;
                zone[0] = 0;
            } else {
                rep = src.date(plan.cRep, plan.options.datePattern, plan.repOrder, ignore, zone);
            }
            if (rep == FastDates.INVALID) {
                reportedUnparsed++;
                return IncidentTable.NO_TIME;
            }
            if (zone[0] != FastDates.NO_ZONE && plan.zoneRules != null) rep = toZone(rep, zone[0], plan.zoneRules);
            return rep;
        }

        private void accept(RowSource src, long occ) {
            // the id as bytes straight into the table (no String per row), unless a per-offense key is made from it
            byte[] idSrc = plan.cId >= 0 && m.duplicates != ColumnMapping.Duplicates.ID_AND_OFFENSE ? src.rawBytes(plan.cId, idRange) : null;
            String id = plan.cId >= 0 && idSrc == null ? src.rawText(plan.cId) : null;
            long rep = reported(src);
            int age = IncidentTable.NO_AGE;
            if (plan.cAge >= 0) {
                double a = src.number(plan.cAge);
                if (a > 0 && a <= 120) age = (int) a;
            }
            texts(src, id);
            long line = src.line();
            if (plan.cLine >= 0) {
                double l = src.number(plan.cLine);
                if (l >= 1 && l == Math.rint(l)) line = (long) l;
            }
            if (keyArray) key(src, id);
            if (idSrc != null) table.add(lon, lat, occ, prec[0], rep, age, line, texts, extraValues, idSrc, idRange[0], idRange[1]);
            else table.add(lon, lat, occ, prec[0], rep, age, line, texts, extraValues);
            report.accept();
        }

        private void texts(RowSource src, String id) {
            texts[IncidentTable.ID] = id;
            texts[IncidentTable.OFFENSE_CODE] = plan.cCode >= 0 ? src.text(plan.cCode) : null;
            texts[IncidentTable.OFFENSE] = plan.cOff >= 0 ? src.text(plan.cOff) : null;
            texts[IncidentTable.OFFENSE_DETAIL] = plan.cDetail >= 0 ? src.text(plan.cDetail) : null;
            // the category's description is most often the offense column, already read
            String description = plan.cCat == plan.cOff ? texts[IncidentTable.OFFENSE] : plan.cCat >= 0 ? src.text(plan.cCat) : null;
            texts[IncidentTable.CATEGORY] = categoriser.category(plan.cNibrs >= 0 ? src.text(plan.cNibrs) : null,
                    plan.cFbi >= 0 ? src.text(plan.cFbi) : null, description, plan.cDetail >= 0 ? texts[IncidentTable.OFFENSE_DETAIL] : null);
            texts[IncidentTable.PREMISE] = plan.cPrem >= 0 ? src.text(plan.cPrem) : null;
            texts[IncidentTable.WEAPON] = plan.cWeap >= 0 ? src.text(plan.cWeap) : null;
            texts[IncidentTable.AREA] = plan.cArea >= 0 ? area(src.text(plan.cArea)) : null;
            texts[IncidentTable.AREA_NAME] = plan.cAreaName >= 0 ? src.text(plan.cAreaName) : null;
            for (int k = 0; k < plan.keep.length; k++) extraValues[k] = src.text(plan.keep[k]);
        }

        /**
         * {@link #areaCode}, remembered for the last values seen in a few slots: the reader returns one String instance for
         * repeated values, so a slot matches by identity, and its String's hash is already computed.
         */
        private String area(String s) {
            if (s == null) return null;
            int slot = s.hashCode() & (areaIn.length - 1);
            if (areaIn[slot] != s) {
                areaIn[slot] = s;
                areaOut[slot] = areaCode(s);
            }
            return areaOut[slot];
        }

        private void key(RowSource src, String id) {
            int at = table.size();
            if (at == keys.length) keys = java.util.Arrays.copyOf(keys, keys.length + (keys.length >> 1));
            keys[at] = m.duplicates == ColumnMapping.Duplicates.ROW_KEY ? (plan.cRow >= 0 ? src.rawText(plan.cRow) : null)
                    : id == null ? null : id + '\u001f' + src.text(plan.cOffKey);
        }
    }

    /**
     * Joins parts (in order: the parts of one file, or several files), rejects duplicates across all of
     * them (the first row of a key is kept), then placeholder and outlier locations, and balances the
     * report. {@code partNames} name the parts' sources in samples when there are several files.
     */
    public Result finish(Plan plan, String sourceName, List<Part> parts, List<String> partNames) {
        ColumnMapping m = plan.m;
        IngestReport report = new IngestReport(sourceName);
        report.detail("format", m.format().name());
        Map<String, String> colReport = new LinkedHashMap<>();
        for (Map.Entry<Field, String> e : m.names().entrySet()) colReport.put(e.getKey().key(), e.getValue());
        report.detail("columns", colReport);
        report.detail("fields", m.describe());
        report.detail("extent_lon_lat", plan.extent);
        for (String w : m.warnings()) report.warn(w);
        long reportedUnparsed = 0, timeMissing = 0, zoned = 0, zonedUtc = 0, blank = 0;
        boolean files = new java.util.HashSet<>(partNames).size() > 1;
        for (int p = 0; p < parts.size(); p++) {
            Part part = parts.get(p);
            report.add(part.report, files ? partNames.get(p) + " " : "");
            reportedUnparsed += part.reportedUnparsed;
            timeMissing += part.timeMissing;
            zoned += part.zoned;
            zonedUtc += part.zonedUtc;
            blank += part.blankLines;
        }
        int rows = 0;
        List<IncidentTable> tables = new ArrayList<>();
        for (Part part : parts) {
            rows += part.table.size();
            tables.add(part.table);
        }
        long t0 = System.nanoTime();
        // duplicates, in order over all parts
        boolean[] keep = null;
        int dropped = 0;
        if (m.duplicates != ColumnMapping.Duplicates.NONE) {
            StringSet seen = parts.get(0).keys != null ? new StringSet(rows) : null;
            keep = seen == null ? IdSet.firstOccurrences(tables, rows) : new boolean[rows];
            int row = 0;
            for (int p = 0; p < parts.size(); p++) {
                Part part = parts.get(p);
                String prefix = files ? partNames.get(p) + " " : "";
                for (int i = 0; i < part.table.size(); i++, row++) {
                    if (seen != null) {
                        String key = part.keys[i];
                        keep[row] = key == null || seen.add(key);
                    }
                    if (!keep[row]) {
                        report.unaccept(Reason.DUPLICATE_ID, prefix + part.where + part.table.line(i));
                        dropped++;
                    }
                }
            }
        }
        long t1 = System.nanoTime();
        IncidentTable table; // the parts joined, without the duplicates (one copy)
        if (parts.size() == 1) {
            table = parts.get(0).table;
            if (dropped > 0) table.retain(keep);
        } else {
            table = IncidentTable.concat(tables, dropped > 0 ? keep : null, true); // the parts are done with
        }
        long t2 = System.nanoTime();
        report.blankLines(blank);
        if (reportedUnparsed > 0) report.detail("reported_date_unparsed", reportedUnparsed);
        if (timeMissing > 0) report.detail("time_missing_day_precision", timeMissing);
        if (zoned > 0) {
            report.detail("dates_with_zone", Map.of("values", zoned, "utc", zonedUtc, "handling", plan.zoneRules == null
                    ? "kept as written (the zone is dropped)" : "converted to " + options.timeZone + " wall-clock time"));
        }
        unmatched(parts, report);
        if (options.screenLocations) screen(table, report, parts.get(0).where);
        report.checkBalanced();
        if (Boolean.getBoolean("crime.timing")) {
            System.err.printf("  [timing] finish: duplicates %.2f s, join %.2f s, location screen %.2f s%n", (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9);
        }
        return new Result(table, report, m.format(), m.names(), m);
    }

    /**
     * Reports the offense descriptions that matched no word of the vocabulary (their rows are 'other'),
     * with a warning when they are most of the rows: the export's words are not the vocabulary's.
     */
    private static void unmatched(List<Part> parts, IngestReport report) {
        long rows = 0;
        Map<String, Long> counts = new java.util.HashMap<>();
        for (Part p : parts) {
            rows += p.unmatchedRows;
            p.unmatched.forEach((k, v) -> counts.merge(k, v, Long::sum));
        }
        if (rows == 0) return;
        List<String> top = counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(10)
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        report.detail("category_no_word_matched", Map.of("rows", rows, "most_frequent", top));
        if (rows * 2 > report.accepted()) {
            report.warn("category: " + rows + " of " + report.accepted() + " incidents have an offense whose words match no "
                    + "category (e.g. " + top.subList(0, Math.min(3, top.size())) + "), so they are 'other'; the vocabulary "
                    + "(README) is English with a few French, Spanish, German, Portuguese and Italian words; name a NIBRS "
                    + "or FBI code column with columns=nibrs_code=... or fbi_code=... if the export has one");
        }
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
