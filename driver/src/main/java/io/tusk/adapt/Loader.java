package io.tusk.adapt;

/**
 * Converts the bytes PostgreSQL sends into a Java value: psycopg's {@code Loader}. A loader is
 * chosen once per result column and called for each non-NULL value of it.
 *
 * @param <T> the Java type it loads
 */
@FunctionalInterface
public interface Loader<T> {
    /** The value held in {@code data[offset, offset+length)}. Never called for NULL. */
    T load(byte[] data, int offset, int length);
}
