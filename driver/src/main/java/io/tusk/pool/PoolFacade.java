package io.tusk.pool;

import io.tusk.internal.pool.LockedPool;
import io.tusk.internal.pool.PoolJmx;
import java.util.Map;

/**
 * What {@link ConnectionPool} and {@link AsyncConnectionPool} answer the same way, whatever
 * the way their clients wait: the name, the statistics, drain, and the JMX registration. Not
 * public: each pool's own page documents these methods as its own.
 *
 * @param <E> the engine the pool waits around
 */
abstract class PoolFacade<E extends LockedPool<?, ?>> {
    final E engine;
    private final PoolJmx jmx;

    PoolFacade(E engine) {
        this.engine = engine;
        this.jmx = engine.config().jmx() ? new PoolJmx(name(), this::stats, this::checkNow, this::drain) : null;
    }

    /** Runs {@code check()} to its end, for the JMX operation (a JMX thread may wait). */
    abstract void checkNow();

    /** Publishes the statistics in JMX once the pool is open (when built with {@code jmx(true)}). */
    final void registerJmx() {
        if (jmx != null) {
            jmx.register();
        }
    }

    final void unregisterJmx() {
        if (jmx != null) {
            jmx.unregister();
        }
    }

    /** The pool's name: in logs, thread names and JMX. */
    public String name() {
        return engine.config().name();
    }

    /**
     * Replaces every connection: idle ones are closed now and lent ones when given back, and new
     * ones are made up to minSize (psycopg_pool's {@code drain()}). Useful after a fail-over or a
     * change of server settings.
     */
    public void drain() {
        engine.drain();
    }

    /** The pool's state and counters (psycopg_pool's {@code get_stats()}). */
    public PoolStats stats() {
        return engine.stats(false);
    }

    /** The stats, then resets the counters (psycopg_pool's {@code pop_stats()}). */
    public PoolStats popStats() {
        return engine.stats(true);
    }

    /** The stats under psycopg_pool's names ({@code pool_size}, {@code requests_wait_ms}, ...). */
    public Map<String, Long> statsMap() {
        return stats().toMap();
    }

    public boolean isClosed() {
        return engine.isClosed();
    }
}
