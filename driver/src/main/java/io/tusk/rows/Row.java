package io.tusk.rows;

import java.math.BigDecimal;
import java.util.List;

/**
 * A row of a result, by column position and by name: the default row of {@code conn.cursor()}
 * (psycopg's tuple row, with names as a bonus).
 *
 * <pre>{@code
 * Row row = conn.execute("SELECT 1 AS n, 'x' AS s").fetchone();
 * Object n = row.get(0);           // by position, 0-based
 * String s = row.getString("s");   // by column name
 * int i = row.getInt("n");         // converted when the value is another number or its text
 * }</pre>
 *
 * Typed getters return {@code null} for SQL NULL and convert where it is simple and exact
 * (see {@link #get(int, Class)}).
 */
public interface Row {
    /** The number of columns. */
    int size();

    /** The value of a column by 0-based position; null for SQL NULL. */
    Object get(int index);

    /** The value of the first column with that name; an unknown name raises IllegalArgumentException. */
    Object get(String column);

    /** The column names, in order. */
    List<String> columnNames();

    /** The values, in order. */
    List<Object> toList();

    /** The 0-based position of the first column with that name; IllegalArgumentException when none. */
    default int indexOf(String column) {
        int i = columnNames().indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column named \"" + column + "\" in the result: columns are " + columnNames());
        }
        return i;
    }

    /**
     * The value converted to {@code type}: itself when it already is one; between number types
     * when no digit is lost; from text to numbers and booleans by parsing; to String by its text
     * form ({@code bytea} as {@code \x...} hex). Anything else raises ClassCastException naming
     * the column and both types.
     */
    default <T> T get(int index, Class<T> type) {
        return Conversions.convert(get(index), type, columnNames().get(index));
    }

    default <T> T get(String column, Class<T> type) {
        return get(indexOf(column), type);
    }

    /** The column's value as text (its string form), or null for NULL. */
    default String getString(int index) {
        return get(index, String.class);
    }

    default String getString(String column) {
        return get(column, String.class);
    }

    default Integer getInt(int index) {
        return get(index, Integer.class);
    }

    default Integer getInt(String column) {
        return get(column, Integer.class);
    }

    default Long getLong(int index) {
        return get(index, Long.class);
    }

    default Long getLong(String column) {
        return get(column, Long.class);
    }

    default Boolean getBoolean(int index) {
        return get(index, Boolean.class);
    }

    default Boolean getBoolean(String column) {
        return get(column, Boolean.class);
    }

    default Double getDouble(int index) {
        return get(index, Double.class);
    }

    default Double getDouble(String column) {
        return get(column, Double.class);
    }

    default BigDecimal getBigDecimal(int index) {
        return get(index, BigDecimal.class);
    }

    default BigDecimal getBigDecimal(String column) {
        return get(column, BigDecimal.class);
    }
}
