package io.tusk.jdbc.internal;

import io.tusk.Column;
import io.tusk.RawCursor;
import io.tusk.adapt.Dumper;
import io.tusk.adapt.Format;
import io.tusk.errors.TuskException;
import io.tusk.rows.Row;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;
import java.util.List;
import java.util.Map;

/**
 * {@code java.sql.CallableStatement}: {@code {call f(?)}}, {@code {? = call f(?)}} and
 * PostgreSQL's own {@code CALL p(?)}, with OUT and INOUT parameters. The escapes run as pgjdbc runs
 * them by default, {@code select * from f(...) as result}; the routine's OUT values come back as
 * the columns of one row, mapped in order onto the registered parameters.
 *
 * <p>A parameter that is registered and not set is sent as pgjdbc sends it: a parameter of type
 * {@code void}, which PostgreSQL's parser drops from a function call's arguments
 * ({@code ParseFuncOrColumn}, kept for JDBC drivers), so {@code f(IN a, OUT b)} is called with
 * {@code a} only. A registered parameter that is also set is INOUT and goes with its value.
 */
public class JdbcCallableStatement extends CallableByName {
    /** PostgreSQL's {@code void} type: {@code void_in} accepts any text. */
    private static final int VOID_OID = 2278;
    private static final Dumper<OutOnly> VOID_DUMPER = new Dumper<>() {
        @Override
        public int oid() {
            return VOID_OID;
        }

        @Override
        public Format format() {
            return Format.TEXT;
        }

        @Override
        public byte[] dump(OutOnly value) {
            return new byte[0];
        }
    };

    /** The value of a parameter that is OUT only. */
    private enum OutOnly { INSTANCE }

    private final boolean call;
    /** The SQL to run: the escape translated with the connection's call mode. */
    private final String callSql;
    private final CallOutputs outputs;
    private boolean voidRegistered;

    public JdbcCallableStatement(JdbcConnection connection, String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) {
        super(connection, sql, resultSetType, resultSetConcurrency, resultSetHoldability);
        JdbcSql parsed = null;
        try {
            parsed = sql == null ? null : JdbcSql.parse(sql, true, callMode(connection));
        } catch (SQLException e) {
            // the superclass keeps the error and raises it at the first use
        }
        this.call = parsed != null && parsed.isCall();
        this.callSql = parsed == null ? nativeSql : parsed.nativeSql();
        this.outputs = new CallOutputs(params.count());
    }

    // ---- running

    @Override
    public boolean execute() throws SQLException {
        checkOpen();
        checkSql();
        outputs.clear();
        if (!outputs.any()) {
            return run(callSql, params.bound(), false);
        }
        Object[] values = new Object[params.count()];
        for (int i = 1; i <= values.length; i++) {
            if (params.isSet(i)) {
                values[i - 1] = params.get(i);
            } else if (outputs.isRegistered(i)) {
                values[i - 1] = OutOnly.INSTANCE;
            } else {
                throw new SQLException("No value specified for parameter " + i + ".", "22023");
            }
        }
        RawCursor<Row> cur = cursor();
        if (!voidRegistered) {
            cur.adapters().registerDumper(OutOnly.class, Format.TEXT, VOID_DUMPER);
            voidRegistered = true;
        }
        // the row is read here, from the cursor, so it must not go to a portal read in batches
        int fetchSize = getFetchSize();
        boolean rows;
        try {
            setFetchSize(0);
            rows = run(callSql, values, false);
        } finally {
            setFetchSize(fetchSize);
        }
        List<Column> columns;
        Row row;
        try {
            columns = rows ? cur.description() : null;
            row = rows ? cur.fetchone() : null;
        } catch (TuskException e) {
            throw JdbcErrors.translate(e);
        } finally {
            closeResults();
        }
        if (row == null) {
            throw new SQLException("A CallableStatement was executed with nothing returned.", "02000");
        }
        outputs.take(columns, row, connection);
        return false;
    }

    /** pgjdbc's {@code escapeSyntaxCallMode} of the connection: how {@code {call}} is sent. */
    private static JdbcSql.CallMode callMode(JdbcConnection connection) throws SQLException {
        JdbcSettings settings = connection.settings();
        return JdbcSql.CallMode.of(settings == null ? null : settings.escapeSyntaxCallMode());
    }

    /** A call reports no update count: 0, as pgjdbc answers for functions and procedures. */
    @Override
    public long executeLargeUpdate() throws SQLException {
        if (!call) {
            return super.executeLargeUpdate();
        }
        execute();
        return 0;
    }

    @Override
    public int executeUpdate() throws SQLException {
        return (int) executeLargeUpdate();
    }

    @Override
    public void close() throws SQLException {
        if (!isClosed()) {
            outputs.clear();
        }
        super.close();
    }

    // ---- registering

    @Override
    public void registerOutParameter(int index, int sqlType) throws SQLException {
        checkOpen();
        checkSql();
        if (!call) {
            throw new SQLException("This statement does not declare an OUT parameter: write the call as {call f(?)}, "
                    + "{? = call f(?)} or CALL p(?)", "2F003");
        }
        outputs.register(index, normalize(sqlType));
    }

    /** The scale is not applied: a NUMERIC comes back with the scale the server gives it, as in pgjdbc. */
    @Override
    public void registerOutParameter(int index, int sqlType, int scale) throws SQLException {
        registerOutParameter(index, sqlType);
    }

    /** The type name matters to the server only, which knows the routine's OUT types. */
    @Override
    public void registerOutParameter(int index, int sqlType, String typeName) throws SQLException {
        registerOutParameter(index, sqlType);
    }

    @Override
    public void registerOutParameter(int index, SQLType sqlType) throws SQLException {
        registerOutParameter(index, typeNumber(sqlType));
    }

    @Override
    public void registerOutParameter(int index, SQLType sqlType, int scale) throws SQLException {
        registerOutParameter(index, typeNumber(sqlType));
    }

    @Override
    public void registerOutParameter(int index, SQLType sqlType, String typeName) throws SQLException {
        registerOutParameter(index, typeNumber(sqlType));
    }

    private static int typeNumber(SQLType type) throws SQLException {
        Integer n = type == null ? null : type.getVendorTypeNumber();
        if (n == null) {
            throw new SQLFeatureNotSupportedException("SQLType " + type + " has no java.sql.Types number: use a "
                    + "java.sql.JDBCType", "0A000");
        }
        return n;
    }

    /** The synonyms pgjdbc folds together (PostgreSQL has no TINYINT, FLOAT is DOUBLE, ...). */
    private static int normalize(int sqlType) {
        return switch (sqlType) {
            case Types.TINYINT -> Types.SMALLINT;
            case Types.LONGVARCHAR -> Types.VARCHAR;
            case Types.DECIMAL -> Types.NUMERIC;
            case Types.FLOAT -> Types.DOUBLE;
            case Types.VARBINARY, Types.LONGVARBINARY -> Types.BINARY;
            case Types.BOOLEAN -> Types.BIT;
            default -> sqlType;
        };
    }

    // ---- reading

    private int out(int index) throws SQLException {
        checkOpen();
        if (!call) {
            throw new SQLException("A CallableStatement was declared, but no call to registerOutParameter(1, <some type>) "
                    + "was made.", "2F003");
        }
        return outputs.column(index);
    }

    private JdbcResultSet row() {
        return outputs.row();
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return outputs.wasNull();
    }

    @Override
    public Object getObject(int index) throws SQLException {
        int c = out(index);
        if (outputs.isRefCursor(index)) {
            return refCursor(row().getString(c));
        }
        Object v = row().getObject(c);
        if (v instanceof Double d && outputs.wantsFloat(index)) {
            return d.floatValue();
        }
        return v;
    }

    @Override
    public <T> T getObject(int index, Class<T> type) throws SQLException {
        if (type == ResultSet.class) {
            int c = out(index);
            return type.cast(outputs.isRefCursor(index) ? refCursor(row().getString(c)) : row().getObject(c));
        }
        return row().getObject(out(index), type);
    }

    @Override
    public Object getObject(int index, Map<String, Class<?>> map) throws SQLException {
        if (map == null || map.isEmpty()) {
            return getObject(index);
        }
        return row().getObject(out(index), map);
    }

    /**
     * A refcursor OUT value read as the rows of the cursor it names ({@code FETCH ALL IN}), as
     * pgjdbc does: the cursor lives until the transaction ends, so this works with autocommit off.
     */
    private ResultSet refCursor(String name) throws SQLException {
        if (name == null) {
            return null;
        }
        JdbcStatement fetch = new JdbcStatement(connection, resultSetType, ResultSet.CONCUR_READ_ONLY, resultSetHoldability);
        fetch.closeOnCompletion();
        return fetch.executeQuery("FETCH ALL IN \"" + name.replace("\"", "\"\"") + "\"");
    }

    @Override
    public String getString(int index) throws SQLException {
        return row().getString(out(index));
    }

    @Override
    public String getNString(int index) throws SQLException {
        return row().getNString(out(index));
    }

    @Override
    public boolean getBoolean(int index) throws SQLException {
        return row().getBoolean(out(index));
    }

    @Override
    public byte getByte(int index) throws SQLException {
        return row().getByte(out(index));
    }

    @Override
    public short getShort(int index) throws SQLException {
        return row().getShort(out(index));
    }

    @Override
    public int getInt(int index) throws SQLException {
        return row().getInt(out(index));
    }

    @Override
    public long getLong(int index) throws SQLException {
        return row().getLong(out(index));
    }

    @Override
    public float getFloat(int index) throws SQLException {
        return row().getFloat(out(index));
    }

    @Override
    public double getDouble(int index) throws SQLException {
        return row().getDouble(out(index));
    }

    @Override
    @SuppressWarnings("deprecation")
    public BigDecimal getBigDecimal(int index, int scale) throws SQLException {
        return row().getBigDecimal(out(index), scale);
    }

    @Override
    public BigDecimal getBigDecimal(int index) throws SQLException {
        return row().getBigDecimal(out(index));
    }

    @Override
    public byte[] getBytes(int index) throws SQLException {
        return row().getBytes(out(index));
    }

    @Override
    public Date getDate(int index) throws SQLException {
        return row().getDate(out(index));
    }

    @Override
    public Date getDate(int index, Calendar cal) throws SQLException {
        return row().getDate(out(index), cal);
    }

    @Override
    public Time getTime(int index) throws SQLException {
        return row().getTime(out(index));
    }

    @Override
    public Time getTime(int index, Calendar cal) throws SQLException {
        return row().getTime(out(index), cal);
    }

    @Override
    public Timestamp getTimestamp(int index) throws SQLException {
        return row().getTimestamp(out(index));
    }

    @Override
    public Timestamp getTimestamp(int index, Calendar cal) throws SQLException {
        return row().getTimestamp(out(index), cal);
    }

    @Override
    public Array getArray(int index) throws SQLException {
        return row().getArray(out(index));
    }

    @Override
    public Blob getBlob(int index) throws SQLException {
        return row().getBlob(out(index));
    }

    @Override
    public Clob getClob(int index) throws SQLException {
        return row().getClob(out(index));
    }

    @Override
    public NClob getNClob(int index) throws SQLException {
        return row().getNClob(out(index));
    }

    @Override
    public SQLXML getSQLXML(int index) throws SQLException {
        return row().getSQLXML(out(index));
    }

    @Override
    public Reader getCharacterStream(int index) throws SQLException {
        return row().getCharacterStream(out(index));
    }

    @Override
    public Reader getNCharacterStream(int index) throws SQLException {
        return row().getNCharacterStream(out(index));
    }

    @Override
    public java.net.URL getURL(int index) throws SQLException {
        return row().getURL(out(index));
    }

    @Override
    public Ref getRef(int index) throws SQLException {
        return row().getRef(out(index));
    }

    @Override
    public RowId getRowId(int index) throws SQLException {
        return row().getRowId(out(index));
    }
}
