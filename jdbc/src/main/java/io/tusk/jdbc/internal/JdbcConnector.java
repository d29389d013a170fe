package io.tusk.jdbc.internal;

import io.tusk.Tusk;
import io.tusk.errors.TuskException;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens a physical JDBC connection from a {@code jdbc:tusk:} URL and its properties for the data
 * sources, the same way {@link io.tusk.jdbc.TuskDriver#connect} does: {@link JdbcUrl} maps the
 * properties (pgjdbc's names and libpq's key words), {@code Tusk.connect} connects, and the
 * URL's JDBC-only settings (prepareThreshold, reWriteBatchedInserts, readOnly, ...) are applied.
 */
public final class JdbcConnector {
    private JdbcConnector() {
    }

    /**
     * A new connection to {@code url} with {@code props} (merged as {@link JdbcUrl#parse} says).
     *
     * @throws SQLException the connection failure, with its SQLSTATE (e.g. 28P01 for a wrong password)
     */
    public static JdbcConnection open(String url, Properties props) throws SQLException {
        return open(url, JdbcUrl.parse(url, props));
    }

    /** A new connection as {@code parsed} describes it; the one way both the driver and the data sources connect. */
    public static JdbcConnection open(String url, JdbcUrl parsed) throws SQLException {
        io.tusk.Connection conn;
        try {
            conn = Tusk.connect(parsed.conninfoString());
        } catch (TuskException e) {
            throw JdbcErrors.translateConnect(e);
        } catch (RuntimeException e) {
            throw JdbcErrors.translate(e);
        }
        return JdbcConnection.open(conn, url, parsed.settings());
    }
}
