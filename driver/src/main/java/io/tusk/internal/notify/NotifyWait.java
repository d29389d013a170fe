package io.tusk.internal.notify;

import io.tusk.Notify;
import io.tusk.internal.connection.Session;
import java.time.Duration;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * psycopg's {@code Connection.notifies(timeout, stop_after)}: notifications as a stream that
 * blocks on the socket until one arrives, the overall timeout passes, the count is reached, the
 * stream is closed or the waiting thread is interrupted.
 *
 * <p>Notifications already received during other commands come first, one at a time from the
 * session's queue, so that none is lost when the stream stops early. Then the wait reads the
 * socket itself while holding the session lock: no polling query is sent, and a notification
 * wakes the reader as soon as its bytes arrive. The read is cut into slices of
 * {@link #SLICE} so that a close from another thread or an interrupt (which does not wake a
 * blocked socket read) is seen within that time; a read timeout between or inside messages
 * loses nothing (the framer keeps partial bytes).
 */
public final class NotifyWait implements Spliterator<Notify> {
    /** The longest a close or an interrupt waits to be noticed. */
    static final Duration SLICE = Duration.ofMillis(100);

    private final Supplier<Session> session;
    private final long deadline;
    private final boolean forever;
    private final Integer stopAfter;
    private int delivered;
    private volatile boolean closed;

    private NotifyWait(Supplier<Session> session, Duration timeout, Integer stopAfter) {
        if (timeout != null && timeout.isNegative()) {
            throw new IllegalArgumentException("the timeout must not be negative: " + timeout);
        }
        if (stopAfter != null && stopAfter < 0) {
            throw new IllegalArgumentException("stopAfter must not be negative: " + stopAfter);
        }
        this.session = session;
        this.forever = timeout == null;
        this.deadline = forever ? 0 : System.nanoTime() + timeout.toNanos();
        this.stopAfter = stopAfter;
    }

    /**
     * The stream for {@code Connection.notifies}: {@code timeout} null waits for ever,
     * {@code stopAfter} null has no count.
     */
    public static Stream<Notify> stream(Supplier<Session> session, Duration timeout, Integer stopAfter) {
        NotifyWait w = new NotifyWait(session, timeout, stopAfter);
        return StreamSupport.stream(w, false).onClose(() -> w.closed = true);
    }

    @Override
    public boolean tryAdvance(Consumer<? super Notify> action) {
        if (closed || (stopAfter != null && delivered >= stopAfter)) {
            return false;
        }
        Notify n = next();
        if (n == null) {
            return false;
        }
        delivered++;
        action.accept(n);
        return true;
    }

    /** The next notification, or null once the wait should end. */
    private Notify next() {
        Session s = session.get();
        Notify n = s.queues().pollNotify();
        if (n != null) {
            return n;
        }
        try {
            s.lock().lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        try {
            while ((n = s.queues().pollNotify()) == null) {
                if (closed || Thread.currentThread().isInterrupted()) {
                    return null;
                }
                Duration wait = SLICE;
                if (!forever) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return null;
                    }
                    wait = left < SLICE.toNanos() ? Duration.ofNanos(left) : SLICE;
                }
                s.awaitAsync(wait.toMillis() == 0 ? Duration.ofMillis(1) : wait);
            }
            return n;
        } finally {
            s.lock().unlock();
        }
    }

    @Override
    public Spliterator<Notify> trySplit() {
        return null;
    }

    @Override
    public long estimateSize() {
        return Long.MAX_VALUE;
    }

    @Override
    public int characteristics() {
        return Spliterator.ORDERED | Spliterator.NONNULL;
    }
}
