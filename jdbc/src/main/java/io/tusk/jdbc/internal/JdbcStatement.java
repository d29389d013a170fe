package io.tusk.jdbc.internal;

import io.tusk.Cursor;
import io.tusk.RawCursor;
import io.tusk.ServerCursor;
import io.tusk.errors.TuskException;
import io.tusk.rows.Row;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import io.tusk.Pipeline;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code java.sql.Statement} over a native {@link RawCursor}: SQL without parameters runs as the
 * native API runs it (the simple query protocol, so one string may hold several statements,
 * walked with {@code getMoreResults}). The cursor is made once and reused by every execution;
 * each execution closes the previous result set, as JDBC requires.
 */
public class JdbcStatement extends StatementSettings {
    private static final AtomicLong PORTALS = new AtomicLong();

    final JdbcConnection connection;
    final io.tusk.Connection conn;
    final int resultSetType;
    final int resultSetConcurrency;
    final int resultSetHoldability;
    private final StatementWarnings notices;

    private RawCursor<Row> cursor;
    /** The cursor whose further results {@code getMoreResults} walks; null when there are none. */
    private Cursor<Row> results;
    /** The cursors of the following statements of a text run one statement at a time. */
    private ArrayDeque<Cursor<Row>> moreCursors;
    private JdbcResultSet result;
    private RowSource resultRows;
    private long updateCount = -1;
    private JdbcResultSet generatedKeys;
    private SQLWarning warnings;
    private List<String> batch;

    private boolean closed;
    private volatile boolean executing;
    private boolean closeOnCompletion;

    public JdbcStatement(JdbcConnection connection, int resultSetType, int resultSetConcurrency, int resultSetHoldability) {
        this.connection = connection;
        this.conn = connection.conn;
        this.resultSetType = resultSetType;
        this.resultSetConcurrency = resultSetConcurrency;
        this.resultSetHoldability = resultSetHoldability;
        this.notices = StatementWarnings.of(conn);
    }

    // ---- running

    @Override
    final void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("This statement has been closed.", "55000");
        }
    }

    /** The statement's native cursor, made at its first execution. */
    final RawCursor<Row> cursor() {
        RawCursor<Row> c = cursor;
        if (c == null) {
            c = conn.rawCursor();
            cursor = c;
        }
        return c;
    }

    /**
     * Runs {@code sql} ({@code params} null: as text, several statements allowed) and makes its
     * first result current; true when that is a result set. With {@code keys} the rows the
     * statement returns are its generated keys and the update count is its result.
     */
    final boolean run(String sql, Object[] params, boolean keys) throws SQLException {
        return run(sql, params, keys, false);
    }

    /** {@link #run(String, Object[], boolean)}; {@code declarable} when the SQL may be read from a cursor in batches. */
    final boolean run(String sql, Object[] params, boolean keys, boolean declarable) throws SQLException {
        checkOpen();
        closeResults();
        JdbcStatement before = notices.start(this);
        QueryTimer timer = QueryTimer.start(conn, queryTimeout);
        executing = true;
        try {
            if (declarable && !keys && fetchSize > 0 && resultSetType == ResultSet.TYPE_FORWARD_ONLY && !conn.autocommit()) {
                openPortal(sql, params);
                return true;
            }
            RawCursor<Row> cur = cursor();
            if (params == null) {
                cur.execute(sql);
            } else {
                cur.execute(sql, params);
            }
            if (keys) {
                updateCount = countOf(cur);
                if (cur.description() != null) {
                    generatedKeys = resultSet(new ResultRows(null, cur, 0, false), ResultSet.TYPE_FORWARD_ONLY);
                }
                return false;
            }
            results = cur;
            return takeCurrent(cur);
        } catch (TuskException e) {
            throw timer != null ? timer.translate(e) : JdbcErrors.translate(e);
        } catch (RuntimeException e) {
            throw StatementSql.unexpected(e);
        } finally {
            executing = false;
            if (timer != null) {
                timer.finish();
            }
            notices.end(before);
        }
    }

    /**
     * Runs several statements, each with its own parameters (the extended protocol takes one
     * statement per Parse), in one pipeline: one round trip and, in autocommit mode, one implicit
     * transaction, as pgjdbc sends them. Their results are walked with getMoreResults.
     */
    final boolean runEach(List<SqlStatement> statements, Object[] values) throws SQLException {
        checkOpen();
        closeResults();
        JdbcStatement before = notices.start(this);
        QueryTimer timer = QueryTimer.start(conn, queryTimeout);
        executing = true;
        ArrayDeque<Cursor<Row>> cursors = new ArrayDeque<>();
        try {
            try (Pipeline p = conn.pipeline()) {
                for (SqlStatement st : statements) {
                    RawCursor<Row> c = cursors.isEmpty() ? cursor() : conn.rawCursor();
                    cursors.add(c);
                    c.execute(st.sql(), Arrays.copyOfRange(values, st.firstParameter(), st.firstParameter() + st.parameterCount()));
                }
            }
            results = cursors.poll();
            moreCursors = cursors;
            return takeCurrent(results);
        } catch (TuskException e) {
            cursors.poll();
            cursors.forEach(Cursor::close);
            throw timer != null ? timer.translate(e) : JdbcErrors.translate(e);
        } catch (RuntimeException e) {
            throw StatementSql.unexpected(e);
        } finally {
            executing = false;
            if (timer != null) {
                timer.finish();
            }
            notices.end(before);
        }
    }

    /** DECLAREs the query as a named cursor in the open transaction and reads its first batch. */
    private void openPortal(String sql, Object[] params) throws SQLException {
        String name = "tusk_jdbc_" + PORTALS.incrementAndGet();
        String declare = "DECLARE \"" + name + "\" NO SCROLL CURSOR FOR " + sql;
        RawCursor<Row> cur = cursor();
        if (params == null || params.length == 0) {
            cur.execute(declare);
        } else {
            cur.execute(declare, params);
        }
        ServerCursor<Row> portal = conn.cursor(name);
        PortalRows rows = new PortalRows(this, portal, fetchSize, maxRows);
        resultRows = rows;
        result = resultSet(rows, resultSetType);
    }

    /** Makes the cursor's current result this statement's: a result set, or an update count. */
    private boolean takeCurrent(Cursor<Row> cur) throws SQLException {
        if (cur.description() != null) {
            ResultRows rows = new ResultRows(this, cur, maxRows, false);
            resultRows = rows;
            result = resultSet(rows, resultSetType);
            updateCount = -1;
            return true;
        }
        updateCount = countOf(cur);
        return false;
    }

    final JdbcResultSet resultSet(RowSource rows, int type) throws SQLException {
        return new JdbcResultSet(this, rows, type, resultSetConcurrency);
    }

    /** The command tag's row count; 0 for commands without one (CREATE TABLE), as pgjdbc. */
    static long countOf(Cursor<Row> cur) {
        long n = cur.rowcount();
        return n < 0 ? 0 : n;
    }

    /** Closes what the previous execution left: its result set and its generated keys. */
    final void closeResults() throws SQLException {
        results = null;
        ArrayDeque<Cursor<Row>> more = moreCursors;
        moreCursors = null;
        if (more != null) {
            more.forEach(Cursor::close);
        }
        updateCount = -1;
        JdbcResultSet r = result;
        JdbcResultSet k = generatedKeys;
        result = null;
        resultRows = null;
        generatedKeys = null;
        if (r != null) {
            r.close();
        }
        if (k != null) {
            k.close();
        }
    }

    /** Called by this statement's rows when their result set closes (closeOnCompletion). */
    final void resultClosed(RowSource rows) throws SQLException {
        if (closeOnCompletion && rows == resultRows && !closed) {
            resultRows = null;
            result = null;
            close();
        }
    }

    final void addWarning(SQLWarning w) {
        if (warnings == null) {
            warnings = w;
        } else {
            warnings.setNextWarning(w);
        }
    }

    /** The SQL of a Statement: JDBC escapes translated unless switched off; {@code ?} stays as written. */
    private JdbcSql textSql(String sql) throws SQLException {
        if (sql == null) {
            throw new SQLException("The SQL statement is null: pass the SQL to run.", "22023");
        }
        return StatementSql.forStatement(sql, escapeProcessing);
    }

    // ---- java.sql.Statement: execute

    @Override
    public boolean execute(String sql) throws SQLException {
        JdbcSql parsed = textSql(sql);
        return run(parsed.nativeSql(), null, false, StatementSql.declarable(parsed));
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        if (!execute(sql)) {
            throw StatementSql.noResults();
        }
        checkSingleResult();
        return result;
    }

    /** executeQuery returns one result set: a text that made more fails, as pgjdbc (SQLSTATE 0100E). */
    final void checkSingleResult() throws SQLException {
        Cursor<Row> cur = results;
        boolean more;
        try {
            more = (moreCursors != null && !moreCursors.isEmpty()) || (cur != null && cur.nextset());
        } catch (TuskException e) {
            throw JdbcErrors.translate(e);
        }
        if (more) {
            closeResults();
            throw new SQLException("Multiple ResultSets were returned by the query.", "0100E");
        }
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return (int) Math.min(Integer.MAX_VALUE, executeLargeUpdate(sql));
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        if (execute(sql)) {
            throw StatementSql.resultWhenNoneExpected();
        }
        return updateCount;
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        return autoGeneratedKeys == RETURN_GENERATED_KEYS ? executeWithKeys(sql, GeneratedKeys.ALL) : execute(sql);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        GeneratedKeys.checkNoIndexes(columnIndexes);
        return execute(sql);
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        return executeWithKeys(sql, columnNames == null ? GeneratedKeys.ALL : columnNames);
    }

    private boolean executeWithKeys(String sql, String[] columns) throws SQLException {
        JdbcSql parsed = textSql(sql);
        String returning = GeneratedKeys.returning(parsed, columns);
        return returning == null ? run(parsed.nativeSql(), null, false, StatementSql.declarable(parsed)) : run(returning, null, true);
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return (int) Math.min(Integer.MAX_VALUE, executeLargeUpdate(sql, autoGeneratedKeys));
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        GeneratedKeys.checkNoIndexes(columnIndexes);
        return executeUpdate(sql);
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        return (int) Math.min(Integer.MAX_VALUE, executeLargeUpdate(sql, columnNames));
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        if (execute(sql, autoGeneratedKeys)) {
            throw StatementSql.resultWhenNoneExpected();
        }
        return updateCount;
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        GeneratedKeys.checkNoIndexes(columnIndexes);
        return executeLargeUpdate(sql);
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        if (execute(sql, columnNames)) {
            throw StatementSql.resultWhenNoneExpected();
        }
        return updateCount;
    }

    // ---- results

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        return result;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        return (int) Math.min(Integer.MAX_VALUE, getLargeUpdateCount());
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        checkOpen();
        return result != null ? -1 : updateCount;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return getMoreResults(CLOSE_CURRENT_RESULT);
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        checkOpen();
        JdbcResultSet r = result;
        RowSource rows = resultRows;
        result = null;
        resultRows = null;
        if (r != null) {
            if (current == KEEP_CURRENT_RESULT && rows instanceof ResultRows rr) {
                rr.detach();
            } else if (current != KEEP_CURRENT_RESULT) {
                r.close();
            }
        }
        Cursor<Row> cur = results;
        try {
            while (cur != null && !cur.nextset()) {
                cur = moreCursors == null ? null : moreCursors.poll();
                if (cur != null) {
                    results = cur;
                    return takeCurrent(cur);
                }
            }
            if (cur == null) {
                results = null;
                updateCount = -1;
                return false;
            }
            return takeCurrent(cur);
        } catch (TuskException e) {
            throw JdbcErrors.translate(e);
        }
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        checkOpen();
        if (generatedKeys == null) {
            generatedKeys = resultSet(new ListRows(List.of(), List.of()), ResultSet.TYPE_FORWARD_ONLY);
        }
        return generatedKeys;
    }

    final void setGeneratedKeys(JdbcResultSet keys, long count) {
        this.generatedKeys = keys;
        this.updateCount = count;
    }

    // ---- batches

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        if (batch == null) {
            batch = new ArrayList<>();
        }
        batch.add(textSql(sql).nativeSql());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch = null;
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return BatchCounts.narrow(executeLargeBatch());
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        closeResults();
        List<String> sqls = batch;
        batch = null;
        if (sqls == null || sqls.isEmpty()) {
            return new long[0];
        }
        JdbcStatement before = notices.start(this);
        QueryTimer timer = QueryTimer.start(conn, queryTimeout);
        executing = true;
        try {
            return TextBatch.run(conn, sqls, timer);
        } finally {
            executing = false;
            if (timer != null) {
                timer.finish();
            }
            notices.end(before);
        }
    }

    /** Runs a prepared statement's batch under this statement's timeout and warnings. */
    final long[] runBatch(PreparedBatch b) throws SQLException {
        checkOpen();
        closeResults();
        JdbcStatement before = notices.start(this);
        QueryTimer timer = QueryTimer.start(conn, queryTimeout);
        executing = true;
        try {
            return b.run(this, timer);
        } finally {
            executing = false;
            if (timer != null) {
                timer.finish();
            }
            notices.end(before);
        }
    }

    // ---- lifecycle

    @Override
    public void cancel() throws SQLException {
        checkOpen();
        if (executing) {
            try {
                conn.cancel();
            } catch (TuskException e) {
                throw JdbcErrors.translate(e);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        try {
            closeResults();
        } finally {
            closed = true;
            batch = null;
            RawCursor<Row> c = cursor;
            cursor = null;
            if (c != null) {
                try {
                    c.close();
                } catch (TuskException e) {
                    // the connection is gone: nothing is left to release
                }
            }
        }
    }

    @Override
    public boolean isClosed() throws SQLException {
        return closed;
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        return closeOnCompletion;
    }

    @Override
    public java.sql.Connection getConnection() throws SQLException {
        checkOpen();
        return connection;
    }

    // ---- warnings

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return warnings;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
        warnings = null;
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        checkOpen();
        return resultSetConcurrency;
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        checkOpen();
        return resultSetHoldability;
    }

    @Override
    public int getResultSetType() throws SQLException {
        checkOpen();
        return resultSetType;
    }

    // ---- wrapper

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("This statement is not a wrapper for " + iface.getName() + ".", "22023");
    }
}
