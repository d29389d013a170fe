package io.tusk.internal.pool;

import io.tusk.async.AsyncConnection;
import io.tusk.pool.PoolStats;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The non-blocking way to wait around a {@link PoolState}, behind
 * {@code io.tusk.pool.AsyncConnectionPool} (psycopg_pool's {@code AsyncConnectionPool}): the
 * same decisions as the blocking {@link PoolEngine}, with a future per waiting client where
 * that one parks a thread, and stages where that one calls.
 *
 * <p>One lock guards the state, held only for a decision. Whatever the decision leaves to do
 * (completing a waiter, closing a connection, starting one) runs once the lock is released
 * ({@link #unlockAndAct()}), so no callback ever runs under the lock. No thread waits: clients wait
 * as futures in an {@link AsyncWaitQueue}, connections are made by {@link AsyncConnection#connect},
 * and one timer thread (named {@code <pool>-timer}) fires time-outs, retries and the
 * maintenance task. Every stage handed to the user completes on the pool's executor.
 */
public final class AsyncPoolEngine extends LockedPool<AsyncConnection, AsyncPoolEngine.Callback> {
    private static final System.Logger LOG = System.getLogger("io.tusk.pool");

    /** A callback of the asynchronous pool (configure, reset, check): its stage ends the step. */
    @FunctionalInterface
    public interface Callback {
        CompletionStage<?> apply(AsyncConnection conn);
    }

    /** The builder's function as a {@link Callback}; null stays null (no callback). */
    public static Callback callback(Function<AsyncConnection, ? extends CompletionStage<?>> f) {
        return f == null ? null : f::apply;
    }

    private final AsyncPoolConnections connections;
    private final AsyncWaitQueue waiting;
    private final List<CompletableFuture<Void>> readyWaiters = new ArrayList<>();
    private final List<Runnable> afterUnlock = new ArrayList<>();
    private ScheduledThreadPoolExecutor timer;

    public AsyncPoolEngine(PoolConfig<Callback> cfg) {
        this(cfg, new AsyncWaitQueue());
    }

    private AsyncPoolEngine(PoolConfig<Callback> cfg, AsyncWaitQueue waiting) {
        super(cfg, new ReentrantLock(), waiting);
        this.waiting = waiting;
        this.connections = new AsyncPoolConnections(cfg);
    }

    // ---- life cycle

    /** Starts the timer and the filling to minSize; a second call does nothing. */
    public void open() {
        decide(() -> {
            if (!state.open()) {
                return;
            }
            timer = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, cfg.name() + "-timer");
                t.setDaemon(true); // a forgotten pool must not keep the JVM alive
                return t;
            });
            timer.setRemoveOnCancelPolicy(true);
            long tick = state.maintenanceTickNanos();
            timer.scheduleWithFixedDelay(this::maintain, tick, tick, TimeUnit.NANOSECONDS);
        });
    }

    /** Completes when minSize connections are open; on time-out closes the pool and fails (as psycopg does). */
    public CompletableFuture<Void> waitReady(Duration timeout) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        lock.lock();
        try {
            if (!state.isOpen()) {
                return connections.deliver(CompletableFuture.failedFuture(state.closedError()));
            }
            if (state.ready()) {
                return connections.deliver(CompletableFuture.completedFuture(null));
            }
            readyWaiters.add(ready);
            timer.schedule(() -> readyTimedOut(ready, timeout), timeout.toNanos(), TimeUnit.NANOSECONDS);
        } finally {
            unlockAndAct();
        }
        return connections.deliver(ready);
    }

    private void readyTimedOut(CompletableFuture<Void> ready, Duration timeout) {
        RuntimeException notReady;
        lock.lock();
        try {
            if (!readyWaiters.remove(ready)) {
                return;
            }
            notReady = state.notReady(timeout);
        } finally {
            unlockAndAct();
        }
        close().whenComplete((v, x) -> ready.completeExceptionally(notReady));
    }

    /**
     * Closes the pool: waiting clients fail with PoolClosedException, idle connections are closed
     * now (the stage completes when they are), lent ones when they come back.
     */
    public CompletableFuture<Void> close() {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        lock.lock();
        try {
            if (!state.close()) {
                return connections.deliver(CompletableFuture.completedFuture(null));
            }
            List<CompletableFuture<Void>> ready = List.copyOf(readyWaiters);
            readyWaiters.clear();
            afterUnlock.add(() -> ready.forEach(f -> f.completeExceptionally(state.closedError())));
            for (AsyncConnection c : state.takeToClose()) {
                CompletableFuture<Void> closed = new CompletableFuture<>();
                closing.add(closed);
                afterUnlock.add(() -> connections.closeQuietly(c).whenComplete((v, x) -> closed.complete(null)));
            }
            if (timer != null) {
                timer.shutdownNow(); // only time-outs, retries and maintenance: nothing to finish
            }
        } finally {
            unlockAndAct();
        }
        return connections.deliver(CompletableFuture.allOf(closing.toArray(new CompletableFuture<?>[0])));
    }

    // ---- borrowing

    /** psycopg_pool's {@code await getconn(timeout)}: completes on the executor, never blocks. */
    public CompletableFuture<AsyncConnection> borrow(Duration timeout) {
        CompletableFuture<AsyncConnection> user = new CompletableFuture<>();
        try {
            read(() -> {
                state.request();
                return null;
            });
        } catch (RuntimeException closed) {
            return connections.deliver(CompletableFuture.failedFuture(closed));
        }
        acquire(user, System.nanoTime() + timeout.toNanos(), timeout);
        return connections.deliver(user);
    }

    /** Takes an idle connection or queues a waiter, then validates what it got; retries after a bad one. */
    private void acquire(CompletableFuture<AsyncConnection> user, long deadline, Duration timeout) {
        CompletableFuture<PoolEntry<AsyncConnection>> got;
        lock.lock();
        try {
            long now = System.nanoTime();
            PoolEntry<AsyncConnection> e = state.lendIdle(now);
            if (e != null) {
                got = CompletableFuture.completedFuture(e);
            } else {
                state.admitWaiter();
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
                            unlockAndAct();
                        }
                    }, left, TimeUnit.NANOSECONDS);
                    state.replenish();
                }
            }
        } catch (RuntimeException closedOrOverloaded) {
            got = CompletableFuture.failedFuture(closedOrOverloaded);
        } finally {
            unlockAndAct();
        }
        got.whenComplete((e, x) -> {
            if (x != null) {
                user.completeExceptionally(x);
            } else {
                validate(e, user, deadline, timeout);
            }
        });
    }

    /** A waiter's time is up: it leaves the queue with PoolTimeoutException, unless it was served meanwhile. Lock held. */
    private void timedOut(AsyncWaitQueue.Waiter w, Duration timeout) {
        if (waiting.remove(w)) {
            state.waited(w.sinceNanos, System.nanoTime());
            w.failure = state.timedOut(timeout);
            waiting.settle(w);
        }
    }

    /** Hands the connection out unless it is broken or the check callback fails; then tries again. */
    private void validate(PoolEntry<AsyncConnection> e, CompletableFuture<AsyncConnection> user, long deadline,
            Duration timeout) {
        CompletionStage<?> checked;
        if (e.conn.isBroken() || e.conn.isClosed()) {
            checked = CompletableFuture.failedFuture(new IllegalStateException("it is broken"));
        } else {
            checked = callback(cfg.check(), e.conn);
        }
        checked.whenComplete((v, x) -> {
            if (x == null) {
                user.complete(e.conn);
                return;
            }
            rejected(e, AsyncPoolConnections.unwrap(x).toString());
            acquire(user, deadline, timeout);
        });
    }

    /** psycopg_pool's {@code await putconn(conn)}: resets the session, then keeps, hands on or replaces it. */
    public CompletableFuture<Void> giveBack(AsyncConnection conn) {
        PoolEntry<AsyncConnection> e;
        try {
            e = read(() -> state.takeBack(conn, System.nanoTime()));
        } catch (IllegalArgumentException notLent) {
            return connections.deliver(CompletableFuture.failedFuture(notLent));
        }
        CompletionStage<Boolean> reusable = isClosed() ? CompletableFuture.completedFuture(false)
                : AsyncReturnInspector.makeIdle(conn, cfg.reset(), cfg.name());
        return connections.deliver(reusable.thenApply(ok -> {
            returned(e, ok);
            return null;
        }));
    }

    // ---- making connections

    @Override
    void makeConnection(Backoff attempt) {
        long start = System.nanoTime();
        connections.open().whenComplete((conn, ex) -> {
            if (ex != null) {
                retryLater(attempt, AsyncPoolConnections.unwrap(ex));
            } else {
                connected(conn, start);
            }
        });
    }

    @Override
    void schedule(Runnable task, long delayNanos) {
        timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Checks every idle connection; the bad ones are closed and replaced (psycopg_pool's check()). */
    public CompletableFuture<Void> checkIdle() {
        List<PoolEntry<AsyncConnection>> checking;
        try {
            checking = read(state::takeIdleForCheck);
        } catch (RuntimeException closed) {
            return connections.deliver(CompletableFuture.failedFuture(closed));
        }
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (PoolEntry<AsyncConnection> e : checking) {
            CompletionStage<?> c = cfg.check() != null ? callback(cfg.check(), e.conn) : AsyncConnectionCheck.check(e.conn);
            all.add(c.handle((v, x) -> {
                checked(e, x == null ? null : AsyncPoolConnections.unwrap(x));
                return (Void) null;
            }).toCompletableFuture());
        }
        return connections.deliver(CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])));
    }

    // ---- helpers

    /** Runs {@code cb} (none: done at once); a callback that throws is a failed stage. */
    private static CompletionStage<?> callback(Callback cb, AsyncConnection conn) {
        if (cb == null) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            return cb.apply(conn);
        } catch (RuntimeException ex) {
            return CompletableFuture.failedFuture(ex);
        }
    }

    /**
     * Collects what the state decided (clients served or failed, connections to close or to
     * make, readiness reached), releases the lock, then does it: no future completes and no
     * connection opens or closes under the lock.
     */
    @Override
    void unlockAndAct() {
        List<AsyncWaitQueue.Waiter> settled;
        List<AsyncConnection> doomed;
        int toOpen;
        List<CompletableFuture<Void>> nowReady = List.of();
        List<Runnable> actions = List.of();
        try {
            settled = waiting.takeSettled();
            long now = System.nanoTime();
            for (AsyncWaitQueue.Waiter w : settled) {
                if (w.given != null) {
                    state.waited(w.sinceNanos, now);
                }
            }
            doomed = state.takeToClose();
            toOpen = state.takeToOpen();
            if (!readyWaiters.isEmpty() && state.ready()) {
                nowReady = List.copyOf(readyWaiters);
                readyWaiters.clear();
            }
            if (!afterUnlock.isEmpty()) {
                actions = List.copyOf(afterUnlock);
                afterUnlock.clear();
            }
        } finally {
            lock.unlock();
        }
        settled.forEach(AsyncWaitQueue.Waiter::complete);
        nowReady.forEach(f -> f.complete(null));
        doomed.forEach(connections::closeQuietly);
        for (int i = 0; i < toOpen; i++) {
            makeConnection(null);
        }
        for (Runnable r : actions) {
            try {
                r.run();
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "pool '" + cfg.name() + "': internal step failed", ex);
            }
        }
    }
}
