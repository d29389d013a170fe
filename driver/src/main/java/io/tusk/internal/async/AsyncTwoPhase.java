package io.tusk.internal.async;

import io.tusk.TransactionStatus;
import io.tusk.Xid;
import io.tusk.errors.DatabaseException;
import io.tusk.errors.ProgrammingException;
import io.tusk.errors.TransactionRollbackException;
import io.tusk.internal.adapt.Literals;
import io.tusk.internal.connection.QueryResult;
import io.tusk.internal.tx.PrepareErrors;
import io.tusk.internal.tx.PreparedXacts;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Two-phase commit on an asynchronous connection (psycopg's {@code tpc_*}, PostgreSQL's
 * PREPARE TRANSACTION): the same SQL and checks as the blocking {@code TwoPhase}, with the
 * transaction id in the form {@link Xid} gives (pgjdbc-compatible for XA ids).
 */
final class AsyncTwoPhase {
    private final AsyncConnectionImpl conn;
    private Xid xid;
    private boolean prepared;

    AsyncTwoPhase(AsyncConnectionImpl conn) {
        this.conn = conn;
    }

    synchronized boolean active() {
        return xid != null;
    }

    CompletionStage<Void> begin(Xid id) {
        synchronized (this) {
            if (xid != null) {
                return failed("a two-phase transaction (" + xid + ") is already in progress on this connection: "
                        + "end it with tpcCommit() or tpcRollback() first");
            }
            if (conn.autocommit()) {
                return failed("can't use two-phase transactions in autocommit mode: call setAutocommit(false) first");
            }
            TransactionStatus st = conn.transactionStatus();
            if (st != TransactionStatus.IDLE) {
                return failed("can't start a two-phase transaction: the connection is in transaction status " + st
                        + "; call commit() or rollback() first");
            }
            xid = id;
            prepared = false;
        }
        return conn.deliver(conn.run("BEGIN", TransactionStatus.INTRANS)).handle((r, e) -> {
            if (e != null) {
                forget();
                throw wrap(e);
            }
            return null;
        });
    }

    CompletionStage<Void> prepare() {
        Xid id;
        synchronized (this) {
            if (xid == null) {
                return failed("tpcPrepare() must be called inside a two-phase transaction: call tpcBegin(xid) first");
            }
            if (prepared) {
                return failed("tpcPrepare() cannot be used during a prepared two-phase transaction: call tpcCommit() or tpcRollback()");
            }
            id = xid;
        }
        return conn.deliver(conn.run("PREPARE TRANSACTION " + Literals.quoteString(id.toString()), TransactionStatus.IDLE))
                .handle((results, e) -> {
                    if (e != null) {
                        // A PREPARE TRANSACTION that fails becomes a ROLLBACK (PostgreSQL, "PREPARE TRANSACTION").
                        forget();
                        Throwable c = AsyncConnectionImpl.unwrap(e);
                        throw c instanceof DatabaseException d ? PrepareErrors.map(d) : wrap(c);
                    }
                    if ("ROLLBACK".equals(tag(results))) {
                        forget();
                        throw new TransactionRollbackException("the two-phase transaction " + id + " had failed before tpcPrepare(), "
                                + "so the server rolled it back instead of preparing it; nothing was prepared");
                    }
                    synchronized (this) {
                        prepared = true;
                    }
                    return null;
                });
    }

    CompletionStage<Void> finish(boolean commit) {
        Xid id;
        boolean wasPrepared;
        synchronized (this) {
            if (xid == null) {
                return failed((commit ? "tpcCommit()" : "tpcRollback()") + " without an xid must be called inside a two-phase "
                        + "transaction: pass the xid to end a prepared transaction after recovery");
            }
            id = xid;
            wasPrepared = prepared;
        }
        String sql = wasPrepared ? (commit ? "COMMIT PREPARED " : "ROLLBACK PREPARED ") + Literals.quoteString(id.toString())
                : commit ? "COMMIT" : "ROLLBACK";
        return conn.deliver(conn.run(sql, TransactionStatus.IDLE)).handle((results, e) -> {
            forget(); // whatever the outcome, the transaction is over
            if (e != null) {
                throw wrap(e);
            }
            if (!wasPrepared && commit && "ROLLBACK".equals(tag(results))) {
                throw new TransactionRollbackException("the two-phase transaction " + id + " had failed, so the one-phase "
                        + "tpcCommit() was a rollback on the server (COMMIT answered ROLLBACK)");
            }
            return null;
        });
    }

    CompletionStage<Void> finish(Xid id, boolean commit) {
        synchronized (this) {
            if (xid != null) {
                return failed((commit ? "tpcCommit(xid)" : "tpcRollback(xid)") + " must be called outside a two-phase transaction");
            }
        }
        return conn.deliver(conn.run((commit ? "COMMIT PREPARED " : "ROLLBACK PREPARED ") + Literals.quoteString(id.toString()),
                null)).thenApply(r -> null);
    }

    CompletionStage<List<Xid>> recover() {
        return conn.deliver(conn.run(PreparedXacts.QUERY, null))
                .thenApply(results -> PreparedXacts.read(results, conn.session().charset()));
    }

    private synchronized void forget() {
        xid = null;
        prepared = false;
    }

    private static String tag(List<QueryResult> results) {
        return results.isEmpty() || results.get(results.size() - 1).complete() == null ? null
                : results.get(results.size() - 1).complete().tag();
    }

    private static RuntimeException wrap(Throwable e) {
        Throwable c = AsyncConnectionImpl.unwrap(e);
        return c instanceof RuntimeException r ? r : new java.util.concurrent.CompletionException(c);
    }

    private static <T> CompletionStage<T> failed(String message) {
        return CompletableFuture.failedFuture(new ProgrammingException(message));
    }
}
