package io.tusk.internal.servercursor;

import io.tusk.Column;
import io.tusk.TransactionStatus;
import io.tusk.errors.InterfaceException;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.connection.QueryResult;
import io.tusk.internal.cursor.Columns;
import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.backend.DataRow;
import io.tusk.internal.protocol.backend.RowDescription;
import io.tusk.internal.stream.RowDecoder;
import io.tusk.rows.RowFactory;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a named cursor knows and decides, whichever front end waits for its answers: its
 * options, its position, rowcount and statusmessage after DECLARE, FETCH and MOVE, the checks
 * before each (psycopg's rules), and what closing it needs. The blocking {@link ServerCursorImpl}
 * and the asynchronous {@link AsyncServerCursorImpl} extend it and only wait their way: the
 * first updates it under the session lock, the second on the event loop in the order of the
 * answers; the fields are volatile so that either front end's user threads read them.
 */
abstract class CursorState<R> {
    /** What closing needs: nothing, CLOSE, CLOSE ignoring 34000 (outside a transaction), or look first. */
    enum Closing { NOTHING, CLOSE, CLOSE_IF_THERE, LOOK }

    private final String name;
    private final String quoted;
    private final RowFactory<R> rowFactory;
    private volatile Boolean scrollable;
    private volatile boolean withhold;
    private volatile int itersize = 100;
    private volatile int arraysize = 1;
    private volatile boolean binary;
    /** execute() was called (and did not fail): a second one is refused, FETCH checks the transaction. */
    private volatile boolean executed;
    /** A FETCH or MOVE was sent: the cursor may have been declared elsewhere, CLOSE may be due. */
    private volatile boolean touched;
    private volatile boolean closed;
    private volatile RowDescription described;
    private volatile RowDecoder<R> decoder;
    private volatile boolean decoderBinary;
    private volatile long position;
    private volatile long rowcount = -1;
    private volatile String statusmessage;

    CursorState(String name, RowFactory<R> rowFactory) {
        this.name = name;
        this.quoted = CursorRequests.quote(name);
        this.rowFactory = rowFactory;
    }

    public final String name() {
        return name;
    }

    final String quoted() {
        return quoted;
    }

    // ---- checks (psycopg's rules)

    /** Before DECLARE: once per cursor, and in a transaction unless WITH HOLD. */
    final void checkDeclare(boolean autocommit) {
        if (executed) {
            throw CursorRequests.executedTwice(name);
        }
        if (autocommit && !withhold) {
            throw CursorRequests.outsideTransaction(name);
        }
    }

    final void checkOpen(boolean connectionClosed) {
        if (closed) {
            throw CursorRequests.closed(name);
        }
        if (connectionClosed) {
            throw new InterfaceException("the connection is closed");
        }
    }

    /**
     * With the status the FETCH/MOVE will meet: a cursor without hold declared here ended with
     * its transaction; raised rather than letting a FETCH open a new transaction only to fail in it.
     */
    final void checkAlive(TransactionStatus st) {
        if (executed && !withhold && st == TransactionStatus.IDLE) {
            throw CursorRequests.notValidAnymore(name);
        }
    }

    private void checkNotExecuted(String what) {
        if (executed) {
            throw CursorRequests.setAfterExecute(what, name);
        }
    }

    // ---- what the answers change

    /** execute() is under way: a second one is refused until it fails. */
    final void executing(boolean executing) {
        executed = executing;
    }

    /** The DECLARE succeeded; {@code rd} describes its rows (null: none). */
    final void declared(RowDescription rd) {
        executed = true;
        described = rd;
        decoder = null;
        position = 0;
        rowcount = 0;
        statusmessage = "DECLARE CURSOR";
    }

    /** A FETCH or MOVE is sent. */
    final void touched() {
        touched = true;
    }

    /**
     * The FETCH's own result, the last of the exchange (a BEGIN's may come first), with its rows
     * checked against their shape; an answer the protocol does not allow is returned as a
     * violation, which ends the session ({@link CheckedFetch}).
     */
    ProtocolViolation violation(List<QueryResult> results) {
        QueryResult r = results.isEmpty() ? null : results.get(results.size() - 1);
        if (r == null) {
            return new ProtocolViolation("FETCH was answered without a result");
        }
        if (r.rows().isEmpty()) {
            return null;
        }
        RowDecoder<R> current = decoder;
        RowDescription d = r.description() != null ? r.description() : current == null ? null : current.description();
        if (d == null) {
            return new ProtocolViolation("FETCH returned rows without a RowDescription");
        }
        for (DataRow row : r.rows()) {
            if (row.size() != d.fields().length) {
                return new ProtocolViolation("DataRow has " + row.size() + " columns but its RowDescription announced "
                        + d.fields().length);
            }
        }
        return null;
    }

    /** A FETCH (already checked by {@link #violation}) answered: position, rowcount and the decoder of its shape. */
    final RowDecoder<R> fetched(List<QueryResult> results, boolean bin, Supplier<Transformer> transformer) {
        QueryResult r = results.get(results.size() - 1);
        touched = true;
        if (r.description() != null && (decoder == null || decoderBinary != bin)) {
            decoder = new RowDecoder<>(r.description(), transformer.get(), rowFactory);
            decoderBinary = bin;
        }
        position += r.rows().size();
        rowcount = Math.max(rowcount, 0) + r.rows().size();
        statusmessage = r.statusMessage();
        return decoder;
    }

    /** MOVE {@code value} succeeded. */
    final void moved(long value, boolean absolute) {
        position = absolute ? value : position + value;
    }

    /** Marks it closed; false when it was already. */
    final boolean markClosed() {
        if (closed) {
            return false;
        }
        closed = true;
        decoder = null;
        return true;
    }

    /** What closing needs, with the status at the time CLOSE would reach the server. */
    final Closing closing(TransactionStatus st) {
        if (!(executed || touched) || st == TransactionStatus.INERROR || (st == TransactionStatus.IDLE && !withhold)) {
            return Closing.NOTHING; // the failed or ended transaction takes (took) the cursor with it
        }
        if (!executed) {
            return Closing.LOOK; // a cursor declared elsewhere may be closed already: CLOSE would fail the transaction
        }
        return st == TransactionStatus.IDLE ? Closing.CLOSE_IF_THERE : Closing.CLOSE;
    }

    // ---- state and options, as both front ends show them

    public boolean isClosed() {
        return closed;
    }

    public List<Column> description() {
        RowDecoder<R> d = decoder;
        if (d != null) {
            return d.columns();
        }
        RowDescription rd = described;
        return rd == null ? null : Columns.describe(rd);
    }

    public long rowcount() {
        return rowcount;
    }

    public int rownumber() {
        return executed || touched ? (int) Math.min(Integer.MAX_VALUE, position) : -1;
    }

    public String statusmessage() {
        return statusmessage;
    }

    public Boolean scrollable() {
        return scrollable;
    }

    public void setScrollable(Boolean scrollable) {
        checkNotExecuted("scrollable");
        this.scrollable = scrollable;
    }

    public boolean withhold() {
        return withhold;
    }

    public void setWithhold(boolean withhold) {
        checkNotExecuted("withhold");
        this.withhold = withhold;
    }

    public int itersize() {
        return itersize;
    }

    public void setItersize(int itersize) {
        if (itersize < 1) {
            throw new IllegalArgumentException("itersize must be at least 1, not " + itersize);
        }
        this.itersize = itersize;
    }

    public int arraysize() {
        return arraysize;
    }

    public void setArraysize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("arraysize must be at least 1, not " + size);
        }
        arraysize = size;
    }

    public boolean binary() {
        return binary;
    }

    public void setBinary(boolean binary) {
        this.binary = binary;
    }

    /** {@code fetchmany(size)}: 0 or more. */
    static void checkFetchSize(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("fetchmany size must be 0 or more, not " + size);
        }
    }

    /** As {@code toString()} shows it: the quoted name and whether it is declared or closed. */
    final String describe(String kind) {
        return kind + "[" + quoted + (closed ? ", closed" : executed ? ", declared" : "") + "]";
    }
}
