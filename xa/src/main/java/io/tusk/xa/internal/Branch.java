package io.tusk.xa.internal;

import io.tusk.Xid;
import java.util.concurrent.ScheduledFuture;

/**
 * The XA branch a connection carries between {@code start} and the end of its server
 * transaction (prepare, one-phase commit or rollback): its id, its association state and
 * whether it may still commit. Guarded by the owning resource's monitor.
 */
public final class Branch {
    /** XA's association states of a branch with this connection (X/Open XA, 2.2.3). */
    public enum State {
        /** Started or resumed: the application's statements are the branch's work. */
        ACTIVE,
        /** Ended with TMSUSPEND: may be resumed with TMRESUME. */
        SUSPENDED,
        /** Ended with TMSUCCESS or TMFAIL: may be joined (TMJOIN), prepared, committed or rolled back. */
        IDLE
    }

    public final Xid xid;
    /** Who claims the connection while the branch lasts (appears in the application's error messages). */
    public final String owner;
    /** The connection was in autocommit mode before start; it is put back at the end. */
    public final boolean restoreAutocommit;
    public State state = State.ACTIVE;
    /** 0 while the branch may commit, else the XA_RB* code it will be rolled back with. */
    public int rollbackCode;
    public String rollbackReason;
    /** The server transaction was already rolled back (TMFAIL, timeout); only the bookkeeping remains. */
    public boolean serverDone;
    public ScheduledFuture<?> timer;

    public Branch(Xid xid, boolean restoreAutocommit) {
        this.xid = xid;
        this.owner = "the XA branch " + xid;
        this.restoreAutocommit = restoreAutocommit;
    }

    /** Marks the branch rollback-only; the first reason wins. */
    public void markRollbackOnly(int code, String reason) {
        if (rollbackCode == 0) {
            rollbackCode = code;
            rollbackReason = reason;
        }
    }
}
