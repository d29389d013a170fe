package io.tusk.internal.async;

import io.tusk.TransactionStatus;
import io.tusk.async.AsyncConnection;
import io.tusk.errors.ProgrammingException;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What an {@link AsyncPoolEngine} does with one connection outside its lock: open it (and run
 * the pool's configure callback), give it its jittered lifetime, close it without raising, and
 * hand stages to the user on the pool's executor. Holds no pool state, so it needs no lock.
 */
final class AsyncPoolConnections {
    private static final System.Logger LOG = System.getLogger("io.tusk.pool");

    private final AsyncPoolConfig cfg;
    private final Executor executor;

    AsyncPoolConnections(AsyncPoolConfig cfg) {
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
                    throw x instanceof CompletionException c ? c : new CompletionException(AsyncConnectionImpl.unwrap(x));
                }
                return conn;
            });
        });
    }

    AsyncPoolEntry newEntry(AsyncConnection conn, long now, int generation) {
        // each connection lives maxLifetime minus up to 5 %, so that they do not all expire at once
        double factor = 1.0 - 0.05 * ThreadLocalRandom.current().nextDouble();
        return new AsyncPoolEntry(conn, now + (long) (cfg.maxLifetime().toNanos() * factor), generation);
    }

    /** The user's view of a stage: completed on the pool's executor, never on an I/O or timer thread. */
    <T> CompletableFuture<T> deliver(CompletionStage<T> stage) {
        CompletableFuture<T> user = new CompletableFuture<>();
        stage.whenComplete((r, e) -> {
            try {
                executor.execute(() -> {
                    if (e != null) {
                        user.completeExceptionally(AsyncConnectionImpl.unwrap(e));
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
                LOG.log(Level.DEBUG, "pool ''{0}'': error closing {1}: {2}", cfg.name(), conn, ex);
                return null;
            });
        } catch (RuntimeException ex) {
            return CompletableFuture.completedFuture(null);
        }
    }
}
