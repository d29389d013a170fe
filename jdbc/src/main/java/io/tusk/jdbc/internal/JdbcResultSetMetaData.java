package io.tusk.jdbc.internal;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** Generated skeleton: every method not yet written refuses with SQLFeatureNotSupportedException. */
public class JdbcResultSetMetaData implements java.sql.ResultSetMetaData {
    final java.util.List<io.tusk.Column> columns;
    final JdbcConnection connection;

    public JdbcResultSetMetaData(java.util.List<io.tusk.Column> columns, JdbcConnection connection) {
        this.columns = columns;
        this.connection = connection;
    }

    @Override
    public java.lang.String getCatalogName(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.getCatalogName is not supported yet");
    }

    @Override
    public java.lang.String getColumnClassName(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.getColumnClassName is not supported yet");
    }

    @Override
    public int getColumnCount() throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.getColumnCount is not supported yet");
    }

    @Override
    public int getColumnDisplaySize(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.getColumnDisplaySize is not supported yet");
    }

    @Override
    public java.lang.String getColumnLabel(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.getColumnLabel is not supported yet");
    }

    @Override
    public java.lang.String getColumnName(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.getColumnName is not supported yet");
    }

    @Override
    public int getColumnType(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.getColumnType is not supported yet");
    }

    @Override
    public java.lang.String getColumnTypeName(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.getColumnTypeName is not supported yet");
    }

    @Override
    public int getPrecision(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.getPrecision is not supported yet");
    }

    @Override
    public int getScale(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.getScale is not supported yet");
    }

    @Override
    public java.lang.String getSchemaName(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.getSchemaName is not supported yet");
    }

    @Override
    public java.lang.String getTableName(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.getTableName is not supported yet");
    }

    @Override
    public boolean isAutoIncrement(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.isAutoIncrement is not supported yet");
    }

    @Override
    public boolean isCaseSensitive(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.isCaseSensitive is not supported yet");
    }

    @Override
    public boolean isCurrency(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.isCurrency is not supported yet");
    }

    @Override
    public boolean isDefinitelyWritable(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.isDefinitelyWritable is not supported yet");
    }

    @Override
    public int isNullable(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.isNullable is not supported yet");
    }

    @Override
    public boolean isReadOnly(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.isReadOnly is not supported yet");
    }

    @Override
    public boolean isSearchable(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.isSearchable is not supported yet");
    }

    @Override
    public boolean isSigned(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.isSigned is not supported yet");
    }

    @Override
    public boolean isWrapperFor(java.lang.Class<?> p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.isWrapperFor is not supported yet");
    }

    @Override
    public boolean isWritable(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.isWritable is not supported yet");
    }

    @Override
    public <T> T unwrap(java.lang.Class<T> p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ResultSetMetaData.unwrap is not supported yet");
    }
}
