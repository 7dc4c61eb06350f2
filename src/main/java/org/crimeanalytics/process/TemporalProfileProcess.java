package org.crimeanalytics.process;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.crimeanalytics.io.CsvOut;
import org.crimeanalytics.json.Json;
import org.crimeanalytics.stats.MannKendall;


import org.crimeanalytics.style.Styles;
import org.crimeanalytics.temporal.Decomposition;
import org.crimeanalytics.temporal.TemporalProfile;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.util.ProgressListener;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.process.ProcessException;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;
import org.locationtech.jts.geom.Geometry;

/** {@code crime:TemporalProfile}: when crime happens, overall, per category and per area. */
@DescribeProcess(
        title = "Temporal profile of incidents",
        description = "Counts incidents by hour of day x day of week (overall and per category), per month or ISO week "
                + "with a classical additive decomposition (trend = centred moving average over the season, 2 x 12 for "
                + "months; seasonal = mean detrended value per season position, centred on zero; residual) and a "
                + "Mann-Kendall trend test with Sen's slope, and ranks offense categories and descriptions. With areas, "
                + "adds per area PEAK_HOUR, PEAK_DAY, NIGHT_SHARE (22:00-06:00), WEEKEND_SHARE (Saturday and Sunday), "
                + "TREND_PER_YEAR (Sen's slope of the area's series) and TREND_P. Times are the source's local times. "
                + "Unknown times: a time of exactly 00:00 or 00:01 is treated as 'time unknown' (LAPD and Chicago use "
                + "midnight and 12:01 AM for it) and counts in the series but not in hour-based results; times with "
                + "day precision count in the series and in weekday_counts (peak_day), not in the hour x weekday matrix; "
                + "month precision counts in monthly "
                + "series only. 'summary' counts each case and the excess of on-the-hour times (rounded reports).")
public class TemporalProfileProcess {

    /** Series step. */
    public enum Period { MONTH, WEEK }

    @DescribeResults({
        @DescribeResult(name = "result", type = SimpleFeatureCollection.class,
                description = "With areas: the areas with PEAK_HOUR, PEAK_DAY, NIGHT_SHARE, WEEKEND_SHARE, TREND_PER_YEAR, TREND_P, INCIDENTS"),
        @DescribeResult(name = "style", type = String.class, meta = {"mimeTypes=application/vnd.ogc.sld+xml"},
                description = "With areas: SLD 1.0.0 on TREND_PER_YEAR (falling blue, rising red)"),
        @DescribeResult(name = "matrix", type = String.class, meta = {"mimeTypes=text/csv"},
                description = "CSV: category, weekday (Mon..Sun), then counts for hours 0..23; 'all' first"),
        @DescribeResult(name = "series", type = String.class, meta = {"mimeTypes=text/csv"},
                description = "CSV: period, count, trend, seasonal, residual"),
        @DescribeResult(name = "types", type = String.class, meta = {"mimeTypes=text/csv"},
                description = "CSV: rank, category, offense, count, share"),
        @DescribeResult(name = "summary", type = String.class, meta = {"mimeTypes=application/json"},
                description = "JSON: counts, exclusions, Mann-Kendall test, seasonal indices, peak hour and day")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "incidents", description = "Incidents with an occurrence time") SimpleFeatureCollection incidents,
            @DescribeParameter(name = "timeAttribute", min = 0, defaultValue = "occurred", description = "Date attribute of the incidents") String timeAttribute,
            @DescribeParameter(name = "areas", min = 0, description = "Optional areas: one profile per area") SimpleFeatureCollection areas,
            @DescribeParameter(name = "categoryAttribute", min = 0, defaultValue = "category", description = "Category attribute (when present)") String categoryAttribute,
            @DescribeParameter(name = "categories", min = 0, description = "Comma-separated categories to keep (default: all)") String categories,
            @DescribeParameter(name = "from", min = 0, description = "Start of the time window (inclusive)") Date from,
            @DescribeParameter(name = "to", min = 0, description = "End of the time window (exclusive)") Date to,
            @DescribeParameter(name = "period", min = 0, defaultValue = "MONTH", description = "MONTH or WEEK") Period period,
            @DescribeParameter(name = "seasonLength", min = 0, minValue = 2, maxValue = 104, description = "Periods per season (default 12 for months, 52 for weeks)") Integer seasonLength,
            ProgressListener monitor) {
        if (incidents == null) throw new ProcessException("incidents: required");
        SimpleFeatureType t = incidents.getSchema();
        String ta = timeAttribute == null ? "occurred" : timeAttribute;
        org.crimeanalytics.geo.FeatureTimes.check(incidents, ta, "timeAttribute", "incidents");
        String ca = categoryAttribute == null ? "category" : categoryAttribute;
        boolean hasCat = t.getDescriptor(ca) != null;
        if (categoryAttribute != null && !categoryAttribute.equals("category") && !hasCat) {
            throw new ProcessException("categoryAttribute: no attribute '" + categoryAttribute + "' in incidents");
        }
        java.util.Set<String> keep = null;
        if (categories != null && !categories.isBlank()) {
            if (!hasCat) throw new ProcessException("categories: incidents have no '" + ca + "' attribute to filter on");
            keep = new java.util.HashSet<>();
            for (String c : categories.split(",")) if (!c.isBlank()) keep.add(c.trim());
        }
        if (from != null && to != null && !from.before(to)) throw new ProcessException("from, to: 'from' must be before 'to'");
        Period per = period == null ? Period.MONTH : period;
        int season = seasonLength != null ? seasonLength : per == Period.MONTH ? 12 : 52;
        if (season < 2 || season > 104) throw new ProcessException("seasonLength: must be between 2 and 104 periods, was " + season);
        boolean hasPrecision = t.getDescriptor("time_precision") != null;
        boolean hasOffense = t.getDescriptor("offense") != null;
        if (monitor != null) monitor.started();
        Steps.step(monitor, "Reading incidents and counting by hour, weekday and period", 5);

        // areas
        List<SimpleFeature> areaList = new ArrayList<>();
        org.crimeanalytics.geo.AreaLocator locator = null;
        if (areas != null) {
            List<Geometry> polys = new ArrayList<>();
            try (SimpleFeatureIterator it = areas.features()) {
                while (it.hasNext()) {
                    SimpleFeature f = it.next();
                    areaList.add(f);
                    polys.add((Geometry) f.getDefaultGeometry());
                }
            }
            if (areaList.isEmpty()) throw org.crimeanalytics.geo.LayerChecks.empty("areas");
            org.crimeanalytics.geo.LayerChecks.requireGeometries(polys, "areas");
            if (areas.getSchema().getCoordinateReferenceSystem() == null || t.getCoordinateReferenceSystem() == null) {
                throw new ProcessException("areas: both layers need a coordinate reference system");
            }
            locator = new org.crimeanalytics.geo.AreaLocator(polys, areas.getSchema().getCoordinateReferenceSystem(),
                    t.getCoordinateReferenceSystem(), "incidents");
        }
        int na = areaList.size();
        // an incident is located when it passes the time and category filters (as the loop below checks them)
        final java.util.Set<String> keepF = keep;
        Columns.Wanted wanted = locator == null ? null : (tm, cat) -> tm != org.crimeanalytics.ingest.FastDates.INVALID
                && !((from != null && tm < from.getTime()) || (to != null && tm >= to.getTime())) && (keepF == null || keepF.contains(cat));
        Columns in = Columns.of(incidents, ta, hasCat ? ca : null, hasPrecision, hasOffense, wanted, monitor);
        boolean[] keepCat = null;
        if (keep != null) {
            keepCat = new boolean[in.catNames.length];
            for (int c = 0; c < keepCat.length; c++) keepCat[c] = keep.contains(in.catNames[c]);
            java.util.Set<String> present = new java.util.TreeSet<>(java.util.Arrays.asList(in.catNames));
            for (String k : new java.util.TreeSet<>(keep)) {
                if (!present.contains(k)) { // a typo or another case would filter out everything without a word
                    List<String> some = new ArrayList<>(present).subList(0, Math.min(20, present.size()));
                    throw new ProcessException("categories: no incident has " + ca + " '" + k + "'; the values are " + some
                            + (present.size() > 20 ? " and " + (present.size() - 20) + " more" : ""));
                }
            }
        }
        if (locator != null) in.locate(locator, i -> wanted.test(in.time[i], in.catNames[in.cat[i]])); // all at once
        int nc = in.catNames.length, no = in.offNames.length;
        long[][][] byCat = new long[nc][][]; // made for the categories that reach the hour x weekday matrix
        long[] typeCounts = (long) nc * no <= 1 << 20 ? new long[nc * no] : null; // category x offense (up to 8 MB), else a map
        Map<Long, long[]> typeMap = typeCounts == null ? new HashMap<>() : null;
        long[][] all = new long[7][24];
        long[][][] areaMatrix = new long[na][7][24];
        int[] seriesKey = new int[in.n], seriesArea = new int[in.n]; // the period and area (-1: none) of each row in the series
        int inSeriesRows = 0;
        long firstMs = Long.MAX_VALUE, lastMs = Long.MIN_VALUE; // the series' earliest and latest incident
        long[] weekdays = new long[7];
        long read = 0, noTime = 0, outWindow = 0, filtered = 0, placeholders = 0, dayOnly = 0, monthOnly = 0, outsideAreas = 0, noGeom = 0;
        long[] minuteCounts = new long[1440];
        for (int i = 0; i < in.n; i++) {
            read++;
            if ((read & 8191) == 0 && monitor != null && monitor.isCanceled()) throw new ProcessException("cancelled");
            long ms = in.time[i];
            if (ms == org.crimeanalytics.ingest.FastDates.INVALID) {
                noTime++;
                continue;
            }
            if ((from != null && ms < from.getTime()) || (to != null && ms >= to.getTime())) {
                outWindow++;
                continue;
            }
            int cat = in.cat[i];
            if (keepCat != null && !keepCat[cat]) {
                filtered++;
                continue;
            }
            byte prec = in.precision[i];
            int area = -1;
            if (locator != null) {
                area = in.area[i];
                if (area == org.crimeanalytics.geo.AreaLocator.NO_GEOMETRY) {
                    noGeom++;
                    continue;
                }
                if (area < 0) {
                    outsideAreas++;
                    continue;
                }
            }
            boolean monthPrec = prec == Columns.MONTH;
            if (monthPrec && per == Period.WEEK) {
                monthOnly++;
                continue;
            }
            seriesKey[inSeriesRows] = per == Period.MONTH ? TemporalProfile.monthIndex(ms) : TemporalProfile.weekIndex(ms);
            firstMs = Math.min(firstMs, ms);
            lastMs = Math.max(lastMs, ms);
            seriesArea[inSeriesRows++] = area;
            if (typeCounts != null) typeCounts[cat * no + in.off[i]]++;
            else typeMap.computeIfAbsent((long) cat * no + in.off[i], k -> new long[1])[0]++;
            if (monthPrec) {
                monthOnly++;
                continue;
            }
            weekdays[TemporalProfile.weekday(ms)]++; // a date to the day has a weekday, with or without a time
            if (prec == Columns.DAY) {
                dayOnly++;
                continue;
            }
            if (TemporalProfile.placeholder(ms)) {
                placeholders++;
                continue;
            }
            int h = TemporalProfile.hour(ms), w = TemporalProfile.weekday(ms);
            minuteCounts[(int) (Math.floorMod(ms, 86_400_000L) / 60_000L)]++;
            all[w][h]++;
            if (byCat[cat] == null) byCat[cat] = new long[7][24];
            byCat[cat][w][h]++;
            if (area >= 0) areaMatrix[area][w][h]++;
        }
        if (read == 0) throw org.crimeanalytics.geo.LayerChecks.empty("incidents");
        if (noTime == read) throw org.crimeanalytics.geo.FeatureTimes.noneHaveATime(ta, read, "timeAttribute");
        if (inSeriesRows == 0) {
            throw new ProcessException("incidents: none of the " + read + " incidents is left to count (" + noTime + " without a time, "
                    + outWindow + " outside from/to, " + filtered + " in other categories" + (locator == null ? "" : ", " + outsideAreas
                    + " outside every area, " + noGeom + " without geometry") + (monthOnly > 0 ? ", " + monthOnly + " dated to the month only"
                    : "") + ")");
        }
        // by name (a category's values are distinct, but a value '(none)' and a missing one share a name)
        Map<String, long[][]> matrix = new TreeMap<>(); // category -> [7][24]
        for (int c = 0; c < nc; c++) {
            if (byCat[c] == null) continue;
            long[][] m = matrix.computeIfAbsent(in.catNames[c], k -> new long[7][24]);
            for (int w = 0; w < 7; w++) for (int h = 0; h < 24; h++) m[w][h] += byCat[c][w][h];
        }
        Map<String, Map<String, long[]>> types = new HashMap<>();
        if (typeCounts != null) {
            for (int k = 0; k < typeCounts.length; k++) if (typeCounts[k] > 0) addType(types, in, k / no, k % no, typeCounts[k]);
        } else {
            for (Map.Entry<Long, long[]> e : typeMap.entrySet()) addType(types, in, (int) (e.getKey() / no), (int) (e.getKey() % no), e.getValue()[0]);
        }
        // series, filled with zeros between the first and last period
        int first = Integer.MAX_VALUE, last = Integer.MIN_VALUE;
        for (int j = 0; j < inSeriesRows; j++) {
            first = Math.min(first, seriesKey[j]);
            last = Math.max(last, seriesKey[j]);
        }
        double[] y = new double[last - first + 1];
        for (int j = 0; j < inSeriesRows; j++) y[seriesKey[j] - first]++;
        Decomposition.Result dec = y.length >= 2 * season ? Decomposition.additive(y, season) : null;
        MannKendall.Result mk = MannKendall.test(y);
        double perYear = per == Period.MONTH ? 12 : 52.1775;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("matrix", matrixCsv(all, matrix));
        out.put("series", seriesCsv(y, first, per, dec));
        out.put("types", typesCsv(types));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("incidents_read", read);
        s.put("without_time", noTime);
        s.put("outside_time_window", outWindow);
        s.put("other_categories_filtered", filtered);
        if (locator != null) {
            s.put("outside_every_area", outsideAreas);
            s.put("without_geometry", noGeom);
        }
        long inSeries = 0;
        for (double v : y) inSeries += (long) v;
        s.put("in_series", inSeries);
        s.put("time_unknown_midnight_placeholders", placeholders);
        s.put("date_only", dayOnly);
        s.put("month_only", monthOnly);
        long inMatrix = 0;
        for (long[] r : all) for (long v : r) inMatrix += v;
        s.put("in_hour_weekday_matrix", inMatrix);
        s.put("on_the_hour_excess", onTheHour(minuteCounts));
        s.put("period", per.name());
        s.put("season_length", season);
        s.put("first_period", per == Period.MONTH ? TemporalProfile.monthLabel(first) : TemporalProfile.weekLabel(first));
        s.put("periods", y.length);
        List<String> partial = partialPeriods(first, last, firstMs, lastMs, per);
        if (!partial.isEmpty()) {
            s.put("partial_periods", partial);
            s.put("partial_periods_note", "the first or last period holds incidents of part of it only (the data's own start or end, "
                    + "or the from and to dates); the series, the decomposition and the trend test (Mann-Kendall, Sen's slope) include it as it is");
        }
        Map<String, Object> mkm = new LinkedHashMap<>();
        mkm.put("S", mk.s());
        mkm.put("z", mk.z());
        mkm.put("p", mk.p());
        mkm.put("sen_slope_per_period", mk.senSlope());
        mkm.put("sen_slope_per_year", mk.senSlope() * perYear);
        s.put("mann_kendall", mkm);
        if (dec != null) s.put("seasonal_indices", dec.seasonalIndex());
        else s.put("decomposition", "needs at least two seasons (" + 2 * season + " periods); got " + y.length);
        int[] peak = peak(all);
        s.put("peak_hour", inMatrix == 0 ? null : peak[0]); // no incident with an hour: no peak (as per area)
        // the day of the week from every incident dated to the day (those without a time of day too)
        Map<String, Long> byDay = new LinkedHashMap<>();
        int peakDay = -1;
        for (int w = 0; w < 7; w++) {
            byDay.put(DAYS[w], weekdays[w]);
            if (weekdays[w] > 0 && (peakDay < 0 || weekdays[w] > weekdays[peakDay])) peakDay = w;
        }
        s.put("weekday_counts", byDay);
        s.put("peak_day", peakDay < 0 ? null : DAYS[peakDay]);
        if (inMatrix == 0) {
            s.put("note", "no incident has a time of day (" + dayOnly + " dated to the day only, " + placeholders + " at a 00:00/00:01 "
                    + "'time unknown' placeholder): the hour x weekday matrix is empty and there is no peak hour; weekday_counts "
                    + "counts the incidents by day of the week");
        }
        if (locator != null) {
            SimpleFeatureCollection result = areaResult(areas.getSchema(), areaList, areaMatrix,
                    byArea(seriesKey, seriesArea, inSeriesRows, na), first, y.length, perYear);
            out.put("result", result);
            out.put("style", trendStyle(result));
        }
        out.put("summary", Json.pretty(s));
        if (monitor != null) monitor.complete();
        return out;
    }

    private static void addType(Map<String, Map<String, long[]>> types, Columns in, int c, int o, long count) {
        types.computeIfAbsent(in.catNames[c], k -> new HashMap<>()).computeIfAbsent(in.offNames[o], k -> new long[1])[0] += count;
    }

    /**
     * The series rows grouped by area: {@code [0]} the start of each area's run (na + 1 offsets), {@code [1]} the rows'
     * periods, area by area (rows without an area left out).
     */
    static int[][] byArea(int[] key, int[] area, int rows, int na) {
        int[] start = new int[na + 1];
        for (int j = 0; j < rows; j++) if (area[j] >= 0) start[area[j] + 1]++;
        for (int a = 0; a < na; a++) start[a + 1] += start[a];
        int[] fill = java.util.Arrays.copyOf(start, na);
        int[] keys = new int[start[na]];
        for (int j = 0; j < rows; j++) if (area[j] >= 0) keys[fill[area[j]]++] = key[j];
        return new int[][] {start, keys};
    }

    /**
     * The incidents as columns, read once: an incident table's own columns (codes, no feature built), else one pass over
     * the features. Category and offense values are codes into their names ("(none)" for a missing value); precision
     * is {@link #MINUTE} (any other value too), {@link #DAY} or {@link #MONTH}.
     */
    static final class Columns {
        static final byte MINUTE = 0, DAY = 1, MONTH = 2;
        final int n;
        final long[] time;
        final int[] cat, off;
        final String[] catNames, offNames;
        final byte[] precision;
        /** Whether an incident is to be located: its time ({@code FastDates.INVALID}: none) and category name. */
        interface Wanted {
            boolean test(long time, String category);
        }

        /** Points (x, y in the incidents' CRS) until {@link #locate}, read for the incidents wanted; ids to name one that fails. */
        private double[] xy;
        /** Features without a geometry (null: a table, every row has a point). */
        private boolean[] noGeometry;
        private java.util.function.IntFunction<String> idOf;
        int[] area;

        private Columns(int n, long[] time, int[] cat, String[] catNames, int[] off, String[] offNames, byte[] precision) {
            this.n = n;
            this.time = time;
            this.cat = cat;
            this.catNames = catNames;
            this.off = off;
            this.offNames = offNames;
            this.precision = precision;
        }

        /**
         * {@code ca}: the category attribute, null when there is none; {@code wanted}: the incidents whose points
         * {@link #locate} needs (null: no points read).
         */
        static Columns of(SimpleFeatureCollection incidents, String ta, String ca, boolean hasPrecision, boolean hasOffense,
                Wanted wanted, ProgressListener monitor) {
            boolean points = wanted != null;
            if (incidents instanceof org.crimeanalytics.geo.IncidentCollection ic) return of(ic, ta, ca, hasOffense, points);
            int cap = 1024, n = 0;
            long[] time = new long[cap];
            int[] cat = new int[cap], off = new int[cap];
            byte[] prec = new byte[cap];
            double[] xy = points ? new double[2 * cap] : null;
            boolean[] none = points ? new boolean[cap] : null;
            List<String> ids = points ? new ArrayList<>() : null;
            Codes cats = new Codes(), offs = new Codes();
            try (SimpleFeatureIterator it = incidents.features()) {
                while (it.hasNext()) {
                    SimpleFeature f = it.next();
                    if ((n & 8191) == 8191 && monitor != null && monitor.isCanceled()) throw new ProcessException("cancelled");
                    if (n == cap) {
                        cap *= 2;
                        time = java.util.Arrays.copyOf(time, cap);
                        cat = java.util.Arrays.copyOf(cat, cap);
                        off = java.util.Arrays.copyOf(off, cap);
                        prec = java.util.Arrays.copyOf(prec, cap);
                        if (points) {
                            xy = java.util.Arrays.copyOf(xy, 2 * cap);
                            none = java.util.Arrays.copyOf(none, cap);
                        }
                    }
                    time[n] = org.crimeanalytics.geo.FeatureTimes.floating(f.getAttribute(ta));
                    cat[n] = cats.of(ca == null ? null : f.getAttribute(ca));
                    off[n] = offs.of(hasOffense ? f.getAttribute("offense") : null);
                    Object p = hasPrecision ? f.getAttribute("time_precision") : null;
                    prec[n] = p == null ? MINUTE : precision(p.toString());
                    if (points) { // a centroid only for an incident that is located
                        none[n] = wanted.test(time[n], cats.name(cat[n])) && !org.crimeanalytics.geo.AreaLocator.pointOf(f, xy, n);
                        ids.add(f.getID());
                    }
                    n++;
                }
            }
            Columns c = new Columns(n, time, cat, cats.names(), off, offs.names(), prec);
            c.xy = xy;
            c.noGeometry = none;
            c.idOf = points ? ids::get : null;
            return c;
        }

        private static Columns of(org.crimeanalytics.geo.IncidentCollection ic, String ta, String ca, boolean hasOffense, boolean points) {
            org.crimeanalytics.ingest.IncidentTable t = ic.table();
            int n = t.size();
            long[] time = new long[n];
            boolean occurred = ta.equals(org.crimeanalytics.ingest.Incidents.OCCURRED);
            for (int i = 0; i < n; i++) {
                time[i] = occurred ? ic.occurredFloating(i) : org.crimeanalytics.geo.FeatureTimes.floating(ic.attribute(i, ta));
            }
            int[] cat = new int[n], off = new int[n];
            String[] catNames = codes(ic, ca, cat), offNames = codes(ic, hasOffense ? org.crimeanalytics.ingest.Incidents.OFFENSE : null, off);
            byte[] prec = new byte[n];
            for (int i = 0; i < n; i++) {
                org.crimeanalytics.ingest.FastDates.Precision p = t.precision(i);
                prec[i] = p == null ? MINUTE : precision(p.label());
            }
            Columns c = new Columns(n, time, cat, catNames, off, offNames, prec);
            if (points) {
                c.xy = new double[2 * n];
                for (int i = 0; i < n; i++) {
                    c.xy[2 * i] = t.lon(i);
                    c.xy[2 * i + 1] = t.lat(i);
                }
                c.idOf = org.crimeanalytics.geo.IncidentCollection::id;
            }
            return c;
        }

        /** Attribute {@code a}'s values (null: none, all "(none)") as codes into {@code code}; the names returned. */
        private static String[] codes(org.crimeanalytics.geo.IncidentCollection ic, String a, int[] code) {
            int col = a == null ? -1 : org.crimeanalytics.geo.IncidentCollection.textColumn(a);
            String[] values = col < 0 ? null : ic.table().textCodes(col, code);
            if (values != null) {
                values[0] = Codes.NONE; // code 0: no value
                return values;
            }
            Codes codes = new Codes();
            for (int i = 0; i < code.length; i++) code[i] = codes.of(a == null ? null : ic.attribute(i, a));
            return codes.names();
        }

        private static byte precision(String label) {
            return label.equals("month") ? MONTH : label.equals("day") ? DAY : MINUTE;
        }

        /** Sets {@link #area} for the incidents {@code wanted} (an area index, or AreaLocator.OUTSIDE / NO_GEOMETRY); others get OUTSIDE. */
        void locate(org.crimeanalytics.geo.AreaLocator locator, java.util.function.IntPredicate wanted) {
            area = locator.locateAll(xy, noGeometry, n, wanted, idOf);
            xy = null;
        }
    }

    /**
     * The first and last periods of the series whose incidents start or end more than two days inside them (a half month
     * after {@code from}, an export ending on the 12th), as "label: incidents from ... until ...".
     */
    static List<String> partialPeriods(int first, int last, long firstMs, long lastMs, Period per) {
        java.util.function.IntToLongFunction start = per == Period.MONTH ? TemporalProfile::monthStart : TemporalProfile::weekStart;
        java.util.function.IntFunction<String> label = per == Period.MONTH ? TemporalProfile::monthLabel : TemporalProfile::weekLabel;
        long twoDays = 2 * 86_400_000L;
        boolean lateStart = firstMs - start.applyAsLong(first) > twoDays, earlyEnd = start.applyAsLong(last + 1) - lastMs > twoDays;
        String from = "incidents from " + org.crimeanalytics.geo.GeoJson.isoFloating(firstMs).substring(0, 10);
        String until = "incidents until " + org.crimeanalytics.geo.GeoJson.isoFloating(lastMs).substring(0, 10);
        List<String> out = new ArrayList<>();
        if (first == last) {
            if (lateStart && earlyEnd) out.add(label.apply(first) + ": " + from + until.substring("incidents".length()));
            else if (lateStart || earlyEnd) out.add(label.apply(first) + ": " + (lateStart ? from : until));
            return out;
        }
        if (lateStart) out.add(label.apply(first) + ": " + from);
        if (earlyEnd) out.add(label.apply(last) + ": " + until);
        return out;
    }

    static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    /** {hour, weekday} of the largest count of the hour x weekday matrix; summed over days for the hour, over hours for the day. */
    static int[] peak(long[][] m) {
        long[] byHour = new long[24], byDay = new long[7];
        for (int w = 0; w < 7; w++) for (int h = 0; h < 24; h++) {
            byHour[h] += m[w][h];
            byDay[w] += m[w][h];
        }
        int ph = 0, pd = 0;
        for (int h = 1; h < 24; h++) if (byHour[h] > byHour[ph]) ph = h;
        for (int w = 1; w < 7; w++) if (byDay[w] > byDay[pd]) pd = w;
        return new int[] {ph, pd};
    }

    /** Mean count at minute 0 of the hours 1..23 against the mean of the other minutes. */
    static Map<String, Object> onTheHour(long[] minute) {
        double onHour = 0, other = 0;
        int nOn = 0, nOther = 0;
        for (int mnt = 60; mnt < 1440; mnt++) {
            if (mnt % 60 == 0) {
                onHour += minute[mnt];
                nOn++;
            } else {
                other += minute[mnt];
                nOther++;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean_at_full_hours_01_to_23", onHour / nOn);
        m.put("mean_at_other_minutes", other / nOther);
        m.put("note", "rounded report times pile up at full hours; hour-of-day bins are unaffected, minute-level timing is not reliable");
        return m;
    }

    static String matrixCsv(long[][] all, Map<String, long[][]> byCat) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            List<String> h = new ArrayList<>(List.of("category", "weekday"));
            for (int i = 0; i < 24; i++) h.add("h" + (i < 10 ? "0" : "") + i);
            p.printRecord(h);
            write(p, "all", all);
            for (Map.Entry<String, long[][]> e : byCat.entrySet()) write(p, e.getKey(), e.getValue());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    private static void write(CSVPrinter p, String cat, long[][] m) throws IOException {
        for (int d = 0; d < 7; d++) {
            List<Object> row = new ArrayList<>();
            row.add(CsvOut.safe(cat));
            row.add(DAYS[d]);
            for (int h = 0; h < 24; h++) row.add(m[d][h]);
            p.printRecord(row);
        }
    }

    static String seriesCsv(double[] y, int first, Period per, Decomposition.Result dec) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            p.printRecord("period", "count", "trend", "seasonal", "residual");
            for (int i = 0; i < y.length; i++) {
                String label = per == Period.MONTH ? TemporalProfile.monthLabel(first + i) : TemporalProfile.weekLabel(first + i);
                p.printRecord(label, (long) y[i], dec == null ? "" : CsvOut.cell(dec.trend()[i]), dec == null ? "" : CsvOut.cell(dec.seasonal()[i]),
                        dec == null ? "" : CsvOut.cell(dec.residual()[i]));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    static String typesCsv(Map<String, Map<String, long[]>> nested) {
        Map<String, long[]> types = new HashMap<>();
        for (Map.Entry<String, Map<String, long[]>> c : nested.entrySet()) {
            for (Map.Entry<String, long[]> o : c.getValue().entrySet()) types.put(c.getKey() + "\u0000" + o.getKey(), o.getValue());
        }
        long total = 0;
        for (long[] v : types.values()) total += v[0];
        List<Map.Entry<String, long[]>> l = new ArrayList<>(types.entrySet());
        l.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]) != 0 ? Long.compare(b.getValue()[0], a.getValue()[0])
                : a.getKey().compareTo(b.getKey()));
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            p.printRecord("rank", "category", "offense", "count", "share");
            int rank = 0;
            for (Map.Entry<String, long[]> e : l) {
                String[] k = e.getKey().split("\u0000", 2);
                p.printRecord(++rank, CsvOut.safe(k[0]), CsvOut.safe(k[1]), e.getValue()[0], CsvOut.cell((double) e.getValue()[0] / total));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    /** {@code series}: the series rows' periods grouped by area ({@link #byArea}). */
    static SimpleFeatureCollection areaResult(SimpleFeatureType at, List<SimpleFeature> areas, long[][][] m,
            int[][] series, int first, int periods, double perYear) {
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.init(at);
        tb.setName(at.getTypeName() + "_temporal");
        tb.add("INCIDENTS", Integer.class);
        tb.add("PEAK_HOUR", Integer.class);
        tb.add("PEAK_DAY", String.class);
        tb.add("NIGHT_SHARE", Double.class);
        tb.add("WEEKEND_SHARE", Double.class);
        tb.add("TREND_PER_YEAR", Double.class);
        tb.add("TREND_P", Double.class);
        SimpleFeatureType ot = tb.buildFeatureType();
        List<SimpleFeature> out = new ArrayList<>();
        for (int a = 0; a < areas.size(); a++) {
            long total = 0, night = 0, weekend = 0;
            for (int d = 0; d < 7; d++) for (int h = 0; h < 24; h++) {
                total += m[a][d][h];
                if (h >= 22 || h < 6) night += m[a][d][h];
                if (d >= 5) weekend += m[a][d][h];
            }
            double[] y = new double[periods];
            long inSeries = series[0][a + 1] - series[0][a];
            for (int j = series[0][a]; j < series[0][a + 1]; j++) y[series[1][j] - first]++;
            MannKendall.Result mk = MannKendall.test(y);
            int[] pk = peak(m[a]);
            SimpleFeatureBuilder b = new SimpleFeatureBuilder(ot);
            b.init(areas.get(a));
            b.set("INCIDENTS", (int) inSeries);
            b.set("PEAK_HOUR", total == 0 ? null : pk[0]);
            b.set("PEAK_DAY", total == 0 ? null : DAYS[pk[1]]);
            b.set("NIGHT_SHARE", total == 0 ? null : (double) night / total);
            b.set("WEEKEND_SHARE", total == 0 ? null : (double) weekend / total);
            b.set("TREND_PER_YEAR", periods < 3 ? null : mk.senSlope() * perYear);
            b.set("TREND_P", periods < 3 ? null : mk.p());
            out.add(b.buildFeature(areas.get(a).getID()));
        }
        return new ListFeatureCollection(ot, out);
    }

    static String trendStyle(SimpleFeatureCollection result) {
        double maxAbs = 0;
        try (SimpleFeatureIterator it = result.features()) {
            while (it.hasNext()) {
                Object v = it.next().getAttribute("TREND_PER_YEAR");
                if (v instanceof Double d) maxAbs = Math.max(maxAbs, Math.abs(d));
            }
        }
        return Styles.trend("TREND_PER_YEAR", maxAbs, Styles.kindOf(result.getSchema().getGeometryDescriptor().getType().getBinding()));
    }
}
