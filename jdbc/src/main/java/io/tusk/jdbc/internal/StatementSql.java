package io.tusk.jdbc.internal;

import java.sql.SQLException;

/** The statement layer's decisions about SQL text, and the errors pgjdbc raises for misuse. */
final class StatementSql {
    private StatementSql() {
    }

    /**
     * A {@code Statement}'s SQL: {@code ?} is not a placeholder there (pgjdbc leaves it alone
     * too: {@code jsonb ? 'key'} works); escapes are translated unless switched off.
     */
    static JdbcSql forStatement(String sql, boolean escapes) throws SQLException {
        return JdbcSql.parseStatement(sql, escapes);
    }

    /**
     * True when the text may be declared as a cursor and read in batches: one query whose main
     * command is SELECT, VALUES or TABLE ({@code SELECT ... INTO} creates a table, which DECLARE
     * refuses; a failed DECLARE would abort the transaction).
     */
    static boolean declarable(JdbcSql parsed) {
        if (parsed == null || parsed.statementCount() != 1) {
            return false;
        }
        SqlStatement st = parsed.statements().get(0);
        String main = st.mainCommand();
        if (main.equals("VALUES") || main.equals("TABLE")) {
            return true;
        }
        return main.equals("SELECT") && !hasWord(st.sql(), "into");
    }

    private static boolean hasWord(String sql, String word) {
        String lower = sql.toLowerCase(java.util.Locale.ROOT);
        for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
            int end = at + word.length();
            boolean before = at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1)) && lower.charAt(at - 1) != '_';
            boolean after = end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end)) && lower.charAt(end) != '_';
            if (before && after) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code sql} with psycopg's {@code %s} placeholders instead of {@code $1..$n} (and {@code %}
     * doubled), for the native executemany that rewrites batched inserts; null when the {@code $k}
     * in the text are not exactly {@code $1..$n} in order (a {@code $1} inside a literal, say).
     */
    static String pyformat(String nativeSql, int n) {
        StringBuilder b = new StringBuilder(nativeSql.length() + 8);
        int next = 1;
        int len = nativeSql.length();
        for (int i = 0; i < len; i++) {
            char c = nativeSql.charAt(i);
            if (c == '%') {
                b.append("%%");
            } else if (c == '$' && i + 1 < len && Character.isDigit(nativeSql.charAt(i + 1))
                    && (i == 0 || !Character.isLetterOrDigit(nativeSql.charAt(i - 1)) && nativeSql.charAt(i - 1) != '_')) {
                int j = i + 1;
                while (j < len && Character.isDigit(nativeSql.charAt(j))) {
                    j++;
                }
                if (Integer.parseInt(nativeSql.substring(i + 1, Math.min(j, i + 10))) != next) {
                    return null;
                }
                next++;
                b.append("%s");
                i = j - 1;
            } else {
                b.append(c);
            }
        }
        return next == n + 1 ? b.toString() : null;
    }

    static SQLException noResults() {
        return new SQLException("No results were returned by the query.", "02000");
    }

    static SQLException resultWhenNoneExpected() {
        return new SQLException("A result was returned when none was expected.", "0100E");
    }

    /** A failure that is not the server's: a value Tusk's adapters cannot send, say. */
    static SQLException unexpected(RuntimeException e) {
        return new SQLException(e.getMessage() != null ? e.getMessage() : e.toString(), "XX000", e);
    }
}
