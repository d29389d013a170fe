package io.tusk.internal.async;

import io.tusk.errors.DatabaseException;
import io.tusk.errors.PipelineAbortedException;
import io.tusk.internal.connection.Exchange;
import io.tusk.internal.connection.QueryResult;
import io.tusk.internal.connection.ServerErrors;
import io.tusk.internal.cursor.PlannedStatement;
import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.backend.ErrorResponse;
import io.tusk.internal.protocol.backend.ReadyForQuery;
import io.tusk.internal.protocol.frontend.Flush;
import io.tusk.internal.protocol.frontend.Sync;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One segment of an asynchronous pipeline, from its first statement to its Sync (protocol
 * "Pipelining" in "Extended Query"), as a single exchange of the {@link AsyncSession}: it stays
 * in flight for the whole segment, so every answer up to the Sync's ReadyForQuery comes to it,
 * and statements executed while it is in flight are appended to the wire behind it
 * ({@link AsyncSession#sendMore}).
 *
 * <p>Each statement is followed by a Flush, so the server answers it at once, and its stage
 * completes without waiting for the Sync. Each answer is read by the statement's own
 * {@code StatementReply}, the same reader the blocking pipeline uses. After an ErrorResponse the
 * server skips everything up to the Sync: the statements between get no answer, and the
 * ReadyForQuery says so; their stages fail with {@link PipelineAbortedException}, as do
 * statements executed after the error was read. The exchange's own result is the segment's
 * first error (or nothing): that is what {@code sync()} reports.
 *
 * <p>Every method runs on the session's loop thread.
 */
final class PipelineSegment implements Exchange<Void> {
    private static final class Step {
        final PlannedStatement statement;
        final CompletableFuture<List<QueryResult>> future;

        Step(PlannedStatement statement, CompletableFuture<List<QueryResult>> future) {
            this.statement = statement;
            this.future = future;
        }
    }

    private final AsyncSession session;
    private final List<Step> unsent = new ArrayList<>();
    private final ArrayDeque<Step> answering = new ArrayDeque<>();
    private boolean started;
    private boolean syncQueued;
    private boolean aborted;
    private DatabaseException firstError;
    /** Why the connection failed under the segment, once it did: statements queued later fail with it at once. */
    private Throwable lost;

    PipelineSegment(AsyncSession session) {
        this.session = session;
    }

    /** Puts the implicit BEGIN in front of every statement (decided when the segment is planned). */
    void begin(PlannedStatement begin) {
        unsent.add(0, new Step(begin, new CompletableFuture<>()));
    }

    /** Queues a statement: written now when the segment is on the wire, else at its start. */
    void add(PlannedStatement statement, CompletableFuture<List<QueryResult>> future) {
        if (lost != null) {
            // The segment already failed: nothing would ever answer this statement.
            future.completeExceptionally(lost);
            return;
        }
        if (aborted) {
            future.completeExceptionally(new PipelineAbortedException("the pipeline is aborted: an earlier statement"
                    + " failed, and the server skips every statement up to the next sync; call sync() and run this"
                    + " statement again"));
            return;
        }
        Step s = new Step(statement, future);
        if (!started) {
            unsent.add(s);
            return;
        }
        answering.add(s);
        try {
            session.sendMore(out -> {
                statement.encode(out);
                Flush.INSTANCE.encode(out);
            });
        } catch (RuntimeException | Error e) {
            // Nothing of it was sent: the statement fails alone and the pipeline goes on.
            answering.removeLastOccurrence(s);
            future.completeExceptionally(e instanceof Error ? e : io.tusk.internal.connection.Session.encodeFailure(e));
        }
    }

    /** Ends the segment with a Sync; the exchange is done at its ReadyForQuery. */
    void sync() {
        syncQueued = true;
        if (started) {
            session.sendMore(Sync.INSTANCE::encode);
        }
    }

    @Override
    public void start(WriteBuffer out) {
        started = true;
        for (Step s : unsent) {
            s.statement.encode(out);
            answering.add(s);
        }
        unsent.clear();
        if (syncQueued) {
            Sync.INSTANCE.encode(out);
        } else {
            Flush.INSTANCE.encode(out);
        }
    }

    @Override
    public boolean handle(BackendMessage m, WriteBuffer out) {
        if (m instanceof ReadyForQuery) {
            if (!syncQueued) {
                throw new ProtocolViolation("ReadyForQuery before the pipeline's Sync");
            }
            Step skipped;
            while ((skipped = answering.poll()) != null) {
                skipped.future.completeExceptionally(new PipelineAbortedException("the statement was not run: an"
                        + " earlier statement of the pipeline failed; run it again after sync()"));
            }
            return true;
        }
        Step head = answering.peek();
        if (head == null) {
            throw new ProtocolViolation("unexpected " + m.getClass().getSimpleName() + " after every pipeline answer");
        }
        if (m instanceof ErrorResponse er) {
            DatabaseException e = ServerErrors.of(er.diagnostic());
            aborted = true;
            if (firstError == null) {
                firstError = e;
            }
            answering.poll();
            head.future.completeExceptionally(e);
            return false;
        }
        if (head.statement.reply().handle(m)) {
            answering.poll();
            head.future.complete(List.of(head.statement.reply().result()));
        }
        return false;
    }

    /** The connection failed or closed under the segment: every statement not answered fails with it. */
    void failAll(Throwable e) {
        lost = e;
        for (Step s : unsent) {
            s.future.completeExceptionally(e);
        }
        for (Step s : answering) {
            s.future.completeExceptionally(e);
        }
        unsent.clear();
        answering.clear();
    }

    @Override
    public Void result() {
        if (firstError != null) {
            throw firstError;
        }
        return null;
    }
}
