package io.tusk.sql;

import io.tusk.Connection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A name of a table, column, schema or other object, quoted as an identifier: psycopg's
 * {@code sql.Identifier}. Several parts make a qualified name.
 *
 * <pre>{@code
 * Identifier.of("app", "users").asString(conn);   // "app"."users"
 * Identifier.of("weird\"name").asString(conn);    // "weird""name"
 * }</pre>
 */
public final class Identifier implements Composable {
    private final List<String> parts;

    private Identifier(List<String> parts) {
        this.parts = parts;
    }

    /** A name of one or more parts, joined with dots. */
    public static Identifier of(String... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("an Identifier needs at least one part");
        }
        for (String p : parts) {
            Objects.requireNonNull(p, "identifier part");
        }
        return new Identifier(List.of(parts));
    }

    public List<String> parts() {
        return parts;
    }

    @Override
    public String asString(Connection conn) {
        return parts.stream().map(Identifier::quote).collect(Collectors.joining("."));
    }

    /**
     * One name in double quotes, as PostgreSQL reads it (PostgreSQL, "Identifiers and Key Words"):
     * a double quote inside is doubled, so any name is taken literally, case included;
     * {@code my "table"} becomes {@code "my ""table"""}.
     */
    private static String quote(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an SQL identifier cannot be empty");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an SQL identifier cannot contain NUL (0x00) characters");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Identifier i && i.parts.equals(parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        return "Identifier(" + String.join(", ", parts) + ")";
    }
}
