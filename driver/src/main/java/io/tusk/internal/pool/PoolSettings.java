package io.tusk.internal.pool;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The settings both pool builders take ({@code PoolBuilder}, {@code AsyncConnectionPool.Builder}),
 * with psycopg_pool's defaults, each checked as it is set so that a wrong value fails where the
 * caller wrote it. Only the callbacks differ between the two pools, so only they stay in the
 * builders; {@link #config} puts everything into one {@link PoolConfig}.
 */
public final class PoolSettings {
    private final String conninfo;
    private final Map<String, Object> kwargs = new LinkedHashMap<>();
    private String name;
    private int minSize;
    private Integer maxSize;
    private Duration timeout = Duration.ofSeconds(30);
    private int maxWaiting;
    private Duration maxLifetime = Duration.ofHours(1);
    private Duration maxIdle = Duration.ofMinutes(10);
    private Duration reconnectTimeout = Duration.ofMinutes(5);
    private boolean jmx;

    public PoolSettings(String conninfo, int defaultMinSize) {
        this.conninfo = Objects.requireNonNull(conninfo, "conninfo");
        this.minSize = defaultMinSize;
    }

    public void kwargs(Map<String, ?> parameters) {
        kwargs.putAll(parameters); // null values are kept: they remove the parameter
    }

    public void minSize(int n) {
        this.minSize = n;
    }

    public void maxSize(int n) {
        this.maxSize = n;
    }

    public void timeout(Duration d) {
        this.timeout = positive(d, "timeout");
    }

    public void maxWaiting(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("maxWaiting must be 0 (no limit) or more, not " + n);
        }
        this.maxWaiting = n;
    }

    public void maxLifetime(Duration d) {
        this.maxLifetime = positive(d, "maxLifetime");
    }

    public void maxIdle(Duration d) {
        this.maxIdle = positive(d, "maxIdle");
    }

    public void reconnectTimeout(Duration d) {
        this.reconnectTimeout = positive(d, "reconnectTimeout");
    }

    public void name(String n) {
        this.name = Objects.requireNonNull(n, "name");
    }

    public void jmx(boolean on) {
        this.jmx = on;
    }

    public int minSize() {
        return minSize;
    }

    /** The maxSize set, or {@code otherwise} when none was. */
    public int maxSizeOr(int otherwise) {
        return maxSize != null ? maxSize : otherwise;
    }

    /**
     * The settings with the pool's callbacks, sizes already checked by the builder (the rules
     * differ between a pool and a null pool); {@code defaultName} is asked only when no name was set.
     */
    public <K> PoolConfig<K> config(Supplier<String> defaultName, int max, K configure, K reset, K check,
            Runnable reconnectFailed, boolean nullPool, Executor executor) {
        return new PoolConfig<>(conninfo, Collections.unmodifiableMap(new LinkedHashMap<>(kwargs)),
                name != null ? name : defaultName.get(), minSize, max, timeout, maxWaiting, maxLifetime, maxIdle,
                reconnectTimeout, configure, reset, check, reconnectFailed, nullPool, jmx, executor);
    }

    private static Duration positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be a positive duration, not " + d);
        }
        return d;
    }
}
