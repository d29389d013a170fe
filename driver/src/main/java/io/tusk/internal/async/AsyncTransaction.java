package io.tusk.internal.async;

import io.tusk.TransactionStatus;
import io.tusk.async.AsyncConnection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One {@code transaction(work)} block (psycopg's {@code async with conn.transaction()}): BEGIN
 * when no transaction is open, otherwise a SAVEPOINT; then, once the work's stage completes,
 * COMMIT or RELEASE SAVEPOINT, or on failure ROLLBACK or ROLLBACK TO SAVEPOINT, and the stage
 * fails with the work's own error.
 */
final class AsyncTransaction {
    private final AsyncConnectionImpl conn;
    private final AtomicInteger savepoints;

    AsyncTransaction(AsyncConnectionImpl conn, AtomicInteger savepoints) {
        this.conn = conn;
        this.savepoints = savepoints;
    }

    <T> CompletionStage<T> run(Function<AsyncConnection, CompletionStage<T>> work) {
        TransactionStatus st = conn.transactionStatus();
        boolean outer = st == TransactionStatus.IDLE;
        String sp = outer ? null : "tusk_sp_" + savepoints.incrementAndGet();
        String start = outer ? "BEGIN" : "SAVEPOINT " + sp;
        String commit = outer ? "COMMIT" : "RELEASE SAVEPOINT " + sp;
        String rollback = outer ? "ROLLBACK" : "ROLLBACK TO SAVEPOINT " + sp;
        TransactionStatus after = outer ? TransactionStatus.IDLE : null;
        return conn.deliver(conn.run(start, TransactionStatus.INTRANS))
                .thenCompose(v -> {
                    CompletionStage<T> w;
                    try {
                        w = work.apply(conn);
                    } catch (RuntimeException e) {
                        w = CompletableFuture.failedFuture(e);
                    }
                    CompletionStage<CompletionStage<T>> next = w.handle((r, e) -> e == null
                            ? conn.deliver(conn.run(commit, after)).thenApply(x -> r)
                            : conn.deliver(conn.run(rollback + (outer ? "" : "; RELEASE SAVEPOINT " + sp), after))
                                    .handle((x, e2) -> rethrow(e)));
                    return next.thenCompose(f -> f);
                });
    }

    private static <T> T rethrow(Throwable e) {
        Throwable c = AsyncConnectionImpl.unwrap(e);
        if (c instanceof RuntimeException re) {
            throw re;
        }
        throw new CompletionException(c);
    }
}
