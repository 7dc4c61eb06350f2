package org.crimeanalytics.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text of reports, summaries, model cards and GeoJSON, written and read by Jackson (2.17, which GeoServer
 * ships), with the project's conventions on top.
 *
 * <p>Writing accepts {@link Map} (keys written with {@code toString()}), {@link Collection}, arrays of
 * primitives or objects, {@link CharSequence}, {@link Number}, {@link Boolean}, {@link Enum} (its name) and
 * {@code null}; anything else is written as its {@code toString()}. Non-finite doubles are written as
 * {@code null} (JSON has no NaN). {@link #pretty} indents objects by two spaces and writes {@code "key": value}
 * and arrays on one line.
 *
 * <p>Parsing returns {@link LinkedHashMap} for objects (member order kept), {@link ArrayList} for
 * arrays, {@link String}, {@link Long} for integers that fit, {@link Double} for other numbers,
 * {@link Boolean} and {@code null}. Malformed text raises {@link IllegalArgumentException} with the
 * character offset.
 */
public final class Json {

    /**
     * Escapes beyond JSON's own: '/' (so that "&lt;/script&gt;" cannot end a page's script block) and U+2028, U+2029
     * (line separators JavaScript does not accept in string literals): text from the data is safe inside HTML.
     */
    private static final class PageSafe extends com.fasterxml.jackson.core.io.CharacterEscapes {
        private static final com.fasterxml.jackson.core.io.SerializedString SLASH = new com.fasterxml.jackson.core.io.SerializedString("\\/");
        private final int[] ascii = standardAsciiEscapesForJSON();

        PageSafe() {
            ascii['/'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            if (ch == '/') return SLASH;
            return ch == 0x2028 || ch == 0x2029 ? new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    /**
     * Numbers are read with Jackson's FastDoubleParser (correctly rounded: the same doubles as {@code Double.parseDouble},
     * in about half the CPU of a cold JVM for a GeoJSON of 800 tracts).
     */
    private static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static {
        MAPPER.getFactory().setCharacterEscapes(new PageSafe());
    }
    private static final ObjectWriter COMPACT = MAPPER.writer();
    private static final ObjectWriter PRETTY = MAPPER.writer(prettyPrinter());

    /** {@code "key": value}, two-space objects, arrays on one line; older Jackson (Spark 3.5 ships 2.15): its defaults. */
    private static DefaultPrettyPrinter prettyPrinter() {
        try {
            return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withArrayValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("").withArrayEmptySeparator(""))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance);
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            return new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        }
    }

    private Json() {}

    /** Compact JSON text of {@code value}. */
    public static String write(Object value) {
        return text(COMPACT, value);
    }

    /** Loads and initialises the JSON writer (hundreds of classes), for a background thread to do early. */
    public static void warmUp() {
        pretty(java.util.Map.of("warm", java.util.List.of(1.5, "up", true)));
    }

    /** Indented JSON text of {@code value} (two spaces). */
    public static String pretty(Object value) {
        return text(PRETTY, value);
    }

    /** Appends {@code value} to {@code out}. */
    public static void write(Object value, Appendable out) {
        try {
            out.append(write(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(ObjectWriter w, Object value) {
        try {
            return w.writeValueAsString(plain(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The value as maps, lists, strings, numbers, booleans and nulls only (non-finite numbers as null). */
    private static Object plain(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean) return v;
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) return null;
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d; // 2, not 2.0
        }
        if (v instanceof Number) return v;
        if (v instanceof CharSequence || v instanceof Character) return v.toString();
        if (v instanceof Enum<?> e) return e.name();
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(String.valueOf(e.getKey()), plain(e.getValue()));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object o : c) out.add(plain(o));
            return out;
        }
        if (v.getClass().isArray()) {
            int n = Array.getLength(v);
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(plain(Array.get(v, i)));
            return out;
        }
        return v.toString();
    }

    /** Shortest text that reads back as the same double; integral values without a fraction. */
    public static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return Double.toString(d);
    }

    /**
     * Appends {@code value} as {@link #write} writes it; strings, whole and decimal numbers, booleans and nulls without
     * the JSON library (a feature writer calls this for every property of every feature), other values through it.
     */
    public static void value(Object value, StringBuilder sb) {
        if (value == null) sb.append("null");
        else if (value instanceof String s) quote(s, sb);
        else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            sb.append(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            sb.append(Double.isFinite(d) ? number(d) : "null");
        } else if (value instanceof Boolean b) sb.append(b.booleanValue());
        else sb.append(write(value));
    }

    /**
     * Appends {@code s} as a quoted JSON string, escaped by Jackson's encoder (streaming writers such as GeoJSON use it),
     * and a lone surrogate (which UTF-8 cannot encode) as its {@code \\u} escape, which reads back as the same String.
     */
    public static void quote(String s, StringBuilder sb) {
        if (plainAscii(s)) { // nothing to escape
            sb.append('"').append(s).append('"');
            return;
        }
        StringBuilder q = new StringBuilder(s.length() + 8);
        com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s, q);
        sb.append('"');
        for (int i = 0; i < q.length(); i++) { // the page-safe escapes of PageSafe
            char c = q.charAt(i);
            if (c == '/') sb.append("\\/");
            else if (c == 0x2028 || c == 0x2029) sb.append(String.format("\\u%04x", (int) c));
            else if (Character.isHighSurrogate(c) && i + 1 < q.length() && Character.isLowSurrogate(q.charAt(i + 1))) sb.append(c).append(q.charAt(++i));
            else if (Character.isSurrogate(c)) sb.append(String.format("\\u%04x", (int) c)); // a lone one: not encodable as UTF-8
            else sb.append(c);
        }
        sb.append('"');
    }

    /** Whether {@code s} holds only printable ASCII other than '"', '\\' and '/' (what {@link #quote} escapes). */
    private static boolean plainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '/') return false;
        }
        return true;
    }

    /** Parses JSON text (see the class comment for the types returned). */
    public static Object parse(CharSequence text) {
        try {
            JsonNode n = MAPPER.readTree(text.toString());
            if (n == null || n.isMissingNode()) throw new IllegalArgumentException("invalid JSON at offset 0: no value");
            return value(n);
        } catch (JsonProcessingException e) {
            long offset = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
            throw new IllegalArgumentException("invalid JSON at offset " + offset + ": " + e.getOriginalMessage());
        }
    }

    private static Object value(JsonNode n) {
        switch (n.getNodeType()) {
            case OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    m.put(e.getKey(), value(e.getValue()));
                }
                return m;
            }
            case ARRAY: {
                List<Object> l = new ArrayList<>(n.size());
                for (JsonNode c : n) l.add(value(c));
                return l;
            }
            case STRING:
                return n.textValue();
            case NUMBER:
                if (n.canConvertToLong() && (n.isIntegralNumber())) return n.longValue();
                return n.doubleValue();
            case BOOLEAN:
                return n.booleanValue();
            default:
                return null;
        }
    }
}
