package io.tusk.largeobject;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.LargeObject;
import io.tusk.Tusk;
import io.tusk.async.AsyncConnection;
import io.tusk.async.AsyncLargeObject;
import io.tusk.errors.ProgrammingException;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large objects on the asynchronous connection: the same data and rules as the blocking LargeObject. */
@PgTest
class AsyncLargeObjectIT {
    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new CompletionException(e.getCause());
        } catch (Exception e) {
            throw new AssertionError("stage not complete in 60 s", e);
        }
    }

    private static AsyncConnection connect(TestDatabase db) {
        return await(Tusk.connectAsync(db.conninfo(PgUsers.TRUST)));
    }

    @Test
    void threeMegabytesWrittenAsynchronouslyAreReadBackByTheBlockingConnection(TestDatabase db, @TempDir Path dir) throws Exception {
        byte[] data = LargeObjectIT.block(7, 3 * LargeObjectIT.MB + 123); // more than one 1 MB call each way
        AsyncConnection conn = connect(db);
        long oid;
        try {
            AsyncLargeObject lo = await(conn.largeObject());
            assertEquals("wb", lo.mode());
            assertEquals(data.length, await(lo.write(data)));
            assertEquals(data.length, await(lo.tell()));
            assertEquals(0L, await(lo.seek(0, LargeObject.SEEK_SET)));
            assertArrayEquals(data, await(lo.read(-1)), "read(-1) reads to the end");
            assertEquals(10L, await(lo.seek(10, LargeObject.SEEK_SET)));
            assertArrayEquals(java.util.Arrays.copyOfRange(data, 10, 20), await(lo.read(10)));
            oid = lo.oid();
            await(lo.close());
            assertTrue(lo.isClosed());
            await(conn.commit());

            AsyncLargeObject again = await(conn.largeObject(oid, "rw"));
            Path file = dir.resolve("out.bin");
            await(again.export(file));
            assertArrayEquals(data, Files.readAllBytes(file), "exported file");
            await(again.truncate(5));
            assertEquals(5, await(again.read(-1)).length);
            await(conn.rollback());
        } finally {
            await(conn.close());
        }
        try (Connection blocking = Tusk.connect(db.conninfo(PgUsers.TRUST)); LargeObject lo = blocking.largeObject(oid, "r")) {
            assertArrayEquals(data, lo.read(-1), "the truncate was rolled back; the blocking API reads what the async one wrote");
        }
    }

    @Test
    void aDescriptorIsRefusedAfterItsTransactionEndedEvenWhenTheCommitWasNotAwaited(TestDatabase db) {
        AsyncConnection conn = connect(db);
        try {
            AsyncLargeObject lo = await(conn.largeObject());
            CompletionStage<Integer> before = lo.write("first");
            CompletionStage<Void> commit = conn.commit();
            CompletionStage<Integer> after = lo.write("second");
            assertEquals(5, await(before));
            await(commit);
            Throwable e = assertThrows(CompletionException.class, () -> await(after)).getCause();
            assertInstanceOf(ProgrammingException.class, e);
            assertTrue(e.getMessage().contains("isn't valid anymore"), e.getMessage());
            AsyncLargeObject reopened = await(conn.largeObject(lo.oid(), "rw"));
            assertEquals("first", await(reopened.readString(-1)), "nothing was written in a later transaction");
            await(reopened.unlink());
            await(conn.commit());
        } finally {
            await(conn.close());
        }
    }

    @Test
    void largeObjectsAreRefusedInAutocommitAndInModeN(TestDatabase db) {
        AsyncConnection conn = connect(db);
        try {
            conn.setAutocommit(true);
            Throwable e = assertThrows(CompletionException.class, () -> await(conn.largeObject())).getCause();
            assertInstanceOf(ProgrammingException.class, e);
            assertTrue(e.getMessage().contains("outside of transactions"), e.getMessage());
            conn.setAutocommit(false);
            AsyncLargeObject created = await(conn.largeObject());
            AsyncLargeObject notOpened = await(conn.largeObject(created.oid(), "n"));
            Throwable n = assertThrows(CompletionException.class, () -> await(notOpened.read(1))).getCause();
            assertInstanceOf(ProgrammingException.class, n);
            await(notOpened.unlink());
            await(conn.rollback());
        } finally {
            await(conn.close());
        }
    }
}
