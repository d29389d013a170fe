package io.tusk.internal.stream;

import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands rows to a {@link Flow.Subscriber} as it requests them (Reactive Streams 1.0.4 rules,
 * which {@code java.util.concurrent.Flow} adopts): signals are serial (one drain at a time, by a
 * work-in-progress counter), on the connection's executor, never more {@code onNext} than
 * requested, one terminal signal. A subclass says where rows come from: a streamed statement's
 * {@link RowBuffer}, a server cursor's FETCH batches. Items are made by {@link #next()} in the
 * drain, so user loaders run on the executor too.
 */
public abstract class DemandSubscription<R> implements Flow.Subscription {
    private static final System.Logger LOG = System.getLogger("io.tusk.async");

    private final Flow.Subscriber<? super R> subscriber;
    private final Executor executor;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile boolean badRequest;
    private boolean subscribed;
    private boolean terminated;

    protected DemandSubscription(Flow.Subscriber<? super R> subscriber, Executor executor) {
        this.subscriber = subscriber;
        this.executor = executor;
    }

    /** The next row, or null when none is there now (in the drain; may throw: onError). */
    protected abstract R next();

    /** True once no row is left and none will come; then {@link #error()} says how it ended. */
    protected abstract boolean finished();

    /** The failure that ended the rows, or null for onComplete (asked once {@link #finished()}). */
    protected abstract Throwable error();

    /**
     * Demand is left and no row is there: arrange for {@link #signal()} when one is (in the drain).
     * Called again on every drain that finds none, so it must not ask twice for the same rows.
     */
    protected abstract void await();

    /** The subscriber cancelled (or failed): called once, on any thread. */
    protected void cancelled() {
    }

    /** Calls onSubscribe (on the executor), then delivers as requested. */
    public final void start() {
        signal();
    }

    @Override
    public final void request(long n) {
        if (n <= 0) {
            badRequest = true; // rule 3.9: onError with an IllegalArgumentException
        } else {
            demand.getAndUpdate(d -> d + n < 0 ? Long.MAX_VALUE : d + n);
        }
        signal();
    }

    @Override
    public final void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            cancelled();
        }
        signal();
    }

    /** Runs a drain on the executor unless one runs already (then it drains once more). */
    protected final void signal() {
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
                r = next();
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
        } else if (finished()) {
            terminated = true;
            cancelled.set(true);
            Throwable e = error();
            if (e != null) {
                subscriber.onError(e);
            } else {
                subscriber.onComplete();
            }
        } else if (demand.get() > 0) {
            await();
        }
    }

    private void fail(Throwable e) {
        terminated = true;
        cancel();
        subscriber.onError(e);
    }
}
