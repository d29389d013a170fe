package io.tusk.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Tusk;
import io.tusk.errors.QueryCanceledException;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many connections on few I/O threads, pipelining, and cancellation of a running query. */
@PgTest
class AsyncScaleIT {
    private static final int CONNECTIONS = 150; // max_connections=200 is shared with the admin and other tests
    /** 1,000 in the issue (-Dtusk.async.queries=1000); 100 keeps the build quick (see docs/reference/async.md). */
    private static final int QUERIES = Integer.getInteger("tusk.async.queries", 100);

    @Test
    void manyConnectionsOnFourIoThreadsRunPipelinedPointSelects(TestDatabase db) throws Exception {
        String conninfo = db.conninfo(PgUsers.TRUST) + " sslmode=disable";
        List<CompletableFuture<AsyncConnection>> opening = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            opening.add(Tusk.connectAsync(conninfo).toCompletableFuture());
        }
        List<AsyncConnection> conns = new ArrayList<>();
        for (CompletableFuture<AsyncConnection> f : opening) {
            conns.add(f.get(30, TimeUnit.SECONDS));
        }
        try {
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(CONNECTIONS * QUERIES);
            java.util.concurrent.atomic.AtomicInteger correct = new java.util.concurrent.atomic.AtomicInteger();
            for (AsyncConnection c : conns) {
                c.setAutocommit(true);
                for (int q = 0; q < QUERIES; q++) {
                    int n = q;
                    // Issued without waiting: the connection pipelines them and answers in order.
                    c.execute("SELECT %s::int4 * 2", n).thenCompose(AsyncCursor::fetchone).whenComplete((row, e) -> {
                        if (e == null && row.get(0).equals(n * 2)) {
                            correct.incrementAndGet();
                        }
                        done.countDown();
                    });
                }
            }
            assertTrue(done.await(60, TimeUnit.SECONDS), "every query is answered");
            assertEquals(CONNECTIONS * QUERIES, correct.get(), "every result matches its query");
            long ioThreads = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("tusk-io-")).count();
            assertTrue(ioThreads <= 4, "at most 4 I/O threads, not " + ioThreads);
        } finally {
            for (AsyncConnection c : conns) {
                c.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void cancellingTheStageCancelsTheQueryOnTheServer(TestDatabase db) throws Exception {
        AsyncConnection c = Tusk.connectAsync(db.conninfo(PgUsers.TRUST)).toCompletableFuture().get(30, TimeUnit.SECONDS);
        try {
            c.setAutocommit(true);
            CompletableFuture<AsyncCursor<io.tusk.rows.Row>> sleep = c.execute("SELECT pg_sleep(30)").toCompletableFuture();
            Thread.sleep(300);
            long start = System.nanoTime();
            sleep.cancel(true);
            assertThrows(CancellationException.class, sleep::join);
            // The server was asked to cancel: the next command is answered at once, not after 30 s.
            Object v = c.execute("SELECT 7").thenCompose(AsyncCursor::fetchone).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS).get(0);
            assertEquals(7, v);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "the sleep was cancelled on the server");
            // And a cancel seen by the command itself is the server's 57014.
            CompletableFuture<?> again = c.execute("SELECT pg_sleep(30)").toCompletableFuture();
            Thread.sleep(300);
            c.cancel().toCompletableFuture().get(10, TimeUnit.SECONDS);
            Throwable e = assertThrows(java.util.concurrent.ExecutionException.class, () -> again.get(10, TimeUnit.SECONDS)).getCause();
            assertInstanceOf(QueryCanceledException.class, e);
        } finally {
            c.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
