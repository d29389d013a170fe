package io.tusk.adapt;

/**
 * Converts a Java value into the bytes PostgreSQL receives: psycopg's {@code Dumper}.
 *
 * <pre>{@code
 * Dumper<Money> d = new Dumper<>() {
 *     public int oid() { return 790; }               // money
 *     public Format format() { return Format.TEXT; }
 *     public byte[] dump(Money m) { return m.toString().getBytes(UTF_8); }
 * };
 * conn.adapters().registerDumper(Money.class, Format.TEXT, d);
 * }</pre>
 *
 * @param <T> the Java type it dumps
 */
public interface Dumper<T> {
    /** The OID of the PostgreSQL type the bytes are, or 0 to let the server infer it. */
    int oid();

    /** TEXT or BINARY: the format of the bytes {@link #dump} returns. */
    Format format();

    /** The value in this dumper's format, for a UTF-8, UTC session. Never called with null. */
    byte[] dump(T value);

    /**
     * The value in this dumper's format for a given session: text dumpers encode in its charset,
     * zoned values use its time zone. By default {@link #dump(Object)}.
     */
    default byte[] dump(T value, AdaptContext context) {
        return dump(value);
    }

    /**
     * A dumper better suited to this particular value (psycopg's {@code upgrade}): an integer
     * dumper may pick int2, int4, int8 or numeric by magnitude, a list dumper the array type of
     * its elements. By default this one.
     */
    default Dumper<? super T> upgrade(T value) {
        return this;
    }

    /**
     * As {@link #upgrade(Object)}, knowing the session and its adapters: containers (ranges,
     * composites) choose their elements' dumpers here. By default {@link #upgrade(Object)}.
     */
    default Dumper<? super T> upgrade(T value, AdaptContext context) {
        return upgrade(value);
    }

    /**
     * The value as an SQL literal, for client-side binding ({@code mogrify}), or null for the
     * default: the text form, quoted as a string and cast to the type when the OID is known
     * (psycopg's {@code Dumper.quote}: numbers unquoted, booleans {@code true}/{@code false}).
     */
    default String quote(T value) {
        return null;
    }

    /** As {@link #quote(Object)}, knowing the session (e.g. {@code standard_conforming_strings}). */
    default String quote(T value, AdaptContext context) {
        return quote(value);
    }
}
