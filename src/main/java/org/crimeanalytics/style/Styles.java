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
        List<Sld.Rule> rules = new ArrayList<>();
        String[] titles = {"Cold Spot - 99% Confidence", "Cold Spot - 95% Confidence", "Cold Spot - 90% Confidence",
            "Not Significant", "Hot Spot - 90% Confidence", "Hot Spot - 95% Confidence", "Hot Spot - 99% Confidence"};
        for (int b = -3; b <= 3; b++) {
            rules.add(Sld.category("Gi_Bin", b, titles[b + 3], symbol(kind, Palettes.HOT_COLD[b + 3])));
        }
        return Sld.document("crime_hotspots", "Hot spots (Getis-Ord Gi*)",
                "Gi_Bin: -3..3 = cold spot 99/95/90 % confidence, not significant, hot spot 90/95/99 %", rules);
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
}
