package io.tusk.internal.servercursor;

import io.tusk.internal.stream.DemandSubscription;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * One subscription to {@code AsyncServerCursor.rows()}: psycopg's iteration of a named cursor
 * ({@code FETCH FORWARD itersize} per batch, ending after a short batch) driven by demand. A
 * FETCH is sent only when the subscriber asked for more rows than this holds and none is in
 * flight, so at most one batch is held and the rest of the result stays on the server.
 * Cancelling stops delivering and fetching; a FETCH in flight completes and is dropped, and the
 * cursor stays open.
 */
final class ServerCursorRows<R> extends DemandSubscription<R> {
    private final AsyncServerCursorImpl<R> cursor;
    private final ArrayDeque<R> held = new ArrayDeque<>(); // drain only
    /** A FETCH's answer, handed from its stage to the drain. */
    private volatile List<R> arrived;
    private volatile Throwable failed;
    private boolean fetching;
    private boolean last;
    private int batchSize;

    ServerCursorRows(Flow.Subscriber<? super R> subscriber, Executor executor, AsyncServerCursorImpl<R> cursor) {
        super(subscriber, executor);
        this.cursor = cursor;
    }

    @Override
    protected R next() {
        List<R> batch = arrived;
        if (fetching && batch != null) {
            fetching = false;
            arrived = null;
            held.addAll(batch);
            last = batch.size() < batchSize; // a short batch: the result is at its end (as psycopg 3)
        }
        return held.poll();
    }

    @Override
    protected boolean finished() {
        return held.isEmpty() && (last || failed != null);
    }

    @Override
    protected Throwable error() {
        return failed;
    }

    @Override
    protected void await() {
        if (fetching) {
            return; // its answer signals
        }
        fetching = true;
        batchSize = cursor.itersize();
        cursor.fetch(batchSize).whenComplete((rows, e) -> {
            if (e != null) {
                failed = AsyncServerCursorImpl.unwrap(e);
            } else {
                arrived = rows;
            }
            signal();
        });
    }
}
