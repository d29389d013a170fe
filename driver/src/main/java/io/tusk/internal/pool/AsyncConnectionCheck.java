package io.tusk.internal.pool;

import io.tusk.async.AsyncConnection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The cheapest round trip that proves an asynchronous connection works: psycopg_pool's
 * {@code AsyncConnectionPool.check_connection}, an empty query (answered by
 * EmptyQueryResponse, protocol "Simple Query") run in autocommit so that it opens no
 * transaction. The twin of the blocking pool's {@code ConnectionCheck}.
 */
public final class AsyncConnectionCheck {
    private AsyncConnectionCheck() {
    }

    /** Completes when the server answered; fails with the reason when it did not. */
    public static CompletionStage<Void> check(AsyncConnection conn) {
        if (conn.isClosed() || conn.isBroken()) {
            return CompletableFuture.failedFuture(new io.tusk.errors.OperationalException(
                    "the connection is " + (conn.isClosed() ? "closed" : "broken")));
        }
        if (conn.autocommit()) {
            return conn.execute("").thenApply(c -> null);
        }
        conn.setAutocommit(true);
        return conn.execute("").handle((c, e) -> {
            if (!conn.isBroken() && !conn.isClosed()) {
                conn.setAutocommit(false);
            }
            if (e != null) {
                throw e instanceof RuntimeException r ? r : new java.util.concurrent.CompletionException(e);
            }
            return null;
        });
    }
}
