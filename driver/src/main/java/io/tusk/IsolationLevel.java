package io.tusk;

/**
 * The isolation level of the transactions a connection starts: psycopg's {@code IsolationLevel}
 * (PostgreSQL, "Transaction Isolation").
 *
 * <pre>{@code
 * conn.setIsolationLevel(IsolationLevel.SERIALIZABLE);
 * conn.execute("SELECT 1");   // runs after BEGIN ISOLATION LEVEL SERIALIZABLE
 * }</pre>
 *
 * Set {@code null} instead to use the server's {@code default_transaction_isolation}.
 */
public enum IsolationLevel {
    READ_UNCOMMITTED("READ UNCOMMITTED"),
    READ_COMMITTED("READ COMMITTED"),
    REPEATABLE_READ("REPEATABLE READ"),
    SERIALIZABLE("SERIALIZABLE");

    private final String sql;

    IsolationLevel(String sql) {
        this.sql = sql;
    }

    /** The level as SQL spells it ({@code REPEATABLE READ}), also what {@code SHOW transaction_isolation} shows in lower case. */
    public String sql() {
        return sql;
    }
}
