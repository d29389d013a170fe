package io.tusk.internal.sql;

import io.tusk.sql.Identifier;

/**
 * SQL identifiers in double quotes for the driver's own statements (savepoint names): the
 * rules are {@link Identifier}'s, so that a name the driver writes reads as one the user composes.
 */
public final class Quote {
    private Quote() {
    }

    /** {@code my "table"} becomes {@code "my ""table"""}. */
    public static String ident(String name) {
        return Identifier.of(name).asString(null);
    }
}
