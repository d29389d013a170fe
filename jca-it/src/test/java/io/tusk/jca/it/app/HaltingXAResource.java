package io.tusk.jca.it.app;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * Test only: a resource that votes yes in the first phase and halts the server's JVM when asked
 * to commit. Enlisted first, it is the first to get the second phase, so the server dies after the
 * transaction manager logged its commit decision and before any PostgreSQL branch is committed.
 */
public class HaltingXAResource implements XAResource {
    @Override
    public void commit(Xid xid, boolean onePhase) {
        Runtime.getRuntime().halt(137);
    }

    @Override
    public void end(Xid xid, int flags) {
    }

    @Override
    public void forget(Xid xid) {
    }

    @Override
    public int getTransactionTimeout() {
        return 0;
    }

    @Override
    public boolean isSameRM(XAResource other) {
        return other == this;
    }

    @Override
    public int prepare(Xid xid) {
        return XA_OK;
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        return new Xid[0];
    }

    @Override
    public void rollback(Xid xid) {
    }

    @Override
    public boolean setTransactionTimeout(int seconds) {
        return false;
    }

    @Override
    public void start(Xid xid, int flags) {
    }
}
