package io.tusk.jdbc;

import io.tusk.jdbc.internal.JdbcXAConnection;
import java.sql.SQLException;
import javax.sql.XAConnection;
import javax.sql.XADataSource;

/**
 * The {@link XADataSource} a JTA transaction manager or an application server uses: pgjdbc's
 * {@code PGXADataSource}, with the same bean properties (see {@link TuskBaseDataSource}). Each
 * {@link XAConnection} is one PostgreSQL session; its {@code getXAResource()} is Tusk's
 * {@link io.tusk.xa.TuskXAResource} on that session (prepare, recovery, timeouts, the branch
 * state machine), and while a branch owns the session its JDBC handle refuses
 * {@code commit()}, {@code rollback()}, {@code setAutoCommit(true)} and {@code setSavepoint()}
 * with SQLSTATE 55000.
 *
 * <pre>{@code
 * TuskXADataSource xads = new TuskXADataSource();
 * xads.setUrl("jdbc:tusk://db/app");
 * XAConnection xa = xads.getXAConnection("app", secret);
 * tm.getTransaction().enlistResource(xa.getXAResource());
 * try (Connection c = xa.getConnection()) {
 *     c.createStatement().executeUpdate("INSERT INTO t VALUES (1)");
 * }
 * tm.commit();   // PREPARE TRANSACTION, then COMMIT PREPARED
 * }</pre>
 */
public class TuskXADataSource extends TuskBaseDataSource implements XADataSource {
    private static final long serialVersionUID = 1L;

    @Override
    public String getDescription() {
        return "XA DataSource from Tusk's JDBC driver";
    }

    /** A new session as the {@code user} and with the {@code password} properties. */
    @Override
    public XAConnection getXAConnection() throws SQLException {
        String[] cred = credentials();
        return getXAConnection(cred[0], cred[1]);
    }

    @Override
    public XAConnection getXAConnection(String user, String password) throws SQLException {
        return new JdbcXAConnection(connect(user, password));
    }
}
