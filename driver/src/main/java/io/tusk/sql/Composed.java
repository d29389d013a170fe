package io.tusk.sql;

import io.tusk.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A sequence of {@link Composable}s written one after the other: psycopg's {@code sql.Composed},
 * what {@link SQL#format} and {@link SQL#join} return.
 *
 * <pre>{@code
 * Composed cols = Composed.of(Identifier.of("a"), Identifier.of("b")).join(", ");
 * cols.asString(conn);   // "a", "b"
 * }</pre>
 */
public final class Composed implements Composable {
    private final List<Composable> pieces;

    private Composed(List<Composable> pieces) {
        this.pieces = pieces;
    }

    public static Composed of(Composable... pieces) {
        return of(List.of(pieces));
    }

    public static Composed of(List<? extends Composable> pieces) {
        for (Composable p : pieces) {
            Objects.requireNonNull(p, "piece");
        }
        return new Composed(List.copyOf(pieces));
    }

    /** The pieces, in order. */
    public List<Composable> pieces() {
        return pieces;
    }

    @Override
    public String asString(Connection conn) {
        StringBuilder b = new StringBuilder();
        for (Composable p : pieces) {
            b.append(p.asString(conn));
        }
        return b.toString();
    }

    /** The pieces with {@code separator} between each two (psycopg's {@code Composed.join}). */
    public Composed join(String separator) {
        return join(SQL.of(separator));
    }

    public Composed join(SQL separator) {
        return separator.join(pieces);
    }

    @Override
    public Composed plus(Composable other) {
        List<Composable> out = new ArrayList<>(pieces);
        if (other instanceof Composed c) {
            out.addAll(c.pieces);
        } else {
            out.add(other);
        }
        return new Composed(List.copyOf(out));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Composed c && c.pieces.equals(pieces);
    }

    @Override
    public int hashCode() {
        return pieces.hashCode();
    }

    @Override
    public String toString() {
        return "Composed(" + pieces + ")";
    }
}
