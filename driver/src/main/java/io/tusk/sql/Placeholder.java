package io.tusk.sql;

import io.tusk.Connection;
import io.tusk.adapt.Format;
import java.util.Objects;

/**
 * A parameter placeholder in a composed statement: psycopg's {@code sql.Placeholder}, written
 * {@code %s} (or {@code %b} / {@code %t} for a binary or text parameter) and
 * {@code %(name)s} when named.
 *
 * <pre>{@code
 * SQL.of(", ").join(Placeholder.of("a"), Placeholder.of("b")).asString(conn);   // %(a)s, %(b)s
 * }</pre>
 */
public final class Placeholder implements Composable {
    private final String name;
    private final Format format;

    private Placeholder(String name, Format format) {
        this.name = name;
        this.format = format;
    }

    /** {@code %s}: a positional parameter whose format the driver chooses. */
    public static Placeholder of() {
        return new Placeholder(null, null);
    }

    /** {@code %(name)s}. */
    public static Placeholder of(String name) {
        return of(name, null);
    }

    /**
     * A placeholder with a name (null for a positional one) and a format: null for automatic
     * ({@code s}), {@link Format#TEXT} ({@code t}) or {@link Format#BINARY} ({@code b}).
     */
    public static Placeholder of(String name, Format format) {
        if (name != null && (name.isEmpty() || name.indexOf(')') >= 0)) {
            throw new IllegalArgumentException("a placeholder name must be non-empty and contain no ')': " + name);
        }
        return new Placeholder(name, format);
    }

    /** The name, or null for a positional placeholder. */
    public String name() {
        return name;
    }

    /** The format, or null when the driver chooses. */
    public Format format() {
        return format;
    }

    @Override
    public String asString(Connection conn) {
        char code = format == null ? 's' : format == Format.BINARY ? 'b' : 't';
        return name == null ? "%" + code : "%(" + name + ")" + code;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Placeholder p && Objects.equals(p.name, name) && p.format == format;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, format);
    }

    @Override
    public String toString() {
        return "Placeholder(" + asString(null) + ")";
    }
}
