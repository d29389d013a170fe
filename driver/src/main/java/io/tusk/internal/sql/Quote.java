package io.tusk.internal.sql;

/**
 * SQL identifiers in double quotes, as PostgreSQL reads them (PostgreSQL, "Identifiers and Key
 * Words"): a double quote inside is doubled, so any name is taken literally, case included.
 */
public final class Quote {
    private Quote() {
    }

    /** {@code my "table"} becomes {@code "my ""table"""}. */
    public static String ident(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an SQL identifier cannot be empty");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an SQL identifier cannot contain NUL (0x00) characters");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
