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

    Categoriser(ColumnMapping.CategorySource source) {
        this.source = source;
    }

    /** The category label from a NIBRS code, an FBI code, a description and a finer description (any may be null). */
    String category(String nibrs, String fbi, String description, String detail) {
        String k = source == ColumnMapping.CategorySource.FBI ? fbi : nibrs + '\u001f' + description + '\u001f' + detail;
        String c = k == null ? null : memo.get(k);
        if (c != null) return c;
        c = compute(nibrs, fbi, description, detail).label();
        if (k != null && memo.size() < 50_000) memo.put(k, c);
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

    private static OffenseCategory words(String description, String detail) {
        OffenseCategory c = OffenseCategory.fromDescription(description);
        if (c == OffenseCategory.OTHER && detail != null) c = OffenseCategory.fromDescription(detail);
        return c;
    }
}
