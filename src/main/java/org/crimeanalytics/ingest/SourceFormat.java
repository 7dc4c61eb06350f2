package org.crimeanalytics.ingest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The exports recognised by their header, with their column mapping (alternatives in order), their
 * plausible extent (lon/lat degrees: minLon, minLat, maxLon, maxLat), the order of day and month in
 * their dates, the CRS of projected x/y columns, and how duplicates are defined.
 *
 * <p>Any other CSV or layer is read as {@link #GENERIC}: each field takes the first column whose
 * normalised name (see {@link #normalise}) is one of the synonyms in {@link #GENERIC_NAMES}, checked
 * against the values of the first rows (see {@link ColumnMapping}).
 */
public enum SourceFormat {
    /** LAPD "Crime Data from 2020 to Present" (and 2010 to 2019): one row per report ({@code DR_NO}). */
    LAPD(new double[] {-119.0, 33.5, -117.5, 34.9}, "dr_no", "date_occ", "crm_cd", "lat", "lon"),
    /** LAPD NIBRS offenses (2024-): one row per offense ({@code uniquenibrno}) of a case ({@code caseno}). */
    LAPD_NIBRS(new double[] {-119.0, 33.5, -117.5, 34.9}, "caseno", "uniquenibrno", "date_occ", "nibr_code"),
    /** City of Chicago "Crimes - 2001 to present": one row per case number (a second victim is a duplicate). */
    CHICAGO(new double[] {-88.0, 41.6, -87.5, 42.1}, "case_number", "primary_type", "iucr", "fbi_code"),
    /** NYPD Complaint Data (Historic, Current Year To Date): one row per complaint. */
    NYPD(new double[] {-74.3, 40.45, -73.65, 40.95}, "cmplnt_num", "cmplnt_fr_dt", "ofns_desc"),
    /** San Francisco "Police Department Incident Reports: 2018 to Present": one row per incident code of a report. */
    SAN_FRANCISCO(new double[] {-123.2, 37.6, -122.3, 37.9}, "incident_datetime", "incident_number", "incident_category",
            "incident_code"),
    /** data.police.uk street-level crime CSV. */
    UK_POLICE(new double[] {-8.7, 49.8, 1.8, 60.9}, "crime_id", "month", "falls_within", "crime_type", "longitude", "latitude"),
    /** Toronto Police "Major Crime Indicators": dates with a constant time, the hour in OCC_HOUR. */
    TORONTO(new double[] {-79.7, 43.5, -79.0, 43.9}, "event_unique_id", "occ_date", "occ_hour", "lat_wgs84", "long_wgs84"),
    /** Vancouver Police GeoDASH crime data: date split into columns, X/Y in UTM zone 10N (EPSG:26910). */
    VANCOUVER(new double[] {-123.4, 49.0, -122.7, 49.4}, "type", "year", "month", "day", "hundred_block", "x", "y"),
    /** This project's own incident layers ({@code crime:ImportIncidents} output), read back unchanged. */
    CANONICAL(new double[] {-180, -90, 180, 90}, "incident_id", "occurred", "time_precision", "category"),
    /** Any CSV or layer with latitude/longitude, x/y or a location column. */
    GENERIC(new double[] {-180, -90, 180, 90});

    private final double[] plausibleExtent;
    private final List<String> signature;

    SourceFormat(double[] extent, String... signature) {
        this.plausibleExtent = extent;
        this.signature = List.of(signature);
    }

    public double[] plausibleExtent() {
        return plausibleExtent.clone();
    }

    /** Order of day and month in year-last dates; null when the format has none (or it is inferred). */
    public FastDates.DateOrder dateOrder() {
        return switch (this) {
            case LAPD, LAPD_NIBRS, CHICAGO, NYPD, SAN_FRANCISCO, TORONTO -> FastDates.DateOrder.MDY;
            default -> null;
        };
    }

    /** The EPSG code of this format's projected x/y columns (null: none, or give srcCrs). */
    public String xyCrs() {
        return this == VANCOUVER ? "EPSG:26910" : null;
    }

    /** Header names per field for generic input, in order of preference (normalised form). */
    public static final Map<Field, List<String>> GENERIC_NAMES = new EnumMap<>(Map.ofEntries(
            Map.entry(Field.LAT, List.of("latitude", "lat", "lat_dd", "y_lat", "lat_wgs84", "latitude_wgs84", "map_latitude",
                    "geo_lat", "open_data_lat", "center_lat", "latitude_x", "hndrdth_lat", "lat_y", "y_wgs84", "latitud",
                    "latitudine", "breitengrad")),
            Map.entry(Field.LON, List.of("longitude", "lon", "lng", "long", "lon_dd", "x_lon", "long_wgs84", "lon_wgs84",
                    "longitude_wgs84", "map_longitude", "geo_lon", "geo_long", "open_data_lon", "center_long",
                    "longitude_x", "hndrdth_lon", "longtitude", "long_x", "x_wgs84", "longitud", "longitudine", "laengengrad",
                    "langengrad")),
            Map.entry(Field.X, List.of("x", "x_coordinate", "x_coord", "xcoord", "x_coord_cd", "easting", "point_x", "geo_x",
                    "open_data_x", "xblock", "center_x", "x_pr")),
            Map.entry(Field.Y, List.of("y", "y_coordinate", "y_cordinate", "y_coord", "ycoord", "y_coord_cd", "northing",
                    "point_y", "geo_y", "open_data_y", "yblock", "center_y", "y_pr")),
            Map.entry(Field.LOCATION, List.of("location", "location_1", "location1", "lat_lon", "latlon", "lat_long",
                    "point", "geolocation", "geo_location", "new_georeferenced_column", "geom", "geometry", "wkt", "shape",
                    "coordinates", "the_geom")),
            Map.entry(Field.ID, List.of("incident_id", "incident_number", "incident_no", "incident_num", "incidnt_num",
                    "incident", "incident_number_w_year", "case_number", "casenumber", "case_no", "caseno", "case_id", "cad_number",
                    "report_number", "report_no", "rpt_no", "ccn", "cmplnt_num", "complaint_number", "dr_no",
                    "event_unique_id", "inc_number", "crime_id", "dc_key", "nopd_item", "cc_number", "offense_number", "arrest_key",
                    "numero", "numero_de_proces_verbal", "fallnummer", "aktenzeichen", "numero_caso", "id")),
            Map.entry(Field.ROW_KEY, List.of("offense_id", "offence_id", "row_id", "pd_id", "pdid", "uniquenibrno",
                    "unique_key", "row_key")),
            Map.entry(Field.DATE, List.of("occurred", "occurred_date_time", "occurred_datetime", "occurred_on_date",
                    "occurred_on", "occurred_date", "incident_occurred_at", "incident_occurred", "occurred_at", "date_occurred",
                    "date_occured",
                    "occurrence_date", "occur_date",
                    "occ_date", "date_occ", "date_occu", "datetime_occu", "incident_datetime", "incident_date_time",
                    "incident_date", "offense_start_date_time", "offense_start_datetime", "offense_date", "offence_date",
                    "first_occurrence_date",
                    "from_date", "cmplnt_fr_dt", "start_date_time", "start_date", "crime_date_time", "crime_date",
                    "date1_of_occurrence", "rms_occurrence_date", "dispatch_date_time",
                    "dispatch_date", "arrest_date", "time_create", "datetime", "date_time",
                    "date_des_faits", "date_faits", "tatzeit", "tatdatum", "fecha_hecho",
                    "date", "datum", "fecha", "month")),
            Map.entry(Field.TIME, List.of("time", "occurred_time", "occurrence_time", "occur_time", "occ_time", "time_occ",
                    "time_occu", "incident_time", "cmplnt_fr_tm", "crime_time", "from_time",
                    "time1_of_occurrence", "dispatch_time", "offense_time", "heure_des_faits", "heure", "hora_hecho", "hora", "uhrzeit", "ora")),
            Map.entry(Field.HOUR, List.of("occurrence_hour", "occ_hour", "occur_hour", "hour_occu", "rms_occurrence_hour",
                    "incident_hour", "hour_of_day", "hour")),
            Map.entry(Field.YEAR, List.of("year", "occ_year", "occurrence_year", "incident_year")),
            Map.entry(Field.MONTH, List.of("month", "occ_month", "occurrence_month", "incident_month")),
            Map.entry(Field.DAY, List.of("day", "occ_day", "occurrence_day", "day_of_month")),
            Map.entry(Field.MINUTE, List.of("minute", "occ_minute")),
            Map.entry(Field.REPORTED, List.of("reported", "reported_date", "date_reported", "report_date",
                    "report_datetime", "report_date_time", "reported_datetime", "date_rptd", "rpt_dt", "report_dat",
                    "date_rept", "datetime_rept", "date_of_report")),
            Map.entry(Field.NIBRS_CODE, List.of("nibrs_code", "nibr_code", "nibrs_offense_code", "nibrs_class",
                    "nibrs", "ibrs", "ibr_code", "nibrs_offense")),
            Map.entry(Field.FBI_CODE, List.of("fbi_code")),
            Map.entry(Field.OFFENSE, List.of("offense", "offence", "offense_description", "offence_description",
                    "ofns_desc", "crime_type", "primary_type", "crm_cd_desc", "highest_offense_description",
                    "offense_desc", "offense_description_text", "incident_category", "offense_category_id", "offense_category",
                    "offence_category", "offense_parent_group", "crime_category", "mci_category", "crime_name2", "uc2_literal",
                    "parent_incident_type",
                    "ucr_crime_category", "ucr_literal", "text_general_code", "nibrs_description", "nibr_description",
                    "nibrs_crime", "offense_type", "offense_type_id", "crime_description", "crime", "incident_type",
                    "incident_type_primary", "category", "type_text", "type", "description", "descript", "infraction",
                    "nature_de_l_infraction", "nature_infraction", "delito", "tipo_delito", "straftat", "delikt")),
            Map.entry(Field.OFFENSE_DETAIL, List.of("offense_detail", "offense_sub_category", "offense_subcategory",
                    "incident_subcategory", "incident_description", "pd_desc", "crime_name3", "descript", "description",
                    "offense_description", "crime_description", "offense_type_id", "nibrs_description")),
            Map.entry(Field.OFFENSE_CODE, List.of("offense_code", "offence_code", "crime_code", "crm_cd", "iucr", "ky_cd",
                    "incident_code", "highest_offense_code", "state_offense_code", "ucr_code", "ucr_general",
                    "ucr", "pd_cd", "code")),
            Map.entry(Field.PREMISE, List.of("premise", "premise_type", "premises_type", "premis_desc", "prem_typ_desc",
                    "location_type", "location_description", "type_location", "place")),
            Map.entry(Field.WEAPON, List.of("weapon", "weapon_desc", "weapon_used", "weapon_type", "method")),
            Map.entry(Field.AREA, List.of("area", "district", "police_district", "pddistrict", "precinct", "division",
                    "addr_pct_cd", "dc_dist", "district_id", "beat", "sector", "neighborhood", "neighbourhood")),
            Map.entry(Field.AREA_NAME, List.of("area_name", "district_name", "police_district_name", "division_name",
                    "boro_nm", "neighborhood_name", "neighbourhood_name")),
            Map.entry(Field.VICTIM_AGE, List.of("victim_age", "vict_age", "vic_age"))));

    /**
     * Splits camelCase words ({@code OccurDate} is {@code occur_date}, {@code NIBRSClass} {@code nibrs_class}),
     * lower-cases, trims, and turns every run of non-alphanumerics into one underscore.
     */
    public static String normalise(String header) {
        String h = Normalizer.normalize(header.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "") // é is e
                .replaceAll("([a-z])([A-Z])", "$1_$2").replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (h.startsWith("_")) h = h.substring(1);
        if (h.endsWith("_")) h = h.substring(0, h.length() - 1);
        return h;
    }

    /** Detects the format from a header (or a layer's attribute names); GENERIC when no named export matches. */
    public static SourceFormat detect(List<String> header) {
        Set<String> h = new java.util.HashSet<>();
        for (String s : header) h.add(normalise(s));
        for (SourceFormat f : values()) {
            if (!f.signature.isEmpty() && h.containsAll(f.signature)) return f;
        }
        if (h.containsAll(List.of("event_unique_id", "occ_date", "lat_wgs84", "long_wgs84"))) return TORONTO;
        return GENERIC;
    }

    /** The header names (alternatives, as in the export) of each field this format fills. */
    public Map<Field, List<String>> columns() {
        Map<Field, List<String>> m = new EnumMap<>(Field.class);
        switch (this) {
            case LAPD -> {
                m.put(Field.ID, List.of("DR_NO"));
                m.put(Field.DATE, List.of("DATE OCC"));
                m.put(Field.TIME, List.of("TIME OCC"));
                m.put(Field.REPORTED, List.of("Date Rptd"));
                m.put(Field.LAT, List.of("LAT"));
                m.put(Field.LON, List.of("LON"));
                m.put(Field.OFFENSE_CODE, List.of("Crm Cd"));
                m.put(Field.OFFENSE, List.of("Crm Cd Desc"));
                m.put(Field.PREMISE, List.of("Premis Desc"));
                m.put(Field.WEAPON, List.of("Weapon Desc"));
                m.put(Field.AREA, List.of("AREA"));
                m.put(Field.AREA_NAME, List.of("AREA NAME"));
                m.put(Field.VICTIM_AGE, List.of("Vict Age"));
            }
            case LAPD_NIBRS -> {
                m.put(Field.ID, List.of("caseno"));
                m.put(Field.ROW_KEY, List.of("uniquenibrno"));
                m.put(Field.DATE, List.of("date_occ"));
                m.put(Field.TIME, List.of("time_occ"));
                m.put(Field.REPORTED, List.of("date_rptd"));
                m.put(Field.LAT, List.of("lat", "hndrdth_lat"));
                m.put(Field.LON, List.of("lon", "hndrdth_lon"));
                m.put(Field.OFFENSE_CODE, List.of("nibr_code"));
                m.put(Field.NIBRS_CODE, List.of("nibr_code"));
                m.put(Field.OFFENSE, List.of("nibr_description"));
                m.put(Field.OFFENSE_DETAIL, List.of("crime_against"));
                m.put(Field.PREMISE, List.of("premis_desc"));
                m.put(Field.WEAPON, List.of("weapon_desc"));
                m.put(Field.AREA, List.of("area"));
                m.put(Field.AREA_NAME, List.of("area_name"));
            }
            case CHICAGO -> {
                m.put(Field.ID, List.of("Case Number"));
                m.put(Field.DATE, List.of("Date"));
                m.put(Field.LAT, List.of("Latitude"));
                m.put(Field.LON, List.of("Longitude"));
                m.put(Field.OFFENSE_CODE, List.of("IUCR"));
                m.put(Field.OFFENSE, List.of("Primary Type"));
                m.put(Field.OFFENSE_DETAIL, List.of("Description"));
                m.put(Field.FBI_CODE, List.of("FBI Code"));
                m.put(Field.PREMISE, List.of("Location Description"));
                m.put(Field.AREA, List.of("District"));
            }
            case NYPD -> {
                m.put(Field.ID, List.of("CMPLNT_NUM"));
                m.put(Field.DATE, List.of("CMPLNT_FR_DT"));
                m.put(Field.TIME, List.of("CMPLNT_FR_TM"));
                m.put(Field.REPORTED, List.of("RPT_DT"));
                m.put(Field.LAT, List.of("Latitude"));
                m.put(Field.LON, List.of("Longitude"));
                m.put(Field.LOCATION, List.of("New Georeferenced Column", "Lat_Lon"));
                m.put(Field.OFFENSE_CODE, List.of("KY_CD"));
                m.put(Field.OFFENSE, List.of("OFNS_DESC"));
                m.put(Field.OFFENSE_DETAIL, List.of("PD_DESC"));
                m.put(Field.PREMISE, List.of("PREM_TYP_DESC"));
                m.put(Field.AREA, List.of("ADDR_PCT_CD"));
                m.put(Field.AREA_NAME, List.of("BORO_NM"));
            }
            case SAN_FRANCISCO -> {
                m.put(Field.ID, List.of("Incident Number"));
                m.put(Field.DATE, List.of("Incident Datetime"));
                m.put(Field.REPORTED, List.of("Report Datetime"));
                m.put(Field.LAT, List.of("Latitude"));
                m.put(Field.LON, List.of("Longitude"));
                m.put(Field.LOCATION, List.of("Point"));
                m.put(Field.OFFENSE_CODE, List.of("Incident Code"));
                m.put(Field.OFFENSE, List.of("Incident Category"));
                m.put(Field.OFFENSE_DETAIL, List.of("Incident Description"));
                m.put(Field.AREA, List.of("Police District"));
                m.put(Field.AREA_NAME, List.of("Analysis Neighborhood"));
            }
            case UK_POLICE -> {
                m.put(Field.ID, List.of("Crime ID"));
                m.put(Field.DATE, List.of("Month"));
                m.put(Field.LAT, List.of("Latitude"));
                m.put(Field.LON, List.of("Longitude"));
                m.put(Field.OFFENSE, List.of("Crime type"));
                m.put(Field.AREA, List.of("LSOA code"));
                m.put(Field.AREA_NAME, List.of("LSOA name"));
            }
            case TORONTO -> {
                m.put(Field.ID, List.of("EVENT_UNIQUE_ID"));
                m.put(Field.DATE, List.of("OCC_DATE"));
                m.put(Field.HOUR, List.of("OCC_HOUR"));
                m.put(Field.REPORTED, List.of("REPORT_DATE"));
                m.put(Field.LAT, List.of("LAT_WGS84"));
                m.put(Field.LON, List.of("LONG_WGS84"));
                m.put(Field.OFFENSE_CODE, List.of("UCR_CODE"));
                m.put(Field.OFFENSE, List.of("MCI_CATEGORY", "CSI_CATEGORY"));
                m.put(Field.OFFENSE_DETAIL, List.of("OFFENCE"));
                m.put(Field.PREMISE, List.of("PREMISES_TYPE"));
                m.put(Field.AREA, List.of("DIVISION"));
                m.put(Field.AREA_NAME, List.of("NEIGHBOURHOOD_158", "NEIGHBOURHOOD_140"));
            }
            case VANCOUVER -> {
                m.put(Field.YEAR, List.of("YEAR"));
                m.put(Field.MONTH, List.of("MONTH"));
                m.put(Field.DAY, List.of("DAY"));
                m.put(Field.HOUR, List.of("HOUR"));
                m.put(Field.MINUTE, List.of("MINUTE"));
                m.put(Field.X, List.of("X"));
                m.put(Field.Y, List.of("Y"));
                m.put(Field.OFFENSE, List.of("TYPE"));
                m.put(Field.AREA, List.of("NEIGHBOURHOOD"));
            }
            case CANONICAL -> {
                m.put(Field.ID, List.of(Incidents.INCIDENT_ID));
                m.put(Field.DATE, List.of(Incidents.OCCURRED));
                m.put(Field.TIME_PRECISION, List.of(Incidents.TIME_PRECISION));
                m.put(Field.REPORTED, List.of(Incidents.REPORTED));
                m.put(Field.OFFENSE_CODE, List.of(Incidents.OFFENSE_CODE));
                m.put(Field.OFFENSE, List.of(Incidents.OFFENSE));
                m.put(Field.OFFENSE_DETAIL, List.of(Incidents.OFFENSE_DETAIL));
                m.put(Field.CATEGORY_KEY, List.of(Incidents.CATEGORY));
                m.put(Field.PREMISE, List.of(Incidents.PREMISE));
                m.put(Field.WEAPON, List.of(Incidents.WEAPON));
                m.put(Field.AREA, List.of(Incidents.AREA));
                m.put(Field.AREA_NAME, List.of(Incidents.AREA_NAME));
                m.put(Field.VICTIM_AGE, List.of(Incidents.VICTIM_AGE));
                m.put(Field.SOURCE_LINE, List.of(Incidents.SOURCE_LINE));
            }
            case GENERIC -> {
            }
        }
        return m;
    }

    /** How this format's duplicates are defined, for the report. */
    public String duplicateRule() {
        return switch (this) {
            case LAPD, CHICAGO, NYPD, UK_POLICE -> "one row per incident: a repeated incident id is a duplicate";
            case LAPD_NIBRS -> "one row per offense: a repeated uniquenibrno is a duplicate";
            default -> null; // decided from the columns found (see ColumnMapping)
        };
    }

    /** Every named format and what identifies it, for the README and error messages. */
    public static Map<SourceFormat, List<String>> signatures() {
        Map<SourceFormat, List<String>> m = new LinkedHashMap<>();
        for (SourceFormat f : values()) if (!f.signature.isEmpty()) m.put(f, new ArrayList<>(f.signature));
        return m;
    }
}
