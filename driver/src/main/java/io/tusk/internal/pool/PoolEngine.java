package io.tusk.internal.pool;

import io.tusk.Connection;
import io.tusk.TransactionStatus;
import io.tusk.Tusk;
import io.tusk.errors.OperationalException;
import io.tusk.errors.ProgrammingException;
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
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The state machine behind {@code io.tusk.pool.ConnectionPool}, after psycopg_pool's
 * {@code ConnectionPool}: idle connections, waiting clients, connections being made, counters.
 *
 * <p>One lock guards all of it (as in psycopg_pool): every decision (hand out, queue, grow,
 * shrink, expire) is a few field updates, while everything slow (connecting, rolling back,
 * checking, closing) runs with the lock released. {@code size} counts the connections the pool
 * owns, lent out or not, plus those being made, so it never passes {@code maxSize}.
 *
 * <p>Idle connections are handed out last-returned first: under light load the same few stay
 * warm and the others age past {@code maxIdle} and are closed, which is how the pool shrinks.
 */
public final class PoolEngine {
    private static final System.Logger LOG = System.getLogger("io.tusk.pool");
    private static final int WORKERS = 3; // psycopg_pool's num_workers default

    private final PoolConfig cfg;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<PooledEntry> idle = new ArrayDeque<>();
    private final IdentityHashMap<Connection, PooledEntry> lent = new IdentityHashMap<>();
    private final FairQueue<PooledEntry> waiting = new FairQueue<>(lock);
    private final PoolCounters counters = new PoolCounters();
    private final List<Connection> toClose = new ArrayList<>();
    private int minSize;
    private int maxSize;
    private int size;
    private int growing;
    private int generation;
    private boolean opened;
    private boolean closed;
    private ScheduledThreadPoolExecutor scheduler;
    private PoolThreads threads;

    public PoolEngine(PoolConfig cfg) {
        this.cfg = cfg;
        this.minSize = cfg.minSize();
        this.maxSize = cfg.maxSize();
    }

    public PoolConfig config() {
        return cfg;
    }

    // ---- life cycle

    /** Starts the workers and the filling to minSize; a second call does nothing. */
    public void open() {
        lock.lock();
        try {
            if (closed) {
                throw new PoolClosedException("pool '" + cfg.name() + "' is already closed: a closed pool cannot be"
                        + " reopened; build a new one");
            }
            if (opened) {
                return;
            }
            opened = true;
            threads = new PoolThreads(cfg.name());
            scheduler = new ScheduledThreadPoolExecutor(WORKERS, threads);
            scheduler.setRemoveOnCancelPolicy(true);
            scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            scheduler.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
            long tick = maintenanceTickNanos();
            scheduler.scheduleWithFixedDelay(this::maintain, tick, tick, TimeUnit.NANOSECONDS);
            replenish();
        } finally {
            unlockAndClose();
        }
    }

    private long maintenanceTickNanos() {
        long tick = Math.min(Duration.ofSeconds(1).toNanos(),
                Math.min(cfg.maxIdle().toNanos(), cfg.maxLifetime().toNanos()) / 2);
        return Math.max(tick, TimeUnit.MILLISECONDS.toNanos(10));
    }

    /** Waits until minSize connections are open; on time-out closes the pool (as psycopg does). */
    public void waitReady(Duration timeout) {
        long left = timeout.toNanos();
        lock.lock();
        try {
            ensureOpen();
            while (size - growing < minSize && left > 0 && !closed) {
                left = changed.awaitNanos(left);
            }
            if (closed) {
                throw closedError();
            }
            if (size - growing >= minSize) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationalException("interrupted while waiting for pool '" + cfg.name() + "' to fill", e);
        } finally {
            unlockAndClose();
        }
        int made = made();
        close(Duration.ofSeconds(5));
        throw new PoolTimeoutException(String.format(Locale.ROOT, "pool '%s' initialization incomplete after %s:"
                + " %d of %d connections open; check that the server is reachable (see connections_errors and the"
                + " log)", cfg.name(), fmt(timeout), made, minSize));
    }

    private int made() {
        lock.lock();
        try {
            return size - growing;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the pool: waiting clients fail with PoolClosedException, idle connections are
     * closed now, lent ones when they come back; waits up to {@code timeout} for the workers.
     */
    public void close(Duration timeout) {
        ScheduledThreadPoolExecutor sched;
        PoolThreads made;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            waiting.failAll(this::closedError);
            for (PooledEntry e : idle) {
                toClose.add(e.conn);
            }
            size -= idle.size();
            idle.clear();
            changed.signalAll();
            sched = scheduler;
            made = threads;
        } finally {
            unlockAndClose();
        }
        if (sched != null) {
            sched.shutdown();
            try {
                long deadline = System.nanoTime() + timeout.toNanos();
                if (!sched.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS) || !made.joinAll(deadline)) {
                    LOG.log(Level.WARNING, "pool ''{0}'': workers still busy {1} after close(); stopping them",
                            cfg.name(), fmt(timeout));
                    sched.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sched.shutdownNow();
            }
        }
    }

    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    // ---- borrowing

    /** psycopg_pool's {@code getconn(timeout)}. */
    public Connection borrow(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            PooledEntry e = acquire(deadline, timeout);
            Connection conn = e.conn;
            String problem = null;
            if (conn.isBroken() || conn.isClosed()) {
                problem = "it is broken";
            } else if (cfg.check() != null) {
                try {
                    cfg.check().accept(conn);
                } catch (RuntimeException ex) {
                    problem = "the check callback failed: " + ex;
                }
            }
            if (problem == null) {
                return conn;
            }
            LOG.log(Level.WARNING, "pool ''{0}'': discarding connection {1} before handing it out: {2}",
                    cfg.name(), conn, problem);
            lock.lock();
            try {
                lent.remove(conn);
                counters.connectionsLost++;
                discard(e, true);
            } finally {
                unlockAndClose();
            }
        }
    }

    private PooledEntry acquire(long deadline, Duration timeout) {
        long start = System.nanoTime();
        boolean connectHere = false;
        lock.lock();
        try {
            ensureOpen();
            counters.requestsNum++;
            PooledEntry e = pollIdle(start);
            if (e != null) {
                return lend(e, start);
            }
            if (cfg.nullPool() && waiting.size() == 0 && (maxSize == 0 || size < maxSize)) {
                size++; // a null pool connects in the caller's thread, as psycopg_pool's does
                connectHere = true;
            } else {
                if (cfg.maxWaiting() > 0 && waiting.size() >= cfg.maxWaiting()) {
                    counters.requestsErrors++;
                    throw new TooManyRequestsException(String.format(Locale.ROOT, "pool '%s' already has %d requests"
                            + " waiting (maxWaiting): the pool is overloaded; raise maxSize or maxWaiting, or shed load",
                            cfg.name(), waiting.size()));
                }
                counters.requestsQueued++;
                FairQueue.Waiter<PooledEntry> w = waiting.enqueue();
                replenish();
                try {
                    e = waiting.await(w, deadline - System.nanoTime());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    counters.requestsErrors++;
                    throw new OperationalException("interrupted while waiting for a connection from pool '"
                            + cfg.name() + "'", ie);
                } catch (RuntimeException closedMeanwhile) {
                    counters.requestsErrors++;
                    throw closedMeanwhile;
                }
                long now = System.nanoTime();
                counters.requestsWaitMs += (now - start) / 1_000_000;
                if (e == null) {
                    counters.requestsErrors++;
                    throw new PoolTimeoutException(String.format(Locale.ROOT, "couldn't get a connection from pool"
                            + " '%s' after %s: all %d connections are in use; raise maxSize or the timeout, or"
                            + " return connections sooner", cfg.name(), fmt(timeout), size));
                }
                return lend(e, now);
            }
        } finally {
            unlockAndClose();
        }
        // connectHere: only a null pool gets here
        Connection conn;
        try {
            conn = connect();
        } catch (RuntimeException ex) {
            lock.lock();
            try {
                counters.connectionsErrors++;
                counters.requestsErrors++;
                size--;
                replenish();
            } finally {
                unlockAndClose();
            }
            throw ex;
        }
        lock.lock();
        try {
            PooledEntry e = newEntry(conn, System.nanoTime());
            counters.connectionsNum++;
            counters.connectionsMs += (System.nanoTime() - start) / 1_000_000;
            return lend(e, System.nanoTime());
        } finally {
            lock.unlock();
        }
    }

    private PooledEntry pollIdle(long now) {
        PooledEntry e;
        while ((e = idle.pollLast()) != null) {
            if (e.expired(now) || e.generation != generation) {
                discard(e, true);
                continue;
            }
            return e;
        }
        return null;
    }

    private PooledEntry lend(PooledEntry e, long now) {
        e.borrowedAtNanos = now;
        lent.put(e.conn, e);
        return e;
    }

    /** psycopg_pool's {@code putconn(conn)}. */
    public void giveBack(Connection conn) {
        PooledEntry e;
        boolean poolClosed;
        lock.lock();
        try {
            e = lent.remove(conn);
            if (e == null) {
                throw new IllegalArgumentException("connection " + conn + " was not lent by pool '" + cfg.name()
                        + "' or was already returned: return each connection once, to the pool it came from");
            }
            counters.usageMs += (System.nanoTime() - e.borrowedAtNanos) / 1_000_000;
            poolClosed = closed;
        } finally {
            lock.unlock();
        }
        boolean reusable = !poolClosed && ReturnInspector.makeIdle(conn, cfg.reset(), cfg.name());
        lock.lock();
        try {
            if (!reusable) {
                if (!closed) {
                    counters.returnsBad++;
                }
                discard(e, true);
            } else if (e.expired(System.nanoTime())) {
                LOG.log(Level.DEBUG, "pool ''{0}'': closing connection {1}: maxLifetime reached", cfg.name(), conn);
                discard(e, true);
            } else {
                offer(e);
            }
        } finally {
            unlockAndClose();
        }
    }

    /** Gives a usable connection to the first waiting client, or keeps it idle. Lock held. */
    private void offer(PooledEntry e) {
        if (closed || e.generation != generation) {
            discard(e, !closed);
        } else if (waiting.size() > 0) {
            waiting.handOff(e);
        } else if (size > maxSize && maxSize > 0 || cfg.nullPool()) {
            discard(e, false);
        } else {
            e.idleSinceNanos = System.nanoTime();
            idle.addLast(e);
        }
        changed.signalAll();
    }

    /** Forgets a connection (closed once the lock is released) and, if asked, replaces it. Lock held. */
    private void discard(PooledEntry e, boolean replace) {
        toClose.add(e.conn);
        size--;
        changed.signalAll();
        if (replace) {
            replenish();
        }
    }

    /** Starts making connections up to minSize, and one per waiting client not yet provided for. Lock held. */
    private void replenish() {
        if (closed || !opened) {
            return;
        }
        while (size < maxSize && (size < minSize || waiting.size() > growing)) {
            size++;
            growing++;
            scheduler.execute(() -> makeConnection(null));
        }
    }

    private void makeConnection(Backoff attempt) {
        long start = System.nanoTime();
        Connection conn;
        try {
            conn = connect();
        } catch (RuntimeException ex) {
            retryLater(attempt, ex);
            return;
        }
        lock.lock();
        try {
            long now = System.nanoTime();
            counters.connectionsNum++;
            counters.connectionsMs += (now - start) / 1_000_000;
            growing--;
            offer(newEntry(conn, now));
            replenish();
        } finally {
            unlockAndClose();
        }
    }

    private void retryLater(Backoff attempt, RuntimeException ex) {
        long now = System.nanoTime();
        boolean giveUp;
        long delay = 0;
        lock.lock();
        try {
            counters.connectionsErrors++;
            Backoff a = attempt != null ? attempt
                    : new Backoff(now, cfg.reconnectTimeout(), ThreadLocalRandom.current()::nextDouble);
            giveUp = closed || a.expired(now);
            if (giveUp) {
                size--;
                growing--;
                changed.signalAll();
            } else {
                delay = a.nextDelayNanos(now);
                Backoff next = a;
                scheduler.schedule(() -> makeConnection(next), delay, TimeUnit.NANOSECONDS);
            }
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            size--;
            growing--;
            return;
        } finally {
            lock.unlock();
        }
        if (giveUp) {
            if (!isClosed()) {
                LOG.log(Level.WARNING, "pool ''{0}'': giving up making a connection after trying for {1}: {2}",
                        cfg.name(), fmt(cfg.reconnectTimeout()), ex.toString());
                if (cfg.reconnectFailed() != null) {
                    try {
                        cfg.reconnectFailed().run();
                    } catch (RuntimeException cb) {
                        LOG.log(Level.WARNING, "pool '" + cfg.name() + "': the reconnectFailed callback failed", cb);
                    }
                }
            }
        } else {
            LOG.log(Level.WARNING, "pool ''{0}'': error connecting, retrying in {1} ms: {2}",
                    cfg.name(), delay / 1_000_000, ex.toString());
        }
    }

    private Connection connect() {
        Connection conn = Tusk.connect(cfg.conninfo(), cfg.kwargs());
        if (cfg.configure() != null) {
            try {
                cfg.configure().accept(conn);
                TransactionStatus st = conn.info().transactionStatus();
                if (st != TransactionStatus.IDLE) {
                    throw new ProgrammingException("the configure callback of pool '" + cfg.name() + "' left the"
                            + " connection in status " + st + ": it must end IDLE (commit at its end)");
                }
            } catch (RuntimeException ex) {
                conn.close();
                throw ex;
            }
        }
        return conn;
    }

    private PooledEntry newEntry(Connection conn, long now) {
        // each connection lives maxLifetime minus up to 5 %, so that they do not all expire at once
        double factor = 1.0 - 0.05 * ThreadLocalRandom.current().nextDouble();
        return new PooledEntry(conn, now + (long) (cfg.maxLifetime().toNanos() * factor), generation);
    }

    // ---- maintenance

    /** The periodic task: close expired and long-idle connections, refill to minSize. */
    void maintain() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            long now = System.nanoTime();
            long maxIdle = cfg.maxIdle().toNanos();
            for (Iterator<PooledEntry> it = idle.iterator(); it.hasNext(); ) {
                PooledEntry e = it.next();
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
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "pool '" + cfg.name() + "': maintenance failed", ex);
        } finally {
            unlockAndClose();
        }
    }

    /** Changes the sizes; extra idle connections close now, extra lent ones when returned. */
    public void resize(int newMin, int newMax) {
        lock.lock();
        try {
            minSize = newMin;
            maxSize = newMax;
            while (size > maxSize && !idle.isEmpty()) {
                discard(idle.pollFirst(), false);
            }
            replenish();
        } finally {
            unlockAndClose();
        }
    }

    /** Closes every idle connection now and every lent one when returned, and refills (psycopg_pool 3.3's drain()). */
    public void drain() {
        lock.lock();
        try {
            ensureOpen();
            generation++;
            PooledEntry e;
            while ((e = idle.pollFirst()) != null) {
                discard(e, false);
            }
            replenish();
        } finally {
            unlockAndClose();
        }
    }

    /** Checks every idle connection; the bad ones are closed and replaced (psycopg_pool's check()). */
    public void checkIdle() {
        List<PooledEntry> checking;
        lock.lock();
        try {
            ensureOpen();
            checking = new ArrayList<>(idle);
            idle.clear();
        } finally {
            lock.unlock();
        }
        for (PooledEntry e : checking) {
            boolean ok;
            try {
                if (cfg.check() != null) {
                    cfg.check().accept(e.conn);
                } else {
                    ConnectionCheck.check(e.conn);
                }
                ok = true;
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "pool ''{0}'': discarding broken connection {1}: {2}", cfg.name(), e.conn, ex);
                ok = false;
            }
            lock.lock();
            try {
                if (ok) {
                    offer(e);
                } else {
                    counters.connectionsLost++;
                    discard(e, true);
                }
            } finally {
                unlockAndClose();
            }
        }
    }

    // ---- stats

    public PoolStats stats(boolean pop) {
        lock.lock();
        try {
            PoolStats s = counters.snapshot(minSize, maxSize, size, idle.size(), waiting.size());
            if (pop) {
                counters.reset();
            }
            return s;
        } finally {
            lock.unlock();
        }
    }

    // ---- helpers

    private void ensureOpen() {
        if (closed || !opened) {
            throw closedError();
        }
    }

    private PoolClosedException closedError() {
        return new PoolClosedException(closed
                ? "pool '" + cfg.name() + "' is closed"
                : "pool '" + cfg.name() + "' is not open yet: call open() first");
    }

    /** Releases the lock, then closes the connections decided on while holding it. */
    private void unlockAndClose() {
        List<Connection> doomed = null;
        if (!toClose.isEmpty()) {
            doomed = new ArrayList<>(toClose);
            toClose.clear();
        }
        lock.unlock();
        if (doomed != null) {
            for (Connection c : doomed) {
                try {
                    c.close();
                } catch (RuntimeException ex) {
                    LOG.log(Level.DEBUG, "pool ''{0}'': error closing {1}: {2}", cfg.name(), c, ex);
                }
            }
        }
    }

    static String fmt(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }
}
