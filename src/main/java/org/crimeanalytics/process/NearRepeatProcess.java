package org.crimeanalytics.process;

import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.crimeanalytics.io.CsvOut;
import org.crimeanalytics.json.Json;
import org.crimeanalytics.spacetime.Knox;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.util.ProgressListener;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.process.ProcessException;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;

/** {@code crime:NearRepeat}: Knox test of near-repeat victimisation. */
@DescribeProcess(
        title = "Near repeat (Knox test)",
        description = "Does one incident make another nearby, soon after, more likely? The Knox test (Knox 1964) over "
                + "distance bands (metres) x time bands (days), both half-open, with the event times permuted at random "
                + "(seeded Monte Carlo, as Ratcliffe's Near Repeat Calculator): observed pair counts, expected counts "
                + "(mean over permutations), Knox ratio and pseudo p = (permutations with a count >= observed + 1) / "
                + "(permutations + 1). Pairs are found through a grid index within the largest distance band, never "
                + "all pairs. Incidents whose time is only a month are left out (counted in the summary).")
public class NearRepeatProcess {

    @DescribeResults({
        @DescribeResult(name = "table", type = String.class, meta = {"mimeTypes=text/csv"},
                description = "CSV: distance_from_m, distance_to_m, days_from, days_to, observed, expected, knox_ratio, p"),
        @DescribeResult(name = "summary", type = String.class, meta = {"mimeTypes=application/json"},
                description = "JSON: incidents used and skipped, pairs within the largest band, the table")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "incidents", description = "Incidents with an occurrence time") SimpleFeatureCollection incidents,
            @DescribeParameter(name = "timeAttribute", min = 0, defaultValue = "occurred", description = "Date attribute") String timeAttribute,
            @DescribeParameter(name = "distanceBands", min = 0, defaultValue = "0,100,200,400,800", description = "Distance band limits in metres") String distanceBands,
            @DescribeParameter(name = "timeBands", min = 0, defaultValue = "0,7,14,21,28", description = "Time band limits in days") String timeBands,
            @DescribeParameter(name = "permutations", min = 0, defaultValue = "99", minValue = 1, maxValue = 9999, description = "Monte Carlo permutations") Integer permutations,
            @DescribeParameter(name = "seed", min = 0, defaultValue = "1", description = "Random seed") Integer seed,
            @DescribeParameter(name = "crs", min = 0, description = "Projected CRS for distances (default: the UTM zone of the data's centre, e.g. EPSG:32611)") CoordinateReferenceSystem crs,
            ProgressListener monitor) {
        double[] db = bands(distanceBands == null ? "0,100,200,400,800" : distanceBands, "distanceBands");
        double[] tb = bands(timeBands == null ? "0,7,14,21,28" : timeBands, "timeBands");
        if (db.length - 1 > 127) throw new ProcessException("distanceBands: at most 127 bands, was " + (db.length - 1));
        int perms = permutations == null ? 99 : permutations;
        if (perms < 1) throw new ProcessException("permutations: must be at least 1, was " + perms);
        Limits.checkPermutations(perms, "permutations");
        Steps.step(monitor, "Reading incidents", 5);
        SpaceTimeInput in = SpaceTimeInput.read(incidents, timeAttribute, true, crs, monitor);
        double[] days = new double[in.time.length];
        for (int i = 0; i < days.length; i++) days[i] = in.time[i] / 86_400_000.0;
        Knox.Result r;
        try {
            r = new Knox(db, tb, perms, seed == null ? 1 : seed, Limits.maxPairs()).run(in.points.x(), in.points.y(), days,
                    () -> monitor != null && monitor.isCanceled());
        } catch (CancellationException e) {
            throw new ProcessException("cancelled");
        } catch (Knox.TooManyPairsException e) {
            throw new ProcessException(String.format(java.util.Locale.ROOT, "distanceBands: more than %,d pairs of the %,d incidents lie within %s m"
                    + " (the limit, system property crime.maxPairs, by default half the JVM's memory at 5 bytes a pair); use a smaller last"
                    + " distance band, fewer incidents (a shorter period or a smaller area), or more memory (-Xmx)",
                    e.limit(), in.time.length, CsvOut.cell(db[db.length - 1])));
        }
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            p.printRecord("distance_from_m", "distance_to_m", "days_from", "days_to", "observed", "expected", "knox_ratio", "p");
            for (int a = 0; a < db.length - 1; a++) {
                for (int b = 0; b < tb.length - 1; b++) {
                    p.printRecord(CsvOut.cell(db[a]), CsvOut.cell(db[a + 1]), CsvOut.cell(tb[b]), CsvOut.cell(tb[b + 1]), r.observed()[a][b],
                            CsvOut.cell(r.expected()[a][b]), CsvOut.cell(r.ratio()[a][b]), CsvOut.cell(r.p()[a][b]));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("incidents_read", in.read);
        s.put("incidents_used", in.time.length);
        s.put("without_time", in.withoutTime);
        s.put("month_only_time", in.monthOnly);
        s.put("without_geometry", in.withoutGeometry);
        s.put("pairs_within_largest_band", r.pairs());
        s.put("permutations", perms);
        s.put("observed", r.observed());
        s.put("knox_ratio", r.ratio());
        s.put("p", r.p());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("table", w.toString());
        out.put("summary", Json.pretty(s));
        return out;
    }

    static double[] bands(String spec, String param) {
        String[] parts = spec.split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new ProcessException(param + ": '" + parts[i].trim() + "' is not a number");
            }
            if (v[i] < 0 || (i > 0 && !(v[i] > v[i - 1]))) throw new ProcessException(param + ": limits must be >= 0 and increasing: " + spec);
        }
        if (v.length < 2) throw new ProcessException(param + ": give at least two limits, e.g. 0,100,200");
        return v;
    }
}
