package io.tusk.internal.pool;

import io.tusk.TransactionStatus;
import io.tusk.async.AsyncConnection;
import io.tusk.errors.ProgrammingException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * What an {@link AsyncPoolEngine} does with one connection outside its lock: open it (and run
 * the pool's configure callback), close it without raising, and hand stages to the user on the
 * pool's executor. Holds no pool state, so it needs no lock.
 */
final class AsyncPoolConnections {
    private final PoolConfig<AsyncPoolEngine.Callback> cfg;
    private final Executor executor;

    AsyncPoolConnections(PoolConfig<AsyncPoolEngine.Callback> cfg) {
        this.cfg = cfg;
        this.executor = cfg.executor();
    }

    /** Opens a connection and runs the configure callback, which must leave it IDLE. */
    CompletionStage<AsyncConnection> open() {
        CompletionStage<AsyncConnection> opened;
        try {
            opened = AsyncConnection.connect(cfg.conninfo(), cfg.kwargs(), executor);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (cfg.configure() == null) {
            return opened;
        }
        return opened.thenCompose(conn -> {
            CompletionStage<?> configured;
            try {
                configured = cfg.configure().apply(conn);
            } catch (RuntimeException e) {
                configured = CompletableFuture.failedFuture(e);
            }
            return configured.handle((v, x) -> {
                TransactionStatus st = conn.transactionStatus();
                if (x == null && st != TransactionStatus.IDLE) {
                    x = new ProgrammingException("the configure callback of pool '" + cfg.name() + "' left the"
                            + " connection in status " + st + ": it must end IDLE (commit at its end)");
                }
                if (x != null) {
                    closeQuietly(conn);
                    throw x instanceof CompletionException c ? c : new CompletionException(unwrap(x));
                }
                return conn;
            });
        });
    }

    /** The user's view of a stage: completed on the pool's executor, never on an I/O or timer thread. */
    <T> CompletableFuture<T> deliver(CompletionStage<T> stage) {
        CompletableFuture<T> user = new CompletableFuture<>();
        stage.whenComplete((r, e) -> {
            try {
                executor.execute(() -> {
                    if (e != null) {
                        user.completeExceptionally(unwrap(e));
                    } else {
                        user.complete(r);
                    }
                });
            } catch (RejectedExecutionException rejected) {
                user.completeExceptionally(rejected);
            }
        });
        return user;
    }

    CompletionStage<Void> closeQuietly(AsyncConnection conn) {
        try {
            return conn.close().exceptionally(ex -> {
                PoolLog.closeFailed(cfg.name(), conn, ex);
                return null;
            });
        } catch (RuntimeException ex) {
            return CompletableFuture.completedFuture(null);
        }
    }

    /** The failure a stage failed with, out of the CompletionException wrapping it. */
    static Throwable unwrap(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
