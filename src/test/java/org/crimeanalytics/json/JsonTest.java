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
    void numbersParseToTheDoublesOfDoubleParseDouble() {
        // the reference is the JDK's parser: hard cases (subnormals, halfway and near-halfway decimals, 17+ digits,
        // the extremes) and 20,000 random doubles written with 17 significant digits and as Java prints them
        List<String> texts = new java.util.ArrayList<>(List.of("0.1", "-87.62397433", "41.881832", "1e23", "8.98846567431158e307",
                "2.2250738585072011e-308", "2.2250738585072012e-308", "4.9e-324", "1.7976931348623157e308",
                "9007199254740993.0", "0.30000000000000004", "123456789012345678901234567890.5", "-0.0", "1.00000000000000011102230246251565404236316680908203125"));
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 10_000; i++) {
            double d = Double.longBitsToDouble(rnd.nextLong());
            if (!Double.isFinite(d)) continue;
            texts.add(Double.toString(d));
            texts.add(new java.math.BigDecimal(d).round(new java.math.MathContext(17)).toString());
        }
        StringBuilder sb = new StringBuilder("[");
        for (String t : texts) sb.append(sb.length() > 1 ? "," : "").append(t);
        List<?> got = (List<?>) Json.parse(sb.append(']'));
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(Double.doubleToLongBits(Double.parseDouble(texts.get(i))), Double.doubleToLongBits(((Number) got.get(i)).doubleValue()),
                    texts.get(i));
        }
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

    @Test
    void valueWritesWhatTheJsonLibraryWrites() {
        // the feature writers' shortcut against Json.write, for every type it takes itself, and a few it hands on
        Object[] values = {null, "", "plain text 123", "a/b", "quote\"back\\slash", "tab\tnew\nline\u0001\u001f\u007f", "caf\u00e9 \u00fc",
            "\u2028\u2029", "\ud83d\ude00 emoji", "</script>", 0, -7, Integer.MAX_VALUE, Long.MIN_VALUE, (short) 12, (byte) -3, 0.0, -0.0, 2.0,
            -2.5, 0.1, 1e15, 1e15 + 2, 999999999999999.0, 1e-7, 123456.789e10, Double.NaN, Double.POSITIVE_INFINITY, 1.5f, 0.1f,
            Float.NaN, true, false, new java.math.BigDecimal("1.10"), List.of(1, "x"), Map.of("k", 2.0)};
        for (Object v : values) {
            StringBuilder sb = new StringBuilder("x");
            Json.value(v, sb);
            assertEquals("x" + Json.write(v), sb.toString(), String.valueOf(v));
        }
    }
}
