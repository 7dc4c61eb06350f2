package org.crimeanalytics.ingest;

/**
 * Attribute names of the canonical incident schema that {@code crime:ImportIncidents} produces and
 * every other process understands. Geometry: a point in EPSG:4326 with longitude as x.
 *
 * <p>{@code occurred} and {@code reported} are the source's local wall-clock times stored as if UTC
 * ("floating" time: read hour and weekday with a UTC calendar); {@code time_precision} says how much
 * of {@code occurred} is real: {@code minute}, {@code day} (date only), {@code month} (UK police).
 */
public final class Incidents {
    public static final String GEOM = "geom";
    public static final String INCIDENT_ID = "incident_id";
    public static final String OCCURRED = "occurred";
    public static final String TIME_PRECISION = "time_precision";
    public static final String REPORTED = "reported";
    public static final String OFFENSE_CODE = "offense_code";
    public static final String OFFENSE = "offense";
    public static final String OFFENSE_DETAIL = "offense_detail";
    public static final String CATEGORY = "category";
    public static final String PREMISE = "premise";
    public static final String WEAPON = "weapon";
    public static final String AREA = "area";
    public static final String AREA_NAME = "area_name";
    public static final String VICTIM_AGE = "victim_age";
    public static final String SOURCE_LINE = "source_line";

    private Incidents() {}
}
