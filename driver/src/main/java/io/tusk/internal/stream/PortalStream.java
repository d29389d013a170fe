package io.tusk.internal.stream;

import io.tusk.errors.ProgrammingException;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.connection.Session;
import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.backend.DataRow;
import io.tusk.rows.RowFactory;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The blocking way to wait for a {@link PortalExchange} (psycopg 3's {@code cursor.stream()}):
 * an iterator that resumes the exchange ({@link Session#resume}) whenever it needs the next
 * row. The exchange holds one row at a time, a view of the framer's buffer decoded here before
 * anything more is read, so memory does not grow with the result or with the batch; the batch
 * only bounds what an early close has to skip.
 *
 * <p>The session is paced ({@link Session#open}) from the open until the final ReadyForQuery:
 * other threads' commands wait for the lock, and the opening thread gets a clear error if it
 * tries another command. Closing early abandons the exchange (Close(portal) + Sync) and skips
 * the rest of the current batch (at most {@code batch} rows).
 */
final class PortalStream<R> implements Iterator<R>, AutoCloseable {
    private final Session session;
    private final PortalExchange exchange;
    private final Transformer transformer;
    private final RowFactory<R> factory;
    private final Thread owner = Thread.currentThread();
    private RowDecoder<R> decoder;
    private R next;
    private boolean done;
    private boolean finished;

    private PortalStream(Session session, PortalExchange exchange, Transformer transformer, RowFactory<R> factory) {
        this.session = session;
        this.exchange = exchange;
        this.transformer = transformer;
        this.factory = factory;
    }

    /**
     * Sends the statement and reads up to its description, so that a statement the server
     * refuses fails here. The caller holds the session lock; it is kept until the stream ends,
     * and released here if the statement fails.
     */
    static <R> PortalStream<R> open(Session session, String begin, String sql, Transformer.Params params,
            boolean binary, int batch, Transformer transformer, RowFactory<R> factory) {
        PortalExchange x = new PortalExchange(begin, sql, params, binary, batch, new RowBuffer(1, Long.MAX_VALUE, false),
                true, null, null);
        PortalStream<R> s = new PortalStream<>(session, x, transformer, factory);
        try {
            s.done = session.open(x, "a stream (cursor.stream())");
        } catch (RuntimeException e) {
            s.finished = true;
            session.lock().unlock(); // nothing is paced any more: the session broke or nothing was sent
            throw e;
        }
        try {
            x.takeDescription();
            if (s.done) {
                s.end(); // the statement failed (or ended) before it was described
            }
        } catch (RuntimeException e) {
            s.abandon(e);
            throw e;
        }
        return s;
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
        while (true) {
            DataRow d = exchange.rows().poll();
            if (d != null) {
                if (decoder == null) {
                    decoder = new RowDecoder<>(exchange.description(), transformer, factory);
                }
                next = decoder.decode(d); // before resuming: the row is a view of what was read
                return true;
            }
            if (done) {
                end();
                return false;
            }
            done = session.resume(exchange);
        }
    }

    /** The exchange is done: the lock goes, then the server's error, if any, is thrown. */
    private void end() {
        finish();
        session.result(exchange);
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
        if (!done && session.isPacing(exchange)) {
            session.send(exchange, exchange::abandon, true);
            while (!session.resume(exchange)) {
                // abandoned: it drops rows and never awaits its caller again
            }
        }
        done = true;
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
        session.lock().unlock();
    }

    private void checkThread() {
        if (Thread.currentThread() != owner) {
            throw new ProgrammingException("a stream is read and closed on the thread that opened it (it holds the"
                    + " connection until it ends): pass the rows, not the stream, to other threads");
        }
    }
}
