package io.tusk.jdbc.internal;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ParameterMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLType;
import java.util.Calendar;

/**
 * {@code java.sql.PreparedStatement}: the SQL is parsed once, here ({@code ?} become {@code $n}),
 * and each execution binds the parameters on the server through the statement's native
 * {@link io.tusk.RawCursor}; when the statement is prepared on the server is the native API's
 * decision (the connection's prepare threshold). Values go through Tusk's adapters.
 */
public class JdbcPreparedStatement extends JdbcStatement implements java.sql.PreparedStatement {
    final String sql;
    final String nativeSql;
    final Parameters params;
    /** The parsed SQL; null when it could not be parsed ({@link #invalidSql}). */
    final JdbcSql parsed;
    /** Whether the statement may be read from a server-side cursor in batches (setFetchSize). */
    private final boolean declarable;
    /** Several statements with parameters: each runs with its own, in one pipeline. */
    private final boolean multiWithParameters;
    /** The SQL with its RETURNING clause once generated keys were asked for; null otherwise. */
    private String keysSql;
    private PreparedBatch batch;
    /**
     * Why the SQL could not be parsed (an unknown escape, say), raised by every later use: the
     * constructor's signature is shared with the classes that create statements and throws nothing.
     */
    private final SQLException invalidSql;

    public JdbcPreparedStatement(JdbcConnection connection, String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) {
        super(connection, resultSetType, resultSetConcurrency, resultSetHoldability);
        this.sql = sql;
        JdbcSql p = null;
        SQLException invalid = null;
        try {
            if (sql == null) {
                throw new SQLException("The SQL statement is null: pass the SQL to prepare.", "22023");
            }
            p = JdbcSql.parse(sql, true);
        } catch (SQLException e) {
            invalid = e;
        }
        this.invalidSql = invalid;
        this.parsed = p;
        this.nativeSql = p == null ? sql : p.nativeSql();
        this.params = new Parameters(p == null ? 0 : p.parameterCount());
        this.declarable = StatementSql.declarable(p);
        this.multiWithParameters = p != null && p.statementCount() > 1 && p.parameterCount() > 0;
    }

    /** Raises why the SQL could not be parsed, if it could not. */
    final void checkSql() throws SQLException {
        if (invalidSql != null) {
            throw new SQLException(invalidSql.getMessage(), invalidSql.getSQLState(), invalidSql);
        }
    }

    /**
     * Asks for generated keys at every execution ({@code Connection.prepareStatement(sql,
     * RETURN_GENERATED_KEYS)} or with column names): {@code columnsOrNullForAll} null or empty
     * appends {@code RETURNING *}, names append {@code RETURNING "name", ...}. A statement that is
     * not an INSERT, UPDATE or DELETE runs unchanged, as in pgjdbc.
     */
    public void requestGeneratedKeys(String[] columnsOrNullForAll) {
        keysSql = parsed == null ? null
                : GeneratedKeys.returning(parsed, columnsOrNullForAll == null ? GeneratedKeys.ALL : columnsOrNullForAll);
    }

    // ---- execute

    @Override
    public boolean execute() throws SQLException {
        checkOpen();   // a closed statement says so before any complaint about its parameters
        checkSql();
        if (keysSql != null) {
            return run(keysSql, params.bound(), true);
        }
        if (multiWithParameters) {
            return runEach(parsed.statements(), params.bound());
        }
        return run(nativeSql, params.bound(), false, declarable);
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        if (!execute()) {
            throw StatementSql.noResults();
        }
        return getResultSet();
    }

    @Override
    public int executeUpdate() throws SQLException {
        return (int) Math.min(Integer.MAX_VALUE, executeLargeUpdate());
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        if (execute()) {
            throw StatementSql.resultWhenNoneExpected();
        }
        return getLargeUpdateCount();
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        checkSql();
        if (batch == null) {
            batch = new PreparedBatch(nativeSql, params.count(), keysSql,
                    parsed != null && parsed.statementCount() == 1 && parsed.statements().get(0).isRewritableInsert());
        }
        batch.add(params.copy());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch = null;
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        PreparedBatch b = batch;
        batch = null;
        return b == null ? new long[0] : runBatch(b);
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return BatchCounts.narrow(executeLargeBatch());
    }

    // ---- the Statement methods that take SQL are refused, as pgjdbc refuses them

    @Override
    public boolean execute(String sql) throws SQLException {
        throw StatementErrors.refusedWithSql("execute(String)");
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw StatementErrors.refusedWithSql("executeQuery(String)");
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        throw StatementErrors.refusedWithSql("executeUpdate(String)");
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        throw StatementErrors.refusedWithSql("executeLargeUpdate(String)");
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        throw StatementErrors.refusedWithSql("addBatch(String)");
    }

    // ---- metadata

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        ResultSet rs = getResultSet();
        if (rs != null) {
            return rs.getMetaData();
        }
        return StatementDescribe.resultMetaData(this);
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        checkSql();
        return StatementDescribe.parameterMetaData(this);
    }

    // ---- parameters

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        params.clear();
    }

    private void set(int index, Object value) throws SQLException {
        checkOpen();
        checkSql();
        params.set(index, BindTypes.byClass(value));
    }

    @Override
    public void setNull(int index, int sqlType) throws SQLException {
        checkOpen();
        checkSql();
        params.set(index, BindTypes.nullOf(sqlType));
    }

    @Override
    public void setNull(int index, int sqlType, String typeName) throws SQLException {
        checkOpen();
        checkSql();
        params.set(index, BindTypes.nullOf(sqlType));
    }

    @Override
    public void setBoolean(int index, boolean x) throws SQLException {
        set(index, x);
    }

    /** A byte is a smallint, as in pgjdbc (PostgreSQL has no one-byte integer). */
    @Override
    public void setByte(int index, byte x) throws SQLException {
        set(index, (short) x);
    }

    @Override
    public void setShort(int index, short x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setInt(int index, int x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setLong(int index, long x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setFloat(int index, float x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setDouble(int index, double x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setBigDecimal(int index, BigDecimal x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setString(int index, String x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setNString(int index, String x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setBytes(int index, byte[] x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setDate(int index, java.sql.Date x) throws SQLException {
        set(index, BindValues.date(x, null));
    }

    @Override
    public void setDate(int index, java.sql.Date x, Calendar cal) throws SQLException {
        set(index, BindValues.date(x, cal));
    }

    @Override
    public void setTime(int index, java.sql.Time x) throws SQLException {
        set(index, BindValues.time(x, null));
    }

    @Override
    public void setTime(int index, java.sql.Time x, Calendar cal) throws SQLException {
        set(index, BindValues.time(x, cal));
    }

    @Override
    public void setTimestamp(int index, java.sql.Timestamp x) throws SQLException {
        set(index, BindValues.timestamp(x, null));
    }

    @Override
    public void setTimestamp(int index, java.sql.Timestamp x, Calendar cal) throws SQLException {
        set(index, BindValues.timestamp(x, cal));
    }

    @Override
    public void setObject(int index, Object x) throws SQLException {
        checkOpen();
        checkSql();
        if (x instanceof JdbcArray a) {
            params.set(index, BindTypes.arrayOf(a.elements(), a.getBaseTypeName()));
            return;
        }
        params.set(index, BindTypes.byClass(ParameterValues.forObject(BindTypes.boxed(x))));
    }

    @Override
    public void setObject(int index, Object x, int targetSqlType) throws SQLException {
        checkOpen();
        checkSql();
        params.set(index, BindTypes.bySqlType(ParameterValues.forSqlType(x, targetSqlType, -1), targetSqlType));
    }

    @Override
    public void setObject(int index, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        checkOpen();
        checkSql();
        params.set(index, BindTypes.bySqlType(ParameterValues.forSqlType(x, targetSqlType, scaleOrLength), targetSqlType));
    }

    @Override
    public void setObject(int index, Object x, SQLType targetSqlType) throws SQLException {
        setObject(index, x, vendorNumber(targetSqlType));
    }

    @Override
    public void setObject(int index, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        setObject(index, x, vendorNumber(targetSqlType), scaleOrLength);
    }

    private static int vendorNumber(SQLType type) throws SQLException {
        Integer n = type == null ? null : type.getVendorTypeNumber();
        if (n == null) {
            throw new java.sql.SQLFeatureNotSupportedException("SQLType " + type + " has no java.sql.Types number:"
                    + " use a java.sql.JDBCType.", "0A000");
        }
        return n;
    }

    @Override
    public void setArray(int index, java.sql.Array x) throws SQLException {
        setObject(index, x);
    }

    @Override
    public void setBlob(int index, java.sql.Blob x) throws SQLException {
        setObject(index, x);
    }

    @Override
    public void setBlob(int index, InputStream in, long length) throws SQLException {
        set(index, BindValues.bytes(in, length));
    }

    @Override
    public void setBlob(int index, InputStream in) throws SQLException {
        set(index, BindValues.bytes(in, -1));
    }

    @Override
    public void setClob(int index, java.sql.Clob x) throws SQLException {
        setObject(index, x);
    }

    @Override
    public void setClob(int index, Reader reader, long length) throws SQLException {
        set(index, BindValues.chars(reader, length));
    }

    @Override
    public void setClob(int index, Reader reader) throws SQLException {
        set(index, BindValues.chars(reader, -1));
    }

    @Override
    public void setNClob(int index, java.sql.NClob x) throws SQLException {
        setObject(index, x);
    }

    @Override
    public void setNClob(int index, Reader reader, long length) throws SQLException {
        set(index, BindValues.chars(reader, length));
    }

    @Override
    public void setNClob(int index, Reader reader) throws SQLException {
        set(index, BindValues.chars(reader, -1));
    }

    @Override
    public void setBinaryStream(int index, InputStream in, int length) throws SQLException {
        set(index, BindValues.bytes(in, length));
    }

    @Override
    public void setBinaryStream(int index, InputStream in, long length) throws SQLException {
        set(index, BindValues.bytes(in, length));
    }

    @Override
    public void setBinaryStream(int index, InputStream in) throws SQLException {
        set(index, BindValues.bytes(in, -1));
    }

    @Override
    public void setAsciiStream(int index, InputStream in, int length) throws SQLException {
        set(index, BindValues.ascii(in, length));
    }

    @Override
    public void setAsciiStream(int index, InputStream in, long length) throws SQLException {
        set(index, BindValues.ascii(in, length));
    }

    @Override
    public void setAsciiStream(int index, InputStream in) throws SQLException {
        set(index, BindValues.ascii(in, -1));
    }

    @Override
    @SuppressWarnings("deprecation")
    public void setUnicodeStream(int index, InputStream in, int length) throws SQLException {
        set(index, BindValues.text(in, length, StandardCharsets.UTF_8));
    }

    @Override
    public void setCharacterStream(int index, Reader reader, int length) throws SQLException {
        set(index, BindValues.chars(reader, length));
    }

    @Override
    public void setCharacterStream(int index, Reader reader, long length) throws SQLException {
        set(index, BindValues.chars(reader, length));
    }

    @Override
    public void setCharacterStream(int index, Reader reader) throws SQLException {
        set(index, BindValues.chars(reader, -1));
    }

    @Override
    public void setNCharacterStream(int index, Reader reader, long length) throws SQLException {
        set(index, BindValues.chars(reader, length));
    }

    @Override
    public void setNCharacterStream(int index, Reader reader) throws SQLException {
        set(index, BindValues.chars(reader, -1));
    }

    /** The URL's text: PostgreSQL has no URL type. */
    @Override
    public void setURL(int index, java.net.URL x) throws SQLException {
        set(index, x == null ? null : x.toString());
    }

    @Override
    public void setSQLXML(int index, java.sql.SQLXML x) throws SQLException {
        setObject(index, x);
    }

    @Override
    public void setRef(int index, java.sql.Ref x) throws SQLException {
        throw StatementErrors.notSupported("PreparedStatement.setRef");
    }

    @Override
    public void setRowId(int index, java.sql.RowId x) throws SQLException {
        throw StatementErrors.notSupported("PreparedStatement.setRowId");
    }
}
