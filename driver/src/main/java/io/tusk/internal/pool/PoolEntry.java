package io.tusk.internal.pool;

/**
 * A connection a pool owns, with the times {@link PoolState} decides by. Guarded by the
 * pool's lock.
 *
 * @param <C> {@code Connection} or {@code AsyncConnection}: the decisions are the same
 */
public final class PoolEntry<C> {
    final C conn;
    /** When {@code maxLifetime} (minus its jitter) is over. */
    final long expireAtNanos;
    /** The {@code drain()} generation it was made in: older ones are closed when they come back. */
    final int generation;
    long idleSinceNanos;
    long borrowedAtNanos;

    PoolEntry(C conn, long expireAtNanos, int generation) {
        this.conn = conn;
        this.expireAtNanos = expireAtNanos;
        this.generation = generation;
    }

    boolean expired(long nowNanos) {
        return nowNanos - expireAtNanos >= 0;
    }
}
