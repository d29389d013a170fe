package io.tusk.internal.pool;

import io.tusk.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything a pool was built with (see {@code io.tusk.pool.PoolBuilder}); {@code minSize} and
 * {@code maxSize} are only the initial values, {@code resize()} changes them later.
 *
 * @param nullPool true for a {@code NullConnectionPool}: no idle connection is kept, and a
 *     {@code maxSize} of 0 means no limit
 */
public record PoolConfig(
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
        Consumer<Connection> configure,
        Consumer<Connection> reset,
        Consumer<Connection> check,
        Runnable reconnectFailed,
        boolean nullPool,
        boolean jmx) {

    @Override
    public String toString() {
        // the conninfo and kwargs may hold a password: never shown
        return "PoolConfig[name=" + name + ", minSize=" + minSize + ", maxSize=" + maxSize + "]";
    }
}
