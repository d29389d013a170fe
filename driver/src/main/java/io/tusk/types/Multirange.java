package io.tusk.types;

import java.util.List;

/**
 * A PostgreSQL multirange (PostgreSQL 14+: int4multirange, datemultirange, ... or a custom one):
 * an ordered list of non-overlapping ranges, psycopg's {@code Multirange}. The server merges
 * overlapping or adjacent ranges and drops empty ones.
 *
 * <pre>{@code
 * Multirange<Integer> m = Multirange.of(Range.of(1, 3), Range.of(5, 7));   // {[1,3),[5,7)}
 * conn.execute("SELECT %s @> 6", m).fetchone().getBoolean(0);              // true
 * }</pre>
 *
 * @param ranges the ranges, in order
 * @param <T> the subtype's Java type
 */
public record Multirange<T>(List<Range<T>> ranges) {
    public Multirange {
        ranges = List.copyOf(ranges);
    }

    @SafeVarargs
    public static <T> Multirange<T> of(Range<T>... ranges) {
        return new Multirange<>(List.of(ranges));
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < ranges.size(); i++) {
            b.append(i == 0 ? "" : ",").append(ranges.get(i));
        }
        return b.append('}').toString();
    }
}
