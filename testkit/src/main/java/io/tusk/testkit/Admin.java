package io.tusk.testkit;

import io.tusk.testkit.internal.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Superuser administration of a test database (what {@code psql -U postgres} is for by hand),
 * done through pgjdbc so that the driver under test never sets up its own fixtures.
 *
 * <p>Example:
 * <pre>{@code
 * Admin admin = db.admin();
 * admin.execute("CREATE TABLE items (id int PRIMARY KEY, name text)");
 * assertEquals("0", admin.queryScalar("SELECT count(*) FROM items"));
 * }</pre>
 *
 * <p>Each call opens and closes its own connection (autocommit), so an Admin holds no resources
 * and survives server-side terminations. SQL errors become {@link IllegalStateException}s whose
 * cause is pgjdbc's {@link SQLException} (with the SQLSTATE).
 */
public final class Admin {
    private final PgServer server;
    private final String dbname;

    Admin(PgServer server, String dbname) {
        this.server = server;
        this.dbname = dbname;
    }

    /** The database this Admin connects to. */
    public String dbname() {
        return dbname;
    }

    /** Runs one or more SQL statements (simple query protocol: several may be separated by {@code ;}). */
    public void execute(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** The first column of the first row as text (null for SQL NULL or no row), e.g. {@code queryScalar("SHOW ssl")}. */
    public String queryScalar(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** The first column of every row as text, e.g. {@code queryColumn("SELECT gid FROM pg_prepared_xacts")}. */
    public List<String> queryColumn(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** {@code CREATE DATABASE name} (the name is quoted as an identifier). */
    public void createDatabase(String name) {
        execute("CREATE DATABASE " + Jdbc.ident(name));
    }

    /**
     * {@code DROP DATABASE IF EXISTS name WITH (FORCE)}: sessions still connected to it are
     * terminated and transactions still prepared in it are rolled back first (FORCE does not end
     * those, and a test that failed between PREPARE and COMMIT must be reported for its own
     * failure, not for the cleanup's).
     */
    public void dropDatabase(String name) {
        List<String> prepared = server.admin().queryColumn(
                "SELECT gid FROM pg_prepared_xacts WHERE database = " + Jdbc.literal(name));
        if (!prepared.isEmpty()) {
            Admin inThatDatabase = new Admin(server, name);
            for (String gid : prepared) {
                inThatDatabase.execute("ROLLBACK PREPARED " + Jdbc.literal(gid));
            }
        }
        // WITH (FORCE) exists since PostgreSQL 13, the oldest version the kit supports.
        execute("DROP DATABASE IF EXISTS " + Jdbc.ident(name) + " WITH (FORCE)");
    }

    /** {@code pg_terminate_backend(pid)}: ends the session of that backend; true when it was signalled. */
    public boolean terminateBackend(int pid) {
        return "t".equals(queryScalar("SELECT pg_terminate_backend(" + pid + ")"));
    }

    /** The last {@code lines} lines of the server log (a note instead when the server is not the kit's). */
    public String logTail(int lines) {
        return server.logTail(lines);
    }

    private Connection connect() throws SQLException {
        return Jdbc.connect(server.handle(), dbname);
    }

    private IllegalStateException failure(String sql, SQLException e) {
        // The statement may carry a password (CREATE ROLE ... PASSWORD): then it is left out.
        String shown = sql.toLowerCase(Locale.ROOT).contains("password") ? "(statement not shown: it mentions a password)" : sql;
        return new IllegalStateException("Admin SQL failed on database " + dbname + ": " + e.getMessage() + " (SQLSTATE "
                + e.getSQLState() + ")\n  statement: " + shown, e);
    }
}
