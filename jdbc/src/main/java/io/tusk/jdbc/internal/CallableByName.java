package io.tusk.jdbc.internal;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * The half of {@code java.sql.CallableStatement} that names parameters ({@code setInt("a", 1)},
 * {@code getString("b")}, {@code registerOutParameter("c", ...)}): refused with
 * SQLFeatureNotSupportedException, as pgjdbc refuses it. PostgreSQL binds by position; a routine's
 * argument names would need a catalog lookup per call, and named notation ({@code f(a => $1)}) can
 * be written in the SQL itself.
 */
abstract class CallableByName extends JdbcPreparedStatement implements java.sql.CallableStatement {
    CallableByName(JdbcConnection connection, String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) {
        super(connection, sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    private SQLException byName(String method) throws SQLException {
        checkOpen();
        return new SQLFeatureNotSupportedException("CallableStatement." + method + " is not supported: "
                + "parameters are bound by position, use the method that takes the parameter index", "0A000");
    }

    @Override
    public <T> T getObject(String parameterName, Class<T> p1) throws SQLException {
        throw byName("getObject(String, Class)");
    }

    @Override
    public Object getObject(String parameterName) throws SQLException {
        throw byName("getObject(String)");
    }

    @Override
    public Object getObject(String parameterName, java.util.Map<String, Class<?>> p1) throws SQLException {
        throw byName("getObject(String, Map)");
    }

    @Override
    public String getNString(String parameterName) throws SQLException {
        throw byName("getNString(String)");
    }

    @Override
    public String getString(String parameterName) throws SQLException {
        throw byName("getString(String)");
    }

    @Override
    public boolean getBoolean(String parameterName) throws SQLException {
        throw byName("getBoolean(String)");
    }

    @Override
    public byte getByte(String parameterName) throws SQLException {
        throw byName("getByte(String)");
    }

    @Override
    public byte[] getBytes(String parameterName) throws SQLException {
        throw byName("getBytes(String)");
    }

    @Override
    public double getDouble(String parameterName) throws SQLException {
        throw byName("getDouble(String)");
    }

    @Override
    public float getFloat(String parameterName) throws SQLException {
        throw byName("getFloat(String)");
    }

    @Override
    public int getInt(String parameterName) throws SQLException {
        throw byName("getInt(String)");
    }

    @Override
    public java.io.Reader getCharacterStream(String parameterName) throws SQLException {
        throw byName("getCharacterStream(String)");
    }

    @Override
    public java.io.Reader getNCharacterStream(String parameterName) throws SQLException {
        throw byName("getNCharacterStream(String)");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(String parameterName) throws SQLException {
        throw byName("getBigDecimal(String)");
    }

    @Override
    public java.net.URL getURL(String parameterName) throws SQLException {
        throw byName("getURL(String)");
    }

    @Override
    public java.sql.Array getArray(String parameterName) throws SQLException {
        throw byName("getArray(String)");
    }

    @Override
    public java.sql.Blob getBlob(String parameterName) throws SQLException {
        throw byName("getBlob(String)");
    }

    @Override
    public java.sql.Clob getClob(String parameterName) throws SQLException {
        throw byName("getClob(String)");
    }

    @Override
    public java.sql.Date getDate(String parameterName) throws SQLException {
        throw byName("getDate(String)");
    }

    @Override
    public java.sql.Date getDate(String parameterName, java.util.Calendar p1) throws SQLException {
        throw byName("getDate(String, Calendar)");
    }

    @Override
    public java.sql.NClob getNClob(String parameterName) throws SQLException {
        throw byName("getNClob(String)");
    }

    @Override
    public java.sql.Ref getRef(String parameterName) throws SQLException {
        throw byName("getRef(String)");
    }

    @Override
    public java.sql.RowId getRowId(String parameterName) throws SQLException {
        throw byName("getRowId(String)");
    }

    @Override
    public java.sql.SQLXML getSQLXML(String parameterName) throws SQLException {
        throw byName("getSQLXML(String)");
    }

    @Override
    public java.sql.Time getTime(String parameterName) throws SQLException {
        throw byName("getTime(String)");
    }

    @Override
    public java.sql.Time getTime(String parameterName, java.util.Calendar p1) throws SQLException {
        throw byName("getTime(String, Calendar)");
    }

    @Override
    public java.sql.Timestamp getTimestamp(String parameterName) throws SQLException {
        throw byName("getTimestamp(String)");
    }

    @Override
    public java.sql.Timestamp getTimestamp(String parameterName, java.util.Calendar p1) throws SQLException {
        throw byName("getTimestamp(String, Calendar)");
    }

    @Override
    public long getLong(String parameterName) throws SQLException {
        throw byName("getLong(String)");
    }

    @Override
    public short getShort(String parameterName) throws SQLException {
        throw byName("getShort(String)");
    }

    @Override
    public void registerOutParameter(String parameterName, int p1) throws SQLException {
        throw byName("registerOutParameter(String, int)");
    }

    @Override
    public void registerOutParameter(String parameterName, int p1, String p2) throws SQLException {
        throw byName("registerOutParameter(String, int, String)");
    }

    @Override
    public void registerOutParameter(String parameterName, int p1, int p2) throws SQLException {
        throw byName("registerOutParameter(String, int, int)");
    }

    @Override
    public void registerOutParameter(String parameterName, java.sql.SQLType p1) throws SQLException {
        throw byName("registerOutParameter(String, SQLType)");
    }

    @Override
    public void registerOutParameter(String parameterName, java.sql.SQLType p1, String p2) throws SQLException {
        throw byName("registerOutParameter(String, SQLType, String)");
    }

    @Override
    public void registerOutParameter(String parameterName, java.sql.SQLType p1, int p2) throws SQLException {
        throw byName("registerOutParameter(String, SQLType, int)");
    }

    @Override
    public void setAsciiStream(String parameterName, java.io.InputStream p1) throws SQLException {
        throw byName("setAsciiStream(String, InputStream)");
    }

    @Override
    public void setAsciiStream(String parameterName, java.io.InputStream p1, int p2) throws SQLException {
        throw byName("setAsciiStream(String, InputStream, int)");
    }

    @Override
    public void setAsciiStream(String parameterName, java.io.InputStream p1, long p2) throws SQLException {
        throw byName("setAsciiStream(String, InputStream, long)");
    }

    @Override
    public void setBigDecimal(String parameterName, java.math.BigDecimal p1) throws SQLException {
        throw byName("setBigDecimal(String, BigDecimal)");
    }

    @Override
    public void setBinaryStream(String parameterName, java.io.InputStream p1) throws SQLException {
        throw byName("setBinaryStream(String, InputStream)");
    }

    @Override
    public void setBinaryStream(String parameterName, java.io.InputStream p1, int p2) throws SQLException {
        throw byName("setBinaryStream(String, InputStream, int)");
    }

    @Override
    public void setBinaryStream(String parameterName, java.io.InputStream p1, long p2) throws SQLException {
        throw byName("setBinaryStream(String, InputStream, long)");
    }

    @Override
    public void setBlob(String parameterName, java.io.InputStream p1) throws SQLException {
        throw byName("setBlob(String, InputStream)");
    }

    @Override
    public void setBlob(String parameterName, java.io.InputStream p1, long p2) throws SQLException {
        throw byName("setBlob(String, InputStream, long)");
    }

    @Override
    public void setBlob(String parameterName, java.sql.Blob p1) throws SQLException {
        throw byName("setBlob(String, Blob)");
    }

    @Override
    public void setBoolean(String parameterName, boolean p1) throws SQLException {
        throw byName("setBoolean(String, boolean)");
    }

    @Override
    public void setByte(String parameterName, byte p1) throws SQLException {
        throw byName("setByte(String, byte)");
    }

    @Override
    public void setBytes(String parameterName, byte[] p1) throws SQLException {
        throw byName("setBytes(String, byte[])");
    }

    @Override
    public void setCharacterStream(String parameterName, java.io.Reader p1) throws SQLException {
        throw byName("setCharacterStream(String, Reader)");
    }

    @Override
    public void setCharacterStream(String parameterName, java.io.Reader p1, int p2) throws SQLException {
        throw byName("setCharacterStream(String, Reader, int)");
    }

    @Override
    public void setCharacterStream(String parameterName, java.io.Reader p1, long p2) throws SQLException {
        throw byName("setCharacterStream(String, Reader, long)");
    }

    @Override
    public void setClob(String parameterName, java.io.Reader p1) throws SQLException {
        throw byName("setClob(String, Reader)");
    }

    @Override
    public void setClob(String parameterName, java.io.Reader p1, long p2) throws SQLException {
        throw byName("setClob(String, Reader, long)");
    }

    @Override
    public void setClob(String parameterName, java.sql.Clob p1) throws SQLException {
        throw byName("setClob(String, Clob)");
    }

    @Override
    public void setDate(String parameterName, java.sql.Date p1) throws SQLException {
        throw byName("setDate(String, Date)");
    }

    @Override
    public void setDate(String parameterName, java.sql.Date p1, java.util.Calendar p2) throws SQLException {
        throw byName("setDate(String, Date, Calendar)");
    }

    @Override
    public void setDouble(String parameterName, double p1) throws SQLException {
        throw byName("setDouble(String, double)");
    }

    @Override
    public void setFloat(String parameterName, float p1) throws SQLException {
        throw byName("setFloat(String, float)");
    }

    @Override
    public void setInt(String parameterName, int p1) throws SQLException {
        throw byName("setInt(String, int)");
    }

    @Override
    public void setLong(String parameterName, long p1) throws SQLException {
        throw byName("setLong(String, long)");
    }

    @Override
    public void setNCharacterStream(String parameterName, java.io.Reader p1) throws SQLException {
        throw byName("setNCharacterStream(String, Reader)");
    }

    @Override
    public void setNCharacterStream(String parameterName, java.io.Reader p1, long p2) throws SQLException {
        throw byName("setNCharacterStream(String, Reader, long)");
    }

    @Override
    public void setNClob(String parameterName, java.io.Reader p1) throws SQLException {
        throw byName("setNClob(String, Reader)");
    }

    @Override
    public void setNClob(String parameterName, java.io.Reader p1, long p2) throws SQLException {
        throw byName("setNClob(String, Reader, long)");
    }

    @Override
    public void setNClob(String parameterName, java.sql.NClob p1) throws SQLException {
        throw byName("setNClob(String, NClob)");
    }

    @Override
    public void setNString(String parameterName, String p1) throws SQLException {
        throw byName("setNString(String, String)");
    }

    @Override
    public void setNull(String parameterName, int p1) throws SQLException {
        throw byName("setNull(String, int)");
    }

    @Override
    public void setNull(String parameterName, int p1, String p2) throws SQLException {
        throw byName("setNull(String, int, String)");
    }

    @Override
    public void setObject(String parameterName, Object p1) throws SQLException {
        throw byName("setObject(String, Object)");
    }

    @Override
    public void setObject(String parameterName, Object p1, int p2) throws SQLException {
        throw byName("setObject(String, Object, int)");
    }

    @Override
    public void setObject(String parameterName, Object p1, int p2, int p3) throws SQLException {
        throw byName("setObject(String, Object, int, int)");
    }

    @Override
    public void setObject(String parameterName, Object p1, java.sql.SQLType p2) throws SQLException {
        throw byName("setObject(String, Object, SQLType)");
    }

    @Override
    public void setObject(String parameterName, Object p1, java.sql.SQLType p2, int p3) throws SQLException {
        throw byName("setObject(String, Object, SQLType, int)");
    }

    @Override
    public void setRowId(String parameterName, java.sql.RowId p1) throws SQLException {
        throw byName("setRowId(String, RowId)");
    }

    @Override
    public void setSQLXML(String parameterName, java.sql.SQLXML p1) throws SQLException {
        throw byName("setSQLXML(String, SQLXML)");
    }

    @Override
    public void setShort(String parameterName, short p1) throws SQLException {
        throw byName("setShort(String, short)");
    }

    @Override
    public void setString(String parameterName, String p1) throws SQLException {
        throw byName("setString(String, String)");
    }

    @Override
    public void setTime(String parameterName, java.sql.Time p1) throws SQLException {
        throw byName("setTime(String, Time)");
    }

    @Override
    public void setTime(String parameterName, java.sql.Time p1, java.util.Calendar p2) throws SQLException {
        throw byName("setTime(String, Time, Calendar)");
    }

    @Override
    public void setTimestamp(String parameterName, java.sql.Timestamp p1) throws SQLException {
        throw byName("setTimestamp(String, Timestamp)");
    }

    @Override
    public void setTimestamp(String parameterName, java.sql.Timestamp p1, java.util.Calendar p2) throws SQLException {
        throw byName("setTimestamp(String, Timestamp, Calendar)");
    }

    @Override
    public void setURL(String parameterName, java.net.URL p1) throws SQLException {
        throw byName("setURL(String, URL)");
    }

}
