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
     * A new connection; {@code props} win over the URL's query.
     *
     * @throws SQLException the connection failure, with its SQLSTATE (e.g. 28P01 for a wrong password)
     */
    public static JdbcConnection open(String url, Properties props) throws SQLException {
        JdbcUrl parsed = JdbcUrl.parse(url, props);
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
