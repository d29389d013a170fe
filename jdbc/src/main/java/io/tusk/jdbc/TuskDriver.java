package io.tusk.jdbc;

import io.tusk.Tusk;
import io.tusk.errors.TuskException;
import io.tusk.jdbc.internal.JdbcConnection;
import io.tusk.jdbc.internal.JdbcErrors;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The JDBC driver for {@code jdbc:tusk:} URLs, found by {@link java.sql.DriverManager} through
 * {@code META-INF/services/java.sql.Driver}. It never claims {@code jdbc:postgresql:} URLs, so
 * pgjdbc can sit on the same class path.
 */
public final class TuskDriver implements Driver {
    static final String PREFIX = "jdbc:tusk:";

    static {
        // DriverManager's ServiceLoader only instantiates the class; registering is the driver's job.
        try {
            java.sql.DriverManager.registerDriver(new TuskDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null; // DriverManager asks every driver; another one's URL is not an error
        }
        String conninfo = io.tusk.jdbc.internal.JdbcUrl.toConninfo(url, info);
        try {
            return new JdbcConnection(Tusk.connect(conninfo), url);
        } catch (TuskException e) {
            throw JdbcErrors.translate(e);
        }
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 0;
    }

    @Override
    public int getMinorVersion() {
        return 1;
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
}
