package io.tusk.jdbc.internal;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** Generated skeleton: every method not yet written refuses with SQLFeatureNotSupportedException. */
public class JdbcConnection implements java.sql.Connection {
    final io.tusk.Connection conn;
    final String url;

    public JdbcConnection(io.tusk.Connection conn, String url) {
        this.conn = conn;
        this.url = url;
    }

    /** The native connection this JDBC connection runs on. */
    public io.tusk.Connection nativeConnection() {
        return conn;
    }

    @Override
    public void abort(java.util.concurrent.Executor p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.abort is not supported yet");
    }

    @Override
    public void clearWarnings() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.clearWarnings is not supported yet");
    }

    @Override
    public void close() throws SQLException {
        conn.close();
    }

    @Override
    public void commit() throws SQLException {
        conn.commit();
    }

    @Override
    public java.sql.Array createArrayOf(java.lang.String p0, java.lang.Object[] p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.createArrayOf is not supported yet");
    }

    @Override
    public java.sql.Blob createBlob() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.createBlob is not supported yet");
    }

    @Override
    public java.sql.Clob createClob() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.createClob is not supported yet");
    }

    @Override
    public java.sql.NClob createNClob() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.createNClob is not supported yet");
    }

    @Override
    public java.sql.SQLXML createSQLXML() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.createSQLXML is not supported yet");
    }

    @Override
    public java.sql.Statement createStatement() throws SQLException {
        return new JdbcStatement(this, java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY,
                java.sql.ResultSet.HOLD_CURSORS_OVER_COMMIT);
    }

    @Override
    public java.sql.Statement createStatement(int p0, int p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.createStatement is not supported yet");
    }

    @Override
    public java.sql.Statement createStatement(int p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.createStatement is not supported yet");
    }

    @Override
    public java.sql.Struct createStruct(java.lang.String p0, java.lang.Object[] p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.createStruct is not supported yet");
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return conn.autocommit();
    }

    @Override
    public java.lang.String getCatalog() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.getCatalog is not supported yet");
    }

    @Override
    public java.util.Properties getClientInfo() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.getClientInfo is not supported yet");
    }

    @Override
    public java.lang.String getClientInfo(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.getClientInfo is not supported yet");
    }

    @Override
    public int getHoldability() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.getHoldability is not supported yet");
    }

    @Override
    public java.sql.DatabaseMetaData getMetaData() throws SQLException {
        return new JdbcDatabaseMetaData(this);
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.getNetworkTimeout is not supported yet");
    }

    @Override
    public java.lang.String getSchema() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.getSchema is not supported yet");
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.getTransactionIsolation is not supported yet");
    }

    @Override
    public java.util.Map<java.lang.String, java.lang.Class<?>> getTypeMap() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.getTypeMap is not supported yet");
    }

    @Override
    public java.sql.SQLWarning getWarnings() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.getWarnings is not supported yet");
    }

    @Override
    public boolean isClosed() throws SQLException {
        return conn.isClosed();
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.isReadOnly is not supported yet");
    }

    @Override
    public boolean isValid(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.isValid is not supported yet");
    }

    @Override
    public boolean isWrapperFor(java.lang.Class<?> p0) throws SQLException {
        return p0.isInstance(this) || p0.isInstance(conn);
    }

    @Override
    public java.lang.String nativeSQL(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.nativeSQL is not supported yet");
    }

    @Override
    public java.sql.CallableStatement prepareCall(java.lang.String p0, int p1, int p2, int p3) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.prepareCall is not supported yet");
    }

    @Override
    public java.sql.CallableStatement prepareCall(java.lang.String p0, int p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.prepareCall is not supported yet");
    }

    @Override
    public java.sql.CallableStatement prepareCall(java.lang.String p0) throws SQLException {
        return new JdbcCallableStatement(this, p0, java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY,
                java.sql.ResultSet.HOLD_CURSORS_OVER_COMMIT);
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String p0, int[] p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.prepareStatement is not supported yet");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String p0, java.lang.String[] p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.prepareStatement is not supported yet");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String p0, int p1, int p2, int p3) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.prepareStatement is not supported yet");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String p0, int p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.prepareStatement is not supported yet");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.prepareStatement is not supported yet");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String p0) throws SQLException {
        return new JdbcPreparedStatement(this, p0, java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY,
                java.sql.ResultSet.HOLD_CURSORS_OVER_COMMIT);
    }

    @Override
    public void releaseSavepoint(java.sql.Savepoint p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.releaseSavepoint is not supported yet");
    }

    @Override
    public void rollback() throws SQLException {
        conn.rollback();
    }

    @Override
    public void rollback(java.sql.Savepoint p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.rollback is not supported yet");
    }

    @Override
    public void setAutoCommit(boolean p0) throws SQLException {
        conn.setAutocommit(p0);
    }

    @Override
    public void setCatalog(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.setCatalog is not supported yet");
    }

    @Override
    public void setClientInfo(java.lang.String p0, java.lang.String p1) {
        throw new UnsupportedOperationException("Connection.setClientInfo is not supported yet");
    }

    @Override
    public void setClientInfo(java.util.Properties p0) {
        throw new UnsupportedOperationException("Connection.setClientInfo is not supported yet");
    }

    @Override
    public void setHoldability(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.setHoldability is not supported yet");
    }

    @Override
    public void setNetworkTimeout(java.util.concurrent.Executor p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.setNetworkTimeout is not supported yet");
    }

    @Override
    public void setReadOnly(boolean p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.setReadOnly is not supported yet");
    }

    @Override
    public java.sql.Savepoint setSavepoint() throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.setSavepoint is not supported yet");
    }

    @Override
    public java.sql.Savepoint setSavepoint(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.setSavepoint is not supported yet");
    }

    @Override
    public void setSchema(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.setSchema is not supported yet");
    }

    @Override
    public void setTransactionIsolation(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.setTransactionIsolation is not supported yet");
    }

    @Override
    public void setTypeMap(java.util.Map<java.lang.String, java.lang.Class<?>> p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connection.setTypeMap is not supported yet");
    }

    @Override
    public <T> T unwrap(java.lang.Class<T> p0) throws SQLException {
        if (p0.isInstance(this)) {
            return p0.cast(this);
        }
        if (p0.isInstance(conn)) {
            return p0.cast(conn);
        }
        throw new SQLException("this connection is not a wrapper for " + p0.getName(), "22023");
    }
}
