package io.tusk.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The options of a {@code java.sql.Statement} (fetch size, maximum rows, timeout, ...), checked
 * as pgjdbc checks them, with pgjdbc's messages; the statement reads them when it runs.
 */
abstract class StatementSettings implements java.sql.Statement {
    boolean poolable = this instanceof java.sql.PreparedStatement;
    boolean escapeProcessing = true;
    long maxRows;
    int fetchSize;
    int fetchDirection = ResultSet.FETCH_FORWARD;
    int maxFieldSize;
    int queryTimeout;

    /** Raises SQLSTATE 55000 when the statement is closed. */
    abstract void checkOpen() throws SQLException;


    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        checkOpen();
        escapeProcessing = enable;
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        checkOpen();
        // Positioned updates (WHERE CURRENT OF) are not offered, as in pgjdbc: the name is not used.
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return fetchDirection;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != ResultSet.FETCH_FORWARD && direction != ResultSet.FETCH_REVERSE && direction != ResultSet.FETCH_UNKNOWN) {
            throw new SQLException("Invalid fetch direction constant: " + direction + ".", "22023");
        }
        fetchDirection = direction;
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
    public int getMaxFieldSize() throws SQLException {
        checkOpen();
        return maxFieldSize;
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw new SQLException("The maximum field size must be a value greater than or equal to 0.", "22023");
        }
        maxFieldSize = max;
    }

    @Override
    public int getMaxRows() throws SQLException {
        return (int) Math.min(Integer.MAX_VALUE, getLargeMaxRows());
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        checkOpen();
        return maxRows;
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        setLargeMaxRows(max);
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw new SQLException("Maximum number of rows must be a value grater than or equal to 0.", "22023");
        }
        maxRows = max;
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        checkOpen();
        return queryTimeout;
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        if (seconds < 0) {
            throw new SQLException("Query timeout must be a value greater than or equals to 0.", "22023");
        }
        queryTimeout = seconds;
    }

    @Override
    public boolean isPoolable() throws SQLException {
        checkOpen();
        return poolable;
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        checkOpen();
        this.poolable = poolable;
    }
}
