package io.tusk.xa;

import io.tusk.Connection;
import io.tusk.TransactionStatus;
import io.tusk.Xid;
import io.tusk.errors.NotSupportedException;
import io.tusk.errors.TuskException;
import io.tusk.xa.internal.Branch;
import io.tusk.xa.internal.BranchOps;
import io.tusk.xa.internal.BranchTimer;
import io.tusk.xa.internal.ConnectionOps;
import io.tusk.xa.internal.XaErrors;
import io.tusk.xa.internal.XaXid;
import java.util.ArrayList;
import java.util.List;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;

/**
 * An XA resource manager over one PostgreSQL session: the {@link XAResource} a JTA transaction
 * manager enlists, mapped onto {@code BEGIN}, {@code PREPARE TRANSACTION}, {@code COMMIT
 * PREPARED} and {@code ROLLBACK PREPARED}, and {@code pg_prepared_xacts} for recovery.
 *
 * <pre>{@code
 * Connection conn = Tusk.connect("host=db dbname=app user=app");
 * TuskXAResource res = new TuskXAResource(conn);
 * res.start(xid, XAResource.TMNOFLAGS);           // BEGIN
 * conn.execute("UPDATE account SET n = n - 1");
 * res.end(xid, XAResource.TMSUCCESS);
 * if (res.prepare(xid) == XAResource.XA_OK) {     // PREPARE TRANSACTION '<formatId>_<gtrid>_<bqual>'
 *     res.commit(xid, false);                     // COMMIT PREPARED '...'
 * }
 * }</pre>
 *
 * <p>A connection carries at most one branch at a time, as a PostgreSQL session runs one
 * transaction: from {@code start} to the end of that branch's server transaction (prepare,
 * one-phase commit or rollback), the application's {@code commit()}, {@code rollback()},
 * {@code setAutocommit()} and {@code tpc*} on the connection raise {@code ProgrammingException}.
 * Suspending and resuming (TMSUSPEND/TMRESUME) and joining (TMJOIN) work on the same connection;
 * starting a second branch while one is open is refused with {@code XAER_PROTO}; starting a
 * branch while a local transaction is open is refused with {@code XAER_OUTSIDE}. Branches
 * prepared anywhere can be committed or rolled back from any resource of the same database.
 * Every method is safe to call from any thread (they are serialised per resource).
 * docs/reference/xa.md lists each call's SQL and each error code.
 */
public final class TuskXAResource implements XAResource {
    private static final System.Logger LOG = System.getLogger("io.tusk.xa");

    private final BranchOps ops;
    /** The branch on this connection whose server transaction is open; null when none. */
    private Branch branch;
    private int timeoutSeconds;
    private Boolean sameRMOverride;
    private boolean scanning;

    /** A resource over {@code conn}, a connection made by {@code Tusk.connect}; it does not close it. */
    public TuskXAResource(Connection conn) {
        this(new ConnectionOps(conn));
    }

    TuskXAResource(BranchOps ops) {
        this.ops = ops;
    }

    // ---------------------------------------------------------------- association

    @Override
    public synchronized void start(javax.transaction.xa.Xid xaXid, int flags) throws XAException {
        Xid id = XaXid.toTusk(xaXid);
        switch (flags) {
            case TMNOFLAGS -> begin(id);
            case TMJOIN -> reassociate(id, Branch.State.IDLE, "TMJOIN", "a branch ended with TMSUCCESS or TMFAIL");
            case TMRESUME -> reassociate(id, Branch.State.SUSPENDED, "TMRESUME", "a branch suspended with end(TMSUSPEND)");
            default -> throw XaErrors.of(XAException.XAER_INVAL, "start() takes TMNOFLAGS, TMJOIN or TMRESUME, not flags 0x"
                    + Integer.toHexString(flags));
        }
    }

    private void begin(Xid id) throws XAException {
        if (branch != null) {
            if (branch.xid.equals(id)) {
                throw XaErrors.of(XAException.XAER_DUPID, "the branch " + id + " is already started on this connection ("
                        + branch.state + "): use TMJOIN or TMRESUME to associate with it again");
            }
            throw interleaving(id);
        }
        checkUsable("start");
        TransactionStatus st = ops.status();
        if (st != TransactionStatus.IDLE) {
            throw XaErrors.of(XAException.XAER_OUTSIDE, "the connection " + ops.describe() + " has a local transaction open (status "
                    + st + "): commit or roll it back before starting the XA branch " + id + "; it is never merged into a branch");
        }
        Branch b = new Branch(id, ops.autocommit());
        if (b.restoreAutocommit) {
            // Autocommit off keeps large objects and server cursors usable in the branch. It is
            // switched before the claim, which refuses setAutocommit to everyone while it holds.
            try {
                ops.setAutocommit(false);
            } catch (RuntimeException e) {
                throw XaErrors.of(XaErrors.isConnectionLoss(e, ops) ? XAException.XAER_RMFAIL : XAException.XAER_RMERR,
                        "turning autocommit off for the XA branch " + id + " failed: " + e.getMessage(), e);
            }
        }
        try {
            ops.claim(b.owner);
        } catch (TuskException e) {
            restoreAutocommit(b);
            throw XaErrors.of(XAException.XAER_OUTSIDE, e.getMessage(), e);
        }
        try {
            ops.begin();
        } catch (RuntimeException e) {
            finish(b);
            throw XaErrors.of(XaErrors.isConnectionLoss(e, ops) ? XAException.XAER_RMFAIL : XAException.XAER_RMERR,
                    "BEGIN of the XA branch " + id + " failed: " + e.getMessage(), e);
        }
        branch = b;
        if (timeoutSeconds > 0) {
            b.timer = BranchTimer.schedule(() -> expire(b), timeoutSeconds * 1000L);
        }
    }

    private void reassociate(Xid id, Branch.State from, String flag, String what) throws XAException {
        Branch b = branch;
        if (b == null) {
            throw XaErrors.of(XAException.XAER_NOTA, "start(" + flag + ") needs " + what + " on this connection, and " + id
                    + " is not one: a branch started on another connection can't be joined (PostgreSQL runs one transaction per session)");
        }
        if (!b.xid.equals(id)) {
            throw interleaving(id);
        }
        if (b.state != from) {
            throw XaErrors.of(XAException.XAER_PROTO, "start(" + flag + ") needs " + what + ", but " + id + " is " + b.state
                    + (b.state == Branch.State.SUSPENDED ? ": resume it with TMRESUME" : b.state == Branch.State.IDLE ? ": join it with TMJOIN" : ""));
        }
        if (b.rollbackCode != 0) {
            throw XaErrors.of(b.rollbackCode, "the branch " + id + " is rollback-only (" + b.rollbackReason + "): roll it back");
        }
        b.state = Branch.State.ACTIVE;
    }

    private XAException interleaving(Xid id) {
        return XaErrors.of(XAException.XAER_PROTO, "this connection already carries the XA branch " + branch.xid + " (" + branch.state
                + "), so it can't take " + id + ": a PostgreSQL session runs one transaction at a time and branches can't be "
                + "interleaved on one connection; prepare, commit or roll back the first branch, or use another connection");
    }

    @Override
    public synchronized void end(javax.transaction.xa.Xid xaXid, int flags) throws XAException {
        Xid id = XaXid.toTusk(xaXid);
        if (flags != TMSUCCESS && flags != TMFAIL && flags != TMSUSPEND) {
            throw XaErrors.of(XAException.XAER_INVAL, "end() takes TMSUCCESS, TMFAIL or TMSUSPEND, not flags 0x" + Integer.toHexString(flags));
        }
        Branch b = current(id, "end");
        if (flags == TMSUSPEND) {
            if (b.state != Branch.State.ACTIVE) {
                throw XaErrors.of(XAException.XAER_PROTO, "end(TMSUSPEND) needs an active branch, but " + id + " is " + b.state);
            }
            b.state = Branch.State.SUSPENDED;
            return;
        }
        if (b.state == Branch.State.IDLE) {
            throw XaErrors.of(XAException.XAER_PROTO, "the branch " + id + " has already ended: prepare, commit or roll it back, or join it with TMJOIN");
        }
        b.state = Branch.State.IDLE;
        if (flags == TMFAIL) {
            b.markRollbackOnly(XAException.XA_RBROLLBACK, "ended with TMFAIL");
            rollbackServer(b);
        } else if (b.rollbackCode != 0) {
            rollbackServer(b);
            throw XaErrors.of(b.rollbackCode, "the branch " + id + " was rolled back (" + b.rollbackReason + ")");
        }
    }

    // ---------------------------------------------------------------- completion

    @Override
    public synchronized int prepare(javax.transaction.xa.Xid xaXid) throws XAException {
        Xid id = XaXid.toTusk(xaXid);
        Branch b = current(id, "prepare");
        if (b.state != Branch.State.IDLE) {
            throw XaErrors.of(XAException.XAER_PROTO, "prepare() needs an ended branch, but " + id + " is " + b.state + ": call end(TMSUCCESS) first");
        }
        if (b.rollbackCode != 0) {
            throw rolledBack(b);
        }
        if (ops.unusable()) {
            finish(b);
            throw XaErrors.of(XAException.XAER_RMFAIL, "the connection " + ops.describe() + " was lost, and the branch " + id
                    + " with it (the server rolled it back)");
        }
        try {
            if (ops.status() == TransactionStatus.INERROR) {
                b.markRollbackOnly(XAException.XA_RBROLLBACK, "a statement of the branch failed, so the server aborted its transaction");
                throw rolledBack(b);
            }
            if (ops.status() == TransactionStatus.IDLE) {
                // The branch ran no statement, so its transaction was never opened (see
                // ConnectionOps.begin): read-only, nothing to commit, no round trip.
                finish(b);
                return XA_RDONLY;
            }
            BranchOps.Prepared p = ops.prepare(id.toString());
            finish(b);
            if ("ROLLBACK".equals(p.tag())) {
                throw XaErrors.of(XAException.XA_RBROLLBACK, "the branch " + id + " had failed, so PREPARE TRANSACTION rolled it back; nothing was prepared");
            }
            if (p.wroteNothing()) {
                return finishReadOnly(id);
            }
            return XA_OK;
        } catch (RuntimeException e) {
            // A PREPARE TRANSACTION that fails becomes a ROLLBACK (PostgreSQL, PREPARE TRANSACTION): the branch is over either way.
            finish(b);
            if (XaErrors.isConnectionLoss(e, ops)) {
                throw XaErrors.of(XAException.XAER_RMFAIL, "the connection was lost during prepare of " + id
                        + ": whether it was prepared is unknown; recover() lists it if it was", e);
            }
            if ("42710".equals(XaErrors.sqlstate(e))) {
                throw XaErrors.of(XAException.XAER_DUPID, "a prepared transaction named " + id + " already exists on the server; "
                        + "the branch was rolled back", e);
            }
            if (e instanceof NotSupportedException) {
                throw XaErrors.of(XAException.XAER_RMERR, e.getMessage(), e);
            }
            throw XaErrors.of(XaErrors.rollbackCode(e), "PREPARE TRANSACTION of " + id + " failed, so the server rolled the branch back: "
                    + e.getMessage(), e);
        }
    }

    /**
     * A branch that wrote nothing was prepared in the same round trip as the question whether
     * it wrote anything (one round trip for the usual, writing branch). Nothing is there to make
     * durable, so it is committed now and the vote is read-only (XA 2.3.2): the transaction
     * manager forgets it. Should that COMMIT PREPARED fail, the branch stays prepared and the
     * vote is XA_OK instead, so the transaction manager finishes it as any other.
     */
    private int finishReadOnly(Xid id) {
        try {
            ops.commitPrepared(id.toString());
            return XA_RDONLY;
        } catch (RuntimeException e) {
            return XA_OK;
        }
    }

    @Override
    public synchronized void commit(javax.transaction.xa.Xid xaXid, boolean onePhase) throws XAException {
        Xid id = XaXid.toTusk(xaXid);
        Branch b = branch;
        if (b == null || !b.xid.equals(id)) {
            if (onePhase) {
                throw XaErrors.of(XAException.XAER_NOTA, "commit(onePhase) of " + id + ": it is not the branch of this connection"
                        + " (a prepared branch is committed with onePhase false)");
            }
            finishPrepared(id, true);
            return;
        }
        if (!onePhase) {
            throw XaErrors.of(XAException.XAER_PROTO, "the branch " + id + " is not prepared: call prepare() first, or commit it with onePhase true");
        }
        if (b.state != Branch.State.IDLE) {
            throw XaErrors.of(XAException.XAER_PROTO, "commit() needs an ended branch, but " + id + " is " + b.state + ": call end(TMSUCCESS) first");
        }
        if (b.rollbackCode != 0) {
            throw rolledBack(b);
        }
        if (ops.unusable()) {
            finish(b);
            throw XaErrors.of(XAException.XAER_RMFAIL, "the connection " + ops.describe() + " was lost before the one-phase commit of " + id);
        }
        String tag;
        try {
            tag = ops.commit();
        } catch (RuntimeException e) {
            finish(b);
            if (XaErrors.isConnectionLoss(e, ops)) {
                throw XaErrors.of(XAException.XAER_RMFAIL, "the connection was lost during the one-phase commit of " + id
                        + ": whether it committed is unknown", e);
            }
            // A COMMIT that fails (a deferred constraint, a serialization failure) ends the transaction as a rollback.
            throw XaErrors.of(XaErrors.rollbackCode(e), "COMMIT of " + id + " failed, so the server rolled it back: " + e.getMessage(), e);
        }
        finish(b);
        if ("ROLLBACK".equals(tag)) {
            throw XaErrors.of(XAException.XA_RBROLLBACK, "the branch " + id + " had failed, so COMMIT rolled it back");
        }
    }

    @Override
    public synchronized void rollback(javax.transaction.xa.Xid xaXid) throws XAException {
        Xid id = XaXid.toTusk(xaXid);
        Branch b = branch;
        if (b == null || !b.xid.equals(id)) {
            finishPrepared(id, false);
            return;
        }
        try {
            rollbackServer(b);
        } finally {
            finish(b);
        }
    }

    /** COMMIT PREPARED / ROLLBACK PREPARED of a branch prepared on any connection (second phase or recovery). */
    private void finishPrepared(Xid id, boolean commit) throws XAException {
        String sql = commit ? "COMMIT PREPARED" : "ROLLBACK PREPARED";
        if (branch != null) {
            throw XaErrors.of(XAException.XAER_PROTO, sql + " of " + id + " can't run on this connection: it carries the branch "
                    + branch.xid + " and " + sql + " can't run inside a transaction; use another resource");
        }
        checkUsable(commit ? "commit" : "rollback");
        if (ops.status() != TransactionStatus.IDLE) {
            throw XaErrors.of(XAException.XAER_PROTO, sql + " of " + id + " can't run on this connection: the application has a local "
                    + "transaction open on it; commit or roll it back first, or use another resource");
        }
        try {
            if (commit) {
                ops.commitPrepared(id.toString());
            } else {
                ops.rollbackPrepared(id.toString());
            }
        } catch (RuntimeException e) {
            String state = XaErrors.sqlstate(e);
            if (XaErrors.isConnectionLoss(e, ops) || "55006".equals(state)) {
                throw XaErrors.of(XAException.XAER_RMFAIL, sql + " of " + id + " did not complete (" + e.getMessage()
                        + "); the branch may still be prepared: retry, or let recovery finish it", e);
            }
            if ("42704".equals(state)) {
                throw XaErrors.of(XAException.XAER_NOTA, "no prepared transaction " + id + " exists in this database", e);
            }
            throw XaErrors.of(XAException.XAER_RMERR, sql + " of " + id + " failed: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- recovery

    @Override
    public synchronized javax.transaction.xa.Xid[] recover(int flag) throws XAException {
        if ((flag & ~(TMSTARTRSCAN | TMENDRSCAN)) != 0) {
            throw XaErrors.of(XAException.XAER_INVAL, "recover() takes TMSTARTRSCAN, TMENDRSCAN, both, or TMNOFLAGS within a scan, not flags 0x"
                    + Integer.toHexString(flag));
        }
        boolean start = (flag & TMSTARTRSCAN) != 0;
        boolean end = (flag & TMENDRSCAN) != 0;
        if (!start) {
            if (!scanning) {
                throw XaErrors.of(XAException.XAER_INVAL, "recover(" + (end ? "TMENDRSCAN" : "TMNOFLAGS")
                        + ") without an open scan: start one with TMSTARTRSCAN");
            }
            // Every id was returned by the TMSTARTRSCAN call.
            scanning = !end;
            return new javax.transaction.xa.Xid[0];
        }
        checkUsable("recover");
        List<String> gids;
        try {
            gids = ops.preparedIds();
        } catch (RuntimeException e) {
            throw XaErrors.of(XaErrors.isConnectionLoss(e, ops) ? XAException.XAER_RMFAIL : XAException.XAER_RMERR,
                    "reading pg_prepared_xacts failed: " + e.getMessage(), e);
        }
        List<javax.transaction.xa.Xid> out = new ArrayList<>();
        for (String gid : gids) {
            Xid x = Xid.fromString(gid);
            if (x.isXa()) {
                out.add(XaXid.of(x));
            }
        }
        scanning = !end;
        return out.toArray(new javax.transaction.xa.Xid[0]);
    }

    /** Always {@code XAER_NOTA}: Tusk never completes a branch heuristically, so there is nothing to forget. */
    @Override
    public void forget(javax.transaction.xa.Xid xaXid) throws XAException {
        Xid id = XaXid.toTusk(xaXid);
        throw XaErrors.of(XAException.XAER_NOTA, "forget(" + id + "): Tusk never completes a branch heuristically, so there is no such branch to forget");
    }

    // ---------------------------------------------------------------- configuration

    /**
     * True only for this very resource (one PostgreSQL session is one resource manager for XA
     * joins), unless {@link #setSameRMOverride(Boolean)} says otherwise.
     */
    @Override
    public synchronized boolean isSameRM(XAResource other) {
        return sameRMOverride != null ? sameRMOverride : other == this;
    }

    /**
     * Overrides {@link #isSameRM}: null (the default) compares resources, true or false is the
     * answer for every resource (an application server's {@code is-same-rm-override}). False
     * makes the transaction manager use a branch per enlistment; true is only safe when the
     * transaction manager joins branches on the same connection, because a branch started on
     * one connection can't be joined from another ({@code start(TMJOIN)} raises XAER_NOTA there).
     */
    public synchronized void setSameRMOverride(Boolean override) {
        this.sameRMOverride = override;
    }

    @Override
    public synchronized int getTransactionTimeout() {
        return timeoutSeconds;
    }

    /**
     * Rolls back the branches started from now on that last longer than {@code seconds}
     * (0: no limit, the default). When the time is up: a branch that is ended or suspended is
     * rolled back at once; a branch that is active gets its running statement cancelled, and
     * is rolled back at {@code end}. Either way {@code end}, {@code prepare} and {@code commit}
     * then raise {@code XA_RBTIMEOUT}.
     */
    @Override
    public synchronized boolean setTransactionTimeout(int seconds) throws XAException {
        if (seconds < 0) {
            throw XaErrors.of(XAException.XAER_INVAL, "the transaction timeout must be >= 0 seconds, not " + seconds);
        }
        timeoutSeconds = seconds;
        return true;
    }

    // ---------------------------------------------------------------- internals

    /** The branch on this connection with id {@code id}, or XAER_NOTA. */
    private Branch current(Xid id, String method) throws XAException {
        Branch b = branch;
        if (b == null || !b.xid.equals(id)) {
            throw XaErrors.of(XAException.XAER_NOTA, method + "(" + id + "): not the branch of this connection"
                    + (b == null ? " (it carries none)" : " (it carries " + b.xid + ")")
                    + "; " + method + " must be called on the resource that started the branch");
        }
        return b;
    }

    private void checkUsable(String method) throws XAException {
        if (ops.unusable()) {
            throw XaErrors.of(XAException.XAER_RMFAIL, method + "(): the connection " + ops.describe()
                    + " is closed or broken: use a new resource on a new connection");
        }
    }

    /** Rolls back a rollback-only branch and returns the XA_RB* error that reports it. */
    private XAException rolledBack(Branch b) {
        rollbackServer(b);
        finish(b);
        return XaErrors.of(b.rollbackCode, "the branch " + b.xid + " was rolled back (" + b.rollbackReason + ")");
    }

    /** ROLLBACK of the branch's server transaction, once; a lost connection has rolled it back already. */
    private void rollbackServer(Branch b) {
        if (b.serverDone) {
            return;
        }
        b.serverDone = true;
        if (ops.unusable()) {
            return;
        }
        try {
            ops.rollback();
        } catch (RuntimeException e) {
            // Only a lost session makes ROLLBACK fail, and the server rolls back a lost session's transaction.
            LOG.log(System.Logger.Level.DEBUG, "ROLLBACK of the XA branch " + b.xid + " failed: " + e.getMessage());
        }
    }

    /** The branch's server transaction is over: forget it and give the connection back to the application. */
    private void finish(Branch b) {
        if (b.timer != null) {
            b.timer.cancel(false);
        }
        if (branch == b) {
            branch = null;
        }
        try {
            if (!ops.unusable() && ops.status() != TransactionStatus.IDLE) {
                // A failed statement can leave the transaction open (e.g. COMMIT refused); end it so the connection is clean.
                ops.rollback();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "cleaning up after the XA branch " + b.xid + " failed: " + e.getMessage());
        }
        ops.release(b.owner);
        restoreAutocommit(b);
    }

    private void restoreAutocommit(Branch b) {
        if (b.restoreAutocommit && !ops.unusable()) {
            try {
                ops.setAutocommit(true);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "could not restore autocommit after the XA branch " + b.xid + ": " + e.getMessage());
            }
        }
    }

    /** The branch's timer: marks it rollback-only and rolls it back, or cancels its running statement. */
    private void expire(Branch b) {
        boolean cancel;
        synchronized (this) {
            if (branch != b) {
                return;
            }
            b.markRollbackOnly(XAException.XA_RBTIMEOUT, "its transaction timeout of " + timeoutSeconds + " s expired");
            cancel = b.state == Branch.State.ACTIVE;
            if (!cancel) {
                rollbackServer(b);
            }
        }
        if (cancel) {
            try {
                ops.cancel();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "cancelling the timed-out XA branch " + b.xid + " failed: " + e.getMessage());
            }
        }
    }

    @Override
    public synchronized String toString() {
        return "TuskXAResource[" + ops.describe() + (branch == null ? "" : ", branch " + branch.xid + " " + branch.state) + "]";
    }
}
