package io.tusk.internal.pool;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Everything a pool was built with (see {@code io.tusk.pool.PoolBuilder} and
 * {@code AsyncConnectionPool.Builder}); {@code minSize} and {@code maxSize} are only the
 * initial values, {@code resize()} changes them later. One record for both pools: they take
 * the same settings, and differ only in the shape of their callbacks ({@code K}).
 *
 * @param <K> the callbacks' type: {@code Consumer<Connection>} for the blocking pool, a
 *     function from {@code AsyncConnection} to a stage for the asynchronous one
 * @param nullPool true for a {@code NullConnectionPool}: no idle connection is kept, and a
 *     {@code maxSize} of 0 means no limit
 * @param executor where the asynchronous pool completes every stage it hands out; null for the
 *     blocking pool
 */
public record PoolConfig<K>(
        String conninfo,
        Map<String, ?> kwargs,
        String name,
        int minSize,
        int maxSize,
        Duration timeout,
        int maxWaiting,
        Duration maxLifetime,
        Duration maxIdle,
        Duration reconnectTimeout,
        K configure,
        K reset,
        K check,
        Runnable reconnectFailed,
        boolean nullPool,
        boolean jmx,
        Executor executor) {

    @Override
    public String toString() {
        // the conninfo and kwargs may hold a password: never shown
        return "PoolConfig[name=" + name + ", minSize=" + minSize + ", maxSize=" + maxSize + "]";
    }
}
