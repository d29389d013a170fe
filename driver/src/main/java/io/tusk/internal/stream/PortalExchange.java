package io.tusk.internal.stream;

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
import io.tusk.internal.protocol.backend.NoData;
import io.tusk.internal.protocol.backend.PortalSuspended;
import io.tusk.internal.protocol.backend.ReadyForQuery;
import io.tusk.internal.protocol.backend.RowDescription;
import io.tusk.internal.protocol.frontend.Close;
import io.tusk.internal.protocol.frontend.Describe;
import io.tusk.internal.protocol.frontend.Execute;
import io.tusk.internal.protocol.frontend.Flush;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import io.tusk.internal.protocol.frontend.Parse;
import io.tusk.internal.protocol.frontend.Query;
import io.tusk.internal.protocol.frontend.Sync;
import java.util.function.Consumer;

/**
 * One statement whose rows are read as the caller takes them ({@code cursor.stream()} on both
 * front ends), in portal batches: Parse/Bind/Describe and {@code Execute(maxRows = batch)} with
 * Flush instead of Sync (protocol "Extended Query": a portal that reaches its row limit answers
 * PortalSuspended and waits for the next Execute; without a Sync the implicit transaction, and
 * so the portal, stays open even in autocommit mode), after the implicit BEGIN when one is due.
 *
 * <p>It awaits its caller ({@link #awaitsCaller()}) while its {@link RowBuffer} is full, and,
 * when asked to, once the statement is described, so that a statement the server refuses fails
 * when the stream is opened. A suspended portal gets its next Execute as soon as the
 * PortalSuspended is read, which is only when the caller made room. {@link #abandon} ends it
 * early with Close(portal) + Sync and drops the rest: a suspended portal runs nothing while it
 * waits, so no CancelRequest is needed and a transaction of the user's stays usable. The
 * server's error is kept until ReadyForQuery and thrown by {@link #result()}.
 *
 * <p>Its own messages (the next Execute, the Sync) go into the {@code out} buffer of the front
 * end that feeds it, or, when the front end holds later requests behind it (the asynchronous
 * session must not let another command's Bind replace the unnamed portal before the Sync), to
 * {@code direct}; {@code onSync} then tells that front end that later commands may follow.
 */
public final class PortalExchange implements Exchange<Void> {
    private final String begin;
    private final String sql;
    private final Transformer.Params params;
    private final boolean binary;
    private final int batch;
    private final RowBuffer rows;
    private final boolean pauseAtDescription;
    private final Consumer<FrontendMessage> direct;
    private final Consumer<Exchange<?>> onSync;
    private boolean beginPending;
    private volatile boolean answered;
    private volatile boolean describedPending;
    private volatile boolean described;
    private volatile RowDescription description;
    private boolean syncSent;
    private boolean abandoned;
    private Diagnostic error;
    private volatile Runnable onAnswer;

    /**
     * @param begin the implicit BEGIN to send in front, or null
     * @param pauseAtDescription await the caller once the statement is described (or NoData)
     * @param direct where its own messages go instead of the fed buffer, or null
     * @param onSync given this exchange once its Sync is sent (later commands may follow), or null
     */
    public PortalExchange(String begin, String sql, Transformer.Params params, boolean binary, int batch, RowBuffer rows,
            boolean pauseAtDescription, Consumer<FrontendMessage> direct, Consumer<Exchange<?>> onSync) {
        this.begin = begin;
        this.sql = sql;
        this.params = params;
        this.binary = binary;
        this.batch = batch;
        this.rows = rows;
        this.pauseAtDescription = pauseAtDescription;
        this.direct = direct;
        this.onSync = onSync;
        this.beginPending = begin != null;
    }

    @Override
    public void start(WriteBuffer out) {
        if (begin != null) {
            new Query(begin).encode(out);
        }
        new Parse("", sql, params.oids()).encode(out);
        ExtendedQuery.bind(params, binary).encode(out);
        Describe.portal("").encode(out);
        new Execute("", batch).encode(out);
        Flush.INSTANCE.encode(out);
    }

    @Override
    public boolean handle(BackendMessage m, WriteBuffer out) {
        if (!answered) {
            answered = true;
            Runnable r = onAnswer;
            if (r != null) {
                r.run();
            }
        }
        if (m instanceof DataRow d) {
            // Checked on receipt: a row out of shape is a violation that ends the session before
            // the caller sees it (as RowSet.load does for whole results).
            RowDescription rd = description;
            if (rd == null) {
                throw new ProtocolViolation("DataRow for a statement the server described as returning no rows (NoData)");
            }
            if (d.size() != rd.fields().length) {
                throw new ProtocolViolation("DataRow has " + d.size() + " columns but its RowDescription announced "
                        + rd.fields().length);
            }
            rows.add(d);
        } else if (m == PortalSuspended.INSTANCE) {
            if (!syncSent) {
                // The batch is done and the portal waits: ask for the next one.
                send(new Execute("", batch), out);
                send(Flush.INSTANCE, out);
            }
        } else if (m instanceof RowDescription rd) {
            description = rd;
            onDescribed();
        } else if (m == NoData.INSTANCE) {
            onDescribed(); // a statement without rows: the stream is empty
        } else if (m instanceof CommandComplete || m == EmptyQueryResponse.INSTANCE) {
            if (!beginPending) {
                sync(false, out);
            }
        } else if (m instanceof ErrorResponse e) {
            error = error == null ? e.diagnostic() : error;
            if (!beginPending) {
                sync(false, out); // the server skips everything up to the Sync after an error
            }
        } else if (m instanceof ReadyForQuery) {
            if (beginPending) {
                beginPending = false;
                return false;
            }
            describedPending = false;
            return true;
        }
        // ParseComplete, BindComplete, CloseComplete: nothing to keep.
        return false;
    }

    private void onDescribed() {
        described = true;
        if (pauseAtDescription && !abandoned) {
            describedPending = true;
        }
    }

    private void send(FrontendMessage m, WriteBuffer out) {
        if (direct != null) {
            direct.accept(m);
        } else {
            m.encode(out);
        }
    }

    private void sync(boolean close, WriteBuffer out) {
        if (syncSent) {
            return;
        }
        syncSent = true;
        if (close) {
            send(Close.portal(""), out);
        }
        send(Sync.INSTANCE, out);
        if (onSync != null) {
            onSync.accept(this);
        }
    }

    @Override
    public boolean awaitsCaller() {
        return describedPending || rows.full();
    }

    /** The caller saw the description: the exchange reads on. */
    public void takeDescription() {
        describedPending = false;
    }

    /**
     * Stops early (where the exchange is fed, or by the blocking caller through the session):
     * Close(portal) + Sync unless the Sync left already, and the rest of the rows is dropped as
     * it comes. An error after this point is still kept (the caller decides whether to raise it).
     */
    public void abandon(WriteBuffer out) {
        abandoned = true;
        describedPending = false;
        rows.discard();
        sync(true, out);
    }

    @Override
    public Void result() {
        if (error != null) {
            throw ServerErrors.of(error);
        }
        return null;
    }

    /** The shape of the rows once described; null before, or for a statement without rows. */
    public RowDescription description() {
        return description;
    }

    /** True once the server described the statement (RowDescription or NoData). */
    public boolean described() {
        return described;
    }

    /** Runs {@code r} where the exchange is fed at the server's first answer. */
    public void onAnswer(Runnable r) {
        onAnswer = r;
    }

    /** True once the server answered: it works on this statement now (a CancelRequest would reach it). */
    public boolean answered() {
        return answered;
    }

    public RowBuffer rows() {
        return rows;
    }
}
