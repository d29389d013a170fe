package io.tusk.jdbc.internal;

import io.tusk.Column;
import io.tusk.rows.Row;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A JDBC result over Tusk's rows. Forward-only results take rows from their {@link RowSource}
 * one at a time; scroll-insensitive ones read them all first and move freely (JDBC 4.3 §15.2.1).
 * Getters read the value Tusk's loaders already made ({@link Row#get(int)}) and convert it with
 * JDBC's table ({@link ValueConversions}); nothing is parsed from text twice.
 */
public class JdbcResultSet extends ResultSetByLabel {
    final JdbcStatement statement;
    final RowSource rows;
    final int type;
    final int concurrency;
    private final List<Column> columns;
    private final ValueConversions conversions;

    /** Scroll-insensitive results only: every row, read at the start. */
    private final List<Row> held;
    /** 0 before the first row, 1..n on a row, n+1 after the last (forward-only: n unknown until the end). */
    private int position;
    private Row current;
    /** Forward-only: the row after the current one when isLast/isBeforeFirst had to look. */
    private Row peeked;
    private boolean afterLast;
    private boolean lastWasNull;
    private boolean closed;
    private boolean loaded;
    private final boolean updatableRequested;
    private int fetchSize;
    private int fetchDirection = FETCH_FORWARD;
    private SQLWarning warnings;
    private Runnable onClose;
    private ResultSetMetaData metaData;

    /** {@code statement} is null for results no statement made (metadata made by the driver). */
    public JdbcResultSet(JdbcStatement statement, RowSource rows, int type, int concurrency) {
        this.statement = statement;
        this.rows = rows;
        this.type = type == TYPE_SCROLL_SENSITIVE ? TYPE_SCROLL_INSENSITIVE : type;
        this.concurrency = CONCUR_READ_ONLY;
        this.updatableRequested = concurrency == CONCUR_UPDATABLE;
        this.fetchSize = statementFetchSize(statement);
        this.columns = rows.columns();
        this.conversions = new ValueConversions(statement == null ? null : statement.connection);
        if (type == TYPE_SCROLL_SENSITIVE) {
            addWarning("TYPE_SCROLL_SENSITIVE is not supported: the result is TYPE_SCROLL_INSENSITIVE (its rows are a copy read at once)");
        }
        if (concurrency == CONCUR_UPDATABLE) {
            addWarning("CONCUR_UPDATABLE is not supported: the result is CONCUR_READ_ONLY; change rows with UPDATE, INSERT or DELETE statements");
        }
        held = this.type == TYPE_FORWARD_ONLY ? null : new ArrayList<>();
    }

    /** JDBC: a result's fetch size starts as its statement's. */
    private static int statementFetchSize(JdbcStatement statement) {
        try {
            return statement == null ? 0 : statement.getFetchSize();
        } catch (SQLException e) {
            return 0;
        }
    }

    @Override
    boolean updatableRequested() {
        return updatableRequested;
    }

    /** Scroll-insensitive: reads every row on first use (the rows are a copy from then on). */
    private void load() throws SQLException {
        loaded = true;
        for (Row r = rows.next(); r != null; r = rows.next()) {
            held.add(r);
        }
        // the source stays open until this result closes: closing it tells the statement
        // (closeOnCompletion) that the result is done
    }

    /** Runs {@code action} once when this result closes (a statement's closeOnCompletion). */
    public void onClose(Runnable action) {
        this.onClose = action;
    }

    private void addWarning(String message) {
        SQLWarning w = new SQLWarning(message, "01000");
        if (warnings == null) {
            warnings = w;
        } else {
            warnings.setNextWarning(w);
        }
    }

    /** The columns of every row. */
    List<Column> columns() {
        return columns;
    }

    @Override
    void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("This ResultSet is closed.", "55000");
        }
        if (held != null && !loaded) {
            load();
        }
    }

    private void checkScrollable() throws SQLException {
        checkOpen();
        if (held == null) {
            throw new SQLException("Operation requires a scrollable ResultSet, but this ResultSet is FORWARD_ONLY.", "24000");
        }
    }

    /** The value of a column of the current row (1-based), after the checks every getter makes. */
    private Object value(int columnIndex) throws SQLException {
        checkOpen();
        if (current == null) {
            throw new SQLException("ResultSet not positioned properly, perhaps you need to call next.", "24000");
        }
        if (columnIndex < 1 || columnIndex > columns.size()) {
            throw new SQLException("The column index is out of range: " + columnIndex + ", number of columns: " + columns.size() + ".",
                    "22023");
        }
        Object v = current.get(columnIndex - 1);
        lastWasNull = v == null;
        return v;
    }

    private Column column(int columnIndex) {
        return columns.get(columnIndex - 1);
    }

    // ---- moving ----

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (held != null) {
            return moveTo(position + 1);
        }
        if (afterLast) {
            current = null;
            return false;
        }
        current = peeked != null ? peeked : rows.next();
        peeked = null;
        if (current == null) {
            afterLast = true;
            position++;
            return false;
        }
        position++;
        return true;
    }

    /** Scrollable: moves to {@code p} clamped to 0..n+1; true when that is a row. */
    private boolean moveTo(int p) {
        int n = held.size();
        position = Math.max(0, Math.min(p, n + 1));
        current = position >= 1 && position <= n ? held.get(position - 1) : null;
        return current != null;
    }

    @Override
    public boolean previous() throws SQLException {
        checkScrollable();
        return moveTo(position - 1);
    }

    @Override
    public boolean absolute(int row) throws SQLException {
        checkScrollable();
        // JDBC: negative counts from the end, -1 is the last row; 0 is before the first.
        return moveTo(row >= 0 ? row : held.size() + 1 + row);
    }

    @Override
    public boolean relative(int rows) throws SQLException {
        checkScrollable();
        return moveTo(position + rows);
    }

    @Override
    public boolean first() throws SQLException {
        checkScrollable();
        return moveTo(1);
    }

    @Override
    public boolean last() throws SQLException {
        checkScrollable();
        return moveTo(held.size());
    }

    @Override
    public void beforeFirst() throws SQLException {
        checkScrollable();
        moveTo(0);
    }

    @Override
    public void afterLast() throws SQLException {
        checkScrollable();
        moveTo(held.size() + 1);
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        // JDBC: false when there are no rows at all.
        return position == 0 && (held != null ? !held.isEmpty() : peek() != null);
    }

    /** Forward-only: the next row without moving to it. */
    private Row peek() throws SQLException {
        if (peeked == null && !afterLast) {
            peeked = rows.next();
        }
        return peeked;
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        if (held != null) {
            return !held.isEmpty() && position == held.size() + 1;
        }
        return afterLast && position > 1;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return position == 1 && current != null;
    }

    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        if (held != null) {
            return current != null && position == held.size();
        }
        return current != null && peek() == null;
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return current == null ? 0 : position;
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        current = null;
        try {
            rows.close();
        } finally {
            if (onClose != null) {
                onClose.run();
            }
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return lastWasNull;
    }

    @Override
    public int findColumn(String label) throws SQLException {
        checkOpen();
        if (label != null) {
            // JDBC 4.3 ResultSet: labels match case-insensitively, the first one wins; an
            // exact match is preferred so "a" and "A" (quoted) stay apart where they can.
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(label)) {
                    return i + 1;
                }
            }
            String lower = label.toLowerCase(Locale.ROOT);
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().toLowerCase(Locale.ROOT).equals(lower)) {
                    return i + 1;
                }
            }
        }
        throw new SQLException("The column name " + label + " was not found in this ResultSet.", "42703");
    }

    // ---- properties ----

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        if (metaData == null) {
            metaData = new JdbcResultSetMetaData(columns, statement == null ? null : statement.connection);
        }
        return metaData;
    }

    @Override
    public int getType() throws SQLException {
        checkOpen();
        return type;
    }

    @Override
    public int getConcurrency() throws SQLException {
        checkOpen();
        return concurrency;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return statement == null ? CLOSE_CURSORS_AT_COMMIT : statement.resultSetHoldability;
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw new SQLException("Fetch size must be a value greater to or equal to 0.", "22023");
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return fetchDirection;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != FETCH_FORWARD && direction != FETCH_REVERSE && direction != FETCH_UNKNOWN) {
            throw new SQLException("Invalid fetch direction constant: " + direction + ".", "22023");
        }
        if (direction != FETCH_FORWARD && held == null) {
            throw new SQLException("Operation requires a scrollable ResultSet, but this ResultSet is FORWARD_ONLY.", "24000");
        }
        fetchDirection = direction;
    }

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
    public String getCursorName() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("This ResultSet is not a wrapper for " + iface.getName(), "0A000");
    }

    // ---- getters by index ----

    @Override
    public String getString(int i) throws SQLException {
        return conversions.toString(value(i), column(i), i);
    }

    @Override
    public boolean getBoolean(int i) throws SQLException {
        return conversions.toBoolean(value(i), column(i), i);
    }

    @Override
    public byte getByte(int i) throws SQLException {
        return (byte) conversions.toLong(value(i), column(i), i, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
    }

    @Override
    public short getShort(int i) throws SQLException {
        return (short) conversions.toLong(value(i), column(i), i, Short.MIN_VALUE, Short.MAX_VALUE, "short");
    }

    @Override
    public int getInt(int i) throws SQLException {
        return (int) conversions.toLong(value(i), column(i), i, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
    }

    @Override
    public long getLong(int i) throws SQLException {
        return conversions.toLong(value(i), column(i), i, Long.MIN_VALUE, Long.MAX_VALUE, "long");
    }

    @Override
    public float getFloat(int i) throws SQLException {
        return (float) conversions.toDouble(value(i), column(i), i, "float");
    }

    @Override
    public double getDouble(int i) throws SQLException {
        return conversions.toDouble(value(i), column(i), i, "double");
    }

    @Override
    public BigDecimal getBigDecimal(int i) throws SQLException {
        return conversions.toBigDecimal(value(i), column(i), i, -1);
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int i, int scale) throws SQLException {
        return conversions.toBigDecimal(value(i), column(i), i, scale);
    }

    @Override
    public byte[] getBytes(int i) throws SQLException {
        return conversions.toBytes(value(i), column(i), i);
    }

    @Override
    public Date getDate(int i) throws SQLException {
        return conversions.toDate(value(i), column(i), i, null);
    }

    @Override
    public Date getDate(int i, Calendar cal) throws SQLException {
        return conversions.toDate(value(i), column(i), i, cal);
    }

    @Override
    public Time getTime(int i) throws SQLException {
        return conversions.toTime(value(i), column(i), i, null);
    }

    @Override
    public Time getTime(int i, Calendar cal) throws SQLException {
        return conversions.toTime(value(i), column(i), i, cal);
    }

    @Override
    public Timestamp getTimestamp(int i) throws SQLException {
        return conversions.toTimestamp(value(i), column(i), i, null);
    }

    @Override
    public Timestamp getTimestamp(int i, Calendar cal) throws SQLException {
        return conversions.toTimestamp(value(i), column(i), i, cal);
    }

    @Override
    public Object getObject(int i) throws SQLException {
        return conversions.toObject(value(i), column(i), i);
    }

    @Override
    public <T> T getObject(int i, Class<T> type) throws SQLException {
        if (type == null) {
            throw new SQLException("getObject(" + i + ", null): give the class to read the column as", "22023");
        }
        return conversions.toClass(value(i), column(i), i, type);
    }

    @Override
    public Object getObject(int i, Map<String, Class<?>> map) throws SQLException {
        if (map == null || map.isEmpty()) {
            return getObject(i);
        }
        throw new SQLFeatureNotSupportedException("getObject with a type map is not supported: register a Tusk loader"
                + " (CompositeInfo.register) on the native connection instead", "0A000");
    }

    @Override
    public Array getArray(int i) throws SQLException {
        return conversions.toArray(value(i), column(i), i);
    }

    @Override
    public Blob getBlob(int i) throws SQLException {
        return conversions.toBlob(value(i), column(i), i);
    }

    @Override
    public Clob getClob(int i) throws SQLException {
        return conversions.toClob(value(i), column(i), i);
    }

    @Override
    public NClob getNClob(int i) throws SQLException {
        return conversions.toClob(value(i), column(i), i);
    }

    @Override
    public SQLXML getSQLXML(int i) throws SQLException {
        return conversions.toSqlXml(value(i), column(i), i);
    }

    @Override
    public InputStream getBinaryStream(int i) throws SQLException {
        byte[] b = getBytes(i);
        return b == null ? null : new java.io.ByteArrayInputStream(b);
    }

    @Override
    public InputStream getAsciiStream(int i) throws SQLException {
        String s = getString(i);
        return s == null ? null : new java.io.ByteArrayInputStream(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(int i) throws SQLException {
        String s = getString(i);
        return s == null ? null : new java.io.ByteArrayInputStream(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public Reader getCharacterStream(int i) throws SQLException {
        String s = getString(i);
        return s == null ? null : new java.io.StringReader(s);
    }

    @Override
    public Reader getNCharacterStream(int i) throws SQLException {
        return getCharacterStream(i);
    }

    @Override
    public String getNString(int i) throws SQLException {
        return getString(i);
    }

    @Override
    public URL getURL(int i) throws SQLException {
        return conversions.toUrl(value(i), column(i), i);
    }

    @Override
    public Ref getRef(int i) throws SQLException {
        value(i);
        throw new SQLFeatureNotSupportedException("ResultSet.getRef is not supported: PostgreSQL has no REF type", "0A000");
    }

    @Override
    public RowId getRowId(int i) throws SQLException {
        value(i);
        throw new SQLFeatureNotSupportedException("ResultSet.getRowId is not supported: PostgreSQL has no ROWID;"
                + " read ctid as a string with getString", "0A000");
    }
}
