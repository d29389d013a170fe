package io.tusk.internal.copy;

import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Hands what a {@link Source} holds (a COPY's data) to a
 * {@link Flow.Subscriber} as it requests it (Reactive Streams 1.0.4 rules, which
 * {@code java.util.concurrent.Flow} adopts): signals are serial (one drain at a time, by a
 * work-in-progress counter), on the connection's executor, never more {@code onNext} than
 * requested, one terminal signal. Items are made (rows decoded, chunks joined) by {@code next}
 * in the drain, so user loaders run on the executor too.
 */
public final class BufferSubscription<R> implements Flow.Subscription {
    /** What the subscription drains: filled on the loop, taken from by {@code next} on the executor. */
    public interface Source {
        /** True once nothing is held and nothing more will come. */
        boolean finished();

        /** The failure that ended the data, or null (meaningful once finished). */
        Throwable error();

        /** Runs {@code r} once when an item or the end is there: at once if so already, else later (on the loop). */
        void whenReady(Runnable r);
    }

    private static final System.Logger LOG = System.getLogger("io.tusk.async");

    private final Flow.Subscriber<? super R> subscriber;
    private final Executor executor;
    private final Source buffer;
    private final Supplier<R> next;
    private final Runnable onCancel;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile boolean badRequest;
    private boolean subscribed;
    private boolean terminated;


    public BufferSubscription(Flow.Subscriber<? super R> subscriber, Executor executor, Source buffer, Supplier<R> next,
            Runnable onCancel) {
        this.subscriber = subscriber;
        this.executor = executor;
        this.buffer = buffer;
        this.next = next;
        this.onCancel = onCancel;
    }

    /** Calls onSubscribe (on the executor), then delivers as requested. */
    public void start() {
        signal();
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            badRequest = true; // rule 3.9: onError with an IllegalArgumentException
        } else {
            demand.getAndUpdate(d -> d + n < 0 ? Long.MAX_VALUE : d + n);
        }
        signal();
    }

    @Override
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            onCancel.run();
        }
    }

    private void signal() {
        if (wip.getAndIncrement() == 0) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        int missed = 1;
        do {
            if (!terminated) {
                deliver();
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void deliver() {
        if (!subscribed) {
            subscribed = true;
            subscriber.onSubscribe(this);
        }
        if (cancelled.get()) {
            terminated = true;
            return;
        }
        if (badRequest) {
            fail(new IllegalArgumentException("Subscription.request(n) needs n > 0 (Reactive Streams rule 3.9)"));
            return;
        }
        while (demand.get() > 0 && !cancelled.get()) {
            R r;
            try {
                r = next.get();
            } catch (RuntimeException e) {
                fail(e); // a row that cannot be loaded: the rest is not delivered
                return;
            }
            if (r == null) {
                break;
            }
            if (demand.get() != Long.MAX_VALUE) {
                demand.decrementAndGet();
            }
            try {
                subscriber.onNext(r);
            } catch (RuntimeException e) {
                // Rule 2.13: a subscriber must not throw; treat it as cancelled.
                LOG.log(System.Logger.Level.WARNING, "Flow.Subscriber.onNext threw: the subscription is cancelled", e);
                terminated = true;
                cancel();
                return;
            }
        }
        if (cancelled.get()) {
            terminated = true;
        } else if (buffer.finished()) {
            terminated = true;
            cancelled.set(true);
            Throwable e = buffer.error();
            if (e != null) {
                subscriber.onError(e);
            } else {
                subscriber.onComplete();
            }
        } else if (demand.get() > 0) {
            buffer.whenReady(this::signal);
        }
    }

    private void fail(Throwable e) {
        terminated = true;
        cancel();
        subscriber.onError(e);
    }
}
