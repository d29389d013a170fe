package io.tusk.internal.async;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * The clients of an asynchronous pool waiting for a connection, first come, first served: the
 * twin of the blocking pool's {@code FairQueue}, holding a future per client instead of a
 * parked thread, so that a thousand waiting requests cost a thousand small objects and no
 * thread.
 *
 * <p>Like {@code FairQueue} it has no lock of its own: it lives under the pool's lock, so that
 * "is anyone waiting?" and "hand this connection to the first of them" are one step with the
 * rest of the pool's state. A waiter leaves the queue either by being served or by its time-out
 * task, never both: whichever takes the lock first removes it, and the other finds it gone.
 */
final class AsyncWaitQueue {
    /** One waiting client: completed with the entry it is given. */
    static final class Waiter {
        final CompletableFuture<AsyncPoolEntry> future = new CompletableFuture<>();
        final long sinceNanos;
        ScheduledFuture<?> timeout;

        Waiter(long sinceNanos) {
            this.sinceNanos = sinceNanos;
        }
    }

    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();

    Waiter enqueue(long nowNanos) {
        Waiter w = new Waiter(nowNanos);
        queue.addLast(w);
        return w;
    }

    /** The client waiting longest, out of the queue, its time-out cancelled; null when none waits. */
    Waiter poll() {
        Waiter w = queue.pollFirst();
        if (w != null && w.timeout != null) {
            w.timeout.cancel(false);
        }
        return w;
    }

    /** Takes {@code w} out when it is still waiting (its time-out fired first); false when it was served. */
    boolean remove(Waiter w) {
        return queue.remove(w);
    }

    /** Every waiting client, out of the queue (the pool closes). */
    List<Waiter> drain() {
        List<Waiter> all = List.copyOf(queue);
        queue.clear();
        for (Waiter w : all) {
            if (w.timeout != null) {
                w.timeout.cancel(false);
            }
        }
        return all;
    }

    int size() {
        return queue.size();
    }
}
