package io.tusk.internal.cursor;

import io.tusk.errors.Diagnostic;
import io.tusk.internal.connection.Exchange;
import io.tusk.internal.connection.QueryResult;
import io.tusk.internal.connection.ServerErrors;
import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.backend.CommandComplete;
import io.tusk.internal.protocol.backend.ErrorResponse;
import io.tusk.internal.protocol.backend.ReadyForQuery;
import io.tusk.internal.protocol.frontend.Query;
import io.tusk.internal.protocol.frontend.Sync;
import java.util.List;

/**
 * One planned statement and its Sync as an exchange, after a BEGIN (a simple Query in the same
 * write) when the implicit transaction must be opened first. The statement's answer is read by
 * its {@link StatementReply}; the exchange ends at the ReadyForQuery of the Sync.
 */
public final class StatementExchange implements Exchange<List<QueryResult>> {
    private final String begin;
    private final PlannedStatement statement;
    private boolean beginPending;
    private Diagnostic beginError;
    private ReadyForQuery status;

    /** @param begin the BEGIN to send first, or null */
    public StatementExchange(String begin, PlannedStatement statement) {
        this.begin = begin;
        this.statement = statement;
        this.beginPending = begin != null;
    }

    @Override
    public void start(WriteBuffer out) {
        if (begin != null) {
            new Query(begin).encode(out);
        }
        statement.encode(out);
        Sync.INSTANCE.encode(out);
    }

    @Override
    public boolean handle(BackendMessage m, WriteBuffer out) {
        if (beginPending) {
            if (m instanceof ReadyForQuery) {
                beginPending = false;
            } else if (m instanceof ErrorResponse er && beginError == null) {
                beginError = er.diagnostic();
            } else if (!(m instanceof CommandComplete) && !(m instanceof ErrorResponse)) {
                throw new ProtocolViolation("unexpected " + m.getClass().getSimpleName() + " in the answer to BEGIN");
            }
            return false;
        }
        if (m instanceof ReadyForQuery rfq) {
            status = rfq;
            return true;
        }
        if (statement.reply().done()) {
            throw new ProtocolViolation("unexpected " + m.getClass().getSimpleName() + " after the end of a statement");
        }
        statement.reply().handle(m);
        return false;
    }

    @Override
    public List<QueryResult> result() {
        if (beginError != null) {
            throw ServerErrors.of(beginError);
        }
        Diagnostic e = statement.reply().error();
        if (e != null) {
            throw ServerErrors.of(e);
        }
        return List.of(statement.reply().result());
    }

    /** The transaction status the exchange ended in. */
    public ReadyForQuery status() {
        return status;
    }

    public PlannedStatement statement() {
        return statement;
    }

    /** Whether a BEGIN was sent in front. */
    public boolean sentBegin() {
        return begin != null;
    }
}
