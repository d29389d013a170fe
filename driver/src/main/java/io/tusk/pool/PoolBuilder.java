package io.tusk.pool;

import io.tusk.Connection;
import io.tusk.internal.pool.PoolConfig;
import io.tusk.internal.pool.PoolSettings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The settings of a pool: psycopg_pool's {@code ConnectionPool(...)} keyword arguments, with the
 * same defaults. Made by {@link ConnectionPool#builder(String)} or
 * {@link NullConnectionPool#builder(String)}.
 *
 * <pre>{@code
 * ConnectionPool pool = ConnectionPool.builder("host=db dbname=app user=app")
 *         .minSize(4).maxSize(16).timeout(Duration.ofSeconds(5))
 *         .configure(conn -> conn.setAutocommit(true))
 *         .name("app").open();
 * }</pre>
 *
 * @param <P> the kind of pool it builds
 */
public final class PoolBuilder<P extends ConnectionPool> {
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final PoolSettings settings;
    private final boolean nullPool;
    private final Function<PoolConfig<Consumer<Connection>>, P> factory;
    private Consumer<Connection> configure;
    private Consumer<Connection> reset;
    private Consumer<Connection> check;
    private Consumer<ConnectionPool> reconnectFailed;

    PoolBuilder(String conninfo, boolean nullPool, Function<PoolConfig<Consumer<Connection>>, P> factory) {
        this.settings = new PoolSettings(conninfo, nullPool ? 0 : 4);
        this.nullPool = nullPool;
        this.factory = factory;
    }

    /** Connection parameters added to or overriding the conninfo ({@code kwargs}); null values remove one. */
    public PoolBuilder<P> kwargs(Map<String, ?> parameters) {
        settings.kwargs(parameters);
        return this;
    }

    /** Connections kept open even when idle (default 4; always 0 for a null pool). */
    public PoolBuilder<P> minSize(int minSize) {
        settings.minSize(minSize);
        return this;
    }

    /** The most connections open at once (default: minSize; for a null pool 0 = no limit). */
    public PoolBuilder<P> maxSize(int maxSize) {
        settings.maxSize(maxSize);
        return this;
    }

    /** How long {@code getconn()} waits for a connection before PoolTimeoutException (default 30 s). */
    public PoolBuilder<P> timeout(Duration timeout) {
        settings.timeout(timeout);
        return this;
    }

    /** The most clients allowed to wait; one more gets TooManyRequestsException (default 0 = no limit). */
    public PoolBuilder<P> maxWaiting(int maxWaiting) {
        settings.maxWaiting(maxWaiting);
        return this;
    }

    /** How long a connection lives before being replaced, each minus a random 0–5 % (default 1 h). */
    public PoolBuilder<P> maxLifetime(Duration maxLifetime) {
        settings.maxLifetime(maxLifetime);
        return this;
    }

    /** How long a connection above minSize may stay idle before it is closed (default 10 min). */
    public PoolBuilder<P> maxIdle(Duration maxIdle) {
        settings.maxIdle(maxIdle);
        return this;
    }

    /** How long to keep retrying a failed connection attempt, with back-off, before giving up (default 5 min). */
    public PoolBuilder<P> reconnectTimeout(Duration reconnectTimeout) {
        settings.reconnectTimeout(reconnectTimeout);
        return this;
    }

    /** Called after the pool gave up reconnecting (reconnectTimeout passed); it may, for example, close the pool. */
    public PoolBuilder<P> reconnectFailed(Consumer<ConnectionPool> callback) {
        this.reconnectFailed = callback;
        return this;
    }

    /** Called on every new connection before it joins the pool; it must leave the connection idle. */
    public PoolBuilder<P> configure(Consumer<Connection> callback) {
        this.configure = callback;
        return this;
    }

    /** Called on every returned connection; it must leave the connection idle, or the connection is discarded. */
    public PoolBuilder<P> reset(Consumer<Connection> callback) {
        this.reset = callback;
        return this;
    }

    /**
     * Called on a connection before it is handed out; if it throws, the connection is discarded
     * and another one tried. {@code ConnectionPool::checkConnection} is the usual choice.
     */
    public PoolBuilder<P> check(Consumer<Connection> callback) {
        this.check = callback;
        return this;
    }

    /** The pool's name, in logs, thread names and JMX (default {@code pool-1}, {@code pool-2}, ...). */
    public PoolBuilder<P> name(String name) {
        settings.name(name);
        return this;
    }

    /** Registers the pool's statistics as a JMX MXBean ({@link ConnectionPoolMXBean}) while it is open. */
    public PoolBuilder<P> jmx(boolean jmx) {
        settings.jmx(jmx);
        return this;
    }

    /** A pool with these settings, not opened yet: call {@link ConnectionPool#open()}. */
    public P build() {
        int minSize = settings.minSize();
        int max = settings.maxSizeOr(nullPool ? 0 : minSize);
        if (minSize < 0 || max < 0) {
            throw new IllegalArgumentException("minSize and maxSize must be 0 or more, not " + minSize + " and " + max);
        }
        if (nullPool && minSize != 0) {
            throw new IllegalArgumentException("a NullConnectionPool keeps no idle connection: minSize must be 0,"
                    + " not " + minSize + "; use maxSize to cap the connections");
        }
        if (!nullPool && max == 0) {
            throw new IllegalArgumentException("maxSize must be at least 1 for a ConnectionPool");
        }
        if (max > 0 && max < minSize) {
            throw new IllegalArgumentException("maxSize (" + max + ") must not be less than minSize (" + minSize + ")");
        }
        P[] self = newHolder();
        Runnable onFailed = reconnectFailed == null ? null : () -> reconnectFailed.accept(self[0]);
        PoolConfig<Consumer<Connection>> cfg = settings.config(() -> "pool-" + POOL_NUMBER.incrementAndGet(), max,
                configure, reset, check, onFailed, nullPool, null);
        self[0] = factory.apply(cfg);
        return self[0];
    }

    /** {@link #build()} then {@link ConnectionPool#open()}: connections start being made in the background. */
    public P open() {
        P pool = build();
        pool.open();
        return pool;
    }

    @SuppressWarnings("unchecked")
    private P[] newHolder() {
        return (P[]) new ConnectionPool[1];
    }
}
