package io.tusk.jdbc.internal;

import java.io.InputStream;
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
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.SQLException;

/**
 * The half of {@link ResultSet} that changes rows, which Tusk's results do not do: a result is a
 * read-only copy of what the server sent (JDBC's CONCUR_READ_ONLY). Every update method refuses
 * with {@link java.sql.SQLFeatureNotSupportedException} (SQLSTATE 0A000) telling to run an
 * UPDATE/INSERT/DELETE statement instead; a statement asking for CONCUR_UPDATABLE gets a
 * read-only result and a warning, as JDBC allows.
 */
abstract class ReadOnlyResultSet implements ResultSet {

    /** Raises the closed-result error when this result is closed. */
    abstract void checkOpen() throws SQLException;

    /** True when the statement asked for CONCUR_UPDATABLE (and got a read-only result with a warning). */
    abstract boolean updatableRequested();

    private SQLException refuse(String method) throws SQLException {
        checkOpen();
        if (!updatableRequested()) {
            // pgjdbc's answer for a result nobody asked to update
            return new SQLException("ResultSets with concurrency CONCUR_READ_ONLY cannot be updated.", "24000");
        }
        return new java.sql.SQLFeatureNotSupportedException("ResultSet." + method + " is not supported: Tusk's results are read-only"
                + " (CONCUR_READ_ONLY); change rows with an UPDATE, INSERT or DELETE statement", "0A000");
    }

    @Override
    public void cancelRowUpdates() throws SQLException {
        throw refuse("cancelRowUpdates");
    }

    @Override
    public void deleteRow() throws SQLException {
        throw refuse("deleteRow");
    }

    @Override
    public void insertRow() throws SQLException {
        throw refuse("insertRow");
    }

    @Override
    public void moveToCurrentRow() throws SQLException {
        checkOpen();
    }

    @Override
    public void moveToInsertRow() throws SQLException {
        throw refuse("moveToInsertRow");
    }

    @Override
    public void refreshRow() throws SQLException {
        throw refuse("refreshRow");
    }

    @Override
    public boolean rowDeleted() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean rowInserted() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean rowUpdated() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public void updateArray(String p0, Array p1) throws SQLException {
        throw refuse("updateArray");
    }

    @Override
    public void updateArray(int p0, Array p1) throws SQLException {
        throw refuse("updateArray");
    }

    @Override
    public void updateAsciiStream(String p0, InputStream p1, int p2) throws SQLException {
        throw refuse("updateAsciiStream");
    }

    @Override
    public void updateAsciiStream(String p0, InputStream p1, long p2) throws SQLException {
        throw refuse("updateAsciiStream");
    }

    @Override
    public void updateAsciiStream(String p0, InputStream p1) throws SQLException {
        throw refuse("updateAsciiStream");
    }

    @Override
    public void updateAsciiStream(int p0, InputStream p1, int p2) throws SQLException {
        throw refuse("updateAsciiStream");
    }

    @Override
    public void updateAsciiStream(int p0, InputStream p1, long p2) throws SQLException {
        throw refuse("updateAsciiStream");
    }

    @Override
    public void updateAsciiStream(int p0, InputStream p1) throws SQLException {
        throw refuse("updateAsciiStream");
    }

    @Override
    public void updateBigDecimal(String p0, BigDecimal p1) throws SQLException {
        throw refuse("updateBigDecimal");
    }

    @Override
    public void updateBigDecimal(int p0, BigDecimal p1) throws SQLException {
        throw refuse("updateBigDecimal");
    }

    @Override
    public void updateBinaryStream(String p0, InputStream p1, int p2) throws SQLException {
        throw refuse("updateBinaryStream");
    }

    @Override
    public void updateBinaryStream(String p0, InputStream p1, long p2) throws SQLException {
        throw refuse("updateBinaryStream");
    }

    @Override
    public void updateBinaryStream(String p0, InputStream p1) throws SQLException {
        throw refuse("updateBinaryStream");
    }

    @Override
    public void updateBinaryStream(int p0, InputStream p1, int p2) throws SQLException {
        throw refuse("updateBinaryStream");
    }

    @Override
    public void updateBinaryStream(int p0, InputStream p1, long p2) throws SQLException {
        throw refuse("updateBinaryStream");
    }

    @Override
    public void updateBinaryStream(int p0, InputStream p1) throws SQLException {
        throw refuse("updateBinaryStream");
    }

    @Override
    public void updateBlob(String p0, InputStream p1, long p2) throws SQLException {
        throw refuse("updateBlob");
    }

    @Override
    public void updateBlob(String p0, InputStream p1) throws SQLException {
        throw refuse("updateBlob");
    }

    @Override
    public void updateBlob(String p0, Blob p1) throws SQLException {
        throw refuse("updateBlob");
    }

    @Override
    public void updateBlob(int p0, InputStream p1, long p2) throws SQLException {
        throw refuse("updateBlob");
    }

    @Override
    public void updateBlob(int p0, InputStream p1) throws SQLException {
        throw refuse("updateBlob");
    }

    @Override
    public void updateBlob(int p0, Blob p1) throws SQLException {
        throw refuse("updateBlob");
    }

    @Override
    public void updateBoolean(String p0, boolean p1) throws SQLException {
        throw refuse("updateBoolean");
    }

    @Override
    public void updateBoolean(int p0, boolean p1) throws SQLException {
        throw refuse("updateBoolean");
    }

    @Override
    public void updateByte(String p0, byte p1) throws SQLException {
        throw refuse("updateByte");
    }

    @Override
    public void updateByte(int p0, byte p1) throws SQLException {
        throw refuse("updateByte");
    }

    @Override
    public void updateBytes(String p0, byte[] p1) throws SQLException {
        throw refuse("updateBytes");
    }

    @Override
    public void updateBytes(int p0, byte[] p1) throws SQLException {
        throw refuse("updateBytes");
    }

    @Override
    public void updateCharacterStream(String p0, Reader p1, int p2) throws SQLException {
        throw refuse("updateCharacterStream");
    }

    @Override
    public void updateCharacterStream(String p0, Reader p1, long p2) throws SQLException {
        throw refuse("updateCharacterStream");
    }

    @Override
    public void updateCharacterStream(String p0, Reader p1) throws SQLException {
        throw refuse("updateCharacterStream");
    }

    @Override
    public void updateCharacterStream(int p0, Reader p1, int p2) throws SQLException {
        throw refuse("updateCharacterStream");
    }

    @Override
    public void updateCharacterStream(int p0, Reader p1, long p2) throws SQLException {
        throw refuse("updateCharacterStream");
    }

    @Override
    public void updateCharacterStream(int p0, Reader p1) throws SQLException {
        throw refuse("updateCharacterStream");
    }

    @Override
    public void updateClob(String p0, Reader p1, long p2) throws SQLException {
        throw refuse("updateClob");
    }

    @Override
    public void updateClob(String p0, Reader p1) throws SQLException {
        throw refuse("updateClob");
    }

    @Override
    public void updateClob(String p0, Clob p1) throws SQLException {
        throw refuse("updateClob");
    }

    @Override
    public void updateClob(int p0, Reader p1, long p2) throws SQLException {
        throw refuse("updateClob");
    }

    @Override
    public void updateClob(int p0, Reader p1) throws SQLException {
        throw refuse("updateClob");
    }

    @Override
    public void updateClob(int p0, Clob p1) throws SQLException {
        throw refuse("updateClob");
    }

    @Override
    public void updateDate(String p0, Date p1) throws SQLException {
        throw refuse("updateDate");
    }

    @Override
    public void updateDate(int p0, Date p1) throws SQLException {
        throw refuse("updateDate");
    }

    @Override
    public void updateDouble(String p0, double p1) throws SQLException {
        throw refuse("updateDouble");
    }

    @Override
    public void updateDouble(int p0, double p1) throws SQLException {
        throw refuse("updateDouble");
    }

    @Override
    public void updateFloat(String p0, float p1) throws SQLException {
        throw refuse("updateFloat");
    }

    @Override
    public void updateFloat(int p0, float p1) throws SQLException {
        throw refuse("updateFloat");
    }

    @Override
    public void updateInt(String p0, int p1) throws SQLException {
        throw refuse("updateInt");
    }

    @Override
    public void updateInt(int p0, int p1) throws SQLException {
        throw refuse("updateInt");
    }

    @Override
    public void updateLong(String p0, long p1) throws SQLException {
        throw refuse("updateLong");
    }

    @Override
    public void updateLong(int p0, long p1) throws SQLException {
        throw refuse("updateLong");
    }

    @Override
    public void updateNCharacterStream(String p0, Reader p1, long p2) throws SQLException {
        throw refuse("updateNCharacterStream");
    }

    @Override
    public void updateNCharacterStream(String p0, Reader p1) throws SQLException {
        throw refuse("updateNCharacterStream");
    }

    @Override
    public void updateNCharacterStream(int p0, Reader p1, long p2) throws SQLException {
        throw refuse("updateNCharacterStream");
    }

    @Override
    public void updateNCharacterStream(int p0, Reader p1) throws SQLException {
        throw refuse("updateNCharacterStream");
    }

    @Override
    public void updateNClob(String p0, Reader p1, long p2) throws SQLException {
        throw refuse("updateNClob");
    }

    @Override
    public void updateNClob(String p0, Reader p1) throws SQLException {
        throw refuse("updateNClob");
    }

    @Override
    public void updateNClob(String p0, NClob p1) throws SQLException {
        throw refuse("updateNClob");
    }

    @Override
    public void updateNClob(int p0, Reader p1, long p2) throws SQLException {
        throw refuse("updateNClob");
    }

    @Override
    public void updateNClob(int p0, Reader p1) throws SQLException {
        throw refuse("updateNClob");
    }

    @Override
    public void updateNClob(int p0, NClob p1) throws SQLException {
        throw refuse("updateNClob");
    }

    @Override
    public void updateNString(String p0, String p1) throws SQLException {
        throw refuse("updateNString");
    }

    @Override
    public void updateNString(int p0, String p1) throws SQLException {
        throw refuse("updateNString");
    }

    @Override
    public void updateNull(String p0) throws SQLException {
        throw refuse("updateNull");
    }

    @Override
    public void updateNull(int p0) throws SQLException {
        throw refuse("updateNull");
    }

    @Override
    public void updateObject(String p0, Object p1, int p2) throws SQLException {
        throw refuse("updateObject");
    }

    @Override
    public void updateObject(String p0, Object p1) throws SQLException {
        throw refuse("updateObject");
    }

    @Override
    public void updateObject(int p0, Object p1, int p2) throws SQLException {
        throw refuse("updateObject");
    }

    @Override
    public void updateObject(int p0, Object p1) throws SQLException {
        throw refuse("updateObject");
    }

    @Override
    public void updateRef(String p0, Ref p1) throws SQLException {
        throw refuse("updateRef");
    }

    @Override
    public void updateRef(int p0, Ref p1) throws SQLException {
        throw refuse("updateRef");
    }

    @Override
    public void updateRow() throws SQLException {
        throw refuse("updateRow");
    }

    @Override
    public void updateRowId(String p0, RowId p1) throws SQLException {
        throw refuse("updateRowId");
    }

    @Override
    public void updateRowId(int p0, RowId p1) throws SQLException {
        throw refuse("updateRowId");
    }

    @Override
    public void updateSQLXML(String p0, SQLXML p1) throws SQLException {
        throw refuse("updateSQLXML");
    }

    @Override
    public void updateSQLXML(int p0, SQLXML p1) throws SQLException {
        throw refuse("updateSQLXML");
    }

    @Override
    public void updateShort(String p0, short p1) throws SQLException {
        throw refuse("updateShort");
    }

    @Override
    public void updateShort(int p0, short p1) throws SQLException {
        throw refuse("updateShort");
    }

    @Override
    public void updateString(String p0, String p1) throws SQLException {
        throw refuse("updateString");
    }

    @Override
    public void updateString(int p0, String p1) throws SQLException {
        throw refuse("updateString");
    }

    @Override
    public void updateTime(String p0, Time p1) throws SQLException {
        throw refuse("updateTime");
    }

    @Override
    public void updateTime(int p0, Time p1) throws SQLException {
        throw refuse("updateTime");
    }

    @Override
    public void updateTimestamp(String p0, Timestamp p1) throws SQLException {
        throw refuse("updateTimestamp");
    }

    @Override
    public void updateTimestamp(int p0, Timestamp p1) throws SQLException {
        throw refuse("updateTimestamp");
    }

}
