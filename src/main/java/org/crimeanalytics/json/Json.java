package org.crimeanalytics.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON writer and parser (RFC 8259), enough for reports, summaries, model cards and GeoJSON.
 *
 * <p>Writing accepts {@link Map} (keys written with {@code toString()}), {@link Collection}, arrays of
 * primitives or objects, {@link CharSequence}, {@link Number}, {@link Boolean}, {@link Enum} and
 * {@code null}. Non-finite doubles are written as {@code null} (JSON has no NaN). Every string is
 * escaped, so text taken from input data cannot break the document.
 *
 * <p>Parsing returns {@link LinkedHashMap} for objects (member order kept), {@link ArrayList} for
 * arrays, {@link String}, {@link Long} for integers that fit, {@link Double} for other numbers,
 * {@link Boolean} and {@code null}. Malformed text raises {@link IllegalArgumentException} with the
 * character offset.
 */
public final class Json {

    private Json() {}

    /** Compact JSON text of {@code value}. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, -1, 0);
        return sb.toString();
    }

    /** Indented JSON text of {@code value} (two spaces). */
    public static String pretty(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, 2, 0);
        return sb.toString();
    }

    /** Appends {@code value} to {@code out}. */
    public static void write(Object value, Appendable out) {
        try {
            out.append(write(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void newline(StringBuilder sb, int indent, int depth) {
        if (indent < 0) return;
        sb.append('\n');
        for (int i = 0; i < indent * depth; i++) sb.append(' ');
    }

    private static void write(Object v, StringBuilder sb, int indent, int depth) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof CharSequence || v instanceof Character || v instanceof Enum<?>) {
            quote(v.toString(), sb);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            sb.append(Double.isFinite(d) ? number(d) : "null");
        } else if (v instanceof Number) {
            sb.append(v.toString());
        } else if (v instanceof Boolean) {
            sb.append(v.toString());
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) sb.append(',');
                first = false;
                newline(sb, indent, depth + 1);
                quote(String.valueOf(e.getKey()), sb);
                sb.append(indent < 0 ? ":" : ": ");
                write(e.getValue(), sb, indent, depth + 1);
            }
            if (!m.isEmpty()) newline(sb, indent, depth);
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            writeArray(c.toArray(), sb, indent, depth);
        } else if (v instanceof Object[] a) {
            writeArray(a, sb, indent, depth);
        } else if (v instanceof double[] a) {
            Object[] boxed = new Object[a.length];
            for (int i = 0; i < a.length; i++) boxed[i] = a[i];
            writeArray(boxed, sb, -1, depth);
        } else if (v instanceof int[] a) {
            Object[] boxed = new Object[a.length];
            for (int i = 0; i < a.length; i++) boxed[i] = a[i];
            writeArray(boxed, sb, -1, depth);
        } else if (v instanceof long[] a) {
            Object[] boxed = new Object[a.length];
            for (int i = 0; i < a.length; i++) boxed[i] = a[i];
            writeArray(boxed, sb, -1, depth);
        } else {
            quote(v.toString(), sb);
        }
    }

    private static void writeArray(Object[] a, StringBuilder sb, int indent, int depth) {
        sb.append('[');
        boolean nested = indent >= 0 && a.length > 0 && !(isScalar(a[0]));
        for (int i = 0; i < a.length; i++) {
            if (i > 0) sb.append(indent >= 0 && !nested ? ", " : ",");
            if (nested) newline(sb, indent, depth + 1);
            write(a[i], sb, indent, depth + 1);
        }
        if (nested) newline(sb, indent, depth);
        sb.append(']');
    }

    private static boolean isScalar(Object o) {
        return o == null || o instanceof CharSequence || o instanceof Number || o instanceof Boolean;
    }

    /** Shortest text that reads back as the same double; integral values without a fraction. */
    public static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return Double.toString(d);
    }

    /** Appends {@code s} as a quoted, escaped JSON string. */
    public static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    // U+2028/2029 are legal JSON but break JavaScript embedding; </ breaks <script>.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else if (c == '/' && i > 0 && s.charAt(i - 1) == '<') {
                        sb.append("\\/");
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Parses JSON text. */
    public static Object parse(CharSequence text) {
        Parser p = new Parser(text);
        p.ws();
        Object v = p.value(0);
        p.ws();
        if (p.pos != text.length()) throw p.error("unexpected text after the JSON value");
        return v;
    }

    private static final class Parser {
        private static final int MAX_DEPTH = 512;
        final CharSequence s;
        int pos;

        Parser(CharSequence s) {
            this.s = s;
        }

        IllegalArgumentException error(String msg) {
            return new IllegalArgumentException("JSON: " + msg + " at offset " + pos);
        }

        void ws() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\uFEFF') pos++;
                else break;
            }
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH);
            if (pos >= s.length()) throw error("unexpected end");
            char c = s.charAt(pos);
            switch (c) {
                case '{':
                    return object(depth);
                case '[':
                    return array(depth);
                case '"':
                    return string();
                case 't':
                    literal("true");
                    return Boolean.TRUE;
                case 'f':
                    literal("false");
                    return Boolean.FALSE;
                case 'n':
                    literal("null");
                    return null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return number();
                    throw error("unexpected character '" + c + "'");
            }
        }

        void literal(String word) {
            for (int i = 0; i < word.length(); i++) {
                if (pos + i >= s.length() || s.charAt(pos + i) != word.charAt(i)) throw error("expected " + word);
            }
            pos += word.length();
        }

        Map<String, Object> object(int depth) {
            Map<String, Object> m = new LinkedHashMap<>();
            pos++;
            ws();
            if (pos < s.length() && s.charAt(pos) == '}') {
                pos++;
                return m;
            }
            while (true) {
                ws();
                if (pos >= s.length() || s.charAt(pos) != '"') throw error("expected a member name");
                String key = string();
                ws();
                if (pos >= s.length() || s.charAt(pos) != ':') throw error("expected ':'");
                pos++;
                ws();
                m.put(key, value(depth + 1));
                ws();
                if (pos >= s.length()) throw error("unterminated object");
                char c = s.charAt(pos++);
                if (c == '}') return m;
                if (c != ',') throw error("expected ',' or '}'");
            }
        }

        List<Object> array(int depth) {
            List<Object> a = new ArrayList<>();
            pos++;
            ws();
            if (pos < s.length() && s.charAt(pos) == ']') {
                pos++;
                return a;
            }
            while (true) {
                ws();
                a.add(value(depth + 1));
                ws();
                if (pos >= s.length()) throw error("unterminated array");
                char c = s.charAt(pos++);
                if (c == ']') return a;
                if (c != ',') throw error("expected ',' or ']'");
            }
        }

        String string() {
            pos++;
            StringBuilder sb = null;
            int start = pos;
            while (true) {
                if (pos >= s.length()) throw error("unterminated string");
                char c = s.charAt(pos);
                if (c == '"') {
                    String out = sb == null ? s.subSequence(start, pos).toString()
                            : sb.append(s, start, pos).toString();
                    pos++;
                    return out;
                }
                if (c == '\\') {
                    if (sb == null) sb = new StringBuilder();
                    sb.append(s, start, pos);
                    pos++;
                    if (pos >= s.length()) throw error("unterminated escape");
                    char e = s.charAt(pos++);
                    switch (e) {
                        case '"' -> sb.append('"');
                        case '\\' -> sb.append('\\');
                        case '/' -> sb.append('/');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'u' -> {
                            if (pos + 4 > s.length()) throw error("short \\u escape");
                            try {
                                sb.append((char) Integer.parseInt(s.subSequence(pos, pos + 4).toString(), 16));
                            } catch (NumberFormatException ex) {
                                throw error("bad \\u escape");
                            }
                            pos += 4;
                        }
                        default -> throw error("bad escape \\" + e);
                    }
                    start = pos;
                } else {
                    pos++;
                }
            }
        }

        Object number() {
            int start = pos;
            boolean integral = true;
            if (s.charAt(pos) == '-') pos++;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c >= '0' && c <= '9') {
                    pos++;
                } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                    integral = false;
                    pos++;
                } else {
                    break;
                }
            }
            String t = s.subSequence(start, pos).toString();
            try {
                if (integral && t.length() < 19) return Long.parseLong(t);
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw error("bad number '" + t + "'");
            }
        }
    }
}
