package org.crimeanalytics.ingest;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds accepted incidents whose location cannot be real, after every row has been read:
 * <ul>
 *   <li>{@link Reason#PLACEHOLDER_LOCATION}: at a pole (|latitude| &ge; 89.99, e.g. San Francisco's
 *       -120.5, 90), at whole degrees within 1 of 0, 0 (Boston's and Seattle's -1, -1; 0, 0 itself is
 *       Null Island), or one coordinate shared by several rows far from all the others;</li>
 *   <li>{@link Reason#OUTLIER_LOCATION}: a lone incident far from all the others.</li>
 * </ul>
 * "Far" is measured from the robust centre (the median longitude and latitude) of all accepted
 * incidents: beyond max(10 x the median distance to that centre, 50 km), a scale that strays up to half
 * of the rows cannot stretch (a city: some 100 km; England and Wales: some 1,500 km). Such an
 * incident is kept when at least {@value #GROUP} distinct locations lie within max(1 km, threshold / 20)
 * of it, since a real town away from the city has spread-out incidents, while a placeholder has one
 * coordinate. When more than a quarter of the incidents lie that far, the data has no single centre and
 * only the pole rule applies; so it does with fewer than {@value #MIN_ROWS} incidents.
 */
public final class LocationScreen {

    static final int MIN_ROWS = 10;
    static final int GROUP = 5;

    private LocationScreen() {}

    /** The result: a reason per row (null: kept) and what was measured. */
    public record Result(Reason[] reasons, int rejected, Map<String, Object> details) {}

    public static Result screen(IncidentTable t) {
        int n = t.size();
        Reason[] r = new Reason[n];
        int rejected = 0;
        for (int i = 0; i < n; i++) {
            if (pole(t.lon(i), t.lat(i))) {
                r[i] = Reason.PLACEHOLDER_LOCATION;
                rejected++;
            }
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rule", RULE);
        if (n - rejected < MIN_ROWS) {
            d.put("note", "fewer than " + MIN_ROWS + " incidents: only the pole rule applied");
            return new Result(r, rejected, d);
        }
        double[] lon = new double[n - rejected], lat = new double[n - rejected];
        for (int i = 0, k = 0; i < n; i++) {
            if (r[i] != null) continue;
            lon[k] = t.lon(i);
            lat[k++] = t.lat(i);
        }
        double[] median = new double[2]; // lon, lat: copies made here, selected in place
        org.crimeanalytics.util.Threads.both(() -> median[0] = org.crimeanalytics.stats.Select.medianInPlace(lon, lon.length),
                () -> median[1] = org.crimeanalytics.stats.Select.medianInPlace(lat, lat.length));
        Measure m = new Measure(median[0], median[1]);
        double[] kept = lon; // the longitudes are done with: their array takes the kept rows' squared distances
        for (int i = 0, k = 0; i < n; i++) if (r[i] == null) kept[k++] = m.dist2(t.lon(i), t.lat(i));
        double medianDist2 = org.crimeanalytics.stats.Select.medianInPlace(kept, kept.length);
        double threshold = threshold(medianDist2);
        double threshold2 = threshold * threshold;
        m.describe(d, Math.sqrt(medianDist2), threshold);
        int far = 0;
        int[] farRows = new int[n];
        for (int i = 0; i < n; i++) if (r[i] == null && m.dist2(t.lon(i), t.lat(i)) > threshold2) farRows[far++] = i;
        if (far * 4 > n) { // not a few strays: the data has no single centre
            d.put("note", far + " incidents lie beyond the threshold: more than a quarter, so none was rejected as an outlier");
            return new Result(r, rejected, d);
        }
        double[] flon = new double[far], flat = new double[far];
        for (int a = 0; a < far; a++) {
            flon[a] = t.lon(farRows[a]);
            flat[a] = t.lat(farRows[a]);
        }
        Reason[] fr = classifyFar(flon, flat, threshold);
        for (int a = 0; a < far; a++) {
            if (fr[a] == null) continue;
            r[farRows[a]] = fr[a];
            rejected++;
        }
        return new Result(r, rejected, d);
    }

    /** The rule, as the report states it. */
    public static final String RULE = "placeholder: a pole, or one coordinate shared by several rows far from the others; outlier: a lone "
            + "incident far from the others; far = beyond max(10 x the median distance to the median centre, 50 km)";

    /** A pole, or whole degrees within 1 of 0, 0 (-1, -1 and the like: Boston's and Seattle's sentinels). */
    public static boolean pole(double lon, double lat) {
        return Math.abs(lat) >= 89.99 || (Math.abs(lat) <= 1 && Math.abs(lon) <= 1 && lat == Math.rint(lat) && lon == Math.rint(lon));
    }

    /** "Far", in km, from the median of the squared distances (km²) to the centre. */
    public static double threshold(double medianDist2) {
        return Math.max(10 * Math.sqrt(medianDist2), 50);
    }

    /** Squared equirectangular distances (km²) to a centre (the median longitude and latitude): no trigonometry per incident. */
    public static final class Measure implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        public final double cLon;
        public final double cLat;
        private final double kx;
        private final double ky;

        public Measure(double cLon, double cLat) {
            this.cLon = cLon;
            this.cLat = cLat;
            this.kx = 6371.0 * Math.toRadians(1) * Math.cos(Math.toRadians(cLat));
            this.ky = 6371.0 * Math.toRadians(1);
        }

        public double dist2(double lon, double lat) {
            double dx = (lon - cLon) * kx, dy = (lat - cLat) * ky;
            return dx * dx + dy * dy;
        }

        /** The report's details of the screen. */
        public void describe(Map<String, Object> d, double medianKm, double thresholdKm) {
            d.put("centre_lon_lat", new double[] {cLon, cLat});
            d.put("median_distance_km", medianKm);
            d.put("threshold_km", thresholdKm);
        }
    }

    /**
     * The far incidents (beyond the threshold, given in input order) that are placeholders (their coordinate shared by
     * several far rows) or outliers (alone), or null: kept when at least {@value #GROUP} distinct locations lie within
     * max(1 km, threshold / 20) of it.
     */
    public static Reason[] classifyFar(double[] lon, double[] lat, double thresholdKm) {
        int far = lon.length;
        double radius = Math.max(1, thresholdKm / 20);
        Map<Long, Integer> shared = new HashMap<>();
        for (int a = 0; a < far; a++) shared.merge(key(lon[a], lat[a]), 1, Integer::sum);
        Reason[] out = new Reason[far];
        for (int a = 0; a < far; a++) {
            java.util.Set<Long> near = new java.util.HashSet<>();
            for (int b = 0; b < far && near.size() < GROUP; b++) {
                if (km(lon[a], lat[a], lon[b], lat[b]) <= radius) near.add(key(lon[b], lat[b]));
            }
            if (near.size() >= GROUP) continue;
            out[a] = shared.get(key(lon[a], lat[a])) > 1 ? Reason.PLACEHOLDER_LOCATION : Reason.OUTLIER_LOCATION;
        }
        return out;
    }

    private static long key(double lon, double lat) {
        return Double.doubleToLongBits(lon) * 31 + Double.doubleToLongBits(lat);
    }

    /** Equirectangular distance in km (ample for "hundreds of km away"). */
    static double km(double lon1, double lat1, double lon2, double lat2) {
        double x = Math.toRadians(lon2 - lon1) * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        double y = Math.toRadians(lat2 - lat1);
        return 6371.0 * Math.hypot(x, y);
    }
}
