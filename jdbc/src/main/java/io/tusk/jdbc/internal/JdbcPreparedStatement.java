package io.tusk.jdbc.internal;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** Generated skeleton: every method not yet written refuses with SQLFeatureNotSupportedException. */
public class JdbcPreparedStatement extends JdbcStatement implements java.sql.PreparedStatement {
    final String sql;

    public JdbcPreparedStatement(JdbcConnection connection, String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) {
        super(connection, resultSetType, resultSetConcurrency, resultSetHoldability);
        this.sql = sql;
    }

    @Override
    public void addBatch() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.addBatch is not supported yet");
    }

    @Override
    public void clearParameters() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.clearParameters is not supported yet");
    }

    @Override
    public boolean execute() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.execute is not supported yet");
    }

    @Override
    public java.sql.ResultSet executeQuery() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.executeQuery is not supported yet");
    }

    @Override
    public int executeUpdate() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.executeUpdate is not supported yet");
    }

    @Override
    public java.sql.ResultSetMetaData getMetaData() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.getMetaData is not supported yet");
    }

    @Override
    public java.sql.ParameterMetaData getParameterMetaData() throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.getParameterMetaData is not supported yet");
    }

    @Override
    public void setArray(int p0, java.sql.Array p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setArray is not supported yet");
    }

    @Override
    public void setAsciiStream(int p0, java.io.InputStream p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setAsciiStream is not supported yet");
    }

    @Override
    public void setAsciiStream(int p0, java.io.InputStream p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setAsciiStream is not supported yet");
    }

    @Override
    public void setAsciiStream(int p0, java.io.InputStream p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setAsciiStream is not supported yet");
    }

    @Override
    public void setBigDecimal(int p0, java.math.BigDecimal p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setBigDecimal is not supported yet");
    }

    @Override
    public void setBinaryStream(int p0, java.io.InputStream p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setBinaryStream is not supported yet");
    }

    @Override
    public void setBinaryStream(int p0, java.io.InputStream p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setBinaryStream is not supported yet");
    }

    @Override
    public void setBinaryStream(int p0, java.io.InputStream p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setBinaryStream is not supported yet");
    }

    @Override
    public void setBlob(int p0, java.io.InputStream p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setBlob is not supported yet");
    }

    @Override
    public void setBlob(int p0, java.io.InputStream p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setBlob is not supported yet");
    }

    @Override
    public void setBlob(int p0, java.sql.Blob p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setBlob is not supported yet");
    }

    @Override
    public void setBoolean(int p0, boolean p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setBoolean is not supported yet");
    }

    @Override
    public void setByte(int p0, byte p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setByte is not supported yet");
    }

    @Override
    public void setBytes(int p0, byte[] p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setBytes is not supported yet");
    }

    @Override
    public void setCharacterStream(int p0, java.io.Reader p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setCharacterStream is not supported yet");
    }

    @Override
    public void setCharacterStream(int p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setCharacterStream is not supported yet");
    }

    @Override
    public void setCharacterStream(int p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setCharacterStream is not supported yet");
    }

    @Override
    public void setClob(int p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setClob is not supported yet");
    }

    @Override
    public void setClob(int p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setClob is not supported yet");
    }

    @Override
    public void setClob(int p0, java.sql.Clob p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setClob is not supported yet");
    }

    @Override
    public void setDate(int p0, java.sql.Date p1, java.util.Calendar p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setDate is not supported yet");
    }

    @Override
    public void setDate(int p0, java.sql.Date p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setDate is not supported yet");
    }

    @Override
    public void setDouble(int p0, double p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setDouble is not supported yet");
    }

    @Override
    public void setFloat(int p0, float p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setFloat is not supported yet");
    }

    @Override
    public void setInt(int p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setInt is not supported yet");
    }

    @Override
    public void setLong(int p0, long p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setLong is not supported yet");
    }

    @Override
    public void setNCharacterStream(int p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setNCharacterStream is not supported yet");
    }

    @Override
    public void setNCharacterStream(int p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setNCharacterStream is not supported yet");
    }

    @Override
    public void setNClob(int p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setNClob is not supported yet");
    }

    @Override
    public void setNClob(int p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setNClob is not supported yet");
    }

    @Override
    public void setNClob(int p0, java.sql.NClob p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setNClob is not supported yet");
    }

    @Override
    public void setNString(int p0, java.lang.String p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setNString is not supported yet");
    }

    @Override
    public void setNull(int p0, int p1, java.lang.String p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setNull is not supported yet");
    }

    @Override
    public void setNull(int p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setNull is not supported yet");
    }

    @Override
    public void setObject(int p0, java.lang.Object p1, int p2, int p3) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setObject is not supported yet");
    }

    @Override
    public void setObject(int p0, java.lang.Object p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setObject is not supported yet");
    }

    @Override
    public void setObject(int p0, java.lang.Object p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setObject is not supported yet");
    }

    @Override
    public void setRef(int p0, java.sql.Ref p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setRef is not supported yet");
    }

    @Override
    public void setRowId(int p0, java.sql.RowId p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setRowId is not supported yet");
    }

    @Override
    public void setSQLXML(int p0, java.sql.SQLXML p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setSQLXML is not supported yet");
    }

    @Override
    public void setShort(int p0, short p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setShort is not supported yet");
    }

    @Override
    public void setString(int p0, java.lang.String p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setString is not supported yet");
    }

    @Override
    public void setTime(int p0, java.sql.Time p1, java.util.Calendar p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setTime is not supported yet");
    }

    @Override
    public void setTime(int p0, java.sql.Time p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setTime is not supported yet");
    }

    @Override
    public void setTimestamp(int p0, java.sql.Timestamp p1, java.util.Calendar p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setTimestamp is not supported yet");
    }

    @Override
    public void setTimestamp(int p0, java.sql.Timestamp p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setTimestamp is not supported yet");
    }

    @Override
    public void setURL(int p0, java.net.URL p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setURL is not supported yet");
    }

    @Override
    public void setUnicodeStream(int p0, java.io.InputStream p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("PreparedStatement.setUnicodeStream is not supported yet");
    }
}
