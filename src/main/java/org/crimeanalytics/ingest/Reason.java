package org.crimeanalytics.ingest;

import java.util.Locale;

/**
 * Why a row was rejected; every rejected row has exactly one: the first check it fails, in this order
 * (the two location checks run last, over all accepted rows).
 */
public enum Reason {
    RAGGED_ROW("the row has a different number of fields than the header (or an unterminated quote)"),
    OVERSIZED_ROW("the row is longer than the 1 MiB limit"),
    NO_COORDINATES("coordinates missing, not numbers, or not finite"),
    NULL_ISLAND("coordinates exactly 0,0 (Null Island: a geocoding failure)"),
    OUTSIDE_EXTENT("coordinates outside the given extent, or the source's plausible extent, or not valid degrees"),
    BAD_DATE("the occurrence date (or time) is missing or cannot be parsed"),
    DUPLICATE_ID("an earlier row is the same incident (same id, or same row key, or same id and offense: see the report's "
            + "'fields.duplicates'); the first is kept"),
    PLACEHOLDER_LOCATION("a placeholder location: a pole, or one coordinate shared by several rows far from all the others "
            + "(checked after every row is read)"),
    OUTLIER_LOCATION("far from all the other incidents with none near it (checked after every row is read; see "
            + "'location_screen')");

    private final String description;

    Reason(String description) {
        this.description = description;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }
}
