package io.tusk.internal.async;

import io.tusk.async.AsyncConnection;

/** A connection an asynchronous pool owns, with the times it decides by. Guarded by the pool's lock. */
final class AsyncPoolEntry {
    final AsyncConnection conn;
    /** When {@code maxLifetime} (minus its jitter) is over. */
    final long expireAtNanos;
    long idleSinceNanos;
    long borrowedAtNanos;
    /** The {@code drain()} generation it was made in: older ones are closed when they come back. */
    final int generation;

    AsyncPoolEntry(AsyncConnection conn, long expireAtNanos, int generation) {
        this.conn = conn;
        this.expireAtNanos = expireAtNanos;
        this.generation = generation;
    }

    boolean expired(long nowNanos) {
        return nowNanos - expireAtNanos >= 0;
    }
}
