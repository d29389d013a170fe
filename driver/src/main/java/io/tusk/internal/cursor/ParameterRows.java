package io.tusk.internal.cursor;

import io.tusk.errors.ProgrammingException;
import java.util.List;
import java.util.Map;

/** The element types {@code executemany} accepts for one row of parameters. */
final class ParameterRows {
    private ParameterRows() {
    }

    static boolean isNamed(Object row) {
        return row instanceof Map;
    }

    @SuppressWarnings("unchecked")
    static Map<String, ?> named(Object row) {
        return (Map<String, ?>) row;
    }

    static Object[] positional(Object row, long number) {
        if (row instanceof Object[] a) {
            return a;
        }
        if (row instanceof List<?> l) {
            return l.toArray();
        }
        throw new ProgrammingException("executemany: row " + number + " is a "
                + (row == null ? "null" : row.getClass().getName())
                + "; each row of parameters must be an Object[], a List or a Map (for %(name)s placeholders)");
    }
}
