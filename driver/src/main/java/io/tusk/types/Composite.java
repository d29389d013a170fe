package io.tusk.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A row of a PostgreSQL composite type (a table's row type or {@code CREATE TYPE ... AS (...)}),
 * or an anonymous {@code record}: psycopg's tuple (or the named tuple made by
 * {@code register_composite}). Fields are read by position or, for a registered type, by name.
 *
 * <pre>{@code
 * CompositeInfo.fetch(conn, "card").register(conn.adapters());
 * Composite c = (Composite) conn.execute("SELECT (8, 'hearts')::card").fetchone().get(0);
 * c.get("suit");                       // "hearts"
 * conn.execute("INSERT INTO hands VALUES (%s)", Composite.of("card", List.of("value", "suit"), List.of(9, "spades")));
 * }</pre>
 */
public final class Composite {
    private final String typeName;
    private final List<String> names;
    private final List<Object> values;

    private Composite(String typeName, List<String> names, List<Object> values) {
        if (names != null && names.size() != values.size()) {
            throw new IllegalArgumentException(names.size() + " field names for " + values.size() + " values");
        }
        this.typeName = typeName;
        this.names = names == null ? null : List.copyOf(names);
        this.values = Collections.unmodifiableList(new ArrayList<>(values)); // fields may be NULL
    }

    /** An anonymous record, {@code ROW(...)}: dumped as text for the server to cast. */
    public static Composite of(List<?> values) {
        return new Composite(null, null, new ArrayList<>(values));
    }

    /**
     * A row of a named composite type; {@code names} may be null. Dumped as that type when its
     * {@code CompositeInfo} is registered, as text for the server to infer otherwise.
     */
    public static Composite of(String typeName, List<String> names, List<?> values) {
        return new Composite(typeName, names, new ArrayList<>(values));
    }

    /** The composite type's name as registered, or null for an anonymous record. */
    public String typeName() {
        return typeName;
    }

    /** The field names, or null when unknown (anonymous records). */
    public List<String> names() {
        return names;
    }

    public List<Object> values() {
        return values;
    }

    public int size() {
        return values.size();
    }

    public Object get(int index) {
        return values.get(index);
    }

    /** The field named {@code name}; fails when there is none (or the names are unknown). */
    public Object get(String name) {
        int i = names == null ? -1 : names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no field \"" + name + "\" in " + (typeName == null ? "the record"
                    : typeName) + ": fields are " + (names == null ? "unnamed (register its CompositeInfo)" : names));
        }
        return values.get(i);
    }

    /** Equal when the values (and names, when both have them) are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Composite c && values.equals(c.values)
                && (names == null || c.names == null || names.equals(c.names));
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(typeName == null ? "" : typeName).append('(');
        for (int i = 0; i < values.size(); i++) {
            b.append(i == 0 ? "" : ", ");
            if (names != null) {
                b.append(names.get(i)).append('=');
            }
            b.append(values.get(i));
        }
        return b.append(')').toString();
    }
}
