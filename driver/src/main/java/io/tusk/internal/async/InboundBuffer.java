package io.tusk.internal.async;

import java.util.ArrayDeque;
import java.util.function.ToIntFunction;

/**
 * What the server sent for a slow consumer (rows of a stream, data of a COPY TO STDOUT), held
 * between the I/O thread that fills it and the consumer that takes from it. Above a bound
 * (items or bytes) reading from the socket pauses ({@link NioPipe#pauseReading}: OP_READ off),
 * so the kernel's buffers fill and TCP flow control makes the server wait; it resumes when the
 * consumer took half of it. Memory stays bounded however slow the consumer is.
 *
 * <p>{@link #add} and {@link #end} run on the loop; {@link #poll} and {@link #whenReady} on any
 * thread. The lock is held only for a few field updates.
 */
final class InboundBuffer<T> {
    private final AsyncSession session;
    private final ToIntFunction<T> sizer;
    private final int maxItems;
    private final long maxBytes;
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private long bytes;
    private boolean paused;
    private boolean ended;
    private boolean discarding;
    private Throwable error;
    private Runnable waiter;
    private int peakItems;
    private long peakBytes;

    InboundBuffer(AsyncSession session, ToIntFunction<T> sizer, int maxItems, long maxBytes) {
        this.session = session;
        this.sizer = sizer;
        this.maxItems = maxItems;
        this.maxBytes = maxBytes;
    }

    /** One more item from the server (on the loop); pauses reading when the bound is passed. */
    void add(T item) {
        Runnable w;
        synchronized (this) {
            if (discarding || ended) {
                return;
            }
            items.add(item);
            bytes += sizer.applyAsInt(item);
            peakItems = Math.max(peakItems, items.size());
            peakBytes = Math.max(peakBytes, bytes);
            if (!paused && (items.size() >= maxItems || bytes >= maxBytes)) {
                paused = true;
                session.pauseReading(true); // on the loop: at once, before the next read
            }
            w = waiter;
            waiter = null;
        }
        if (w != null) {
            w.run();
        }
    }

    /** Nothing more will come (on the loop): reading resumes, as no more can be buffered here. */
    void end(Throwable failure) {
        Runnable w;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            error = failure;
            if (paused) {
                paused = false;
                session.pauseReading(false);
            }
            w = waiter;
            waiter = null;
        }
        if (w != null) {
            w.run();
        }
    }

    /** The next item, or null when none is buffered now; reading resumes below half the bound. */
    T poll() {
        synchronized (this) {
            T t = items.poll();
            if (t != null) {
                bytes -= sizer.applyAsInt(t);
                resumeIfLow();
            }
            return t;
        }
    }

    /** The next item's size, or -1 when none is buffered. */
    synchronized int peekSize() {
        T t = items.peek();
        return t == null ? -1 : sizer.applyAsInt(t);
    }

    /** Drops what is buffered and what comes later (a cancelled consumer); reading resumes. */
    void discard() {
        synchronized (this) {
            discarding = true;
            items.clear();
            bytes = 0;
            resumeIfLow();
            waiter = null;
        }
    }

    private void resumeIfLow() {
        if (paused && items.size() <= maxItems / 2 && bytes <= maxBytes / 2) {
            paused = false;
            // Re-checked on the loop: the loop may have paused again meanwhile.
            session.loop().execute(() -> {
                synchronized (this) {
                    if (!paused) {
                        session.pauseReading(false);
                    }
                }
            });
        }
    }

    /**
     * Runs {@code r} once when an item or the end is there: at once (on the caller) if so
     * already, else later on the loop thread (so {@code r} must only hand work to an executor).
     */
    void whenReady(Runnable r) {
        synchronized (this) {
            if (items.isEmpty() && !ended) {
                waiter = r;
                return;
            }
        }
        r.run();
    }

    /** True once nothing is buffered and nothing more will come. */
    synchronized boolean finished() {
        return ended && items.isEmpty();
    }

    /** True once the server's answer ended (items may still be buffered). */
    synchronized boolean ended() {
        return ended;
    }

    /** The failure that ended the data, or null (meaningful once {@link #finished()}). */
    synchronized Throwable error() {
        return error;
    }

    /** The most items held at once (tests check the bound). */
    synchronized int peakItems() {
        return peakItems;
    }

    /** The most bytes held at once. */
    synchronized long peakBytes() {
        return peakBytes;
    }
}
