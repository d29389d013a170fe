package io.tusk.jdbc.internal.meta;

import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.RawCursor;
import io.tusk.errors.TuskException;
import io.tusk.jdbc.internal.JdbcErrors;
import io.tusk.rows.Row;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs the driver's catalog queries on the native connection. Every argument a caller gave is a
 * {@code $n} parameter bound on the server, never text spliced into the SQL.
 */
public final class Catalog {
    private final Connection conn;

    public Catalog(Connection conn) {
        this.conn = conn;
    }

    public Connection connection() {
        return conn;
    }

    /** All rows of {@code sql} run with {@code params} as $1, $2, ... */
    public List<Row> query(String sql, Object... params) throws SQLException {
        checkOpen();
        try (RawCursor<Row> cur = conn.rawCursor()) {
            Cursor<Row> c = params.length == 0 ? cur.execute(sql) : cur.execute(sql, params);
            return c.fetchall();
        } catch (TuskException e) {
            throw JdbcErrors.translate(e);
        } catch (RuntimeException e) {
            throw new SQLException("a DatabaseMetaData query failed: " + e.getMessage(), "XX000", e);
        }
    }

    /** The first column of the first row of {@code sql}, or null when there is no row. */
    public Object scalar(String sql, Object... params) throws SQLException {
        List<Row> rows = query(sql, params);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    /** The server's major version as PostgreSQL counts it (13, 17, ...). */
    public int serverMajor() throws SQLException {
        checkOpen();
        return conn.info().serverVersion() / 10000;
    }

    public void checkOpen() throws SQLException {
        if (conn.isClosed()) {
            throw new SQLException("This connection has been closed.", "08003");
        }
    }

    /** A LIKE pattern argument: null or empty means "any" (as pgjdbc reads it), so no filter. */
    static String pattern(String p) {
        return p == null || p.isEmpty() ? null : p;
    }

    static String str(Row r, int i) {
        Object v = r.get(i);
        return v == null ? null : v.toString();
    }

    static Integer integer(Row r, int i) {
        Object v = r.get(i);
        if (v == null) {
            return null;
        }
        return v instanceof Number n ? Integer.valueOf(n.intValue()) : Integer.valueOf(v.toString());
    }

    static int intOr(Row r, int i, int dflt) {
        Integer v = integer(r, i);
        return v == null ? dflt : v;
    }

    static Long bigint(Row r, int i) {
        Object v = r.get(i);
        if (v == null) {
            return null;
        }
        return v instanceof Number n ? Long.valueOf(n.longValue()) : Long.valueOf(v.toString());
    }

    static boolean bool(Row r, int i) {
        Object v = r.get(i);
        if (v instanceof Boolean b) {
            return b;
        }
        return v != null && ("t".equals(v.toString()) || "true".equals(v.toString()));
    }
}
