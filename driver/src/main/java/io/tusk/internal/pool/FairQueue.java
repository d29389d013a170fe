package io.tusk.internal.pool;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The clients waiting for a connection, served first come, first served (psycopg_pool's
 * {@code _waiting} deque of {@code WaitingClient}s).
 *
 * <p>It lives under the pool's lock instead of having its own so that "is anyone waiting?" and
 * "give this connection to the first of them" are one atomic step with the rest of the pool's
 * state: a connection is never put back among the idle ones while a client waits, and a client
 * that times out at the very moment it is served keeps what it was given instead of losing it.
 * Each waiter has its own {@link Condition}, so a hand-off wakes exactly the client it serves.
 *
 * @param <T> what is handed out
 */
public final class FairQueue<T> implements Waiters<T> {
    /** One waiting client. */
    public static final class Waiter<T> {
        private final Condition served;
        private T value;
        private RuntimeException failure;

        Waiter(Condition served) {
            this.served = served;
        }
    }

    private final ReentrantLock lock;
    private final ArrayDeque<Waiter<T>> queue = new ArrayDeque<>();

    public FairQueue(ReentrantLock lock) {
        this.lock = lock;
    }

    /** Puts a new client at the end of the queue. The lock must be held. */
    public Waiter<T> enqueue() {
        assert lock.isHeldByCurrentThread();
        Waiter<T> w = new Waiter<>(lock.newCondition());
        queue.addLast(w);
        return w;
    }

    /** Gives {@code value} to the client waiting longest; false when nobody waits. The lock must be held. */
    @Override
    public boolean handOff(T value) {
        assert lock.isHeldByCurrentThread();
        Waiter<T> w = queue.pollFirst();
        if (w == null) {
            return false;
        }
        w.value = value;
        w.served.signal();
        return true;
    }

    /** Wakes every waiting client with a failure made by {@code failure}. The lock must be held. */
    @Override
    public void failAll(Supplier<RuntimeException> failure) {
        assert lock.isHeldByCurrentThread();
        Waiter<T> w;
        while ((w = queue.pollFirst()) != null) {
            w.failure = failure.get();
            w.served.signal();
        }
    }

    /** Clients waiting now. The lock must be held. */
    @Override
    public int size() {
        return queue.size();
    }

    /**
     * Waits, with the lock held, until {@code w} is served or {@code timeoutNanos} pass. Returns
     * what it was given, or null on time-out (the waiter has then left the queue).
     *
     * @throws RuntimeException the failure given to {@link #failAll}
     * @throws InterruptedException when interrupted before being served (the waiter has left)
     */
    public T await(Waiter<T> w, long timeoutNanos) throws InterruptedException {
        assert lock.isHeldByCurrentThread();
        long left = timeoutNanos;
        try {
            while (w.value == null && w.failure == null && left > 0) {
                left = w.served.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            if (w.value != null) { // served in the same instant: keep it, remember the interrupt
                Thread.currentThread().interrupt();
                return w.value;
            }
            queue.remove(w);
            throw e;
        }
        if (w.failure != null) {
            throw w.failure;
        }
        if (w.value == null) {
            queue.remove(w);
        }
        return w.value;
    }
}
