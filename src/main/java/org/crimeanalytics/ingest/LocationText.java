package org.crimeanalytics.ingest;

/**
 * A location written in one column, as Socrata and ArcGIS exports write it:
 * <ul>
 *   <li>{@code (41.8751, -87.7386)} or {@code (37.73; -122.42)}: latitude first, in parentheses, possibly at
 *       the end of an address ({@code 4000 MILL ST\nKANSAS CITY 64111\n(39.05, -94.58)});</li>
 *   <li>{@code POINT (-122.4194 37.7749)}: WKT, longitude first (optionally {@code SRID=4326;});</li>
 *   <li>{@code 41.8751, -87.7386}: bare, latitude first.</li>
 * </ul>
 */
public final class LocationText {

    private LocationText() {}

    /** Parses {@code text} into {@code lonLat} (longitude, latitude); false when it is not a location. */
    public static boolean parse(String text, double[] lonLat) {
        if (text == null) return false;
        String t = text.trim();
        if (t.isEmpty()) return false;
        String up = t.toUpperCase(java.util.Locale.ROOT);
        int semi = up.indexOf(';');
        if (up.startsWith("SRID=") && semi > 0) {
            t = t.substring(semi + 1).trim();
            up = up.substring(semi + 1).trim();
        }
        if (up.startsWith("POINT")) {
            int o = t.indexOf('('), c = t.lastIndexOf(')');
            if (o < 0 || c < o) return false;
            String[] p = t.substring(o + 1, c).trim().split("\\s+");
            if (p.length < 2) return false;
            return set(p[0], p[1], lonLat);
        }
        int c = t.lastIndexOf(')');
        String inner;
        if (c >= 0) {
            int o = t.lastIndexOf('(', c);
            if (o < 0) return false;
            inner = t.substring(o + 1, c);
        } else {
            inner = t;
        }
        String[] p = inner.split("[,;]");
        if (p.length != 2) return false;
        return set(p[1], p[0], lonLat);
    }

    private static boolean set(String lon, String lat, double[] out) {
        try {
            double x = Double.parseDouble(lon.trim());
            double y = Double.parseDouble(lat.trim());
            if (!Double.isFinite(x) || !Double.isFinite(y) || Math.abs(y) > 90 || Math.abs(x) > 180) return false;
            out[0] = x;
            out[1] = y;
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
