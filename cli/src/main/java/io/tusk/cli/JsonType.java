package io.tusk.cli;

import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.rows.Row;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How a column's text becomes a JSON value in {@code --format json}: json and jsonb as the
 * JSON they hold, arrays as JSON arrays of their elements, integers and finite numerics and
 * floats as numbers, booleans as true/false, anything else as a string of the server's text.
 *
 * <p>Example: {@code JsonType.of(PgTypes.INT4).json("42")} is {@code 42}.
 */
record JsonType(Kind kind, JsonType element, char delimiter) {
    enum Kind { NUMBER, BOOL, JSON, ARRAY, STRING }

    static final JsonType NUMBER = new JsonType(Kind.NUMBER, null, ',');
    static final JsonType BOOL = new JsonType(Kind.BOOL, null, ',');
    static final JsonType JSON = new JsonType(Kind.JSON, null, ',');
    static final JsonType STRING = new JsonType(Kind.STRING, null, ',');

    /** RFC 8259's number grammar: what numeric and float print for finite values fits it; NaN and Infinity do not. */
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    /** The mapping of a scalar type known by its OID, without asking the catalog; null when it is not one of them. */
    static JsonType known(int oid) {
        return switch (oid) {
            case PgTypes.INT2, PgTypes.INT4, PgTypes.INT8, PgTypes.NUMERIC, PgTypes.FLOAT4, PgTypes.FLOAT8 -> NUMBER;
            case PgTypes.BOOL -> BOOL;
            case PgTypes.JSON, PgTypes.JSONB -> JSON;
            default -> null;
        };
    }

    /** The value as JSON text; {@code text} is the server's text form, null for NULL. */
    String json(String text) {
        if (text == null) {
            return "null";
        }
        switch (kind) {
            case NUMBER:
                return JSON_NUMBER.matcher(text).matches() ? text : JsonWriter.string(text);
            case BOOL:
                return "t".equals(text) ? "true" : "f".equals(text) ? "false" : JsonWriter.string(text);
            case JSON:
                return text; // the server checked it on input and prints valid JSON
            case ARRAY:
                List<Object> items = ArrayLiteral.parse(text, delimiter);
                return items == null ? JsonWriter.string(text) : array(items);
            default:
                return JsonWriter.string(text);
        }
    }

    private String array(List<Object> items) {
        StringBuilder sb = new StringBuilder("[");
        for (Object item : items) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            if (item instanceof List<?> nested) {
                @SuppressWarnings("unchecked")
                List<Object> inner = (List<Object>) nested;
                sb.append(array(inner));
            } else {
                sb.append(element.json((String) item));
            }
        }
        return sb.append(']').toString();
    }

    /**
     * Resolves column types through the catalog ({@code pg_type}): domains map as their base
     * type, arrays ({@code typcategory 'A'}) as arrays of their element type with its
     * {@code typdelim}. One query per batch of OIDs not seen before; answers are kept.
     */
    static final class Catalog {
        private final Connection conn;
        private final Map<Integer, JsonType> resolved = new HashMap<>();
        private final Map<Integer, String[]> rows = new HashMap<>();

        Catalog(Connection conn) {
            this.conn = conn;
        }

        /** The mapping of each OID, in order, with at most one catalog query for the ones not seen yet. */
        List<JsonType> of(List<Integer> oids) {
            fetch(oids.stream().filter(o -> known(o) == null && !resolved.containsKey(o)).toList());
            return oids.stream().map(this::of).toList();
        }

        JsonType of(int oid) {
            JsonType t = known(oid);
            if (t != null) {
                return t;
            }
            t = resolved.get(oid);
            if (t != null) {
                return t;
            }
            fetch(List.of(oid));
            String[] r = rows.get(oid);
            if (r == null) {
                t = STRING;
            } else if ("d".equals(r[0])) {
                t = of(Integer.parseInt(r[1]));
            } else if ("A".equals(r[2]) && !"0".equals(r[3])) {
                t = new JsonType(Kind.ARRAY, of(Integer.parseInt(r[3])), r[4] == null || r[4].isEmpty() ? ',' : r[4].charAt(0));
            } else {
                t = STRING;
            }
            resolved.put(oid, t);
            return t;
        }

        private void fetch(List<Integer> oids) {
            List<Integer> missing = oids.stream().filter(o -> !rows.containsKey(o)).distinct().toList();
            if (missing.isEmpty()) {
                return;
            }
            // OIDs are integers of our own: written into the statement, no parameter needed.
            String in = missing.stream().map(String::valueOf).collect(Collectors.joining(","));
            try (Cursor<Row> cur = conn.execute("SELECT t.oid, t.typtype, t.typbasetype, t.typcategory, t.typelem, e.typdelim"
                    + " FROM pg_catalog.pg_type t LEFT JOIN pg_catalog.pg_type e ON e.oid = t.typelem WHERE t.oid IN (" + in + ")")) {
                for (Row r; (r = cur.fetchone()) != null; ) {
                    rows.put(Integer.parseInt(String.valueOf(r.get(0))), new String[] {str(r.get(1)), str(r.get(2)),
                            str(r.get(3)), str(r.get(4)), str(r.get(5))});
                }
            }
            for (Integer o : missing) {
                rows.putIfAbsent(o, null);
            }
        }

        private static String str(Object o) {
            return o == null ? null : String.valueOf(o);
        }
    }
}
