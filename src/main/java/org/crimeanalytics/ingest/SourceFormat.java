package org.crimeanalytics.ingest;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The exports recognised without help, with their column mapping, their plausible extent
 * (lon/lat degrees: minLon, minLat, maxLon, maxLat) and how the coarse category is derived.
 *
 * <p>Generic CSV recognises these header names (case, spaces and punctuation ignored):
 * latitude/longitude {@code latitude, lat, lat_dd, y_lat} and {@code longitude, lon, lng, long,
 * lon_dd, x_lon}; projected {@code x, x_coordinate, xcoord, easting, point_x} and {@code y,
 * y_coordinate, ycoord, northing, point_y}; and, optionally, id, date, time, reported, offense,
 * offense code, premise, weapon, area and victim age under the names listed in {@link #GENERIC_NAMES}.
 */
public enum SourceFormat {
    /** LAPD "Crime Data from 2020 to Present". */
    LAPD(new double[] {-119.0, 33.5, -117.5, 34.9}),
    /** City of Chicago "Crimes - 2001 to present". */
    CHICAGO(new double[] {-88.0, 41.6, -87.5, 42.1}),
    /** data.police.uk street-level crime CSV. */
    UK_POLICE(new double[] {-8.7, 49.8, 1.8, 60.9}),
    /** Any CSV with latitude/longitude or x/y columns. */
    GENERIC(new double[] {-180, -90, 180, 90});

    private final double[] plausibleExtent;

    SourceFormat(double[] extent) {
        this.plausibleExtent = extent;
    }

    public double[] plausibleExtent() {
        return plausibleExtent.clone();
    }

    /** Header names per field for generic CSV, in order of preference (normalised form). */
    public static final Map<Field, List<String>> GENERIC_NAMES = new EnumMap<>(Map.ofEntries(
            Map.entry(Field.LAT, List.of("latitude", "lat", "lat_dd", "y_lat")),
            Map.entry(Field.LON, List.of("longitude", "lon", "lng", "long", "lon_dd", "x_lon")),
            Map.entry(Field.X, List.of("x", "x_coordinate", "xcoord", "easting", "point_x")),
            Map.entry(Field.Y, List.of("y", "y_coordinate", "ycoord", "northing", "point_y")),
            Map.entry(Field.ID, List.of("incident_id", "id", "incident_number", "case_number", "crime_id",
                    "report_number", "dr_no")),
            Map.entry(Field.DATE, List.of("occurred", "occurred_date", "date_occurred", "datetime", "date_time",
                    "incident_date", "offense_date", "date_occ", "date", "month")),
            Map.entry(Field.TIME, List.of("time", "occurred_time", "time_occ", "incident_time")),
            Map.entry(Field.REPORTED, List.of("reported", "date_reported", "reported_date", "report_date",
                    "date_rptd")),
            Map.entry(Field.OFFENSE, List.of("offense", "offence", "offense_description", "crime_type",
                    "primary_type", "crime", "incident_type", "type", "category", "description")),
            Map.entry(Field.OFFENSE_CODE, List.of("offense_code", "offence_code", "crime_code", "crm_cd", "iucr",
                    "ucr", "code")),
            Map.entry(Field.PREMISE, List.of("premise", "premis_desc", "location_type", "location_description")),
            Map.entry(Field.WEAPON, List.of("weapon", "weapon_desc")),
            Map.entry(Field.AREA, List.of("area", "district", "precinct", "division", "beat", "neighborhood",
                    "neighbourhood")),
            Map.entry(Field.VICTIM_AGE, List.of("victim_age", "vict_age", "age"))));

    /** Lower-case, trims, and turns every run of non-alphanumerics into one underscore. */
    public static String normalise(String header) {
        String h = header.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (h.startsWith("_")) h = h.substring(1);
        if (h.endsWith("_")) h = h.substring(0, h.length() - 1);
        return h;
    }

    /** Detects the format from a header; GENERIC when no specific export matches. */
    public static SourceFormat detect(List<String> header) {
        java.util.Set<String> h = new java.util.HashSet<>();
        for (String s : header) h.add(normalise(s));
        if (h.containsAll(List.of("dr_no", "date_occ", "crm_cd", "lat", "lon"))) return LAPD;
        if (h.containsAll(List.of("case_number", "primary_type", "iucr", "fbi_code"))) return CHICAGO;
        if (h.containsAll(List.of("crime_id", "month", "falls_within", "crime_type", "longitude", "latitude"))) {
            return UK_POLICE;
        }
        return GENERIC;
    }

    /** The header names (exact, as in the export) of each field this format fills. */
    public Map<Field, String> columns() {
        Map<Field, String> m = new EnumMap<>(Field.class);
        switch (this) {
            case LAPD -> {
                m.put(Field.ID, "DR_NO");
                m.put(Field.DATE, "DATE OCC");
                m.put(Field.TIME, "TIME OCC");
                m.put(Field.REPORTED, "Date Rptd");
                m.put(Field.LAT, "LAT");
                m.put(Field.LON, "LON");
                m.put(Field.OFFENSE_CODE, "Crm Cd");
                m.put(Field.OFFENSE, "Crm Cd Desc");
                m.put(Field.PREMISE, "Premis Desc");
                m.put(Field.WEAPON, "Weapon Desc");
                m.put(Field.AREA, "AREA");
                m.put(Field.AREA_NAME, "AREA NAME");
                m.put(Field.VICTIM_AGE, "Vict Age");
            }
            case CHICAGO -> {
                m.put(Field.ID, "Case Number");
                m.put(Field.DATE, "Date");
                m.put(Field.LAT, "Latitude");
                m.put(Field.LON, "Longitude");
                m.put(Field.OFFENSE_CODE, "IUCR");
                m.put(Field.OFFENSE, "Primary Type");
                m.put(Field.OFFENSE_DETAIL, "Description");
                m.put(Field.CATEGORY_KEY, "FBI Code");
                m.put(Field.PREMISE, "Location Description");
                m.put(Field.AREA, "District");
            }
            case UK_POLICE -> {
                m.put(Field.ID, "Crime ID");
                m.put(Field.DATE, "Month");
                m.put(Field.LAT, "Latitude");
                m.put(Field.LON, "Longitude");
                m.put(Field.OFFENSE, "Crime type");
                m.put(Field.AREA, "LSOA code");
                m.put(Field.AREA_NAME, "LSOA name");
            }
            case GENERIC -> {
            }
        }
        return m;
    }

    private final java.util.concurrent.ConcurrentHashMap<String, OffenseCategory> categoryCache =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The coarse category of a row, from the value of its category column (memoised per distinct value). */
    public OffenseCategory categorise(String categoryKey) {
        if (categoryKey == null) return OffenseCategory.OTHER;
        OffenseCategory c = categoryCache.get(categoryKey);
        if (c != null) return c;
        c = categoriseUncached(categoryKey);
        if (categoryCache.size() < 50_000) categoryCache.put(categoryKey, c);
        return c;
    }

    private OffenseCategory categoriseUncached(String categoryKey) {
        return switch (this) {
            case CHICAGO -> OffenseCategory.fromFbiCode(categoryKey);
            case UK_POLICE -> OffenseCategory.fromUkCrimeType(categoryKey);
            default -> OffenseCategory.fromDescription(categoryKey);
        };
    }
}
