package org.crimeanalytics.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void malformedTextNamesTheOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": [1, 2,}"));
        assertTrue(e.getMessage().contains("offset 12"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse(""));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1] x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"open"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[".repeat(10_000)));
    }

    @Test
    void escapesEverythingThatCouldBreakADocumentOrAPage() {
        String hostile = "a\"b\\c\nd\u0001</script>\u2028";
        String text = Json.write(Map.of("k", hostile));
        assertEquals("{\"k\":\"a\\\"b\\\\c\\nd\\u0001<\\/script>\\u2028\"}", text);
        assertEquals(Map.of("k", hostile), Json.parse(text));
    }

    @Test
    void numbersRoundTripAndNonFiniteBecomesNull() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("i", 3L);
        m.put("d", 0.1);
        m.put("big", 12345678901234L);
        m.put("nan", Double.NaN);
        m.put("arr", new double[] {1.5, -2});
        String t = Json.write(m);
        assertEquals("{\"i\":3,\"d\":0.1,\"big\":12345678901234,\"nan\":null,\"arr\":[1.5,-2]}", t);
        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) Json.parse(t);
        assertEquals(0.1, back.get("d"));
        assertEquals(Arrays.asList(1.5, -2L), back.get("arr"));
        assertEquals(List.of(1L, "x", true), Json.parse(" [1, \"x\", true] "));
        assertEquals("\u00e9\ud83d\ude00", Json.parse("\"\\u00e9\\ud83d\\ude00\""));
    }
}
