package io.tusk.jdbc.internal;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** Generated skeleton: every method not yet written refuses with SQLFeatureNotSupportedException. */
public class JdbcCallableStatement extends JdbcPreparedStatement implements java.sql.CallableStatement {
    public JdbcCallableStatement(JdbcConnection connection, String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) {
        super(connection, sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public java.sql.Array getArray(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getArray is not supported yet");
    }

    @Override
    public java.sql.Array getArray(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getArray is not supported yet");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getBigDecimal is not supported yet");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getBigDecimal is not supported yet");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getBigDecimal is not supported yet");
    }

    @Override
    public java.sql.Blob getBlob(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getBlob is not supported yet");
    }

    @Override
    public java.sql.Blob getBlob(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getBlob is not supported yet");
    }

    @Override
    public boolean getBoolean(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getBoolean is not supported yet");
    }

    @Override
    public boolean getBoolean(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getBoolean is not supported yet");
    }

    @Override
    public byte getByte(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getByte is not supported yet");
    }

    @Override
    public byte getByte(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getByte is not supported yet");
    }

    @Override
    public byte[] getBytes(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getBytes is not supported yet");
    }

    @Override
    public byte[] getBytes(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getBytes is not supported yet");
    }

    @Override
    public java.io.Reader getCharacterStream(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getCharacterStream is not supported yet");
    }

    @Override
    public java.io.Reader getCharacterStream(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getCharacterStream is not supported yet");
    }

    @Override
    public java.sql.Clob getClob(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getClob is not supported yet");
    }

    @Override
    public java.sql.Clob getClob(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getClob is not supported yet");
    }

    @Override
    public java.sql.Date getDate(java.lang.String p0, java.util.Calendar p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getDate is not supported yet");
    }

    @Override
    public java.sql.Date getDate(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getDate is not supported yet");
    }

    @Override
    public java.sql.Date getDate(int p0, java.util.Calendar p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getDate is not supported yet");
    }

    @Override
    public java.sql.Date getDate(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getDate is not supported yet");
    }

    @Override
    public double getDouble(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getDouble is not supported yet");
    }

    @Override
    public double getDouble(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getDouble is not supported yet");
    }

    @Override
    public float getFloat(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getFloat is not supported yet");
    }

    @Override
    public float getFloat(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getFloat is not supported yet");
    }

    @Override
    public int getInt(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getInt is not supported yet");
    }

    @Override
    public int getInt(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getInt is not supported yet");
    }

    @Override
    public long getLong(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getLong is not supported yet");
    }

    @Override
    public long getLong(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getLong is not supported yet");
    }

    @Override
    public java.io.Reader getNCharacterStream(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getNCharacterStream is not supported yet");
    }

    @Override
    public java.io.Reader getNCharacterStream(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getNCharacterStream is not supported yet");
    }

    @Override
    public java.sql.NClob getNClob(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getNClob is not supported yet");
    }

    @Override
    public java.sql.NClob getNClob(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getNClob is not supported yet");
    }

    @Override
    public java.lang.String getNString(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getNString is not supported yet");
    }

    @Override
    public java.lang.String getNString(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getNString is not supported yet");
    }

    @Override
    public <T> T getObject(java.lang.String p0, java.lang.Class<T> p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getObject is not supported yet");
    }

    @Override
    public java.lang.Object getObject(java.lang.String p0, java.util.Map<java.lang.String, java.lang.Class<?>> p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getObject is not supported yet");
    }

    @Override
    public java.lang.Object getObject(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getObject is not supported yet");
    }

    @Override
    public <T> T getObject(int p0, java.lang.Class<T> p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getObject is not supported yet");
    }

    @Override
    public java.lang.Object getObject(int p0, java.util.Map<java.lang.String, java.lang.Class<?>> p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getObject is not supported yet");
    }

    @Override
    public java.lang.Object getObject(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getObject is not supported yet");
    }

    @Override
    public java.sql.Ref getRef(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getRef is not supported yet");
    }

    @Override
    public java.sql.Ref getRef(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getRef is not supported yet");
    }

    @Override
    public java.sql.RowId getRowId(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getRowId is not supported yet");
    }

    @Override
    public java.sql.RowId getRowId(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getRowId is not supported yet");
    }

    @Override
    public java.sql.SQLXML getSQLXML(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getSQLXML is not supported yet");
    }

    @Override
    public java.sql.SQLXML getSQLXML(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getSQLXML is not supported yet");
    }

    @Override
    public short getShort(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getShort is not supported yet");
    }

    @Override
    public short getShort(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getShort is not supported yet");
    }

    @Override
    public java.lang.String getString(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getString is not supported yet");
    }

    @Override
    public java.lang.String getString(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getString is not supported yet");
    }

    @Override
    public java.sql.Time getTime(java.lang.String p0, java.util.Calendar p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getTime is not supported yet");
    }

    @Override
    public java.sql.Time getTime(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getTime is not supported yet");
    }

    @Override
    public java.sql.Time getTime(int p0, java.util.Calendar p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getTime is not supported yet");
    }

    @Override
    public java.sql.Time getTime(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getTime is not supported yet");
    }

    @Override
    public java.sql.Timestamp getTimestamp(java.lang.String p0, java.util.Calendar p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getTimestamp is not supported yet");
    }

    @Override
    public java.sql.Timestamp getTimestamp(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getTimestamp is not supported yet");
    }

    @Override
    public java.sql.Timestamp getTimestamp(int p0, java.util.Calendar p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getTimestamp is not supported yet");
    }

    @Override
    public java.sql.Timestamp getTimestamp(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getTimestamp is not supported yet");
    }

    @Override
    public java.net.URL getURL(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getURL is not supported yet");
    }

    @Override
    public java.net.URL getURL(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.getURL is not supported yet");
    }

    @Override
    public void registerOutParameter(java.lang.String p0, int p1, java.lang.String p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.registerOutParameter is not supported yet");
    }

    @Override
    public void registerOutParameter(java.lang.String p0, int p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.registerOutParameter is not supported yet");
    }

    @Override
    public void registerOutParameter(java.lang.String p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.registerOutParameter is not supported yet");
    }

    @Override
    public void registerOutParameter(int p0, int p1, java.lang.String p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.registerOutParameter is not supported yet");
    }

    @Override
    public void registerOutParameter(int p0, int p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.registerOutParameter is not supported yet");
    }

    @Override
    public void registerOutParameter(int p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.registerOutParameter is not supported yet");
    }

    @Override
    public void setAsciiStream(java.lang.String p0, java.io.InputStream p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setAsciiStream is not supported yet");
    }

    @Override
    public void setAsciiStream(java.lang.String p0, java.io.InputStream p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setAsciiStream is not supported yet");
    }

    @Override
    public void setAsciiStream(java.lang.String p0, java.io.InputStream p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setAsciiStream is not supported yet");
    }

    @Override
    public void setBigDecimal(java.lang.String p0, java.math.BigDecimal p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setBigDecimal is not supported yet");
    }

    @Override
    public void setBinaryStream(java.lang.String p0, java.io.InputStream p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setBinaryStream is not supported yet");
    }

    @Override
    public void setBinaryStream(java.lang.String p0, java.io.InputStream p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setBinaryStream is not supported yet");
    }

    @Override
    public void setBinaryStream(java.lang.String p0, java.io.InputStream p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setBinaryStream is not supported yet");
    }

    @Override
    public void setBlob(java.lang.String p0, java.io.InputStream p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setBlob is not supported yet");
    }

    @Override
    public void setBlob(java.lang.String p0, java.io.InputStream p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setBlob is not supported yet");
    }

    @Override
    public void setBlob(java.lang.String p0, java.sql.Blob p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setBlob is not supported yet");
    }

    @Override
    public void setBoolean(java.lang.String p0, boolean p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setBoolean is not supported yet");
    }

    @Override
    public void setByte(java.lang.String p0, byte p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setByte is not supported yet");
    }

    @Override
    public void setBytes(java.lang.String p0, byte[] p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setBytes is not supported yet");
    }

    @Override
    public void setCharacterStream(java.lang.String p0, java.io.Reader p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setCharacterStream is not supported yet");
    }

    @Override
    public void setCharacterStream(java.lang.String p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setCharacterStream is not supported yet");
    }

    @Override
    public void setCharacterStream(java.lang.String p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setCharacterStream is not supported yet");
    }

    @Override
    public void setClob(java.lang.String p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setClob is not supported yet");
    }

    @Override
    public void setClob(java.lang.String p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setClob is not supported yet");
    }

    @Override
    public void setClob(java.lang.String p0, java.sql.Clob p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setClob is not supported yet");
    }

    @Override
    public void setDate(java.lang.String p0, java.sql.Date p1, java.util.Calendar p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setDate is not supported yet");
    }

    @Override
    public void setDate(java.lang.String p0, java.sql.Date p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setDate is not supported yet");
    }

    @Override
    public void setDouble(java.lang.String p0, double p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setDouble is not supported yet");
    }

    @Override
    public void setFloat(java.lang.String p0, float p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setFloat is not supported yet");
    }

    @Override
    public void setInt(java.lang.String p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setInt is not supported yet");
    }

    @Override
    public void setLong(java.lang.String p0, long p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setLong is not supported yet");
    }

    @Override
    public void setNCharacterStream(java.lang.String p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setNCharacterStream is not supported yet");
    }

    @Override
    public void setNCharacterStream(java.lang.String p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setNCharacterStream is not supported yet");
    }

    @Override
    public void setNClob(java.lang.String p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setNClob is not supported yet");
    }

    @Override
    public void setNClob(java.lang.String p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setNClob is not supported yet");
    }

    @Override
    public void setNClob(java.lang.String p0, java.sql.NClob p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setNClob is not supported yet");
    }

    @Override
    public void setNString(java.lang.String p0, java.lang.String p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setNString is not supported yet");
    }

    @Override
    public void setNull(java.lang.String p0, int p1, java.lang.String p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setNull is not supported yet");
    }

    @Override
    public void setNull(java.lang.String p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setNull is not supported yet");
    }

    @Override
    public void setObject(java.lang.String p0, java.lang.Object p1, int p2, int p3) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setObject is not supported yet");
    }

    @Override
    public void setObject(java.lang.String p0, java.lang.Object p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setObject is not supported yet");
    }

    @Override
    public void setObject(java.lang.String p0, java.lang.Object p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setObject is not supported yet");
    }

    @Override
    public void setRowId(java.lang.String p0, java.sql.RowId p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setRowId is not supported yet");
    }

    @Override
    public void setSQLXML(java.lang.String p0, java.sql.SQLXML p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setSQLXML is not supported yet");
    }

    @Override
    public void setShort(java.lang.String p0, short p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setShort is not supported yet");
    }

    @Override
    public void setString(java.lang.String p0, java.lang.String p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setString is not supported yet");
    }

    @Override
    public void setTime(java.lang.String p0, java.sql.Time p1, java.util.Calendar p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setTime is not supported yet");
    }

    @Override
    public void setTime(java.lang.String p0, java.sql.Time p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setTime is not supported yet");
    }

    @Override
    public void setTimestamp(java.lang.String p0, java.sql.Timestamp p1, java.util.Calendar p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setTimestamp is not supported yet");
    }

    @Override
    public void setTimestamp(java.lang.String p0, java.sql.Timestamp p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setTimestamp is not supported yet");
    }

    @Override
    public void setURL(java.lang.String p0, java.net.URL p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.setURL is not supported yet");
    }

    @Override
    public boolean wasNull() throws SQLException {
        throw new SQLFeatureNotSupportedException("CallableStatement.wasNull is not supported yet");
    }
}
