package io.tusk.internal.async;

import io.tusk.Column;
import io.tusk.TransactionStatus;
import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.AdaptersMap;
import io.tusk.async.AsyncServerCursor;
import io.tusk.errors.DatabaseException;
import io.tusk.errors.InterfaceException;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.connection.Exchange;
import io.tusk.internal.connection.QueryResult;
import io.tusk.internal.cursor.Columns;
import io.tusk.internal.protocol.backend.DataRow;
import io.tusk.internal.protocol.backend.RowDescription;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import io.tusk.internal.servercursor.CursorRequests;
import io.tusk.internal.stream.RowDecoder;
import io.tusk.rows.RowFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * The asynchronous named cursor: the blocking {@code ServerCursorImpl}'s exchanges
 * ({@link CursorRequests}: DECLARE + Describe, FETCH FORWARD, MOVE, CLOSE) submitted to the
 * {@link AsyncSession}. Whether an implicit BEGIN is due and whether a cursor without hold is
 * still alive are decided on the loop with the status the session will be in when the request
 * reaches the server, so operations issued without waiting run in order. The cursor's state
 * (position, rowcount, decoder) is updated on the loop as the answers arrive, in order; rows are
 * decoded on the executor.
 */
final class AsyncServerCursorImpl<R> implements AsyncServerCursor<R> {
    private static final Object[] NO_PARAMS = new Object[0];

    private final AsyncConnectionImpl conn;
    private final String name;
    private final String quoted;
    private final RowFactory<R> rowFactory;
    private final AdaptersMap adapters;
    private volatile Boolean scrollable;
    private volatile boolean withhold;
    private volatile int itersize = 100;
    private volatile int arraysize = 1;
    private volatile boolean binary;
    /** execute() was called (and did not fail): a second one is refused, FETCH checks the transaction. */
    private volatile boolean executed;
    /** A FETCH or MOVE was sent (loop): the cursor may have been declared elsewhere, CLOSE may be due. */
    private volatile boolean touched;
    private volatile boolean closed;
    private volatile Transformer transformer;
    private volatile RowDescription described;
    private volatile RowDecoder<R> decoder;
    private volatile boolean decoderBinary;
    private volatile long position;
    private volatile long rowcount = -1;
    private volatile String statusmessage;

    AsyncServerCursorImpl(AsyncConnectionImpl conn, String name, RowFactory<R> rowFactory) {
        this.conn = conn;
        this.name = name;
        this.quoted = CursorRequests.quote(name);
        this.rowFactory = rowFactory;
        this.adapters = conn.adapters().child();
    }

    @Override
    public String name() {
        return name;
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
            if (executed) {
                throw CursorRequests.executedTwice(name);
            }
            if (conn.autocommit() && !withhold) {
                throw CursorRequests.outsideTransaction(name);
            }
            transformer = transformer();
            messages = CursorRequests.declare(name, quoted, scrollable, withhold, query, positional, named, transformer);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // nothing was sent
        }
        executed = true;
        CompletableFuture<RowDescription> f = conn.session().submit(st -> planned(st,
                begin -> CursorRequests.declareExchange(begin, messages)));
        CompletableFuture<RowDescription> done = f.whenComplete((rd, e) -> { // on the loop, in order
            if (e != null) {
                executed = false; // as the blocking cursor: a failed DECLARE may be tried again
                return;
            }
            described = rd;
            decoder = null;
            position = 0;
            rowcount = 0;
            statusmessage = "DECLARE CURSOR";
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
        boolean bin = binary;
        CompletableFuture<List<QueryResult>> f = conn.session().submit(st -> {
            checkAlive(st);
            touched = true;
            return planned(st, begin -> CursorRequests.fetch(begin, quoted, count, bin));
        });
        CompletableFuture<Batch<R>> batch = f.thenApply(results -> { // on the loop, in order
            QueryResult r = checkedFetch(results);
            if (r.description() != null && (decoder == null || decoderBinary != bin)) {
                decoder = new RowDecoder<>(r.description(), transformer(), rowFactory);
                decoderBinary = bin;
            }
            position += r.rows().size();
            rowcount = Math.max(rowcount, 0) + r.rows().size();
            statusmessage = r.statusMessage();
            return new Batch<>(r.rows(), decoder);
        });
        return deliver(batch, Batch::decode);
    }

    /**
     * The FETCH's own result, its rows checked against their shape on the loop: an answer the
     * protocol does not allow ends the session with a ProtocolViolation.
     */
    private QueryResult checkedFetch(List<QueryResult> results) {
        io.tusk.internal.protocol.ProtocolViolation v = null;
        QueryResult r = results.isEmpty() ? null : results.get(results.size() - 1);
        if (r == null) {
            v = new io.tusk.internal.protocol.ProtocolViolation("FETCH was answered without a result");
        } else if (!r.rows().isEmpty()) {
            RowDescription d = r.description() != null ? r.description() : decoder == null ? null : decoder.description();
            if (d == null) {
                v = new io.tusk.internal.protocol.ProtocolViolation("FETCH returned rows without a RowDescription");
            } else {
                for (DataRow row : r.rows()) {
                    if (row.size() != d.fields().length) {
                        v = new io.tusk.internal.protocol.ProtocolViolation("DataRow has " + row.size()
                                + " columns but its RowDescription announced " + d.fields().length);
                        break;
                    }
                }
            }
        }
        if (v != null) {
            conn.session().lost(v);
            throw v;
        }
        return r;
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
        if (size < 0) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("fetchmany size must be 0 or more, not " + size));
        }
        return fetch(size);
    }

    @Override
    public CompletionStage<List<R>> fetchmany() {
        return fetchmany(arraysize);
    }

    @Override
    public CompletionStage<List<R>> fetchall() {
        return fetch(-1);
    }

    @Override
    public Flow.Publisher<R> rows() {
        return subscriber -> new ServerCursorRows<>(subscriber, conn.executor(), this).start();
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
            touched = true;
            return planned(st, begin -> CursorRequests.move(begin, quoted, value, mode));
        });
        CompletableFuture<List<QueryResult>> moved = f.thenApply(r -> { // on the loop, in order
            position = absolute ? value : position + value;
            return r;
        });
        return deliver(moved, r -> null);
    }

    // ---- CLOSE

    /** What close decided on the loop: nothing to send, CLOSE, CLOSE ignoring 34000 (outside a transaction), or look first. */
    private enum Closing { NOTHING, CLOSE, CLOSE_IF_THERE, LOOK }

    @Override
    public CompletionStage<Void> close() {
        if (closed) {
            return CompletableFuture.completedFuture(null);
        }
        closed = true;
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
                case LOOK -> CursorRequests.exists(name, transformer());
            };
            return new AsyncSession.Planned<>(x, null);
        });
        CompletableFuture<Void> done = f.handle((r, e) -> {
            if (e != null) {
                Throwable cause = AsyncConnectionImpl.unwrap(e);
                // Outside a transaction a holdable cursor may be gone already (the rollback of the
                // transaction that declared it removed it): nothing to close, no transaction failed.
                if (how[0] == Closing.CLOSE_IF_THERE && cause instanceof DatabaseException d && "34000".equals(d.sqlstate())) {
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

    /** As the blocking close: decided with the status at the time CLOSE would reach the server. */
    private Closing closing(TransactionStatus st) {
        if (!(executed || touched) || st == TransactionStatus.INERROR || (st == TransactionStatus.IDLE && !withhold)) {
            return Closing.NOTHING;
        }
        if (!executed) {
            return Closing.LOOK; // a cursor declared elsewhere may be closed already: CLOSE would fail the transaction
        }
        return st == TransactionStatus.IDLE ? Closing.CLOSE_IF_THERE : Closing.CLOSE;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    // ---- state and options

    @Override
    public List<Column> description() {
        RowDecoder<R> d = decoder;
        if (d != null) {
            return d.columns();
        }
        RowDescription rd = described;
        return rd == null ? null : Columns.describe(rd);
    }

    @Override
    public long rowcount() {
        return rowcount;
    }

    @Override
    public int rownumber() {
        return executed || touched ? (int) Math.min(Integer.MAX_VALUE, position) : -1;
    }

    @Override
    public String statusmessage() {
        return statusmessage;
    }

    @Override
    public Boolean scrollable() {
        return scrollable;
    }

    @Override
    public void setScrollable(Boolean scrollable) {
        checkNotExecuted("scrollable");
        this.scrollable = scrollable;
    }

    @Override
    public boolean withhold() {
        return withhold;
    }

    @Override
    public void setWithhold(boolean withhold) {
        checkNotExecuted("withhold");
        this.withhold = withhold;
    }

    @Override
    public int itersize() {
        return itersize;
    }

    @Override
    public void setItersize(int itersize) {
        if (itersize < 1) {
            throw new IllegalArgumentException("itersize must be at least 1, not " + itersize);
        }
        this.itersize = itersize;
    }

    @Override
    public int arraysize() {
        return arraysize;
    }

    @Override
    public void setArraysize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("arraysize must be at least 1, not " + size);
        }
        arraysize = size;
    }

    @Override
    public boolean binary() {
        return binary;
    }

    @Override
    public void setBinary(boolean binary) {
        this.binary = binary;
    }

    @Override
    public AdaptersMap adapters() {
        return adapters;
    }

    @Override
    public String toString() {
        return "AsyncServerCursor[" + quoted + (closed ? ", closed" : executed ? ", declared" : "") + "]";
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
        if (closed) {
            throw CursorRequests.closed(name);
        }
        if (conn.closedByUser()) {
            throw new InterfaceException("the connection is closed");
        }
    }

    /** On the loop, with the status the FETCH/MOVE will meet: a cursor without hold ended with its transaction. */
    private void checkAlive(TransactionStatus st) {
        if (executed && !withhold && st == TransactionStatus.IDLE) {
            throw CursorRequests.notValidAnymore(name);
        }
    }

    private void checkNotExecuted(String what) {
        if (executed) {
            throw CursorRequests.setAfterExecute(what, name);
        }
    }
}
