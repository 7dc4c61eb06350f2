package org.crimeanalytics.style;

/** The project's colours, defined once (ColorBrewer schemes; ArcGIS-style hot spot ramp). */
public final class Palettes {

    private Palettes() {}

    /** Qualitative colours for categories and cluster COLOR_IDs (ColorBrewer Set1 + Dark2). */
    public static final String[] CATEGORICAL = {"#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00", "#a65628",
        "#f781bf", "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e"};

    /** Hot spot bins -3..3 (cold 99 %, 95 %, 90 %, not significant, hot 90 %, 95 %, 99 %). */
    public static final String[] HOT_COLD = {"#4575b5", "#849eba", "#c0ccbe", "#ffffbf", "#fab984", "#ed7551",
        "#d62f27"};

    /** Sequential yellow-orange-red (ColorBrewer YlOrRd), 3 to 9 classes taken from this 9-class ramp. */
    public static final String[] SEQUENTIAL = {"#ffffcc", "#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a",
        "#e31a1c", "#bd0026", "#800026"};

    /** Diverging blue-red (ColorBrewer RdBu reversed), 7 classes, for signed trends. */
    public static final String[] DIVERGING = {"#2166ac", "#67a9cf", "#d1e5f0", "#f7f7f7", "#fddbc7", "#ef8a62",
        "#b2182b"};

    /** Categorical colour {@code i} (wraps around). */
    public static String categorical(int i) {
        return CATEGORICAL[Math.floorMod(i, CATEGORICAL.length)];
    }

    /** {@code n} colours spread over the sequential ramp (1 &lt;= n &lt;= 9). */
    public static String[] sequential(int n) {
        if (n < 1 || n > SEQUENTIAL.length) throw new IllegalArgumentException("1..9 classes, not " + n);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = SEQUENTIAL[n == 1 ? SEQUENTIAL.length - 1 : Math.round(i * (SEQUENTIAL.length - 1f) / (n - 1))];
        }
        return out;
    }
}
