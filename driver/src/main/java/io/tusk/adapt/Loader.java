package io.tusk.adapt;

/**
 * Converts the bytes PostgreSQL sends into a Java value: psycopg's {@code Loader}. A loader is
 * chosen once per result column ({@link #in} binds it to the session) and called for each
 * non-NULL value of it.
 *
 * <pre>{@code
 * Loader<Double> numericAsDouble = (b, off, len) -> Double.valueOf(new String(b, off, len, US_ASCII));
 * conn.adapters().registerLoader("numeric", Format.TEXT, numericAsDouble);
 * }</pre>
 *
 * @param <T> the Java type it loads
 */
@FunctionalInterface
public interface Loader<T> {
    /** The value held in {@code data[offset, offset+length)}. Never called for NULL. */
    T load(byte[] data, int offset, int length);

    /**
     * This loader bound to a session (its charset, time zone, ...): called once per result column,
     * so a loader that needs the context resolves it here rather than per value. By default this one.
     */
    default Loader<T> in(AdaptContext context) {
        return this;
    }
}
