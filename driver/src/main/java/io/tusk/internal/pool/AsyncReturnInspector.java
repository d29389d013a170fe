package io.tusk.internal.pool;

import io.tusk.TransactionStatus;
import io.tusk.async.AsyncConnection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link ReturnInspector} for an asynchronous pool: the same decisions by transaction status,
 * waiting for the ROLLBACK and the {@code reset} callback by stages instead of blocking.
 */
final class AsyncReturnInspector {
    private AsyncReturnInspector() {
    }

    /** Completes with true when the connection is IDLE and can be lent again; never fails. */
    static CompletionStage<Boolean> makeIdle(AsyncConnection conn, AsyncPoolEngine.Callback reset, String pool) {
        if (conn.isClosed() || conn.isBroken()) {
            return CompletableFuture.completedFuture(false);
        }
        CompletionStage<?> cleaned;
        switch (ReturnInspector.cleanupFor(conn.transactionStatus(), conn, pool)) {
            case NONE -> cleaned = CompletableFuture.completedFuture(null);
            case ROLLBACK -> cleaned = conn.rollback();
            default -> {
                return CompletableFuture.completedFuture(false);
            }
        }
        if (reset != null) {
            cleaned = cleaned.thenCompose(v -> reset.apply(conn));
        }
        return cleaned.handle((v, e) -> {
            if (e != null) {
                ReturnInspector.discarded(conn, pool, e);
                return false;
            }
            if (conn.isBroken() || conn.isClosed()) {
                return false;
            }
            return reset == null || ReturnInspector.leftIdle(conn.transactionStatus(), conn, pool);
        });
    }
}
