package io.tusk.internal.async;

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
import io.tusk.internal.protocol.backend.EmptyQueryResponse;
import io.tusk.internal.protocol.backend.ErrorResponse;
import io.tusk.internal.protocol.backend.ReadyForQuery;
import io.tusk.internal.protocol.frontend.Query;

/**
 * One COPY as an exchange (protocol "COPY Operations"), the server's side of what
 * {@code internal.copy.CopyImpl} reads for the blocking connection: the COPY statement (after an
 * implicit BEGIN when one is due) as a simple Query, then CopyInResponse or CopyOutResponse,
 * CopyData and CopyDone (out), the command tag and ReadyForQuery. The client's CopyData,
 * CopyDone and CopyFail are sent by {@link AsyncCopyImpl} as the user writes; this exchange
 * only reads, so it is done at the ReadyForQuery after the COPY, whichever way it ended.
 */
final class CopyExchange implements Exchange<Long> {
    /** What the exchange reports on the loop thread. */
    interface Listener {
        /** The server entered copy-in or copy-out mode. */
        void started(CopyResponse response);

        /** A CopyData of a COPY TO STDOUT. */
        void data(byte[] data);
    }

    private final String begin;
    private final String sql;
    private final Listener listener;
    private boolean beginPending;
    private CopyResponse response;
    private Diagnostic error;
    private long rowcount = -1;

    CopyExchange(String begin, String sql, Listener listener) {
        this.begin = begin;
        this.sql = sql;
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
        if (m instanceof CopyData d) {
            listener.data(d.data());
        } else if (m instanceof CopyResponse r) {
            if (r.direction() == CopyResponse.Direction.BOTH) {
                // Replication's CopyBoth cannot be ended without a replication client: the session is lost.
                throw new NotSupportedException("COPY BOTH (streaming replication) is not supported");
            }
            response = r;
            listener.started(r);
        } else if (m instanceof CommandComplete cc) {
            if (!beginPending) {
                rowcount = cc.rowCount();
            }
        } else if (m instanceof ErrorResponse e) {
            error = error == null ? e.diagnostic() : error;
        } else if (m instanceof ReadyForQuery) {
            if (beginPending) {
                beginPending = false;
                return false;
            }
            return true;
        } else if (m != CopyDone.INSTANCE && m != EmptyQueryResponse.INSTANCE && response != null) {
            throw new ProtocolViolation("unexpected " + m.getClass().getSimpleName() + " during COPY");
        }
        // Before the COPY: the results of a statement that is not a COPY are skipped (refused in result()).
        return false;
    }

    /** The row count of the command tag; the server's error, or a refusal of a statement that is not a COPY. */
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

    boolean started() {
        return response != null;
    }
}
