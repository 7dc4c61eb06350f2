package org.crimeanalytics.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * The coarse category of a row from the column the mapping chose ({@link ColumnMapping.CategorySource}),
 * memoised per distinct combination of values (one instance per ingestion run, one thread).
 */
final class Categoriser {

    private final ColumnMapping.CategorySource source;
    private final Map<String, String> memo = new HashMap<>();
    /** Rows categorised 'other' because no word matched, and how often each such description occurred. */
    long unmatchedRows;
    final Map<String, Long> unmatched = new HashMap<>();
    private boolean lastUnmatched;

    Categoriser(ColumnMapping.CategorySource source) {
        this.source = source;
    }

    /** The category label from a NIBRS code, an FBI code, a description and a finer description (any may be null). */
    String category(String nibrs, String fbi, String description, String detail) {
        String k = source == ColumnMapping.CategorySource.FBI ? fbi : nibrs + '\u001f' + description + '\u001f' + detail;
        String c = k == null ? null : memo.get(k);
        if (c == null) {
            lastUnmatched = false;
            c = compute(nibrs, fbi, description, detail).label();
            if (lastUnmatched) c = UNMATCHED_MARK + c; // remembered with the mark, so repeats are counted too
            if (k != null && memo.size() < 50_000) memo.put(k, c);
        }
        if (c.charAt(0) == UNMATCHED_MARK.charAt(0)) {
            unmatchedRows++;
            if (unmatched.size() < 10_000 || unmatched.containsKey(description)) unmatched.merge(String.valueOf(description), 1L, Long::sum);
            return c.substring(1);
        }
        return c;
    }

    private OffenseCategory compute(String nibrs, String fbi, String description, String detail) {
        switch (source) {
            case FBI:
                return OffenseCategory.fromFbiCode(fbi);
            case NIBRS: {
                OffenseCategory n = OffenseCategory.fromNibrs(nibrs);
                if (n != null) return n;
                return words(description, detail);
            }
            case WORDS:
                return words(description, detail);
            default:
                return OffenseCategory.OTHER;
        }
    }

    private static final String UNMATCHED_MARK = "\u0000";

    private OffenseCategory words(String description, String detail) {
        OffenseCategory c = OffenseCategory.matchWords(description);
        if ((c == null || c == OffenseCategory.OTHER) && detail != null) {
            OffenseCategory d = OffenseCategory.matchWords(detail);
            if (d != null && d != OffenseCategory.OTHER) c = d;
            else if (c == null) c = d;
        }
        if (c == null && description != null) lastUnmatched = true;
        return c == null ? OffenseCategory.OTHER : c;
    }
}
