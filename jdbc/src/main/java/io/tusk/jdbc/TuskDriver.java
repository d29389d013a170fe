package io.tusk.jdbc;

import io.tusk.jdbc.internal.DriverProperties;
import io.tusk.jdbc.internal.JdbcConnector;
import io.tusk.jdbc.internal.JdbcUrl;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The JDBC driver for {@code jdbc:tusk:} URLs, found by {@link java.sql.DriverManager} through
 * {@code META-INF/services/java.sql.Driver}. It never claims {@code jdbc:postgresql:} URLs, so
 * pgjdbc can sit on the same class path.
 *
 * <pre>{@code
 * Connection c = DriverManager.getConnection(
 *         "jdbc:tusk://db1:5432,db2:5432/app?sslmode=verify-full&targetServerType=primary", "app", secret);
 * }</pre>
 *
 * The URL takes libpq's key words and pgjdbc's property names ({@link #getPropertyInfo} lists
 * them); {@code jdbc:tusk:} alone connects as {@code Tusk.connect("")} does, from the {@code PG*}
 * variables, the service file and {@code ~/.pgpass}.
 */
public final class TuskDriver implements Driver {
    static final String PREFIX = "jdbc:tusk:";

    private static final int[] VERSION = version(TuskDriver.class.getPackage().getImplementationVersion());

    static {
        // DriverManager's ServiceLoader only instantiates the class; registering is the driver's job.
        try {
            DriverManager.registerDriver(new TuskDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Opens a connection; {@code DriverManager.setLoginTimeout} becomes {@code connect_timeout}
     * when neither the URL nor the properties set one.
     */
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null; // DriverManager asks every driver; another one's URL is not an error
        }
        return JdbcConnector.open(url, JdbcUrl.parse(url, info).withDefaultConnectTimeout(DriverManager.getLoginTimeout()));
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return url != null && url.startsWith(PREFIX);
    }

    /** Every property Tusk takes besides libpq's key words, and those key words, with their values from {@code url} and {@code info}. */
    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return DriverProperties.describe(url, info);
    }

    @Override
    public int getMajorVersion() {
        return VERSION[0];
    }

    @Override
    public int getMinorVersion() {
        return VERSION[1];
    }

    /** Not yet: a compliant driver must pass the JDBC compliance suite, which Tusk has not run. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("Tusk logs through System.Logger, not java.util.logging's parent logger");
    }

    /** Major and minor of the jar's Implementation-Version ("0.1.0-SNAPSHOT"); 0.1 when run from classes. */
    static int[] version(String implementationVersion) {
        if (implementationVersion != null) {
            String[] parts = implementationVersion.split("[.-]");
            try {
                return new int[] {Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0};
            } catch (NumberFormatException e) {
                // fall through to the default
            }
        }
        return new int[] {0, 1};
    }
}
