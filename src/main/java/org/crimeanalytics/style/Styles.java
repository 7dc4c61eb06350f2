package org.crimeanalytics.style;

import java.util.ArrayList;
import java.util.List;

/**
 * The style of every output kind, defined once: processes return these as their {@code style}
 * output and {@code sld-styles/} holds the same documents.
 */
public final class Styles {

    private Styles() {}

    /** Hot spots by {@code Gi_Bin}: blue (cold, 99/95/90 %) to red (hot), pale yellow not significant. */
    public static String hotSpots(Sld.Kind kind) {
        return Sld.document("crime_hotspots", "Hot spots (Getis-Ord Gi*)",
                "Gi_Bin: -3..3 = cold spot 99/95/90 % confidence, not significant, hot spot 90/95/99 %", hotSpotRules(kind));
    }

    /** One rule per Gi_Bin, -3..3, titled as ArcGIS labels the bins. */
    static List<Sld.Rule> hotSpotRules(Sld.Kind kind) {
        List<Sld.Rule> rules = new ArrayList<>();
        for (int b = -3; b <= 3; b++) {
            rules.add(Sld.category("Gi_Bin", b, org.crimeanalytics.hotspot.HotSpotBins.text(b), symbol(kind, Palettes.HOT_COLD[b + 3])));
        }
        return rules;
    }

    /** Local Moran cluster/outlier types by {@code COType}. */
    public static String clusterOutlier(Sld.Kind kind) {
        List<Sld.Rule> rules = new ArrayList<>();
        rules.add(Sld.category("COType", "HH", "High-High cluster", symbol(kind, "#d7191c")));
        rules.add(Sld.category("COType", "HL", "High-Low outlier", symbol(kind, "#fdae61")));
        rules.add(Sld.category("COType", "LH", "Low-High outlier", symbol(kind, "#abd9e9")));
        rules.add(Sld.category("COType", "LL", "Low-Low cluster", symbol(kind, "#2c7bb6")));
        rules.add(Sld.otherwise("not_significant", "Not significant", symbol(kind, "#eeeeee")));
        return Sld.document("crime_cluster_outlier", "Clusters and outliers (Anselin Local Moran's I)",
                "COType: HH, LL clusters; HL, LH outliers; blank not significant", rules);
    }

    /**
     * A choropleth on {@code attribute} with half-open classes [b_j, b_j+1) (the last class also
     * takes its upper limit) coloured along the sequential ramp; features without a value are grey.
     */
    public static String choropleth(String attribute, double[] breaks, Sld.Kind kind, String method) {
        List<Sld.Rule> rules = new ArrayList<>();
        int k = Math.max(1, breaks.length - 1);
        String[] colours = Palettes.sequential(Math.min(9, k));
        for (int j = 0; j < k; j++) {
            double lo = breaks[j];
            double hi = j + 1 < breaks.length ? breaks[j + 1] : breaks[j];
            boolean last = j == k - 1;
            String title = fmt(lo) + (last ? (hi == lo ? "" : " to " + fmt(hi)) : " to under " + fmt(hi));
            Sld.Rule r = last ? Sld.range(attribute, lo, null, title, symbol(kind, colours[Math.min(j, colours.length - 1)]))
                    : Sld.range(attribute, lo, hi, title, symbol(kind, colours[Math.min(j, colours.length - 1)]));
            rules.add(r);
        }
        rules.add(Sld.otherwise("no_value", "No value", symbol(kind, "#cccccc")));
        return Sld.document("crime_choropleth_" + attribute, "Choropleth of " + attribute,
                method + " classes computed from the data", rules);
    }

    /**
     * Kernel density classes on {@code attribute} with half-open limits {@code breaks} (the last class closed),
     * sequential colours, legend titles in {@code unit} (e.g. "incidents per km²"); features without a value grey.
     */
    public static String density(String styleName, String title, String attribute, double[] breaks, String unit,
            String method, Sld.Kind kind) {
        List<Sld.Rule> rules = new ArrayList<>();
        int k = Math.max(1, breaks.length - 1);
        String[] colours = Palettes.sequential(Math.min(9, k));
        for (int j = 0; j < k; j++) {
            double lo = breaks[j];
            double hi = j + 1 < breaks.length ? breaks[j + 1] : breaks[j];
            boolean last = j == k - 1;
            String t = fmt(lo) + (last ? (hi == lo ? "" : " to " + fmt(hi)) : " to under " + fmt(hi)) + " " + unit;
            String c = colours[Math.min(j, colours.length - 1)];
            rules.add(last ? Sld.range(attribute, lo, null, t, symbol(kind, c)) : Sld.range(attribute, lo, hi, t, symbol(kind, c)));
        }
        rules.add(Sld.otherwise("no_value", "No value", symbol(kind, "#cccccc")));
        return Sld.document(styleName, title, method, rules);
    }

    /** A change of density on {@code attribute}: seven classes symmetric around zero, falls blue, rises red. */
    public static String densityChange(String attribute, double maxAbs, String unit, Sld.Kind kind) {
        return Sld.document("crime_kde_change", "Change of kernel density", attribute + ": later period minus earlier, " + unit,
                signedRules(attribute, maxAbs, kind, " " + unit, "No value"));
    }

    /**
     * A raster colour map for a density band: transparent at 0, then the sequential colours at the class limits
     * {@code breaks} (values between limits are interpolated), labels in {@code unit}.
     */
    public static String densityRaster(String styleName, String title, double[] breaks, String unit) {
        List<Sld.ColorMapEntry> e = new ArrayList<>();
        int k = Math.max(1, breaks.length - 1);
        String[] colours = Palettes.sequential(Math.min(9, k + 1));
        e.add(new Sld.ColorMapEntry(colours[0], 0, 0, "0 " + unit));
        for (int j = 1; j < breaks.length; j++) {
            e.add(new Sld.ColorMapEntry(colours[Math.min(j, colours.length - 1)], 0.85, breaks[j], fmt(breaks[j]) + " " + unit));
        }
        return Sld.rasterDocument(styleName, title, "Colour map of the raster band, " + unit, title, e);
    }

    /** A raster colour map for a signed band (a change): blue below zero, clear at zero, red above. */
    public static String changeRaster(String styleName, String title, double maxAbs, String unit) {
        double m = maxAbs > 0 && Double.isFinite(maxAbs) ? maxAbs : 1;
        List<Sld.ColorMapEntry> e = new ArrayList<>();
        double[] q = {-m, -5 * m / 7, -3 * m / 7, -m / 7, 0, m / 7, 3 * m / 7, 5 * m / 7, m};
        String[] c = {Palettes.DIVERGING[0], Palettes.DIVERGING[0], Palettes.DIVERGING[1], Palettes.DIVERGING[2], Palettes.DIVERGING[3],
            Palettes.DIVERGING[4], Palettes.DIVERGING[5], Palettes.DIVERGING[6], Palettes.DIVERGING[6]};
        for (int j = 0; j < q.length; j++) e.add(new Sld.ColorMapEntry(c[j], j == 4 ? 0 : 0.85, q[j], fmt(q[j]) + " " + unit));
        return Sld.rasterDocument(styleName, title, "Colour map of the signed raster band, " + unit, title, e);
    }

    /** The fixed classes of the on-the-fly density style: 1, 3, 10, 30 ... 10,000 incidents per km². */
    public static final double[] DENSITY_TRANSFORMATION_LIMITS = {1, 3, 10, 30, 100, 300, 1_000, 3_000, 10_000};

    /**
     * Style for a raw incident layer that draws a kernel density on the fly (crime:KernelDensity as a rendering
     * transformation): square cells about {@code cellSizePixels} pixels wide in {@code crs}, the bandwidth chosen
     * from the whole layer, KDE in incidents per km² in fixed logarithmic classes (legend valid for any city and
     * period; below 1 per km² is not drawn).
     */
    public static String kernelDensityTransformation(int cellSizePixels, String crs) {
        List<Sld.Rule> rules = new ArrayList<>();
        double[] l = DENSITY_TRANSFORMATION_LIMITS;
        String[] colours = Palettes.sequential(l.length);
        for (int j = 0; j < l.length; j++) {
            Double hi = j + 1 < l.length ? l[j + 1] : null;
            String t = hi == null ? fmt(l[j]) + " incidents per km² and more" : fmt(l[j]) + " to under " + fmt(hi) + " incidents per km²";
            rules.add(Sld.range("KDE", l[j], hi, t, new Sld.Symbol(Sld.Kind.POLYGON, colours[j], 0.75, null, 0, 0)));
        }
        return Sld.document("crime_transformation_kde", "Kernel density on the fly (crime:KernelDensity transformation)",
                "Apply to a point layer of incidents: quartic kernel density (bandwidth from the whole layer by the spatial "
                        + "Silverman rule) on square cells of about " + cellSizePixels + " pixels in " + where(crs)
                        + ", in incidents per km² (fixed classes; under 1 per km² not drawn)",
                viewTransformation("crime:KernelDensity", "cellSizePixels", Integer.toString(cellSizePixels), "crs", crs), rules);
    }

    /** Risk levels (ordered clusters of areas) by {@code RISK_LEVEL}. */
    public static String riskLevels(List<String> levels, Sld.Kind kind) {
        List<Sld.Rule> rules = new ArrayList<>();
        String[] colours = Palettes.sequential(Math.max(1, Math.min(9, levels.size())));
        for (int i = 0; i < levels.size(); i++) {
            rules.add(Sld.category("RISK_LEVEL", levels.get(i), levels.get(i), symbol(kind, colours[Math.min(i, colours.length - 1)])));
        }
        return Sld.document("crime_risk_levels", "Risk levels of areas", "Clusters of areas ordered by mean crime rate", rules);
    }

    /**
     * A signed trend on {@code attribute}: seven classes symmetric around zero (falling blue, stable
     * pale, rising red), limits at +-1/7, 3/7 and 5/7 of the largest absolute value.
     */
    public static String trend(String attribute, double maxAbs, Sld.Kind kind) {
        return Sld.document("crime_trend", "Trend of incidents per year", "Sen's slope of the period counts, per year",
                signedRules(attribute, maxAbs, kind, " per year", "Not enough periods"));
    }

    /**
     * The change of the predicted count in crime:FeatureImpact, by {@code PERCENT_CHANGE}: the same seven
     * symmetric classes as {@link #trend}, falls blue and rises red, limits from the largest absolute change.
     */
    public static String featureImpact(double maxAbsPercent, Sld.Kind kind) {
        return Sld.document("crime_feature_impact", "Change of the predicted count (what if)",
                "PERCENT_CHANGE of next month's predicted count after the census feature was changed", 
                signedRules("PERCENT_CHANGE", maxAbsPercent, kind, " %", "No prediction"));
    }

    static List<Sld.Rule> signedRules(String attribute, double maxAbs, Sld.Kind kind, String unit, String noValue) {
        double m = maxAbs > 0 && Double.isFinite(maxAbs) ? maxAbs : 1;
        double[] lim = {-5 * m / 7, -3 * m / 7, -m / 7, m / 7, 3 * m / 7, 5 * m / 7};
        String[] titles = {"Falling strongly", "Falling", "Falling slightly", "Stable", "Rising slightly", "Rising", "Rising strongly"};
        List<Sld.Rule> rules = new ArrayList<>();
        for (int c = 0; c < 7; c++) {
            Double lo = c == 0 ? null : lim[c - 1];
            Double hi = c == 6 ? null : lim[c];
            rules.add(Sld.range(attribute, lo, hi, titles[c] + " (" + (lo == null ? "below " + fmt(hi) : hi == null ? fmt(lo) + " and above"
                    : fmt(lo) + " to under " + fmt(hi)) + unit + ")", symbol(kind, Palettes.DIVERGING[c])));
        }
        rules.add(Sld.otherwise("no_value", noValue, symbol(kind, "#cccccc")));
        return rules;
    }

    /** Colours of the offense categories (violent, property, drugs, other), the same on every map. */
    public static final String[] OFFENSE_COLOURS = {"#d7301f", "#2b8cbe", "#31a354", "#969696"};

    /**
     * Incidents (or predictions) by offense category on {@code attribute} ({@code category} for imported
     * incidents, {@code PREDICTED_CATEGORY} for crime:Predict): one {@code PropertyIsEqualTo} rule per
     * category of {@link org.crimeanalytics.ingest.OffenseCategory}, then a grey rule for anything else.
     */
    public static String offenseCategories(String styleName, String title, String attribute, Sld.Kind kind) {
        List<Sld.Rule> rules = new ArrayList<>();
        org.crimeanalytics.ingest.OffenseCategory[] cats = org.crimeanalytics.ingest.OffenseCategory.values();
        for (int i = 0; i < cats.length; i++) {
            String label = cats[i].label();
            String legend = Character.toUpperCase(label.charAt(0)) + label.substring(1);
            Sld.Symbol sym = kind == Sld.Kind.POINT ? Sld.Symbol.point(OFFENSE_COLOURS[i], 5) : symbol(kind, OFFENSE_COLOURS[i]);
            rules.add(Sld.category(attribute, label, legend, sym));
        }
        rules.add(Sld.otherwise("unclassified", "Unclassified", kind == Sld.Kind.POINT ? Sld.Symbol.point("#dddddd", 3) : symbol(kind, "#dddddd")));
        return Sld.document(styleName, title, attribute + ": violent, property, drugs, other", rules);
    }

    /** A number as the legends write it. */
    public static String fmtNumber(double v) {
        return fmt(v);
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) return Long.toString((long) v);
        if (!Double.isFinite(v)) return Double.toString(v);
        // three significant digits, never in scientific notation: 1171.66 -> 1170, 0.001234 -> 0.00123
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static Sld.Symbol symbol(Sld.Kind kind, String colour) {
        return switch (kind) {
            case POINT -> Sld.Symbol.point(colour, 7);
            case LINE -> Sld.Symbol.line(colour, 2);
            case POLYGON -> Sld.Symbol.polygon(colour, 0.8);
        };
    }

    /** The symbol kind for a geometry binding. */
    public static Sld.Kind kindOf(Class<?> geometryBinding) {
        if (geometryBinding == null) return Sld.Kind.POLYGON;
        String n = geometryBinding.getSimpleName();
        if (n.contains("Point")) return Sld.Kind.POINT;
        if (n.contains("Line")) return Sld.Kind.LINE;
        return Sld.Kind.POLYGON;
    }
    /** Categorical style on COLOR_ID (plus noise, -1, in grey). */
    public static String clusterColours(String name, String title, Sld.Kind kind, int colours) {
        List<Sld.Rule> rules = new ArrayList<>();
        for (int c = 0; c < Math.max(1, Math.min(colours, Palettes.CATEGORICAL.length)); c++) {
            Sld.Symbol s = kind == Sld.Kind.POINT ? Sld.Symbol.point(Palettes.categorical(c), 6)
                    : new Sld.Symbol(Sld.Kind.POLYGON, Palettes.categorical(c), 0.35, Palettes.categorical(c), 1.5, 0);
            rules.add(Sld.category("COLOR_ID", c, "Colour " + (c + 1), s));
        }
        if (kind == Sld.Kind.POINT) rules.add(Sld.category("COLOR_ID", -1, "Noise (no cluster)", Sld.Symbol.point("#9e9e9e", 3)));
        return Sld.document(name, title, "Categorical colours by COLOR_ID; adjacent clusters never share a colour", rules);
    }

    /** The usual emerging hot spot colours: reds for hot patterns, blues for cold, none for no pattern. */
    public static String emergingHotSpots() {
        String[] hot = {"#fddbc7", "#f4a582", "#d6604d", "#b2182b", "#e08214", "#fdb863", "#8c510a", "#bf812d"};
        String[] cold = {"#d1e5f0", "#92c5de", "#4393c3", "#2166ac", "#35978f", "#80cdc1", "#01665e", "#542788"};
        List<Sld.Rule> rules = new ArrayList<>();
        for (int c = 1; c <= 8; c++) rules.add(Sld.category("CATEGORY", c, org.crimeanalytics.spacetime.EmergingPatterns.name(c), Sld.Symbol.polygon(hot[c - 1], 0.8)));
        for (int c = 1; c <= 8; c++) rules.add(Sld.category("CATEGORY", -c, org.crimeanalytics.spacetime.EmergingPatterns.name(-c), Sld.Symbol.polygon(cold[c - 1], 0.8)));
        rules.add(Sld.category("CATEGORY", 0, org.crimeanalytics.spacetime.EmergingPatterns.name(0), Sld.Symbol.outline("#bbbbbb", 0.3)));
        return Sld.document("crime_emerging_hotspots", "Emerging hot spots", "CATEGORY: 1..8 hot patterns, -1..-8 cold, 0 none", rules);
    }

    /** The working CRS of a transformation, for its abstract. */
    static String where(String crs) {
        return crs != null ? crs : "a transverse Mercator centred on the whole layer (ground metres)";
    }

    /** A rendering transformation element calling {@code process} on the layer as {@code incidents} (null values left out). */
    static String transformation(String process, String... literalParams) {
        StringBuilder sb = new StringBuilder("        <Transformation>\n          <ogc:Function name=\"").append(Sld.esc(process)).append("\">\n");
        sb.append("            <ogc:Function name=\"parameter\"><ogc:Literal>incidents</ogc:Literal></ogc:Function>\n");
        for (int i = 0; i + 1 < literalParams.length; i += 2) {
            if (literalParams[i + 1] == null) continue; // left to the process's default
            sb.append("            <ogc:Function name=\"parameter\"><ogc:Literal>").append(Sld.esc(literalParams[i]))
                    .append("</ogc:Literal><ogc:Literal>").append(Sld.esc(literalParams[i + 1])).append("</ogc:Literal></ogc:Function>\n");
        }
        return sb.append("          </ogc:Function>\n        </Transformation>").toString();
    }

    /** The view parameters GeoServer fills for every map: outputBBOX, outputWidth, outputHeight from wms_*. */
    static String[] viewParameters() {
        return new String[] {"outputBBOX", "wms_bbox", "outputWidth", "wms_width", "outputHeight", "wms_height"};
    }

    /** {@link #transformation} plus the view parameters as {@code env} functions. */
    static String viewTransformation(String process, String... literalParams) {
        String t = transformation(process, literalParams);
        StringBuilder env = new StringBuilder();
        String[] v = viewParameters();
        for (int i = 0; i < v.length; i += 2) {
            env.append("            <ogc:Function name=\"parameter\"><ogc:Literal>").append(v[i])
                    .append("</ogc:Literal><ogc:Function name=\"env\"><ogc:Literal>").append(v[i + 1]).append("</ogc:Literal></ogc:Function></ogc:Function>\n");
        }
        int end = t.lastIndexOf("          </ogc:Function>");
        return t.substring(0, end) + env + t.substring(end);
    }

    /**
     * Style for a raw incident layer that draws Gi* hot spots on the fly (crime:HotSpots as a rendering
     * transformation): square cells about {@code cellSizePixels} pixels wide that follow the zoom level
     * (wms_bbox, wms_width, wms_height), in {@code crs} with the grid anchored at its origin, statistics over
     * the whole layer, so every tile of one zoom level shows the same cells with the same values.
     */
    public static String hotSpotsTransformation(int cellSizePixels, String crs) {
        return Sld.document("crime_transformation_hotspots", "Hot spots on the fly (crime:HotSpots transformation)",
                "Apply to a point layer of incidents: Gi* on square cells of about " + cellSizePixels
                        + " pixels (1, 2 or 5 x 10^k m) in " + where(crs) + ", computed on the whole layer for the current zoom level",
                viewTransformation("crime:HotSpots", "cellSizePixels", Integer.toString(cellSizePixels), "cellShape", "SQUARE", "crs", crs),
                hotSpotRules(Sld.Kind.POLYGON));
    }

    /** Style for a raw incident layer that draws k-means clusters on the fly (crime:ClusterIncidents). */
    public static String kmeansTransformation(int k, String crs) {
        List<Sld.Rule> rules = new ArrayList<>();
        for (int c = 0; c < Palettes.CATEGORICAL.length; c++) {
            rules.add(Sld.category("COLOR_ID", c, "Colour " + (c + 1), Sld.Symbol.point(Palettes.categorical(c), 5)));
        }
        return Sld.document("crime_transformation_kmeans", "Incident clusters on the fly (crime:ClusterIncidents transformation)",
                "Apply to a point layer of incidents: k-means with k = " + k + " in " + where(crs),
                viewTransformation("crime:ClusterIncidents", "k", Integer.toString(k), "crs", crs), rules);
    }
}
