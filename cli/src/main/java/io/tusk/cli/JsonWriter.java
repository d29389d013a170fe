package io.tusk.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A result set as a JSON array of objects, one per row, keyed by column name (RFC 8259).
 * Integers, numerics, floats and booleans stay JSON numbers and booleans; NULL is null;
 * everything else is a string.
 *
 * <p>Example: {@code [{"id":1,"name":"tusk"}]}.
 */
final class JsonWriter implements ResultWriter {
    private final PrintWriter out;
    private List<String> columns;
    private int count;

    JsonWriter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void begin(List<String> columns) {
        this.columns = columns;
        this.count = 0;
        out.print('[');
    }

    @Override
    public void row(List<?> values) {
        StringBuilder sb = new StringBuilder(count++ == 0 ? "\n  {" : ",\n  {");
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(string(columns.get(i))).append(": ").append(value(values.get(i)));
        }
        out.print(sb.append('}'));
    }

    @Override
    public void end() {
        out.println(count == 0 ? "]" : "\n]");
        out.flush();
    }

    /** A Java value as a JSON value. */
    static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof BigDecimal) {
            return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            // JSON has no NaN or Infinity: those become strings.
            return Double.isFinite(d) ? v.toString() : string(v.toString());
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(string(String.valueOf(e.getKey()))).append(": ").append(value(e.getValue()));
            }
            return sb.append('}').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : l) {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(value(o));
            }
            return sb.append(']').toString();
        }
        return string(Values.text(v));
    }

    /** A JSON string literal (RFC 8259 section 7): quotes, backslashes and control characters escaped. */
    static String string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
