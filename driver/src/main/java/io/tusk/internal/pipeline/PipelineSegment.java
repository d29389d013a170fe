package io.tusk.internal.pipeline;

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

/**
 * One segment of a pipeline, from its first statement to its Sync (protocol "Pipelining" in
 * "Extended Query"; psycopg's {@code Pipeline}), as one exchange both front ends drive: it stays
 * in progress for the whole segment, statements are added to it while it is, and each answer
 * goes to its own statement's {@link Outcome}, read by the statement's own
 * {@code StatementReply}.
 *
 * <p>After an ErrorResponse the server skips everything up to the Sync: the statements between
 * get no answer and the ReadyForQuery says so; they fail with {@link PipelineAbortedException},
 * as do statements added after the error was read. The segment remembers its first error
 * ({@link #firstError()}); the front end decides how {@code sync()} reports it.
 *
 * <p>Read by the caller's thread, the segment awaits its caller ({@link #awaitsCaller()}) while
 * no statement waits for an answer (a read would wait for ever: nothing was asked), or once the statements up to the one
 * the caller waits for ({@link #readThrough}) are answered: the blocking pipeline reads only
 * what it needs before writing more (see {@link PipelineEngine} on why that bounds what the
 * server has to send). Once the Sync is written it reads on to the ReadyForQuery.
 */
public final class PipelineSegment implements Exchange<Void> {
    /** How a statement's caller learns its outcome. */
    public interface Outcome {
        void answered(QueryResult result);

        void failed(RuntimeException error);
    }

    private static final class Step {
        final PlannedStatement statement;
        final Outcome outcome;
        final long sequence;

        Step(PlannedStatement statement, Outcome outcome, long sequence) {
            this.statement = statement;
            this.outcome = outcome;
            this.sequence = sequence;
        }
    }

    private final boolean flushEach;
    private final ArrayDeque<Step> unsent = new ArrayDeque<>();
    private final ArrayDeque<Step> answering = new ArrayDeque<>();
    private long queued;
    private long answered;
    private long readThrough = Long.MAX_VALUE;
    private boolean started;
    private boolean syncQueued;
    private boolean done;
    private boolean aborted;
    private DatabaseException firstError;
    /** Why the connection failed under the segment, once it did: statements added later fail with it at once. */
    private Throwable lost;

    /**
     * @param blockingReads the caller's thread reads the answers (the blocking pipeline): it
     *                      sends a Flush per chunk itself, and the segment pauses when a read
     *                      would wait for nothing. Otherwise (the event loop, where reading
     *                      never blocks and a dead server must be seen at once) every statement
     *                      is followed by a Flush, so each is answered at once, and the segment
     *                      never pauses.
     */
    public PipelineSegment(boolean blockingReads) {
        this.flushEach = !blockingReads;
    }

    /**
     * Adds a statement; returns its sequence number, or -1 when it failed at once (the segment
     * is aborted or its connection failed). When the segment is already on the wire the caller
     * must now write it with {@link #writeLast}; before that, {@link #start} writes it.
     */
    public long add(PlannedStatement statement, Outcome outcome) {
        if (lost != null) {
            outcome.failed(lost instanceof RuntimeException r ? r : new RuntimeException(lost));
            return -1;
        }
        if (aborted) {
            outcome.failed(new PipelineAbortedException("the pipeline is aborted: an earlier statement failed, and the"
                    + " server skips every statement up to the next sync; call sync() and run this statement again"));
            return -1;
        }
        Step s = new Step(statement, outcome, ++queued);
        if (started) {
            answering.add(s);
        } else {
            unsent.add(s);
        }
        return s.sequence;
    }

    /** Whether the last statement added must be written by the caller now. */
    public boolean onTheWire() {
        return started;
    }

    /** Writes the statement added last (the segment is on the wire). */
    public void writeLast(WriteBuffer out) {
        answering.peekLast().statement.encode(out);
        if (flushEach) {
            Flush.INSTANCE.encode(out);
        }
    }

    /** The statement added last could not be encoded: nothing of it left, it fails alone and the pipeline goes on. */
    public void unwritable(RuntimeException error) {
        Step s = answering.pollLast();
        queued--;
        s.outcome.failed(error);
    }

    /** Ends the segment with a Sync; returns true when the caller must write it now ({@link #writeSync}). */
    public boolean sync() {
        syncQueued = true;
        return started;
    }

    public void writeSync(WriteBuffer out) {
        Sync.INSTANCE.encode(out);
    }

    /** The statements up to {@code sequence} are what the caller waits for: the segment pauses once they are answered. */
    public void readThrough(long sequence) {
        readThrough = sequence;
    }

    /** Whether the statement {@code sequence} has its answer (or failed). */
    public boolean answered(long sequence) {
        return answered >= sequence || done;
    }

    /** Whether an error of this segment was read: the server skips what follows, up to the Sync. */
    public boolean aborted() {
        return aborted;
    }

    /** Statements added whose answers are not read yet. */
    public boolean hasUnanswered() {
        return !answering.isEmpty() || !unsent.isEmpty();
    }

    @Override
    public void start(WriteBuffer out) {
        started = true;
        Step s;
        while ((s = unsent.poll()) != null) {
            s.statement.encode(out);
            answering.add(s);
        }
        if (syncQueued) {
            Sync.INSTANCE.encode(out);
        } else if (flushEach) {
            Flush.INSTANCE.encode(out);
        }
    }

    @Override
    public boolean awaitsCaller() {
        return !flushEach && !done && !syncQueued && (answering.isEmpty() || answered >= readThrough);
    }

    @Override
    public boolean handle(BackendMessage m, WriteBuffer out) {
        if (m instanceof ReadyForQuery) {
            if (!syncQueued) {
                throw new ProtocolViolation("ReadyForQuery before the pipeline's Sync");
            }
            Step skipped;
            while ((skipped = answering.poll()) != null) {
                // The server skipped it after an earlier error (no answer before the Sync).
                skipped.outcome.failed(new PipelineAbortedException("the statement was not run: an earlier statement"
                        + " of the pipeline failed; run it again after sync()"));
            }
            answered = queued;
            done = true;
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
            answered = head.sequence;
            head.outcome.failed(e);
            return false;
        }
        if (head.statement.reply().handle(m)) {
            answering.poll();
            answered = head.sequence;
            head.outcome.answered(head.statement.reply().result());
        }
        return false;
    }

    /** The first error of the segment, or null. */
    public DatabaseException firstError() {
        return firstError;
    }

    /** The connection failed or closed under the segment: every statement not answered fails with it. */
    public void failAll(Throwable e) {
        lost = e;
        RuntimeException r = e instanceof RuntimeException re ? re : new RuntimeException(e);
        for (Step s : unsent) {
            s.outcome.failed(r);
        }
        for (Step s : answering) {
            s.outcome.failed(r);
        }
        unsent.clear();
        answering.clear();
    }

    @Override
    public Void result() {
        return null;
    }
}
