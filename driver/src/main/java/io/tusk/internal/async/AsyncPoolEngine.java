package io.tusk.internal.async;

import io.tusk.async.AsyncConnection;
import io.tusk.internal.pool.Backoff;
import io.tusk.internal.pool.PoolCounters;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The state machine behind {@code io.tusk.pool.AsyncConnectionPool}, after psycopg_pool's
 * {@code AsyncConnectionPool}: the blocking {@code PoolEngine}'s decisions (hand out, queue,
 * grow, shrink, expire, and the same counters) with futures where that one parks threads.
 *
 * <p>Why not the blocking engine made generic: its waiting is a thread on a {@code Condition}
 * and its slow steps (connect, roll back, check) are calls that block a worker thread; here
 * every slow step is a stage, so the control flow is inverted, not parameterised. What is
 * shared is what does not wait: {@link Backoff}, {@link PoolCounters}, {@link PoolStats} and
 * the error types.
 *
 * <p>One lock guards the state, held only for a few field updates. Whatever must happen after
 * a decision (completing a waiter, closing a connection, starting one) is queued and run once
 * the lock is released ({@link #unlock()}), so no callback ever runs under the lock. No thread
 * waits: clients wait as futures in an {@link AsyncWaitQueue}, connections are made by
 * {@link AsyncConnection#connect}, and one timer thread (named {@code <pool>-timer}) fires
 * time-outs, retries and the maintenance task. Every stage handed to the user completes on
 * the pool's executor.
 */
public final class AsyncPoolEngine {
    private static final System.Logger LOG = System.getLogger("io.tusk.pool");

    private final AsyncPoolConfig cfg;
    private final AsyncPoolConnections connections;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<AsyncPoolEntry> idle = new ArrayDeque<>();
    private final IdentityHashMap<AsyncConnection, AsyncPoolEntry> lent = new IdentityHashMap<>();
    private final AsyncWaitQueue waiting = new AsyncWaitQueue();
    private final PoolCounters counters = new PoolCounters();
    private final List<CompletableFuture<Void>> readyWaiters = new ArrayList<>();
    private final List<Runnable> afterUnlock = new ArrayList<>();
    private int minSize;
    private int maxSize;
    private int size;
    private int growing;
    /** Bumped by {@link #drain()}: connections of an older generation are closed when they come back. */
    private int generation;
    private boolean opened;
    private boolean closed;
    private ScheduledThreadPoolExecutor timer;

    public AsyncPoolEngine(AsyncPoolConfig cfg) {
        this.cfg = cfg;
        this.connections = new AsyncPoolConnections(cfg);
        this.minSize = cfg.minSize();
        this.maxSize = cfg.maxSize();
    }

    public AsyncPoolConfig config() {
        return cfg;
    }

    // ---- life cycle

    /** Starts the timer and the filling to minSize; a second call does nothing. */
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
            timer = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, cfg.name() + "-timer");
                t.setDaemon(true); // a forgotten pool must not keep the JVM alive
                return t;
            });
            timer.setRemoveOnCancelPolicy(true);
            long tick = maintenanceTickNanos();
            timer.scheduleWithFixedDelay(this::maintain, tick, tick, TimeUnit.NANOSECONDS);
            replenish();
        } finally {
            unlock();
        }
    }

    private long maintenanceTickNanos() {
        long tick = Math.min(Duration.ofSeconds(1).toNanos(),
                Math.min(cfg.maxIdle().toNanos(), cfg.maxLifetime().toNanos()) / 2);
        return Math.max(tick, TimeUnit.MILLISECONDS.toNanos(10));
    }

    /** Completes when minSize connections are open; on time-out closes the pool and fails (as psycopg does). */
    public CompletableFuture<Void> waitReady(Duration timeout) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        lock.lock();
        try {
            if (closed || !opened) {
                return connections.deliver(CompletableFuture.failedFuture(closedError()));
            }
            if (size - growing >= minSize) {
                return connections.deliver(CompletableFuture.completedFuture(null));
            }
            readyWaiters.add(ready);
            timer.schedule(() -> readyTimedOut(ready, timeout), timeout.toNanos(), TimeUnit.NANOSECONDS);
        } finally {
            unlock();
        }
        return connections.deliver(ready);
    }

    private void readyTimedOut(CompletableFuture<Void> ready, Duration timeout) {
        int made;
        lock.lock();
        try {
            if (!readyWaiters.remove(ready)) {
                return;
            }
            made = size - growing;
        } finally {
            unlock();
        }
        PoolTimeoutException e = new PoolTimeoutException(String.format(Locale.ROOT, "pool '%s' initialization"
                + " incomplete after %s: %d of %d connections open; check that the server is reachable (see"
                + " connections_errors and the log)", cfg.name(), fmt(timeout), made, minSize));
        close().whenComplete((v, x) -> ready.completeExceptionally(e));
    }

    /** Completes the readiness waiters once minSize connections are open. Lock held. */
    private void checkReady() {
        if (!readyWaiters.isEmpty() && size - growing >= minSize) {
            List<CompletableFuture<Void>> done = List.copyOf(readyWaiters);
            readyWaiters.clear();
            afterUnlock.add(() -> done.forEach(f -> f.complete(null)));
        }
    }

    /**
     * Closes the pool: waiting clients fail with PoolClosedException, idle connections are closed
     * now (the stage completes when they are), lent ones when they come back.
     */
    public CompletableFuture<Void> close() {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        lock.lock();
        try {
            if (closed) {
                return connections.deliver(CompletableFuture.completedFuture(null));
            }
            closed = true;
            for (AsyncWaitQueue.Waiter w : waiting.drain()) {
                counters.requestsErrors++;
                PoolClosedException e = closedError();
                afterUnlock.add(() -> w.future.completeExceptionally(e));
            }
            List<CompletableFuture<Void>> ready = List.copyOf(readyWaiters);
            readyWaiters.clear();
            afterUnlock.add(() -> ready.forEach(f -> f.completeExceptionally(closedError())));
            for (AsyncPoolEntry e : idle) {
                CompletableFuture<Void> c = new CompletableFuture<>();
                closing.add(c);
                afterUnlock.add(() -> connections.closeQuietly(e.conn).whenComplete((v, x) -> c.complete(null)));
            }
            size -= idle.size();
            idle.clear();
            if (timer != null) {
                timer.shutdownNow(); // only time-outs, retries and maintenance: nothing to finish
            }
        } finally {
            unlock();
        }
        return connections.deliver(CompletableFuture.allOf(closing.toArray(new CompletableFuture<?>[0])));
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

    /** psycopg_pool's {@code await getconn(timeout)}: completes on the executor, never blocks. */
    public CompletableFuture<AsyncConnection> borrow(Duration timeout) {
        CompletableFuture<AsyncConnection> user = new CompletableFuture<>();
        long start = System.nanoTime();
        lock.lock();
        try {
            if (closed || !opened) {
                return connections.deliver(CompletableFuture.failedFuture(closedError()));
            }
            counters.requestsNum++;
        } finally {
            unlock();
        }
        acquire(user, start, start + timeout.toNanos(), timeout);
        return connections.deliver(user);
    }

    /** Takes an idle connection or queues a waiter, then validates what it got; retries after a bad one. */
    private void acquire(CompletableFuture<AsyncConnection> user, long start, long deadline, Duration timeout) {
        CompletableFuture<AsyncPoolEntry> got;
        lock.lock();
        try {
            if (closed) {
                counters.requestsErrors++;
                got = CompletableFuture.failedFuture(closedError());
            } else {
                long now = System.nanoTime();
                AsyncPoolEntry e = pollIdle(now);
                if (e != null) {
                    got = CompletableFuture.completedFuture(lend(e, now));
                } else if (cfg.maxWaiting() > 0 && waiting.size() >= cfg.maxWaiting()) {
                    counters.requestsErrors++;
                    got = CompletableFuture.failedFuture(new TooManyRequestsException(String.format(Locale.ROOT,
                            "pool '%s' already has %d requests waiting (maxWaiting): the pool is overloaded; raise"
                            + " maxSize or maxWaiting, or shed load", cfg.name(), waiting.size())));
                } else {
                    counters.requestsQueued++;
                    AsyncWaitQueue.Waiter w = waiting.enqueue(now);
                    got = w.future;
                    long left = deadline - now;
                    if (left <= 0) {
                        timedOut(w, timeout);
                    } else {
                        w.timeout = timer.schedule(() -> {
                            lock.lock();
                            try {
                                timedOut(w, timeout);
                            } finally {
                                unlock();
                            }
                        }, left, TimeUnit.NANOSECONDS);
                        replenish();
                    }
                }
            }
        } finally {
            unlock();
        }
        got.whenComplete((e, x) -> {
            if (x != null) {
                user.completeExceptionally(x);
            } else {
                validate(e, user, start, deadline, timeout);
            }
        });
    }

    /** A waiter's time is up: it leaves the queue with PoolTimeoutException, unless it was served meanwhile. Lock held. */
    private void timedOut(AsyncWaitQueue.Waiter w, Duration timeout) {
        if (!waiting.remove(w)) {
            return;
        }
        counters.requestsErrors++;
        counters.requestsWaitMs += (System.nanoTime() - w.sinceNanos) / 1_000_000;
        PoolTimeoutException e = new PoolTimeoutException(String.format(Locale.ROOT, "couldn't get a connection from"
                + " pool '%s' after %s: all %d connections are in use; raise maxSize or the timeout, or return"
                + " connections sooner", cfg.name(), fmt(timeout), size));
        afterUnlock.add(() -> w.future.completeExceptionally(e));
    }

    /** Hands the connection out unless it is broken or the check callback fails; then tries again. */
    private void validate(AsyncPoolEntry e, CompletableFuture<AsyncConnection> user, long start, long deadline,
            Duration timeout) {
        CompletionStage<?> checked;
        if (e.conn.isBroken() || e.conn.isClosed()) {
            checked = CompletableFuture.failedFuture(new IllegalStateException("it is broken"));
        } else if (cfg.check() != null) {
            try {
                checked = cfg.check().apply(e.conn);
            } catch (RuntimeException ex) {
                checked = CompletableFuture.failedFuture(ex);
            }
        } else {
            checked = CompletableFuture.completedFuture(null);
        }
        checked.whenComplete((v, x) -> {
            if (x == null) {
                user.complete(e.conn);
                return;
            }
            LOG.log(Level.WARNING, "pool ''{0}'': discarding connection {1} before handing it out: {2}",
                    cfg.name(), e.conn, unwrap(x).toString());
            lock.lock();
            try {
                lent.remove(e.conn);
                counters.connectionsLost++;
                discard(e, true);
            } finally {
                unlock();
            }
            acquire(user, start, deadline, timeout);
        });
    }

    private AsyncPoolEntry pollIdle(long now) {
        AsyncPoolEntry e;
        while ((e = idle.pollLast()) != null) {
            if (e.expired(now)) {
                discard(e, true);
                continue;
            }
            return e;
        }
        return null;
    }

    private AsyncPoolEntry lend(AsyncPoolEntry e, long now) {
        e.borrowedAtNanos = now;
        lent.put(e.conn, e);
        return e;
    }

    /** psycopg_pool's {@code await putconn(conn)}: resets the session, then keeps, hands on or replaces it. */
    public CompletableFuture<Void> giveBack(AsyncConnection conn) {
        AsyncPoolEntry e;
        boolean poolClosed;
        lock.lock();
        try {
            e = lent.remove(conn);
            if (e == null) {
                return connections.deliver(CompletableFuture.failedFuture(new IllegalArgumentException("connection " + conn
                        + " was not lent by pool '" + cfg.name() + "' or was already returned: return each connection"
                        + " once, to the pool it came from")));
            }
            counters.usageMs += (System.nanoTime() - e.borrowedAtNanos) / 1_000_000;
            poolClosed = closed;
        } finally {
            unlock();
        }
        CompletionStage<Boolean> reusable = poolClosed ? CompletableFuture.completedFuture(false)
                : AsyncReturnInspector.makeIdle(conn, cfg.reset(), cfg.name());
        return connections.deliver(reusable.thenApply(ok -> {
            lock.lock();
            try {
                if (!ok) {
                    if (!closed) {
                        counters.returnsBad++;
                    }
                    discard(e, true);
                } else if (e.expired(System.nanoTime()) || e.generation != generation) {
                    LOG.log(Level.DEBUG, "pool ''{0}'': closing connection {1}: maxLifetime reached or drained", cfg.name(), conn);
                    discard(e, true);
                } else {
                    offer(e);
                }
            } finally {
                unlock();
            }
            return null;
        }));
    }

    /** Gives a usable connection to the first waiting client, or keeps it idle. Lock held. */
    private void offer(AsyncPoolEntry e) {
        AsyncWaitQueue.Waiter w;
        if (closed) {
            discard(e, false);
        } else if ((w = waiting.poll()) != null) {
            long now = System.nanoTime();
            counters.requestsWaitMs += (now - w.sinceNanos) / 1_000_000;
            lend(e, now);
            afterUnlock.add(() -> w.future.complete(e));
        } else if (size > maxSize) {
            discard(e, false);
        } else {
            e.idleSinceNanos = System.nanoTime();
            idle.addLast(e);
        }
        checkReady();
    }

    /** Forgets a connection (closed once the lock is released) and, if asked, replaces it. Lock held. */
    private void discard(AsyncPoolEntry e, boolean replace) {
        afterUnlock.add(() -> connections.closeQuietly(e.conn));
        size--;
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
            afterUnlock.add(() -> makeConnection(null));
        }
    }

    private void makeConnection(Backoff attempt) {
        long start = System.nanoTime();
        connections.open().whenComplete((conn, ex) -> {
            if (ex != null) {
                retryLater(attempt, unwrap(ex));
                return;
            }
            lock.lock();
            try {
                long now = System.nanoTime();
                counters.connectionsNum++;
                counters.connectionsMs += (now - start) / 1_000_000;
                growing--;
                offer(connections.newEntry(conn, now, generation));
                replenish();
            } finally {
                unlock();
            }
        });
    }

    private void retryLater(Backoff attempt, Throwable ex) {
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
            } else {
                delay = a.nextDelayNanos(now);
                timer.schedule(() -> makeConnection(a), delay, TimeUnit.NANOSECONDS);
            }
        } catch (RejectedExecutionException closing) {
            size--;
            growing--;
            return;
        } finally {
            unlock();
        }
        if (!giveUp) {
            LOG.log(Level.WARNING, "pool ''{0}'': error connecting, retrying in {1} ms: {2}",
                    cfg.name(), delay / 1_000_000, ex.toString());
        } else if (!isClosed()) {
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
            for (Iterator<AsyncPoolEntry> it = idle.iterator(); it.hasNext(); ) {
                AsyncPoolEntry e = it.next();
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
            unlock();
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
            checkReady();
        } finally {
            unlock();
        }
    }

    /** Closes every idle connection now and every lent one when returned, and refills (psycopg_pool 3.3's drain()). */
    public void drain() {
        lock.lock();
        try {
            if (closed || !opened) {
                throw closedError();
            }
            generation++;
            AsyncPoolEntry e;
            while ((e = idle.pollFirst()) != null) {
                discard(e, false);
            }
            replenish();
        } finally {
            unlock();
        }
    }

    /** Checks every idle connection; the bad ones are closed and replaced (psycopg_pool's check()). */
    public CompletableFuture<Void> checkIdle() {
        List<AsyncPoolEntry> checking;
        lock.lock();
        try {
            if (closed || !opened) {
                return connections.deliver(CompletableFuture.failedFuture(closedError()));
            }
            checking = new ArrayList<>(idle);
            idle.clear();
        } finally {
            unlock();
        }
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (AsyncPoolEntry e : checking) {
            CompletionStage<?> c;
            try {
                c = cfg.check() != null ? cfg.check().apply(e.conn) : AsyncConnectionCheck.check(e.conn);
            } catch (RuntimeException ex) {
                c = CompletableFuture.failedFuture(ex);
            }
            all.add(c.handle((v, x) -> {
                lock.lock();
                try {
                    if (x == null) {
                        offer(e);
                    } else {
                        LOG.log(Level.WARNING, "pool ''{0}'': discarding broken connection {1}: {2}", cfg.name(),
                                e.conn, unwrap(x).toString());
                        counters.connectionsLost++;
                        discard(e, true);
                    }
                } finally {
                    unlock();
                }
                return (Void) null;
            }).toCompletableFuture());
        }
        return connections.deliver(CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])));
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

    private PoolClosedException closedError() {
        return new PoolClosedException(closed
                ? "pool '" + cfg.name() + "' is closed"
                : "pool '" + cfg.name() + "' is not open yet: call open() first");
    }

    /** Releases the lock, then runs what was decided while holding it (completions, closes, connects). */
    private void unlock() {
        List<Runnable> actions = null;
        if (!afterUnlock.isEmpty()) {
            actions = new ArrayList<>(afterUnlock);
            afterUnlock.clear();
        }
        lock.unlock();
        if (actions != null) {
            for (Runnable r : actions) {
                try {
                    r.run();
                } catch (RuntimeException ex) {
                    LOG.log(Level.WARNING, "pool '" + cfg.name() + "': internal step failed", ex);
                }
            }
        }
    }

    static Throwable unwrap(Throwable e) {
        return AsyncConnectionImpl.unwrap(e);
    }

    static String fmt(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }
}
