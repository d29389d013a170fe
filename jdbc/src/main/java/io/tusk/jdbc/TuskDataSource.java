package io.tusk.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that opens a new Tusk connection on each {@link #getConnection()}: pgjdbc's
 * {@code PGSimpleDataSource}, with the same bean properties (see {@link TuskBaseDataSource}).
 * Give it to a pool (HikariCP's {@code dataSourceClassName=io.tusk.jdbc.TuskDataSource}) or use
 * it directly:
 *
 * <pre>{@code
 * TuskDataSource ds = new TuskDataSource();
 * ds.setUrl("jdbc:tusk://db:5432/app?sslmode=verify-full");
 * ds.setUser("app");
 * ds.setPassword(secret);
 * try (Connection c = ds.getConnection()) { ... }
 * }</pre>
 */
public class TuskDataSource extends TuskBaseDataSource implements DataSource {
    private static final long serialVersionUID = 1L;

    @Override
    public String getDescription() {
        return "Non-pooling DataSource from Tusk's JDBC driver";
    }

    /** A new connection as the {@code user} and with the {@code password} properties. */
    @Override
    public Connection getConnection() throws SQLException {
        String[] cred = credentials();
        return connect(cred[0], cred[1]);
    }

    /** A new connection as {@code user} with {@code password}, whatever the properties say. */
    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return connect(user, password);
    }
}
