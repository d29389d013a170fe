package io.tusk.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Tusk;
import io.tusk.errors.DatabaseException;
import io.tusk.rows.Row;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Prepared statements under what only the asynchronous connection does: executions issued
 * without waiting, pipelined on one connection, planned before the earlier ones are answered.
 */
@PgTest
class AsyncPreparedIT {
    private static AsyncConnection open(TestDatabase db) throws Exception {
        AsyncConnection c = Tusk.connectAsync(db.conninfo(PgUsers.TRUST)).toCompletableFuture().get(30, TimeUnit.SECONDS);
        c.setAutocommit(true);
        return c;
    }

    private static List<Row> rows(AsyncConnection c, String sql) {
        return c.execute(sql).thenCompose(AsyncCursor::fetchall).toCompletableFuture().join();
    }

    /** The statements of this session whose text contains {@code marker}. */
    private static long prepared(AsyncConnection c, String marker) {
        return (Long) rows(c, "SELECT count(*) FROM pg_prepared_statements WHERE strpos(statement, '" + marker + "') > 0")
                .get(0).get(0);
    }

    @Test
    void twoHundredConcurrentExecutionsOfOneStatementPrepareItOnceAndAllAnswerRight(TestDatabase db) throws Exception {
        AsyncConnection c = open(db);
        try {
            List<CompletableFuture<Row>> all = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                all.add(c.execute("SELECT %s::int4 * 2 AS concurrent_marker", i).thenCompose(AsyncCursor::fetchone)
                        .toCompletableFuture());
            }
            for (int i = 0; i < 200; i++) {
                assertEquals(i * 2, all.get(i).get(30, TimeUnit.SECONDS).get(0), "execution " + i);
            }
            assertEquals(1, prepared(c, "concurrent_marker"), "prepared once, not once per execution in flight");
            // Later executions bind it: still one statement, still right.
            assertEquals(400, c.execute("SELECT %s::int4 * 2 AS concurrent_marker", 200).thenCompose(AsyncCursor::fetchone)
                    .toCompletableFuture().join().get(0));
            assertEquals(1, prepared(c, "concurrent_marker"));
        } finally {
            c.close().toCompletableFuture().join();
        }
    }

    @Test
    void failedPreparationLeavesNoStatementBehindForTheExecutionsQueuedAfterIt(TestDatabase db) throws Exception {
        String table = "async_prep_missing";
        db.admin().execute("DROP TABLE IF EXISTS " + table);
        AsyncConnection c = open(db);
        try {
            c.setPrepareThreshold(0);
            List<CompletableFuture<AsyncCursor<Row>>> all = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                all.add(c.execute("SELECT * FROM " + table + " WHERE id = %s", i).toCompletableFuture());
            }
            for (CompletableFuture<AsyncCursor<Row>> f : all) {
                CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, f::join);
                assertInstanceOf(DatabaseException.class, e.getCause());
                // The table's absence, not "prepared statement does not exist" (26000).
                assertEquals("42P01", ((DatabaseException) e.getCause()).sqlstate());
            }
            db.admin().execute("CREATE TABLE " + table + " (id int); GRANT ALL ON " + table + " TO PUBLIC; INSERT INTO "
                    + table + " VALUES (3)");
            assertEquals(3, c.execute("SELECT * FROM " + table + " WHERE id = %s", 3).thenCompose(AsyncCursor::fetchone)
                    .toCompletableFuture().join().get(0));
            assertEquals(1, prepared(c, table));
        } finally {
            c.close().toCompletableFuture().join();
            db.admin().execute("DROP TABLE IF EXISTS " + table);
        }
    }

    @Test
    void evictionWhileExecutionsAreInFlightKeepsEveryResultRight(TestDatabase db) throws Exception {
        AsyncConnection c = open(db);
        try {
            c.setPrepareThreshold(0);
            c.setPreparedMax(2);
            List<CompletableFuture<Row>> all = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                // Five statements taking turns: each preparation evicts one that others still bind.
                all.add(c.execute("SELECT %s::int4 + " + (i % 5) + " AS evict_marker", i).thenCompose(AsyncCursor::fetchone)
                        .toCompletableFuture());
            }
            for (int i = 0; i < 300; i++) {
                assertEquals(i + i % 5, all.get(i).get(30, TimeUnit.SECONDS).get(0), "execution " + i);
            }
            assertTrue(prepared(c, "evict_marker") <= 2, "at most preparedMax statements kept on the server");
        } finally {
            c.close().toCompletableFuture().join();
        }
    }

    @Test
    void pipelinePreparesThroughTheConnectionsCacheAndACursorThenBindsItInBinary(TestDatabase db) throws Exception {
        AsyncConnection c = open(db);
        try {
            c.setPrepareThreshold(0);
            List<Object> values = c.pipeline(p -> {
                List<CompletableFuture<Object>> got = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    got.add(p.execute("SELECT %s::int4 AS pipeline_marker", i)
                            .thenCompose(AsyncCursor::fetchone).thenApply(r -> r.get(0)).toCompletableFuture());
                }
                return CompletableFuture.allOf(got.toArray(new CompletableFuture<?>[0]))
                        .thenApply(v -> got.stream().map(CompletableFuture::join).toList());
            }).toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals(List.of(0, 1, 2), values);
            assertEquals(1, prepared(c, "pipeline_marker"), "prepared by the first, not again by those queued behind it");
            AsyncCursor<Row> cur = c.cursor();
            cur.setBinary(true);
            cur.execute("SELECT %s::int4 AS pipeline_marker", 5).toCompletableFuture().join();
            assertEquals(1, cur.description().get(0).format(), "binary");
            assertEquals(5, cur.fetchone().toCompletableFuture().join().get(0));
        } finally {
            c.close().toCompletableFuture().join();
        }
    }

    @Test
    void executionQueuedBehindDeallocateAllRunsAgainInsteadOfFailing(TestDatabase db) throws Exception {
        AsyncConnection c = open(db);
        try {
            c.setPrepareThreshold(0);
            String sql = "SELECT %s::int4 AS dealloc_marker";
            assertEquals(1, c.execute(sql, 1).thenCompose(AsyncCursor::fetchone).toCompletableFuture().join().get(0));
            // Planned before DEALLOCATE ALL is answered: it binds the name the server just dropped.
            CompletableFuture<AsyncCursor<Row>> dealloc = c.execute("DEALLOCATE ALL").toCompletableFuture();
            CompletableFuture<Row> after = c.execute(sql, 2).thenCompose(AsyncCursor::fetchone).toCompletableFuture();
            dealloc.get(30, TimeUnit.SECONDS);
            assertEquals(2, after.get(30, TimeUnit.SECONDS).get(0));
            assertEquals(3, c.execute(sql, 3).thenCompose(AsyncCursor::fetchone).toCompletableFuture().join().get(0));
            assertEquals(1, prepared(c, "dealloc_marker"));
        } finally {
            c.close().toCompletableFuture().join();
        }
    }
}
