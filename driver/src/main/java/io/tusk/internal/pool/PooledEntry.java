package io.tusk.internal.pool;

import io.tusk.Connection;

/** A connection the pool owns, with the times the pool decides by. Guarded by the pool's lock. */
final class PooledEntry {
    final Connection conn;
    /** When {@code maxLifetime} (minus its jitter) is over. */
    final long expireAtNanos;
    /** The {@code drain()} generation it was made in: older ones are closed when they come back. */
    final int generation;
    long idleSinceNanos;
    long borrowedAtNanos;

    PooledEntry(Connection conn, long expireAtNanos, int generation) {
        this.conn = conn;
        this.expireAtNanos = expireAtNanos;
        this.generation = generation;
    }

    boolean expired(long nowNanos) {
        return nowNanos - expireAtNanos >= 0;
    }
}
