package org.crimeanalytics.ingest;

import java.util.Locale;

/** The source columns ingestion understands; the keys of the {@code columns} mapping parameter. */
public enum Field {
    ID("id", "incident id"),
    DATE("date", "occurrence date or date-time"),
    TIME("time", "occurrence time of day when separate from the date (HHmm or HH:mm)"),
    REPORTED("reported", "date reported"),
    LAT("lat", "latitude in degrees"),
    LON("lon", "longitude in degrees"),
    X("x", "projected easting (needs srcCrs unless it holds degrees)"),
    Y("y", "projected northing (needs srcCrs unless it holds degrees)"),
    OFFENSE_CODE("offense_code", "offense code"),
    OFFENSE("offense", "offense description or type"),
    OFFENSE_DETAIL("offense_detail", "finer offense description"),
    CATEGORY_KEY("category_key", "the column the coarse category is derived from (default: offense)"),
    PREMISE("premise", "premise / location type"),
    WEAPON("weapon", "weapon"),
    AREA("area", "area, district or division code"),
    AREA_NAME("area_name", "area, district or division name"),
    VICTIM_AGE("victim_age", "victim age in years");

    private final String key;
    private final String description;

    Field(String key, String description) {
        this.key = key;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    /** The field for a mapping key such as {@code lat} or {@code offense_code}; null if none. */
    public static Field forKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (Field f : values()) if (f.key.equals(k)) return f;
        return null;
    }
}
