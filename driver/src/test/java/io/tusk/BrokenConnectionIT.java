package io.tusk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.async.AsyncConnection;
import io.tusk.errors.InterfaceException;
import io.tusk.errors.OperationalException;
import io.tusk.pool.AsyncConnectionPool;
import io.tusk.pool.ConnectionPool;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * psycopg: "A broken connection is always closed". After the server ends the session
 * (pg_terminate_backend from another connection) the next statement fails with an
 * OperationalException, then isBroken() and isClosed() are both true and close() is fine, on
 * every front end and through the pools.
 */
@PgTest
class BrokenConnectionIT {

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

    @Test
    void terminatedBlockingConnectionIsBrokenAndClosed(TestDatabase db) {
        Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST));
        assertFalse(conn.isClosed());
        assertTrue(db.admin().terminateBackend(conn.info().backendPid()));
        assertThrows(OperationalException.class, () -> conn.execute("SELECT 1"));
        assertTrue(conn.isBroken());
        assertTrue(conn.isClosed(), "a broken connection is closed");
        assertEquals(ConnectionStatus.BAD, conn.info().status());
        // Still said to be broken, not "closed by you": the fix is another connection or reset().
        OperationalException again = assertThrows(OperationalException.class, () -> conn.execute("SELECT 1"));
        assertTrue(again.getMessage().contains("broken"), again.getMessage());
        conn.close();
        conn.close();
        assertTrue(conn.isClosed());
        assertThrows(InterfaceException.class, () -> conn.execute("SELECT 1"), "closed by the user now");
    }

    @Test
    void resetStillReopensABrokenConnection(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            int pid = conn.info().backendPid();
            db.admin().terminateBackend(pid);
            assertThrows(OperationalException.class, () -> conn.execute("SELECT 1"));
            assertTrue(conn.isClosed());
            conn.reset();
            assertFalse(conn.isClosed(), "open again after reset()");
            assertFalse(conn.isBroken());
            assertNotEquals(pid, conn.info().backendPid());
            assertEquals(1, conn.execute("SELECT 1").fetchone().getInt(0));
        }
    }

    @Test
    void terminatedAsyncConnectionIsBrokenAndClosed(TestDatabase db) {
        AsyncConnection conn = await(Tusk.connectAsync(db.conninfo(PgUsers.TRUST)));
        assertFalse(conn.isClosed());
        assertTrue(db.admin().terminateBackend(conn.backendPid()));
        assertInstanceOf(OperationalException.class, failureOf(conn.execute("SELECT 1")));
        assertTrue(conn.isBroken());
        assertTrue(conn.isClosed(), "a broken connection is closed");
        assertInstanceOf(OperationalException.class, failureOf(conn.execute("SELECT 1")));
        await(conn.close());
        await(conn.close());
        assertTrue(conn.isClosed());
    }

    @Test
    void brokenConnectionReturnedToThePoolIsDiscardedAndCounted(TestDatabase db) {
        try (ConnectionPool pool = ConnectionPool.builder(db.conninfo(PgUsers.TRUST)).minSize(1).maxSize(1)
                .name("broken-return").build()) {
            pool.open(true, Duration.ofSeconds(20));
            Connection conn = pool.getconn();
            int pid = conn.info().backendPid();
            db.admin().terminateBackend(pid);
            assertThrows(OperationalException.class, () -> conn.execute("SELECT 1"));
            assertTrue(conn.isBroken());
            assertTrue(conn.isClosed());
            pool.putconn(conn);
            assertEquals(1, pool.stats().returnsBad());
            Connection fresh = pool.getconn(Duration.ofSeconds(20));
            assertNotEquals(pid, fresh.info().backendPid(), "a new connection replaced the broken one");
            assertFalse(fresh.isClosed());
            assertEquals(1, fresh.execute("SELECT 1").fetchone().getInt(0));
            pool.putconn(fresh);
            assertEquals(1, pool.stats().returnsBad());
            assertEquals(1, pool.stats().poolSize());
        }
    }

    @Test
    void brokenConnectionReturnedToTheAsyncPoolIsDiscardedAndCounted(TestDatabase db) {
        AsyncConnectionPool pool = AsyncConnectionPool.builder(db.conninfo(PgUsers.TRUST)).minSize(1).maxSize(1).open();
        try {
            AsyncConnection conn = await(pool.getconn());
            int pid = conn.backendPid();
            db.admin().terminateBackend(pid);
            assertInstanceOf(OperationalException.class, failureOf(conn.execute("SELECT 1")));
            assertTrue(conn.isBroken());
            assertTrue(conn.isClosed());
            await(pool.putconn(conn));
            assertEquals(1, pool.stats().returnsBad());
            AsyncConnection fresh = await(pool.getconn());
            assertNotEquals(pid, fresh.backendPid());
            assertFalse(fresh.isClosed());
            await(pool.putconn(fresh));
            assertEquals(1, pool.stats().poolSize());
        } finally {
            await(pool.close());
        }
    }
}
