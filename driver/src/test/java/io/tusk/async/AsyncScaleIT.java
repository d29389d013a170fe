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
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many connections on few I/O threads, pipelining, and cancellation of a running query. */
@PgTest
class AsyncScaleIT {
    /** Issue #13: 200 connections (the kit's server allows 300: room for the admin and other tests). */
    private static final int CONNECTIONS = Integer.getInteger("tusk.async.connections", 200);
    /** Issue #13: 1,000 pipelined point selects on each connection. */
    private static final int QUERIES = Integer.getInteger("tusk.async.queries", 1000);
    private static final int ACCOUNTS = 10_000;

    @Test
    void twoHundredConnectionsOnAtMostFourIoThreadsEachRunAThousandPipelinedPointSelects(TestDatabase db) throws Exception {
        // pgbench's -S query on a table of its shape; each balance is derived from its key, so every answer can be checked.
        db.admin().execute("DROP TABLE IF EXISTS scale_accounts; "
                + "CREATE TABLE scale_accounts (aid int PRIMARY KEY, abalance int NOT NULL); "
                + "INSERT INTO scale_accounts SELECT g, g * 7 - 3 FROM generate_series(1, " + ACCOUNTS + ") g; "
                + "GRANT SELECT ON scale_accounts TO PUBLIC");
        String conninfo = db.conninfo(PgUsers.TRUST) + " sslmode=disable";
        int threadsBefore = Thread.activeCount();
        List<CompletableFuture<AsyncConnection>> opening = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            opening.add(Tusk.connectAsync(conninfo).toCompletableFuture());
        }
        List<AsyncConnection> conns = new ArrayList<>();
        try {
            for (CompletableFuture<AsyncConnection> f : opening) {
                conns.add(f.get(60, TimeUnit.SECONDS));
            }
            CountDownLatch done = new CountDownLatch(CONNECTIONS * QUERIES);
            AtomicInteger correct = new AtomicInteger();
            Queue<String> wrong = new ConcurrentLinkedQueue<>();
            int c = 0;
            for (AsyncConnection conn : conns) {
                conn.setAutocommit(true);
                for (int q = 0; q < QUERIES; q++) {
                    int aid = 1 + (c * 7919 + q * 31) % ACCOUNTS;
                    // Issued without waiting: the connection pipelines them and the answers come back in order.
                    conn.execute("SELECT abalance FROM scale_accounts WHERE aid = %s", aid)
                            .thenCompose(AsyncCursor::fetchone)
                            .whenComplete((row, e) -> {
                                if (e != null) {
                                    wrong.add("aid " + aid + ": " + e);
                                } else if (row != null && row.get(0).equals(aid * 7 - 3)) {
                                    correct.incrementAndGet();
                                } else {
                                    wrong.add("aid " + aid + ": " + (row == null ? "no row" : row.get(0)));
                                }
                                done.countDown();
                            });
                }
                c++;
            }
            int threadsWhileRunning = Thread.activeCount();
            assertTrue(done.await(120, TimeUnit.SECONDS), "every query is answered; " + done.getCount() + " are not");
            assertEquals(List.of(), wrong.stream().limit(5).toList(), "answers that do not match their query");
            assertEquals(CONNECTIONS * QUERIES, correct.get(), "every result matches its query");
            // The driver's I/O threads are its event loops, named tusk-io-N; no thread per connection of any name.
            List<String> ioThreads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .filter(n -> n.startsWith("tusk-io-")).sorted().toList();
            assertTrue(!ioThreads.isEmpty() && ioThreads.size() <= 4, "at most 4 I/O threads, not " + ioThreads);
            assertTrue(threadsWhileRunning - threadsBefore < 20, "a thread per connection? " + threadsBefore
                    + " threads before opening " + CONNECTIONS + " connections, " + threadsWhileRunning + " with them busy");
        } finally {
            for (AsyncConnection conn : conns) {
                conn.close().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
            for (CompletableFuture<AsyncConnection> f : opening) {
                f.thenAccept(AsyncConnection::close);
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
