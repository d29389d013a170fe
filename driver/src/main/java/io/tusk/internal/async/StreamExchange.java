package io.tusk.internal.async;

import io.tusk.errors.Diagnostic;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.connection.Exchange;
import io.tusk.internal.connection.ServerErrors;
import io.tusk.internal.cursor.ExtendedQuery;
import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.backend.CommandComplete;
import io.tusk.internal.protocol.backend.DataRow;
import io.tusk.internal.protocol.backend.EmptyQueryResponse;
import io.tusk.internal.protocol.backend.ErrorResponse;
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

/**
 * One statement whose rows go to an {@link InboundBuffer} as they arrive instead of into a list
 * (the async {@code cursor.stream()}), read in portal batches as the blocking
 * {@code PortalStream} does: Parse/Bind/Describe and {@code Execute(maxRows = batch)} with Flush
 * instead of Sync (protocol "Extended Query": a portal that reaches its row limit answers
 * PortalSuspended and waits for the next Execute), after an implicit BEGIN when one is due.
 * The buffer pauses reading when the subscriber is slow, so the server waits in its socket
 * write. {@link #stop()} ends it early at the next batch boundary with Close(portal) + Sync: a
 * suspended portal runs nothing, so no CancelRequest is needed and a transaction stays usable.
 *
 * <p>Until its Sync is sent no other command may follow on the wire (its Bind would replace the
 * unnamed portal): the exchange is submitted holding the session ({@link AsyncSession#submitHolding})
 * and writes its own messages with {@link AsyncSession#sendNow}, releasing the hold after its Sync.
 */
final class StreamExchange implements Exchange<Void> {
    private final AsyncSession session;
    private final String begin;
    private final String sql;
    private final Transformer.Params params;
    private final int batch;
    private final InboundBuffer<DataRow> rows;
    private final Runnable onRunning;
    private boolean beginPending;
    private boolean running;
    private boolean stopping;
    private boolean syncSent;
    private volatile RowDescription description;
    private Diagnostic error;

    /**
     * @param onRunning called on the loop at the first answer: the server works on this
     *        statement now, so a CancelRequest would reach it (and not a command before it)
     */
    StreamExchange(AsyncSession session, String begin, String sql, Transformer.Params params, int batch,
            InboundBuffer<DataRow> rows, Runnable onRunning) {
        this.session = session;
        this.begin = begin;
        this.sql = sql;
        this.params = params;
        this.batch = batch;
        this.rows = rows;
        this.onRunning = onRunning;
        this.beginPending = begin != null;
    }

    @Override
    public void start(WriteBuffer out) {
        if (begin != null) {
            new Query(begin).encode(out);
        }
        new Parse("", sql, params.oids()).encode(out);
        ExtendedQuery.bind(params, false).encode(out);
        Describe.portal("").encode(out);
        new Execute("", batch).encode(out);
        Flush.INSTANCE.encode(out);
    }

    @Override
    public boolean handle(BackendMessage m, WriteBuffer out) {
        if (!running) {
            running = true;
            onRunning.run();
        }
        if (m instanceof DataRow d) {
            // Checked here, on the loop: a row out of shape is a violation that ends the session
            // before it reaches the reader (as RowSet.load does for whole results).
            if (description == null) {
                throw new ProtocolViolation("DataRow before RowDescription in a stream");
            }
            if (d.size() != description.fields().length) {
                throw new ProtocolViolation("DataRow has " + d.size() + " columns but its RowDescription announced "
                        + description.fields().length);
            }
            // A decoded row is a view of the framer's buffer; this one waits for demand.
            rows.add(d.copy());
        } else if (m == PortalSuspended.INSTANCE) {
            if (stopping) {
                sync(true);
            } else {
                // The batch is done and the portal waits: ask for the next one.
                session.sendNow(new Execute("", batch));
                session.sendNow(Flush.INSTANCE);
            }
        } else if (m instanceof RowDescription rd) {
            description = rd;
        } else if (m instanceof CommandComplete || m == EmptyQueryResponse.INSTANCE) {
            if (!beginPending) {
                sync(false);
            }
        } else if (m instanceof ErrorResponse e) {
            error = error == null ? e.diagnostic() : error;
            if (!beginPending) {
                sync(false); // the server skips everything up to the Sync after an error
            }
        } else if (m instanceof ReadyForQuery) {
            if (beginPending) {
                beginPending = false;
                return false;
            }
            return true;
        }
        // ParseComplete, BindComplete, NoData, CloseComplete: nothing to keep.
        return false;
    }

    private void sync(boolean close) {
        if (syncSent) {
            return;
        }
        syncSent = true;
        if (close) {
            session.sendNow(Close.portal(""));
        }
        session.sendNow(Sync.INSTANCE);
        session.releaseHold(this); // later commands may follow now: they come after the Sync
    }

    /** On the loop: end at the next batch boundary (Close + Sync) instead of asking for more. */
    void stop() {
        stopping = true;
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
