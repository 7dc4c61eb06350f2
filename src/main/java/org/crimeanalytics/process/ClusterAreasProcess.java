package org.crimeanalytics.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crimeanalytics.areas.AdjustedRand;
import org.crimeanalytics.areas.AreaClustering;
import org.crimeanalytics.json.Json;
import org.crimeanalytics.style.Styles;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.feature.type.AttributeDescriptor;
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

/** {@code crime:ClusterAreas}: areas grouped by crime volume and type into ordered risk levels. */
@DescribeProcess(
        title = "Cluster areas into risk levels",
        description = "Groups areas (e.g. the output of crime:AggregateToAreas joined with census variables) by numeric "
                + "attributes with Weka SimpleKMeans (k-means++ start, seeded) or Ward's minimum-variance hierarchical "
                + "clustering (as SciPy's linkage 'ward'), on z-scores by default, into k clusters ordered by their mean of rankAttribute: CLUSTER_ID "
                + "0 is the lowest; RISK_LEVEL names them (k = 4: Low, Medium-Low, Medium-High, High). Default "
                + "attributes: the crime rate (RATE_PER_1000, else CRIME_COUNT) and each CNT_* column's share of "
                + "CRIME_COUNT. 'profiles' gives each cluster's mean and standard deviation of every attribute. With "
                + "periods (attribute groups, one per period, e.g. 'RATE_2016,VIOL_2016;RATE_2017,VIOL_2017') each "
                + "period is clustered the same way and the adjusted Rand index between consecutive periods measures "
                + "how stable the grouping is. Areas with a missing value are not clustered (CLUSTER_ID -1) and are "
                + "counted in the summary.")
public class ClusterAreasProcess {

    @DescribeResults({
        @DescribeResult(name = "result", type = SimpleFeatureCollection.class,
                description = "The areas with CLUSTER_ID and RISK_LEVEL"),
        @DescribeResult(name = "profiles", type = String.class, meta = {"mimeTypes=application/json"},
                description = "JSON: per cluster, size, mean and standard deviation of every attribute"),
        @DescribeResult(name = "style", type = String.class, meta = {"mimeTypes=application/vnd.ogc.sld+xml"},
                description = "SLD 1.0.0 on RISK_LEVEL"),
        @DescribeResult(name = "summary", type = String.class, meta = {"mimeTypes=application/json"},
                description = "JSON: attributes used, method, areas left out, stability (adjusted Rand index)")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "areas", description = "Areas with numeric attributes") SimpleFeatureCollection areas,
            @DescribeParameter(name = "attributes", min = 0, description = "Comma-separated numeric attributes (default: rate and category shares)") String attributes,
            @DescribeParameter(name = "rankAttribute", min = 0, description = "Attribute ordering the clusters (default: the first attribute)") String rankAttribute,
            @DescribeParameter(name = "method", min = 0, defaultValue = "KMEANS", description = "KMEANS or WARD") AreaClustering.Method method,
            @DescribeParameter(name = "k", min = 0, defaultValue = "4", minValue = 1, maxValue = 50, description = "Number of clusters") Integer k,
            @DescribeParameter(name = "standardise", min = 0, defaultValue = "true", description = "Cluster on z-scores") Boolean standardise,
            @DescribeParameter(name = "seed", min = 0, defaultValue = "1", description = "Seed of k-means++") Integer seed,
            @DescribeParameter(name = "periods", min = 0, description = "Attribute groups per period, ';' between periods, ',' within") String periods,
            @DescribeParameter(name = "incidents", min = 0, description = "Incidents for the stability check by time (with periodStarts)") SimpleFeatureCollection incidents,
            @DescribeParameter(name = "timeAttribute", min = 0, defaultValue = "occurred", description = "Date attribute of the incidents") String timeAttribute,
            @DescribeParameter(name = "periodStarts", min = 0, description = "Start dates of two or more periods, e.g. 2016-01-01,2017-01-01 (each period runs to the next start; the last to the end of the data)") String periodStarts,
            @DescribeParameter(name = "populationAttribute", min = 0, description = "Area population: the per-period values become rates per 1,000") String populationAttribute,
            ProgressListener monitor) {
        if (areas == null) throw new ProcessException("areas: required");
        int kk = k == null ? 4 : k;
        if (kk < 1) throw new ProcessException("k: must be at least 1, was " + kk);
        Limits.checkK(kk, "k");
        SimpleFeatureType type = areas.getSchema();
        List<SimpleFeature> feats = new ArrayList<>();
        try (SimpleFeatureIterator it = areas.features()) {
            while (it.hasNext()) feats.add(it.next());
        }
        if (feats.isEmpty()) throw org.crimeanalytics.geo.LayerChecks.empty("areas");
        List<String> cols = new ArrayList<>();
        List<String> derived = new ArrayList<>(); // "SHARE_x" from CNT_x / CRIME_COUNT
        if (attributes != null && !attributes.isBlank()) {
            for (String a : attributes.split(",")) if (!a.isBlank()) cols.add(a.trim());
        } else {
            if (type.getDescriptor("RATE_PER_1000") != null) cols.add("RATE_PER_1000");
            else if (type.getDescriptor("CRIME_COUNT") != null) cols.add("CRIME_COUNT");
            for (AttributeDescriptor d : type.getAttributeDescriptors()) {
                if (d.getLocalName().startsWith("CNT_") && type.getDescriptor("CRIME_COUNT") != null) {
                    cols.add("SHARE_" + d.getLocalName().substring(4));
                    derived.add(d.getLocalName());
                }
            }
            if (cols.isEmpty()) {
                throw new ProcessException("attributes: name the numeric attributes to cluster on (the areas have no "
                        + "RATE_PER_1000, CRIME_COUNT or CNT_* columns from crime:AggregateToAreas)");
            }
        }
        for (String c : cols) {
            if (c.startsWith("SHARE_") && derived.contains("CNT_" + c.substring(6))) continue;
            AttributeDescriptor d = type.getDescriptor(c);
            if (d == null) throw new ProcessException("attributes: no attribute '" + c + "' in areas");
            if (!Number.class.isAssignableFrom(d.getType().getBinding())) throw new ProcessException("attributes: '" + c + "' is not numeric");
        }
        String rank = rankAttribute == null ? cols.get(0) : rankAttribute;
        int rankCol = cols.indexOf(rank);
        if (rankCol < 0) throw new ProcessException("rankAttribute: '" + rank + "' is not one of the clustered attributes " + cols);
        AreaClustering.Method m = method == null ? AreaClustering.Method.KMEANS : method;
        AreaClustering clustering = new AreaClustering(m, kk, standardise == null || standardise, seed == null ? 1 : seed);
        if (monitor != null) monitor.started();
        Steps.step(monitor, "Clustering the areas", 10);

        double[][] all = values(feats, cols);
        List<Integer> usable = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (int i = 0; i < feats.size(); i++) {
            boolean ok = true;
            for (double v : all[i]) ok &= Double.isFinite(v);
            if (ok) usable.add(i);
            else if (leftOut.size() < 10) leftOut.add(feats.get(i).getID());
        }
        if (usable.size() < kk) {
            throw new ProcessException("k: " + kk + " clusters need at least as many areas with complete values; there are " + usable.size());
        }
        double[][] rows = new double[usable.size()][];
        for (int j = 0; j < rows.length; j++) rows[j] = all[usable.get(j)];
        int[] labels;
        try {
            labels = clustering.cluster(rows, rankCol);
        } catch (Exception e) {
            throw new ProcessException("method: Weka " + m + " failed: " + e.getMessage(), e);
        }
        List<String> levels = AreaClustering.levels(kk);
        int[] clusterOf = new int[feats.size()];
        java.util.Arrays.fill(clusterOf, -1);
        for (int j = 0; j < labels.length; j++) clusterOf[usable.get(j)] = labels[j];

        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.init(type);
        tb.setName(type.getTypeName() + "_clusters");
        tb.add("CLUSTER_ID", Integer.class);
        tb.add("RISK_LEVEL", String.class);
        SimpleFeatureType ot = tb.buildFeatureType();
        List<SimpleFeature> out = new ArrayList<>();
        for (int i = 0; i < feats.size(); i++) {
            SimpleFeatureBuilder b = new SimpleFeatureBuilder(ot);
            b.init(feats.get(i));
            b.set("CLUSTER_ID", clusterOf[i]);
            b.set("RISK_LEVEL", clusterOf[i] < 0 ? null : levels.get(clusterOf[i]));
            out.add(b.buildFeature(feats.get(i).getID()));
        }
        // profiles
        List<Object> profiles = new ArrayList<>();
        for (int c = 0; c < kk; c++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("CLUSTER_ID", c);
            p.put("RISK_LEVEL", levels.get(c));
            int size = 0;
            double[] sum = new double[cols.size()], sum2 = new double[cols.size()];
            for (int j = 0; j < labels.length; j++) {
                if (labels[j] != c) continue;
                size++;
                for (int a = 0; a < cols.size(); a++) {
                    sum[a] += rows[j][a];
                    sum2[a] += rows[j][a] * rows[j][a];
                }
            }
            p.put("areas", size);
            Map<String, Object> stats = new LinkedHashMap<>();
            for (int a = 0; a < cols.size(); a++) {
                double mean = size == 0 ? Double.NaN : sum[a] / size;
                double sd = size < 2 ? 0 : Math.sqrt(Math.max(0, (sum2[a] - size * mean * mean) / (size - 1)));
                stats.put(cols.get(a), Map.of("mean", mean, "sd", sd));
            }
            p.put("attributes", stats);
            profiles.add(p);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("method", m.name());
        summary.put("k", kk);
        summary.put("standardised", standardise == null || standardise);
        summary.put("attributes", cols);
        if (derived.size() >= 2) {
            // the shares of the offence mix outnumber the rate, and add up to 1 when the CNT_ columns are every category
            String note = "default attributes: the rate and " + derived.size() + " shares of the offence mix, so the clusters "
                    + "(and RISK_LEVEL, ordered by " + rank + ") follow the mix more than the rate; give attributes= to choose "
                    + "(e.g. " + cols.get(0) + "," + derived.get(0) + ")";
            summary.put("attributes_note", note);
            HotSpotSupport.warn(monitor, "crime:ClusterAreas", note);
        }
        summary.put("rank_attribute", rank);
        summary.put("areas", feats.size());
        summary.put("areas_clustered", usable.size());
        summary.put("areas_left_out_missing_values", feats.size() - usable.size());
        summary.put("first_left_out", leftOut);
        if (periods != null && !periods.isBlank()) summary.put("stability", stability(feats, periods, clustering));
        if (incidents != null && (periodStarts == null || periodStarts.isBlank())) { // they would be read for nothing
            throw new ProcessException("periodStarts: give the start dates of the periods to split the incidents into (e.g. "
                    + "2016-01-01,2017-01-01), or leave out the incidents");
        }
        if (periodStarts != null && !periodStarts.isBlank()) {
            if (incidents == null) throw new ProcessException("incidents: give the incidents to split into periods (periodStarts)");
            summary.put("stability_over_time", stabilityOverTime(feats, incidents, timeAttribute == null ? "occurred" : timeAttribute,
                    periodStarts, populationAttribute, clustering));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("result", new ListFeatureCollection(ot, out));
        result.put("profiles", Json.pretty(profiles));
        result.put("style", Styles.riskLevels(levels, Styles.kindOf(ot.getGeometryDescriptor().getType().getBinding())));
        result.put("summary", Json.pretty(summary));
        if (monitor != null) monitor.complete();
        return result;
    }

    private Map<String, Object> stability(List<SimpleFeature> feats, String periods, AreaClustering clustering) {
        List<List<String>> groups = new ArrayList<>();
        for (String g : periods.split(";")) {
            List<String> cols = new ArrayList<>();
            for (String c : g.split(",")) if (!c.isBlank()) cols.add(c.trim());
            if (!cols.isEmpty()) groups.add(cols);
        }
        if (groups.size() < 2) throw new ProcessException("periods: give at least two attribute groups separated by ';'");
        int n = feats.size();
        List<int[]> labels = new ArrayList<>();
        for (List<String> cols : groups) {
            for (String c : cols) {
                if (feats.get(0).getFeatureType().getDescriptor(c) == null) throw new ProcessException("periods: no attribute '" + c + "'");
            }
            double[][] v = values(feats, cols);
            List<Integer> usable = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean ok = true;
                for (double x : v[i]) ok &= Double.isFinite(x);
                if (ok) usable.add(i);
            }
            double[][] rows = new double[usable.size()][];
            for (int j = 0; j < rows.length; j++) rows[j] = v[usable.get(j)];
            int[] lab = new int[n];
            java.util.Arrays.fill(lab, -1);
            try {
                int[] l = clustering.cluster(rows, 0);
                for (int j = 0; j < l.length; j++) lab[usable.get(j)] = l[j];
            } catch (Exception e) {
                throw new ProcessException("periods: clustering period " + cols + " failed: " + e.getMessage(), e);
            }
            labels.add(lab);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("periods", groups);
        List<Object> ari = new ArrayList<>();
        for (int p = 1; p < labels.size(); p++) ari.add(AdjustedRand.index(labels.get(p - 1), labels.get(p)));
        s.put("adjusted_rand_index_consecutive", ari);
        s.put("note", "each period clustered like the main run, ordered by its first attribute; 1 = identical grouping, ~0 = chance");
        return s;
    }

    /**
     * Counts incidents per area in each period (rates per 1,000 with a population attribute, plus the
     * share of each category when the incidents have one), clusters every period the same way, and
     * reports the adjusted Rand index between consecutive periods.
     */
    private Map<String, Object> stabilityOverTime(List<SimpleFeature> feats, SimpleFeatureCollection incidents, String timeAttribute,
            String periodStarts, String populationAttribute, AreaClustering clustering) {
        List<Long> starts = new ArrayList<>();
        for (String d : periodStarts.split(",")) {
            if (d.isBlank()) continue;
            long t = org.crimeanalytics.ingest.FastDates.parse(d.trim(), null);
            if (t == org.crimeanalytics.ingest.FastDates.INVALID) throw new ProcessException("periodStarts: '" + d.trim() + "' is not a date (yyyy-MM-dd)");
            starts.add(t);
        }
        if (starts.size() < 2) throw new ProcessException("periodStarts: give at least two start dates");
        for (int i = 1; i < starts.size(); i++) if (starts.get(i) <= starts.get(i - 1)) throw new ProcessException("periodStarts: dates must increase");
        if (incidents.getSchema().getDescriptor(timeAttribute) == null) {
            throw org.crimeanalytics.geo.LayerChecks.unlessEmpty(incidents, "incidents",
                    new ProcessException("timeAttribute: no attribute '" + timeAttribute + "' in incidents"));
        }
        if (populationAttribute != null && feats.get(0).getFeatureType().getDescriptor(populationAttribute) == null) {
            throw new ProcessException("populationAttribute: no attribute '" + populationAttribute + "' in areas");
        }
        int n = feats.size(), np = starts.size();
        List<org.locationtech.jts.geom.Geometry> polys = new ArrayList<>();
        for (SimpleFeature f : feats) polys.add((org.locationtech.jts.geom.Geometry) f.getDefaultGeometry());
        org.crimeanalytics.geo.AreaLocator locator = new org.crimeanalytics.geo.AreaLocator(polys,
                feats.get(0).getFeatureType().getCoordinateReferenceSystem(), incidents.getSchema().getCoordinateReferenceSystem(), "incidents");
        boolean hasCat = incidents.getSchema().getDescriptor("category") != null;
        List<String> cats = new ArrayList<>();
        Map<String, Integer> catIdx = new java.util.HashMap<>();
        List<int[][]> perCat = new ArrayList<>(); // [category][period][area]
        long[][] count = new long[np][n];
        long outside = 0, before = 0, noTime = 0;
        // each incident's period (-1: before the first; -2: no time) and point, from an incident table's columns or one
        // pass over the features; those in a period are then located at once
        int total = 0;
        int[] period = new int[1024];
        double[] xy = new double[2048];
        boolean[] none = null; // features without a geometry (a table's rows all have a point)
        String[] catOf = null; // the features' categories (a table's are read from it when counted)
        List<String> ids = new ArrayList<>();
        org.crimeanalytics.geo.IncidentCollection ic = incidents instanceof org.crimeanalytics.geo.IncidentCollection c ? c : null;
        boolean occurred = ic != null && timeAttribute.equals(org.crimeanalytics.ingest.Incidents.OCCURRED);
        if (ic != null) {
            total = ic.size();
            period = new int[total];
            xy = new double[2 * total];
            ic.table().lonLat(xy);
            for (int i = 0; i < total; i++) {
                long tm = occurred ? ic.table().occurred(i) : org.crimeanalytics.ingest.IncidentTable.NO_TIME;
                Object d = occurred ? null : ic.attribute(i, timeAttribute);
                period[i] = occurred ? (tm == org.crimeanalytics.ingest.IncidentTable.NO_TIME ? -2 : period(tm, starts))
                        : d instanceof java.util.Date date ? period(date.getTime(), starts) : -2;
            }
        } else {
            catOf = hasCat ? new String[1024] : null;
            none = new boolean[1024];
            try (SimpleFeatureIterator it = incidents.features()) {
                while (it.hasNext()) {
                    SimpleFeature f = it.next();
                    if (total == period.length) {
                        period = java.util.Arrays.copyOf(period, 2 * total);
                        xy = java.util.Arrays.copyOf(xy, 4 * total);
                        none = java.util.Arrays.copyOf(none, 2 * total);
                        if (hasCat) catOf = java.util.Arrays.copyOf(catOf, 2 * total);
                    }
                    period[total] = f.getAttribute(timeAttribute) instanceof java.util.Date date ? period(date.getTime(), starts) : -2;
                    // a point (a centroid) only for an incident in a period, which is located
                    none[total] = period[total] >= 0 && !org.crimeanalytics.geo.AreaLocator.pointOf(f, xy, total);
                    if (hasCat) catOf[total] = String.valueOf(f.getAttribute("category"));
                    ids.add(f.getID());
                    total++;
                }
            }
        }
        if (total == 0) throw org.crimeanalytics.geo.LayerChecks.empty("incidents");
        int dated = 0;
        for (int i = 0; i < total; i++) if (period[i] != -2) dated++;
        if (dated == 0) throw org.crimeanalytics.geo.FeatureTimes.noneHaveATime(timeAttribute, total, "timeAttribute");
        final int[] periodF = period;
        int[] where = locator.locateAll(xy, none, total, i -> periodF[i] >= 0,
                i -> ic != null ? org.crimeanalytics.geo.IncidentCollection.id(i) : ids.get(i));
        for (int i = 0; i < total; i++) {
            int p = period[i], a = where[i];
            if (p == -2) {
                noTime++;
                continue;
            }
            if (p < 0) {
                before++;
                continue;
            }
            if (a < 0) {
                outside++;
                continue;
            }
            count[p][a]++;
            if (hasCat) {
                String c = catOf != null ? catOf[i] : String.valueOf(ic.attribute(i, "category"));
                Integer ci = catIdx.get(c);
                if (ci == null) {
                    ci = cats.size();
                    catIdx.put(c, ci);
                    cats.add(c);
                    perCat.add(new int[np][n]);
                }
                perCat.get(ci)[p][a]++;
            }
        }
        List<int[]> labels = new ArrayList<>();
        for (int p = 0; p < np; p++) {
            List<Integer> usable = new ArrayList<>();
            List<double[]> rows = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                double v = count[p][a];
                if (populationAttribute != null) {
                    double pop = num(feats.get(a).getAttribute(populationAttribute));
                    if (!(pop > 0)) continue;
                    v = v / pop * 1000;
                }
                double[] row = new double[1 + cats.size()];
                row[0] = v;
                for (int c = 0; c < cats.size(); c++) row[1 + c] = count[p][a] == 0 ? 0 : (double) perCat.get(c)[p][a] / count[p][a];
                usable.add(a);
                rows.add(row);
            }
            int[] lab = new int[n];
            java.util.Arrays.fill(lab, -1);
            try {
                int[] l = clustering.cluster(rows.toArray(new double[0][]), 0);
                for (int j = 0; j < l.length; j++) lab[usable.get(j)] = l[j];
            } catch (Exception e) {
                if (java.util.Arrays.stream(count[p]).sum() == 0) { // k-means++ on all-zero rows: Weka says 'Sum is zero'
                    throw new ProcessException("periodStarts: no incident of period " + (p + 1) + " (from "
                            + org.crimeanalytics.geo.GeoJson.isoFloating(starts.get(p)).substring(0, 10) + ") lies in an area (" + outside
                            + " in all periods outside every area, " + before + " before the first period, " + noTime
                            + " without a time), so it cannot be clustered; do the incidents and areas cover the same place and dates?", e);
                }
                throw new ProcessException("periodStarts: clustering period " + (p + 1) + " failed: " + e.getMessage(), e);
            }
            labels.add(lab);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (long st : starts) names.add(org.crimeanalytics.geo.GeoJson.isoFloating(st).substring(0, 10));
        s.put("period_starts", names);
        List<Long> totals = new ArrayList<>();
        for (long[] c : count) totals.add(java.util.Arrays.stream(c).sum());
        s.put("incidents_per_period", totals);
        s.put("incidents_before_first_period", before);
        s.put("incidents_without_time", noTime);
        s.put("incidents_outside_every_area", outside);
        s.put("values", (populationAttribute != null ? "rate per 1,000" : "count") + (cats.isEmpty() ? "" : " and category shares " + cats));
        List<Object> ari = new ArrayList<>();
        for (int p = 1; p < np; p++) ari.add(AdjustedRand.index(labels.get(p - 1), labels.get(p)));
        s.put("adjusted_rand_index_consecutive", ari);
        return s;
    }

    /** The last period whose start is at or before {@code t}; -1 before the first. */
    private static int period(long t, List<Long> starts) {
        for (int i = starts.size() - 1; i >= 0; i--) if (t >= starts.get(i)) return i;
        return -1;
    }

    private static double[][] values(List<SimpleFeature> feats, List<String> cols) {
        double[][] v = new double[feats.size()][cols.size()];
        for (int i = 0; i < feats.size(); i++) {
            SimpleFeature f = feats.get(i);
            for (int a = 0; a < cols.size(); a++) {
                String c = cols.get(a);
                if (c.startsWith("SHARE_") && f.getFeatureType().getDescriptor(c) == null) {
                    double cnt = num(f.getAttribute("CNT_" + c.substring(6)));
                    double tot = num(f.getAttribute("CRIME_COUNT"));
                    v[i][a] = tot > 0 ? cnt / tot : Double.NaN;
                } else {
                    v[i][a] = num(f.getAttribute(c));
                }
            }
        }
        return v;
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
