package io.tusk.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tusk.TransactionStatus;
import io.tusk.Tusk;
import io.tusk.errors.DatabaseException;
import io.tusk.errors.PipelineAbortedException;
import io.tusk.rows.Row;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** AsyncConnection.pipeline() against a real server: order, errors mid-pipeline, sync. */
@PgTest
class AsyncPipelineIT {
    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new CompletionException(e.getCause());
        } catch (Exception e) {
            throw new AssertionError("stage not complete in 30 s", e);
        }
    }

    private static Throwable failureOf(CompletionStage<?> stage) {
        return assertThrows(CompletionException.class, () -> await(stage)).getCause();
    }

    private static AsyncConnection connect(TestDatabase db) {
        return await(Tusk.connectAsync(db.conninfo(PgUsers.TRUST)));
    }

    private static int first(CompletionStage<AsyncCursor<Row>> stage) {
        return await(stage.thenCompose(AsyncCursor::fetchone)).getInt(0);
    }

    @Test
    void resultsArriveInOrderEachOnItsOwnStage(TestDatabase db) {
        AsyncConnection conn = connect(db);
        try {
            conn.setAutocommit(true);
            AsyncPipeline p = conn.pipeline();
            List<CompletionStage<AsyncCursor<Row>>> all = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                all.add(p.execute("SELECT %s::int4", i));
            }
            all.add(p.execute("SELECT 1000"));
            for (int i = 0; i < 200; i++) {
                assertEquals(i, first(all.get(i)), "statement " + i + " has its own result");
            }
            assertEquals(1000, first(all.get(200)), "a statement without parameters goes in the pipeline too");
            await(p.close());
            assertEquals(TransactionStatus.IDLE, conn.transactionStatus());
            assertEquals(7, first(conn.execute("SELECT %s::int4", 7)), "the connection works after the pipeline");
        } finally {
            await(conn.close());
        }
    }

    @Test
    void anErrorAbortsTheRestOfItsSegmentAndSyncStartsAFreshOne(TestDatabase db) {
        AsyncConnection conn = connect(db);
        try {
            conn.setAutocommit(true);
            AsyncPipeline p = conn.pipeline();
            CompletionStage<AsyncCursor<Row>> before = p.execute("SELECT %s::int4", 1);
            CompletionStage<AsyncCursor<Row>> failing = p.execute("SELECT 1 / %s", 0);
            CompletionStage<AsyncCursor<Row>> skipped = p.execute("SELECT %s::int4", 3);
            CompletionStage<Void> sync = p.sync();
            assertEquals(1, first(before), "the statement before the error has its result");
            Throwable e = failureOf(failing);
            assertEquals("22012", ((DatabaseException) e).sqlstate(), "the failing statement has the server's error");
            assertInstanceOf(PipelineAbortedException.class, failureOf(skipped), "the server skipped the next one");
            Throwable syncError = failureOf(sync);
            assertEquals("22012", ((DatabaseException) syncError).sqlstate(), "sync reports the segment's first error");
            assertEquals(4, first(p.execute("SELECT %s::int4", 4)), "after the sync a new segment runs");
            await(p.close());
        } finally {
            await(conn.close());
        }
    }

    @Test
    void statementsAfterAKnownErrorFailAtOnceUntilTheSync(TestDatabase db) {
        AsyncConnection conn = connect(db);
        try {
            conn.setAutocommit(true);
            AsyncPipeline p = conn.pipeline();
            failureOf(p.execute("SELECT 1 / %s", 0)); // its error is read: the segment is aborted
            assertInstanceOf(PipelineAbortedException.class, failureOf(p.execute("SELECT %s::int4", 2)));
            failureOf(p.sync());
            assertEquals(5, first(p.execute("SELECT %s::int4", 5)));
            await(p.close());
        } finally {
            await(conn.close());
        }
    }

    @Test
    void pipelineBlockOpensTheImplicitTransactionOnceAndEndsWithASync(TestDatabase db) {
        db.admin().execute("DROP TABLE IF EXISTS apipe_tx; CREATE TABLE apipe_tx (id int); GRANT ALL ON apipe_tx TO PUBLIC");
        AsyncConnection conn = connect(db);
        try {
            long n = await(conn.pipeline(p -> {
                p.execute("INSERT INTO apipe_tx VALUES (%s)", 1);
                p.execute("INSERT INTO apipe_tx VALUES (%s)", 2);
                return p.execute("SELECT count(*) FROM apipe_tx").thenCompose(AsyncCursor::fetchone)
                        .thenApply(r -> r.getLong(0));
            }));
            assertEquals(2, n);
            assertEquals(TransactionStatus.INTRANS, conn.transactionStatus(), "outside autocommit a transaction is open");
            await(conn.rollback());
            assertEquals(0L, await(conn.execute("SELECT count(*) FROM apipe_tx").thenCompose(AsyncCursor::fetchone)).getLong(0),
                    "both inserts were in the one transaction that was rolled back");
        } finally {
            await(conn.close());
        }
    }

    @Test
    void pipelineBlockFailsWithTheWorkErrorAfterItsFinalSync(TestDatabase db) {
        AsyncConnection conn = connect(db);
        try {
            conn.setAutocommit(true);
            IllegalStateException boom = new IllegalStateException("boom");
            Throwable e = failureOf(conn.pipeline(p -> p.execute("SELECT 1").thenApply(c -> {
                throw boom;
            })));
            assertEquals(boom, e);
            assertEquals(TransactionStatus.IDLE, conn.transactionStatus());
            assertEquals(3, first(conn.execute("SELECT %s::int4", 3)));
        } finally {
            await(conn.close());
        }
    }

    @Test
    void aStatementQueuedAfterTheConnectionDiedFailsInsteadOfWaitingForever(TestDatabase db) throws Exception {
        AsyncConnection conn = connect(db);
        try {
            conn.setAutocommit(true);
            AsyncPipeline p = conn.pipeline();
            assertEquals(1, first(p.execute("SELECT 1")), "the segment is on the wire");
            db.admin().terminateBackend(conn.backendPid());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!conn.isBroken() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(true, conn.isBroken(), "the session saw the server go");
            CompletionStage<AsyncCursor<Row>> late = p.execute("SELECT 2");
            Throwable e = failureOf(late); // within await's 30 s, not never
            assertInstanceOf(io.tusk.errors.OperationalException.class, e, String.valueOf(e));
            failureOf(p.close());
        } finally {
            conn.close();
        }
    }
}
