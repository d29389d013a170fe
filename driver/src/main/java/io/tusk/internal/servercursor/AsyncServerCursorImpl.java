package io.tusk.internal.servercursor;

import io.tusk.Column;
import io.tusk.TransactionStatus;
import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.AdaptersMap;
import io.tusk.async.AsyncServerCursor;
import io.tusk.errors.DatabaseException;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.connection.AsyncConnectionImpl;
import io.tusk.internal.async.AsyncSession;
import io.tusk.internal.connection.Exchange;
import io.tusk.internal.connection.QueryResult;
import io.tusk.internal.protocol.backend.DataRow;
import io.tusk.internal.protocol.backend.RowDescription;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import io.tusk.internal.stream.RowDecoder;
import io.tusk.rows.RowFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * The asynchronous named cursor: the same exchanges ({@link CursorRequests}: DECLARE + Describe,
 * FETCH FORWARD, MOVE, CLOSE) and the same state and rules ({@link CursorState}) as the blocking
 * {@link ServerCursorImpl}, submitted to the {@link AsyncSession}. Whether an implicit BEGIN is
 * due and whether a cursor without hold is still alive are decided on the loop with the status
 * the session will be in when the request reaches the server, so operations issued without
 * waiting run in order. The state is updated on the loop as the answers arrive, in order; rows
 * are decoded on the executor.
 */
public final class AsyncServerCursorImpl<R>  extends CursorState<R> implements AsyncServerCursor<R> {
    private static final Object[] NO_PARAMS = new Object[0];

    private final AsyncConnectionImpl conn;
    private final Executor executor;
    private final String quoted;
    private final AdaptersMap adapters;

    /**
     * @param executor where the user's stages complete (the connection's)
     * @param adapters the connection's adapters: the cursor's own layer over them
     */
    public AsyncServerCursorImpl(AsyncConnectionImpl conn, Executor executor, AdaptersMap adapters, String name,
            RowFactory<R> rowFactory) {
        super(name, rowFactory);
        this.conn = conn;
        this.executor = executor;
        this.quoted = quoted();
        this.adapters = adapters.child();
    }


    // ---- DECLARE

    @Override
    public CompletionStage<AsyncServerCursor<R>> execute(String sql) {
        return execute(sql, NO_PARAMS);
    }

    @Override
    public CompletionStage<AsyncServerCursor<R>> execute(String query, Object... params) {
        return declare(query, params, null);
    }

    @Override
    public CompletionStage<AsyncServerCursor<R>> execute(String query, Map<String, ?> params) {
        return declare(query, null, params);
    }

    private CompletionStage<AsyncServerCursor<R>> declare(String query, Object[] positional, Map<String, ?> named) {
        List<FrontendMessage> messages;
        try {
            checkOpen();
            checkDeclare(conn.autocommit());
            messages = CursorRequests.declare(name(), quoted, scrollable(), withhold(), query, positional, named,
                    transformer());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // nothing was sent
        }
        executing(true);
        CompletableFuture<RowDescription> f = conn.session().submit(st -> planned(st,
                begin -> CursorRequests.declareExchange(begin, messages)));
        CompletableFuture<RowDescription> done = f.whenComplete((rd, e) -> { // on the loop, in order
            if (e != null) {
                executing(false); // as the blocking cursor: a failed DECLARE may be tried again
            } else {
                declared(rd);
            }
        });
        return deliver(done, rd -> this);
    }

    /** An exchange with the implicit BEGIN due at {@code st} (outside autocommit, no transaction open). */
    private <T> AsyncSession.Planned<T> planned(TransactionStatus st, Function<String, Exchange<T>> exchange) {
        String begin = conn.beginFor(st);
        return new AsyncSession.Planned<>(exchange.apply(begin), begin != null ? TransactionStatus.INTRANS : null);
    }

    // ---- FETCH

    /** One FETCH FORWARD of {@code count} rows (all when negative), decoded on the executor. */
    CompletionStage<List<R>> fetch(int count) {
        try {
            checkOpen();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        boolean bin = binary();
        CompletableFuture<List<QueryResult>> f = conn.session().submit(st -> {
            checkAlive(st);
            touched();
            return planned(st, begin -> CursorRequests.checkedFetch(begin, this, count, bin));
        });
        CompletableFuture<Batch<R>> batch = f.thenApply(results -> // on the loop, in order
                new Batch<>(results.get(results.size() - 1).rows(), fetched(results, bin, this::transformer)));
        return deliver(batch, Batch::decode);
    }

    /** The rows of one FETCH with the decoder of their shape. */
    private record Batch<R>(List<DataRow> rows, RowDecoder<R> decoder) {
        List<R> decode() {
            List<R> out = new ArrayList<>(rows.size());
            for (DataRow d : rows) {
                out.add(decoder.decode(d));
            }
            return out;
        }
    }

    @Override
    public CompletionStage<R> fetchone() {
        return fetch(1).thenApply(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    @Override
    public CompletionStage<List<R>> fetchmany(int size) {
        try {
            checkFetchSize(size);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return fetch(size);
    }

    @Override
    public CompletionStage<List<R>> fetchmany() {
        return fetchmany(arraysize());
    }

    @Override
    public CompletionStage<List<R>> fetchall() {
        return fetch(-1);
    }

    @Override
    public Flow.Publisher<R> rows() {
        return subscriber -> new ServerCursorRows<>(subscriber, executor, this).start();
    }

    // ---- MOVE

    @Override
    public CompletionStage<Void> scroll(int value) {
        return scroll(value, "relative");
    }

    @Override
    public CompletionStage<Void> scroll(int value, String mode) {
        boolean absolute;
        try {
            absolute = CursorRequests.absolute(mode);
            checkOpen();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<List<QueryResult>> f = conn.session().submit(st -> {
            checkAlive(st);
            touched();
            return planned(st, begin -> CursorRequests.move(begin, quoted, value, mode));
        });
        CompletableFuture<List<QueryResult>> moved = f.thenApply(r -> { // on the loop, in order
            moved(value, absolute);
            return r;
        });
        return deliver(moved, r -> null);
    }

    // ---- CLOSE

    @Override
    public CompletionStage<Void> close() {
        if (!markClosed()) {
            return CompletableFuture.completedFuture(null);
        }
        AsyncSession s = conn.session();
        if (s.isClosed() || s.isBroken()) {
            return CompletableFuture.completedFuture(null);
        }
        Closing[] how = new Closing[1];
        CompletableFuture<List<QueryResult>> f = s.submit(st -> {
            how[0] = closing(st);
            Exchange<List<QueryResult>> x = switch (how[0]) {
                case NOTHING -> null; // the failed or ended transaction takes (took) the cursor with it
                case CLOSE, CLOSE_IF_THERE -> CursorRequests.close(quoted);
                case LOOK -> CursorRequests.exists(name(), transformer());
            };
            return new AsyncSession.Planned<>(x, null);
        });
        CompletableFuture<Void> done = f.handle((r, e) -> {
            if (e != null) {
                Throwable cause = unwrap(e);
                // Outside a transaction a holdable cursor may be gone already (the rollback of the
                // transaction that declared it removed it): nothing to close, no transaction failed.
                if (how[0] == Closing.CLOSE_IF_THERE && cause instanceof DatabaseException d
                        && "34000".equals(d.sqlstate())) {
                    return CompletableFuture.<Void>completedFuture(null);
                }
                return CompletableFuture.<Void>failedFuture(cause);
            }
            if (how[0] == Closing.LOOK && !r.isEmpty() && !r.get(0).rows().isEmpty()) {
                return s.submit(st -> new AsyncSession.Planned<>(CursorRequests.close(quoted), null)).thenApply(x -> (Void) null);
            }
            return CompletableFuture.<Void>completedFuture(null);
        }).thenCompose(Function.identity());
        return deliver(done, v -> null);
    }


    // ---- state and options















    @Override
    public AdaptersMap adapters() {
        return adapters;
    }

    @Override
    public String toString() {
        return describe("AsyncServerCursor");
    }

    // ---- helpers

    /**
     * The user's stage: completed on the executor with {@code then} applied there; cancelling it
     * while the command runs sends a CancelRequest (see {@link AsyncConnectionImpl#deliver}).
     */
    private <T, U> CompletionStage<U> deliver(CompletableFuture<T> f, Function<T, U> then) {
        CompletableFuture<T> delivered = conn.deliver(f);
        CompletableFuture<U> out = delivered.thenApply(then);
        out.whenComplete((r, e) -> {
            if (out.isCancelled()) {
                delivered.cancel(true);
            }
        });
        return out;
    }

    private Transformer transformer() {
        AsyncSession s = conn.session();
        return new Transformer(adapters, AdaptContext.of(s.charset(), s.parameters()));
    }

    private void checkOpen() {
        checkOpen(conn.closedByUser());
    }

    static Throwable unwrap(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
