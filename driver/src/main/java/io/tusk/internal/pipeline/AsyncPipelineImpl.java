package io.tusk.internal.pipeline;

import io.tusk.internal.connection.AsyncConnectionImpl;
import io.tusk.internal.connection.AsyncCursorImpl;
import io.tusk.internal.async.AsyncSession;

import io.tusk.internal.pipeline.PipelineSegment;

import io.tusk.TransactionStatus;
import io.tusk.async.AsyncConnection;
import io.tusk.async.AsyncCursor;
import io.tusk.async.AsyncPipeline;
import io.tusk.adapt.AdaptersMap;
import io.tusk.errors.DatabaseException;
import io.tusk.errors.InterfaceException;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.connection.QueryResult;
import io.tusk.internal.cursor.ExtendedQuery;
import io.tusk.internal.cursor.PlannedStatement;
import io.tusk.internal.prepare.StalePlan;
import io.tusk.internal.prepare.StatementCache;
import io.tusk.rows.Row;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The asynchronous pipeline: statements are planned as the blocking pipeline plans them
 * ({@link ExtendedQuery#plan} without Sync, prepared by the connection's statement cache) and queued in the current {@link PipelineSegment},
 * which a sync ends. Which segment is current is decided on the loop thread, in the order the
 * calls were made, so a statement executed right after {@code sync()} opens the next segment.
 */
public final class AsyncPipelineImpl implements AsyncPipeline {
    private static final Transformer.Params NO_PARAMS = new Transformer.Params(new int[0], new int[0], new byte[0][]);

    private final AsyncConnectionImpl conn;
    private final AsyncSession session;
    /** The segment statements go to; touched on the loop only. */
    private PipelineSegment current;
    private volatile boolean closed;

    public AsyncPipelineImpl(AsyncConnectionImpl conn) {
        this.conn = conn;
        this.session = conn.session();
    }

    @Override
    public CompletionStage<AsyncCursor<Row>> execute(String query, Object... params) {
        return ((AsyncCursorImpl<Row>) conn.cursor()).inPipeline(query, params, null, this);
    }

    @Override
    public CompletionStage<AsyncCursor<Row>> execute(String query, Map<String, ?> params) {
        return ((AsyncCursorImpl<Row>) conn.cursor()).inPipeline(query, null, params, this);
    }

    /**
     * Queues a statement whose parameters are already dumped; the future completes on the loop.
     * It is planned on the loop, in the order statements go on the wire, with the connection's
     * statement cache, as the blocking pipeline plans with its connection's: a Parse is written
     * before any Bind of its name. A statement whose preparation is not answered yet runs
     * unnamed (see {@code StatementCache.onlyConfirmed}); one that fails or is skipped is
     * reported to the cache, so a preparation that did not happen is forgotten.
     */
    public CompletableFuture<List<QueryResult>> queue(String sql, Transformer.Params params, boolean binary, Boolean prepare,
            AdaptersMap adapters) {
        CompletableFuture<List<QueryResult>> f = new CompletableFuture<>();
        if (closed) {
            f.completeExceptionally(new InterfaceException("this pipeline is closed: open a new one with conn.pipeline()"));
            return f;
        }
        StatementCache cache = conn.statements();
        session.loop().execute(() -> {
            PlannedStatement planned;
            try {
                planned = ExtendedQuery.plan(sql, params == null ? NO_PARAMS : params, binary, prepare, cache, adapters);
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
                return;
            }
            if (planned.key() != null) {
                // On the loop: the segment completes its statements' futures there.
                f.whenComplete((r, e) -> {
                    if (e != null) {
                        forgetFailed(cache, planned, AsyncConnectionImpl.unwrap(e));
                    }
                });
            }
            add(segment(), planned, f);
        });
        return f;
    }

    /**
     * A failed or skipped statement: a statement it was preparing is forgotten; a prepared one
     * the server lost or can no longer run is dropped (the error is raised, as in the blocking
     * pipeline: the segment is aborted, a retry would run out of order).
     */
    private static void forgetFailed(StatementCache cache, PlannedStatement planned, Throwable e) {
        cache.failed(planned.key(), planned.decision());
        if (planned.usesPrepared() && e instanceof DatabaseException db && db.diag() != null
                && StalePlan.isRetriable(db)) {
            cache.forget(planned.key(), planned.decision().statement());
        }
    }

    /** Adds a statement to the segment, writing it now when the segment is on the wire. On the loop. */
    private void add(PipelineSegment seg, PlannedStatement planned, CompletableFuture<List<QueryResult>> f) {
        long sequence = seg.add(planned, new PipelineSegment.Outcome() {
            @Override
            public void answered(QueryResult result) {
                f.complete(List.of(result));
            }

            @Override
            public void failed(RuntimeException error) {
                f.completeExceptionally(error);
            }
        });
        if (sequence < 0 || !seg.onTheWire()) {
            return;
        }
        try {
            session.sendMore(seg::writeLast);
        } catch (RuntimeException e) {
            seg.unwritable(io.tusk.internal.connection.Session.encodeFailure(e));
        }
    }

    /** The current segment, submitted to the session when it is made. On the loop. */
    private PipelineSegment segment() {
        if (current == null) {
            PipelineSegment seg = new PipelineSegment(false);
            current = seg;
            CompletableFuture<Void> done = session.submit(st -> {
                String begin = conn.beginFor(st);
                if (begin != null) {
                    // Planned inline on the loop, before the statement that made the segment is added.
                    add(seg, ExtendedQuery.plan(begin, NO_PARAMS, false, false, null, null), new CompletableFuture<>());
                }
                return new AsyncSession.Planned<>(seg, begin != null ? TransactionStatus.INTRANS : null);
            });
            done.whenComplete((v, e) -> {
                if (e != null) {
                    seg.failAll(AsyncConnectionImpl.unwrap(e));
                }
            });
            segmentDone = done;
        }
        return current;
    }

    /** The exchange future of the current segment; on the loop. */
    private CompletableFuture<Void> segmentDone;

    @Override
    public CompletionStage<Void> sync() {
        CompletableFuture<Void> synced = new CompletableFuture<>();
        session.loop().execute(() -> {
            if (current == null) {
                synced.complete(null); // nothing queued since the last sync
                return;
            }
            PipelineSegment seg = current;
            CompletableFuture<Void> done = segmentDone;
            current = null;
            segmentDone = null;
            if (seg.sync()) {
                session.sendMore(seg::writeSync);
            }
            done.whenComplete((v, e) -> {
                if (e != null) {
                    synced.completeExceptionally(e);
                } else if (seg.firstError() != null) {
                    synced.completeExceptionally(seg.firstError());
                } else {
                    synced.complete(null);
                }
            });
        });
        return conn.deliver(synced);
    }

    @Override
    public CompletionStage<Void> close() {
        if (closed) {
            return CompletableFuture.completedFuture(null);
        }
        CompletionStage<Void> last = sync();
        closed = true;
        return last;
    }

    @Override
    public AsyncConnection connection() {
        return conn;
    }
}
