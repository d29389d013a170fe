package io.tusk.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tusk.Tusk;
import io.tusk.rows.Row;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Over 200 MB through slow consumers of the asynchronous front end in a JVM limited to 64 MB of
 * heap (the failsafe execution "low-memory" runs every *LowMemoryIT with -Xmx64m): if the
 * driver buffered what the server sends faster than the consumer takes it, the heap would run
 * out; it pauses reading instead. COPY FROM STDIN in the same volume checks the write side.
 */
@PgTest
class AsyncStreamLowMemoryIT {
    /** 2,100 rows of 100 KB: 210 MB. */
    private static final int ROWS = 2_100;
    private static final int WIDTH = 100_000;

    @BeforeEach
    void onlyInTheSmallHeap() {
        // Meaningful only in the failsafe execution low-memory (-Xmx64m); skipped elsewhere (-Dit.test).
        assumeTrue(Runtime.getRuntime().maxMemory() <= 80L << 20, "runs in the -Xmx64m execution only");
    }

    private static AsyncConnection open(TestDatabase db) {
        AsyncConnection c = Tusk.connectAsync(db.conninfo()).toCompletableFuture().join();
        c.setAutocommit(true);
        return c;
    }

    private static <T> T join(CompletionStage<T> s) throws Exception {
        return s.toCompletableFuture().get(120, TimeUnit.SECONDS);
    }

    @Test
    void twoHundredMegabytesStreamToASlowSubscriber(TestDatabase db) throws Exception {
        AsyncConnection c = open(db);
        try {
            AtomicLong rows = new AtomicLong();
            AtomicLong bytes = new AtomicLong();
            TestSubscriber<Row> s = new TestSubscriber<>() {
                @Override
                public void onNext(Row r) {
                    rows.incrementAndGet();
                    bytes.addAndGet(r.getString(1).length());
                    sleep(1); // slower than the server: without back-pressure the rows would pile up
                    subscription.request(1);
                }
            };
            c.cursor().stream("SELECT g, repeat('x', %s) FROM generate_series(1, %s) g", WIDTH, ROWS).subscribe(s);
            assertTrue(s.subscribed.await(10, TimeUnit.SECONDS));
            s.subscription.request(1);
            assertTrue(s.awaitEnd(300));
            assertNull(s.error);
            assertEquals(ROWS, rows.get());
            assertEquals((long) ROWS * WIDTH, bytes.get());
            assertEquals(7, join(c.execute("SELECT 7").thenCompose(AsyncCursor::fetchone)).getInt(0));
        } finally {
            c.close();
        }
    }

    @Test
    void twoHundredMegabytesOfCopyToASlowReader(TestDatabase db) throws Exception {
        AsyncConnection c = open(db);
        try {
            AsyncCopy copy = join(c.copy("COPY (SELECT repeat('x', %s) FROM generate_series(1, %s)) TO STDOUT", WIDTH, ROWS));
            long bytes = 0;
            for (byte[] b; (b = join(copy.read())) != null; ) {
                bytes += b.length;
                sleep(1);
            }
            assertEquals((long) ROWS * (WIDTH + 1), bytes);
            assertEquals(ROWS, copy.rowcount());
        } finally {
            c.close();
        }
    }

    @Test
    void twoHundredMegabytesOfCopyFromAFastProducer(TestDatabase db) throws Exception {
        db.admin().execute("CREATE UNLOGGED TABLE async_big_in (t text)");
        AsyncConnection c = open(db);
        try {
            AsyncCopy copy = join(c.copy("COPY async_big_in FROM STDIN"));
            byte[] line = new byte[WIDTH + 1];
            Arrays.fill(line, (byte) 'z');
            line[WIDTH] = '\n';
            for (int i = 0; i < ROWS; i++) {
                join(copy.write(line)); // waits only when the driver's output queue passed its mark
            }
            assertEquals(ROWS, join(copy.finish()));
            assertEquals(ROWS, ((Number) join(c.execute("SELECT count(*) FROM async_big_in").thenCompose(AsyncCursor::fetchone))
                    .get(0)).intValue());
        } finally {
            c.close();
            db.admin().execute("DROP TABLE async_big_in");
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
