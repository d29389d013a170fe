package io.tusk.jdbc.internal;

import io.tusk.spi.TransactionControl;
import io.tusk.xa.TuskXAResource;
import java.sql.SQLException;
import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;

/**
 * A pooled connection whose session a transaction manager drives through Tusk's
 * {@link TuskXAResource} (pgjdbc's {@code PGXAConnection}). The resource claims the session from
 * {@code start} to the end of the branch's server transaction (prepare, one-phase commit or
 * rollback); meanwhile the handle refuses the transaction control methods and neither a new
 * handle nor a closed one touches the transaction. Outside a branch it behaves as a pooled
 * connection in auto-commit mode (JDBC 4.3, 12.4: auto-commit is on when no global transaction is).
 */
public final class JdbcXAConnection extends JdbcPooledConnection implements XAConnection {
    private final TuskXAResource resource;
    private final TransactionControl control;

    public JdbcXAConnection(JdbcConnection physical) {
        super(physical, true);
        this.resource = new TuskXAResource(physical.nativeConnection());
        this.control = TransactionControl.of(physical.nativeConnection());
    }

    /** Tusk's resource on this session; always the same object. */
    @Override
    public XAResource getXAResource() throws SQLException {
        return resource;
    }

    /** True while a branch (or another transaction manager's claim) owns the session. */
    @Override
    boolean branchActive() {
        return control.claimedBy() != null;
    }

    @Override
    void resetForNewHandle(JdbcConnection c) throws SQLException {
        if (!branchActive()) {
            super.resetForNewHandle(c);
        }
    }

    @Override
    void endLocalTransaction(JdbcConnection c) throws SQLException {
        if (!branchActive()) {
            super.endLocalTransaction(c);
        }
    }
}
