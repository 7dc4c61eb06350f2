package org.crimeanalytics.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which column gives which incident field, and how each is read, decided from the header (or a
 * layer's attribute names) and the values of the first rows, before any row is ingested.
 *
 * <p>A named export ({@link SourceFormat}) maps its own columns. Any other input takes, for each field,
 * the first column whose normalised name is one of that field's synonyms
 * ({@link SourceFormat#GENERIC_NAMES}) and whose sampled values fit the field (numbers in range for
 * coordinates, dates for dates, times for times, codes for NIBRS codes, coordinates for a location
 * column). The user's {@code columns} mapping overrides both. Decisions that would otherwise be
 * guesses are refused with a one-line message: a date column whose day/month order its values do not
 * show, a column the user named that does not exist, no coordinates at all.
 *
 * <p>Everything decided is written to the report ({@link #describe()}): per field, the column and how it
 * is parsed; and {@link #warnings()} name what was not found among the columns seen.
 */
public final class ColumnMapping {

    /** Where a row's coordinates come from. */
    public enum Coordinates { LAT_LON, XY, LOCATION, GEOMETRY }

    /** Where a row's occurrence time comes from. */
    public enum When { DATE_TIME, DATE_AND_TIME_COLUMN, DATE_AND_HOUR_COLUMN, DATE_ONLY, PARTS, NONE }

    /** Which rows are duplicates. */
    public enum Duplicates { NONE, ID, ROW_KEY, ID_AND_OFFENSE }

    /** Where the coarse category comes from. */
    public enum CategorySource { NIBRS, FBI, WORDS, NONE }

    final SourceFormat format;
    final EnumMap<Field, Integer> col = new EnumMap<>(Field.class);
    final EnumMap<Field, String> names = new EnumMap<>(Field.class);
    Coordinates coordinates;
    boolean locationFallback;
    When when = When.NONE;
    DateColumns.Plan occurredPlan;
    DateColumns.Plan reportedPlan;
    Duplicates duplicates = Duplicates.NONE;
    CategorySource category = CategorySource.NONE;
    final boolean decimalComma;
    final List<String> warnings = new ArrayList<>();
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final List<String> header;

    private ColumnMapping(SourceFormat format, List<String> header, boolean decimalComma) {
        this.format = format;
        this.header = header;
        this.decimalComma = decimalComma;
    }

    public SourceFormat format() {
        return format;
    }

    /** The column index of a field, or -1. */
    public int column(Field f) {
        return col.getOrDefault(f, -1);
    }

    /** Header names of the mapped fields (for the legacy report entry). */
    public Map<Field, String> names() {
        return names;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** Per field: the column(s) and how they are parsed, for the report. */
    public Map<String, Object> describe() {
        return fields;
    }

    /**
     * Decides the mapping.
     *
     * @param sample the first rows' field texts (may be empty); for a layer, its first features'
     *     attribute values as text
     * @param featureGeometry whether rows carry a geometry of their own (a layer)
     * @param decimalComma whether a comma in a number is a decimal separator (semicolon or tab separated input)
     */
    public static ColumnMapping detect(List<String> header, List<String[]> sample, boolean featureGeometry,
            boolean decimalComma, IncidentIngest.Options o) {
        SourceFormat format = o.format != null ? o.format : SourceFormat.detect(header);
        ColumnMapping m = new ColumnMapping(format, header, decimalComma);
        Set<Integer> used = new HashSet<>();
        // 1. the user's columns
        Map<Field, String> user = new EnumMap<>(o.columns);
        if (user.containsKey(Field.LAT) && user.containsKey(Field.LON)
                && find(header, user.get(Field.LAT)) >= 0 && find(header, user.get(Field.LAT)) == find(header, user.get(Field.LON))) {
            user.put(Field.LOCATION, user.remove(Field.LAT)); // lat=location;lon=location: one location column
            user.remove(Field.LON);
        }
        for (Map.Entry<Field, String> e : user.entrySet()) {
            int i = find(header, e.getValue());
            if (i < 0) {
                throw new IngestException("columns: " + e.getKey().key() + "=" + e.getValue()
                        + " names a column that is not in the input; columns found: " + IncidentIngest.describe(header));
            }
            m.put(e.getKey(), i);
            used.add(i);
        }
        // 2. the export's own columns, or 3. synonyms checked against the values
        if (format != SourceFormat.GENERIC) {
            for (Map.Entry<Field, List<String>> e : format.columns().entrySet()) {
                if (m.col.containsKey(e.getKey())) continue;
                for (String name : e.getValue()) {
                    int i = find(header, name);
                    if (i >= 0) {
                        m.put(e.getKey(), i);
                        used.add(i);
                        break;
                    }
                }
            }
        } else {
            for (Field f : GENERIC_ORDER) {
                if (m.col.containsKey(f)) continue;
                for (String name : SourceFormat.GENERIC_NAMES.get(f)) {
                    int i = findNormalised(header, name);
                    if (i < 0 || (used.contains(i) && !(f == Field.OFFENSE_CODE && i == m.column(Field.NIBRS_CODE)))) continue;
                    if ((f == Field.OFFENSE || f == Field.OFFENSE_DETAIL) && m.codes(i, sample)) {
                        // a column of codes named like an offense (Fort Worth's Offense holds NIBRS codes): the
                        // category may come from it, the offense text from another column
                        if (!m.col.containsKey(Field.NIBRS_CODE) && m.fits(Field.NIBRS_CODE, i, sample, o)) m.put(Field.NIBRS_CODE, i);
                        if (!m.col.containsKey(Field.OFFENSE_CODE)) m.put(Field.OFFENSE_CODE, i);
                        used.add(i);
                        continue;
                    }
                    if (f == Field.DATE && !m.fits(f, i, sample, o) && m.unreadDate == null && !values(sample, i).isEmpty()) {
                        m.unreadDate = header.get(i) + "' (e.g. '" + values(sample, i).get(0);
                    }
                    if (!m.fits(f, i, sample, o)) continue;
                    m.put(f, i);
                    used.add(i);
                    break;
                }
            }
        }
        m.convertible = o.xyConverter != null || format.xyCrs() != null;
        m.decideCoordinates(sample, featureGeometry, used);
        m.decideDates(sample, o);
        m.decideDuplicates();
        m.decideCategory();
        m.describeRest(o);
        return m;
    }

    /** Generic fields in the order they claim columns. */
    private static final List<Field> GENERIC_ORDER = List.of(Field.LAT, Field.LON, Field.X, Field.Y, Field.LOCATION,
            Field.DATE, Field.TIME, Field.HOUR, Field.YEAR, Field.MONTH, Field.DAY, Field.MINUTE, Field.REPORTED, Field.ID,
            Field.ROW_KEY, Field.NIBRS_CODE, Field.FBI_CODE, Field.OFFENSE_CODE, Field.OFFENSE, Field.OFFENSE_DETAIL,
            Field.PREMISE, Field.WEAPON, Field.AREA_NAME, Field.AREA, Field.VICTIM_AGE);

    private void put(Field f, int i) {
        col.put(f, i);
        names.put(f, header.get(i));
    }

    /** A column by exact, case-insensitive or normalised name; -1 if none. */
    static int find(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) if (header.get(i).equals(name)) return i;
        for (int i = 0; i < header.size(); i++) if (header.get(i).trim().equalsIgnoreCase(name.trim())) return i;
        return findNormalised(header, SourceFormat.normalise(name));
    }

    private static int findNormalised(List<String> header, String normalised) {
        for (int i = 0; i < header.size(); i++) if (SourceFormat.normalise(header.get(i)).equals(normalised)) return i;
        return -1;
    }

    /** The non-blank sampled values of column {@code i}. */
    static List<String> values(List<String[]> sample, int i) {
        List<String> v = new ArrayList<>();
        for (String[] r : sample) {
            if (i < r.length && r[i] != null && !r[i].isBlank()) v.add(r[i].trim());
        }
        return v;
    }

    /** A number as the rows will read it (a decimal comma when the input uses one); NaN if not a number. */
    double number(String s) {
        String t = s.trim();
        if (decimalComma && t.indexOf(',') >= 0 && t.indexOf('.') < 0) t = t.replace(',', '.');
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A date-named column whose values could not be read (for the warning when no date column is found). */
    String unreadDate;

    /** Whether most sampled values of column {@code i} are codes (one short token with a digit: 13B, 0623, 67A). */
    boolean codes(int i, List<String[]> sample) {
        List<String> v = values(sample, i);
        if (v.isEmpty()) return false;
        int codes = 0;
        for (String x : v) if (x.length() <= 6 && x.indexOf(' ') < 0 && x.chars().anyMatch(Character::isDigit)) codes++;
        return codes * 2 > v.size();
    }

    /** Whether the sampled values of column {@code i} fit field {@code f} (all-blank columns fit). */
    private boolean fits(Field f, int i, List<String[]> sample, IncidentIngest.Options o) {
        List<String> v = values(sample, i);
        if (v.isEmpty()) return f != Field.LOCATION && f != Field.NIBRS_CODE;
        int ok = 0;
        for (String s : v) {
            boolean good = switch (f) {
                case LAT -> Math.abs(number(s)) <= 90;
                case LON -> Math.abs(number(s)) <= 180;
                case X, Y, VICTIM_AGE -> !Double.isNaN(number(s));
                case LOCATION -> LocationText.parse(s, new double[2]);
                case TIME -> TimeOfDay.parse(s) >= 0;
                case HOUR -> isInt(s, 0, 23);
                case YEAR -> isInt(s, 1800, 2200);
                case MONTH -> isInt(s, 1, 12) || monthName(s) > 0;
                case DAY -> isInt(s, 1, 31);
                case MINUTE -> isInt(s, 0, 59);
                case NIBRS_CODE -> OffenseCategory.isNibrsCode(s);
                case DATE, REPORTED -> o.datePattern != null || FastDates.parse(s, FastDates.DateOrder.MDY, null, null) != FastDates.INVALID
                        || FastDates.parse(s, FastDates.DateOrder.DMY, null, null) != FastDates.INVALID || epochMillis(s);
                default -> true;
            };
            if (good) ok++;
        }
        return ok * 2 >= v.size();
    }

    /** Milliseconds since 1970 in UTC, as ArcGIS exports write dates: 12 or 13 digits (1973 to 2286). */
    static boolean epochMillis(String s) {
        String t = s.trim();
        if (t.length() < 12 || t.length() > 13) return false;
        for (int k = 0; k < t.length(); k++) if (!Character.isDigit(t.charAt(k))) return false;
        return true;
    }

    /** Whether (most of) a date column's values are epoch milliseconds. */
    boolean epoch;
    /** Whether (most of) the reported date column's values are epoch milliseconds. */
    boolean reportedEpoch;

    private boolean isInt(String s, int lo, int hi) {
        double d = number(s);
        return d == Math.rint(d) && d >= lo && d <= hi;
    }

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    /** 1-12 for an English month name or abbreviation, else 0. */
    static int monthName(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.length() < 3) return 0;
        for (int k = 0; k < 12; k++) if (t.startsWith(MONTHS[k])) return k + 1;
        return 0;
    }

    /** Whether a converter for projected x/y exists (srcCrs given, or the format's own CRS). */
    boolean convertible;

    /** Whether the sampled x/y values are projected (beyond +-180 / +-90). */
    private boolean projected(List<String[]> sample) {
        for (String v : values(sample, column(Field.X))) if (Math.abs(number(v)) > 180) return true;
        for (String v : values(sample, column(Field.Y))) if (Math.abs(number(v)) > 90) return true;
        return false;
    }

    private void decideCoordinates(List<String[]> sample, boolean featureGeometry, Set<Integer> used) {
        boolean latLon = col.containsKey(Field.LAT) && col.containsKey(Field.LON);
        boolean xy = col.containsKey(Field.X) && col.containsKey(Field.Y);
        if (featureGeometry) {
            coordinates = Coordinates.GEOMETRY;
            fields.put("location", Map.of("from", "the feature geometry, in longitude/latitude (EPSG:4326)"));
            return;
        }
        if (!latLon && !xy && !col.containsKey(Field.LOCATION)) {
            // any column whose values are locations, whatever its name
            for (int i = 0; i < header.size(); i++) {
                if (used.contains(i) || values(sample, i).isEmpty()) continue;
                if (fits(Field.LOCATION, i, sample, new IncidentIngest.Options())) {
                    put(Field.LOCATION, i);
                    break;
                }
            }
        }
        if (!latLon && xy && col.containsKey(Field.LOCATION) && projected(sample) && !convertible) {
            xy = false; // projected x/y and no CRS for them, but a location column in degrees (Dallas)
            fields.put("x_y_not_used", "columns " + names.get(Field.X) + "/" + names.get(Field.Y)
                    + " hold projected coordinates and no srcCrs was given; the location column is used");
        }
        if (latLon) {
            coordinates = Coordinates.LAT_LON;
            locationFallback = col.containsKey(Field.LOCATION);
            fields.put("location", Map.of("columns", List.of(names.get(Field.LAT), names.get(Field.LON)), "parsed",
                    "latitude and longitude in degrees" + (decimalComma ? " (a comma is the decimal separator)" : "")
                            + (locationFallback ? "; where they are blank, column '" + names.get(Field.LOCATION) + "'" : "")));
        } else if (xy) {
            coordinates = Coordinates.XY;
            fields.put("location", Map.of("columns", List.of(names.get(Field.X), names.get(Field.Y)), "parsed",
                    "x (easting or longitude) and y (northing or latitude)"));
        } else if (col.containsKey(Field.LOCATION)) {
            coordinates = Coordinates.LOCATION;
            List<String> v = values(sample, column(Field.LOCATION));
            fields.put("location", Map.of("columns", List.of(names.get(Field.LOCATION)), "parsed",
                    "one column: '(latitude, longitude)' or 'POINT (longitude latitude)'"
                            + (v.isEmpty() ? "" : ", like '" + v.get(0).replaceAll("\\s+", " ") + "'")));
        } else {
            throw new IngestException("no coordinate columns: found " + IncidentIngest.describe(header)
                    + "; expected latitude/longitude (" + SourceFormat.GENERIC_NAMES.get(Field.LAT).subList(0, 4) + " / "
                    + SourceFormat.GENERIC_NAMES.get(Field.LON).subList(0, 4) + "), x/y with srcCrs, or one location column "
                    + "such as '(41.87, -87.73)' or 'POINT (-87.73 41.87)'; name them with columns=lat=...;lon=... or "
                    + "columns=location=...");
        }
    }

    private void decideDates(List<String[]> sample, IncidentIngest.Options o) {
        FastDates.DateOrder fixed = o.dateOrder != null ? o.dateOrder : format.dateOrder();
        boolean named = format != SourceFormat.GENERIC && format != SourceFormat.CANONICAL;
        if (!col.containsKey(Field.DATE) && col.containsKey(Field.REPORTED) && !(col.containsKey(Field.YEAR) && col.containsKey(Field.MONTH))) {
            put(Field.DATE, col.remove(Field.REPORTED));
            names.remove(Field.REPORTED);
            warnings.add("no occurrence date column: 'occurred' is the report date from '" + names.get(Field.DATE)
                    + "' (incidents may have happened earlier); name the occurrence date with columns=date=... if there is one");
        }
        if (col.containsKey(Field.DATE)) {
            String name = names.get(Field.DATE);
            List<String> v = values(sample, column(Field.DATE));
            epoch = !v.isEmpty() && v.stream().filter(ColumnMapping::epochMillis).count() * 2 > v.size();
            if (o.datePattern != null || epoch) {
                occurredPlan = null;
            } else {
                occurredPlan = DateColumns.infer(v, fixed);
                checkOrder(occurredPlan, "date", name);
                if (!v.isEmpty() && !occurredPlan.usable()) {
                    throw new IngestException("date: column '" + name + "' does not hold dates the importer reads (e.g. '"
                            + v.get(0) + "'); give dateFormat (a java.time pattern) or name the date column with columns=date=...");
                }
            }
            boolean replaceTime = occurredPlan == null || !occurredPlan.hasTime() || occurredPlan.constantTime()
                    || named || allMidnight(v, occurredPlan);
            if (epoch) replaceTime = false;
            boolean placeholder = occurredPlan != null && occurredPlan.constantTime() && v.size() >= 20;
            if (col.containsKey(Field.TIME) && replaceTime) when = When.DATE_AND_TIME_COLUMN;
            else if (col.containsKey(Field.HOUR) && replaceTime) when = When.DATE_AND_HOUR_COLUMN;
            else if (placeholder) when = When.DATE_ONLY; // the same time of day in every value: a placeholder, not a time
            else when = occurredPlan == null || occurredPlan.hasTime() ? When.DATE_TIME : When.DATE_ONLY;
            String how = epoch ? "milliseconds since 1970 (UTC instants)" : o.datePattern != null ? "pattern '" + o.datePatternText + "'"
                    : occurredPlan.description();
            if (placeholder && when == When.DATE_ONLY) how += "; that time is dropped (day precision)";
            List<String> cols = new ArrayList<>(List.of(name));
            switch (when) {
                case DATE_AND_TIME_COLUMN -> {
                    cols.add(names.get(Field.TIME));
                    how += "; time of day from '" + names.get(Field.TIME) + "' (HHmm, H:mm[:ss] or h:mm AM/PM)";
                }
                case DATE_AND_HOUR_COLUMN -> {
                    cols.add(names.get(Field.HOUR));
                    how += "; hour of day from '" + names.get(Field.HOUR) + "' (hour precision)";
                }
                case DATE_ONLY -> how += "; no time of day (day precision)";
                default -> { }
            }
            boolean dayOnly = when == When.DATE_AND_TIME_COLUMN || when == When.DATE_AND_HOUR_COLUMN;
            if (epoch && o.timeZone == null) {
                warnings.add("date: column '" + name + "' holds milliseconds since 1970 (UTC instants); they are kept as UTC "
                        + "wall-clock times, so hours of day are UTC, not local: give timeZone (e.g. America/Chicago)");
            }
            if (dayOnly && occurredPlan != null && occurredPlan.zoned() > 0) {
                how += "; only the day of '" + name + "' is used, so its zone is ignored";
            } else if (o.timeZone != null) how += "; values written with a zone are converted to " + o.timeZone + " wall-clock time";
            else if (occurredPlan != null && occurredPlan.zoned() > 0) {
                how += "; zones are dropped: times are kept as written";
                if (occurredPlan.utc() > 0) {
                    warnings.add("date: column '" + name + "' writes times in UTC (" + occurredPlan.utc()
                            + " of the first values end in Z or +00); they are kept as written, so hours of day are UTC, "
                            + "not local: give timeZone (e.g. America/Chicago) to convert them to local time");
                }
            }
            fields.put("occurred", Map.of("columns", cols, "parsed", how));
        } else if (col.containsKey(Field.YEAR) && col.containsKey(Field.MONTH)) {
            when = When.PARTS;
            List<String> cols = new ArrayList<>();
            for (Field f : List.of(Field.YEAR, Field.MONTH, Field.DAY, Field.HOUR, Field.MINUTE)) {
                if (col.containsKey(f)) cols.add(names.get(f));
            }
            fields.put("occurred", Map.of("columns", cols, "parsed", "date and time split into columns ("
                    + String.join(", ", cols) + "); precision from the finest present"));
        } else {
            when = When.NONE;
            warnings.add(unreadDate != null
                    ? "date: column '" + unreadDate + "') looks like the date but its values are not dates the importer "
                            + "reads (two-digit years are ambiguous): 'occurred' stays empty; give dateFormat (e.g. M/d/yy H:mm)"
                    : "no occurrence date column recognised among " + IncidentIngest.describe(header)
                            + ": 'occurred' stays empty; name it with columns=date=... (and time=...)");
            fields.put("occurred", Map.of("note", "no date column: empty"));
        }
        List<String> rv = col.containsKey(Field.REPORTED) ? values(sample, column(Field.REPORTED)) : List.of();
        reportedEpoch = !rv.isEmpty() && rv.stream().filter(ColumnMapping::epochMillis).count() * 2 > rv.size();
        if (reportedEpoch) {
            fields.put("reported", Map.of("columns", List.of(names.get(Field.REPORTED)), "parsed",
                    "milliseconds since 1970 (UTC instants)" + (o.timeZone != null ? ", converted to " + o.timeZone : ", kept as UTC")));
        } else if (col.containsKey(Field.REPORTED) && o.datePattern == null) {
            String name = names.get(Field.REPORTED);
            reportedPlan = DateColumns.infer(values(sample, column(Field.REPORTED)), fixed);
            if ((reportedPlan.evidence() == DateColumns.Evidence.AMBIGUOUS) && occurredPlan != null
                    && occurredPlan.order() != null && occurredPlan.evidence() != DateColumns.Evidence.NONE_NEEDED) {
                reportedPlan = DateColumns.infer(values(sample, column(Field.REPORTED)), occurredPlan.order());
            }
            if (reportedPlan.evidence() == DateColumns.Evidence.AMBIGUOUS || reportedPlan.evidence() == DateColumns.Evidence.INCONSISTENT) {
                warnings.add("reported: the order of day and month in column '" + name + "' cannot be told from its values (e.g. '"
                        + reportedPlan.example() + "'): 'reported' stays empty; give dateOrder=DMY or MDY");
                col.remove(Field.REPORTED);
                fields.put("reported", Map.of("columns", List.of(name), "note", "order of day and month unknown: empty"));
            } else {
                fields.put("reported", Map.of("columns", List.of(name), "parsed", reportedPlan.description()));
            }
        }
    }

    private static boolean allMidnight(List<String> values, DateColumns.Plan plan) {
        if (plan == null || values.isEmpty()) return false;
        FastDates.Precision[] p = new FastDates.Precision[1];
        for (String v : values) {
            long t = FastDates.parse(v, plan.order() == null ? FastDates.DateOrder.MDY : plan.order(), p, null);
            if (t != FastDates.INVALID && t != FastDates.dayStart(t)) return false;
        }
        return true;
    }

    private static void checkOrder(DateColumns.Plan plan, String param, String column) {
        if (plan.evidence() == DateColumns.Evidence.AMBIGUOUS) {
            throw new IngestException(param + ": the order of day and month in column '" + column
                    + "' cannot be told from its values (every one fits both, e.g. '" + plan.example()
                    + "'); give dateOrder=DMY (day first) or dateOrder=MDY (month first), or a dateFormat");
        }
        if (plan.evidence() == DateColumns.Evidence.INCONSISTENT) {
            throw new IngestException(param + ": column '" + column + "' mixes day-first and month-first dates ('"
                    + plan.example() + "'); give dateOrder or dateFormat, or fix the export");
        }
    }

    private void decideDuplicates() {
        String rule = format.duplicateRule();
        if (format == SourceFormat.LAPD_NIBRS && col.containsKey(Field.ROW_KEY)) {
            duplicates = Duplicates.ROW_KEY;
        } else if (rule != null && col.containsKey(Field.ID)) {
            duplicates = Duplicates.ID;
        } else if (col.containsKey(Field.ROW_KEY)) {
            duplicates = Duplicates.ROW_KEY;
            rule = "rows with the same '" + names.get(Field.ROW_KEY) + "' (a per-offense key): an incident with "
                    + "several offenses keeps one row per offense";
            if (!col.containsKey(Field.ID)) {
                warnings.add("no incident id column recognised among " + IncidentIngest.describe(header)
                        + ": incident_id stays empty (duplicates use '" + names.get(Field.ROW_KEY) + "'); name it with columns=id=...");
            }
        } else if (col.containsKey(Field.ID) && (offenseKeyColumn() >= 0)) {
            duplicates = Duplicates.ID_AND_OFFENSE;
            rule = "rows with the same '" + names.get(Field.ID) + "' and '" + header.get(offenseKeyColumn())
                    + "': exact repeats are duplicates, other offenses of one incident are not";
        } else if (col.containsKey(Field.ID)) {
            duplicates = Duplicates.ID;
            rule = "rows with the same '" + names.get(Field.ID) + "'";
        } else {
            duplicates = Duplicates.NONE;
            rule = "no incident id column: duplicates are not detected";
            warnings.add("no incident id column recognised among " + IncidentIngest.describe(header)
                    + ": duplicate rows cannot be detected; name it with columns=id=...");
        }
        fields.put("duplicates", rule);
    }

    /** The column that tells offenses of one incident apart: the offense code, NIBRS code or offense text. */
    int offenseKeyColumn() {
        for (Field f : List.of(Field.OFFENSE_CODE, Field.NIBRS_CODE, Field.OFFENSE)) if (col.containsKey(f)) return col.get(f);
        return -1;
    }

    private void decideCategory() {
        if (col.containsKey(Field.NIBRS_CODE)) {
            category = CategorySource.NIBRS;
            fields.put("category", "from the NIBRS code in '" + names.get(Field.NIBRS_CODE) + "'"
                    + (col.containsKey(Field.OFFENSE) ? ", else the words of '" + names.get(Field.OFFENSE) + "'" : ""));
        } else if (col.containsKey(Field.FBI_CODE)) {
            category = CategorySource.FBI;
            fields.put("category", "from the FBI code in '" + names.get(Field.FBI_CODE) + "'");
        } else if (col.containsKey(Field.CATEGORY_KEY) || col.containsKey(Field.OFFENSE)) {
            category = CategorySource.WORDS;
            Field f = col.containsKey(Field.CATEGORY_KEY) ? Field.CATEGORY_KEY : Field.OFFENSE;
            fields.put("category", "from the words of '" + names.get(f) + "'"
                    + (f == Field.OFFENSE && col.containsKey(Field.OFFENSE_DETAIL) ? ", else of '" + names.get(Field.OFFENSE_DETAIL) + "'" : "")
                    + " (vocabulary in the README)");
        } else {
            category = CategorySource.NONE;
            warnings.add("no offense column recognised among " + IncidentIngest.describe(header)
                    + ": offense is empty and every category 'other'; name it with columns=offense=...");
            fields.put("category", "no offense column: 'other'");
        }
    }

    private void describeRest(IncidentIngest.Options o) {
        for (Field f : List.of(Field.ID, Field.ROW_KEY, Field.OFFENSE_CODE, Field.NIBRS_CODE, Field.FBI_CODE, Field.OFFENSE,
                Field.OFFENSE_DETAIL, Field.PREMISE, Field.WEAPON, Field.AREA, Field.AREA_NAME, Field.VICTIM_AGE)) {
            if (col.containsKey(f)) fields.put(f.key(), names.get(f));
        }
    }

    /** One line per field for the console: {@code occurred <- DATE OCC + TIME OCC (...)}. */
    public List<String> consoleLines() {
        List<String> l = new ArrayList<>();
        l.add("format " + format.name() + "; columns: " + columnsLine());
        Object occ = fields.get("occurred");
        if (occ instanceof Map<?, ?> mm && mm.get("parsed") != null) l.add("occurred: " + mm.get("parsed"));
        return l;
    }

    private String columnsLine() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Field, String> e : names.entrySet()) parts.add(e.getKey().key() + "=" + e.getValue());
        return String.join(", ", parts);
    }
}
