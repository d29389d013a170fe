package io.tusk.internal.async;

import io.tusk.errors.Diagnostic;
import io.tusk.internal.connection.Exchange;
import io.tusk.internal.connection.ServerErrors;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.backend.DataRow;
import io.tusk.internal.protocol.backend.ErrorResponse;
import io.tusk.internal.protocol.backend.ReadyForQuery;
import io.tusk.internal.protocol.backend.RowDescription;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import io.tusk.internal.protocol.frontend.Query;
import java.util.List;

/**
 * One statement whose rows go to an {@link InboundBuffer} as they arrive instead of into a list
 * (the async {@code cursor.stream()}): Parse/Bind/Describe/Execute/Sync (protocol "Extended
 * Query"), after an implicit BEGIN when one is due, read up to the ReadyForQuery. The buffer
 * pauses reading when the subscriber is slow, so the server waits in its socket write.
 */
final class StreamExchange implements Exchange<Void> {
    private final String begin;
    private final List<FrontendMessage> messages;
    private final InboundBuffer<DataRow> rows;
    private final Runnable onRunning;
    private boolean beginPending;
    private boolean running;
    private volatile RowDescription description;
    private Diagnostic error;

    /**
     * @param onRunning called on the loop at the first answer: the server works on this
     *        statement now, so a CancelRequest would reach it (and not a command before it)
     */
    StreamExchange(String begin, List<FrontendMessage> messages, InboundBuffer<DataRow> rows, Runnable onRunning) {
        this.begin = begin;
        this.messages = messages;
        this.rows = rows;
        this.onRunning = onRunning;
        this.beginPending = begin != null;
    }

    @Override
    public void start(WriteBuffer out) {
        if (begin != null) {
            new Query(begin).encode(out);
        }
        for (FrontendMessage m : messages) {
            m.encode(out);
        }
    }

    @Override
    public boolean handle(BackendMessage m, WriteBuffer out) {
        if (!running) {
            running = true;
            onRunning.run();
        }
        if (m instanceof DataRow d) {
            // A decoded row is a view of the framer's buffer; this one waits for demand.
            rows.add(d.copy());
        } else if (m instanceof RowDescription rd) {
            description = rd;
        } else if (m instanceof ErrorResponse e) {
            error = error == null ? e.diagnostic() : error;
        } else if (m instanceof ReadyForQuery) {
            if (beginPending) {
                beginPending = false;
                return false;
            }
            return true;
        }
        // ParseComplete, BindComplete, NoData, CommandComplete, EmptyQueryResponse: nothing to keep.
        return false;
    }

    @Override
    public Void result() {
        if (error != null) {
            throw ServerErrors.of(error);
        }
        return null;
    }

    /** The shape of the rows, once the server described them (before the first DataRow). */
    RowDescription description() {
        return description;
    }

    boolean running() {
        return running;
    }
}
