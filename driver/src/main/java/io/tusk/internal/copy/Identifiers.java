package io.tusk.internal.copy;

import io.tusk.errors.ProgrammingException;
import java.util.List;

/**
 * Identifiers for the COPY statements that psycopg2's helpers build: each part double-quoted
 * with inner quotes doubled (PostgreSQL "Identifiers and Key Words"), so any table or column
 * name works and none can inject SQL.
 */
final class Identifiers {
    private Identifiers() {
    }

    static String quote(String name) {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new ProgrammingException("invalid identifier \"" + name + "\": it must be non-empty and hold no NUL");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * A table name, possibly schema-qualified as psycopg2 accepts it ({@code "myschema.mytable"}):
     * each dot-separated part quoted on its own.
     */
    static String table(String table) {
        String[] parts = table.split("\\.", -1);
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (b.length() > 0) {
                b.append('.');
            }
            b.append(quote(p));
        }
        return b.toString();
    }

    /** {@code  ("a", "b")} with a leading space, or "" for no list. */
    static String columns(List<String> columns) {
        if (columns == null || columns.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(" (");
        for (String c : columns) {
            if (b.length() > 2) {
                b.append(", ");
            }
            b.append(quote(c));
        }
        return b.append(')').toString();
    }
}
