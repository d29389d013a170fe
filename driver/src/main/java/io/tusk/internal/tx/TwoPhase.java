package io.tusk.internal.tx;

import io.tusk.TransactionStatus;
import io.tusk.Xid;
import io.tusk.errors.DatabaseException;
import io.tusk.errors.ProgrammingException;
import io.tusk.errors.TransactionRollbackException;
import java.nio.charset.Charset;
import java.util.List;

/**
 * Two-phase commit as psycopg's {@code tpc_*} methods do it, on PostgreSQL's
 * {@code PREPARE TRANSACTION}, {@code COMMIT PREPARED} and {@code ROLLBACK PREPARED}, and the
 * {@code pg_prepared_xacts} view for recovery: sans-I/O, each call checks the state and gives
 * the {@link TxStep} to send, which the blocking connection runs and the asynchronous one
 * submits.
 *
 * <p>The connection is in a two-phase transaction from {@code tpcBegin} until
 * {@code tpcCommit()} or {@code tpcRollback()}; the xid and whether it is prepared are kept
 * here. Calls with an explicit xid are for recovery and must come outside of one.
 */
public final class TwoPhase {
    private Xid xid;
    private boolean prepared;

    /** True from tpcBegin until the two-phase transaction ends. */
    public synchronized boolean active() {
        return xid != null;
    }

    /** Forgets the two-phase transaction: its session is gone, or it ended. */
    public synchronized void forget() {
        xid = null;
        prepared = false;
    }

    /** Raises when {@code commit()} or {@code rollback()} is called in a two-phase transaction. */
    public void checkNotActive(String method) {
        if (active()) {
            throw new ProgrammingException(method + " can't be used during a two-phase transaction: use tpcCommit() or tpcRollback()");
        }
    }

    /**
     * {@code tpcBegin(id)}: the BEGIN (with the connection's characteristics) that opens the
     * two-phase transaction. The id is checked first, so nothing is sent for one PostgreSQL
     * could not prepare; the transaction counts as begun from now, and is forgotten if BEGIN fails.
     */
    public TxStep<Void> begin(Xid id, TransactionStatus status, boolean autocommit, String beginStatement) {
        io.tusk.spi.TwoPhaseCommands.checkLength(id.toString());
        synchronized (this) {
            if (xid != null) {
                throw new ProgrammingException("a two-phase transaction (" + xid + ") is already in progress on this connection: "
                        + "end it with tpcCommit() or tpcRollback() first");
            }
            if (status != TransactionStatus.IDLE) {
                throw new ProgrammingException("can't start a two-phase transaction: the connection is in transaction status " + status
                        + "; call commit() or rollback() first");
            }
            if (autocommit) {
                throw new ProgrammingException("can't use two-phase transactions in autocommit mode: call setAutocommit(false) first");
            }
            xid = id;
            prepared = false;
        }
        return TxStep.of(beginStatement, TransactionStatus.INTRANS, r -> null, e -> {
            forget();
            return e;
        });
    }

    /** {@code tpcPrepare()}: PREPARE TRANSACTION; a failed transaction is rolled back instead, and says so. */
    public synchronized TxStep<Void> prepare() {
        if (xid == null) {
            throw new ProgrammingException("tpcPrepare() must be called inside a two-phase transaction: call tpcBegin(xid) first");
        }
        if (prepared) {
            throw new ProgrammingException("tpcPrepare() cannot be used during a prepared two-phase transaction: "
                    + "call tpcCommit() or tpcRollback()");
        }
        Xid id = xid;
        return TxStep.of(io.tusk.spi.TwoPhaseCommands.prepare(id.toString()), TransactionStatus.IDLE, results -> {
            if ("ROLLBACK".equals(TxStep.tag(results))) {
                forget();
                throw new TransactionRollbackException("the two-phase transaction " + id + " had failed before tpcPrepare(), so the server "
                        + "rolled it back instead of preparing it (PREPARE TRANSACTION answered ROLLBACK); nothing was prepared");
            }
            synchronized (this) {
                prepared = true;
            }
            return null;
        }, e -> {
            // A PREPARE TRANSACTION that fails becomes a ROLLBACK (PostgreSQL, "PREPARE TRANSACTION").
            forget();
            return e instanceof DatabaseException d ? PrepareErrors.map(d) : e;
        });
    }

    /**
     * {@code tpcCommit()} / {@code tpcRollback()}: COMMIT PREPARED after tpcPrepare, a one-phase
     * COMMIT (ROLLBACK) before it. A one-phase end is over whatever its outcome (COMMIT and
     * ROLLBACK end the transaction even when they fail); a prepared one stays known until its
     * COMMIT PREPARED succeeds, so that it can be tried again (as psycopg).
     */
    public synchronized TxStep<Void> finish(boolean commit) {
        if (xid == null) {
            throw new ProgrammingException((commit ? "tpcCommit()" : "tpcRollback()") + " without an xid must be called inside a "
                    + "two-phase transaction: pass the xid to end a prepared transaction after recovery");
        }
        Xid id = xid;
        if (prepared) {
            String gid = id.toString();
            return TxStep.of(commit ? io.tusk.spi.TwoPhaseCommands.commitPrepared(gid) : io.tusk.spi.TwoPhaseCommands.rollbackPrepared(gid), null, r -> {
                forget();
                return null;
            }, e -> e);
        }
        return TxStep.of(commit ? "COMMIT" : "ROLLBACK", TransactionStatus.IDLE, results -> {
            forget();
            if (commit && "ROLLBACK".equals(TxStep.tag(results))) {
                throw new TransactionRollbackException("the two-phase transaction " + id + " had failed, so the one-phase tpcCommit() "
                        + "was a rollback on the server (COMMIT answered ROLLBACK)");
            }
            return null;
        }, e -> {
            forget();
            return e;
        });
    }

    /** {@code tpcCommit(xid)} / {@code tpcRollback(xid)}: ends a prepared transaction by its id, in recovery. */
    public synchronized TxStep<Void> finish(Xid id, boolean commit) {
        io.tusk.spi.TwoPhaseCommands.checkLength(id.toString());
        if (xid != null) {
            throw new ProgrammingException((commit ? "tpcCommit(xid)" : "tpcRollback(xid)") + " must be called outside a two-phase "
                    + "transaction; use " + (commit ? "tpcCommit()" : "tpcRollback()") + " to end " + xid);
        }
        String gid = id.toString();
        // COMMIT PREPARED can't run inside a transaction block: the status is what it was.
        return TxStep.plain(commit ? io.tusk.spi.TwoPhaseCommands.commitPrepared(gid) : io.tusk.spi.TwoPhaseCommands.rollbackPrepared(gid), null);
    }

    /** {@code tpcRecover()}: the prepared transactions of the server ({@code pg_prepared_xacts}), oldest first. */
    public static TxStep<List<Xid>> recover(Charset charset) {
        return TxStep.of(PreparedXacts.QUERY, null, results -> PreparedXacts.read(results, charset), e -> e);
    }
}
