package io.tusk.cli;

import io.tusk.Column;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/**
 * A result set as a JSON array of objects, one per row, keyed by column name (RFC 8259); each
 * value mapped by its column's {@link JsonType}: json/jsonb nested, arrays as arrays, numbers
 * JSON can hold as numbers, booleans, null, everything else as a string of the server's text.
 *
 * <p>Example: {@code [{"id": 1, "tags": ["a,b", null], "doc": {"k": 1}}]}.
 */
final class JsonWriter implements ResultWriter {
    private final PrintWriter out;
    private final Function<List<Integer>, List<JsonType>> types;
    private List<String> names;
    private List<JsonType> columnTypes;
    private int count;

    /** {@code types} maps the columns' type OIDs to their JSON mapping (the catalog, in {@link JsonType.Catalog}). */
    JsonWriter(PrintWriter out, Function<List<Integer>, List<JsonType>> types) {
        this.out = out;
        this.types = types;
    }

    @Override
    public void begin(List<Column> columns) {
        this.names = columns.stream().map(c -> string(c.name())).toList();
        this.columnTypes = types.apply(columns.stream().map(Column::typeOid).toList());
        this.count = 0;
        out.print('[');
    }

    @Override
    public void row(List<String> values) {
        StringBuilder sb = new StringBuilder(count++ == 0 ? "\n  {" : ",\n  {");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(names.get(i)).append(": ").append(columnTypes.get(i).json(values.get(i)));
        }
        out.print(sb.append('}'));
    }

    @Override
    public void end() {
        out.print(count == 0 ? "]" : "\n]");
        out.flush();
    }

    /** A Java value of the tool's own (maps, lists, numbers, booleans, strings) as JSON text: {@code tusk xa --json}. */
    static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            return v.toString();
        }
        if (v instanceof java.util.Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            for (java.util.Map.Entry<?, ?> e : m.entrySet()) {
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
        return string(v.toString());
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
