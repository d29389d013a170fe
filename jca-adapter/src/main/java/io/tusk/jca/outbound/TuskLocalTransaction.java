package io.tusk.jca.outbound;

import io.tusk.Connection;
import io.tusk.TransactionStatus;
import io.tusk.errors.TuskException;
import io.tusk.jca.outbound.TuskManagedConnection.TxMode;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;

/**
 * A PostgreSQL transaction block driven by the application server (Jakarta Connectors 2.1, 7.7
 * "Local Transaction Management"): {@code begin} makes the next statement open it,
 * {@code commit} and {@code rollback} end it. Used by connection definitions with
 * {@code LocalTransaction} support; handles refuse their own commit/rollback meanwhile.
 *
 * <pre>{@code
 * LocalTransaction tx = managedConnection.getLocalTransaction();
 * tx.begin(); ... tx.commit();
 * }</pre>
 *
 * <p>Listeners are told of each step (LOCAL_TRANSACTION_STARTED / COMMITTED / ROLLEDBACK).
 */
final class TuskLocalTransaction implements LocalTransaction {
    private final TuskManagedConnection mc;
    private boolean switchedAutocommitOff;

    TuskLocalTransaction(TuskManagedConnection mc) {
        this.mc = mc;
    }

    @Override
    public synchronized void begin() throws ResourceException {
        if (mc.txMode() != TxMode.NONE) {
            throw new LocalTransactionException("a " + mc.txMode() + " transaction is already active on this Tusk connection");
        }
        Connection conn = mc.physical();
        try {
            TransactionStatus status = conn.info().transactionStatus();
            if (status == TransactionStatus.INTRANS || status == TransactionStatus.INERROR) {
                // Work done on the session before the container's transaction began is not part
                // of it: as a JDBC adapter would with autocommit off, it is rolled back.
                conn.rollback();
            }
            if (conn.autocommit()) {
                conn.setAutocommit(false);
                switchedAutocommitOff = true;
            }
        } catch (TuskException e) {
            throw fail("begin", e);
        }
        mc.setTxMode(TxMode.LOCAL);
        mc.fireLocal(ConnectionEvent.LOCAL_TRANSACTION_STARTED);
    }

    @Override
    public synchronized void commit() throws ResourceException {
        end(true);
        mc.fireLocal(ConnectionEvent.LOCAL_TRANSACTION_COMMITTED);
    }

    @Override
    public synchronized void rollback() throws ResourceException {
        end(false);
        mc.fireLocal(ConnectionEvent.LOCAL_TRANSACTION_ROLLEDBACK);
    }

    private void end(boolean commit) throws ResourceException {
        if (mc.txMode() != TxMode.LOCAL) {
            throw new LocalTransactionException("no local transaction is active on this Tusk connection");
        }
        Connection conn = mc.physical();
        try {
            if (commit) {
                conn.commit();
            } else {
                conn.rollback();
            }
        } catch (TuskException e) {
            throw fail(commit ? "commit" : "rollback", e);
        } finally {
            mc.setTxMode(TxMode.NONE);
            if (switchedAutocommitOff) {
                switchedAutocommitOff = false;
                if (!conn.isBroken() && !conn.isClosed()) {
                    conn.setAutocommit(true);
                }
            }
        }
    }

    private LocalTransactionException fail(String step, TuskException e) {
        mc.failed(e);
        LocalTransactionException le = new LocalTransactionException("local transaction " + step + " failed: " + e.getMessage(), e.sqlstate());
        le.initCause(e);
        return le;
    }
}
