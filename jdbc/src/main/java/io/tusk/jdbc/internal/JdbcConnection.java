package io.tusk.jdbc.internal;

import io.tusk.TransactionStatus;
import io.tusk.errors.Diagnostic;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/**
 * {@link java.sql.Connection} over a native {@link io.tusk.Connection}: JDBC's transaction rules
 * (autocommit on by default, commit/rollback refused in autocommit mode) on psycopg's model, plus
 * savepoints, session characteristics and warnings. Statements, result sets and metadata are
 * their own classes; session settings (isolation, read-only, schema, client info) live in
 * {@link ConnectionSession}.
 */
public class JdbcConnection implements java.sql.Connection {
    final io.tusk.Connection conn;
    final String url;
    private final JdbcSettings settings;
    private final ConnectionSession session;
    private final ConnectionWarnings warnings = new ConnectionWarnings();
    private final Consumer<Diagnostic> noticeHandler = warnings::notice;
    private volatile boolean closed;
    private int holdability = ResultSet.CLOSE_CURSORS_AT_COMMIT; // pgjdbc's default
    private int savepointCounter;

    /** A JDBC connection over {@code conn}, with the settings {@code url}'s own properties give (pgjdbc's defaults otherwise). */
    public JdbcConnection(io.tusk.Connection conn, String url) {
        this(conn, url, JdbcUrl.settingsOf(url));
    }

    /**
     * A JDBC connection over {@code conn}: autocommit on (JDBC's default, where psycopg's is off)
     * when no transaction is open, notices collected as warnings, {@code settings} applied.
     */
    public JdbcConnection(io.tusk.Connection conn, String url, JdbcSettings settings) {
        this.conn = conn;
        this.url = url;
        this.settings = settings;
        this.session = new ConnectionSession(this);
        conn.addNoticeHandler(noticeHandler);
        if (!conn.autocommit() && conn.info().transactionStatus() == TransactionStatus.IDLE) {
            conn.setAutocommit(true);
        }
        conn.setPrepareThreshold(settings.nativePrepareThreshold());
        if (settings.preparedStatementCacheQueries() != null) {
            conn.setPreparedMax(settings.preparedStatementCacheQueries());
        }
        conn.setRewriteBatchedInserts(settings.reWriteBatchedInserts());
    }

    /** As the constructor, then {@code readOnly} from the settings (which may need a round trip). */
    public static JdbcConnection open(io.tusk.Connection conn, String url, JdbcSettings settings) throws SQLException {
        JdbcConnection c;
        try {
            c = new JdbcConnection(conn, url, settings);
        } catch (RuntimeException e) {
            conn.close();
            throw JdbcErrors.translate(e);
        }
        if (settings.readOnly()) {
            try {
                c.setReadOnly(true);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    /** The native connection this JDBC connection runs on. */
    public io.tusk.Connection nativeConnection() {
        return conn;
    }

    /** The URL's JDBC-only settings (fetch size, stringtype, escape call mode, ...). */
    public JdbcSettings settings() {
        return settings;
    }

    /** Raises pgjdbc's 08003 when the connection is closed (by close, abort, or a broken link). */
    public void checkOpen() throws SQLException {
        if (closed || conn.isClosed()) {
            throw JdbcErrors.connectionClosed();
        }
    }

    boolean isClosedQuietly() {
        return closed || conn.isClosed();
    }

    /** Adds a warning to this connection's chain (what {@link #getWarnings()} returns). */
    public void addWarning(SQLWarning w) {
        warnings.add(w);
    }

    /**
     * Sends the server's notices to {@code sink} (a running statement's warnings) instead of the
     * connection's chain until called again with null; returns the previous sink.
     */
    public Consumer<SQLWarning> redirectNotices(Consumer<SQLWarning> sink) {
        return warnings.redirect(sink);
    }

    // ---- statements

    @Override
    public Statement createStatement() throws SQLException {
        return createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, holdability);
    }

    @Override
    public Statement createStatement(int type, int concurrency) throws SQLException {
        return createStatement(type, concurrency, holdability);
    }

    @Override
    public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
        checkOpen();
        ResultSetKind k = ResultSetKind.of(type, concurrency, holdability, this);
        return new JdbcStatement(this, k.type(), k.concurrency(), k.holdability());
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, holdability);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
        return prepareStatement(sql, type, concurrency, holdability);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability) throws SQLException {
        checkOpen();
        ResultSetKind k = ResultSetKind.of(type, concurrency, holdability, this);
        return new JdbcPreparedStatement(this, sql, k.type(), k.concurrency(), k.holdability());
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys == Statement.NO_GENERATED_KEYS) {
            return prepareStatement(sql);
        }
        if (autoGeneratedKeys != Statement.RETURN_GENERATED_KEYS) {
            throw new SQLException("Invalid autoGeneratedKeys value " + autoGeneratedKeys + ": use Statement.RETURN_GENERATED_KEYS"
                    + " or Statement.NO_GENERATED_KEYS", JdbcErrors.INVALID_PARAMETER_VALUE);
        }
        return withGeneratedKeys(sql, null);
    }

    /** pgjdbc refuses keys by column index too: PostgreSQL's RETURNING names columns, and an index would need the table's catalog. */
    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        if (columnIndexes != null && columnIndexes.length == 0) {
            return prepareStatement(sql);
        }
        checkOpen();
        throw new SQLFeatureNotSupportedException("Returning autogenerated keys by column index is not supported: pass the"
                + " column names (prepareStatement(sql, String[])) or Statement.RETURN_GENERATED_KEYS", JdbcErrors.NOT_IMPLEMENTED);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        if (columnNames != null && columnNames.length == 0) {
            return prepareStatement(sql);
        }
        return withGeneratedKeys(sql, columnNames);
    }

    private PreparedStatement withGeneratedKeys(String sql, String[] columnsOrNullForAll) throws SQLException {
        checkOpen();
        JdbcPreparedStatement ps = new JdbcPreparedStatement(this, sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY,
                holdability);
        ps.requestGeneratedKeys(columnsOrNullForAll);
        return ps;
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        return prepareCall(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, holdability);
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
        return prepareCall(sql, type, concurrency, holdability);
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability) throws SQLException {
        checkOpen();
        ResultSetKind k = ResultSetKind.of(type, concurrency, holdability, this);
        return new JdbcCallableStatement(this, sql, k.type(), k.concurrency(), k.holdability());
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        checkOpen();
        return JdbcSql.parse(sql, true).nativeSql();
    }

    // ---- transactions

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return conn.autocommit();
    }

    /** JDBC: "If this method is called during a transaction and the auto-commit mode is changed, the transaction is committed." */
    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        try {
            if (autoCommit == conn.autocommit()) {
                return;
            }
            if (autoCommit) {
                conn.commit();
            }
            conn.setAutocommit(autoCommit);
        } catch (RuntimeException e) {
            throw JdbcErrors.translate(e);
        }
    }

    @Override
    public void commit() throws SQLException {
        checkOpen();
        if (conn.autocommit()) {
            throw new SQLException("Cannot commit when autoCommit is enabled.", JdbcErrors.NO_ACTIVE_SQL_TRANSACTION);
        }
        try {
            conn.commit();
        } catch (RuntimeException e) {
            throw JdbcErrors.translate(e);
        }
    }

    @Override
    public void rollback() throws SQLException {
        checkOpen();
        if (conn.autocommit()) {
            throw new SQLException("Cannot rollback when autoCommit is enabled.", JdbcErrors.NO_ACTIVE_SQL_TRANSACTION);
        }
        try {
            conn.rollback();
        } catch (RuntimeException e) {
            throw JdbcErrors.translate(e);
        }
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return savepoint(null);
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        if (name == null) {
            throw new SQLException("The savepoint name is null: pass a name, or call setSavepoint() for an unnamed one",
                    JdbcErrors.INVALID_PARAMETER_VALUE);
        }
        return savepoint(name);
    }

    private Savepoint savepoint(String name) throws SQLException {
        checkOpen();
        if (conn.autocommit()) {
            throw new SQLException("Cannot establish a savepoint in auto-commit mode.", JdbcErrors.NO_ACTIVE_SQL_TRANSACTION);
        }
        JdbcSavepoint sp;
        synchronized (this) {
            sp = new JdbcSavepoint(savepointCounter++, name, this); // from 0, as pgjdbc
        }
        session.execute("SAVEPOINT " + sp.sqlName()); // opens the transaction first if none is (BEGIN), as pgjdbc
        return sp;
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        checkOpen();
        JdbcSavepoint sp = own(savepoint);
        if (conn.autocommit()) {
            throw new SQLException("Cannot rollback when autoCommit is enabled.", JdbcErrors.NO_ACTIVE_SQL_TRANSACTION);
        }
        session.execute("ROLLBACK TO SAVEPOINT " + sp.sqlName());
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        checkOpen();
        JdbcSavepoint sp = own(savepoint);
        if (conn.autocommit()) {
            throw new SQLException("Cannot release a savepoint when autoCommit is enabled.", JdbcErrors.NO_ACTIVE_SQL_TRANSACTION);
        }
        session.execute("RELEASE SAVEPOINT " + sp.sqlName());
        sp.release();
    }

    private JdbcSavepoint own(Savepoint savepoint) throws SQLException {
        if (!(savepoint instanceof JdbcSavepoint) || !((JdbcSavepoint) savepoint).ownedBy(this)) {
            throw new SQLException("The savepoint " + savepoint + " was not made by this connection: pass one that"
                    + " setSavepoint returned here", JdbcErrors.INVALID_PARAMETER_VALUE);
        }
        return (JdbcSavepoint) savepoint;
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return session.transactionIsolation();
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        session.setTransactionIsolation(level);
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return session.readOnly();
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        checkOpen();
        session.setReadOnly(readOnly);
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return holdability;
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
        this.holdability = ResultSetKind.holdability(holdability);
    }

    // ---- session

    /** PostgreSQL has no catalogs a session can switch between: the database's name, as pgjdbc. */
    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return conn.info().dbname();
    }

    /** JDBC: a driver without catalogs "will silently ignore this request". */
    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        return session.schema();
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
        session.setSchema(schema);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        checkOpen();
        return session.clientInfo();
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        checkOpen();
        return session.clientInfo().getProperty(name);
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        session.setClientInfo(name, value);
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        session.setClientInfo(properties);
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        checkOpen();
        return new java.util.HashMap<>();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        checkOpen();
        if (map != null && !map.isEmpty()) {
            throw new SQLFeatureNotSupportedException("Custom type maps are not supported: read composites with"
                    + " getObject (a java.sql.Struct) or getObject(i, Class)", JdbcErrors.NOT_IMPLEMENTED);
        }
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return warnings.get();
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
        warnings.clear();
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new JdbcDatabaseMetaData(this);
    }

    // ---- life cycle

    /**
     * A round trip (an empty query, which even a failed transaction answers) bounded by
     * {@code timeout} seconds: when no answer comes in time the connection is closed, as
     * pgjdbc's socket timeout ends it, and this returns false.
     */
    @Override
    public boolean isValid(int timeout) throws SQLException {
        if (timeout < 0) {
            throw new SQLException("Invalid timeout (" + timeout + "<0).", JdbcErrors.INVALID_PARAMETER_VALUE);
        }
        if (isClosed()) {
            return false;
        }
        ScheduledFuture<?> watchdog = timeout == 0 ? null : ConnectionWatchdog.after(timeout * 1000L, conn::close);
        try {
            session.ping();
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
        }
    }

    /** Closes the connection; an open transaction is rolled back (the native close). Calling it again does nothing. */
    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            conn.removeNoticeHandler(noticeHandler);
            conn.close();
        } catch (RuntimeException e) {
            throw JdbcErrors.translate(e);
        }
    }

    @Override
    public boolean isClosed() throws SQLException {
        return closed || conn.isClosed();
    }

    /** Marks the connection closed at once and closes the socket on {@code executor} (even under a running statement). */
    @Override
    public void abort(Executor executor) throws SQLException {
        if (executor == null) {
            throw new SQLException("Connection.abort needs an Executor, not null", JdbcErrors.INVALID_PARAMETER_VALUE);
        }
        if (closed) {
            return;
        }
        closed = true;
        executor.execute(conn::close);
    }

    /**
     * The socket read timeout ({@code socketTimeout}/{@code socket_timeout} of the URL) in
     * milliseconds; 0 for none.
     */
    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return session.networkTimeoutMillis();
    }

    /**
     * Refused unless it leaves the timeout as it is: the native API sets the socket read timeout
     * only when connecting (the URL's {@code socketTimeout}); it has no call to change it later.
     */
    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen();
        if (milliseconds < 0) {
            throw new SQLException("Network timeout must be a value greater than or equal to 0.", JdbcErrors.INVALID_PARAMETER_VALUE);
        }
        if (milliseconds != session.networkTimeoutMillis()) {
            throw new SQLFeatureNotSupportedException("setNetworkTimeout is not supported: Tusk sets the socket read timeout"
                    + " when connecting; give socketTimeout (seconds) in the jdbc:tusk: URL", JdbcErrors.NOT_IMPLEMENTED);
        }
    }

    // ---- wrappers

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface != null && (iface.isInstance(this) || iface.isInstance(conn));
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface != null && iface.isInstance(this)) {
            return iface.cast(this);
        }
        if (iface != null && iface.isInstance(conn)) {
            return iface.cast(conn);
        }
        throw new SQLException("Cannot unwrap to " + (iface == null ? "null" : iface.getName()) + ": a Tusk JDBC connection"
                + " unwraps to java.sql.Connection and io.tusk.Connection", JdbcErrors.INVALID_PARAMETER_TYPE);
    }

    // ---- values (the rs helper's classes; wired by the lead)

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        checkOpen();
        return JdbcValues.createArrayOf(this, typeName, elements);
    }

    @Override
    public Blob createBlob() throws SQLException {
        checkOpen();
        return JdbcValues.createBlob();
    }

    @Override
    public Clob createClob() throws SQLException {
        checkOpen();
        return JdbcValues.createClob();
    }

    @Override
    public NClob createNClob() throws SQLException {
        checkOpen();
        return JdbcValues.createNClob();
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        checkOpen();
        return JdbcValues.createSQLXML();
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        checkOpen();
        return JdbcValues.createStruct(typeName, attributes);
    }

    @Override
    public String toString() {
        return "JdbcConnection[" + JdbcUrl.safeUrl(url) + "]";
    }
}
