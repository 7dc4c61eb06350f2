package org.crimeanalytics.ingest;

import java.util.Locale;

/** Why a row was rejected; every rejected row has exactly one (the first check it fails, in this order). */
public enum Reason {
    RAGGED_ROW("the row has a different number of fields than the header (or an unterminated quote)"),
    OVERSIZED_ROW("the row is longer than the 1 MiB limit"),
    NO_COORDINATES("coordinates missing, not numbers, or not finite"),
    NULL_ISLAND("coordinates exactly 0,0 (Null Island: a geocoding failure)"),
    OUTSIDE_EXTENT("coordinates outside the given extent, or the source's plausible extent, or not valid degrees"),
    BAD_DATE("the occurrence date (or time) is missing or cannot be parsed"),
    DUPLICATE_ID("an earlier row has the same incident id (the first is kept)");

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
