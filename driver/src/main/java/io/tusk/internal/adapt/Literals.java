package io.tusk.internal.adapt;

/**
 * SQL string literals for client-side binding. With {@code standard_conforming_strings} on (the
 * default since PostgreSQL 9.1) a quote is doubled and a backslash is literal; when a string
 * holds a backslash the escape-string form {@code E'...'} is used, which reads the same whether
 * the setting is on or off (psycopg's rule).
 */
public final class Literals {
    private Literals() {
    }

    public static String quoteString(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new io.tusk.errors.DataException("PostgreSQL text cannot contain NUL (0x00) characters");
        }
        boolean backslash = s.indexOf('\\') >= 0;
        StringBuilder b = new StringBuilder(s.length() + 3);
        if (backslash) {
            b.append(" E");
        }
        b.append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                b.append("''");
            } else if (c == '\\' && backslash) {
                b.append("\\\\");
            } else {
                b.append(c);
            }
        }
        return b.append('\'').toString();
    }
}
