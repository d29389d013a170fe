package io.tusk.internal.pool;

import java.util.function.Supplier;

/**
 * The clients of a pool waiting for a connection, as {@link PoolState} sees them: it counts
 * them, serves the one waiting longest and fails them all when the pool closes, and never
 * learns how they wait. The blocking pool's {@link FairQueue} parks a thread per client; the
 * asynchronous pool's {@link AsyncWaitQueue} holds a future per client.
 *
 * <p>Every method is called with the pool's lock held, so that "is anyone waiting?" and "give
 * this connection to the first of them" are one step with the rest of the pool's state.
 *
 * @param <T> what is handed out
 */
public interface Waiters<T> {
    /** Clients waiting now. */
    int size();

    /** Gives {@code value} to the client waiting longest; false when nobody waits. */
    boolean handOff(T value);

    /** Fails every waiting client with a failure made by {@code failure}. */
    void failAll(Supplier<RuntimeException> failure);
}
