package io.tusk.internal.pool;

import io.tusk.async.AsyncConnection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

/**
 * The clients of an asynchronous pool waiting for a connection, first come, first served: the
 * twin of the blocking pool's {@link FairQueue}, holding a future per client instead of a
 * parked thread, so that a thousand waiting requests cost a thousand small objects and no
 * thread.
 *
 * <p>Like {@code FairQueue} it has no lock of its own: it lives under the pool's lock. Unlike
 * it, serving a client must not complete its future there (the future's callbacks would run
 * under the lock), so a served or failed client is only set aside; the engine completes it
 * once the lock is released ({@link #takeSettled()}). A waiter leaves the queue either by
 * being served or by its time-out task, never both: whichever takes the lock first removes it,
 * and the other finds it gone.
 */
final class AsyncWaitQueue implements Waiters<PoolEntry<AsyncConnection>> {
    /** One waiting client: completed with the entry it is given. */
    static final class Waiter {
        final CompletableFuture<PoolEntry<AsyncConnection>> future = new CompletableFuture<>();
        final long sinceNanos;
        ScheduledFuture<?> timeout;
        PoolEntry<AsyncConnection> given;
        RuntimeException failure;

        Waiter(long sinceNanos) {
            this.sinceNanos = sinceNanos;
        }

        /** Completes the future as decided; called without the pool's lock. */
        void complete() {
            if (failure != null) {
                future.completeExceptionally(failure);
            } else {
                future.complete(given);
            }
        }
    }

    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private final List<Waiter> settled = new ArrayList<>();

    Waiter enqueue(long nowNanos) {
        Waiter w = new Waiter(nowNanos);
        queue.addLast(w);
        return w;
    }

    @Override
    public boolean handOff(PoolEntry<AsyncConnection> e) {
        Waiter w = queue.pollFirst();
        if (w == null) {
            return false;
        }
        w.given = e;
        settle(w);
        return true;
    }

    @Override
    public void failAll(Supplier<RuntimeException> failure) {
        Waiter w;
        while ((w = queue.pollFirst()) != null) {
            w.failure = failure.get();
            settle(w);
        }
    }

    /** Sets {@code w}, already out of the queue, aside for completion once the lock is released. */
    void settle(Waiter w) {
        if (w.timeout != null) {
            w.timeout.cancel(false);
        }
        settled.add(w);
    }

    /** Takes {@code w} out when it is still waiting (its time-out fired first); false when it was served. */
    boolean remove(Waiter w) {
        return queue.remove(w);
    }

    /** The clients served or failed since the last call, to complete once the lock is released. */
    List<Waiter> takeSettled() {
        if (settled.isEmpty()) {
            return List.of();
        }
        List<Waiter> done = List.copyOf(settled);
        settled.clear();
        return done;
    }

    @Override
    public int size() {
        return queue.size();
    }
}
