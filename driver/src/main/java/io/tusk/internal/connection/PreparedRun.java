package io.tusk.internal.connection;

import io.tusk.internal.async.AsyncSession;

import io.tusk.TransactionStatus;
import io.tusk.adapt.AdaptersMap;
import io.tusk.errors.DatabaseException;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.connection.Exchange;
import io.tusk.internal.connection.QueryResult;
import io.tusk.internal.cursor.ExtendedQuery;
import io.tusk.internal.cursor.PlannedStatement;
import io.tusk.internal.cursor.StatementExchange;
import io.tusk.internal.prepare.StalePlan;
import io.tusk.internal.prepare.StalePlan.Retry;
import io.tusk.internal.prepare.StatementCache;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.backend.ReadyForQuery;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One statement with server-side parameters on the asynchronous session, prepared when the
 * connection's statement cache says so: the asynchronous twin of the blocking cursor's
 * {@code runExtended}/{@code runOnce}, with the same messages ({@link ExtendedQuery#plan}) and
 * the same exchange ({@link StatementExchange}).
 *
 * <p>Why the plan is made inside {@link AsyncSession#submit}: that function runs on the loop
 * in the order the exchanges are written, so the cache sees the executions in the order the
 * server will. A Parse is then always written before a Bind of its name, and the Close of an
 * evicted statement after every Bind already written. The cache's answer to the exchange's end
 * (a failed preparation forgotten) is given on the loop too, as the exchange finishes, before
 * any later statement is planned.
 *
 * <p>A prepared statement the server no longer has or can no longer run ("cached plan must not
 * change result type", 0A000; "prepared statement does not exist", 26000, when a
 * {@code DEALLOCATE ALL} was pipelined in front of it) failed before doing anything: it is
 * dropped from the cache and the statement runs once more when that spoils no transaction, as
 * the blocking cursor does: in autocommit (or without a transaction), or when the failed
 * exchange's own BEGIN opened the transaction and nothing else was queued behind it (then
 * {@code ROLLBACK; BEGIN} goes in front of the second try).
 */
final class PreparedRun {
    private final AsyncConnectionImpl conn;
    private final String sql;
    private final Transformer.Params params;
    private final boolean binary;
    private final Boolean prepare;
    private final StatementCache cache;
    private final AdaptersMap adapters;
    private final CompletableFuture<List<QueryResult>> result = new CompletableFuture<>();

    /** @param cache the statement cache, or null to run as the unnamed statement (executemany) */
    private PreparedRun(AsyncConnectionImpl conn, String sql, Transformer.Params params, boolean binary, Boolean prepare,
            StatementCache cache, AdaptersMap adapters) {
        this.conn = conn;
        this.sql = sql;
        this.params = params;
        this.binary = binary;
        this.prepare = prepare;
        this.cache = cache;
        this.adapters = adapters;
    }

    /** Submits {@code sql} ({@code $n} placeholders, parameters dumped); the future completes on the loop. */
    static CompletableFuture<List<QueryResult>> submit(AsyncConnectionImpl conn, String sql, Transformer.Params params,
            boolean binary, Boolean prepare, StatementCache cache, AdaptersMap adapters) {
        PreparedRun run = new PreparedRun(conn, sql, params, binary, prepare, cache, adapters);
        run.attempt(true, false);
        return run.result;
    }

    private void attempt(boolean mayRetry, boolean rollbackFirst) {
        Attempt[] sent = new Attempt[1];
        CompletableFuture<List<QueryResult>> f = conn.session().submit(st -> {
            String begin = conn.beginFor(st);
            if (rollbackFirst && st == TransactionStatus.INERROR) {
                // The transaction this statement's BEGIN opened failed on it alone: start it again.
                String again = conn.beginFor(TransactionStatus.IDLE);
                begin = again == null ? "ROLLBACK" : "ROLLBACK; " + again;
            }
            PlannedStatement ps = ExtendedQuery.plan(sql, params, binary, prepare, cache, adapters);
            sent[0] = new Attempt(new StatementExchange(begin, ps), mayRetry);
            TransactionStatus after = begin == null ? null
                    : begin.equals("ROLLBACK") ? TransactionStatus.IDLE : TransactionStatus.INTRANS;
            return new AsyncSession.Planned<>(sent[0], after);
        });
        f.whenComplete((r, e) -> {
            Attempt a = sent[0];
            if (e == null) {
                result.complete(r);
            } else if (a != null && (a.retry == Retry.AGAIN || a.retry == Retry.AFTER_ROLLBACK)) {
                attempt(false, a.retry == Retry.AFTER_ROLLBACK);
            } else {
                Throwable t = AsyncConnectionImpl.unwrap(e);
                result.completeExceptionally(a != null && a.retry == Retry.EXPLAIN && t instanceof DatabaseException db
                        ? StalePlan.explained(db) : t);
            }
        });
    }


    /**
     * The statement's exchange, with the cache told of its failure in {@link #result()}: that runs
     * on the loop as the exchange ends, before any later statement is planned.
     */
    private final class Attempt implements Exchange<List<QueryResult>> {
        private final StatementExchange x;
        private final boolean mayRetry;
        private Retry retry = Retry.NO;

        Attempt(StatementExchange x, boolean mayRetry) {
            this.x = x;
            this.mayRetry = mayRetry;
        }

        @Override
        public void start(WriteBuffer out) {
            x.start(out);
        }

        @Override
        public boolean handle(BackendMessage m, WriteBuffer out) {
            return x.handle(m, out);
        }

        @Override
        public List<QueryResult> result() {
            try {
                return x.result();
            } catch (DatabaseException e) {
                retry = failed(e);
                throw e;
            }
        }

        private Retry failed(DatabaseException e) {
            PlannedStatement ps = x.statement();
            TransactionStatus st = x.status() == ReadyForQuery.IDLE ? TransactionStatus.IDLE
                    : x.status() == ReadyForQuery.IN_ERROR ? TransactionStatus.INERROR : TransactionStatus.INTRANS;
            // INERROR on the session too (not ACTIVE), on the loop: no other exchange was queued behind this one.
            boolean alone = st != TransactionStatus.INERROR || conn.session().transactionStatus() == TransactionStatus.INERROR;
            return StalePlan.afterFailure(cache, ps.key(), ps.decision(), ps.usesPrepared(), e, mayRetry && alone, x.sentBegin(), st);
        }
    }

}
