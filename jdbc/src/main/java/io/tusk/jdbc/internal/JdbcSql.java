package io.tusk.jdbc.internal;

import java.sql.SQLException;

/**
 * JDBC's SQL as PostgreSQL runs it: {@code ?} placeholders become {@code $1..$n} and JDBC escapes
 * ({@code {fn ...}}, {@code {d ...}}, {@code {ts ...}}, {@code {oj ...}}, {@code {call ...}}) become
 * PostgreSQL's SQL. PLACEHOLDER: naive, to be replaced by the real lexer (quotes, comments,
 * dollar quotes, {@code ??}).
 */
public final class JdbcSql {
    private final String nativeSql;
    private final int parameterCount;

    private JdbcSql(String nativeSql, int parameterCount) {
        this.nativeSql = nativeSql;
        this.parameterCount = parameterCount;
    }

    /** Parses {@code sql}; escapes are translated when {@code processEscapes}. */
    public static JdbcSql parse(String sql, boolean processEscapes) throws SQLException {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '?') {
                b.append('$').append(++n);
            } else {
                b.append(c);
            }
        }
        return new JdbcSql(b.toString(), n);
    }

    /** The SQL to send, with {@code $n} placeholders. */
    public String nativeSql() {
        return nativeSql;
    }

    /** How many {@code ?} placeholders the SQL had. */
    public int parameterCount() {
        return parameterCount;
    }
}
