package io.tusk.internal.pool;

import io.tusk.pool.PoolClosedException;
import io.tusk.pool.PoolStats;
import io.tusk.pool.PoolTimeoutException;
import io.tusk.pool.TooManyRequestsException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Every decision of a pool, after psycopg_pool's {@code BasePool}: which idle connection to
 * lend, when to grow, shrink, replace a broken or expired connection, hand a returned one to the
 * next waiting client, resize and drain, and the counters of {@code get_stats()}.
 *
 * <p>Why a class of its own: the blocking {@link PoolEngine} and the {@link AsyncPoolEngine}
 * make exactly these decisions and differ only in how a client waits (a parked thread or a
 * future) and how a connection is opened, checked and closed (calls or stages). As HikariCP
 * keeps its container ({@code ConcurrentBag}) apart from its policy ({@code HikariPool}), this
 * class holds the state and the policy and does no I/O and no waiting: a decision that needs
 * something slow leaves it in an outbox ({@link #takeToClose()}, {@link #takeToOpen()}) that
 * the engine empties once it has released its lock, each in its own way.
 *
 * <p>Not thread-safe: the engine calls every method with its one lock held (as psycopg_pool
 * does), so each decision is a few field updates. Time is passed in ({@code now}, from
 * {@link System#nanoTime()}) and randomness injected, so that each decision can be tested
 * without a clock, a thread or a server. {@code size} counts the connections the pool owns,
 * lent out or not, plus those being made, so it never passes {@code maxSize}.
 *
 * <p>Idle connections are lent last-returned first: under light load the same few stay warm and
 * the others age past {@code maxIdle} and are closed, which is how the pool shrinks.
 *
 * @param <C> the connection type: {@code Connection} or {@code AsyncConnection}
 */
public final class PoolState<C> {
    private static final System.Logger LOG = System.getLogger("io.tusk.pool");

    private final PoolConfig<?> cfg;
    private final Waiters<PoolEntry<C>> waiters;
    private final DoubleSupplier random;
    private final ArrayDeque<PoolEntry<C>> idle = new ArrayDeque<>();
    private final IdentityHashMap<C, PoolEntry<C>> lent = new IdentityHashMap<>();
    private final PoolCounters counters = new PoolCounters();
    private final List<C> toClose = new ArrayList<>();
    private int toOpen;
    private int minSize;
    private int maxSize;
    private int size;
    private int growing;
    /** Bumped by {@link #drain()}: connections of an older generation are closed when they come back. */
    private int generation;
    private boolean opened;
    private boolean closed;

    /**
     * @param waiters the engine's queue of waiting clients: the state only counts them, serves
     *     the first and fails them all on close
     * @param random values in [0, 1) for the lifetime jitter
     */
    public PoolState(PoolConfig<?> cfg, Waiters<PoolEntry<C>> waiters, DoubleSupplier random) {
        this.cfg = cfg;
        this.waiters = waiters;
        this.random = random;
        this.minSize = cfg.minSize();
        this.maxSize = cfg.maxSize();
    }

    // ---- the outbox: what the engine does once its lock is released

    /** Connections decided to be closed since the last call; the engine closes them outside its lock. */
    public List<C> takeToClose() {
        if (toClose.isEmpty()) {
            return List.of();
        }
        List<C> doomed = List.copyOf(toClose);
        toClose.clear();
        return doomed;
    }

    /** How many connections to start making since the last call (already counted in the size). */
    public int takeToOpen() {
        int n = toOpen;
        toOpen = 0;
        return n;
    }

    // ---- life cycle

    /** Opens the pool and starts filling it to minSize; false when it was already open. */
    public boolean open() {
        if (closed) {
            throw new PoolClosedException("pool '" + cfg.name() + "' is already closed: a closed pool cannot be"
                    + " reopened; build a new one");
        }
        if (opened) {
            return false;
        }
        opened = true;
        replenish();
        return true;
    }

    /**
     * Closes the pool: waiting clients fail with PoolClosedException (each counted an error),
     * idle connections are closed now and lent ones when they come back. False when already closed.
     */
    public boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        counters.requestsErrors += waiters.size();
        waiters.failAll(this::closedError);
        for (PoolEntry<C> e : idle) {
            toClose.add(e.conn);
        }
        size -= idle.size();
        idle.clear();
        return true;
    }

    public boolean isClosed() {
        return closed;
    }

    public boolean isOpen() {
        return opened && !closed;
    }

    /** Connections open (lent or idle), not counting those being made. */
    public int made() {
        return size - growing;
    }

    /** True once minSize connections are open: what {@code waitReady} waits for. */
    public boolean ready() {
        return made() >= minSize;
    }

    public int minSize() {
        return minSize;
    }

    // ---- borrowing

    /** A client asks for a connection (psycopg_pool's {@code getconn}): counted once, however many tries it takes. */
    public void request() {
        ensureOpen();
        counters.requestsNum++;
    }

    /** The idle connection returned last, lent to the caller; null when none is idle (or usable). */
    public PoolEntry<C> lendIdle(long now) {
        ensureOpen();
        PoolEntry<C> e;
        while ((e = idle.pollLast()) != null) {
            if (e.expired(now) || e.generation != generation) {
                discard(e, true);
                continue;
            }
            return lend(e, now);
        }
        return null;
    }

    /**
     * For a null pool with nobody waiting and room left: reserves a place for a connection the
     * client makes itself, in its own thread, as psycopg_pool's {@code NullConnectionPool} does.
     * The caller then calls {@link #connectedHere} or {@link #connectHereFailed}.
     */
    public boolean reserveForCaller() {
        if (cfg.nullPool() && waiters.size() == 0 && (maxSize == 0 || size < maxSize)) {
            size++;
            return true;
        }
        return false;
    }

    /**
     * The client must wait: fails with TooManyRequestsException when maxWaiting clients already
     * do; otherwise counts it queued. The engine then puts the client in its queue and calls
     * {@link #replenish()} so that a connection is made for it.
     */
    public void admitWaiter() {
        if (cfg.maxWaiting() > 0 && waiters.size() >= cfg.maxWaiting()) {
            counters.requestsErrors++;
            throw new TooManyRequestsException(String.format(Locale.ROOT, "pool '%s' already has %d requests"
                    + " waiting (maxWaiting): the pool is overloaded; raise maxSize or maxWaiting, or shed load",
                    cfg.name(), waiters.size()));
        }
        counters.requestsQueued++;
    }

    /** A client stopped waiting at {@code now}, served or not: its wait counts in {@code requests_wait_ms}. */
    public void waited(long sinceNanos, long now) {
        counters.requestsWaitMs += (now - sinceNanos) / 1_000_000;
    }

    /** A client gave up waiting for another reason than its time-out (an interrupt): counted an error. */
    public void requestFailed() {
        counters.requestsErrors++;
    }

    /** A client's wait for a connection ran out: the error it fails with, counted. */
    public PoolTimeoutException timedOut(Duration timeout) {
        counters.requestsErrors++;
        return new PoolTimeoutException(String.format(Locale.ROOT, "couldn't get a connection from pool '%s' after"
                + " %s: all %d connections are in use; raise maxSize or the timeout, or return connections sooner",
                cfg.name(), fmt(timeout), size));
    }

    /** A connection lent failed its check (or was broken) before reaching the client: it is replaced. */
    public void rejected(PoolEntry<C> e) {
        lent.remove(e.conn);
        counters.connectionsLost++;
        discard(e, true);
    }

    // ---- giving back

    /**
     * The first step of psycopg_pool's {@code putconn}: the entry of a connection this pool lent,
     * no longer lent; the engine then resets it and calls {@link #returned}.
     *
     * @throws IllegalArgumentException the pool did not lend it, or it was already returned
     */
    public PoolEntry<C> takeBack(C conn, long now) {
        PoolEntry<C> e = lent.remove(conn);
        if (e == null) {
            throw new IllegalArgumentException("connection " + conn + " was not lent by pool '" + cfg.name()
                    + "' or was already returned: return each connection once, to the pool it came from");
        }
        counters.usageMs += (now - e.borrowedAtNanos) / 1_000_000;
        return e;
    }

    /** A connection came back, reset to IDLE when {@code reusable}: kept, handed on, or closed and replaced. */
    public void returned(PoolEntry<C> e, boolean reusable, long now) {
        if (!reusable) {
            if (!closed) {
                counters.returnsBad++;
            }
            discard(e, true);
        } else if (e.expired(now)) {
            LOG.log(Level.DEBUG, "pool ''{0}'': closing connection {1}: maxLifetime reached", cfg.name(), e.conn);
            discard(e, true);
        } else {
            offer(e, now);
        }
    }

    /** Gives a usable connection to the first waiting client, or keeps it idle. */
    private void offer(PoolEntry<C> e, long now) {
        if (closed || e.generation != generation) {
            discard(e, !closed);
        } else if (waiters.size() > 0) {
            waiters.handOff(lend(e, now));
        } else if (size > maxSize && maxSize > 0 || cfg.nullPool()) {
            discard(e, false);
        } else {
            e.idleSinceNanos = now;
            idle.addLast(e);
        }
    }

    private PoolEntry<C> lend(PoolEntry<C> e, long now) {
        e.borrowedAtNanos = now;
        lent.put(e.conn, e);
        return e;
    }

    /** Forgets a connection (the engine closes it) and, if asked, starts its replacement. */
    private void discard(PoolEntry<C> e, boolean replace) {
        toClose.add(e.conn);
        size--;
        if (replace) {
            replenish();
        }
    }

    // ---- growing

    /** Starts making connections up to minSize, and one per waiting client not yet provided for. */
    public void replenish() {
        if (closed || !opened) {
            return;
        }
        while (size < maxSize && (size < minSize || waiters.size() > growing)) {
            size++;
            growing++;
            toOpen++;
        }
    }

    /** A connection the pool started making is open: it serves a waiting client or becomes idle. */
    public void connected(C conn, long startNanos, long now) {
        counters.connectionsNum++;
        counters.connectionsMs += (now - startNanos) / 1_000_000;
        growing--;
        offer(newEntry(conn, now), now);
        replenish();
    }

    /**
     * Making a connection failed: the schedule of the next attempt ({@code attempt}, or a new
     * one for a first failure), or null when the pool gives up (closed, or reconnectTimeout
     * over) and forgets the place it had reserved.
     */
    public Backoff connectFailed(Backoff attempt, long now) {
        counters.connectionsErrors++;
        Backoff a = attempt != null ? attempt : new Backoff(now, cfg.reconnectTimeout(), random);
        if (closed || a.expired(now)) {
            abandonAttempt();
            return null;
        }
        return a;
    }

    /** A connection that was being made will not be (the engine could not schedule its retry). */
    public void abandonAttempt() {
        size--;
        growing--;
    }

    /** The null pool's caller made its connection: it is lent to that caller. */
    public PoolEntry<C> connectedHere(C conn, long startNanos, long now) {
        counters.connectionsNum++;
        counters.connectionsMs += (now - startNanos) / 1_000_000;
        return lend(newEntry(conn, now), now);
    }

    /** The null pool's caller failed to connect: its place is freed for a waiting client. */
    public void connectHereFailed() {
        counters.connectionsErrors++;
        counters.requestsErrors++;
        size--;
        replenish();
    }

    private PoolEntry<C> newEntry(C conn, long now) {
        // each connection lives maxLifetime minus up to 5 %, so that they do not all expire at once
        double factor = 1.0 - 0.05 * random.getAsDouble();
        return new PoolEntry<>(conn, now + (long) (cfg.maxLifetime().toNanos() * factor), generation);
    }

    // ---- maintenance

    /** The periodic task: close expired and long-idle connections above minSize, refill to minSize. */
    public void maintain(long now) {
        if (closed) {
            return;
        }
        long maxIdle = cfg.maxIdle().toNanos();
        for (Iterator<PoolEntry<C>> it = idle.iterator(); it.hasNext(); ) {
            PoolEntry<C> e = it.next();
            if (e.expired(now)) {
                it.remove();
                discard(e, false);
            } else if (size > minSize && now - e.idleSinceNanos >= maxIdle) {
                LOG.log(Level.DEBUG, "pool ''{0}'': shrinking: closing connection idle for {1}", cfg.name(),
                        fmt(cfg.maxIdle()));
                it.remove();
                discard(e, false);
            }
        }
        replenish();
    }

    /**
     * How often {@link #maintain} runs: often enough to honour maxIdle and maxLifetime within
     * half of the shorter one, at most once a second and at least every 10 ms.
     */
    public long maintenanceTickNanos() {
        long tick = Math.min(Duration.ofSeconds(1).toNanos(),
                Math.min(cfg.maxIdle().toNanos(), cfg.maxLifetime().toNanos()) / 2);
        return Math.max(tick, TimeUnit.MILLISECONDS.toNanos(10));
    }

    /** Changes the sizes; extra idle connections close now, extra lent ones when returned. */
    public void resize(int newMin, int newMax) {
        minSize = newMin;
        maxSize = newMax;
        while (size > maxSize && !idle.isEmpty()) {
            discard(idle.pollFirst(), false);
        }
        replenish();
    }

    /** Closes every idle connection now and every lent one when returned, and refills (psycopg_pool 3.3's drain()). */
    public void drain() {
        ensureOpen();
        generation++;
        PoolEntry<C> e;
        while ((e = idle.pollFirst()) != null) {
            discard(e, false);
        }
        replenish();
    }

    /** Takes every idle connection out for checking (psycopg_pool's check()); each comes back by {@link #checked}. */
    public List<PoolEntry<C>> takeIdleForCheck() {
        ensureOpen();
        List<PoolEntry<C>> checking = new ArrayList<>(idle);
        idle.clear();
        return checking;
    }

    /** A connection taken out by {@link #takeIdleForCheck} was checked: kept (or handed on), or replaced. */
    public void checked(PoolEntry<C> e, boolean ok, long now) {
        if (ok) {
            offer(e, now);
        } else {
            counters.connectionsLost++;
            discard(e, true);
        }
    }

    // ---- stats and errors

    public PoolStats stats(boolean pop) {
        PoolStats s = counters.snapshot(minSize, maxSize, size, idle.size(), waiters.size());
        if (pop) {
            counters.reset();
        }
        return s;
    }

    /** The error of waitReady when minSize connections were not open in time. */
    public PoolTimeoutException notReady(Duration timeout) {
        return new PoolTimeoutException(String.format(Locale.ROOT, "pool '%s' initialization incomplete after %s:"
                + " %d of %d connections open; check that the server is reachable (see connections_errors and the"
                + " log)", cfg.name(), fmt(timeout), made(), minSize));
    }

    public void ensureOpen() {
        if (closed || !opened) {
            throw closedError();
        }
    }

    public PoolClosedException closedError() {
        return new PoolClosedException(closed
                ? "pool '" + cfg.name() + "' is closed"
                : "pool '" + cfg.name() + "' is not open yet: call open() first");
    }

    static String fmt(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }
}
