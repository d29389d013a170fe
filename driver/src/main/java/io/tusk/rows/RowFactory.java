package io.tusk.rows;

import io.tusk.Column;
import java.util.List;

/**
 * Decides what a row of a result is: psycopg's {@code RowFactory}. It is called once per result
 * with the description of its columns and returns the {@link RowMaker} that turns each row's
 * loaded values into the object the cursor returns.
 *
 * <pre>{@code
 * Cursor<Map<String, Object>> cur = conn.cursor(RowFactories.maps());
 * RowFactory<String> firstAsText = columns -> values -> String.valueOf(values[0]);
 * }</pre>
 *
 * @param <R> the type of rows it makes
 * @see RowFactories
 */
@FunctionalInterface
public interface RowFactory<R> {
    /** The maker for the rows of one result; work that depends only on the columns belongs here. */
    RowMaker<R> makerFor(List<Column> columns);
}
