package io.tusk.internal.copy;

import io.tusk.Copy;
import io.tusk.adapt.Format;
import io.tusk.adapt.Loader;
import io.tusk.errors.DatabaseException;
import io.tusk.errors.Diagnostic;
import io.tusk.errors.InterfaceException;
import io.tusk.errors.NotSupportedException;
import io.tusk.errors.ProgrammingException;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.connection.Session;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.backend.CommandComplete;
import io.tusk.internal.protocol.backend.CopyData;
import io.tusk.internal.protocol.backend.CopyDone;
import io.tusk.internal.protocol.backend.CopyResponse;
import io.tusk.internal.protocol.backend.ErrorResponse;
import io.tusk.internal.protocol.backend.ReadyForQuery;
import io.tusk.internal.protocol.frontend.CopyFail;
import io.tusk.internal.protocol.frontend.Query;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One COPY driven over the session (protocol "COPY Operations"): started with a simple Query,
 * then CopyData in the user's pace, ended by CopyDone/CopyFail (in) or by the server's CopyDone
 * (out), and always read up to ReadyForQuery so that the session stays in step.
 *
 * <p>The session lock is held from {@link #open} until the ReadyForQuery; the session refuses
 * other commands meanwhile ({@link Session#startDriven}).
 */
public final class CopyImpl implements Copy {
    /** Outgoing data is sent in CopyData messages of about this size (psycopg uses the same order). */
    static final int CHUNK = 64 * 1024;

    private final Session session;
    private final Transformer transformer;
    private final boolean in;
    private final boolean binary;
    private byte[] out;
    private int outLength;
    private final ByteSink row = new ByteSink();
    private final CopyRowEncoder rows;
    private boolean ended;
    /** A method of this Copy failed while writing: close() aborts instead of storing a part. */
    private boolean failed;
    private long rowcount = -1;
    private Loader<?>[] loaders;
    private ChunkInput input;
    private boolean headerRead;

    private CopyImpl(Session session, Transformer transformer, CopyResponse response) {
        this.session = session;
        this.transformer = transformer;
        this.in = response.direction() == CopyResponse.Direction.IN;
        this.binary = response.format() == 1;
        this.out = in ? new byte[CHUNK] : null;
        this.rows = new CopyRowEncoder(transformer, binary);
    }

    /**
     * Sends {@code begin} (the implicit BEGIN, or null) and the COPY statement in one write and
     * reads up to the server's CopyInResponse or CopyOutResponse. The caller holds the session
     * lock; it stays held by the returned Copy, and is released here if the COPY does not start.
     */
    public static CopyImpl open(Session session, String begin, String sql, Transformer transformer) {
        boolean started = false;
        try {
            session.startDriven("a COPY");
            started = true;
            if (begin != null) {
                session.stream().send(new Query(begin));
            }
            session.stream().send(new Query(sql));
            session.flushOutput();
            int readyBeforeCopy = begin == null ? 0 : 1;
            Diagnostic error = null;
            while (true) {
                BackendMessage m = session.nextMessage();
                if (m instanceof CopyResponse r) {
                    if (r.direction() == CopyResponse.Direction.BOTH) {
                        // Replication's CopyBoth cannot be ended from here without a replication client.
                        session.markBroken();
                        throw new NotSupportedException("COPY BOTH (streaming replication) is not supported");
                    }
                    return new CopyImpl(session, transformer, r);
                } else if (m instanceof ErrorResponse e) {
                    error = error == null ? e.diagnostic() : error;
                } else if (m instanceof ReadyForQuery && readyBeforeCopy-- == 0) {
                    if (error != null) {
                        throw session.serverError(error);
                    }
                    throw new ProgrammingException("not a COPY FROM STDIN or COPY TO STDOUT statement: " + sql
                            + " (use execute() for other statements)");
                }
                // CommandComplete of the BEGIN, or results of a statement that is not a COPY: skipped.
            }
        } catch (RuntimeException e) {
            if (started) {
                session.endDriven();
            }
            session.lock().unlock();
            throw e;
        }
    }

    @Override
    public boolean binary() {
        return binary;
    }

    @Override
    public boolean writing() {
        return in;
    }

    @Override
    public long rowcount() {
        return rowcount;
    }

    // ---- COPY FROM STDIN

    @Override
    public void write(byte[] data) {
        write(data, 0, data.length);
    }

    @Override
    public void write(byte[] data, int offset, int length) {
        checkWriting();
        guarded(() -> append(data, offset, length));
    }

    @Override
    public void write(String data) {
        checkWriting();
        guarded(() -> {
            byte[] b = data.getBytes(session.charset());
            append(b, 0, b.length);
        });
    }

    @Override
    public void writeRow(Object... values) {
        checkWriting();
        guarded(() -> {
            rows.encode(values);
            append(rows.array(), 0, rows.size());
        });
    }

    /** Appends to the outgoing chunk, sending it whenever it is full: memory stays at one chunk. */
    private void append(byte[] b, int off, int len) {
        while (len > 0) {
            if (outLength == CHUNK) {
                sendChunk();
            }
            int n = Math.min(len, CHUNK - outLength);
            System.arraycopy(b, off, out, outLength, n);
            outLength += n;
            off += n;
            len -= n;
        }
    }

    private void sendChunk() {
        if (outLength > 0) {
            session.stream().send(new io.tusk.internal.protocol.frontend.CopyData(out, 0, outLength));
            outLength = 0;
            session.flushOutput();
        }
    }

    /** Runs a write step; a failure marks the COPY so that close() aborts it rather than store part of it. */
    private void guarded(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failed = true;
            releaseIfBroken();
            throw e;
        }
    }

    /** Sends the rest and CopyDone, then reads the outcome up to ReadyForQuery. */
    private void finishIn() {
        rows.trailer();
        append(rows.array(), 0, rows.size());
        sendChunk();
        session.stream().send(io.tusk.internal.protocol.frontend.CopyDone.INSTANCE);
        session.flushOutput();
        Diagnostic error = readToReady();
        if (error != null) {
            throw session.serverError(error);
        }
    }

    @Override
    public void abort(String reason) {
        DatabaseException e = abortWith(reason);
        if (e != null && !"57014".equals(e.sqlstate())) {
            throw e;
        }
    }

    /** Sends CopyFail and reads up to ReadyForQuery; returns the server's answer (57014 normally). */
    DatabaseException abortWith(String reason) {
        if (ended) {
            return null;
        }
        if (!in) {
            close();
            return null;
        }
        try {
            outLength = 0;
            session.stream().send(new CopyFail(reason == null ? "aborted by the client" : reason.replace('\0', ' ')));
            session.flushOutput();
            Diagnostic error = readToReady();
            return error == null ? null : session.serverError(error);
        } catch (RuntimeException e) {
            releaseIfBroken();
            throw e;
        }
    }

    // ---- COPY TO STDOUT

    @Override
    public byte[] read() {
        checkReading();
        if (ended) {
            return null;
        }
        try {
            Diagnostic error = null;
            while (true) {
                BackendMessage m = session.nextMessage();
                if (m instanceof CopyData d) {
                    return d.data();
                } else if (m instanceof CommandComplete cc) {
                    rowcount = cc.rowCount();
                } else if (m instanceof ErrorResponse e) {
                    error = error == null ? e.diagnostic() : error;
                } else if (m instanceof ReadyForQuery) {
                    release();
                    if (error != null) {
                        throw session.serverError(error);
                    }
                    return null;
                } else if (m != CopyDone.INSTANCE) {
                    throw unexpected(m);
                }
            }
        } catch (RuntimeException e) {
            releaseIfBroken();
            throw e;
        }
    }

    @Override
    public Object[] readRow() {
        checkReading();
        if (input == null) {
            input = new ChunkInput(this::read);
        }
        if (binary) {
            if (!headerRead) {
                if (!input.more()) {
                    return null;
                }
                BinaryRows.readHeader(input);
                headerRead = true;
            }
            Object[] r = BinaryRows.readRow(input, loaders);
            if (r == null) {
                // After the trailer: read on to the command tag and ReadyForQuery.
                while (read() != null) {
                    // nothing follows the trailer in a well-formed COPY
                }
            }
            return r;
        }
        if (!input.nextLine()) {
            return null;
        }
        return TextRows.parse(input.lineArray(), input.lineFrom(), input.lineTo(), loaders, session.charset(), row);
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
        Format f = binary ? Format.BINARY : Format.TEXT;
        Loader<?>[] l = new Loader<?>[oids.length];
        for (int i = 0; i < oids.length; i++) {
            l[i] = transformer.loaderFor(oids[i], f);
        }
        loaders = l;
        if (in) {
            rows.declare(oids); // psycopg's set_types governs writing too
        }
    }

    @Override
    public void setTypes(String... typeNames) {
        setTypes(CopyRowEncoder.oidsOf(transformer, typeNames));
    }

    // ---- ending

    @Override
    public void close() {
        if (ended) {
            return;
        }
        if (in) {
            if (failed) {
                abortWith("a write to the COPY failed in the client");
                return;
            }
            try {
                finishIn();
            } catch (RuntimeException e) {
                releaseIfBroken();
                throw e;
            }
        } else {
            // The rest must be read to keep the session in step; it is discarded as it comes.
            while (read() != null) {
                // discard
            }
        }
    }

    /** Reads up to ReadyForQuery after CopyDone/CopyFail: the command tag and the first error. */
    private Diagnostic readToReady() {
        Diagnostic error = null;
        while (true) {
            BackendMessage m = session.nextMessage();
            if (m instanceof CommandComplete cc) {
                rowcount = cc.rowCount();
            } else if (m instanceof ErrorResponse e) {
                error = error == null ? e.diagnostic() : error;
            } else if (m instanceof ReadyForQuery) {
                release();
                return error;
            } else {
                throw unexpected(m);
            }
        }
    }

    private RuntimeException unexpected(BackendMessage m) {
        session.markBroken();
        return new io.tusk.internal.protocol.ProtocolViolation("unexpected " + m.getClass().getSimpleName() + " during COPY");
    }

    private void release() {
        if (!ended) {
            ended = true;
            session.endDriven();
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
        if (!in) {
            throw new ProgrammingException("this COPY sends data to the client (COPY TO STDOUT): use read() or readRow()");
        }
        checkOpen();
    }

    private void checkReading() {
        if (in) {
            throw new ProgrammingException("this COPY receives data from the client (COPY FROM STDIN): use write() or writeRow()");
        }
    }

    private void checkOpen() {
        if (ended) {
            throw new InterfaceException("the COPY has ended: start a new one");
        }
    }
}
