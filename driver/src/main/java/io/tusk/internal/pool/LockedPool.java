package io.tusk.internal.pool;

import io.tusk.pool.PoolStats;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * What both pool engines do the same way: take the one lock around a {@link PoolState}
 * decision, then let the engine act on it ({@link #unlockAndAct()}, its only way of waiting
 * that differs). The blocking {@link PoolEngine} acts by signalling threads and handing work to
 * its workers; the {@link AsyncPoolEngine} by completing futures once the lock is released.
 *
 * @param <C> the connection type
 * @param <K> the type of the pool's callbacks (see {@link PoolConfig})
 */
public abstract class LockedPool<C, K> {
    private static final System.Logger LOG = System.getLogger("io.tusk.pool");

    final PoolConfig<K> cfg;
    final ReentrantLock lock;
    final PoolState<C> state;

    /** {@code waiters} lives under {@code lock}, as the state does. */
    LockedPool(PoolConfig<K> cfg, ReentrantLock lock, Waiters<PoolEntry<C>> waiters) {
        this.cfg = cfg;
        this.lock = lock;
        this.state = new PoolState<>(cfg, waiters, ThreadLocalRandom.current()::nextDouble);
    }

    public PoolConfig<K> config() {
        return cfg;
    }

    /** Releases the lock, doing what the decisions taken under it left to do. Lock held. */
    abstract void unlockAndAct();

    /** Runs {@code task} on the engine's timer or workers after {@code delayNanos}. Lock held. */
    abstract void schedule(Runnable task, long delayNanos);

    /** Opens one connection for the pool, then reports to {@link #connected} or {@link #retryLater}. */
    abstract void makeConnection(Backoff attempt);

    /** Takes a decision under the lock, then acts on it. */
    final void decide(Runnable decision) {
        lock.lock();
        try {
            decision.run();
        } finally {
            unlockAndAct();
        }
    }

    /** Reads the state under the lock; nothing to act on. */
    final <T> T read(Supplier<T> reading) {
        lock.lock();
        try {
            return reading.get();
        } finally {
            lock.unlock();
        }
    }

    public boolean isClosed() {
        return read(state::isClosed);
    }

    public PoolStats stats(boolean pop) {
        return read(() -> state.stats(pop));
    }

    /** Changes the sizes; extra idle connections close now, extra lent ones when returned. */
    public void resize(int newMin, int newMax) {
        decide(() -> state.resize(newMin, newMax));
    }

    /** Closes every idle connection now and every lent one when returned, and refills (psycopg_pool 3.3's drain()). */
    public void drain() {
        decide(state::drain);
    }

    /** The periodic task: close expired and long-idle connections, refill to minSize. */
    final void maintain() {
        try {
            decide(() -> state.maintain(System.nanoTime()));
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "pool '" + cfg.name() + "': maintenance failed", ex);
        }
    }

    /** The error of waitReady on time-out, with the count of connections made so far. */
    final RuntimeException notReady(Duration timeout) {
        return read(() -> state.notReady(timeout));
    }

    final void connected(C conn, long startNanos) {
        decide(() -> state.connected(conn, startNanos, System.nanoTime()));
    }

    /** A connection lent failed its check on its way to the client: logged, closed and replaced. */
    final void rejected(PoolEntry<C> e, String problem) {
        PoolLog.discardedBeforeLending(cfg.name(), e.conn, problem);
        decide(() -> state.rejected(e));
    }

    final void returned(PoolEntry<C> e, boolean reusable) {
        decide(() -> state.returned(e, reusable, System.nanoTime()));
    }

    /** An idle connection taken out by {@code check()} was checked ({@code problem} null when it works). */
    final void checked(PoolEntry<C> e, Throwable problem) {
        if (problem != null) {
            PoolLog.brokenIdle(cfg.name(), e.conn, problem);
        }
        decide(() -> state.checked(e, problem == null, System.nanoTime()));
    }

    /** Making a connection failed: tries again later (psycopg_pool's back-off), or gives up. */
    final void retryLater(Backoff attempt, Throwable ex) {
        long now = System.nanoTime();
        Backoff next;
        long delay = 0;
        boolean poolClosed;
        lock.lock();
        try {
            next = state.connectFailed(attempt, now);
            poolClosed = state.isClosed();
            if (next != null) {
                delay = next.nextDelayNanos(now);
                try {
                    schedule(() -> makeConnection(next), delay);
                } catch (RejectedExecutionException closing) {
                    state.abandonAttempt();
                    return;
                }
            }
        } finally {
            unlockAndAct();
        }
        PoolLog.connectFailed(cfg, next != null, delay, poolClosed, ex);
    }
}
