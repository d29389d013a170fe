package io.tusk.internal.servercursor;

import io.tusk.errors.ProgrammingException;

/**
 * The SQL of a named cursor's life (PostgreSQL "DECLARE", "FETCH", "MOVE", "CLOSE"). The name
 * is always a quoted identifier (psycopg 2.4+), so any string is a valid name and none can
 * inject SQL; the counts are numbers written by us.
 */
final class CursorStatements {
    private CursorStatements() {
    }

    static String quote(String name) {
        if (name == null || name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new ProgrammingException("invalid cursor name " + (name == null ? "null" : "\"" + name + "\"")
                    + ": use a non-empty string without NUL characters");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String declare(String quoted, Boolean scrollable, boolean withhold, String query) {
        StringBuilder b = new StringBuilder(query.length() + quoted.length() + 40).append("DECLARE ").append(quoted);
        if (scrollable != null) {
            b.append(scrollable ? " SCROLL" : " NO SCROLL");
        }
        b.append(" CURSOR");
        if (withhold) {
            b.append(" WITH HOLD");
        }
        return b.append(" FOR ").append(query).toString();
    }

    /** {@code FETCH FORWARD n}, or {@code FETCH FORWARD ALL} for a negative count. */
    static String fetch(String quoted, int count) {
        return "FETCH FORWARD " + (count < 0 ? "ALL" : String.valueOf(count)) + " FROM " + quoted;
    }

    /** {@code MOVE n} (relative: forward, or backward when negative) or {@code MOVE ABSOLUTE n}. */
    static String move(String quoted, long value, boolean absolute) {
        return "MOVE " + (absolute ? "ABSOLUTE " : "") + value + " FROM " + quoted;
    }

    static String close(String quoted) {
        return "CLOSE " + quoted;
    }
}
