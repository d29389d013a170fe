package io.tusk.jdbc.internal;

import io.tusk.LargeObject;
import io.tusk.errors.TuskException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Blob;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * A {@link Blob} held in memory: the bytes of a bytea value, of a large object read whole
 * (pgjdbc's reading of an {@code oid} column), or made by {@code Connection.createBlob()} to be
 * bound as bytea. Positions are 1-based, as JDBC says.
 */
public final class JdbcBlob implements Blob {
    private byte[] data;
    private int length;

    public JdbcBlob(byte[] data) {
        this.data = data.clone();
        this.length = data.length;
    }

    /** The whole content of large object {@code oid}; inside a transaction, as large objects require. */
    static JdbcBlob ofLargeObject(JdbcConnection connection, long oid) throws SQLException {
        if (connection == null) {
            throw new SQLException("A Blob column holds a large object's OID, and this result has no connection to read it from", "55000");
        }
        try (LargeObject lo = connection.conn.largeObject(oid, "rb")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = lo.inputStream()) {
                in.transferTo(out);
            }
            return new JdbcBlob(out.toByteArray());
        } catch (TuskException e) {
            throw JdbcErrors.translate(e);
        } catch (java.io.IOException e) {
            throw new SQLException("Reading large object " + oid + " failed: " + e.getMessage(), "58030", e);
        }
    }

    private byte[] bytes() throws SQLException {
        if (data == null) {
            throw new SQLException("This Blob has been freed", "55000");
        }
        return data;
    }

    /** The content, for binding as bytea. */
    public byte[] toBytes() throws SQLException {
        return Arrays.copyOf(bytes(), length);
    }

    @Override
    public long length() throws SQLException {
        bytes();
        return length;
    }

    private void checkRange(long pos, long len) throws SQLException {
        if (pos < 1 || len < 0 || pos - 1 > length) {
            throw new SQLException("Invalid position " + pos + " or length " + len + " in a Blob of " + length + " bytes"
                    + " (positions start at 1)", "22023");
        }
    }

    @Override
    public byte[] getBytes(long pos, int len) throws SQLException {
        bytes();
        checkRange(pos, len);
        int from = (int) pos - 1;
        return Arrays.copyOfRange(data, from, from + Math.min(len, length - from));
    }

    @Override
    public InputStream getBinaryStream() throws SQLException {
        return new ByteArrayInputStream(bytes(), 0, length);
    }

    @Override
    public InputStream getBinaryStream(long pos, long len) throws SQLException {
        bytes();
        checkRange(pos, len);
        if (pos - 1 + len > length) {
            throw new SQLException("Position " + pos + " plus length " + len + " is past the end of a Blob of " + length + " bytes", "22023");
        }
        return new ByteArrayInputStream(data, (int) pos - 1, (int) len);
    }

    @Override
    public long position(byte[] pattern, long start) throws SQLException {
        byte[] b = bytes();
        checkRange(start, 0);
        outer:
        for (int i = (int) start - 1; i + pattern.length <= length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (b[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i + 1;
        }
        return -1;
    }

    @Override
    public long position(Blob pattern, long start) throws SQLException {
        return position(pattern.getBytes(1, (int) pattern.length()), start);
    }

    @Override
    public int setBytes(long pos, byte[] bytes) throws SQLException {
        return setBytes(pos, bytes, 0, bytes.length);
    }

    @Override
    public int setBytes(long pos, byte[] bytes, int offset, int len) throws SQLException {
        bytes();
        checkRange(pos, len);
        int from = (int) pos - 1;
        int end = from + len;
        if (end > data.length) {
            data = Arrays.copyOf(data, Math.max(end, data.length * 2));
        }
        System.arraycopy(bytes, offset, data, from, len);
        length = Math.max(length, end);
        return len;
    }

    @Override
    public OutputStream setBinaryStream(long pos) throws SQLException {
        bytes();
        checkRange(pos, 0);
        long[] at = {pos};
        return new OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                try {
                    at[0] += setBytes(at[0], b, off, len);
                } catch (SQLException e) {
                    throw new java.io.IOException(e.getMessage(), e);
                }
            }
        };
    }

    @Override
    public void truncate(long len) throws SQLException {
        bytes();
        if (len < 0 || len > length) {
            throw new SQLException("Cannot truncate a Blob of " + length + " bytes to " + len, "22023");
        }
        length = (int) len;
    }

    @Override
    public void free() {
        data = null;
    }
}
