package io.tusk.internal.tx;

import io.tusk.TransactionStatus;
import io.tusk.Xid;
import io.tusk.errors.DatabaseException;
import io.tusk.errors.ProgrammingException;
import io.tusk.errors.TransactionRollbackException;
import io.tusk.internal.adapt.Literals;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.locks.Lock;

/**
 * Two-phase commit as psycopg's {@code tpc_*} methods do it, on PostgreSQL's
 * {@code PREPARE TRANSACTION}, {@code COMMIT PREPARED} and {@code ROLLBACK PREPARED}, and the
 * {@code pg_prepared_xacts} view for recovery.
 *
 * <p>The connection is in a two-phase transaction from {@code tpcBegin} until
 * {@code tpcCommit()} or {@code tpcRollback()}; the xid and whether it is prepared are kept
 * here. Calls with an explicit xid are for recovery and must come outside of one.
 */
public final class TwoPhase {
    /** PostgreSQL's GIDSIZE: a transaction id is shorter than 200 bytes. */
    static final int MAX_GID_BYTES = 199;

    private final Transactions transactions;
    private final TxHost host;
    private Xid xid;
    private boolean prepared;

    public TwoPhase(Transactions transactions) {
        this.transactions = transactions;
        this.host = transactions.host();
    }

    /** True from tpcBegin until the two-phase transaction ends. */
    public synchronized boolean active() {
        return xid != null;
    }

    /** Forgets the two-phase transaction: its session is gone. */
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

    public void begin(Xid id) {
        checkGidLength(id);
        Lock lock = host.lock();
        lock.lock();
        try {
            synchronized (this) {
                if (xid != null) {
                    throw new ProgrammingException("a two-phase transaction (" + xid + ") is already in progress on this connection: "
                            + "end it with tpcCommit() or tpcRollback() first");
                }
            }
            TransactionStatus st = host.transactionStatus();
            if (st != TransactionStatus.IDLE) {
                throw new ProgrammingException("can't start a two-phase transaction: the connection is in transaction status " + st
                        + "; call commit() or rollback() first");
            }
            if (host.autocommit()) {
                throw new ProgrammingException("can't use two-phase transactions in autocommit mode: call setAutocommit(false) first");
            }
            host.run(transactions.beginStatement());
            synchronized (this) {
                xid = id;
                prepared = false;
            }
        } finally {
            lock.unlock();
        }
    }

    public void prepare() {
        Lock lock = host.lock();
        lock.lock();
        try {
            Xid id;
            synchronized (this) {
                if (xid == null) {
                    throw new ProgrammingException("tpcPrepare() must be called inside a two-phase transaction: call tpcBegin(xid) first");
                }
                if (prepared) {
                    throw new ProgrammingException("tpcPrepare() cannot be used during a prepared two-phase transaction: "
                            + "call tpcCommit() or tpcRollback()");
                }
                id = xid;
            }
            String tag;
            try {
                tag = Transactions.tag(host.run("PREPARE TRANSACTION " + Literals.quoteString(id.toString())));
            } catch (DatabaseException e) {
                // A PREPARE TRANSACTION that fails becomes a ROLLBACK (PostgreSQL, "PREPARE TRANSACTION").
                forget();
                throw PrepareErrors.map(e);
            }
            if ("ROLLBACK".equals(tag)) {
                forget();
                throw new TransactionRollbackException("the two-phase transaction " + id + " had failed before tpcPrepare(), so the server "
                        + "rolled it back instead of preparing it (PREPARE TRANSACTION answered ROLLBACK); nothing was prepared");
            }
            synchronized (this) {
                prepared = true;
            }
        } finally {
            lock.unlock();
        }
    }

    /** {@code tpcCommit()}: COMMIT PREPARED after tpcPrepare, a one-phase COMMIT before it. */
    public void commit() {
        finish(true);
    }

    public void rollback() {
        finish(false);
    }

    private void finish(boolean commit) {
        String method = commit ? "tpcCommit()" : "tpcRollback()";
        Lock lock = host.lock();
        lock.lock();
        try {
            Xid id;
            boolean wasPrepared;
            synchronized (this) {
                if (xid == null) {
                    throw new ProgrammingException(method + " without an xid must be called inside a two-phase transaction: "
                            + "pass the xid to end a prepared transaction after recovery");
                }
                id = xid;
                wasPrepared = prepared;
            }
            if (wasPrepared) {
                host.run((commit ? "COMMIT PREPARED " : "ROLLBACK PREPARED ") + Literals.quoteString(id.toString()));
                forget();
                return;
            }
            String tag;
            try {
                tag = Transactions.tag(host.run(commit ? "COMMIT" : "ROLLBACK"));
            } finally {
                // Whatever the outcome, the transaction is over: COMMIT and ROLLBACK end it even when they fail.
                forget();
            }
            if (commit && "ROLLBACK".equals(tag)) {
                throw new TransactionRollbackException("the two-phase transaction " + id + " had failed, so the one-phase tpcCommit() "
                        + "was a rollback on the server (COMMIT answered ROLLBACK)");
            }
        } finally {
            lock.unlock();
        }
    }

    /** {@code tpcCommit(xid)} / {@code tpcRollback(xid)}: ends a prepared transaction by its id, in recovery. */
    public void finish(Xid id, boolean commit) {
        String method = commit ? "tpcCommit(xid)" : "tpcRollback(xid)";
        checkGidLength(id);
        Lock lock = host.lock();
        lock.lock();
        try {
            synchronized (this) {
                if (xid != null) {
                    throw new ProgrammingException(method + " must be called outside a two-phase transaction; "
                            + "use " + (commit ? "tpcCommit()" : "tpcRollback()") + " to end " + xid);
                }
            }
            host.run((commit ? "COMMIT PREPARED " : "ROLLBACK PREPARED ") + Literals.quoteString(id.toString()));
        } finally {
            lock.unlock();
        }
    }

    /** The prepared transactions of the server ({@code pg_prepared_xacts}), oldest first. */
    public List<Xid> recover() {
        return PreparedXacts.read(host.run(PreparedXacts.QUERY), host.charset());
    }

    private static void checkGidLength(Xid id) {
        int n = id.toString().getBytes(StandardCharsets.UTF_8).length;
        if (n > MAX_GID_BYTES) {
            throw new IllegalArgumentException("a PostgreSQL transaction id must be shorter than 200 bytes, not " + n
                    + ": use a shorter id (XA ids of 64-byte parts fit)");
        }
    }
}
