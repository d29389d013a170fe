package io.tusk.types;

import java.util.Objects;

/**
 * A parameter sent as a named PostgreSQL type, without a cast in the SQL: the server receives
 * the value's text form with that type's OID, and {@code null} becomes a NULL of that type.
 * What psycopg's {@code Int4}, {@code Int8}, {@code Float4} wrappers do, for any type the
 * session knows by name (the built-in ones, and those registered with
 * {@code adapters().registerTypeName}).
 *
 * <pre>{@code
 * conn.execute("SELECT pg_typeof(%s)", new Typed(5, "int4")).fetchone();        // integer, not smallint
 * conn.execute("INSERT INTO t (d) VALUES (%s)", new Typed(null, "date"));       // a typed NULL
 * }</pre>
 *
 * Tusk's JDBC face binds {@code setInt}, {@code setLong}, {@code setString}, {@code setNull(i,
 * Types.X)} ... this way, so the server sees the types pgjdbc would send.
 *
 * @param value the value (any class Tusk can dump as text), or null for a NULL of the type
 * @param typeName the PostgreSQL type's name as the session knows it ({@code int4}, {@code varchar}, ...)
 */
public record Typed(Object value, String typeName) {
    public Typed {
        Objects.requireNonNull(typeName, "typeName");
    }

    @Override
    public String toString() {
        return "Typed[" + typeName + "]";   // never the value: it may be a secret
    }
}
