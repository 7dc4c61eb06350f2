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
            // a pole, or whole degrees within 1 of 0, 0 (-1, -1 and the like: Boston's and Seattle's sentinels)
            double la = t.lat(i), lo = t.lon(i);
            if (Math.abs(la) >= 89.99 || (Math.abs(la) <= 1 && Math.abs(lo) <= 1 && la == Math.rint(la) && lo == Math.rint(lo))) {
                r[i] = Reason.PLACEHOLDER_LOCATION;
                rejected++;
            }
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rule", "placeholder: a pole, or one coordinate shared by several rows far from the others; outlier: a lone "
                + "incident far from the others; far = beyond max(10 x the median distance to the median centre, 50 km)");
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
        double cLon = org.crimeanalytics.stats.Select.median(lon, lon.length);
        double cLat = org.crimeanalytics.stats.Select.median(lat, lat.length);
        // squared equirectangular distances (km^2) to the centre: no trigonometry per incident
        double kx = 6371.0 * Math.toRadians(1) * Math.cos(Math.toRadians(cLat)), ky = 6371.0 * Math.toRadians(1);
        double[] dist2 = new double[n];
        double[] kept = new double[lon.length];
        for (int i = 0, k = 0; i < n; i++) {
            double dx = (t.lon(i) - cLon) * kx, dy = (t.lat(i) - cLat) * ky;
            dist2[i] = dx * dx + dy * dy;
            if (r[i] == null) kept[k++] = dist2[i];
        }
        double median = Math.sqrt(org.crimeanalytics.stats.Select.median(kept, kept.length));
        double threshold = Math.max(10 * median, 50);
        double threshold2 = threshold * threshold;
        double radius = Math.max(1, threshold / 20);
        d.put("centre_lon_lat", new double[] {cLon, cLat});
        d.put("median_distance_km", median);
        d.put("threshold_km", threshold);
        int far = 0;
        int[] farRows = new int[n];
        for (int i = 0; i < n; i++) if (r[i] == null && dist2[i] > threshold2) farRows[far++] = i;
        if (far * 4 > n) { // not a few strays: the data has no single centre
            d.put("note", far + " incidents lie beyond the threshold: more than a quarter, so none was rejected as an outlier");
            return new Result(r, rejected, d);
        }
        Map<Long, Integer> shared = new HashMap<>();
        for (int a = 0; a < far; a++) shared.merge(key(t, farRows[a]), 1, Integer::sum);
        for (int a = 0; a < far; a++) {
            int i = farRows[a];
            java.util.Set<Long> near = new java.util.HashSet<>();
            for (int b = 0; b < far && near.size() < GROUP; b++) {
                int j = farRows[b];
                if (km(t.lon(i), t.lat(i), t.lon(j), t.lat(j)) <= radius) near.add(key(t, j));
            }
            if (near.size() >= GROUP) continue;
            r[i] = shared.get(key(t, i)) > 1 ? Reason.PLACEHOLDER_LOCATION : Reason.OUTLIER_LOCATION;
            rejected++;
        }
        return new Result(r, rejected, d);
    }

    private static long key(IncidentTable t, int i) {
        return Double.doubleToLongBits(t.lon(i)) * 31 + Double.doubleToLongBits(t.lat(i));
    }

    /** Equirectangular distance in km (ample for "hundreds of km away"). */
    static double km(double lon1, double lat1, double lon2, double lat2) {
        double x = Math.toRadians(lon2 - lon1) * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        double y = Math.toRadians(lat2 - lat1);
        return 6371.0 * Math.hypot(x, y);
    }
}
