package io.tusk.jdbc;

import io.tusk.jdbc.internal.JdbcPooledConnection;
import java.sql.SQLException;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.PooledConnection;

/**
 * The {@link ConnectionPoolDataSource} an application server's pool uses: pgjdbc's
 * {@code PGConnectionPoolDataSource}, with the same bean properties (see
 * {@link TuskBaseDataSource}). Each {@link PooledConnection} holds one PostgreSQL session and
 * lends it through a handle at a time: closing the handle gives the session back to the pool
 * (an open transaction is rolled back, {@code ConnectionEventListener.connectionClosed} is
 * fired), and an error that breaks the session fires {@code connectionErrorOccurred}.
 *
 * <pre>{@code
 * TuskConnectionPoolDataSource cpds = new TuskConnectionPoolDataSource();
 * cpds.setUrl("jdbc:tusk://db/app");
 * PooledConnection pc = cpds.getPooledConnection("app", secret);
 * pc.addConnectionEventListener(pool);
 * try (Connection handle = pc.getConnection()) { ... }   // the session stays open
 * }</pre>
 */
public class TuskConnectionPoolDataSource extends TuskBaseDataSource implements ConnectionPoolDataSource {
    private static final long serialVersionUID = 1L;

    private boolean defaultAutoCommit = true;

    @Override
    public String getDescription() {
        return "ConnectionPoolDataSource from Tusk's JDBC driver";
    }

    /** The auto-commit mode of each handle when it is handed out (true, as JDBC's default). */
    public synchronized boolean isDefaultAutoCommit() {
        return defaultAutoCommit;
    }

    public synchronized void setDefaultAutoCommit(boolean defaultAutoCommit) {
        this.defaultAutoCommit = defaultAutoCommit;
    }

    /** A new session as the {@code user} and with the {@code password} properties. */
    @Override
    public PooledConnection getPooledConnection() throws SQLException {
        String[] cred = credentials();
        return getPooledConnection(cred[0], cred[1]);
    }

    @Override
    public PooledConnection getPooledConnection(String user, String password) throws SQLException {
        return new JdbcPooledConnection(connect(user, password), isDefaultAutoCommit());
    }
}
