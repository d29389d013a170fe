package io.tusk.internal.servercursor;

import io.tusk.errors.DatabaseException;
import io.tusk.internal.connection.Exchange;
import io.tusk.internal.connection.QueryResult;
import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.BackendMessage;
import java.util.List;

/**
 * A FETCH whose answer is checked against its shape as it completes, where the exchange is fed:
 * an answer the protocol does not allow (no result, rows without a RowDescription, a row of
 * another width) is thrown from {@link #handle}, which ends the session on either front end
 * before anyone decodes the rows, as a whole result is checked by {@code RowSet.load}.
 */
final class CheckedFetch implements Exchange<List<QueryResult>> {
    private final Exchange<List<QueryResult>> fetch;
    private final CursorState<?> state;

    CheckedFetch(Exchange<List<QueryResult>> fetch, CursorState<?> state) {
        this.fetch = fetch;
        this.state = state;
    }

    @Override
    public void start(WriteBuffer out) {
        fetch.start(out);
    }

    @Override
    public boolean handle(BackendMessage message, WriteBuffer out) {
        boolean done = fetch.handle(message, out);
        if (done) {
            List<QueryResult> results;
            try {
                results = fetch.result();
            } catch (DatabaseException e) {
                return true; // the server's error: result() throws it
            }
            ProtocolViolation v = state.violation(results);
            if (v != null) {
                throw v;
            }
        }
        return done;
    }

    @Override
    public List<QueryResult> result() {
        return fetch.result();
    }
}
