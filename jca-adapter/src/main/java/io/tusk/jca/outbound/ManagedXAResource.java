package io.tusk.jca.outbound;

import io.tusk.jca.outbound.TuskManagedConnection.TxMode;
import java.util.Objects;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The XA resource a managed connection gives the transaction manager: Tusk's {@code XAResource}
 * from {@code tusk-xa} (which also switches autocommit off for a branch and back after it),
 * plus what the connector contract adds. While a branch is active on the
 * session its handles refuse commit/rollback/autocommit changes; a failure of {@code start} or
 * {@code end} that is not a rollback ({@code XA_RB*}) means the session cannot be trusted and is
 * reported once as CONNECTION_ERROR_OCCURRED (Jakarta Connectors 2.1, 6.5.6), so the pool
 * discards it.
 *
 * <pre>{@code
 * XAResource xa = managedConnection.getXAResource();  // always this same instance
 * }</pre>
 */
final class ManagedXAResource implements XAResource {
    private final TuskManagedConnection mc;
    private final XAResource delegate;
    private Xid current;

    ManagedXAResource(TuskManagedConnection mc, XAResource delegate) {
        this.mc = mc;
        this.delegate = delegate;
    }

    /** The resource from tusk-xa (for isSameRM between two of ours). */
    XAResource delegate() {
        return delegate;
    }

    @Override
    public synchronized void start(Xid xid, int flags) throws XAException {
        try {
            delegate.start(xid, flags);
        } catch (XAException e) {
            reportUnlessRollback(e);
            throw e;
        }
        current = xid;
        mc.setTxMode(TxMode.XA);
    }

    @Override
    public synchronized void end(Xid xid, int flags) throws XAException {
        try {
            delegate.end(xid, flags);
        } catch (XAException e) {
            reportUnlessRollback(e);
            throw e;
        }
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        try {
            int vote = delegate.prepare(xid);
            branchLeftSession(xid);
            return vote;
        } catch (XAException e) {
            branchLeftSession(xid);
            mc.failed(new IllegalStateException("XA prepare failed", e));
            throw e;
        }
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        try {
            delegate.commit(xid, onePhase);
        } finally {
            branchLeftSession(xid);
        }
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        try {
            delegate.rollback(xid);
        } finally {
            branchLeftSession(xid);
        }
    }

    @Override
    public void forget(Xid xid) throws XAException {
        delegate.forget(xid);
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        return delegate.recover(flag);
    }

    @Override
    public boolean isSameRM(XAResource other) throws XAException {
        XAResource o = other instanceof ManagedXAResource m ? m.delegate : other;
        return delegate.isSameRM(o);
    }

    @Override
    public int getTransactionTimeout() throws XAException {
        return delegate.getTransactionTimeout();
    }

    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        return delegate.setTransactionTimeout(seconds);
    }

    /** After prepare, commit or rollback of the branch that ran on this session, the session is free again. */
    private synchronized void branchLeftSession(Xid xid) {
        if (current != null && sameXid(current, xid)) {
            current = null;
            mc.setTxMode(TxMode.NONE);
        }
    }

    private void reportUnlessRollback(XAException e) {
        boolean rollback = e.errorCode >= XAException.XA_RBBASE && e.errorCode <= XAException.XA_RBEND;
        if (!rollback) {
            mc.connectionError(e);
        }
    }

    private static boolean sameXid(Xid a, Xid b) {
        return a == b || a.getFormatId() == b.getFormatId()
                && java.util.Arrays.equals(a.getGlobalTransactionId(), b.getGlobalTransactionId())
                && java.util.Arrays.equals(a.getBranchQualifier(), b.getBranchQualifier());
    }

    @Override
    public String toString() {
        return "ManagedXAResource[" + Objects.toString(current, "no branch") + "]";
    }
}
