package io.tusk.testkit;

import io.tusk.testkit.internal.Jdbc;
import io.tusk.testkit.internal.ServerHandle;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A database on the test server that a test connects to: the shared {@code tusk_test}, or a fresh
 * one per test class with {@link FreshDatabase}; its connection strings are libpq's
 * {@code key=value} and URI forms.
 *
 * <p>Example:
 * <pre>{@code
 * @PgTest @FreshDatabase
 * class CopyIT {
 *     @Test void copiesRows(TestDatabase db) {
 *         db.admin().execute("CREATE TABLE t (id int)");
 *         try (Connection conn = Tusk.connect(db.conninfo(PgUsers.SCRAM))) { ... }
 *     }
 * }
 * }</pre>
 */
public final class TestDatabase {
    private final PgServer server;
    private final String dbname;

    TestDatabase(PgServer server, String dbname) {
        this.server = server;
        this.dbname = dbname;
    }

    /** The server this database lives on. */
    public PgServer server() {
        return server;
    }

    /** The database name. */
    public String dbname() {
        return dbname;
    }

    /** The TCP host, {@code 127.0.0.1} for the embedded server. */
    public String host() {
        return server.host();
    }

    /** The TCP port. */
    public int port() {
        return server.port();
    }

    /** The server's Unix socket directory (skips the test when unknown): {@code host=<dir>} connects through it. */
    public java.nio.file.Path unixSocketDir() {
        return server.unixSocketDir();
    }

    /** The administrator's connection string to this database; works on every kind of server. */
    public String conninfo() {
        return conninfo(handle().adminUser());
    }

    /**
     * A {@code key=value} connection string for a kit role ({@link PgUsers}) with its password, e.g.
     * {@code host=127.0.0.1 port=54321 dbname=tusk_test user=tusk_scram password=scram-secret}.
     * Skips the test when the server lacks the kit's roles (other than the administrator).
     */
    public String conninfo(String user) {
        return conninfo(user, passwordOf(user));
    }

    /** A {@code key=value} connection string for any role, with the given password (null for none). */
    public String conninfo(String user, String password) {
        StringBuilder sb = new StringBuilder();
        sb.append("host=").append(value(host())).append(" port=").append(port())
                .append(" dbname=").append(value(dbname)).append(" user=").append(value(user));
        if (password != null) {
            sb.append(" password=").append(value(password));
        }
        if (sslmode() != null) {
            sb.append(" sslmode=").append(sslmode());
        }
        return sb.toString();
    }

    /** The administrator's {@code postgresql://} URI to this database. */
    public String uri() {
        return uri(handle().adminUser());
    }

    /** A {@code postgresql://user:password@host:port/dbname} URI for a kit role, with its password. */
    public String uri(String user) {
        return uri(user, passwordOf(user));
    }

    /** A {@code postgresql://} URI for any role, with the given password (null for none). */
    public String uri(String user, String password) {
        String h = host().contains(":") ? "[" + host() + "]" : host();
        return "postgresql://" + encode(user) + (password == null ? "" : ":" + encode(password)) + "@" + h + ":" + port()
                + "/" + encode(dbname) + (sslmode() == null ? "" : "?sslmode=" + sslmode());
    }

    /** The administrator's pgjdbc URL to this database, credentials included. */
    public String jdbcUrl() {
        return jdbcUrl(handle().adminUser());
    }

    /** A pgjdbc URL for a kit role, credentials included (for fixtures and side-by-side benchmarks). */
    public String jdbcUrl(String user) {
        String password = passwordOf(user);
        return Jdbc.url(host(), port(), dbname) + "?user=" + encode(user)
                + (password == null ? "" : "&password=" + encode(password))
                + (sslmode() == null ? "" : "&sslmode=" + sslmode());
    }

    /** Administration of this database through the superuser (or the TUSK_TEST_PG user). */
    public Admin admin() {
        return new Admin(server, dbname);
    }

    private ServerHandle handle() {
        return server.handle();
    }

    /** The client sslmode to pass on: only what TUSK_TEST_PG asked for; the kit's server leaves the default. */
    private String sslmode() {
        return server.isEmbedded() ? null : handle().sslmode();
    }

    private String passwordOf(String user) {
        if (user.equals(handle().adminUser())) {
            return handle().adminPassword();
        }
        server.assumeStandardSetup("the kit's role '" + user + "' (use conninfo(user, password) for roles you create)");
        return PgUsers.passwordOf(user);
    }

    /** Quotes a conninfo value when it is empty or holds spaces, quotes or backslashes (libpq 34.1.1.1). */
    static String value(String v) {
        if (!v.isEmpty() && v.chars().noneMatch(c -> c == ' ' || c == '\'' || c == '\\' || Character.isWhitespace(c))) {
            return v;
        }
        return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String encode(String s) {
        // URLEncoder is form encoding: turn its '+' for space into the URI form %20.
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "database " + dbname + " on " + server;
    }
}
