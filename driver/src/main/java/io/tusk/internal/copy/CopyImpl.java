package io.tusk.internal.copy;

import io.tusk.Copy;
import io.tusk.errors.DatabaseException;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.connection.Session;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The blocking COPY: a {@link CopyExchange} the session paces ({@link Session#open}), fed when
 * the user reads and written to as the user writes; the data side is the {@link CopyCodec}
 * shared with the asynchronous COPY.
 *
 * <p>The session lock is held from {@link #open} until the exchange is done (its
 * ReadyForQuery) or the session broke; the session refuses other commands meanwhile.
 */
public final class CopyImpl implements Copy {
    /** Outgoing data is sent in CopyData messages of about this size. */
    static final int CHUNK = CopyCodec.CHUNK;

    private final Session session;
    private final CopyExchange exchange;
    private final CopyCodec codec;
    private final CopyCodec.Chunks sendData = this::sendData;
    /** The exchange is over (done, or the session broke) and the lock released. */
    private boolean ended;

    private CopyImpl(Session session, CopyExchange exchange, Transformer transformer) {
        this.session = session;
        this.exchange = exchange;
        this.codec = new CopyCodec(transformer, session.charset(), exchange.response(), false);
    }

    /**
     * Sends {@code begin} (the implicit BEGIN, or null) and the COPY statement in one write and
     * reads up to the server's CopyInResponse or CopyOutResponse. The caller holds the session
     * lock; it stays held by the returned Copy, and is released here if the COPY does not start.
     */
    public static CopyImpl open(Session session, String begin, String sql, Transformer transformer) {
        CopyExchange x = new CopyExchange(begin, sql, CopyExchange.Pace.BLOCKING, null);
        try {
            if (session.open(x, "a COPY")) {
                session.result(x); // done before any copy mode: throws the server's error or the refusal
                throw new IllegalStateException("a COPY ended without starting");
            }
            return new CopyImpl(session, x, transformer);
        } catch (RuntimeException | Error e) {
            session.lock().unlock();
            throw e;
        }
    }

    @Override
    public boolean binary() {
        return codec.binary();
    }

    @Override
    public boolean writing() {
        return codec.writing();
    }

    @Override
    public long rowcount() {
        return exchange.rowcount();
    }

    // ---- COPY FROM STDIN

    @Override
    public void write(byte[] data) {
        write(data, 0, data.length);
    }

    @Override
    public void write(byte[] data, int offset, int length) {
        checkWriting();
        guarded(() -> codec.append(data, offset, length, sendData));
    }

    @Override
    public void write(String data) {
        checkWriting();
        guarded(() -> codec.append(data, sendData));
    }

    @Override
    public void writeRow(Object... values) {
        checkWriting();
        guarded(() -> codec.row(values, sendData));
    }

    private void sendData(byte[] b, int length) {
        send(exchange.data(b, 0, length));
    }

    private void send(FrontendMessage m) {
        if (m != null) {
            session.send(exchange, m::encode, true);
        }
    }

    /** Runs a write step; a failure marks the COPY so that close() aborts it rather than store part of it. */
    private void guarded(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            codec.markFailed();
            releaseIfBroken();
            throw e;
        }
    }

    @Override
    public void abort(String reason) {
        DatabaseException e = abortWith(reason);
        if (e != null && !CopyExchange.answersAbort(e)) {
            throw e;
        }
    }

    /** Sends CopyFail and reads up to ReadyForQuery; returns the server's answer (57014 normally). */
    DatabaseException abortWith(String reason) {
        if (ended) {
            return null;
        }
        if (!codec.writing()) {
            close();
            return null;
        }
        try {
            codec.drop();
            send(exchange.fail(reason));
            finishAfterInput();
            return null;
        } catch (DatabaseException e) {
            return e;
        } finally {
            releaseIfBroken();
        }
    }

    // ---- COPY TO STDOUT

    @Override
    public byte[] read() {
        checkReading();
        while (true) {
            byte[] b = exchange.poll(0);
            if (b != null || ended) {
                return b;
            }
            if (resume()) {
                finish();
                return null;
            }
        }
    }

    @Override
    public Object[] readRow() {
        checkReading();
        while (true) {
            Object[] r = codec.nextRow();
            if (r != null) {
                return r;
            }
            byte[] data = read();
            if (data == null) {
                return codec.lastRow();
            }
            codec.add(data);
        }
    }

    @Override
    public Stream<Object[]> rows() {
        checkReading();
        Spliterator<Object[]> s = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super Object[]> action) {
                Object[] r = readRow();
                if (r == null) {
                    return false;
                }
                action.accept(r);
                return true;
            }
        };
        return StreamSupport.stream(s, false);
    }

    @Override
    public void setTypes(int... oids) {
        codec.setTypes(oids);
    }

    @Override
    public void setTypes(String... typeNames) {
        codec.setTypes(typeNames);
    }

    // ---- ending

    @Override
    public void close() {
        if (ended) {
            return;
        }
        if (!codec.writing()) {
            // The rest must be read to keep the session in step; it is dropped as it comes.
            exchange.discard();
            finishAfterInput();
            return;
        }
        if (codec.failed()) {
            abortWith(CopyCodec.WRITE_FAILED);
            return;
        }
        try {
            codec.rest(sendData);
            send(exchange.done());
            finishAfterInput();
        } finally {
            releaseIfBroken();
        }
    }

    /** Feeds the exchange until it is done (true) or has data for the reader (false). */
    private boolean resume() {
        try {
            return session.resume(exchange);
        } catch (RuntimeException | Error e) {
            releaseIfBroken();
            throw e;
        }
    }

    /**
     * Reads the outcome once the exchange no longer waits for the user (CopyDone or CopyFail
     * sent, or the rest of the data dropped as it comes), then {@link #finish()}es.
     */
    private void finishAfterInput() {
        if (!resume()) {
            throw new IllegalStateException("the COPY still waits for its caller");
        }
        finish();
    }

    /** After ReadyForQuery: the session is free again; the server's error is thrown. */
    private void finish() {
        if (ended) {
            return;
        }
        release();
        session.result(exchange); // the server's error, if any
    }

    private void release() {
        if (!ended) {
            ended = true;
            session.lock().unlock();
        }
    }

    /** A broken session ends the COPY too: nothing more can be read or written. */
    private void releaseIfBroken() {
        if (session.isBroken() || session.isClosed()) {
            release();
        }
    }

    private void checkWriting() {
        if (!codec.writing()) {
            throw CopyCodec.notWriting("read() or readRow()");
        }
        if (ended) {
            throw CopyCodec.ended();
        }
    }

    private void checkReading() {
        if (codec.writing()) {
            throw CopyCodec.notReading();
        }
    }
}
