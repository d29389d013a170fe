package io.tusk.jdbc.internal;

import java.sql.SQLException;
import java.util.Arrays;

/**
 * The values bound to a prepared statement's {@code $1..$n}, as Java objects Tusk's adapters
 * dump. The array is reused from one execution to the next (no allocation per execute); a batch
 * takes a copy per row.
 */
final class Parameters {
    /** Marks a parameter nothing was set for: null is a value (SQL NULL). */
    private static final Object UNSET = new Object();

    private final Object[] values;

    Parameters(int count) {
        values = new Object[count];
        Arrays.fill(values, UNSET);
    }

    int count() {
        return values.length;
    }

    /** Sets parameter {@code index} (1-based) to {@code value}. */
    void set(int index, Object value) throws SQLException {
        if (index < 1 || index > values.length) {
            throw new SQLException("The column index is out of range: " + index + ", number of columns: " + values.length + ".",
                    "22023");
        }
        values[index - 1] = value;
    }

    /** The value set for parameter {@code index} (1-based), null when none was. */
    Object get(int index) {
        Object v = values[index - 1];
        return v == UNSET ? null : v;
    }

    /** Whether a value (SQL NULL included) was set for parameter {@code index} (1-based). */
    boolean isSet(int index) {
        return values[index - 1] != UNSET;
    }

    void clear() {
        Arrays.fill(values, UNSET);
    }

    /** The values to send, every one of them set; the array itself, not a copy. */
    Object[] bound() throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == UNSET) {
                throw new SQLException("No value specified for parameter " + (i + 1) + ".", "22023");
            }
        }
        return values;
    }

    /** A copy of the values, every one of them set (one row of a batch). */
    Object[] copy() throws SQLException {
        return bound().clone();
    }
}
