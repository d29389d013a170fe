package io.tusk.jdbc.internal;

import io.tusk.Tusk;
import io.tusk.errors.TuskException;
import java.sql.SQLException;
import java.util.Properties;

/** Opens a physical JDBC connection from a {@code jdbc:tusk:} URL and its properties: the one way in for the driver and the data sources. */
public final class JdbcConnector {
    private JdbcConnector() {
    }

    /**
     * Connects as {@code Tusk.connect} does with the conninfo {@link JdbcUrl} makes of
     * {@code url} and {@code props} (props win over the URL's query).
     *
     * @throws SQLException the connection failure, with its SQLSTATE (e.g. 28P01 for a wrong password)
     */
    public static JdbcConnection open(String url, Properties props) throws SQLException {
        String conninfo = JdbcUrl.toConninfo(url, props);
        try {
            return new JdbcConnection(Tusk.connect(conninfo), url);
        } catch (TuskException e) {
            throw JdbcErrors.translate(e);
        }
    }
}
