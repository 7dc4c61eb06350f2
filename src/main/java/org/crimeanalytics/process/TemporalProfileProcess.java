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
                + "day precision count in the series and weekdays are not used; month precision counts in monthly "
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
        org.crimeanalytics.geo.FeatureTimes.check(t, ta, "timeAttribute");
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
            if (areaList.isEmpty()) throw new ProcessException("areas: the layer is empty");
            if (areas.getSchema().getCoordinateReferenceSystem() == null || t.getCoordinateReferenceSystem() == null) {
                throw new ProcessException("areas: both layers need a coordinate reference system");
            }
            locator = new org.crimeanalytics.geo.AreaLocator(polys, areas.getSchema().getCoordinateReferenceSystem(),
                    t.getCoordinateReferenceSystem(), "incidents");
        }
        int na = areaList.size();
        Map<String, long[][]> matrix = new TreeMap<>(); // category -> [7][24]
        long[][] all = new long[7][24];
        Map<Integer, long[]> seriesMap = new TreeMap<>();
        Map<String, Map<String, long[]>> types = new HashMap<>();
        long[][][] areaMatrix = new long[na][7][24];
        List<Map<Integer, long[]>> areaSeries = new ArrayList<>();
        for (int a = 0; a < na; a++) areaSeries.add(new HashMap<>());
        long read = 0, noTime = 0, outWindow = 0, filtered = 0, placeholders = 0, dayOnly = 0, monthOnly = 0, outsideAreas = 0, noGeom = 0;
        long[] minuteCounts = new long[1440];
        try (SimpleFeatureIterator it = incidents.features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                read++;
                if ((read & 8191) == 0 && monitor != null && monitor.isCanceled()) throw new ProcessException("cancelled");
                long tm = org.crimeanalytics.geo.FeatureTimes.floating(f.getAttribute(ta));
                if (tm == org.crimeanalytics.ingest.FastDates.INVALID) {
                    noTime++;
                    continue;
                }
                Date d = new Date(tm);
                if ((from != null && d.before(from)) || (to != null && !d.before(to))) {
                    outWindow++;
                    continue;
                }
                String cat = hasCat && f.getAttribute(ca) != null ? f.getAttribute(ca).toString() : "(none)";
                if (keep != null && !keep.contains(cat)) {
                    filtered++;
                    continue;
                }
                long ms = d.getTime();
                String prec = hasPrecision && f.getAttribute("time_precision") != null ? f.getAttribute("time_precision").toString() : "minute";
                int area = -1;
                if (locator != null) {
                    area = locator.locate(f);
                    if (area == org.crimeanalytics.geo.AreaLocator.NO_GEOMETRY) {
                        noGeom++;
                        continue;
                    }
                    if (area < 0) {
                        outsideAreas++;
                        continue;
                    }
                }
                boolean monthPrec = prec.equals("month");
                if (monthPrec && per == Period.WEEK) {
                    monthOnly++;
                    continue;
                }
                int key = per == Period.MONTH ? TemporalProfile.monthIndex(ms) : TemporalProfile.weekIndex(ms);
                seriesMap.computeIfAbsent(key, k -> new long[1])[0]++;
                if (area >= 0) areaSeries.get(area).computeIfAbsent(key, k -> new long[1])[0]++;
                String off = hasOffense && f.getAttribute("offense") != null ? f.getAttribute("offense").toString() : "(none)";
                types.computeIfAbsent(cat, k -> new HashMap<>()).computeIfAbsent(off, k -> new long[1])[0]++;
                if (monthPrec) {
                    monthOnly++;
                    continue;
                }
                if (prec.equals("day")) {
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
                matrix.computeIfAbsent(cat, k -> new long[7][24])[w][h]++;
                if (area >= 0) areaMatrix[area][w][h]++;
            }
        }
        if (read == 0) throw new ProcessException("incidents: the collection is empty");
        if (noTime == read) throw org.crimeanalytics.geo.FeatureTimes.noneHaveATime(ta, read, "timeAttribute");
        if (seriesMap.isEmpty()) throw new ProcessException("incidents: no incident has a usable time (" + noTime + " without one)");
        // series, filled with zeros between the first and last period
        int first = seriesMap.keySet().iterator().next(), last = ((TreeMap<Integer, long[]>) seriesMap).lastKey();
        double[] y = new double[last - first + 1];
        for (Map.Entry<Integer, long[]> e : seriesMap.entrySet()) y[e.getKey() - first] = e.getValue()[0];
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
        s.put("peak_hour", peak[0]);
        s.put("peak_day", DAYS[peak[1]]);
        if (locator != null) {
            SimpleFeatureCollection result = areaResult(areas.getSchema(), areaList, areaMatrix, areaSeries, first, y.length, perYear);
            out.put("result", result);
            out.put("style", trendStyle(result));
        }
        out.put("summary", Json.pretty(s));
        if (monitor != null) monitor.complete();
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

    static SimpleFeatureCollection areaResult(SimpleFeatureType at, List<SimpleFeature> areas, long[][][] m,
            List<Map<Integer, long[]>> series, int first, int periods, double perYear) {
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
            long inSeries = 0;
            for (Map.Entry<Integer, long[]> e : series.get(a).entrySet()) {
                y[e.getKey() - first] = e.getValue()[0];
                inSeries += e.getValue()[0];
            }
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
