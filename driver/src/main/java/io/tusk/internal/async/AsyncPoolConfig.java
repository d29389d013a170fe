package io.tusk.internal.async;

import io.tusk.async.AsyncConnection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Everything an {@code io.tusk.pool.AsyncConnectionPool} was built with: the settings of the
 * blocking pool's {@code PoolConfig}, with callbacks that return stages instead of blocking,
 * and the executor every stage the pool hands out completes on.
 */
public record AsyncPoolConfig(
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
        Function<AsyncConnection, ? extends CompletionStage<?>> configure,
        Function<AsyncConnection, ? extends CompletionStage<?>> reset,
        Function<AsyncConnection, ? extends CompletionStage<?>> check,
        Runnable reconnectFailed,
        Executor executor,
        boolean jmx) {

    @Override
    public String toString() {
        // the conninfo and kwargs may hold a password: never shown
        return "AsyncPoolConfig[name=" + name + ", minSize=" + minSize + ", maxSize=" + maxSize + "]";
    }
}
