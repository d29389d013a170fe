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
 * <p>The protocol side (which answer belongs to which statement, what an error aborts) is the
 * {@link PipelineSegment} exchange the async pipeline drives too; this class only decides when
 * to write and how far to read, and raises a segment's first error once: by the failing
 * statement's fetch, or else by {@link #sync()}.
 *
 * <p>The engine is used only by the thread that holds the session lock for the whole
 * pipeline, so it needs no locking of its own.
 */
public final class PipelineEngine {
    static final int CHUNK_BYTES = 16 * 1024;

    private final Session session;
    private final StatementCache cache;
    /** The segment in progress (from its first statement to its Sync), or null between segments. */
    private PipelineSegment segment;
    /** The sequence number of the last statement of each written chunk with unread answers, oldest first. */
    private final ArrayDeque<Long> chunkEnds = new ArrayDeque<>();
    /** The last statement of the segment encoded, and the last one written. */
    private long queued;
    private long sent;
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
        if (segment != null && segment.aborted()) {
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
        if (statement.estimatedSize() >= CHUNK_BYTES && segment != null) {
            // Written alone, once every earlier answer is read: the server has nothing to say meanwhile.
            sendChunk(true);
            readThrough(sent);
            chunkEnds.clear();
        }
        Deferred d = new Deferred(this, statement, cache);
        add(d);
        return d;
    }

    private void add(Deferred d) {
        if (segment == null) {
            PipelineSegment s = new PipelineSegment(true);
            session.open(s, "a pipeline");
            segment = s;
        }
        d.sequence = segment.add(d.statement, d);
        if (d.sequence < 0) {
            return; // failed at once
        }
        try {
            session.send(segment, segment::writeLast, false);
        } catch (RuntimeException e) {
            segment.unwritable(e);
            throw e;
        }
        queued = d.sequence;
        if (session.stream().buffer().size() >= CHUNK_BYTES) {
            sendChunk(true);
        }
    }

    /**
     * Sends a Sync and reads every answer up to its ReadyForQuery; raises the segment's first
     * error if nobody raised it yet. Nothing happens when nothing was queued since the last sync.
     */
    public void sync() {
        PipelineSegment s = segment;
        if (s == null) {
            return;
        }
        waitForRoom();
        s.sync();
        session.send(s, s::writeSync, true);
        segment = null;
        chunkEnds.clear();
        queued = 0; // the next segment numbers its statements from 1
        sent = 0;
        if (!session.resume(s)) {
            throw new ProtocolViolation("the pipeline's Sync was not answered");
        }
        inTransaction = session.transactionStatus() != io.tusk.TransactionStatus.IDLE;
        boolean raised = firstErrorRaised;
        firstErrorRaised = false;
        DatabaseException e = s.firstError();
        if (e != null && !raised) {
            throw e;
        }
    }

    /** True while a segment is open: a command outside the pipeline must sync it first. */
    public boolean busy() {
        return segment != null;
    }

    /** Reads answers until {@code step} has its own, sending it first if it is still in the buffer. */
    void readUntil(Deferred step) {
        if (step.done || segment == null) {
            return;
        }
        if (step.sequence > sent) {
            sendChunk(true);
        }
        readThrough(step.sequence);
    }

    private void readThrough(long sequence) {
        PipelineSegment s = segment;
        s.readThrough(sequence);
        session.resume(s);
        s.readThrough(Long.MAX_VALUE);
        while (!chunkEnds.isEmpty() && s.answered(chunkEnds.peek())) {
            chunkEnds.poll();
        }
    }

    /** Reads until at most one written chunk has unread answers: then the next one may be written. */
    private void waitForRoom() {
        while (chunkEnds.size() >= 2) {
            readThrough(chunkEnds.peek());
        }
    }

    private void sendChunk(boolean flush) {
        if (session.stream().buffer().size() == 0) {
            return;
        }
        waitForRoom();
        session.send(segment, out -> {
            if (flush) {
                Flush.INSTANCE.encode(out);
            }
        }, true);
        sent = queued;
        chunkEnds.add(queued);
    }

    /** Notes that the first error was thrown to the user, so that sync() does not throw it again. */
    void raised(DatabaseException e) {
        PipelineSegment s = segment;
        if (s != null && e == s.firstError()) {
            firstErrorRaised = true;
        }
    }

    /** A queued statement's results, as a cursor waits for them. */
    public static final class Deferred implements Results, PipelineSegment.Outcome {
        private final PipelineEngine engine;
        private final PlannedStatement statement;
        private final StatementCache cache;
        private long sequence;
        private boolean done;
        private QueryResult result;
        private RuntimeException error;

        Deferred(PipelineEngine engine, PlannedStatement statement, StatementCache cache) {
            this.engine = engine;
            this.statement = statement;
            this.cache = cache;
        }

        @Override
        public void answered(QueryResult r) {
            result = r;
            done = true;
        }

        @Override
        public void failed(RuntimeException e) {
            error = e;
            done = true;
            forgetPrepared();
            if (cache != null && statement.usesPrepared() && e instanceof DatabaseException db && StalePlan.isRetriable(db)) {
                // The server can no longer run it as prepared: prepare it again next time (no
                // retry here: the pipeline is aborted, a retry would run out of order).
                cache.forget(statement.key(), statement.decision().statement());
            }
        }

        private void forgetPrepared() {
            if (cache != null && statement.key() != null) {
                cache.failed(statement.key(), statement.decision());
            }
        }

        @Override
        public boolean ready() {
            return done;
        }

        /** The statement's results, reading the pipeline up to them if needed; throws its error. */
        @Override
        public List<QueryResult> get() {
            engine.readUntil(this);
            if (error != null) {
                if (error instanceof DatabaseException de) {
                    engine.raised(de);
                }
                throw error;
            }
            return List.of(result);
        }
    }
}
