package io.tusk.internal.copy;

import io.tusk.errors.DatabaseException;
import io.tusk.errors.Diagnostic;
import io.tusk.errors.NotSupportedException;
import io.tusk.errors.ProgrammingException;
import io.tusk.internal.connection.Exchange;
import io.tusk.internal.connection.ServerErrors;
import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.backend.CommandComplete;
import io.tusk.internal.protocol.backend.CopyData;
import io.tusk.internal.protocol.backend.CopyDone;
import io.tusk.internal.protocol.backend.CopyResponse;
import io.tusk.internal.protocol.backend.ErrorResponse;
import io.tusk.internal.protocol.backend.ReadyForQuery;
import io.tusk.internal.protocol.frontend.CopyFail;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import io.tusk.internal.protocol.frontend.Query;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;

/**
 * One COPY (protocol "COPY Operations"), written once for both front ends: the COPY statement
 * as a simple Query (after the implicit BEGIN when one is due), the server's CopyInResponse or
 * CopyOutResponse, then the data, then the command tag and ReadyForQuery, which ends it however
 * the COPY went. COPY BOTH (replication) and statements that are no COPY are refused.
 *
 * <p>The caller paces it ({@link #awaitsCaller()}): it waits for its caller to take the
 * response, to take the data of a COPY TO STDOUT once it holds as much as its {@link Pace}
 * allows (the socket is not read meanwhile: that is the back-pressure), and, on the blocking
 * front end, to write the data of a COPY FROM STDIN and end it. The caller's CopyData, CopyDone
 * and CopyFail are made here ({@link #data}, {@link #done}, {@link #fail}), so the exchange
 * knows when copy-in mode is over and the rest of the answer may be read.
 *
 * <p>The data of a COPY TO STDOUT is handed over through {@link #poll}, which may run on
 * another thread than the one feeding the exchange (the asynchronous reader); that part is
 * guarded by this object's lock.
 */
public final class CopyExchange implements Exchange<Long> {
    /**
     * How a front end waits: how much COPY TO STDOUT data is held before the exchange awaits its
     * caller, and whether the server is still heard while the caller writes (copy-in).
     *
     * @param maxChunks CopyData messages held before the reader must catch up
     * @param maxBytes bytes held (16 more per message) before the reader must catch up
     * @param listensWhileWriting true: copy-in mode does not await the caller, so a server that
     *     refuses the data ends the COPY at once (only a front end that does not block on a read
     *     can listen while the caller writes)
     */
    public record Pace(int maxChunks, long maxBytes, boolean listensWhileWriting) {
        /** The blocking Copy: one CopyData at a time, read when the user reads; nothing is read while it writes. */
        public static final Pace BLOCKING = new Pace(1, Long.MAX_VALUE, false);
        /** The asynchronous COPY: up to 1 MB or 8,192 messages for a slow reader; the server is heard while writing. */
        public static final Pace ASYNC = new Pace(8192, 1 << 20, true);
    }

    /** What the exchange reports, on the thread that feeds it. */
    public interface Listener {
        /** The server entered copy-in or copy-out mode: take {@link #response()}. */
        void started();

        /** COPY TO STDOUT data arrived for {@link #poll}. */
        void data();
    }

    private enum State { QUERY, IN, OUT, ENDING, DONE }

    private final String begin;
    private final String sql;
    private final Pace pace;
    private final Listener listener;
    private boolean beginPending;
    private volatile State state = State.QUERY;
    private CopyResponse response;
    private boolean responseTaken;
    private Diagnostic error;
    private volatile long rowcount = -1;
    // guarded by this: the data of a COPY TO STDOUT not taken yet
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private long bytes;
    private boolean holding;
    private boolean released;
    private boolean discarding;

    /** {@code begin}: the implicit BEGIN to send in front, or null. {@code listener} may be null. */
    public CopyExchange(String begin, String sql, Pace pace, Listener listener) {
        this.begin = begin;
        this.sql = sql;
        this.pace = pace;
        this.listener = listener;
        this.beginPending = begin != null;
    }

    @Override
    public void start(WriteBuffer out) {
        if (begin != null) {
            new Query(begin).encode(out);
        }
        new Query(sql).encode(out);
    }

    @Override
    public boolean handle(BackendMessage m, WriteBuffer out) {
        if (m instanceof ErrorResponse e) {
            error = error == null ? e.diagnostic() : error;
            return false;
        }
        if (m instanceof ReadyForQuery) {
            if (beginPending) {
                beginPending = false; // the implicit BEGIN's
                return false;
            }
            state = State.DONE;
            return true;
        }
        switch (state) {
            case QUERY -> {
                if (m instanceof CopyResponse r) {
                    started(r);
                }
                // Else: the BEGIN's tag, or the results of a statement that is no COPY (refused in result()).
            }
            case OUT -> {
                if (m instanceof CopyData d) {
                    add(d.data());
                } else if (m instanceof CommandComplete cc) {
                    rowcount = cc.rowCount();
                } else if (m != CopyDone.INSTANCE) {
                    throw unexpected(m);
                }
            }
            default -> {
                // Copy-in (the server ended it early) or after CopyDone/CopyFail: only the outcome comes.
                if (m instanceof CommandComplete cc) {
                    rowcount = cc.rowCount();
                } else {
                    throw unexpected(m);
                }
            }
        }
        return false;
    }

    private void started(CopyResponse r) {
        if (r.direction() == CopyResponse.Direction.BOTH) {
            // Replication's CopyBoth cannot be ended without a replication client: the session is lost.
            throw new NotSupportedException("COPY BOTH (streaming replication) is not supported");
        }
        response = r;
        state = r.direction() == CopyResponse.Direction.IN ? State.IN : State.OUT;
        if (listener != null) {
            listener.started();
        }
    }

    private RuntimeException unexpected(BackendMessage m) {
        return new ProtocolViolation("unexpected " + m.getClass().getSimpleName() + " during COPY");
    }

    @Override
    public boolean awaitsCaller() {
        State s = state;
        if (s == State.DONE) {
            return false;
        }
        if (response != null && !responseTaken) {
            return true; // the caller learns the COPY's direction and format before anything else is read
        }
        if (s == State.IN) {
            return !pace.listensWhileWriting();
        }
        if (s == State.OUT) {
            synchronized (this) {
                return holding;
            }
        }
        return false;
    }

    /** The server's CopyInResponse or CopyOutResponse, once it came; the caller has it from now on. */
    public CopyResponse response() {
        responseTaken = true;
        return response;
    }

    /** True once ReadyForQuery ended the exchange (its data may still wait for {@link #poll}). */
    public boolean isDone() {
        return state == State.DONE;
    }

    /** The row count of the command tag so far, else -1. */
    public long rowcount() {
        return rowcount;
    }

    /** The outcome: the command tag's row count; the server's error, or the refusal of a statement that is no COPY. */
    @Override
    public Long result() {
        if (error != null) {
            throw ServerErrors.of(error);
        }
        if (response == null) {
            throw new ProgrammingException("not a COPY FROM STDIN or COPY TO STDOUT statement: " + sql
                    + " (use execute() for other statements)");
        }
        return rowcount;
    }

    /** True when {@code e} is the server's answer to CopyFail (query_canceled): the abort went as asked. */
    public static boolean answersAbort(DatabaseException e) {
        return "57014".equals(e.sqlstate());
    }

    // ---- the caller's data of a COPY FROM STDIN: null once the server left copy-in mode (nothing to send)

    /** A CopyData of the caller's data. */
    public FrontendMessage data(byte[] b, int offset, int length) {
        return state == State.IN ? new io.tusk.internal.protocol.frontend.CopyData(b, offset, length) : null;
    }

    /** CopyDone: the data is complete; the outcome is read next. */
    public FrontendMessage done() {
        if (state != State.IN) {
            return null;
        }
        state = State.ENDING;
        return io.tusk.internal.protocol.frontend.CopyDone.INSTANCE;
    }

    /** CopyFail with {@code reason}: the server stores none of the data. */
    public FrontendMessage fail(String reason) {
        if (state != State.IN) {
            return null;
        }
        state = State.ENDING;
        return new CopyFail(reason == null ? "aborted by the client" : reason.replace('\0', ' '));
    }

    // ---- the server's data of a COPY TO STDOUT

    private void add(byte[] data) {
        synchronized (this) {
            if (discarding) {
                return;
            }
            chunks.add(data);
            bytes += data.length + 16;
            if (chunks.size() >= pace.maxChunks() || bytes >= pace.maxBytes()) {
                holding = true;
            }
        }
        if (listener != null) {
            listener.data();
        }
    }

    /**
     * The oldest data not taken yet, or null: one CopyData message as the server sent it, joined
     * with the next ones while the whole stays within {@code joinUpTo} bytes.
     */
    public synchronized byte[] poll(int joinUpTo) {
        byte[] first = chunks.poll();
        if (first == null) {
            return null;
        }
        byte[] result = first;
        if (!chunks.isEmpty() && first.length + chunks.peek().length <= joinUpTo) {
            ByteArrayOutputStream joined = new ByteArrayOutputStream(joinUpTo);
            joined.write(first, 0, first.length);
            while (!chunks.isEmpty() && joined.size() + chunks.peek().length <= joinUpTo) {
                byte[] b = chunks.poll();
                bytes -= b.length + 16;
                joined.write(b, 0, b.length);
            }
            result = joined.toByteArray();
        }
        bytes -= first.length + 16;
        // Below half of the bound the server may send again (not at once: no stop-and-go per message).
        if (holding && chunks.size() <= pace.maxChunks() / 2 && bytes <= pace.maxBytes() / 2) {
            holding = false;
            released = true;
        }
        return result;
    }

    /** True when data is held for {@link #poll}. */
    public synchronized boolean hasData() {
        return !chunks.isEmpty();
    }

    /** Drops what is held and what comes later (the reader gave up); the rest is read to keep the session in step. */
    public synchronized void discard() {
        discarding = true;
        chunks.clear();
        bytes = 0;
        if (holding) {
            holding = false;
            released = true;
        }
    }

    /**
     * True once after {@link #poll} or {@link #discard} ended a wait for the caller: a front end
     * that does not resume on every read (the asynchronous one) resumes the exchange then.
     */
    public synchronized boolean released() {
        boolean r = released;
        released = false;
        return r;
    }
}
