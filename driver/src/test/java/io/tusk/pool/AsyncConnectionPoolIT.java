package io.tusk.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.TransactionStatus;
import io.tusk.async.AsyncConnection;
import io.tusk.async.AsyncCursor;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a user of AsyncConnectionPool relies on, against a real server. */
@PgTest
class AsyncConnectionPoolIT {
    /**
     * One thread for every callback of the pool and its connections: if anything waited by
     * blocking a thread, the whole test would hang, so a test that completes proves it did not.
     */
    private ExecutorService oneThread;
    private final Set<Thread> callbackThreads = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void startExecutor() {
        oneThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "async-pool-it-callbacks");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterEach
    void stopExecutor() {
        oneThread.shutdownNow();
    }

    private AsyncConnectionPool.Builder pool(TestDatabase db) {
        return AsyncConnectionPool.builder(db.conninfo(PgUsers.TRUST)).executor(oneThread);
    }

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
        CompletionException e = assertThrows(CompletionException.class, () -> await(stage));
        return e.getCause();
    }

    @Test
    void fiftyConcurrentRequestsOnFourConnectionsAllCompleteOnOneCallbackThread(TestDatabase db) {
        AsyncConnectionPool pool = pool(db).minSize(1).maxSize(4).open();
        try {
            List<CompletableFuture<Integer>> all = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                all.add(pool.connection(conn -> {
                    callbackThreads.add(Thread.currentThread());
                    return conn.execute("SELECT %s::int4 FROM pg_sleep(0.02)", n)
                            .thenCompose(AsyncCursor::fetchone)
                            .thenApply(row -> row.getInt(0));
                }).toCompletableFuture());
            }
            for (int i = 0; i < 50; i++) {
                assertEquals(i, await(all.get(i)), "request " + i + " got its own answer");
            }
            PoolStats s = pool.stats();
            assertTrue(s.poolSize() <= 4, "never more than maxSize connections: " + s);
            assertTrue(s.requestsQueued() > 0, "requests had to wait for a connection: " + s);
            assertEquals(50, s.requestsNum());
            assertEquals(0, s.requestsErrors());
            assertEquals(Set.of("async-pool-it-callbacks"), names(callbackThreads), "work ran on the pool's executor");
        } finally {
            await(pool.close());
        }
    }

    private static Set<String> names(Set<Thread> threads) {
        Set<String> out = new java.util.HashSet<>();
        threads.forEach(t -> out.add(t.getName()));
        return out;
    }

    @Test
    void waitingLongerThanTheTimeoutFailsWithPoolTimeoutException(TestDatabase db) {
        AsyncConnectionPool pool = pool(db).minSize(1).maxSize(1).open();
        try {
            AsyncConnection held = await(pool.getconn());
            long start = System.nanoTime();
            Throwable e = failureOf(pool.getconn(Duration.ofMillis(300)));
            assertInstanceOf(PoolTimeoutException.class, e);
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(250), "it waited for the timeout");
            assertEquals(0, pool.stats().requestsWaiting(), "the timed-out request left the queue");
            await(pool.putconn(held));
            assertSame(held, await(pool.getconn()), "the connection given back serves the next request");
        } finally {
            await(pool.close());
        }
    }

    @Test
    void oneRequestMoreThanMaxWaitingFailsWithTooManyRequests(TestDatabase db) {
        AsyncConnectionPool pool = pool(db).minSize(1).maxSize(1).maxWaiting(1).open();
        try {
            AsyncConnection held = await(pool.getconn());
            CompletionStage<AsyncConnection> waiter = pool.getconn();
            assertInstanceOf(TooManyRequestsException.class, failureOf(pool.getconn()));
            await(pool.putconn(held));
            assertSame(held, await(waiter), "the waiting request is served by the returned connection");
        } finally {
            await(pool.close());
        }
    }

    @Test
    void transactionLeftOpenIsRolledBackOnReturn(TestDatabase db) {
        db.admin().execute("DROP TABLE IF EXISTS apool_tx; CREATE TABLE apool_tx (id int); GRANT ALL ON apool_tx TO PUBLIC");
        AsyncConnectionPool pool = pool(db).minSize(1).maxSize(1).open();
        try {
            AsyncConnection c = await(pool.getconn());
            await(c.execute("INSERT INTO apool_tx VALUES (1)"));
            assertEquals(TransactionStatus.INTRANS, c.transactionStatus());
            await(pool.putconn(c));
            AsyncConnection again = await(pool.getconn());
            assertSame(c, again);
            assertEquals(TransactionStatus.IDLE, again.transactionStatus());
            assertEquals(0L, await(again.execute("SELECT count(*) FROM apool_tx").thenCompose(AsyncCursor::fetchone)).getLong(0),
                    "the insert of the transaction left open was rolled back");
            await(pool.putconn(again));
            assertEquals(0, pool.stats().returnsBad(), "a rolled-back connection is kept, not counted bad");
        } finally {
            await(pool.close());
        }
    }

    @Test
    void connectionCommitsOnSuccessRollsBackOnFailureAndAlwaysReturns(TestDatabase db) {
        db.admin().execute("DROP TABLE IF EXISTS apool_cx; CREATE TABLE apool_cx (id int); GRANT ALL ON apool_cx TO PUBLIC");
        AsyncConnectionPool pool = pool(db).minSize(1).maxSize(1).open();
        try {
            await(pool.connection(conn -> conn.execute("INSERT INTO apool_cx VALUES (1)")));
            IllegalStateException boom = new IllegalStateException("boom");
            Throwable e = failureOf(pool.connection(conn -> conn.execute("INSERT INTO apool_cx VALUES (2)")
                    .thenApply(c -> {
                        throw boom;
                    })));
            assertSame(boom, e, "the work's own error fails the stage");
            assertInstanceOf(IllegalStateException.class, failureOf(pool.connection(conn -> {
                throw new IllegalStateException("thrown before any stage");
            })));
            List<Integer> ids = await(pool.connection(conn -> conn.execute("SELECT id FROM apool_cx ORDER BY id")
                    .thenCompose(AsyncCursor::fetchall))).stream().map(r -> r.getInt(0)).toList();
            assertEquals(List.of(1), ids, "the first work was committed, the failed one rolled back");
            PoolStats s = pool.stats();
            assertEquals(1, s.poolAvailable(), "the connection came back each time: " + s);
        } finally {
            await(pool.close());
        }
    }

    @Test
    void brokenConnectionIsReplaced(TestDatabase db) {
        AsyncConnectionPool pool = pool(db).minSize(1).maxSize(1).open();
        try {
            AsyncConnection c = await(pool.getconn());
            int pid = c.backendPid();
            db.admin().terminateBackend(pid);
            failureOf(c.execute("SELECT 1"));
            assertTrue(c.isBroken());
            await(pool.putconn(c));
            assertEquals(1, pool.stats().returnsBad());
            AsyncConnection fresh = await(pool.getconn());
            assertNotEquals(pid, fresh.backendPid(), "a new connection replaced the broken one");
            assertEquals(1, await(fresh.execute("SELECT 1").thenCompose(AsyncCursor::fetchone)).getInt(0));
            await(pool.putconn(fresh));
        } finally {
            await(pool.close());
        }
    }

    @Test
    void checkFindsAnIdleConnectionWhoseServerWentAway(TestDatabase db) {
        AsyncConnectionPool pool = pool(db).minSize(1).maxSize(1).open();
        try {
            await(pool.waitReady(Duration.ofSeconds(10)));
            AsyncConnection c = await(pool.getconn());
            int pid = c.backendPid();
            await(pool.putconn(c));
            db.admin().terminateBackend(pid);
            await(pool.check());
            assertEquals(1, pool.stats().connectionsLost());
            AsyncConnection fresh = await(pool.getconn());
            assertNotEquals(pid, fresh.backendPid());
            await(pool.putconn(fresh));
        } finally {
            await(pool.close());
        }
    }

    @Test
    void checkCallbackReplacesADeadConnectionBeforeHandingItOut(TestDatabase db) {
        AsyncConnectionPool pool = pool(db).minSize(1).maxSize(1).check(AsyncConnectionPool::checkConnection).open();
        try {
            AsyncConnection c = await(pool.getconn());
            int pid = c.backendPid();
            await(pool.putconn(c));
            db.admin().terminateBackend(pid);
            AsyncConnection fresh = await(pool.getconn());
            assertNotEquals(pid, fresh.backendPid(), "the dead one was found by the check and replaced");
            assertEquals(TransactionStatus.IDLE, fresh.transactionStatus());
            await(pool.putconn(fresh));
        } finally {
            await(pool.close());
        }
    }

    @Test
    void connectionsAreReplacedAfterMaxLifetime(TestDatabase db) throws InterruptedException {
        AsyncConnectionPool pool = pool(db).minSize(1).maxSize(1).maxLifetime(Duration.ofMillis(400)).open();
        try {
            AsyncConnection first = await(pool.getconn());
            await(pool.putconn(first));
            Thread.sleep(800);
            AsyncConnection later = await(pool.getconn());
            assertNotEquals(first.backendPid(), later.backendPid());
            ConnectionPoolIT.eventually("the expired connection is closed", Duration.ofSeconds(5), first::isClosed);
            await(pool.putconn(later));
        } finally {
            await(pool.close());
        }
    }

    @Test
    void closeFailsWaitingRequestsAndClosesIdleConnections(TestDatabase db) throws InterruptedException {
        AsyncConnectionPool pool = pool(db).minSize(2).maxSize(2).open();
        await(pool.waitReady(Duration.ofSeconds(10)));
        AsyncConnection a = await(pool.getconn());
        AsyncConnection b = await(pool.getconn());
        CompletionStage<AsyncConnection> failing = pool.getconn();
        await(pool.close());
        assertInstanceOf(PoolClosedException.class, failureOf(failing));
        assertInstanceOf(PoolClosedException.class, failureOf(pool.getconn()));
        await(pool.putconn(a));
        ConnectionPoolIT.eventually("a connection given back to a closed pool is closed", Duration.ofSeconds(5), a::isClosed);
        await(pool.putconn(b));
        ConnectionPoolIT.eventually("b is closed", Duration.ofSeconds(5), b::isClosed);
    }

    @Test
    void waitReadyFailsAndClosesThePoolWhenTheServerIsUnreachable(TestDatabase db) {
        AsyncConnectionPool pool = AsyncConnectionPool.builder("host=127.0.0.1 port=1 user=nobody connect_timeout=1")
                .executor(oneThread).minSize(1).open();
        assertInstanceOf(PoolTimeoutException.class, failureOf(pool.waitReady(Duration.ofMillis(500))));
        assertTrue(pool.isClosed());
        assertTrue(pool.stats().connectionsErrors() >= 1);
    }

    @Test
    void resizeGrowsAndShrinksThePool(TestDatabase db) throws Exception {
        AsyncConnectionPool pool = pool(db).minSize(2).maxSize(2).open();
        try {
            await(pool.waitReady(Duration.ofSeconds(20)));
            pool.resize(4, 6);
            ConnectionPoolIT.eventually("grown to the new minSize", Duration.ofSeconds(10), () -> pool.stats().poolAvailable() == 4);
            assertEquals(6, pool.stats().poolMax());
            pool.resize(1, 1);
            assertEquals(1, pool.stats().poolSize(), "idle connections above the new maxSize closed at once");
            assertThrows(IllegalArgumentException.class, () -> pool.resize(3, 2));
        } finally {
            await(pool.close());
        }
    }

    @Test
    void drainReplacesIdleConnectionsNowAndLentOnesWhenReturned(TestDatabase db) throws Exception {
        AsyncConnectionPool pool = pool(db).minSize(2).maxSize(3).open();
        try {
            await(pool.waitReady(Duration.ofSeconds(20)));
            AsyncConnection lent = await(pool.getconn());
            AsyncConnection idle = await(pool.getconn());
            Set<Integer> before = Set.of(lent.backendPid(), idle.backendPid());
            await(pool.putconn(idle));
            pool.drain();
            ConnectionPoolIT.eventually("the idle connection is closed at once", Duration.ofSeconds(5), idle::isClosed);
            await(pool.putconn(lent));
            ConnectionPoolIT.eventually("a connection lent before drain() is closed when returned", Duration.ofSeconds(5), lent::isClosed);
            ConnectionPoolIT.eventually("refilled", Duration.ofSeconds(10), () -> pool.stats().poolAvailable() == 2);
            AsyncConnection a = await(pool.getconn());
            AsyncConnection b = await(pool.getconn());
            assertTrue(!before.contains(a.backendPid()) && !before.contains(b.backendPid()),
                    before + " then " + a.backendPid() + ", " + b.backendPid());
            await(pool.putconn(a));
            await(pool.putconn(b));
        } finally {
            await(pool.close());
        }
        assertThrows(PoolClosedException.class, pool::drain, "a closed pool cannot be drained");
    }

    @Test
    void statsArePublishedInJmxWhileThePoolIsOpen(TestDatabase db) throws Exception {
        var name = io.tusk.internal.pool.PoolJmx.objectName("async-jmx-it");
        var server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        AsyncConnectionPool pool = pool(db).minSize(2).maxSize(2).name("async-jmx-it").jmx(true).open();
        try {
            await(pool.waitReady(Duration.ofSeconds(20)));
            assertEquals(2L, server.getAttribute(name, "PoolSize"));
            await(pool.connection(c -> c.execute("SELECT 1")));
            assertEquals(1L, server.getAttribute(name, "RequestsNum"));
            AsyncConnection c = await(pool.getconn());
            int pid = c.backendPid();
            await(pool.putconn(c));
            db.admin().terminateBackend(pid);
            server.invoke(name, "check", new Object[0], new String[0]);
            assertEquals(1L, server.getAttribute(name, "ConnectionsLost"), "the JMX check found the dead connection");
            server.invoke(name, "drain", new Object[0], new String[0]);
            ConnectionPoolIT.eventually("refilled after the JMX drain", Duration.ofSeconds(10), () -> pool.stats().poolAvailable() == 2);
        } finally {
            await(pool.close());
        }
        assertTrue(!server.isRegistered(name), "unregistered on close");
    }
}
