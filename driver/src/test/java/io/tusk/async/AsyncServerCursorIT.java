package io.tusk.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * What only the asynchronous named cursor has: {@code rows()} fetching as its subscriber asks,
 * and operations issued without waiting. The behaviour shared with the blocking
 * {@code ServerCursor} is checked for both front ends in {@link FrontendsIT}.
 */
@PgTest
class AsyncServerCursorIT {
    private static AsyncConnection open(TestDatabase db) {
        return Tusk.connectAsync(db.conninfo(PgUsers.TRUST)).toCompletableFuture().join();
    }

    private static <T> T join(CompletionStage<T> s) throws Exception {
        return s.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** A sequence whose last value counts the rows the server computed (each takes a number). */
    private static String counter(TestDatabase db, String seq) {
        db.admin().execute("DROP SEQUENCE IF EXISTS " + seq + "; CREATE SEQUENCE " + seq + "; GRANT ALL ON SEQUENCE " + seq
                + " TO PUBLIC");
        return "SELECT g, nextval('" + seq + "') FROM generate_series(1, 1000) g";
    }

    private static long made(TestDatabase db, String seq) {
        return Long.parseLong(db.admin().queryScalar("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM " + seq));
    }

    @Test
    void rowsFetchesOnlyWhatTheSubscriberAsksFor(TestDatabase db) throws Exception {
        AsyncConnection c = open(db);
        try {
            AsyncServerCursor<Row> cur = c.cursor("slow_reader", io.tusk.rows.RowFactories.rows(), false, false);
            cur.setItersize(10);
            join(cur.execute(counter(db, "sc_demand")));
            TestSubscriber<Row> s = new TestSubscriber<>();
            cur.rows().subscribe(s);
            assertTrue(s.subscribed.await(10, TimeUnit.SECONDS));
            Thread.sleep(200);
            assertEquals(0, made(db, "sc_demand"), "no FETCH before the first request");

            s.request(5);
            waitFor(() -> s.items.size() == 5);
            Thread.sleep(200); // time for a FETCH that should not happen
            assertEquals(10, made(db, "sc_demand"), "one FETCH FORWARD 10 for a demand of 5");

            s.request(5); // served from the held batch
            waitFor(() -> s.items.size() == 10);
            Thread.sleep(200);
            assertEquals(10, made(db, "sc_demand"), "the batch held covered the demand: no round trip");

            s.request(1);
            waitFor(() -> s.items.size() == 11);
            Thread.sleep(200);
            assertEquals(20, made(db, "sc_demand"));
            assertEquals(20, cur.rownumber());

            s.subscription.cancel();
            assertEquals(List.of(), s.violations);
            assertEquals(11, s.items.get(10).getInt(0), "rows in order");
            assertEquals(1L, join(c.execute("SELECT count(*) FROM pg_cursors WHERE name = 'slow_reader'")
                    .thenCompose(AsyncCursor::fetchone)).getLong(0), "the cursor stays open after cancel");
            join(cur.close());
            assertEquals(0L, join(c.execute("SELECT count(*) FROM pg_cursors WHERE name = 'slow_reader'")
                    .thenCompose(AsyncCursor::fetchone)).getLong(0));
            join(c.rollback());
        } finally {
            join(c.close());
        }
    }

    @Test
    void rowsCompletesAfterTheLastShortBatch(TestDatabase db) throws Exception {
        AsyncConnection c = open(db);
        try {
            AsyncServerCursor<Row> cur = c.cursor("all_rows");
            cur.setItersize(7);
            join(cur.execute("SELECT g FROM generate_series(1, %s) g", 30));
            TestSubscriber<Row> s = new TestSubscriber<>();
            cur.rows().subscribe(s);
            assertTrue(s.subscribed.await(10, TimeUnit.SECONDS));
            s.request(Long.MAX_VALUE);
            assertTrue(s.awaitEnd(30));
            assertNull(s.error);
            assertTrue(s.completed);
            assertEquals(30, s.items.size());
            assertEquals(30, s.items.get(29).getInt(0));
            assertEquals(List.of(), s.violations);
            join(cur.close());
            join(c.rollback());
        } finally {
            join(c.close());
        }
    }

    @Test
    void rowsOfACursorNeverExecutedFails(TestDatabase db) throws Exception {
        AsyncConnection c = open(db);
        try {
            TestSubscriber<Row> s = new TestSubscriber<>();
            c.cursor("never_declared").rows().subscribe(s);
            assertTrue(s.subscribed.await(10, TimeUnit.SECONDS));
            s.request(1);
            assertTrue(s.awaitEnd(30));
            assertInstanceOf(io.tusk.errors.DatabaseException.class, s.error);
            assertEquals("34000", ((io.tusk.errors.DatabaseException) s.error).sqlstate(), "invalid_cursor_name");
            join(c.rollback());
        } finally {
            join(c.close());
        }
    }

    @Test
    void operationsIssuedWithoutWaitingRunInOrder(TestDatabase db) throws Exception {
        AsyncConnection c = open(db);
        try {
            AsyncServerCursor<Row> cur = c.cursor("pipelined");
            // All sent before any answer: the implicit BEGIN and the liveness check are decided in order.
            CompletionStage<AsyncServerCursor<Row>> declared = cur.execute("SELECT g FROM generate_series(1, 10) g");
            CompletionStage<Row> first = cur.fetchone();
            CompletionStage<List<Row>> next = cur.fetchmany(3);
            CompletionStage<Void> closed = cur.close();
            join(declared);
            assertEquals(1, join(first).getInt(0));
            assertEquals(List.of(2, 3, 4), join(next).stream().map(r -> r.getInt(0)).toList());
            join(closed);
            assertEquals(4, cur.rownumber());
            assertEquals(0L, join(c.execute("SELECT count(*) FROM pg_cursors").thenCompose(AsyncCursor::fetchone)).getLong(0));
            join(c.commit());
        } finally {
            join(c.close());
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), "condition met within 10 s");
    }
}
