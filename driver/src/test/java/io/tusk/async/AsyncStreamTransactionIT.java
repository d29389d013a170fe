package io.tusk.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.TransactionStatus;
import io.tusk.Tusk;
import io.tusk.rows.Row;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code AsyncCursor.stream()} inside a transaction: the statement runs in portal batches, so
 * stopping it early closes the portal at a batch boundary instead of cancelling the statement,
 * and the transaction goes on (the other stream checks are in {@link AsyncDataIT}).
 */
@PgTest
class AsyncStreamTransactionIT {
    private static <T> T join(CompletionStage<T> s) throws Exception {
        return s.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void cancellingAStreamInsideATransactionLeavesItUsable(TestDatabase db) throws Exception {
        db.admin().execute("DROP TABLE IF EXISTS async_stream_tx; CREATE TABLE async_stream_tx (id int); GRANT ALL ON"
                + " async_stream_tx TO PUBLIC; DROP SEQUENCE IF EXISTS async_stream_made; CREATE SEQUENCE async_stream_made;"
                + " GRANT ALL ON SEQUENCE async_stream_made TO PUBLIC");
        AsyncConnection c = Tusk.connectAsync(db.conninfo(PgUsers.TRUST)).toCompletableFuture().join();
        try {
            c.setAutocommit(false);
            join(c.execute("INSERT INTO async_stream_tx VALUES (%s)", 1));
            TestSubscriber<Row> s = new TestSubscriber<>();
            // A million rows, each taking a number of the sequence: its last value counts the rows computed.
            c.cursor().stream("SELECT g, nextval('async_stream_made') FROM generate_series(1, 1000000) g").subscribe(s);
            assertTrue(s.subscribed.await(10, TimeUnit.SECONDS));
            s.request(10);
            for (int i = 0; i < 1000 && s.items.size() < 10; i++) {
                Thread.sleep(10);
            }
            assertEquals(10, s.items.size());
            s.subscription.cancel();

            assertEquals(7, join(c.execute("SELECT 7").thenCompose(AsyncCursor::fetchone)).getInt(0),
                    "the next statement runs in the same transaction");
            assertEquals(TransactionStatus.INTRANS, c.transactionStatus(), "not failed: no CancelRequest hit it");
            assertEquals(List.of(1), join(c.execute("SELECT id FROM async_stream_tx").thenCompose(AsyncCursor::fetchall))
                    .stream().map(r -> r.getInt(0)).toList(), "the insert before the stream is still there");
            long made = Long.parseLong(db.admin().queryScalar("SELECT last_value FROM async_stream_made"));
            // What the driver read before it stopped reading (its 4,096-row bound, give or take a
            // socket read), the rows in the kernel's buffers and the batch of 2,000 asked for last:
            // a few batches, far from the million the statement would make.
            assertTrue(made < 50_000, "the portal stopped at a batch boundary soon after the cancel: " + made);
            join(c.commit());
            assertEquals("1", db.admin().queryScalar("SELECT count(*) FROM async_stream_tx"), "committed");
            assertEquals(List.of(), s.violations);
        } finally {
            join(c.close());
        }
    }
}
