package io.tusk.sql;

import io.tusk.Connection;

/**
 * A piece of SQL built safely: psycopg's {@code sql.Composable}. Identifiers are quoted as
 * identifiers and values as literals, so that names and values coming from outside cannot
 * change the statement.
 *
 * <pre>{@code
 * Composable q = SQL.of("SELECT {} FROM {} WHERE id = {}")
 *         .format(Identifier.of("name"), Identifier.of("app", "users"), Placeholder.of());
 * q.asString(conn);   // SELECT "name" FROM "app"."users" WHERE id = %s
 * }</pre>
 */
public sealed interface Composable permits SQL, Identifier, Literal, Placeholder, Composed {
    /**
     * The SQL text. {@code conn} gives the adapters and encoding for literals; it may be null,
     * in which case the built-in adapters and the standard quoting rules are used.
     */
    String asString(Connection conn);

    /** This piece followed by {@code other} (psycopg's {@code a + b}). */
    default Composed plus(Composable other) {
        return Composed.of(this, other);
    }

    /** This piece {@code n} times in a row (psycopg's {@code a * n}). */
    default Composed times(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("a Composable can be repeated zero or more times, not " + n);
        }
        return Composed.of(java.util.Collections.nCopies(n, this));
    }
}
