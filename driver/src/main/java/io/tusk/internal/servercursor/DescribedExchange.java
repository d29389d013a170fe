package io.tusk.internal.servercursor;

import io.tusk.errors.Diagnostic;
import io.tusk.internal.connection.Exchange;
import io.tusk.internal.connection.ServerErrors;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.backend.ErrorResponse;
import io.tusk.internal.protocol.backend.ReadyForQuery;
import io.tusk.internal.protocol.backend.RowDescription;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import java.util.List;

/**
 * A DECLARE followed by a Describe of the portal it creates: a cursor declared with SQL is also
 * a protocol-level portal of the same name (PostgreSQL "DECLARE": "cursors ... are available at
 * the protocol level as portals"), so its columns are known before the first FETCH. The result
 * is that RowDescription, or null when the query returns no rows.
 */
final class DescribedExchange implements Exchange<RowDescription> {
    private final List<FrontendMessage> request;
    private final int syncs;
    private int seen;
    private RowDescription description;
    private Diagnostic error;

    DescribedExchange(List<FrontendMessage> request, int syncs) {
        this.request = request;
        this.syncs = syncs;
    }

    @Override
    public void start(WriteBuffer out) {
        for (FrontendMessage m : request) {
            m.encode(out);
        }
    }

    @Override
    public boolean handle(BackendMessage m, WriteBuffer out) {
        if (m instanceof RowDescription rd) {
            description = rd;
        } else if (m instanceof ErrorResponse e) {
            error = error == null ? e.diagnostic() : error;
        } else if (m instanceof ReadyForQuery) {
            return ++seen == syncs;
        }
        // ParseComplete, BindComplete, CommandComplete (BEGIN, DECLARE CURSOR), NoData: nothing to keep.
        return false;
    }

    @Override
    public RowDescription result() {
        if (error != null) {
            throw ServerErrors.of(error);
        }
        return description;
    }
}
