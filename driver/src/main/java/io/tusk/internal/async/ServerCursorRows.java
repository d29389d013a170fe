package io.tusk.internal.async;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One subscription to {@code AsyncServerCursor.rows()}: psycopg's iteration of a named cursor
 * ({@code FETCH FORWARD itersize} per batch, ending after a short batch) driven by demand
 * (Reactive Streams 1.0.4 rules, as {@code java.util.concurrent.Flow} adopts them). A FETCH is
 * sent only when the subscriber asked for more rows than this holds and none is in flight, so
 * at most one batch is held and the rest of the result stays on the server. Signals are serial
 * (one drain at a time, by a work-in-progress counter) on the connection's executor.
 */
final class ServerCursorRows<R> implements Flow.Subscription {
    private final Flow.Subscriber<? super R> subscriber;
    private final Executor executor;
    private final AsyncServerCursorImpl<R> cursor;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final ArrayDeque<R> held = new ArrayDeque<>(); // drain only
    private volatile boolean badRequest;
    /** A FETCH's answer, handed from its stage to the drain. */
    private volatile List<R> arrived;
    private volatile Throwable failed;
    private boolean subscribed;
    private boolean fetching;
    private boolean last;
    private boolean terminated;
    private int batchSize;

    ServerCursorRows(Flow.Subscriber<? super R> subscriber, Executor executor, AsyncServerCursorImpl<R> cursor) {
        this.subscriber = subscriber;
        this.executor = executor;
        this.cursor = cursor;
    }

    /** Calls onSubscribe (on the executor); fetching starts with the first request. */
    void start() {
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

    /** Stops delivering and fetching; a FETCH in flight completes and is dropped. The cursor stays open. */
    @Override
    public void cancel() {
        cancelled.set(true);
        signal();
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
            terminate();
            return;
        }
        if (badRequest) {
            fail(new IllegalArgumentException("Subscription.request(n) needs n > 0 (Reactive Streams rule 3.9)"));
            return;
        }
        if (fetching && (arrived != null || failed != null)) {
            fetching = false;
            if (failed != null) {
                fail(failed);
                return;
            }
            List<R> batch = arrived;
            arrived = null;
            held.addAll(batch);
            last = batch.size() < batchSize; // a short batch: the result is at its end (as psycopg 3)
        }
        while (demand.get() > 0 && !held.isEmpty() && !cancelled.get()) {
            if (demand.get() != Long.MAX_VALUE) {
                demand.decrementAndGet();
            }
            try {
                subscriber.onNext(held.poll());
            } catch (RuntimeException e) {
                // Rule 2.13: a subscriber must not throw; treat it as cancelled.
                System.getLogger("io.tusk.async").log(System.Logger.Level.WARNING,
                        "Flow.Subscriber.onNext threw: the subscription is cancelled", e);
                cancelled.set(true);
            }
        }
        if (cancelled.get()) {
            terminate();
        } else if (held.isEmpty() && last) {
            terminate();
            subscriber.onComplete();
        } else if (held.isEmpty() && demand.get() > 0 && !fetching) {
            fetching = true;
            batchSize = cursor.itersize();
            cursor.fetch(batchSize).whenComplete((rows, e) -> {
                if (e != null) {
                    failed = AsyncConnectionImpl.unwrap(e);
                } else {
                    arrived = rows;
                }
                signal();
            });
        }
    }

    private void terminate() {
        terminated = true;
        cancelled.set(true);
        held.clear();
    }

    private void fail(Throwable e) {
        terminate();
        subscriber.onError(e);
    }
}
