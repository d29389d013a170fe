package io.tusk.jdbc.internal;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** Generated skeleton: every method not yet written refuses with SQLFeatureNotSupportedException. */
public class JdbcResultSet implements java.sql.ResultSet {
    final JdbcStatement statement;
    final RowSource rows;
    final int type;
    final int concurrency;

    /** {@code statement} is null for results no statement made (metadata made by the driver). */
    private io.tusk.rows.Row current;
    private boolean lastWasNull;

    public JdbcResultSet(JdbcStatement statement, RowSource rows, int type, int concurrency) {
        this.statement = statement;
        this.rows = rows;
        this.type = type;
        this.concurrency = concurrency;
    }

    @Override
    public boolean absolute(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.absolute is not supported yet");
    }

    @Override
    public void afterLast() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.afterLast is not supported yet");
    }

    @Override
    public void beforeFirst() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.beforeFirst is not supported yet");
    }

    @Override
    public void cancelRowUpdates() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.cancelRowUpdates is not supported yet");
    }

    @Override
    public void clearWarnings() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.clearWarnings is not supported yet");
    }

    @Override
    public void close() throws SQLException {
        rows.close();
    }

    @Override
    public void deleteRow() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.deleteRow is not supported yet");
    }

    @Override
    public int findColumn(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.findColumn is not supported yet");
    }

    @Override
    public boolean first() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.first is not supported yet");
    }

    @Override
    public java.sql.Array getArray(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getArray is not supported yet");
    }

    @Override
    public java.sql.Array getArray(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getArray is not supported yet");
    }

    @Override
    public java.io.InputStream getAsciiStream(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getAsciiStream is not supported yet");
    }

    @Override
    public java.io.InputStream getAsciiStream(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getAsciiStream is not supported yet");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(java.lang.String p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getBigDecimal is not supported yet");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getBigDecimal is not supported yet");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getBigDecimal is not supported yet");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getBigDecimal is not supported yet");
    }

    @Override
    public java.io.InputStream getBinaryStream(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getBinaryStream is not supported yet");
    }

    @Override
    public java.io.InputStream getBinaryStream(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getBinaryStream is not supported yet");
    }

    @Override
    public java.sql.Blob getBlob(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getBlob is not supported yet");
    }

    @Override
    public java.sql.Blob getBlob(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getBlob is not supported yet");
    }

    @Override
    public boolean getBoolean(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getBoolean is not supported yet");
    }

    @Override
    public boolean getBoolean(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getBoolean is not supported yet");
    }

    @Override
    public byte getByte(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getByte is not supported yet");
    }

    @Override
    public byte getByte(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getByte is not supported yet");
    }

    @Override
    public byte[] getBytes(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getBytes is not supported yet");
    }

    @Override
    public byte[] getBytes(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getBytes is not supported yet");
    }

    @Override
    public java.io.Reader getCharacterStream(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getCharacterStream is not supported yet");
    }

    @Override
    public java.io.Reader getCharacterStream(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getCharacterStream is not supported yet");
    }

    @Override
    public java.sql.Clob getClob(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getClob is not supported yet");
    }

    @Override
    public java.sql.Clob getClob(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getClob is not supported yet");
    }

    @Override
    public int getConcurrency() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getConcurrency is not supported yet");
    }

    @Override
    public java.lang.String getCursorName() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getCursorName is not supported yet");
    }

    @Override
    public java.sql.Date getDate(java.lang.String p0, java.util.Calendar p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getDate is not supported yet");
    }

    @Override
    public java.sql.Date getDate(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getDate is not supported yet");
    }

    @Override
    public java.sql.Date getDate(int p0, java.util.Calendar p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getDate is not supported yet");
    }

    @Override
    public java.sql.Date getDate(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getDate is not supported yet");
    }

    @Override
    public double getDouble(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getDouble is not supported yet");
    }

    @Override
    public double getDouble(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getDouble is not supported yet");
    }

    @Override
    public int getFetchDirection() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getFetchDirection is not supported yet");
    }

    @Override
    public int getFetchSize() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getFetchSize is not supported yet");
    }

    @Override
    public float getFloat(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getFloat is not supported yet");
    }

    @Override
    public float getFloat(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getFloat is not supported yet");
    }

    @Override
    public int getHoldability() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getHoldability is not supported yet");
    }

    @Override
    public int getInt(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getInt is not supported yet");
    }

    @Override
    public int getInt(int p0) throws SQLException {
        Integer v = current.getInt(p0 - 1);
        lastWasNull = v == null;
        return v == null ? 0 : v;
    }

    @Override
    public long getLong(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getLong is not supported yet");
    }

    @Override
    public long getLong(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getLong is not supported yet");
    }

    @Override
    public java.sql.ResultSetMetaData getMetaData() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getMetaData is not supported yet");
    }

    @Override
    public java.io.Reader getNCharacterStream(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getNCharacterStream is not supported yet");
    }

    @Override
    public java.io.Reader getNCharacterStream(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getNCharacterStream is not supported yet");
    }

    @Override
    public java.sql.NClob getNClob(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getNClob is not supported yet");
    }

    @Override
    public java.sql.NClob getNClob(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getNClob is not supported yet");
    }

    @Override
    public java.lang.String getNString(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getNString is not supported yet");
    }

    @Override
    public java.lang.String getNString(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getNString is not supported yet");
    }

    @Override
    public <T> T getObject(java.lang.String p0, java.lang.Class<T> p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getObject is not supported yet");
    }

    @Override
    public java.lang.Object getObject(java.lang.String p0, java.util.Map<java.lang.String, java.lang.Class<?>> p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getObject is not supported yet");
    }

    @Override
    public java.lang.Object getObject(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getObject is not supported yet");
    }

    @Override
    public <T> T getObject(int p0, java.lang.Class<T> p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getObject is not supported yet");
    }

    @Override
    public java.lang.Object getObject(int p0, java.util.Map<java.lang.String, java.lang.Class<?>> p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getObject is not supported yet");
    }

    @Override
    public java.lang.Object getObject(int p0) throws SQLException {
        Object v = current.get(p0 - 1);
        lastWasNull = v == null;
        return v;
    }

    @Override
    public java.sql.Ref getRef(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getRef is not supported yet");
    }

    @Override
    public java.sql.Ref getRef(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getRef is not supported yet");
    }

    @Override
    public int getRow() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getRow is not supported yet");
    }

    @Override
    public java.sql.RowId getRowId(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getRowId is not supported yet");
    }

    @Override
    public java.sql.RowId getRowId(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getRowId is not supported yet");
    }

    @Override
    public java.sql.SQLXML getSQLXML(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getSQLXML is not supported yet");
    }

    @Override
    public java.sql.SQLXML getSQLXML(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getSQLXML is not supported yet");
    }

    @Override
    public short getShort(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getShort is not supported yet");
    }

    @Override
    public short getShort(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getShort is not supported yet");
    }

    @Override
    public java.sql.Statement getStatement() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getStatement is not supported yet");
    }

    @Override
    public java.lang.String getString(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getString is not supported yet");
    }

    @Override
    public java.lang.String getString(int p0) throws SQLException {
        String v = current.getString(p0 - 1);
        lastWasNull = v == null;
        return v;
    }

    @Override
    public java.sql.Time getTime(java.lang.String p0, java.util.Calendar p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getTime is not supported yet");
    }

    @Override
    public java.sql.Time getTime(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getTime is not supported yet");
    }

    @Override
    public java.sql.Time getTime(int p0, java.util.Calendar p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getTime is not supported yet");
    }

    @Override
    public java.sql.Time getTime(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getTime is not supported yet");
    }

    @Override
    public java.sql.Timestamp getTimestamp(java.lang.String p0, java.util.Calendar p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getTimestamp is not supported yet");
    }

    @Override
    public java.sql.Timestamp getTimestamp(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getTimestamp is not supported yet");
    }

    @Override
    public java.sql.Timestamp getTimestamp(int p0, java.util.Calendar p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getTimestamp is not supported yet");
    }

    @Override
    public java.sql.Timestamp getTimestamp(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getTimestamp is not supported yet");
    }

    @Override
    public int getType() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getType is not supported yet");
    }

    @Override
    public java.net.URL getURL(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getURL is not supported yet");
    }

    @Override
    public java.net.URL getURL(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getURL is not supported yet");
    }

    @Override
    public java.io.InputStream getUnicodeStream(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getUnicodeStream is not supported yet");
    }

    @Override
    public java.io.InputStream getUnicodeStream(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getUnicodeStream is not supported yet");
    }

    @Override
    public java.sql.SQLWarning getWarnings() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.getWarnings is not supported yet");
    }

    @Override
    public void insertRow() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.insertRow is not supported yet");
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.isAfterLast is not supported yet");
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.isBeforeFirst is not supported yet");
    }

    @Override
    public boolean isClosed() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.isClosed is not supported yet");
    }

    @Override
    public boolean isFirst() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.isFirst is not supported yet");
    }

    @Override
    public boolean isLast() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.isLast is not supported yet");
    }

    @Override
    public boolean isWrapperFor(java.lang.Class<?> p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.isWrapperFor is not supported yet");
    }

    @Override
    public boolean last() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.last is not supported yet");
    }

    @Override
    public void moveToCurrentRow() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.moveToCurrentRow is not supported yet");
    }

    @Override
    public void moveToInsertRow() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.moveToInsertRow is not supported yet");
    }

    @Override
    public boolean next() throws SQLException {
        current = rows.next();
        return current != null;
    }

    @Override
    public boolean previous() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.previous is not supported yet");
    }

    @Override
    public void refreshRow() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.refreshRow is not supported yet");
    }

    @Override
    public boolean relative(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.relative is not supported yet");
    }

    @Override
    public boolean rowDeleted() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.rowDeleted is not supported yet");
    }

    @Override
    public boolean rowInserted() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.rowInserted is not supported yet");
    }

    @Override
    public boolean rowUpdated() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.rowUpdated is not supported yet");
    }

    @Override
    public void setFetchDirection(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.setFetchDirection is not supported yet");
    }

    @Override
    public void setFetchSize(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.setFetchSize is not supported yet");
    }

    @Override
    public <T> T unwrap(java.lang.Class<T> p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.unwrap is not supported yet");
    }

    @Override
    public void updateArray(java.lang.String p0, java.sql.Array p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateArray is not supported yet");
    }

    @Override
    public void updateArray(int p0, java.sql.Array p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateArray is not supported yet");
    }

    @Override
    public void updateAsciiStream(java.lang.String p0, java.io.InputStream p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateAsciiStream is not supported yet");
    }

    @Override
    public void updateAsciiStream(java.lang.String p0, java.io.InputStream p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateAsciiStream is not supported yet");
    }

    @Override
    public void updateAsciiStream(java.lang.String p0, java.io.InputStream p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateAsciiStream is not supported yet");
    }

    @Override
    public void updateAsciiStream(int p0, java.io.InputStream p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateAsciiStream is not supported yet");
    }

    @Override
    public void updateAsciiStream(int p0, java.io.InputStream p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateAsciiStream is not supported yet");
    }

    @Override
    public void updateAsciiStream(int p0, java.io.InputStream p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateAsciiStream is not supported yet");
    }

    @Override
    public void updateBigDecimal(java.lang.String p0, java.math.BigDecimal p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBigDecimal is not supported yet");
    }

    @Override
    public void updateBigDecimal(int p0, java.math.BigDecimal p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBigDecimal is not supported yet");
    }

    @Override
    public void updateBinaryStream(java.lang.String p0, java.io.InputStream p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBinaryStream is not supported yet");
    }

    @Override
    public void updateBinaryStream(java.lang.String p0, java.io.InputStream p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBinaryStream is not supported yet");
    }

    @Override
    public void updateBinaryStream(java.lang.String p0, java.io.InputStream p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBinaryStream is not supported yet");
    }

    @Override
    public void updateBinaryStream(int p0, java.io.InputStream p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBinaryStream is not supported yet");
    }

    @Override
    public void updateBinaryStream(int p0, java.io.InputStream p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBinaryStream is not supported yet");
    }

    @Override
    public void updateBinaryStream(int p0, java.io.InputStream p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBinaryStream is not supported yet");
    }

    @Override
    public void updateBlob(java.lang.String p0, java.io.InputStream p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBlob is not supported yet");
    }

    @Override
    public void updateBlob(java.lang.String p0, java.io.InputStream p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBlob is not supported yet");
    }

    @Override
    public void updateBlob(java.lang.String p0, java.sql.Blob p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBlob is not supported yet");
    }

    @Override
    public void updateBlob(int p0, java.io.InputStream p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBlob is not supported yet");
    }

    @Override
    public void updateBlob(int p0, java.io.InputStream p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBlob is not supported yet");
    }

    @Override
    public void updateBlob(int p0, java.sql.Blob p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBlob is not supported yet");
    }

    @Override
    public void updateBoolean(java.lang.String p0, boolean p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBoolean is not supported yet");
    }

    @Override
    public void updateBoolean(int p0, boolean p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBoolean is not supported yet");
    }

    @Override
    public void updateByte(java.lang.String p0, byte p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateByte is not supported yet");
    }

    @Override
    public void updateByte(int p0, byte p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateByte is not supported yet");
    }

    @Override
    public void updateBytes(java.lang.String p0, byte[] p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBytes is not supported yet");
    }

    @Override
    public void updateBytes(int p0, byte[] p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateBytes is not supported yet");
    }

    @Override
    public void updateCharacterStream(java.lang.String p0, java.io.Reader p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateCharacterStream is not supported yet");
    }

    @Override
    public void updateCharacterStream(java.lang.String p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateCharacterStream is not supported yet");
    }

    @Override
    public void updateCharacterStream(java.lang.String p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateCharacterStream is not supported yet");
    }

    @Override
    public void updateCharacterStream(int p0, java.io.Reader p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateCharacterStream is not supported yet");
    }

    @Override
    public void updateCharacterStream(int p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateCharacterStream is not supported yet");
    }

    @Override
    public void updateCharacterStream(int p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateCharacterStream is not supported yet");
    }

    @Override
    public void updateClob(java.lang.String p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateClob is not supported yet");
    }

    @Override
    public void updateClob(java.lang.String p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateClob is not supported yet");
    }

    @Override
    public void updateClob(java.lang.String p0, java.sql.Clob p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateClob is not supported yet");
    }

    @Override
    public void updateClob(int p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateClob is not supported yet");
    }

    @Override
    public void updateClob(int p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateClob is not supported yet");
    }

    @Override
    public void updateClob(int p0, java.sql.Clob p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateClob is not supported yet");
    }

    @Override
    public void updateDate(java.lang.String p0, java.sql.Date p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateDate is not supported yet");
    }

    @Override
    public void updateDate(int p0, java.sql.Date p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateDate is not supported yet");
    }

    @Override
    public void updateDouble(java.lang.String p0, double p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateDouble is not supported yet");
    }

    @Override
    public void updateDouble(int p0, double p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateDouble is not supported yet");
    }

    @Override
    public void updateFloat(java.lang.String p0, float p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateFloat is not supported yet");
    }

    @Override
    public void updateFloat(int p0, float p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateFloat is not supported yet");
    }

    @Override
    public void updateInt(java.lang.String p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateInt is not supported yet");
    }

    @Override
    public void updateInt(int p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateInt is not supported yet");
    }

    @Override
    public void updateLong(java.lang.String p0, long p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateLong is not supported yet");
    }

    @Override
    public void updateLong(int p0, long p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateLong is not supported yet");
    }

    @Override
    public void updateNCharacterStream(java.lang.String p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNCharacterStream is not supported yet");
    }

    @Override
    public void updateNCharacterStream(java.lang.String p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNCharacterStream is not supported yet");
    }

    @Override
    public void updateNCharacterStream(int p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNCharacterStream is not supported yet");
    }

    @Override
    public void updateNCharacterStream(int p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNCharacterStream is not supported yet");
    }

    @Override
    public void updateNClob(java.lang.String p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNClob is not supported yet");
    }

    @Override
    public void updateNClob(java.lang.String p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNClob is not supported yet");
    }

    @Override
    public void updateNClob(java.lang.String p0, java.sql.NClob p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNClob is not supported yet");
    }

    @Override
    public void updateNClob(int p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNClob is not supported yet");
    }

    @Override
    public void updateNClob(int p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNClob is not supported yet");
    }

    @Override
    public void updateNClob(int p0, java.sql.NClob p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNClob is not supported yet");
    }

    @Override
    public void updateNString(java.lang.String p0, java.lang.String p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNString is not supported yet");
    }

    @Override
    public void updateNString(int p0, java.lang.String p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNString is not supported yet");
    }

    @Override
    public void updateNull(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNull is not supported yet");
    }

    @Override
    public void updateNull(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateNull is not supported yet");
    }

    @Override
    public void updateObject(java.lang.String p0, java.lang.Object p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateObject is not supported yet");
    }

    @Override
    public void updateObject(java.lang.String p0, java.lang.Object p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateObject is not supported yet");
    }

    @Override
    public void updateObject(int p0, java.lang.Object p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateObject is not supported yet");
    }

    @Override
    public void updateObject(int p0, java.lang.Object p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateObject is not supported yet");
    }

    @Override
    public void updateRef(java.lang.String p0, java.sql.Ref p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateRef is not supported yet");
    }

    @Override
    public void updateRef(int p0, java.sql.Ref p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateRef is not supported yet");
    }

    @Override
    public void updateRow() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateRow is not supported yet");
    }

    @Override
    public void updateRowId(java.lang.String p0, java.sql.RowId p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateRowId is not supported yet");
    }

    @Override
    public void updateRowId(int p0, java.sql.RowId p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateRowId is not supported yet");
    }

    @Override
    public void updateSQLXML(java.lang.String p0, java.sql.SQLXML p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateSQLXML is not supported yet");
    }

    @Override
    public void updateSQLXML(int p0, java.sql.SQLXML p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateSQLXML is not supported yet");
    }

    @Override
    public void updateShort(java.lang.String p0, short p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateShort is not supported yet");
    }

    @Override
    public void updateShort(int p0, short p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateShort is not supported yet");
    }

    @Override
    public void updateString(java.lang.String p0, java.lang.String p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateString is not supported yet");
    }

    @Override
    public void updateString(int p0, java.lang.String p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateString is not supported yet");
    }

    @Override
    public void updateTime(java.lang.String p0, java.sql.Time p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateTime is not supported yet");
    }

    @Override
    public void updateTime(int p0, java.sql.Time p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateTime is not supported yet");
    }

    @Override
    public void updateTimestamp(java.lang.String p0, java.sql.Timestamp p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateTimestamp is not supported yet");
    }

    @Override
    public void updateTimestamp(int p0, java.sql.Timestamp p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSet.updateTimestamp is not supported yet");
    }

    @Override
    public boolean wasNull() throws SQLException {
        return lastWasNull;
    }
}
