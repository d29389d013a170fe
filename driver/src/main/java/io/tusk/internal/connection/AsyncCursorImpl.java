package io.tusk.internal.connection;

import io.tusk.internal.pipeline.AsyncPipelineImpl;
import io.tusk.internal.async.AsyncSession;

import io.tusk.Column;
import io.tusk.TransactionStatus;
import io.tusk.adapt.AdaptersMap;
import io.tusk.async.AsyncCursor;
import io.tusk.errors.ProgrammingException;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.connection.Exchange;
import io.tusk.internal.connection.QueryExchange;
import io.tusk.internal.connection.QueryResult;
import io.tusk.internal.cursor.ExtendedQuery;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import io.tusk.internal.protocol.frontend.Query;
import io.tusk.internal.query.ParsedQuery;
import io.tusk.internal.query.QueryParser;
import io.tusk.internal.stream.RowDecoder;
import io.tusk.rows.RowFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The asynchronous client-side cursor: the statement's exchange is the blocking cursor's
 * (a simple Query, or {@link ExtendedQuery}'s Parse/Bind/Describe/Execute with its Sync, after
 * an implicit BEGIN when one is due); rows are loaded when fetched, as {@code CursorImpl} does.
 * Not meant for concurrent use by several threads (like psycopg's cursors).
 */
public final class AsyncCursorImpl<R> implements AsyncCursor<R> {
    private static final Object[] NO_PARAMS = new Object[0];

    private final AsyncConnectionImpl conn;
    private final RowFactory<R> rowFactory;
    private final AdaptersMap adapters;
    private Transformer transformer;
    private List<QueryResult> results = List.of();
    private int index = -1;
    private QueryResult current;
    /** The current result's shape: columns, loaders and row maker, chosen once (null: no rows). */
    private RowDecoder<R> decoder;
    private int position;
    private long batchRowcount = -1;
    private volatile boolean binary;
    /** psycopg's {@code prepare} argument, for every execution of this cursor: TRUE, FALSE or null (automatic). */
    private volatile Boolean prepare;

    AsyncCursorImpl(AsyncConnectionImpl conn, RowFactory<R> rowFactory) {
        this.conn = conn;
        this.rowFactory = rowFactory;
        this.adapters = conn.adapters().child();
    }

    @Override
    public CompletionStage<AsyncCursor<R>> execute(String sql) {
        return execute(sql, NO_PARAMS);
    }

    @Override
    public CompletionStage<AsyncCursor<R>> execute(String query, Object... params) {
        if (params == null || params.length == 0) {
            return withoutParams(query);
        }
        return bound(query, params, null);
    }

    @Override
    public CompletionStage<AsyncCursor<R>> execute(String query, Map<String, ?> params) {
        if (params == null || params.isEmpty()) {
            return withoutParams(query);
        }
        return bound(query, null, params);
    }

    /**
     * A statement without parameters: the simple protocol (several statements allowed), unless
     * it asks for binary results or to be prepared, which only the extended protocol does (one
     * statement then, as the blocking cursor and psycopg 3).
     */
    private CompletionStage<AsyncCursor<R>> withoutParams(String sql) {
        if (binary || Boolean.TRUE.equals(prepare)) {
            transformer = newTransformer();
            return apply(PreparedRun.submit(conn, sql, transformer.dump(NO_PARAMS, null), binary, prepare,
                    conn.statements(), adapters), -1);
        }
        return apply(simple(sql), -1);
    }

    /** Loaders and dumpers for this execution: timestamptz follows the session's TimeZone, as in the blocking cursor. */
    private Transformer newTransformer() {
        return new Transformer(adapters, io.tusk.adapt.AdaptContext.of(conn.session().charset(), conn.session().parameters()));
    }

    private CompletableFuture<List<QueryResult>> simple(String sql) {
        transformer = newTransformer();
        return conn.session().submit(st -> {
            String begin = conn.beginFor(st);
            if (begin == null) {
                return new AsyncSession.Planned<>(new QueryExchange(List.<FrontendMessage>of(new Query(sql)), 1), null);
            }
            Exchange<List<QueryResult>> x = new io.tusk.internal.connection.BeginThen(begin, sql);
            return new AsyncSession.Planned<>(x, TransactionStatus.INTRANS);
        });
    }

    private CompletionStage<AsyncCursor<R>> bound(String query, Object[] positional, Map<String, ?> named) {
        transformer = newTransformer();
        CompletableFuture<List<QueryResult>> f;
        try {
            f = extended(query, positional, named, transformer, conn.statements());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // a parameter error: nothing was sent
        }
        return apply(f, -1);
    }

    /**
     * One statement with parameters bound on the server; the values are dumped here, before
     * anything is sent. Prepared as {@code cache} decides ({@link PreparedRun}); null: unnamed.
     */
    private CompletableFuture<List<QueryResult>> extended(String query, Object[] positional, Map<String, ?> named,
            Transformer tx, io.tusk.internal.prepare.StatementCache cache) {
        ParsedQuery q = QueryParser.parse(query);
        Object[] values = positional != null ? q.order(positional) : q.order(named);
        Transformer.Params params = tx.dump(values, q.formats());
        return PreparedRun.submit(conn, q.postgresQuery(), params, binary, cache == null ? Boolean.FALSE : prepare, cache,
                adapters);
    }

    /**
     * Runs a statement in an {@link AsyncPipelineImpl}: its values are dumped here, before
     * anything is queued, and it always goes as extended-query messages (as in the blocking pipeline).
     */
    public CompletionStage<AsyncCursor<R>> inPipeline(String query, Object[] positional, Map<String, ?> named,
            AsyncPipelineImpl pipeline) {
        transformer = newTransformer();
        CompletableFuture<List<QueryResult>> f;
        try {
            boolean none = (positional == null || positional.length == 0) && (named == null || named.isEmpty());
            if (none) {
                f = pipeline.queue(query, null, binary, prepare, adapters);
            } else {
                ParsedQuery q = QueryParser.parse(query);
                Object[] values = positional != null ? q.order(positional) : q.order(named);
                f = pipeline.queue(q.postgresQuery(), transformer.dump(values, q.formats()), binary, prepare, adapters);
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // a parameter error: nothing was queued
        }
        return apply(f, -1);
    }

    @Override
    public CompletionStage<AsyncCursor<R>> executemany(String query, Iterable<?> paramsSeq) {
        // As the blocking executemany: the unnamed statement, never counted for preparation.
        transformer = newTransformer();
        List<CompletableFuture<List<QueryResult>>> all = new ArrayList<>();
        try {
            Iterator<?> it = paramsSeq.iterator();
            while (it.hasNext()) {
                Object p = it.next();
                if (p instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, ?> named = (Map<String, ?>) m;
                    all.add(extended(query, null, named, transformer, null));
                } else if (p instanceof Object[] a) {
                    all.add(extended(query, a, null, transformer, null));
                } else if (p instanceof List<?> l) {
                    all.add(extended(query, l.toArray(), null, transformer, null));
                } else {
                    throw new ProgrammingException("executemany() takes parameter sets as Object[], List or Map, not "
                            + (p == null ? "null" : p.getClass().getName()));
                }
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        // Every statement is already sent: pipelined, each with its own Sync.
        // allOf() would report any one of the failures: the first in order is the cause of the
        // others (25P02 after it inside a transaction), so that one is raised.
        CompletableFuture<List<QueryResult>> total = CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]))
                .handle((v, e) -> {
                    for (CompletableFuture<List<QueryResult>> f : all) {
                        if (f.isCompletedExceptionally()) {
                            f.join();
                        }
                    }
                    return List.<QueryResult>of();
                });
        long[] count = new long[1];
        return apply(total.thenApply(v -> {
            for (CompletableFuture<List<QueryResult>> f : all) {
                for (QueryResult r : f.join()) {
                    count[0] += Math.max(0, r.rowCount());
                }
            }
            return v;
        }), -2).thenApply(c -> {
            batchRowcount = count[0];
            return c;
        });
    }

    private CompletionStage<AsyncCursor<R>> apply(CompletableFuture<List<QueryResult>> f, long batch) {
        CompletableFuture<List<QueryResult>> delivered = conn.deliver(f);
        CompletableFuture<AsyncCursor<R>> out = delivered.thenApply(results -> {
            this.results = results;
            this.index = -1;
            this.batchRowcount = batch == -2 ? 0 : -1;
            if (!nextset()) {
                current = null;
                decoder = null;
            }
            return this;
        });
        // Cancelling the stage the user holds cancels the command (a CancelRequest, see deliver()).
        out.whenComplete((r, e) -> {
            if (out.isCancelled()) {
                delivered.cancel(true);
            }
        });
        return out;
    }

    // ---- streaming (back-pressured results)

    @Override
    public java.util.concurrent.Flow.Publisher<R> stream(String query, Object... params) {
        return new io.tusk.internal.stream.AsyncRowStream<>(conn, conn.executor(), adapters, rowFactory, query, params, null);
    }

    @Override
    public java.util.concurrent.Flow.Publisher<R> stream(String query, Map<String, ?> params) {
        return new io.tusk.internal.stream.AsyncRowStream<>(conn, conn.executor(), adapters, rowFactory, query, null, params);
    }

    @Override
    public boolean nextset() {
        if (index + 1 >= results.size()) {
            return false;
        }
        current = results.get(++index);
        position = 0;
        decoder = current.description() == null ? null : new RowDecoder<>(current.description(), transformer, rowFactory);
        return true;
    }

    @Override
    public CompletionStage<R> fetchone() {
        try {
            checkRows();
            return CompletableFuture.completedFuture(position < current.rows().size() ? row(position++) : null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<List<R>> fetchmany(int size) {
        try {
            checkRows();
            int n = Math.max(0, Math.min(size, current.rows().size() - position));
            List<R> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(row(position++));
            }
            return CompletableFuture.completedFuture(out);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<List<R>> fetchall() {
        return fetchmany(Integer.MAX_VALUE);
    }

    private void checkRows() {
        if (current == null || current.description() == null) {
            throw new ProgrammingException("the last operation didn't produce rows: execute a query that returns rows first");
        }
    }

    private R row(int i) {
        return decoder.decode(current.rows().get(i));
    }

    @Override
    public List<Column> description() {
        RowDecoder<R> d = decoder;
        return d == null ? null : d.columns();
    }

    @Override
    public long rowcount() {
        if (batchRowcount >= 0) {
            return batchRowcount;
        }
        return current == null ? -1 : current.rowCount();
    }

    @Override
    public String statusmessage() {
        return current == null ? null : current.statusMessage();
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
    public Boolean prepare() {
        return prepare;
    }

    @Override
    public AsyncCursor<R> setPrepare(Boolean prepare) {
        this.prepare = prepare;
        return this;
    }

}
