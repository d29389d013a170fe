package io.tusk.types;

import java.util.Objects;

/**
 * A PostgreSQL range value (int4range, numrange, daterange, tstzrange, ... or a custom range):
 * psycopg's {@code Range}. A null bound is infinite; {@code bounds} tells which ends are
 * included, {@code "[)"} by default. The server canonicalises discrete ranges, so
 * {@code [1,3]} of int4range comes back as {@code [1,4)}.
 *
 * <pre>{@code
 * Range<Integer> r = Range.of(1, 10);                 // [1,10)
 * Range<LocalDate> open = Range.of(LocalDate.of(2020, 1, 1), null, "[)");
 * conn.execute("SELECT %s @> 5", r).fetchone().getBoolean(0);   // true
 * Range<Integer> none = Range.empty();
 * }</pre>
 *
 * @param <T> the subtype's Java type
 */
public final class Range<T> {
    private static final Range<?> EMPTY = new Range<>(null, null, false, false, true);

    private final T lower;
    private final T upper;
    private final boolean lowerInclusive;
    private final boolean upperInclusive;
    private final boolean empty;

    private Range(T lower, T upper, boolean lowerInclusive, boolean upperInclusive, boolean empty) {
        this.lower = lower;
        this.upper = upper;
        // an infinite bound is never inclusive (range_in normalises "[,5]" to "(,5]")
        this.lowerInclusive = lowerInclusive && lower != null;
        this.upperInclusive = upperInclusive && upper != null;
        this.empty = empty;
    }

    /** {@code [lower,upper)}; null bounds are infinite. */
    public static <T> Range<T> of(T lower, T upper) {
        return of(lower, upper, "[)");
    }

    /** A range with the bounds {@code "[)"}, {@code "[]"}, {@code "()"} or {@code "(]"}. */
    public static <T> Range<T> of(T lower, T upper, String bounds) {
        if (bounds == null || bounds.length() != 2 || "[(".indexOf(bounds.charAt(0)) < 0
                || "])".indexOf(bounds.charAt(1)) < 0) {
            throw new IllegalArgumentException("invalid range bounds \"" + bounds + "\": use \"[)\", \"[]\", \"()\" or \"(]\"");
        }
        return new Range<>(lower, upper, bounds.charAt(0) == '[', bounds.charAt(1) == ']', false);
    }

    /** The empty range (of any subtype). */
    @SuppressWarnings("unchecked")
    public static <T> Range<T> empty() {
        return (Range<T>) EMPTY;
    }

    /** The lower bound, or null when infinite (or the range is empty). */
    public T lower() {
        return lower;
    }

    /** The upper bound, or null when infinite (or the range is empty). */
    public T upper() {
        return upper;
    }

    public boolean lowerInclusive() {
        return lowerInclusive;
    }

    public boolean upperInclusive() {
        return upperInclusive;
    }

    public boolean lowerInfinite() {
        return !empty && lower == null;
    }

    public boolean upperInfinite() {
        return !empty && upper == null;
    }

    public boolean isEmpty() {
        return empty;
    }

    /** {@code "[)"} and the like: the bounds as psycopg spells them. */
    public String bounds() {
        return (lowerInclusive ? "[" : "(") + (upperInclusive ? "]" : ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Range<?> r && r.empty == empty && r.lowerInclusive == lowerInclusive
                && r.upperInclusive == upperInclusive && Objects.equals(r.lower, lower) && Objects.equals(r.upper, upper);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lower, upper, lowerInclusive, upperInclusive, empty);
    }

    /** {@code [1,10)}, {@code (,5]}, {@code empty}: like the server's text form, without its quoting. */
    @Override
    public String toString() {
        if (empty) {
            return "empty";
        }
        return (lowerInclusive ? "[" : "(") + (lower == null ? "" : lower) + "," + (upper == null ? "" : upper)
                + (upperInclusive ? "]" : ")");
    }
}
