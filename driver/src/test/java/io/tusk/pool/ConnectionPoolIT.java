package io.tusk.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.TransactionStatus;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.Ports;
import io.tusk.testkit.TestDatabase;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** What a user of ConnectionPool relies on, against a real server. */
@PgTest
class ConnectionPoolIT {

    /** Not the common pool: with 2 cores it has one thread, and a blocked waiter would starve the next. */
    static final Executor ON_NEW_THREAD = r -> {
        Thread t = new Thread(r);
        t.setDaemon(true);
        t.start();
    };

    private static PoolBuilder<? extends ConnectionPool> pool(TestDatabase db) {
        return ConnectionPool.builder(db.conninfo(PgUsers.TRUST));
    }

    private static int pid(Connection c) {
        return c.info().backendPid();
    }

    static void eventually(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void openWithWaitFillsThePoolToMinSize(TestDatabase db) {
        try (ConnectionPool pool = pool(db).minSize(3).maxSize(5).build()) {
            pool.open(true, Duration.ofSeconds(20));
            PoolStats s = pool.stats();
            assertEquals(3, s.poolSize());
            assertEquals(3, s.poolAvailable());
            assertEquals(3, s.connectionsNum());
            assertEquals(List.of("pool_min", "pool_max", "pool_size", "pool_available", "requests_waiting", "usage_ms",
                    "requests_num", "requests_queued", "requests_wait_ms", "requests_errors", "returns_bad",
                    "connections_num", "connections_ms", "connections_errors", "connections_lost"),
                    List.copyOf(pool.statsMap().keySet()));
            assertEquals(5L, pool.statsMap().get("pool_max"));
        }
    }

    @Test
    void aTransactionLeftOpenIsRolledBackWhenTheConnectionComesBack(TestDatabase db) {
        db.admin().execute("DROP TABLE IF EXISTS pool_rollback; CREATE TABLE pool_rollback (x int);"
                + " GRANT ALL ON pool_rollback TO PUBLIC");
        try (ConnectionPool pool = pool(db).minSize(1).open()) {
            Connection c;
            try (PooledConnection pc = pool.connection()) {
                c = pc.connection();
                pc.execute("INSERT INTO pool_rollback VALUES (1)");
            } // no commit
            assertEquals(TransactionStatus.IDLE, c.info().transactionStatus());
            assertEquals("0", String.valueOf(db.admin().queryScalar("SELECT count(*) FROM pool_rollback")));
            assertEquals(0, pool.stats().returnsBad(), "a rolled-back connection is kept");
            assertSame(c, pool.getconn(), "and lent again");
        }
    }

    @Test
    void withConnectionCommitsOnReturnAndRollsBackOnException(TestDatabase db) {
        db.admin().execute("DROP TABLE IF EXISTS pool_with; CREATE TABLE pool_with (x int);"
                + " GRANT ALL ON pool_with TO PUBLIC");
        try (ConnectionPool pool = pool(db).minSize(1).open()) {
            pool.useConnection(c -> c.execute("INSERT INTO pool_with VALUES (1)"));
            IllegalStateException boom = assertThrows(IllegalStateException.class, () -> pool.withConnection(c -> {
                c.execute("INSERT INTO pool_with VALUES (2)");
                throw new IllegalStateException("boom");
            }));
            assertEquals("boom", boom.getMessage());
            assertEquals("1", String.valueOf(db.admin().queryScalar("SELECT string_agg(x::text, ',') FROM pool_with")));
            assertEquals(1, pool.stats().poolAvailable());
        }
    }

    @Test
    void aPooledConnectionCannotBeUsedAfterItWasReturned(TestDatabase db) {
        try (ConnectionPool pool = pool(db).minSize(1).open()) {
            PooledConnection pc = pool.connection();
            pc.close();
            pc.close(); // a second close does nothing
            assertThrows(io.tusk.errors.InterfaceException.class, () -> pc.execute("SELECT 1"));
            Connection c = pool.getconn();
            pool.putconn(c);
            assertThrows(IllegalArgumentException.class, () -> pool.putconn(c), "a connection returned twice");
        }
    }

    @Test
    void aBrokenConnectionIsReplacedWhenReturned(TestDatabase db) throws Exception {
        try (ConnectionPool pool = pool(db).minSize(1).open()) {
            Connection c = pool.getconn();
            db.admin().terminateBackend(pid(c));
            assertThrows(RuntimeException.class, () -> c.execute("SELECT 1"));
            pool.putconn(c);
            assertEquals(1, pool.stats().returnsBad());
            eventually("the pool made a new connection", Duration.ofSeconds(10), () -> pool.stats().poolAvailable() == 1);
            Connection fresh = pool.getconn();
            assertNotEquals(c, fresh);
            assertEquals("1", fresh.execute("SELECT 1").fetchone().getString(0));
        }
    }

    @Test
    void aConnectionReturnedMidStatementIsClosed(TestDatabase db) throws Exception {
        try (ConnectionPool pool = pool(db).minSize(1).open()) {
            Connection c = pool.getconn();
            // autocommit: in a transaction the driver reports INTRANS as soon as the implicit BEGIN's
            // ReadyForQuery arrives, even while the statement after it still runs
            c.setAutocommit(true);
            CompletableFuture<Throwable> running = CompletableFuture.supplyAsync(() -> {
                try {
                    c.execute("SELECT pg_sleep(1)");
                    return null;
                } catch (RuntimeException closedUnderIt) {
                    return closedUnderIt;
                }
            }, ON_NEW_THREAD);
            eventually("the statement is running", Duration.ofSeconds(5),
                    () -> running.isDone() || c.info().transactionStatus() == TransactionStatus.ACTIVE);
            assertFalse(running.isDone(), () -> "the statement ended early: " + running.join());
            pool.putconn(c);
            assertEquals(1, pool.stats().returnsBad());
            running.get(10, TimeUnit.SECONDS);
            assertTrue(c.isClosed() || c.isBroken(), "the pool closed it");
        }
    }

    @Test
    void theResetCallbackRunsOnReturnAndMustLeaveTheConnectionIdle(TestDatabase db) throws Exception {
        try (ConnectionPool pool = pool(db).minSize(1).reset(c -> c.execute("SELECT 1")).open()) {
            Connection c = pool.getconn();
            pool.putconn(c); // the reset leaves a transaction open: discarded
            assertEquals(1, pool.stats().returnsBad());
            assertTrue(c.isClosed());
        }
    }

    @Test
    void timeoutRaisesPoolTimeoutException(TestDatabase db) {
        try (ConnectionPool pool = pool(db).minSize(1).open()) {
            Connection held = pool.getconn();
            long start = System.nanoTime();
            PoolTimeoutException e = assertThrows(PoolTimeoutException.class, () -> pool.getconn(Duration.ofMillis(200)));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms >= 190 && ms < 5000, ms + " ms");
            assertTrue(e.getMessage().contains("maxSize"), e.getMessage());
            assertEquals(1, pool.stats().requestsErrors());
            pool.putconn(held);
        }
    }

    @Test
    void maxWaitingRefusesTheClientOneTooMany(TestDatabase db) throws Exception {
        try (ConnectionPool pool = pool(db).minSize(1).maxWaiting(1).open()) {
            Connection held = pool.getconn();
            CompletableFuture<Connection> waiter = CompletableFuture.supplyAsync(() -> pool.getconn(Duration.ofSeconds(10)), ON_NEW_THREAD);
            eventually("one client waits", Duration.ofSeconds(5), () -> pool.stats().requestsWaiting() == 1);
            assertThrows(TooManyRequestsException.class, () -> pool.getconn(Duration.ofSeconds(10)));
            pool.putconn(held);
            assertSame(held, waiter.get(10, TimeUnit.SECONDS), "the waiting client got the returned connection");
            pool.putconn(held);
        }
    }

    @Test
    void maxLifetimeReplacesConnections(TestDatabase db) throws Exception {
        try (ConnectionPool pool = pool(db).minSize(2).maxLifetime(Duration.ofMillis(400)).build()) {
            pool.open(true, Duration.ofSeconds(20));
            Set<Integer> first = pids(pool, 2);
            eventually("connections were replaced", Duration.ofSeconds(10),
                    () -> pool.stats().connectionsNum() >= 4 && pool.stats().poolAvailable() == 2);
            Set<Integer> later = pids(pool, 2);
            assertTrue(later.stream().noneMatch(first::contains), first + " then " + later);
        }
    }

    @Test
    void maxIdleShrinksThePoolBackToMinSize(TestDatabase db) throws Exception {
        try (ConnectionPool pool = pool(db).minSize(1).maxSize(4).maxIdle(Duration.ofMillis(300)).open()) {
            pids(pool, 4); // four at once: the pool grows to 4
            assertEquals(4, pool.stats().poolSize());
            eventually("idle connections above minSize closed", Duration.ofSeconds(10),
                    () -> pool.stats().poolSize() == 1);
            assertEquals(1, pool.stats().poolAvailable());
        }
    }

    @Test
    void resizeGrowsAndShrinksThePool(TestDatabase db) throws Exception {
        try (ConnectionPool pool = pool(db).minSize(2).build()) {
            pool.open(true, Duration.ofSeconds(20));
            pool.resize(4, 6);
            eventually("grown to the new minSize", Duration.ofSeconds(10), () -> pool.stats().poolAvailable() == 4);
            assertEquals(6, pool.stats().poolMax());
            pool.resize(1, 1);
            assertEquals(1, pool.stats().poolSize(), "idle connections above the new maxSize closed at once");
            assertThrows(IllegalArgumentException.class, () -> pool.resize(3, 2));
        }
    }

    @Test
    void drainReplacesIdleConnectionsNowAndLentOnesWhenReturned(TestDatabase db) throws Exception {
        try (ConnectionPool pool = pool(db).minSize(2).build()) {
            pool.open(true, Duration.ofSeconds(20));
            Connection lent = pool.getconn();
            int lentPid = pid(lent);
            Set<Integer> before = pids(pool, 1);
            before.add(lentPid);
            pool.drain();
            pool.putconn(lent);
            assertTrue(lent.isClosed(), "a connection lent before drain() is closed when returned");
            eventually("refilled", Duration.ofSeconds(10), () -> pool.stats().poolAvailable() == 2);
            Set<Integer> after = pids(pool, 2);
            assertTrue(after.stream().noneMatch(before::contains), before + " then " + after);
        }
    }

    @Test
    void checkReplacesIdleConnectionsThatDied(TestDatabase db) throws Exception {
        try (ConnectionPool pool = pool(db).minSize(2).build()) {
            pool.open(true, Duration.ofSeconds(20));
            for (int p : pids(pool, 2)) {
                db.admin().terminateBackend(p);
            }
            pool.check();
            assertEquals(2, pool.stats().connectionsLost());
            eventually("replaced", Duration.ofSeconds(10), () -> pool.stats().poolAvailable() == 2);
            pool.useConnection(c -> assertEquals("1", c.execute("SELECT 1").fetchone().getString(0)));
        }
    }

    @Test
    void checkConnectionPassesOnAGoodConnectionAndKeepsItsTransactionMode(TestDatabase db) {
        try (ConnectionPool pool = pool(db).minSize(1).check(ConnectionPool::checkConnection).open()) {
            Connection c = pool.getconn();
            assertFalse(c.autocommit());
            assertEquals(TransactionStatus.IDLE, c.info().transactionStatus());
            pool.putconn(c);
        }
    }

    @Test
    void aClosedPoolRefusesRequestsAndWakesWaitingClients(TestDatabase db) throws Exception {
        ConnectionPool pool = pool(db).minSize(1).open();
        Connection held = pool.getconn();
        CompletableFuture<Throwable> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                pool.getconn(Duration.ofSeconds(20));
                return null;
            } catch (Throwable t) {
                return t;
            }
        }, ON_NEW_THREAD);
        eventually("one client waits", Duration.ofSeconds(5), () -> pool.stats().requestsWaiting() == 1);
        pool.close();
        assertTrue(waiter.get(10, TimeUnit.SECONDS) instanceof PoolClosedException);
        assertThrows(PoolClosedException.class, pool::getconn);
        pool.putconn(held);
        assertTrue(held.isClosed(), "a connection returned to a closed pool is closed");
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith(pool.name() + "-worker-") && t.isAlive()), "workers stopped");
    }

    @Test
    void waitReadyFailsAndClosesThePoolWhenTheServerIsUnreachable() {
        ConnectionPool pool = ConnectionPool.builder("host=127.0.0.1 port=" + Ports.unusedPort()
                + " user=nobody sslmode=disable connect_timeout=2").minSize(1).build();
        assertThrows(PoolTimeoutException.class, () -> pool.open(true, Duration.ofMillis(500)));
        assertTrue(pool.isClosed());
        assertTrue(pool.stats().connectionsErrors() >= 1);
    }

    @Test
    void statsArePublishedInJmxWhileThePoolIsOpen(TestDatabase db) throws Exception {
        var name = io.tusk.internal.pool.PoolJmx.objectName("jmx-it");
        var server = ManagementFactory.getPlatformMBeanServer();
        try (ConnectionPool pool = pool(db).minSize(2).name("jmx-it").jmx(true).build()) {
            pool.open(true, Duration.ofSeconds(20));
            assertEquals("io.tusk.pool:type=ConnectionPool,name=jmx-it", name.toString());
            assertEquals(2L, server.getAttribute(name, "PoolSize"));
            pool.useConnection(c -> c.execute("SELECT 1"));
            assertEquals(1L, server.getAttribute(name, "RequestsNum"));
        }
        assertFalse(server.isRegistered(name), "unregistered on close");
    }

    @Test
    void popStatsResetsTheCountersButNotTheState(TestDatabase db) {
        try (ConnectionPool pool = pool(db).minSize(1).build()) {
            pool.open(true, Duration.ofSeconds(20));
            pool.useConnection(c -> c.execute("SELECT 1"));
            assertEquals(1, pool.popStats().requestsNum());
            PoolStats after = pool.stats();
            assertEquals(0, after.requestsNum());
            assertEquals(0, after.connectionsNum());
            assertEquals(1, after.poolSize());
        }
    }

    /** Borrows n connections at once, returns them, and gives their backend pids. */
    static Set<Integer> pids(ConnectionPool pool, int n) {
        Connection[] held = new Connection[n];
        Set<Integer> pids = new HashSet<>();
        for (int i = 0; i < n; i++) {
            held[i] = pool.getconn(Duration.ofSeconds(10));
            pids.add(pid(held[i]));
        }
        for (Connection c : held) {
            pool.putconn(c);
        }
        return pids;
    }
}
