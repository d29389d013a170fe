package io.tusk.sql;

import io.tusk.Connection;
import io.tusk.spi.Services;
import java.util.Objects;

/**
 * A value written into the SQL text as a literal: psycopg's {@code sql.Literal}. It is dumped by
 * the same adapters as a parameter and quoted (a string as {@code 'it''s'}, a value with a
 * known type with a cast, null as {@code NULL}).
 *
 * <pre>{@code
 * SQL.of("SET search_path TO {}").format(Literal.of("app")).asString(conn);  // SET search_path TO 'app'
 * }</pre>
 *
 * Prefer {@link Placeholder}s and parameters for values; literals are for the places where the
 * server takes no parameter (DDL, SET, COPY options).
 */
public final class Literal implements Composable {
    private final Object value;

    private Literal(Object value) {
        this.value = value;
    }

    public static Literal of(Object value) {
        return new Literal(value);
    }

    /** The value, unquoted. */
    public Object value() {
        return value;
    }

    @Override
    public String asString(Connection conn) {
        return Services.adaptation().literal(value, conn);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Literal l && Objects.equals(l.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return "Literal(" + value + ")";
    }
}
