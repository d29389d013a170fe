package io.tusk.jdbc.internal;

import io.tusk.LargeObject;
import io.tusk.errors.TuskException;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.SQLException;

/**
 * A {@link Clob} (and NClob: PostgreSQL text is Unicode) held in memory: a text value, a large
 * object read whole and decoded as UTF-8 (pgjdbc's reading of an {@code oid} column), or made by
 * {@code Connection.createClob()} to be bound as text. Positions are 1-based.
 */
public final class JdbcClob implements NClob {
    private StringBuilder text;

    public JdbcClob(String text) {
        this.text = new StringBuilder(text);
    }

    static JdbcClob ofLargeObject(JdbcConnection connection, long oid) throws SQLException {
        if (connection == null) {
            throw new SQLException("A Clob column holds a large object's OID, and this result has no connection to read it from", "55000");
        }
        try (LargeObject lo = connection.conn.largeObject(oid, "rb")) {
            return new JdbcClob(new String(lo.inputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (TuskException e) {
            throw JdbcErrors.translate(e);
        } catch (java.io.IOException e) {
            throw new SQLException("Reading large object " + oid + " failed: " + e.getMessage(), "58030", e);
        }
    }

    private StringBuilder text() throws SQLException {
        if (text == null) {
            throw new SQLException("This Clob has been freed", "55000");
        }
        return text;
    }

    @Override
    public String toString() {
        return text == null ? "freed Clob" : text.toString();
    }

    @Override
    public long length() throws SQLException {
        return text().length();
    }

    private void checkRange(long pos, long len) throws SQLException {
        if (pos < 1 || len < 0 || pos - 1 > text().length()) {
            throw new SQLException("Invalid position " + pos + " or length " + len + " in a Clob of " + text.length()
                    + " characters (positions start at 1)", "22023");
        }
    }

    @Override
    public String getSubString(long pos, int len) throws SQLException {
        checkRange(pos, len);
        int from = (int) pos - 1;
        return text.substring(from, from + Math.min(len, text.length() - from));
    }

    @Override
    public Reader getCharacterStream() throws SQLException {
        return new StringReader(text().toString());
    }

    @Override
    public Reader getCharacterStream(long pos, long len) throws SQLException {
        return new StringReader(getSubString(pos, (int) len));
    }

    @Override
    public java.io.InputStream getAsciiStream() throws SQLException {
        return new ByteArrayInputStream(text().toString().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public long position(String search, long start) throws SQLException {
        checkRange(start, 0);
        int i = text.indexOf(search, (int) start - 1);
        return i < 0 ? -1 : i + 1;
    }

    @Override
    public long position(Clob search, long start) throws SQLException {
        return position(search.getSubString(1, (int) search.length()), start);
    }

    @Override
    public int setString(long pos, String str) throws SQLException {
        return setString(pos, str, 0, str.length());
    }

    @Override
    public int setString(long pos, String str, int offset, int len) throws SQLException {
        checkRange(pos, len);
        int from = (int) pos - 1;
        int end = Math.min(from + len, text.length());
        text.replace(from, end, str.substring(offset, offset + len));
        return len;
    }

    @Override
    public OutputStream setAsciiStream(long pos) throws SQLException {
        checkRange(pos, 0);
        long[] at = {pos};
        return new OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                try {
                    at[0] += setString(at[0], String.valueOf((char) (b & 0x7F)));
                } catch (SQLException e) {
                    throw new java.io.IOException(e.getMessage(), e);
                }
            }
        };
    }

    @Override
    public Writer setCharacterStream(long pos) throws SQLException {
        checkRange(pos, 0);
        long[] at = {pos};
        return new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws java.io.IOException {
                try {
                    at[0] += setString(at[0], new String(cbuf, off, len));
                } catch (SQLException e) {
                    throw new java.io.IOException(e.getMessage(), e);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void truncate(long len) throws SQLException {
        if (len < 0 || len > text().length()) {
            throw new SQLException("Cannot truncate a Clob of " + text.length() + " characters to " + len, "22023");
        }
        text.setLength((int) len);
    }

    @Override
    public void free() {
        text = null;
    }
}
