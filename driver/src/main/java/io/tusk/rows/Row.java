package io.tusk.rows;

import java.util.List;

/**
 * A row of a result, by column position and by name: the default row of {@code conn.cursor()}
 * (psycopg's tuple row, with names as a bonus).
 *
 * <pre>{@code
 * Row row = conn.execute("SELECT 1 AS n, 'x' AS s").fetchone();
 * Object n = row.get(0);      // by position, 0-based
 * Object s = row.get("s");    // by column name
 * }</pre>
 */
public interface Row {
    /** The number of columns. */
    int size();

    /** The value of a column by 0-based position; null for SQL NULL. */
    Object get(int index);

    /** The value of the first column with that name; an unknown name raises IllegalArgumentException. */
    Object get(String column);

    /** The column's value as text (its string form), or null for NULL. */
    String getString(int index);

    String getString(String column);

    /** The column names, in order. */
    List<String> columnNames();

    /** The values, in order. */
    List<Object> toList();
}
