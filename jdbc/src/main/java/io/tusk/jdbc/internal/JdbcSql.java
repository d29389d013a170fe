package io.tusk.jdbc.internal;

import java.sql.SQLException;
import java.util.List;

/**
 * JDBC's SQL as PostgreSQL runs it: {@code ?} placeholders become {@code $1..$n}, {@code ??}
 * becomes PostgreSQL's {@code ?} operator, JDBC escapes ({@code {fn ...}}, {@code {d ...}},
 * {@code {t ...}}, {@code {ts ...}}, {@code {oj ...}}, {@code {escape ...}}, {@code {limit ...}},
 * {@code {call ...}}, {@code {? = call ...}}) become PostgreSQL's SQL, and a text of several
 * statements is split at its top-level semicolons. Nothing inside string constants
 * ({@code '...'}, {@code E'...'}, dollar quotes), quoted identifiers or comments is touched.
 *
 * <p>Each {@link SqlStatement} numbers its own placeholders from {@code $1} (the extended
 * protocol parses one statement per Parse message), as pgjdbc does. Parsing is one pass and keeps
 * no global cache; an unclosed quote, comment or escape is an {@link java.sql.SQLSyntaxErrorException}
 * (SQLSTATE 42601) naming where it starts.
 */
public final class JdbcSql {
    /**
     * How {@code {call f(...)}} is sent, as pgjdbc's {@code escapeSyntaxCallMode}: {@code SELECT}
     * (pgjdbc's default) runs {@code select * from f(...) as result}, {@code CALL} runs
     * {@code call f(...)} (a procedure), {@code CALL_IF_NO_RETURN} runs {@code call} unless the
     * escape is {@code {? = call ...}}.
     */
    public enum CallMode {
        SELECT, CALL, CALL_IF_NO_RETURN;

        /**
         * The mode a pgjdbc {@code escapeSyntaxCallMode} value names ({@code select},
         * {@code callIfNoReturn}, {@code call}, any case); null is pgjdbc's default, SELECT.
         */
        public static CallMode of(String setting) throws SQLException {
            if (setting == null || setting.equalsIgnoreCase("select")) {
                return SELECT;
            } else if (setting.equalsIgnoreCase("callIfNoReturn")) {
                return CALL_IF_NO_RETURN;
            } else if (setting.equalsIgnoreCase("call")) {
                return CALL;
            }
            throw new SQLException("escapeSyntaxCallMode=" + setting + " is not a call mode: use select, callIfNoReturn "
                    + "or call", "22023");
        }
    }

    private final List<SqlStatement> statements;
    private final int parameterCount;
    private final boolean callEscape;
    private final boolean returnParameter;

    JdbcSql(List<SqlStatement> statements, int parameterCount, boolean callEscape, boolean returnParameter) {
        this.statements = List.copyOf(statements);
        this.parameterCount = parameterCount;
        this.callEscape = callEscape;
        this.returnParameter = returnParameter;
    }

    /** Parses {@code sql}; escapes are translated when {@code processEscapes}. */
    public static JdbcSql parse(String sql, boolean processEscapes) throws SQLException {
        return parse(sql, processEscapes, CallMode.SELECT);
    }

    /** Parses {@code sql}, sending {@code {call ...}} escapes as {@code callMode} says. */
    public static JdbcSql parse(String sql, boolean processEscapes, CallMode callMode) throws SQLException {
        return new SqlTranslator(sql, processEscapes, true, callMode).run();
    }

    /**
     * Parses the SQL of a plain {@code java.sql.Statement}, where {@code ?} is not a placeholder
     * and stays as written ({@code jsonb ? 'key'} works); {@code ??} still becomes {@code ?}, as in
     * pgjdbc, so the same text runs in a Statement and in a PreparedStatement.
     */
    public static JdbcSql parseStatement(String sql, boolean processEscapes) throws SQLException {
        return new SqlTranslator(sql, processEscapes, false, CallMode.SELECT).run();
    }

    /**
     * The SQL to send, with {@code $n} placeholders: the one statement, or the statements joined
     * by {@code ;} each numbering its placeholders from {@code $1} (what pgjdbc's
     * {@code Connection.nativeSQL} answers); empty for a text of only blanks and comments. To run
     * several statements with parameters, run {@link #statements()} one by one.
     */
    public String nativeSql() {
        if (statements.size() == 1) {
            return statements.get(0).sql();
        }
        StringBuilder b = new StringBuilder();
        for (SqlStatement st : statements) {
            if (b.length() > 0) {
                b.append(';');
            }
            b.append(st.sql());
        }
        return b.toString();
    }

    /** How many {@code ?} placeholders the whole text had (the JDBC parameter count). */
    public int parameterCount() {
        return parameterCount;
    }

    /** The statements, in order; empty when the text has only blanks and comments. */
    public List<SqlStatement> statements() {
        return statements;
    }

    /** How many statements the text holds. */
    public int statementCount() {
        return statements.size();
    }

    /** The first statement's first keyword, upper case, or {@code ""} when there is none. */
    public String command() {
        return statements.isEmpty() ? "" : statements.get(0).command();
    }

    /** Whether the text is one {@code INSERT} (also {@code WITH ... INSERT}). */
    public boolean isInsert() {
        return statements.size() == 1 && statements.get(0).isInsert();
    }

    /** Whether the text is one statement with its own top-level {@code RETURNING}. */
    public boolean hasReturning() {
        return statements.size() == 1 && statements.get(0).hasReturning();
    }

    /** Whether the text was a {@code {call ...}} or {@code {? = call ...}} escape. */
    public boolean isCallEscape() {
        return callEscape;
    }

    /**
     * Whether the text calls a routine: a call escape, or PostgreSQL's own {@code CALL} (whose
     * OUT and INOUT arguments come back as one row).
     */
    public boolean isCall() {
        return callEscape || (statements.size() == 1 && statements.get(0).command().equals("CALL"));
    }

    /** Whether the text was {@code {? = call ...}}: JDBC parameter 1 is the function's result. */
    public boolean hasReturnParameter() {
        return returnParameter;
    }

    @Override
    public String toString() {
        return nativeSql();
    }
}
