package io.tusk.internal.async;

import io.tusk.TransactionStatus;
import io.tusk.async.AsyncConnection;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Decides whether a connection given back to an asynchronous pool can serve another client,
 * bringing it back to IDLE when it can: psycopg_pool's {@code _reset_connection}, as the
 * blocking pool's {@code ReturnInspector} does it, but waiting for the ROLLBACK and the
 * {@code reset} callback by stages. A transaction left open or failed is rolled back (with a
 * warning: a bug of the caller); a connection with a command still in flight (ACTIVE), a broken
 * or closed one, or one the {@code reset} callback fails on or leaves out of IDLE, is not
 * reusable.
 */
final class AsyncReturnInspector {
    private static final System.Logger LOG = System.getLogger("io.tusk.pool");

    private AsyncReturnInspector() {
    }

    /** Completes with true when the connection is IDLE and can be lent again; never fails. */
    static CompletionStage<Boolean> makeIdle(AsyncConnection conn,
            Function<AsyncConnection, ? extends CompletionStage<?>> reset, String pool) {
        if (conn.isClosed() || conn.isBroken()) {
            return CompletableFuture.completedFuture(false);
        }
        CompletionStage<?> cleaned;
        TransactionStatus status = conn.transactionStatus();
        switch (status) {
            case IDLE -> cleaned = CompletableFuture.completedFuture(null);
            case INTRANS, INERROR -> {
                LOG.log(Level.WARNING, "pool ''{0}'': rolling back returned connection {1}: it was left in a"
                        + " transaction ({2}); commit or roll back before returning it", pool, conn, status);
                cleaned = conn.rollback();
            }
            case ACTIVE -> {
                LOG.log(Level.WARNING, "pool ''{0}'': closing returned connection {1}: a command is still in flight"
                        + " on it (ACTIVE); wait for its stage to complete before returning the connection", pool, conn);
                return CompletableFuture.completedFuture(false);
            }
            default -> {
                return CompletableFuture.completedFuture(false);
            }
        }
        if (reset != null) {
            cleaned = cleaned.thenCompose(v -> {
                CompletionStage<?> r = reset.apply(conn);
                return r.thenApply(x -> null);
            });
        }
        return cleaned.handle((v, e) -> {
            if (e != null) {
                LOG.log(Level.WARNING, "pool ''" + pool + "'': returned connection " + conn + " discarded: " + e, e);
                return false;
            }
            if (conn.isBroken() || conn.isClosed()) {
                return false;
            }
            TransactionStatus after = conn.transactionStatus();
            if (after != TransactionStatus.IDLE) {
                LOG.log(Level.WARNING, "pool ''{0}'': the reset callback left connection {1} in status {2}:"
                        + " discarded; the callback must end with the connection IDLE", pool, conn, after);
                return false;
            }
            return true;
        });
    }
}
