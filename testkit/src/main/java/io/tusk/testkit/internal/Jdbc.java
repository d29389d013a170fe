package io.tusk.testkit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens pgjdbc connections for the kit's own administration (roles, databases), never for the
 * driver under test.
 *
 * <p>Example: {@code Jdbc.connect(handle, "postgres")}.
 *
 * <p>The pgjdbc {@code Driver} is called directly rather than through DriverManager, so that no
 * other driver registered for the same URL prefix can answer instead.
 */
public final class Jdbc {
    private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

    private Jdbc() {
    }

    /** A connection as the administrator of {@code handle} to {@code dbname}. */
    public static Connection connect(ServerHandle handle, String dbname) throws SQLException {
        return connect(handle.host(), handle.port(), dbname, handle.adminUser(), handle.adminPassword(), handle.sslmode());
    }

    /** A connection with explicit parameters; {@code password} and {@code sslmode} may be null. */
    public static Connection connect(String host, int port, String dbname, String user, String password, String sslmode)
            throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        if (sslmode != null) {
            props.setProperty("sslmode", sslmode);
        }
        props.setProperty("connectTimeout", "10");
        props.setProperty("ApplicationName", "tusk-testkit-admin");
        Connection c = DRIVER.connect(url(host, port, dbname), props);
        if (c == null) {
            throw new SQLException("pgjdbc did not accept the URL " + url(host, port, dbname));
        }
        return c;
    }

    /** The pgjdbc URL of a database (no credentials): {@code jdbc:postgresql://127.0.0.1:5432/db}. */
    public static String url(String host, int port, String dbname) {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + java.net.URLEncoder.encode(dbname, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Quotes an SQL identifier (SQL standard: double quotes, inner quotes doubled). */
    public static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Quotes an SQL string literal (standard_conforming_strings is on since PostgreSQL 9.1). */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
