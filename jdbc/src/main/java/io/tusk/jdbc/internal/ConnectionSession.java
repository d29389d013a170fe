package io.tusk.jdbc.internal;

import io.tusk.Cursor;
import io.tusk.IsolationLevel;
import io.tusk.RawCursor;
import io.tusk.TransactionStatus;
import io.tusk.conninfo.Conninfo;
import io.tusk.rows.Row;
import java.sql.ClientInfoStatus;
import java.sql.Connection;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The session state behind a {@link JdbcConnection}: isolation level and read-only mode (as
 * pgjdbc sets them: session characteristics, so they hold in autocommit mode too), search path,
 * client info, and the round trips these need.
 */
final class ConnectionSession {
    /** pgjdbc's {@code PSQLState.ACTIVE_SQL_TRANSACTION}. */
    static final String ACTIVE_SQL_TRANSACTION = "25001";

    private final JdbcConnection owner;
    private final io.tusk.Connection conn;
    /** The level set through JDBC; 0 while unknown (then the server is asked). */
    private volatile int isolation;
    private volatile boolean readOnly;
    private Integer networkTimeout;

    ConnectionSession(JdbcConnection owner) {
        this.owner = owner;
        this.conn = owner.conn;
    }

    // ---- isolation

    int transactionIsolation() throws SQLException {
        int known = isolation;
        if (known != 0) {
            return known;
        }
        String level = queryOutsideTransaction("SHOW transaction_isolation");
        switch (level == null ? "" : level) {
            case "read uncommitted":
                return Connection.TRANSACTION_READ_UNCOMMITTED;
            case "repeatable read":
                return Connection.TRANSACTION_REPEATABLE_READ;
            case "serializable":
                return Connection.TRANSACTION_SERIALIZABLE;
            default:
                return Connection.TRANSACTION_READ_COMMITTED;
        }
    }

    /**
     * pgjdbc's way: {@code SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL ...}, sent
     * outside any transaction, so the level holds for autocommit statements and every later
     * transaction; refused in the middle of a transaction as pgjdbc does.
     */
    void setTransactionIsolation(int level) throws SQLException {
        IsolationLevel l;
        switch (level) {
            case Connection.TRANSACTION_READ_UNCOMMITTED -> l = IsolationLevel.READ_UNCOMMITTED;
            case Connection.TRANSACTION_READ_COMMITTED -> l = IsolationLevel.READ_COMMITTED;
            case Connection.TRANSACTION_REPEATABLE_READ -> l = IsolationLevel.REPEATABLE_READ;
            case Connection.TRANSACTION_SERIALIZABLE -> l = IsolationLevel.SERIALIZABLE;
            default -> throw new SQLFeatureNotSupportedException("Transaction isolation level " + level + " not supported:"
                    + " use READ_UNCOMMITTED, READ_COMMITTED, REPEATABLE_READ or SERIALIZABLE", JdbcErrors.NOT_IMPLEMENTED);
        }
        if (inTransaction()) {
            throw new SQLException("Cannot change transaction isolation level in the middle of a transaction.",
                    ACTIVE_SQL_TRANSACTION);
        }
        executeOutsideTransaction("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL " + l.name().replace('_', ' '));
        isolation = level;
    }

    // ---- read only

    boolean readOnly() {
        return readOnly;
    }

    /**
     * pgjdbc's {@code readOnlyMode}: {@code transaction} (default) starts transactions with
     * BEGIN READ ONLY (the native read-only characteristic); {@code always} also sets the
     * session's default, so autocommit statements are read-only too; {@code ignore} only records it.
     */
    void setReadOnly(boolean value) throws SQLException {
        if (inTransaction()) {
            throw new SQLException("Cannot change transaction read-only property in the middle of a transaction.",
                    ACTIVE_SQL_TRANSACTION);
        }
        String mode = owner.settings().readOnlyMode();
        try {
            if (!mode.equals("ignore")) {
                conn.setReadOnly(value ? Boolean.TRUE : null);
            }
            if (mode.equals("always")) {
                executeOutsideTransaction("SET SESSION CHARACTERISTICS AS TRANSACTION " + (value ? "READ ONLY" : "READ WRITE"));
            }
        } catch (RuntimeException e) {
            throw JdbcErrors.translate(e);
        }
        readOnly = value;
    }

    /** Whether a transaction is open (JDBC's "in the middle of a transaction"). */
    private boolean inTransaction() {
        return !conn.autocommit() && conn.info().transactionStatus() != TransactionStatus.IDLE;
    }

    // ---- schema and client info

    String schema() throws SQLException {
        return query("SELECT current_schema()");
    }

    /**
     * Sets the search path to exactly {@code schema}, quoted as an identifier so that what
     * {@code getSchema()} returned can be given back (pgjdbc sends it as a string, which the
     * server folds to lower case); null restores the server's default.
     */
    void setSchema(String schema) throws SQLException {
        if (schema == null) {
            execute("SET SESSION search_path TO DEFAULT");
        } else {
            query("SELECT set_config('search_path', $1, false)", '"' + schema.replace("\"", "\"\"") + '"');
        }
    }

    Properties clientInfo() {
        Properties p = new Properties();
        String app = conn.info().parameterStatus("application_name");
        p.setProperty("ApplicationName", app == null ? "" : app);
        return p;
    }

    /** pgjdbc's client info: ApplicationName is the session's application_name; other names get a warning. */
    void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (owner.isClosedQuietly()) {
            throw clientInfoFailure("This connection has been closed.", JdbcErrors.CONNECTION_DOES_NOT_EXIST, name, null);
        }
        if (!"ApplicationName".equals(name)) {
            owner.addWarning(new SQLWarning("ClientInfo property not supported: " + name + " (Tusk supports ApplicationName)",
                    "01000"));
            return;
        }
        try {
            queryOutsideTransaction("SELECT set_config('application_name', $1, false)", value == null ? "" : value);
            // the server reports application_name (ParameterStatus), so getClientInfo reads it back
        } catch (SQLException e) {
            throw clientInfoFailure(e.getMessage(), e.getSQLState(), name, e);
        }
    }

    void setClientInfo(Properties properties) throws SQLClientInfoException {
        String app = properties == null ? null : properties.getProperty("ApplicationName");
        setClientInfo("ApplicationName", app); // JDBC: a missing property is cleared
        if (properties != null) {
            for (String name : properties.stringPropertyNames()) {
                if (!name.equals("ApplicationName")) {
                    setClientInfo(name, properties.getProperty(name));
                }
            }
        }
    }

    private static SQLClientInfoException clientInfoFailure(String message, String state, String name, Throwable cause) {
        Map<String, ClientInfoStatus> failed = new HashMap<>();
        failed.put(name, ClientInfoStatus.REASON_UNKNOWN);
        return new SQLClientInfoException(message, state, 0, failed, cause);
    }

    // ---- network timeout

    /** The URL's socket_timeout in milliseconds, read from the connection's own connection string. */
    synchronized int networkTimeoutMillis() {
        if (networkTimeout == null) {
            int ms = 0;
            try {
                String s = Conninfo.parse(conn.info().dsn()).get("socket_timeout");
                ms = s == null ? 0 : (int) Math.min(Integer.MAX_VALUE, Integer.parseInt(s.strip()) * 1000L);
            } catch (RuntimeException e) {
                // a dsn Tusk wrote is always parseable; keep 0 ("none") if not
            }
            networkTimeout = ms;
        }
        return networkTimeout;
    }

    // ---- round trips

    /** An empty query: the cheapest round trip, answered even in a failed transaction. */
    void ping() throws SQLException {
        executeOutsideTransaction("");
    }

    /** Runs {@code sql} as any statement: outside autocommit it opens the transaction if none is open. */
    void execute(String sql) throws SQLException {
        try (Cursor<Row> c = conn.execute(sql)) {
            // nothing to read
        } catch (RuntimeException e) {
            throw JdbcErrors.translate(e);
        }
    }

    /** The first column of the first row of {@code sql} run with {@code $n} parameters. */
    String query(String sql, Object... params) throws SQLException {
        return run(sql, true, params);
    }

    private String run(String sql, boolean fetch, Object... params) throws SQLException {
        try (RawCursor<Row> c = conn.rawCursor()) {
            c.execute(sql, params);
            if (!fetch) {
                return null;
            }
            Row row = c.fetchone();
            return row == null ? null : row.getString(0);
        } catch (RuntimeException e) {
            throw JdbcErrors.translate(e);
        }
    }

    /**
     * {@link #query} without opening a transaction (pgjdbc's {@code QUERY_SUPPRESS_BEGIN}): when
     * autocommit is off and none is open, the statement runs in autocommit mode; inside a
     * transaction it runs there.
     */
    String queryOutsideTransaction(String sql, Object... params) throws SQLException {
        return outsideTransaction(sql, true, params);
    }

    private String outsideTransaction(String sql, boolean fetch, Object... params) throws SQLException {
        synchronized (owner) {
            if (conn.autocommit() || conn.info().transactionStatus() != TransactionStatus.IDLE) {
                return run(sql, fetch, params);
            }
            try {
                conn.setAutocommit(true);
            } catch (RuntimeException e) {
                throw JdbcErrors.translate(e);
            }
            try {
                return run(sql, fetch, params);
            } finally {
                try {
                    conn.setAutocommit(false);
                } catch (RuntimeException e) {
                    // the connection broke during the query: that error is the one reported
                }
            }
        }
    }

    private void executeOutsideTransaction(String sql) throws SQLException {
        outsideTransaction(sql, false);
    }
}
