package org.crimeanalytics.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Attribute values of a general layer as codes, in order of first occurrence, a value's String (toString) its key; null
 * is {@value #NONE}. Processes count codes into arrays, not boxed counts into maps (an incident table's text columns
 * are codes already: {@code IncidentTable.textCodes}).
 */
final class Codes {

    static final String NONE = "(none)";

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    int of(Object v) {
        String s = v == null ? NONE : v.toString();
        Integer c = index.get(s);
        if (c == null) {
            index.put(s, c = names.size());
            names.add(s);
        }
        return c;
    }

    /** The values by code; {@value #NONE} alone when there is none. */
    String[] names() {
        return names.isEmpty() ? new String[] {NONE} : names.toArray(new String[0]);
    }

    /** The values by code, as many as there are (none: empty). */
    List<String> list() {
        return names;
    }

    String name(int code) {
        return names.get(code);
    }
}
