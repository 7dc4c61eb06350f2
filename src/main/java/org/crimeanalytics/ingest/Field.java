package org.crimeanalytics.ingest;

import java.util.Locale;

/** The source columns ingestion understands; the keys of the {@code columns} mapping parameter. */
public enum Field {
    ID("id", "incident id (case, report or complaint number)"),
    ROW_KEY("row_key", "per-row key beside the incident id in exports with one row per offense (offense id, row id)"),
    DATE("date", "occurrence date or date-time"),
    TIME("time", "occurrence time of day when separate from the date (HHmm, H:mm[:ss] or h:mm[:ss] AM/PM)"),
    HOUR("hour", "occurrence hour of day (0-23) when the export gives no time"),
    YEAR("year", "occurrence year, when the date is split into columns"),
    MONTH("month", "occurrence month (1-12 or a month name), when the date is split into columns"),
    DAY("day", "occurrence day of month, when the date is split into columns"),
    MINUTE("minute", "occurrence minute, when the date is split into columns"),
    REPORTED("reported", "date reported"),
    LAT("lat", "latitude in degrees"),
    LON("lon", "longitude in degrees"),
    X("x", "projected easting (needs srcCrs unless it holds degrees)"),
    Y("y", "projected northing (needs srcCrs unless it holds degrees)"),
    LOCATION("location", "one column holding both coordinates: (lat, lon), POINT (lon lat), or an address ending in (lat, lon)"),
    OFFENSE_CODE("offense_code", "offense code"),
    OFFENSE("offense", "offense description or type"),
    OFFENSE_DETAIL("offense_detail", "finer offense description"),
    NIBRS_CODE("nibrs_code", "FBI NIBRS offense code (09A, 13B, 23H, 35A, ...): the coarse category comes from it"),
    FBI_CODE("fbi_code", "Chicago-style FBI (UCR) code (01A, 08B, 18, ...): the coarse category comes from it"),
    CATEGORY_KEY("category_key", "the column the coarse category is derived from by words (default: offense)"),
    TIME_PRECISION("time_precision", "minute, hour, day or month (this project's own incident layers)"),
    SOURCE_LINE("source_line", "line of the original export (this project's own incident layers)"),
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
