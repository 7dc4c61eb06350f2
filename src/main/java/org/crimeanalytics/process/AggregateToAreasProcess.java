package org.crimeanalytics.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crimeanalytics.areas.EmpiricalBayes;
import org.crimeanalytics.areas.PointInPolygon;
import org.crimeanalytics.geo.Crs;
import org.crimeanalytics.hotspot.Contiguity;
import org.crimeanalytics.hotspot.SpatialWeights;
import org.crimeanalytics.json.Json;
import org.crimeanalytics.style.Breaks;
import org.crimeanalytics.style.Styles;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.feature.type.AttributeDescriptor;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.util.ProgressListener;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.geometry.jts.JTS;
import org.geotools.process.ProcessException;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** {@code crime:AggregateToAreas}: incidents counted per area, with rates, densities and smoothed rates. */
@DescribeProcess(
        title = "Aggregate incidents to areas",
        description = "Counts incidents per area of any polygon layer (census tracts, districts, community areas), "
                + "keeping every attribute of the areas, and adds CRIME_COUNT, one CNT_<category> column per category "
                + "(the categories given, or the top N), RATE_PER_1000 (or per rateBase) where a population attribute "
                + "is given (null for zero population, never infinity), DENSITY_KM2, and Empirical Bayes smoothed rates "
                + "(EB_RATE global, SEB_RATE spatial over queen neighbours; Marshall 1991, as GeoDa). Point-in-polygon "
                + "through an R-tree (JTS HPRtree) of prepared polygons; incidents and areas may be in different CRSs. An incident "
                + "on a boundary shared by several areas counts once, for the first of them in the layer; incidents "
                + "outside every area, without geometry, or outside the time window are counted in 'summary'.")
public class AggregateToAreasProcess {

    /** Which field the choropleth style shows. */
    public enum StyleField { RATE, COUNT, DENSITY, EB_RATE }

    @DescribeResults({
        @DescribeResult(name = "result", type = SimpleFeatureCollection.class,
                description = "The areas with their attributes plus CRIME_COUNT, CNT_*, RATE_PER_1000, DENSITY_KM2, EB_RATE, SEB_RATE"),
        @DescribeResult(name = "style", type = String.class, meta = {"mimeTypes=application/vnd.ogc.sld+xml"},
                description = "Choropleth SLD 1.0.0 with breaks computed from the result"),
        @DescribeResult(name = "summary", type = String.class, meta = {"mimeTypes=application/json"},
                description = "JSON: incidents read, counted, outside every area, on shared boundaries, without geometry or time")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "incidents", description = "Incident points") SimpleFeatureCollection incidents,
            @DescribeParameter(name = "areas", description = "Area polygons (any layer)") SimpleFeatureCollection areas,
            @DescribeParameter(name = "populationAttribute", min = 0, description = "Population attribute of the areas (enables rates)") String populationAttribute,
            @DescribeParameter(name = "rateBase", min = 0, defaultValue = "1000", minValue = 1, description = "Rates per this many people") Double rateBase,
            @DescribeParameter(name = "categoryAttribute", min = 0, description = "Incident attribute to count by (default: category when present)") String categoryAttribute,
            @DescribeParameter(name = "categories", min = 0, description = "Comma-separated categories to count: CRIME_COUNT, the rates and the density then count these only, each with a CNT_ column (default: every category counted, CNT_ columns for the top N)") String categories,
            @DescribeParameter(name = "topN", min = 0, defaultValue = "5", minValue = 0, maxValue = 50, description = "How many most frequent categories get a column when none are listed") Integer topN,
            @DescribeParameter(name = "timeAttribute", min = 0, defaultValue = "occurred", description = "Incident date attribute for the time window") String timeAttribute,
            @DescribeParameter(name = "from", min = 0, description = "Start of the time window (inclusive)") Date from,
            @DescribeParameter(name = "to", min = 0, description = "End of the time window (exclusive)") Date to,
            @DescribeParameter(name = "styleField", min = 0, defaultValue = "RATE", description = "RATE, COUNT, DENSITY or EB_RATE (RATE falls back to COUNT without population)") StyleField styleField,
            @DescribeParameter(name = "classification", min = 0, defaultValue = "NATURAL_BREAKS", description = "QUANTILE, EQUAL_INTERVAL, NATURAL_BREAKS (Jenks), LOGARITHMIC or MEAN_MULTIPLES (limits at 1, 2, ... times the mean)") Breaks.Method classification,
            @DescribeParameter(name = "classes", min = 0, defaultValue = "5", minValue = 2, maxValue = 9, description = "Number of classes") Integer classes,
            ProgressListener monitor) {
        if (incidents == null) throw new ProcessException("incidents: required");
        if (areas == null) throw new ProcessException("areas: required");
        SimpleFeatureType at = areas.getSchema();
        if (at.getGeometryDescriptor() == null) throw new ProcessException("areas: the layer has no geometry");
        if (populationAttribute != null && at.getDescriptor(populationAttribute) == null) {
            throw new ProcessException("populationAttribute: no attribute '" + populationAttribute + "' in areas; attributes: " + names(at));
        }
        int k = classes == null ? 5 : classes;
        if (k < 2 || k > 9) throw new ProcessException("classes: must be between 2 and 9, was " + k);
        double base = rateBase == null ? 1000 : rateBase;
        if (!(base > 0)) throw new ProcessException("rateBase: must be > 0, was " + base);
        if (from != null && to != null && !from.before(to)) throw new ProcessException("from, to: 'from' must be before 'to'");
        SimpleFeatureType it = incidents.getSchema();
        String catAttr = categoryAttribute != null ? categoryAttribute : it.getDescriptor("category") != null ? "category" : null;
        if (catAttr != null && it.getDescriptor(catAttr) == null) {
            throw new ProcessException("categoryAttribute: no attribute '" + catAttr + "' in incidents; attributes: " + names(it));
        }
        if (catAttr == null && categories != null && !categories.isBlank()) {
            throw new ProcessException("categories: the incidents have no 'category' attribute; give categoryAttribute; attributes: " + names(it));
        }
        boolean window = from != null || to != null;
        String tAttr = timeAttribute == null ? "occurred" : timeAttribute;
        if (window && it.getDescriptor(tAttr) == null) {
            throw org.crimeanalytics.geo.LayerChecks.unlessEmpty(incidents, "incidents",
                    new ProcessException("timeAttribute: no attribute '" + tAttr + "' in incidents for the time window"));
        }
        if (monitor != null) monitor.started();
        Steps.step(monitor, "Reading the areas and incidents", 5);

        List<SimpleFeature> areaList = new ArrayList<>();
        List<Geometry> polys = new ArrayList<>();
        org.crimeanalytics.areas.AreaRepairs repairs = new org.crimeanalytics.areas.AreaRepairs();
        try (SimpleFeatureIterator i = areas.features()) {
            while (i.hasNext()) {
                SimpleFeature f = i.next();
                areaList.add(f);
                polys.add(repairs.check((Geometry) f.getDefaultGeometry(), f.getID()));
            }
        }
        if (areaList.isEmpty()) throw org.crimeanalytics.geo.LayerChecks.empty("areas");
        org.crimeanalytics.geo.LayerChecks.requireGeometries(polys, "areas");
        int n = areaList.size();
        PointInPolygon pip = new PointInPolygon(polys);
        CoordinateReferenceSystem areaCrs = at.getCoordinateReferenceSystem();
        CoordinateReferenceSystem incCrs = it.getCoordinateReferenceSystem();
        if ((areaCrs == null) != (incCrs == null)) {
            throw new ProcessException((areaCrs == null ? "areas" : "incidents") + ": the layer has no coordinate reference system");
        }
        MathTransform toArea = areaCrs == null ? null : Crs.transform(incCrs, areaCrs, "incidents");

        // first pass over incidents: coordinates in the areas' CRS, category, time filter
        int[] count = new int[n];
        Map<String, Integer> catIndex = new HashMap<>();
        List<String> catNames = new ArrayList<>();
        List<Integer> catTotals = new ArrayList<>();
        long read = 0, outside = 0, noGeom = 0, shared = 0, outWindow = 0, noTime = 0;
        List<String> outsideSamples = new ArrayList<>();
        double[] px = new double[1024], py = new double[1024];
        int[] pcat = new int[1024];
        String[] pid = new String[1024]; // feature ids (the general path)
        int[] prow = null; // table rows (the table path: ids made only for the samples reported)
        int m = 0;
        double[] xy = new double[2];
        if (incidents instanceof org.crimeanalytics.geo.IncidentCollection ic) { // the fast path: the table's columns
            org.crimeanalytics.ingest.IncidentTable t = ic.table();
            int total = t.size();
            Limits.checkIncidents(total, "incidents");
            px = new double[total];
            py = new double[total];
            pcat = new int[total];
            prow = new int[total];
            double[] pts = new double[2 * total];
            boolean occurred = tAttr.equals(org.crimeanalytics.ingest.Incidents.OCCURRED);
            for (int r = 0; r < total; r++) {
                read++;
                if ((read & 65535) == 0 && monitor != null && monitor.isCanceled()) throw new ProcessException("cancelled");
                if (window) {
                    long tm = occurred ? t.occurred(r) : org.crimeanalytics.geo.FeatureTimes.floating(ic.attribute(r, tAttr));
                    if (tm == org.crimeanalytics.ingest.IncidentTable.NO_TIME || tm == org.crimeanalytics.ingest.FastDates.INVALID) {
                        noTime++;
                        continue;
                    }
                    if ((from != null && tm < from.getTime()) || (to != null && tm >= to.getTime())) {
                        outWindow++;
                        continue;
                    }
                }
                int c = catAttr == null ? -1 : category(ic.attribute(r, catAttr), catIndex, catNames, catTotals);
                pts[2 * m] = t.lon(r);
                pts[2 * m + 1] = t.lat(r);
                pcat[m] = c;
                prow[m] = r;
                m++;
            }
            if (toArea != null && !toArea.isIdentity() && m > 0) { // one transform over the coordinate array
                try {
                    toArea.transform(pts, 0, pts, 0, m);
                } catch (Exception e) {
                    throw new ProcessException("incidents: cannot transform the incidents to the areas' CRS: " + e.getMessage());
                }
            }
            for (int r = 0; r < m; r++) {
                px[r] = pts[2 * r];
                py[r] = pts[2 * r + 1];
            }
        } else try (SimpleFeatureIterator i = incidents.features()) {
            while (i.hasNext()) {
                SimpleFeature f = i.next();
                read++;
                if ((read & 8191) == 0 && monitor != null && monitor.isCanceled()) throw new ProcessException("cancelled");
                if (window) {
                    long tm = org.crimeanalytics.geo.FeatureTimes.floating(f.getAttribute(tAttr));
                    if (tm == org.crimeanalytics.ingest.FastDates.INVALID) {
                        noTime++;
                        continue;
                    }
                    Date d = new Date(tm);
                    if ((from != null && d.before(from)) || (to != null && !d.before(to))) {
                        outWindow++;
                        continue;
                    }
                }
                Object g = f.getDefaultGeometry();
                if (!(g instanceof Geometry geom) || geom.isEmpty()) {
                    noGeom++;
                    continue;
                }
                Point p = geom instanceof Point pt ? pt : geom.getCentroid();
                xy[0] = p.getX();
                xy[1] = p.getY();
                if (toArea != null && !toArea.isIdentity()) {
                    try {
                        toArea.transform(xy, 0, xy, 0, 1);
                    } catch (Exception e) {
                        throw new ProcessException("incidents: feature " + f.getID() + " cannot be transformed to the areas' CRS: " + e.getMessage());
                    }
                }
                int c = catAttr == null ? -1 : category(f.getAttribute(catAttr), catIndex, catNames, catTotals);
                if (m == px.length) {
                    px = Arrays.copyOf(px, m * 2);
                    py = Arrays.copyOf(py, m * 2);
                    pcat = Arrays.copyOf(pcat, m * 2);
                    pid = Arrays.copyOf(pid, m * 2);
                }
                px[m] = xy[0];
                py[m] = xy[1];
                pcat[m] = c;
                pid[m] = outsideSamples.size() < 10 ? f.getID() : null;
                m++;
            }
        }
        // second pass, in parallel: which area holds each point (the index and prepared polygons are thread-safe)
        final double[] fx = px, fy = py;
        final int points = m;
        int[] where = new int[m];
        boolean[] sharedFlag = new boolean[m];
        pip.locateAll(fx, fy, points, where, sharedFlag);
        int[] catTotal = new int[catNames.size()];
        int counted = 0;
        for (int j = 0; j < m; j++) {
            int a = where[j];
            if (a < 0) {
                outside++;
                if (outsideSamples.size() < 10) {
                    outsideSamples.add(prow != null ? org.crimeanalytics.geo.IncidentCollection.id(prow[j]) : pid[j] != null ? pid[j] : "incident " + (j + 1));
                }
                continue;
            }
            if (sharedFlag[j]) shared++;
            count[a]++;
            counted++;
            if (pcat[j] >= 0) catTotal[pcat[j]]++;
        }
        for (int c = 0; c < catTotal.length; c++) catTotals.set(c, catTotals.get(c) + catTotal[c]);
        // every count 0 is no result: said, as the other processes say it, rather than a map of zeros
        if (read == 0) throw org.crimeanalytics.geo.LayerChecks.empty("incidents");
        if (counted == 0) {
            throw new ProcessException("incidents: none of the " + read + " incidents could be counted in the " + n + " areas ("
                    + (window ? noTime + " without a time, " + outWindow + " outside the time window, " : "") + noGeom
                    + " without geometry, " + outside + " outside every area); do they cover the same place" + (window ? " and dates?" : "?"));
        }
        Steps.step(monitor, "Computing counts, rates and Empirical Bayes rates", 60);
        // categories to report
        List<String> chosen = new ArrayList<>();
        if (catAttr != null) {
            if (categories != null && !categories.isBlank()) {
                for (String c : categories.split(",")) if (!c.isBlank() && !chosen.contains(c.trim())) chosen.add(c.trim());
            } else {
                Integer[] order = new Integer[catNames.size()];
                for (int j = 0; j < order.length; j++) order[j] = j;
                Arrays.sort(order, (x, y) -> catTotals.get(y) - catTotals.get(x) != 0 ? catTotals.get(y) - catTotals.get(x)
                        : catNames.get(x).compareTo(catNames.get(y)));
                for (int j = 0; j < Math.min(topN == null ? 5 : topN, order.length); j++) chosen.add(catNames.get(order[j]));
            }
        }
        int[][] catCount = new int[chosen.size()][n];
        Map<Integer, Integer> chosenOf = new HashMap<>();
        for (int j = 0; j < chosen.size(); j++) {
            Integer ci = catIndex.get(chosen.get(j));
            if (ci != null) chosenOf.put(ci, j);
        }
        int[] chosenAt = new int[catNames.size()];
        Arrays.fill(chosenAt, -1);
        chosenOf.forEach((ci, j) -> chosenAt[ci] = j);
        for (int j = 0; j < m; j++) {
            if (where[j] >= 0 && pcat[j] >= 0 && chosenAt[pcat[j]] >= 0) catCount[chosenAt[pcat[j]]][where[j]]++;
        }
        // categories given: a filter, as in TemporalProfile; CRIME_COUNT, the rates and the density count them only (a
        // "violent crime rate" map was one of all crime); the top N by default only adds columns
        boolean filtered = catAttr != null && categories != null && !categories.isBlank();
        int otherCategories = 0;
        if (filtered) {
            for (String c : chosen) {
                if (!catIndex.containsKey(c)) {
                    throw new ProcessException("categories: no incident has category '" + c + "'; the values are " + new java.util.TreeSet<>(catNames));
                }
            }
            int kept = 0;
            for (int a = 0; a < n; a++) {
                int c = 0;
                for (int[] cc : catCount) c += cc[a];
                count[a] = c;
                kept += c;
            }
            otherCategories = counted - kept;
            counted = kept;
            if (counted == 0) throw new ProcessException("categories: none of the " + otherCategories + " incidents counted in the areas is of " + chosen);
        }
        // population, rates, areas in km2 (metric), EB
        double[] pop = new double[n];
        Arrays.fill(pop, Double.NaN);
        if (populationAttribute != null) {
            for (int a = 0; a < n; a++) {
                Object v = areaList.get(a).getAttribute(populationAttribute);
                if (v instanceof Number num) pop[a] = num.doubleValue();
                else if (v != null) {
                    try {
                        pop[a] = Double.parseDouble(v.toString().trim());
                    } catch (NumberFormatException e) {
                        throw new ProcessException("populationAttribute: area " + areaList.get(a).getID() + " has population '" + v + "'");
                    }
                }
            }
        }
        double[] km2 = new double[n];
        Geometry[] metric = new Geometry[n];
        MathTransform toMetric = metricTransform(polys, areaCrs);
        for (int a = 0; a < n; a++) {
            Geometry g = polys.get(a);
            try {
                metric[a] = g == null ? null : toMetric == null ? g : JTS.transform(g, toMetric);
            } catch (Exception e) {
                throw new ProcessException("areas: cannot measure area " + areaList.get(a).getID() + ": " + e.getMessage());
            }
            km2[a] = metric[a] == null ? 0 : metric[a].getArea() / 1e6;
        }
        double[] cnt = new double[n];
        for (int a = 0; a < n; a++) cnt[a] = count[a];
        double[] eb = populationAttribute == null ? null : EmpiricalBayes.global(cnt, pop);
        double[] seb = null;
        if (populationAttribute != null) {
            SpatialWeights q = Contiguity.build(metric, true);
            int[][] nb = new int[n][];
            for (int a = 0; a < n; a++) nb[a] = q.neighbours(a);
            seb = EmpiricalBayes.spatial(cnt, pop, nb);
        }
        // output features
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.init(at);
        tb.setName(at.getTypeName() + "_crime");
        List<String> catCols = new ArrayList<>();
        for (String c : chosen) {
            String col = "CNT_" + c.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
            if (col.length() > 30) col = col.substring(0, 30);
            while (catCols.contains(col) || at.getDescriptor(col) != null) col = col + "_";
            catCols.add(col);
        }
        String rateCol = base == 1000 ? "RATE_PER_1000" : "RATE_PER_" + (long) base;
        tb.add("CRIME_COUNT", Integer.class);
        for (String c : catCols) tb.add(c, Integer.class);
        if (populationAttribute != null) {
            tb.add(rateCol, Double.class);
            tb.add("EB_RATE", Double.class);
            tb.add("SEB_RATE", Double.class);
        }
        tb.add("DENSITY_KM2", Double.class);
        SimpleFeatureType ot = tb.buildFeatureType();
        List<SimpleFeature> out = new ArrayList<>(n);
        double[] styleValues = new double[n];
        StyleField sf = styleField == null ? StyleField.RATE : styleField;
        if (populationAttribute == null && (sf == StyleField.RATE || sf == StyleField.EB_RATE)) sf = StyleField.COUNT;
        for (int a = 0; a < n; a++) {
            SimpleFeatureBuilder b = new SimpleFeatureBuilder(ot);
            b.init(areaList.get(a));
            b.set("CRIME_COUNT", count[a]);
            for (int j = 0; j < catCols.size(); j++) b.set(catCols.get(j), catCount[j][a]);
            Double rate = null;
            if (populationAttribute != null) {
                rate = pop[a] > 0 ? count[a] / pop[a] * base : null;
                b.set(rateCol, rate);
                b.set("EB_RATE", Double.isFinite(eb[a]) ? eb[a] * base : null);
                b.set("SEB_RATE", Double.isFinite(seb[a]) ? seb[a] * base : null);
            }
            Double density = km2[a] > 0 ? count[a] / km2[a] : null;
            b.set("DENSITY_KM2", density);
            out.add(b.buildFeature(areaList.get(a).getID()));
            styleValues[a] = switch (sf) {
                case RATE -> rate == null ? Double.NaN : rate;
                case EB_RATE -> Double.isFinite(eb[a]) ? eb[a] * base : Double.NaN;
                case DENSITY -> density == null ? Double.NaN : density;
                case COUNT -> count[a];
            };
        }
        String styleAttr = switch (sf) {
            case RATE -> rateCol;
            case EB_RATE -> "EB_RATE";
            case DENSITY -> "DENSITY_KM2";
            case COUNT -> "CRIME_COUNT";
        };
        Breaks.Method method = classification == null ? Breaks.Method.NATURAL_BREAKS : classification;
        double[] breaks = Breaks.compute(styleValues, k, method);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("areas", n);
        summary.putAll(repairs.details());
        summary.put("incidents_read", read);
        summary.put("incidents_counted", counted);
        summary.put("incidents_outside_every_area", outside);
        summary.put("first_outside", outsideSamples);
        summary.put("incidents_without_geometry", noGeom);
        if (window) {
            summary.put("incidents_outside_time_window", outWindow);
            summary.put("incidents_without_time", noTime);
        }
        summary.put("incidents_on_boundaries_shared_by_several_areas", shared);
        summary.put("boundary_rule", "counted once, for the first covering area in layer order");
        summary.put("category_attribute", catAttr);
        summary.put("categories", chosen);
        summary.put("categories_rule", !filtered ? "CRIME_COUNT, rates and density count every category; CNT_ columns for these"
                : "CRIME_COUNT, rates and density count these categories only");
        if (filtered) summary.put("incidents_in_other_categories", otherCategories);
        summary.put("areas_with_zero_or_no_population", populationAttribute == null ? null
                : Arrays.stream(pop).filter(p -> !(p > 0)).count());
        summary.put("style_field", styleAttr);
        summary.put("classification", method.name());
        summary.put("breaks", breaks);
        if (read != counted + otherCategories + outside + noGeom + outWindow + noTime) {
            throw new IllegalStateException("aggregation does not balance");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        SimpleFeatureCollection fc = new ListFeatureCollection(ot, out);
        result.put("result", fc);
        result.put("style", Styles.choropleth(styleAttr, breaks, Styles.kindOf(ot.getGeometryDescriptor().getType().getBinding()), method.name()));
        result.put("summary", Json.pretty(summary));
        if (monitor != null) monitor.complete();
        return result;
    }

    /** The index of a category value ("(none)" for null), added at the end when first seen. */
    private static int category(Object value, Map<String, Integer> index, List<String> names, List<Integer> totals) {
        String cs = value == null ? "(none)" : value.toString();
        Integer ci = index.get(cs);
        if (ci == null) {
            ci = names.size();
            index.put(cs, ci);
            names.add(cs);
            totals.add(0);
        }
        return ci;
    }

    /** A transform of the areas into metres (their own CRS when projected in metres, else AUTO:42001 at their centre). */
    static MathTransform metricTransform(List<Geometry> polys, CoordinateReferenceSystem crs) {
        if (crs == null) return null;
        org.locationtech.jts.geom.Envelope e = new org.locationtech.jts.geom.Envelope();
        for (Geometry g : polys) if (g != null) e.expandToInclude(g.getEnvelopeInternal());
        double[] c = {e.centre().x, e.centre().y};
        try {
            Crs.transform(crs, Crs.wgs84(), "areas").transform(c, 0, c, 0, 1);
        } catch (Exception ex) {
            throw new ProcessException("areas: cannot find the layer's centre in degrees: " + ex.getMessage());
        }
        return Crs.transform(crs, Crs.autoUtm(c[0], c[1]), "areas");
    }

    static List<String> names(SimpleFeatureType t) {
        List<String> l = new ArrayList<>();
        for (AttributeDescriptor d : t.getAttributeDescriptors()) l.add(d.getLocalName());
        return l;
    }
}
