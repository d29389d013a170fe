package io.tusk.jdbc.internal;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** Generated skeleton: every method not yet written refuses with SQLFeatureNotSupportedException. */
public class JdbcStatement implements java.sql.Statement {
    final JdbcConnection connection;
    final int resultSetType;
    final int resultSetConcurrency;
    final int resultSetHoldability;

    public JdbcStatement(JdbcConnection connection, int resultSetType, int resultSetConcurrency, int resultSetHoldability) {
        this.connection = connection;
        this.resultSetType = resultSetType;
        this.resultSetConcurrency = resultSetConcurrency;
        this.resultSetHoldability = resultSetHoldability;
    }

    @Override
    public void addBatch(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.addBatch is not supported yet");
    }

    @Override
    public void cancel() throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.cancel is not supported yet");
    }

    @Override
    public void clearBatch() throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.clearBatch is not supported yet");
    }

    @Override
    public void clearWarnings() throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.clearWarnings is not supported yet");
    }

    @Override
    public void close() throws SQLException {
        // nothing held yet
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.closeOnCompletion is not supported yet");
    }

    @Override
    public boolean execute(java.lang.String p0, int[] p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.execute is not supported yet");
    }

    @Override
    public boolean execute(java.lang.String p0, java.lang.String[] p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.execute is not supported yet");
    }

    @Override
    public boolean execute(java.lang.String p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.execute is not supported yet");
    }

    @Override
    public boolean execute(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.execute is not supported yet");
    }

    @Override
    public int[] executeBatch() throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.executeBatch is not supported yet");
    }

    @Override
    public java.sql.ResultSet executeQuery(java.lang.String p0) throws SQLException {
        try {
            io.tusk.Cursor<io.tusk.rows.Row> cur = connection.conn.execute(p0);
            return new JdbcResultSet(this, new CursorRows(cur), resultSetType, resultSetConcurrency);
        } catch (io.tusk.errors.TuskException e) {
            throw JdbcErrors.translate(e);
        }
    }

    @Override
    public int executeUpdate(java.lang.String p0, int[] p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.executeUpdate is not supported yet");
    }

    @Override
    public int executeUpdate(java.lang.String p0, java.lang.String[] p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.executeUpdate is not supported yet");
    }

    @Override
    public int executeUpdate(java.lang.String p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.executeUpdate is not supported yet");
    }

    @Override
    public int executeUpdate(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.executeUpdate is not supported yet");
    }

    @Override
    public java.sql.Connection getConnection() throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.getConnection is not supported yet");
    }

    @Override
    public int getFetchDirection() throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.getFetchDirection is not supported yet");
    }

    @Override
    public int getFetchSize() throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.getFetchSize is not supported yet");
    }

    @Override
    public java.sql.ResultSet getGeneratedKeys() throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.getGeneratedKeys is not supported yet");
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.getMaxFieldSize is not supported yet");
    }

    @Override
    public int getMaxRows() throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.getMaxRows is not supported yet");
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.getMoreResults is not supported yet");
    }

    @Override
    public boolean getMoreResults(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.getMoreResults is not supported yet");
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.getQueryTimeout is not supported yet");
    }

    @Override
    public java.sql.ResultSet getResultSet() throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.getResultSet is not supported yet");
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.getResultSetConcurrency is not supported yet");
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.getResultSetHoldability is not supported yet");
    }

    @Override
    public int getResultSetType() throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.getResultSetType is not supported yet");
    }

    @Override
    public int getUpdateCount() throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.getUpdateCount is not supported yet");
    }

    @Override
    public java.sql.SQLWarning getWarnings() throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.getWarnings is not supported yet");
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.isCloseOnCompletion is not supported yet");
    }

    @Override
    public boolean isClosed() throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.isClosed is not supported yet");
    }

    @Override
    public boolean isPoolable() throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.isPoolable is not supported yet");
    }

    @Override
    public boolean isWrapperFor(java.lang.Class<?> p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.isWrapperFor is not supported yet");
    }

    @Override
    public void setCursorName(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.setCursorName is not supported yet");
    }

    @Override
    public void setEscapeProcessing(boolean p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.setEscapeProcessing is not supported yet");
    }

    @Override
    public void setFetchDirection(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.setFetchDirection is not supported yet");
    }

    @Override
    public void setFetchSize(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.setFetchSize is not supported yet");
    }

    @Override
    public void setMaxFieldSize(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.setMaxFieldSize is not supported yet");
    }

    @Override
    public void setMaxRows(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.setMaxRows is not supported yet");
    }

    @Override
    public void setPoolable(boolean p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.setPoolable is not supported yet");
    }

    @Override
    public void setQueryTimeout(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.setQueryTimeout is not supported yet");
    }

    @Override
    public <T> T unwrap(java.lang.Class<T> p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("Statement.unwrap is not supported yet");
    }
}
