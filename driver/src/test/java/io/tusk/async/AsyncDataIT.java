package io.tusk.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.TransactionStatus;
import io.tusk.Tusk;
import io.tusk.errors.DatabaseException;
import io.tusk.rows.Row;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Back-pressure of the asynchronous front end: result streams and COPY TO STDOUT with slow
 * consumers make the server wait (it blocks in its socket write, {@code ClientWrite}) instead of
 * the driver buffering, and cancelling a stream stops the query. The COPY behaviour shared with
 * the blocking connection is in {@link FrontendsIT}.
 */
@PgTest
class AsyncDataIT {
    /** 20,000 rows of 10 KB: 200 MB, far beyond any buffer of the driver or the kernel. */
    private static final String WIDE = "SELECT g, repeat('x', 10000) FROM generate_series(1, 20000) g";

    private static AsyncConnection open(TestDatabase db) {
        AsyncConnection c = Tusk.connectAsync(db.conninfo(PgUsers.TRUST)).toCompletableFuture().join();
        c.setAutocommit(true);
        return c;
    }

    private static <T> T join(java.util.concurrent.CompletionStage<T> s) throws Exception {
        return s.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** Waits until the server backend {@code pid} is blocked writing to its client. */
    private static boolean serverWaitsToWrite(TestDatabase db, int pid) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if ("ClientWrite".equals(db.admin().queryScalar("SELECT wait_event FROM pg_stat_activity WHERE pid = " + pid))) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    void streamDeliversRowsAsRequestedAndCompletes(TestDatabase db) throws Exception {
        AsyncConnection c = open(db);
        try {
            TestSubscriber<Row> s = new TestSubscriber<>();
            c.cursor().stream("SELECT g, 'row ' || g FROM generate_series(1, %s) g", 10_000).subscribe(s);
            assertTrue(s.subscribed.await(10, TimeUnit.SECONDS));
            while (!s.completed && s.error == null) {
                if (s.items.size() == s.requested.get()) {
                    s.request(250);
                }
                Thread.sleep(1);
            }
            assertTrue(s.awaitEnd(30));
            assertNull(s.error);
            assertEquals(10_000, s.items.size());
            long sum = 0;
            for (Row r : s.items) {
                sum += r.getInt(0);
                assertEquals("row " + r.getInt(0), r.getString(1));
            }
            assertEquals(10_000L * 10_001 / 2, sum);
            assertEquals(List.of(), s.violations);
            assertEquals(7, join(c.execute("SELECT 7").thenCompose(AsyncCursor::fetchone)).getInt(0));
        } finally {
            c.close();
        }
    }

    @Test
    void slowSubscriberMakesTheServerWaitAndCancelStopsTheStream(TestDatabase db) throws Exception {
        AsyncConnection c = open(db);
        try {
            TestSubscriber<Row> s = new TestSubscriber<>();
            c.cursor().stream(WIDE).subscribe(s);
            assertTrue(s.subscribed.await(10, TimeUnit.SECONDS));
            s.request(10);
            assertTrue(serverWaitsToWrite(db, c.backendPid()), "the server waits for the client to read (ClientWrite)");
            assertEquals(10, s.items.size(), "no more rows than requested");
            s.subscription.cancel();
            assertEquals(7, join(c.execute("SELECT 7").thenCompose(AsyncCursor::fetchone)).getInt(0),
                    "the connection is in step after the cancel");
            assertEquals(TransactionStatus.IDLE, c.transactionStatus());
            assertEquals(10, s.items.size());
            assertFalse(s.completed, "a cancelled subscription gets no terminal signal");
            assertEquals(List.of(), s.violations);
        } finally {
            c.close();
        }
    }

    @Test
    void cancellingAStreamStopsALongQueryOnTheServer(TestDatabase db) throws Exception {
        AsyncConnection c = open(db);
        try {
            TestSubscriber<Row> s = new TestSubscriber<>();
            // 100,000 rows at 10 ms each would take over 15 minutes. The rows are 1 KB wide so that the
            // server's 8 KB output buffer is flushed every few rows.
            c.cursor().stream("SELECT g, repeat('x', 1000), pg_sleep(0.01) FROM generate_series(1, 100000) g").subscribe(s);
            assertTrue(s.subscribed.await(10, TimeUnit.SECONDS));
            s.request(Long.MAX_VALUE);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (s.items.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(s.items.size() >= 3, "rows arrive while the query runs");
            s.subscription.cancel();
            assertEquals(7, join(c.execute("SELECT 7").thenCompose(AsyncCursor::fetchone)).getInt(0),
                    "the next command runs: the long query was cancelled");
            assertEquals(List.of(), s.violations);
        } finally {
            c.close();
        }
    }

    @Test
    void streamErrorArrivesAfterTheRowsBeforeIt(TestDatabase db) throws Exception {
        AsyncConnection c = open(db);
        try {
            TestSubscriber<Row> s = new TestSubscriber<>();
            c.cursor().stream("SELECT 10 / (5 - g) FROM generate_series(1, 10) g").subscribe(s);
            assertTrue(s.subscribed.await(10, TimeUnit.SECONDS));
            s.request(100);
            assertTrue(s.awaitEnd(30));
            assertInstanceOf(DatabaseException.class, s.error);
            assertEquals("22012", ((DatabaseException) s.error).sqlstate());
            assertEquals(4, s.items.size());
            assertEquals(7, join(c.execute("SELECT 7").thenCompose(AsyncCursor::fetchone)).getInt(0));
        } finally {
            c.close();
        }
    }

    @Test
    void slowCopyReaderMakesTheServerWaitAndFinishDiscardsTheRest(TestDatabase db) throws Exception {
        AsyncConnection c = open(db);
        try {
            AsyncCopy copy = join(c.copy("COPY (" + WIDE + ") TO STDOUT"));
            byte[] first = join(copy.read());
            assertTrue(new String(first, StandardCharsets.US_ASCII).startsWith("1\txxxx"));
            assertTrue(serverWaitsToWrite(db, c.backendPid()), "the server waits for the client to read (ClientWrite)");
            assertEquals(20_000L, join(copy.finish()), "the rest is read and dropped; the command tag counts every row");
            assertEquals(7, join(c.execute("SELECT 7").thenCompose(AsyncCursor::fetchone)).getInt(0));
        } finally {
            c.close();
        }
    }

    @Test
    void copyOutAsAPublisherDeliversEveryByte(TestDatabase db) throws Exception {
        AsyncConnection c = open(db);
        try {
            AsyncCopy copy = join(c.copy("COPY (SELECT repeat('y', 99) FROM generate_series(1, %s)) TO STDOUT", 50_000));
            TestSubscriber<byte[]> s = new TestSubscriber<>();
            copy.chunks().subscribe(s);
            assertTrue(s.subscribed.await(10, TimeUnit.SECONDS));
            while (!s.completed && s.error == null) {
                if (s.items.size() == s.requested.get()) {
                    s.request(1);
                }
                Thread.sleep(0, 100_000);
            }
            assertTrue(s.awaitEnd(30));
            assertNull(s.error);
            assertEquals(50_000L * 100, s.items.stream().mapToLong(b -> b.length).sum());
            assertEquals(List.of(), s.violations);
            assertEquals(50_000L, copy.rowcount());
        } finally {
            c.close();
        }
    }

    @Test
    void commandsIssuedDuringCopyInWaitForItsEnd(TestDatabase db) throws Exception {
        db.admin().execute("DROP TABLE IF EXISTS async_hold; CREATE TABLE async_hold (id int); GRANT ALL ON async_hold TO PUBLIC");
        AsyncConnection c = open(db);
        try {
            AsyncCopy copy = join(c.copy("COPY async_hold FROM STDIN"));
            // Issued while the server is in copy-in mode: sent only after CopyDone, or the server would take it for COPY data.
            CompletableFuture<Row> count = c.execute("SELECT count(*) FROM async_hold").thenCompose(AsyncCursor::fetchone)
                    .toCompletableFuture();
            Thread.sleep(200);
            assertFalse(count.isDone(), "the query waits for the COPY");
            join(copy.writeRow(1).thenCompose(v -> copy.writeRow(2)).thenCompose(v -> copy.writeRow(3)));
            assertEquals(3L, join(copy.finish()));
            assertEquals(3L, ((Number) count.get(10, TimeUnit.SECONDS).get(0)).longValue());
        } finally {
            c.close();
        }
    }
}
