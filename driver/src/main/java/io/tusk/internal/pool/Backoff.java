package io.tusk.internal.pool;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The reconnection schedule of a pool: psycopg_pool's {@code ReconnectionAttempt}. The first
 * retry waits 1 s ± 10 %, each following one twice as long as the one before, and no wait goes
 * past the moment the attempt gives up ({@code reconnectTimeout} after the first failure).
 *
 * <p>The jitter keeps many pools (or many connections of one pool) that lost the server at the
 * same instant from knocking on it again all at once.
 */
public final class Backoff {
    static final long INITIAL_DELAY_NANOS = 1_000_000_000L;
    static final double DELAY_JITTER = 0.1;
    static final double DELAY_BACKOFF = 2.0;

    private final long giveUpAtNanos;
    private final DoubleSupplier random;
    private long delayNanos;

    /**
     * @param startNanos when the first attempt failed ({@link System#nanoTime()})
     * @param reconnectTimeout how long to keep trying
     * @param random values in [0, 1) for the jitter
     */
    public Backoff(long startNanos, Duration reconnectTimeout, DoubleSupplier random) {
        this.giveUpAtNanos = startNanos + reconnectTimeout.toNanos();
        this.random = random;
    }

    /** True once the time to keep trying is over: the pool then calls {@code reconnectFailed}. */
    public boolean expired(long nowNanos) {
        return nowNanos - giveUpAtNanos >= 0;
    }

    /** How long to wait before the next attempt, made at {@code nowNanos}. */
    public long nextDelayNanos(long nowNanos) {
        if (delayNanos == 0) {
            double factor = 1.0 - DELAY_JITTER + 2 * DELAY_JITTER * random.getAsDouble();
            delayNanos = Math.max(1, (long) (INITIAL_DELAY_NANOS * factor));
        } else {
            delayNanos = (long) (delayNanos * DELAY_BACKOFF);
        }
        long remaining = giveUpAtNanos - nowNanos;
        if (delayNanos > remaining) {
            delayNanos = Math.max(0, remaining);
        }
        return delayNanos;
    }
}
