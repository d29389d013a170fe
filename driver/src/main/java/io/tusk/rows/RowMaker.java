package io.tusk.rows;

/**
 * Makes one row from its loaded values: psycopg's {@code RowMaker}, returned by a
 * {@link RowFactory} for one result.
 *
 * <pre>{@code
 * RowMaker<String> joined = values -> java.util.Arrays.toString(values);
 * }</pre>
 *
 * @param <R> the type of rows it makes
 */
@FunctionalInterface
public interface RowMaker<R> {
    /**
     * The row made of {@code values}: one per column, already loaded ({@code null} for SQL NULL).
     * The array is new for each row and may be kept.
     */
    R make(Object[] values);
}
