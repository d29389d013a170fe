package io.tusk.internal.stream;

import io.tusk.errors.Diagnostic;
import io.tusk.errors.ProgrammingException;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.connection.Session;
import io.tusk.internal.cursor.ExtendedQuery;
import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.backend.CommandComplete;
import io.tusk.internal.protocol.backend.DataRow;
import io.tusk.internal.protocol.backend.EmptyQueryResponse;
import io.tusk.internal.protocol.backend.ErrorResponse;
import io.tusk.internal.protocol.backend.NoData;
import io.tusk.internal.protocol.backend.PortalSuspended;
import io.tusk.internal.protocol.backend.ReadyForQuery;
import io.tusk.internal.protocol.backend.RowDescription;
import io.tusk.internal.protocol.frontend.Close;
import io.tusk.internal.protocol.frontend.Describe;
import io.tusk.internal.protocol.frontend.Execute;
import io.tusk.internal.protocol.frontend.Flush;
import io.tusk.internal.protocol.frontend.Parse;
import io.tusk.internal.protocol.frontend.Query;
import io.tusk.internal.protocol.frontend.Sync;
import io.tusk.rows.RowFactory;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The rows of one statement read as they arrive, in constant memory (psycopg 3's
 * {@code cursor.stream()}). The statement runs in the unnamed portal with
 * {@code Execute(maxRows = batch)} and Flush instead of Sync (protocol "Extended Query": a
 * portal that reaches its row limit answers PortalSuspended and waits for the next Execute;
 * without a Sync the implicit transaction, and so the portal, stays open even in autocommit
 * mode). DataRows are decoded one by one straight from the socket, so memory does not grow with
 * the batch either; the batch only bounds what an early close has to skip.
 *
 * <p>The session is driven ({@link Session#startDriven}) from the open until the final
 * ReadyForQuery: other threads' commands wait, and the opening thread gets a clear error if it
 * tries another command. Closing early sends Close(portal) + Sync and skips the rest of the
 * current batch (at most {@code batch} rows): no cancel request is needed, because a suspended
 * portal runs nothing while it waits.
 */
final class PortalStream<R> implements Iterator<R>, AutoCloseable {
    private final Session session;
    private final Transformer transformer;
    private final RowFactory<R> factory;
    private final int batch;
    private final Thread owner = Thread.currentThread();
    /** A BEGIN rides in front: its CommandComplete and ReadyForQuery come first. */
    private boolean beginPending;
    private RowDecoder<R> decoder;
    private R next;
    private Diagnostic error;
    private boolean syncSent;
    private boolean finished;

    private PortalStream(Session session, Transformer transformer, RowFactory<R> factory, int batch, boolean begin) {
        this.session = session;
        this.transformer = transformer;
        this.factory = factory;
        this.batch = batch;
        this.beginPending = begin;
    }

    /**
     * Sends the statement and reads up to its description, so that a statement the server
     * refuses fails here. The caller holds the session lock; it is kept until the stream ends,
     * and released here if the statement fails.
     */
    static <R> PortalStream<R> open(Session session, String begin, String sql, Transformer.Params params,
            boolean binary, int batch, Transformer transformer, RowFactory<R> factory) {
        try {
            session.startDriven("a stream (cursor.stream())");
        } catch (RuntimeException e) {
            session.lock().unlock();
            throw e;
        }
        PortalStream<R> s = new PortalStream<>(session, transformer, factory, batch, begin != null);
        try {
            if (begin != null) {
                session.stream().send(new Query(begin));
            }
            session.stream().send(new Parse("", sql, params.oids())).send(ExtendedQuery.bind(params, binary))
                    .send(Describe.portal("")).send(new Execute("", batch)).send(Flush.INSTANCE);
            session.flushOutput();
            s.readDescription();
        } catch (RuntimeException e) {
            RuntimeException thrown = s.failure(e);
            s.abandon(thrown);
            throw thrown;
        }
        return s;
    }

    private void readDescription() {
        while (decoder == null && !finished) {
            BackendMessage m = session.nextMessage();
            if (m instanceof RowDescription rd) {
                decoder = new RowDecoder<>(rd, transformer, factory);
            } else if (m == NoData.INSTANCE) {
                return; // a statement without rows: the stream is empty
            } else {
                handleOther(m);
            }
        }
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (finished) {
            return false;
        }
        checkThread();
        try {
            return advance();
        } catch (RuntimeException e) {
            RuntimeException thrown = failure(e);
            abandon(thrown);
            throw thrown;
        }
    }

    @Override
    public R next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the stream has no more rows");
        }
        R r = next;
        next = null;
        return r;
    }

    private boolean advance() {
        while (!finished) {
            BackendMessage m = session.nextMessage();
            if (m instanceof DataRow d) {
                if (decoder == null) {
                    throw new ProtocolViolation("DataRow for a statement the server described as returning no rows (NoData)");
                }
                next = decoder.decode(d);
                return true;
            } else if (m == PortalSuspended.INSTANCE) {
                // The batch is done and the portal waits: ask for the next one.
                session.stream().send(new Execute("", batch)).send(Flush.INSTANCE);
                session.flushOutput();
            } else if (m instanceof RowDescription rd) {
                decoder = new RowDecoder<>(rd, transformer, factory);
            } else {
                handleOther(m);
            }
        }
        return false;
    }

    /** Everything but rows: the end of the BEGIN or of the statement, errors, ReadyForQuery. */
    private void handleOther(BackendMessage m) {
        if (m instanceof CommandComplete || m == EmptyQueryResponse.INSTANCE) {
            if (!beginPending) {
                sync();
            }
        } else if (m instanceof ErrorResponse e) {
            error = error == null ? e.diagnostic() : error;
            if (!beginPending) {
                sync(); // the server skips everything up to the Sync after an error
            }
        } else if (m instanceof ReadyForQuery) {
            if (beginPending) {
                beginPending = false;
                return;
            }
            finish();
            if (error != null) {
                throw session.serverError(error);
            }
        }
        // ParseComplete, BindComplete, NoData, CloseComplete: nothing to do.
    }

    private void sync() {
        if (!syncSent) {
            syncSent = true;
            session.stream().send(Sync.INSTANCE);
            session.flushOutput();
        }
    }

    /**
     * Stops early: Close of the portal and Sync, then everything up to ReadyForQuery is skipped
     * (the rest of the batch in flight). An error among them is not raised: the stream was not
     * read that far; the transaction status shows it.
     */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        checkThread();
        try {
            drain();
        } finally {
            if (!finished) {
                finish();
            }
        }
    }

    private void drain() {
        if (session.isBroken()) {
            return;
        }
        if (!syncSent) {
            syncSent = true;
            session.stream().send(Close.portal("")).send(Sync.INSTANCE);
            session.flushOutput();
        }
        while (true) {
            BackendMessage m = session.nextMessage();
            if (m instanceof ReadyForQuery) {
                if (beginPending) {
                    beginPending = false;
                    continue;
                }
                break;
            }
        }
        finish();
    }

    /**
     * What a failure while reading becomes: a violation of the protocol (or an exception that is
     * not Tusk's, from a malformed message) ends the connection, since the rest of the answer can
     * no longer be trusted; a loader's error or the server's leaves it to {@link #abandon}.
     */
    private RuntimeException failure(RuntimeException e) {
        if (e instanceof ProtocolViolation || !(e instanceof io.tusk.errors.TuskException)) {
            return session.brokenBy(e);
        }
        return e;
    }

    /** After a failure: puts the session back in step if it can, and releases it. */
    private void abandon(RuntimeException cause) {
        if (finished) {
            return;
        }
        try {
            if (!session.isBroken()) {
                drain();
            }
        } catch (RuntimeException e) {
            if (e != cause) {
                cause.addSuppressed(e);
            }
        } finally {
            if (!finished) {
                finish();
            }
        }
    }

    private void finish() {
        finished = true;
        next = null;
        session.endDriven();
        session.lock().unlock();
    }

    private void checkThread() {
        if (Thread.currentThread() != owner) {
            throw new ProgrammingException("a stream is read and closed on the thread that opened it (it holds the"
                    + " connection until it ends): pass the rows, not the stream, to other threads");
        }
    }
}
