package io.tusk.xa;

import io.tusk.Tusk;
import java.util.Objects;

/**
 * Makes XA connections from a connection string: JDBC's {@code XADataSource} (pgjdbc's
 * {@code PGXADataSource}) for Tusk, and what a transaction manager's recovery needs.
 *
 * <pre>{@code
 * TuskXAConnectionSource source = new TuskXAConnectionSource("host=db dbname=app user=app");
 * source.setTransactionTimeout(30);
 * try (TuskXAConnection xa = source.getXAConnection()) { ... }
 * }</pre>
 *
 * <p>The connection string is any {@code Tusk.connect} accepts (key=value or
 * {@code postgresql://}); it may hold a password, so it is never shown by {@link #toString()}.
 */
public final class TuskXAConnectionSource {
    private final String conninfo;
    private volatile int transactionTimeout;
    private volatile Boolean sameRMOverride;

    public TuskXAConnectionSource(String conninfo) {
        this.conninfo = Objects.requireNonNull(conninfo, "conninfo");
    }

    /** Opens a new session and its resource, configured with this source's settings. */
    public TuskXAConnection getXAConnection() {
        TuskXAConnection xa = new TuskXAConnection(Tusk.connect(conninfo));
        TuskXAResource res = xa.getXAResource();
        try {
            res.setTransactionTimeout(transactionTimeout);
        } catch (javax.transaction.xa.XAException e) {
            throw new IllegalStateException(e); // unreachable: the timeout was checked when set
        }
        res.setSameRMOverride(sameRMOverride);
        return xa;
    }

    /** The transaction timeout given to every new resource (seconds, 0 for none); see {@link TuskXAResource#setTransactionTimeout}. */
    public void setTransactionTimeout(int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("the transaction timeout must be >= 0 seconds, not " + seconds);
        }
        this.transactionTimeout = seconds;
    }

    public int getTransactionTimeout() {
        return transactionTimeout;
    }

    /** The {@code isSameRM} override given to every new resource; see {@link TuskXAResource#setSameRMOverride}. */
    public void setSameRMOverride(Boolean override) {
        this.sameRMOverride = override;
    }

    public Boolean getSameRMOverride() {
        return sameRMOverride;
    }

    @Override
    public String toString() {
        return "TuskXAConnectionSource[conninfo hidden]";
    }
}
