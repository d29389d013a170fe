package io.tusk.internal.pipeline;

import io.tusk.errors.DatabaseException;
import io.tusk.errors.PipelineAbortedException;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.connection.QueryResult;
import io.tusk.internal.connection.ServerErrors;
import io.tusk.internal.connection.Session;
import io.tusk.internal.cursor.ExtendedQuery;
import io.tusk.internal.cursor.PlannedStatement;
import io.tusk.internal.cursor.Results;
import io.tusk.internal.prepare.StalePlan;
import io.tusk.internal.prepare.StatementCache;
import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.backend.ErrorResponse;
import io.tusk.internal.protocol.backend.ReadyForQuery;
import io.tusk.internal.protocol.frontend.Flush;
import io.tusk.internal.protocol.frontend.Sync;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Pipeline mode on one session (protocol "Pipelining" in "Extended Query"; psycopg's
 * {@code Pipeline}): statements are encoded into the output buffer and queued as steps; the
 * answers are read in order and handed to each step. A Sync step ends a segment.
 *
 * <p>Why it never deadlocks: the server answers while we are still writing. If we wrote an
 * unbounded pipeline in one go, the server's answers would fill its send buffer and our
 * receive buffer, the server would stop reading, our write would block, and both sides would
 * wait for ever. So the output leaves in chunks of about {@value #CHUNK_BYTES} bytes, each
 * ended by Flush (so its answers come without a Sync), and a chunk is written only when at
 * most one earlier chunk still has unread answers: before writing, we read. What the server
 * has not read yet is then at most two chunks, which the kernel's socket buffers hold (Linux
 * gives at least 128 KB to a TCP receive buffer by default), so a write never waits for a
 * server that waits for us. A statement larger than a chunk (a big parameter) is written
 * alone, after every earlier answer has been read: the server then has nothing to say until
 * it has read it.
 *
 * <p>After an ErrorResponse the server skips everything up to the next Sync: the steps
 * between get no answer, and the ReadyForQuery tells us so; they are aborted
 * ({@link PipelineAbortedException}). The first error of a segment is raised once, by the
 * failing step's fetch or by {@link #sync()}.
 *
 * <p>The engine is used only by the thread that holds the session lock for the whole
 * pipeline, so it needs no locking of its own.
 */
public final class PipelineEngine {
    static final int CHUNK_BYTES = 16 * 1024;

    private final Session session;
    private final StatementCache cache;
    private final ArrayDeque<Step> pending = new ArrayDeque<>();
    /** The sequence number of the last step of each written chunk with unread answers, oldest first. */
    private final ArrayDeque<Long> chunkEnds = new ArrayDeque<>();
    private long queued;
    private long completed;
    private long sent;
    private boolean aborted;
    private DatabaseException firstError;
    private boolean firstErrorRaised;
    private boolean inTransaction;
    private int depth;

    public PipelineEngine(Session session, StatementCache cache) {
        this.session = session;
        this.cache = cache;
        this.inTransaction = session.transactionStatus() != io.tusk.TransactionStatus.IDLE;
    }

    public Session session() {
        return session;
    }

    /** One more pipeline block on this engine; returns the new depth. */
    public int enter() {
        return ++depth;
    }

    /** One block less; returns the depth left (0: the pipeline is over). */
    public int exit() {
        return --depth;
    }

    /** True when a transaction is open or its BEGIN is queued (so no implicit BEGIN is due). */
    public boolean inTransaction() {
        return inTransaction;
    }

    /**
     * Raises {@link PipelineAbortedException} when an error of this segment was read: the
     * server would skip the statement. Call it before planning one.
     */
    public void checkNotAborted() {
        if (aborted) {
            throw new PipelineAbortedException("the pipeline is aborted: an earlier statement failed, and the server"
                    + " skips every statement up to the next sync; call Pipeline.sync() and run this statement again");
        }
    }

    /** Queues a statement, after a BEGIN when {@code begin} is not null; returns its results to come. */
    public Deferred enqueue(String begin, PlannedStatement statement) {
        checkNotAborted();
        if (begin != null) {
            PlannedStatement b = ExtendedQuery.plan(begin, new Transformer.Params(new int[0], new int[0], new byte[0][]),
                    false, false, null, null);
            add(new Deferred(this, b, null));
            inTransaction = true;
        }
        if (statement.estimatedSize() >= CHUNK_BYTES) {
            sendChunk(true);
            while (!chunkEnds.isEmpty()) {
                readOne();
            }
        }
        Deferred d = new Deferred(this, statement, cache);
        add(d);
        return d;
    }

    private void add(Step step) {
        WriteBuffer out = session.stream().buffer();
        step.encode(out);
        step.sequence = ++queued;
        pending.add(step);
        session.pipelineStatus(null);
        if (out.size() >= CHUNK_BYTES) {
            sendChunk(true);
        }
    }

    /**
     * Sends a Sync and reads every answer up to its ReadyForQuery; raises the segment's first
     * error if nobody raised it yet.
     */
    public void sync() {
        add(new SyncStep());
        sendChunk(false);
        while (!pending.isEmpty()) {
            readOne();
        }
        aborted = false;
        DatabaseException e = firstError;
        boolean raised = firstErrorRaised;
        firstError = null;
        firstErrorRaised = false;
        if (e != null && !raised) {
            throw e;
        }
    }

    /** True when statements are queued or answers unread (a command outside the pipeline must sync first). */
    public boolean busy() {
        return !pending.isEmpty() || session.stream().hasPendingOutput();
    }

    /** Reads answers until {@code step} has its own, sending it first if it is still in the buffer. */
    void readUntil(Step step) {
        if (step.done) {
            return;
        }
        if (step.sequence > sent) {
            sendChunk(true);
        }
        while (!step.done) {
            readOne();
        }
    }

    private void sendChunk(boolean flush) {
        WriteBuffer out = session.stream().buffer();
        if (out.size() == 0) {
            return;
        }
        if (flush) {
            Flush.INSTANCE.encode(out);
        }
        while (chunkEnds.size() >= 2) {
            readOne();
        }
        session.flushOutput();
        sent = queued;
        chunkEnds.add(queued);
    }

    private void readOne() {
        if (pending.isEmpty() || chunkEnds.isEmpty()) {
            throw new ProtocolViolation("the pipeline waits for an answer to nothing it sent");
        }
        BackendMessage m = session.nextMessage();
        while (true) {
            Step head = pending.peek();
            if (head == null) {
                throw new ProtocolViolation("unexpected " + m.getClass().getSimpleName() + " after every pipeline answer");
            }
            if (m instanceof ReadyForQuery rfq && !(head instanceof SyncStep)) {
                // The server skipped this statement after an earlier error (no answer before Sync).
                head.abort();
                complete();
                continue;
            }
            if (m instanceof ErrorResponse er && head instanceof Deferred d) {
                DatabaseException e = ServerErrors.of(er.diagnostic());
                aborted = true;
                if (firstError == null) {
                    firstError = e;
                }
                d.failed(e);
                complete();
                return;
            }
            if (head.handle(m)) {
                complete();
                if (m instanceof ReadyForQuery rfq && pending.isEmpty()) {
                    session.pipelineStatus(rfq);
                    inTransaction = rfq != ReadyForQuery.IDLE;
                }
            }
            return;
        }
    }

    private void complete() {
        Step s = pending.poll();
        s.done = true;
        completed = s.sequence;
        while (!chunkEnds.isEmpty() && chunkEnds.peek() <= completed) {
            chunkEnds.poll();
        }
    }

    /** Notes that the first error was thrown to the user, so that sync() does not throw it again. */
    void raised(DatabaseException e) {
        if (e == firstError) {
            firstErrorRaised = true;
        }
    }

    /** One queued unit of the pipeline: its messages, and the reading of its answer. */
    abstract static class Step {
        long sequence;
        boolean done;

        abstract void encode(WriteBuffer out);

        /** Takes one message of its answer; true when it was the last. */
        abstract boolean handle(BackendMessage m);

        /** The server skipped it. */
        abstract void abort();
    }

    private static final class SyncStep extends Step {
        @Override
        void encode(WriteBuffer out) {
            Sync.INSTANCE.encode(out);
        }

        @Override
        boolean handle(BackendMessage m) {
            if (m instanceof ReadyForQuery) {
                return true;
            }
            throw new ProtocolViolation("unexpected " + m.getClass().getSimpleName() + " before a pipeline's ReadyForQuery");
        }

        @Override
        void abort() {
            throw new IllegalStateException("a Sync is never skipped");
        }
    }

    /** A queued statement's results, as a cursor waits for them. */
    public static final class Deferred extends Step implements Results {
        private final PipelineEngine engine;
        private final PlannedStatement statement;
        private final StatementCache cache;
        private RuntimeException error;

        Deferred(PipelineEngine engine, PlannedStatement statement, StatementCache cache) {
            this.engine = engine;
            this.statement = statement;
            this.cache = cache;
        }

        @Override
        void encode(WriteBuffer out) {
            statement.encode(out);
        }

        @Override
        boolean handle(BackendMessage m) {
            return statement.reply().handle(m);
        }

        void failed(DatabaseException e) {
            error = e;
            forgetPrepared();
            if (cache != null && statement.usesPrepared() && StalePlan.isRetriable(e)) {
                // The server can no longer run it as prepared: prepare it again next time (no
                // retry here: the pipeline is aborted, a retry would run out of order).
                cache.forget(statement.key(), statement.decision().statement());
            }
        }

        @Override
        void abort() {
            error = new PipelineAbortedException("the statement was not run: an earlier statement of the pipeline failed;"
                    + " run it again after Pipeline.sync()");
            forgetPrepared();
        }

        private void forgetPrepared() {
            if (cache != null && statement.key() != null) {
                cache.failed(statement.key(), statement.decision());
            }
        }

        /** The statement's results, reading the pipeline up to them if needed; throws its error. */
        @Override
        public boolean ready() {
            return done;
        }

        @Override
        public List<QueryResult> get() {
            engine.readUntil(this);
            if (error != null) {
                if (error instanceof DatabaseException de) {
                    engine.raised(de);
                }
                throw error;
            }
            return List.of(statement.reply().result());
        }
    }
}
