package org.crimeanalytics.ingest;

/** Input that cannot be ingested at all (no header, no coordinate columns, a mapping naming a missing column). */
public class IngestException extends RuntimeException {
    public IngestException(String message) {
        super(message);
    }
}
