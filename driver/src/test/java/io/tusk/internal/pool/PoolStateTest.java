package io.tusk.internal.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.pool.PoolClosedException;
import io.tusk.pool.PoolStats;
import io.tusk.pool.TooManyRequestsException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The pool's decisions, without a server, a thread or a clock: connections are strings, time
 * is a number, and waiting clients are names in a line ({@link Line}).
 */
class PoolStateTest {
    /** Clients waiting in line, as both engines' queues keep them: first come, first served. */
    static final class Line implements Waiters<PoolEntry<Object>> {
        final ArrayDeque<String> queue = new ArrayDeque<>();
        final Map<String, Object> served = new LinkedHashMap<>();
        final Map<String, RuntimeException> failed = new LinkedHashMap<>();

        @Override
        public int size() {
            return queue.size();
        }

        @Override
        public boolean handOff(PoolEntry<Object> e) {
            String client = queue.pollFirst();
            if (client == null) {
                return false;
            }
            served.put(client, e.conn);
            return true;
        }

        @Override
        public void failAll(Supplier<RuntimeException> failure) {
            while (!queue.isEmpty()) {
                failed.put(queue.pollFirst(), failure.get());
            }
        }
    }

    private static final long S = 1_000_000_000L;
    private static final long HOUR = 3600 * S;

    private final Line waiting = new Line();
    private int clients;
    private final List<String> closed = new ArrayList<>();
    private int made;

    private PoolState<Object> pool(int min, int max) {
        return pool(min, max, 0, false);
    }

    private PoolState<Object> pool(int min, int max, int maxWaiting, boolean nullPool) {
        PoolConfig<Void> cfg = new PoolConfig<>("", Map.of(), "test", min, max, Duration.ofSeconds(30), maxWaiting,
                Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMinutes(5), null, null, null, null, nullPool,
                false, null);
        return new PoolState<>(cfg, waiting, () -> 0.0); // no jitter: a connection lives exactly maxLifetime
    }

    /** Makes every connection the state asked for, at {@code now}. */
    private List<String> connectAll(PoolState<Object> p, long now) {
        List<String> opened = new ArrayList<>();
        for (int n = p.takeToOpen(); n > 0; n--) {
            String c = "c" + ++made;
            opened.add(c);
            p.connected(c, now, now);
        }
        return opened;
    }

    private void collectClosed(PoolState<Object> p) {
        for (Object c : p.takeToClose()) {
            closed.add((String) c);
        }
    }

    private PoolEntry<Object> borrow(PoolState<Object> p, long now) {
        p.request();
        return p.lendIdle(now);
    }

    /** A client finds nothing idle and waits in line; returns its name. */
    private String queue(PoolState<Object> p, long now) {
        p.request();
        assertNull(p.lendIdle(now));
        p.admitWaiter();
        String client = "client" + ++clients;
        waiting.queue.addLast(client);
        p.replenish();
        return client;
    }

    @Test
    void openingMakesMinSizeConnectionsAndTheyBecomeIdle() {
        PoolState<Object> p = pool(3, 5);
        assertTrue(p.open());
        assertFalse(p.open(), "a second open does nothing");
        assertFalse(p.ready());
        assertEquals(3, connectAll(p, 0).size());
        assertTrue(p.ready());
        PoolStats s = p.stats(false);
        assertEquals(3, s.poolSize());
        assertEquals(3, s.poolAvailable());
        assertEquals(3, s.connectionsNum());
    }

    @Test
    void theConnectionReturnedLastIsLentFirstSoTheOthersCanAgeOut() {
        PoolState<Object> p = pool(2, 2);
        p.open();
        connectAll(p, 0);
        PoolEntry<Object> a = borrow(p, 1);
        PoolEntry<Object> b = borrow(p, 1);
        p.returned(p.takeBack(a.conn, 2), true, 2);
        p.returned(p.takeBack(b.conn, 3), true, 3);
        assertSame(b.conn, borrow(p, 4).conn);
    }

    @Test
    void aWaitingClientGetsAConnectionMadeForItAndNoMoreThanMaxSizeAreMade() {
        PoolState<Object> p = pool(1, 2);
        p.open();
        connectAll(p, 0);
        borrow(p, 1);
        String first = queue(p, 1);
        String second = queue(p, 1);
        assertEquals(1, p.takeToOpen(), "one more connection, up to maxSize 2, not one per waiter");
        p.connected("new", 1, 2);
        assertEquals(Map.of(first, "new"), waiting.served, "first come, first served");
        assertEquals(List.of(second), List.copyOf(waiting.queue));
        assertEquals(0, p.stats(false).poolAvailable());
    }

    @Test
    void aReturnedConnectionGoesToTheWaitingClientNotToTheIdleOnes() {
        PoolState<Object> p = pool(1, 1);
        p.open();
        connectAll(p, 0);
        PoolEntry<Object> lent = borrow(p, 1);
        String w = queue(p, 1);
        assertEquals(0, p.takeToOpen(), "at maxSize: the client waits for a return");
        p.returned(p.takeBack(lent.conn, 5 * S), true, 5 * S);
        assertSame(lent.conn, waiting.served.get(w));
        assertEquals(0, p.stats(false).poolAvailable());
        // handed on, it is lent to that client: it can give it back
        p.returned(p.takeBack(lent.conn, 6 * S), true, 6 * S);
        assertEquals(1, p.stats(false).poolAvailable());
    }

    @Test
    void aBrokenReturnIsCountedBadClosedAndReplaced() {
        PoolState<Object> p = pool(1, 1);
        p.open();
        List<String> first = connectAll(p, 0);
        PoolEntry<Object> e = borrow(p, 1);
        p.returned(p.takeBack(e.conn, 2), false, 2);
        collectClosed(p);
        assertEquals(first, closed);
        assertEquals(1, p.stats(false).returnsBad());
        assertEquals(1, connectAll(p, 3).size(), "replaced");
        assertEquals(1, p.stats(false).poolAvailable());
    }

    @Test
    void aConnectionPastMaxLifetimeIsClosedWhenReturnedAndReplaced() {
        PoolState<Object> p = pool(1, 1);
        p.open();
        connectAll(p, 0);
        PoolEntry<Object> e = borrow(p, 1);
        p.returned(p.takeBack(e.conn, HOUR), true, HOUR);
        collectClosed(p);
        assertEquals(List.of("c1"), closed);
        assertEquals(0, p.stats(false).returnsBad(), "not a bad return: just old");
        assertEquals(List.of("c2"), connectAll(p, HOUR));
    }

    @Test
    void maintenanceClosesLongIdleConnectionsAboveMinSizeOnly() {
        PoolState<Object> p = pool(1, 3);
        p.open();
        connectAll(p, 0);
        PoolEntry<Object> a = borrow(p, 0);
        queue(p, 0);
        queue(p, 0);
        connectAll(p, 0);
        waiting.served.values().forEach(c -> p.returned(p.takeBack(c, S), true, S));
        p.returned(p.takeBack(a.conn, S), true, S);
        assertEquals(3, p.stats(false).poolAvailable());
        p.maintain(S + Duration.ofMinutes(10).toNanos() - 1);
        collectClosed(p);
        assertEquals(List.of(), closed, "not idle for maxIdle yet");
        p.maintain(S + Duration.ofMinutes(10).toNanos());
        collectClosed(p);
        assertEquals(2, closed.size(), "shrunk to minSize");
        assertEquals(1, p.stats(false).poolSize());
        assertEquals(0, p.takeToOpen());
    }

    @Test
    void maintenanceReplacesConnectionsPastMaxLifetime() {
        PoolState<Object> p = pool(2, 2);
        p.open();
        connectAll(p, 0);
        p.maintain(HOUR);
        collectClosed(p);
        assertEquals(List.of("c1", "c2"), closed);
        assertEquals(2, connectAll(p, HOUR).size(), "refilled to minSize");
    }

    @Test
    void resizingBelowTheSizeClosesIdleConnectionsNowAndLentOnesWhenReturned() {
        PoolState<Object> p = pool(3, 3);
        p.open();
        connectAll(p, 0);
        PoolEntry<Object> lent = borrow(p, 1);
        p.resize(0, 1);
        collectClosed(p);
        assertEquals(2, closed.size());
        assertEquals(1, p.stats(false).poolSize());
        p.returned(p.takeBack(lent.conn, 2), true, 2);
        assertEquals(1, p.stats(false).poolAvailable(), "at maxSize it is kept");
        p.resize(2, 4);
        assertEquals(1, p.takeToOpen(), "grown to the new minSize");
    }

    @Test
    void drainClosesIdleConnectionsNowLentOnesWhenReturnedAndRefills() {
        PoolState<Object> p = pool(2, 2);
        p.open();
        connectAll(p, 0);
        PoolEntry<Object> lent = borrow(p, 1);
        p.drain();
        collectClosed(p);
        assertEquals(1, closed.size(), "the idle one, now");
        assertFalse(closed.contains((String) lent.conn));
        assertEquals(1, p.takeToOpen(), "one new connection while the lent one is still out");
        p.connected("fresh", 2, 2);
        p.returned(p.takeBack(lent.conn, 3), true, 3);
        collectClosed(p);
        assertTrue(closed.contains((String) lent.conn), "a connection from before the drain is closed on return");
        assertEquals(1, p.takeToOpen(), "and replaced");
    }

    @Test
    void moreThanMaxWaitingClientsAreRefusedAndCounted() {
        PoolState<Object> p = pool(1, 1, 1, false);
        p.open();
        connectAll(p, 0);
        borrow(p, 0);
        queue(p, 0);
        p.request();
        TooManyRequestsException e = assertThrows(TooManyRequestsException.class, p::admitWaiter);
        assertTrue(e.getMessage().contains("raise maxSize or maxWaiting"), e.getMessage());
        assertEquals(1, p.stats(false).requestsErrors());
        assertEquals(1, p.stats(false).requestsQueued());
    }

    @Test
    void aTimedOutClientIsCountedAnErrorAndItsWaitCounted() {
        PoolState<Object> p = pool(1, 1);
        p.open();
        connectAll(p, 0);
        borrow(p, 0);
        String w = queue(p, 0);
        assertTrue(waiting.queue.remove(w));
        p.waited(0, 2 * S);
        RuntimeException e = p.timedOut(Duration.ofSeconds(2));
        assertTrue(e.getMessage().contains("after 2.00 s"), e.getMessage());
        PoolStats s = p.stats(true);
        assertEquals(1, s.requestsErrors());
        assertEquals(2000, s.requestsWaitMs());
        assertEquals(0, p.stats(false).requestsErrors(), "popStats reset the counters");
    }

    @Test
    void closingFailsTheWaitingClientsAndClosesLentConnectionsWhenReturned() {
        PoolState<Object> p = pool(1, 1);
        p.open();
        connectAll(p, 0);
        PoolEntry<Object> lent = borrow(p, 0);
        String late = queue(p, 0);
        assertTrue(p.close());
        assertFalse(p.close(), "a second close does nothing");
        assertInstanceOf(PoolClosedException.class, waiting.failed.get(late));
        assertEquals(1, p.stats(false).requestsErrors(), "the failed client counts as an error");
        p.returned(p.takeBack(lent.conn, 1), true, 1);
        collectClosed(p);
        assertEquals(List.of("c1"), closed, "closed when it comes back");
        assertEquals(0, p.stats(false).poolSize());
        assertEquals(0, p.stats(false).returnsBad(), "not a bad return: the pool is closed");
        assertEquals(0, p.takeToOpen(), "a closed pool makes no connection");
        assertThrows(PoolClosedException.class, () -> p.lendIdle(2));
        assertThrows(PoolClosedException.class, p::open);
    }

    @Test
    void closingClosesTheIdleConnectionsAtOnce() {
        PoolState<Object> p = pool(2, 2);
        p.open();
        connectAll(p, 0);
        p.close();
        collectClosed(p);
        assertEquals(List.of("c1", "c2"), closed);
        assertEquals(0, p.stats(false).poolSize());
    }

    @Test
    void aFailingServerIsRetriedWithBackoffUntilReconnectTimeoutThenGivenUp() {
        PoolState<Object> p = pool(1, 1);
        p.open();
        assertEquals(1, p.takeToOpen());
        Backoff b = p.connectFailed(null, 0);
        assertNotNull(b);
        assertEquals(S * 9 / 10, b.nextDelayNanos(0), "1 s less the 10 % jitter (random 0)");
        assertSame(b, p.connectFailed(b, S));
        assertNull(p.connectFailed(b, Duration.ofMinutes(5).toNanos()), "given up after reconnectTimeout");
        PoolStats s = p.stats(false);
        assertEquals(3, s.connectionsErrors());
        assertEquals(0, s.poolSize(), "the place reserved for it is free again");
        p.maintain(Duration.ofMinutes(5).toNanos() + S);
        assertEquals(1, p.takeToOpen(), "maintenance tries again to reach minSize");
    }

    @Test
    void aConnectionThatFailsItsCheckIsCountedLostAndReplaced() {
        PoolState<Object> p = pool(1, 1);
        p.open();
        connectAll(p, 0);
        p.rejected(borrow(p, 0));
        collectClosed(p);
        assertEquals(List.of("c1"), closed);
        assertEquals(1, p.stats(false).connectionsLost());
        assertEquals(1, p.takeToOpen());
    }

    @Test
    void aRequestIsCountedOnceHoweverManyConnectionsFailTheirCheck() {
        PoolState<Object> p = pool(2, 2);
        p.open();
        connectAll(p, 0);
        p.request();
        p.rejected(p.lendIdle(0)); // psycopg_pool's getconn tries the next connection
        PoolEntry<Object> good = p.lendIdle(0);
        assertNotNull(good);
        PoolStats s = p.stats(false);
        assertEquals(1, s.requestsNum());
        assertEquals(1, s.connectionsLost());
    }

    @Test
    void givingBackAConnectionThePoolDidNotLendFails() {
        PoolState<Object> p = pool(1, 1);
        p.open();
        connectAll(p, 0);
        PoolEntry<Object> e = borrow(p, 0);
        p.takeBack(e.conn, 1);
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> p.takeBack(e.conn, 1));
        assertTrue(x.getMessage().contains("return each connection once"), x.getMessage());
    }

    @Test
    void aNullPoolLetsTheCallerConnectAndClosesWhatComesBack() {
        PoolState<Object> p = pool(0, 1, 0, true);
        p.open();
        assertEquals(0, p.takeToOpen());
        p.request();
        assertNull(p.lendIdle(0));
        assertTrue(p.reserveForCaller());
        PoolEntry<Object> e = p.connectedHere("mine", 0, 0);
        p.request();
        assertNull(p.lendIdle(0));
        assertFalse(p.reserveForCaller(), "maxSize 1 reached: the next client waits");
        p.returned(p.takeBack(e.conn, 1), true, 1);
        collectClosed(p);
        assertEquals(List.of("mine"), closed, "a null pool keeps nothing idle");
        assertEquals(0, p.stats(false).poolSize());
    }

    @Test
    void aClientIsNotServedBeforeThePoolIsOpen() {
        PoolState<Object> p = pool(1, 1);
        PoolClosedException e = assertThrows(PoolClosedException.class, p::request);
        assertTrue(e.getMessage().contains("call open() first"), e.getMessage());
    }

    @Test
    void returnedConnectionsAreRolledBackOrDiscardedByTheirStatus() {
        assertEquals(ReturnInspector.Cleanup.NONE, ReturnInspector.cleanupFor(io.tusk.TransactionStatus.IDLE, "c", "p"));
        assertEquals(ReturnInspector.Cleanup.ROLLBACK,
                ReturnInspector.cleanupFor(io.tusk.TransactionStatus.INTRANS, "c", "p"));
        assertEquals(ReturnInspector.Cleanup.ROLLBACK,
                ReturnInspector.cleanupFor(io.tusk.TransactionStatus.INERROR, "c", "p"));
        assertEquals(ReturnInspector.Cleanup.DISCARD,
                ReturnInspector.cleanupFor(io.tusk.TransactionStatus.ACTIVE, "c", "p"));
        assertEquals(ReturnInspector.Cleanup.DISCARD,
                ReturnInspector.cleanupFor(io.tusk.TransactionStatus.UNKNOWN, "c", "p"));
    }
}
