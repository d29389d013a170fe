package io.tusk.internal.connection;

import io.tusk.errors.Diagnostic;
import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.backend.BindComplete;
import io.tusk.internal.protocol.backend.CloseComplete;
import io.tusk.internal.protocol.backend.CommandComplete;
import io.tusk.internal.protocol.backend.DataRow;
import io.tusk.internal.protocol.backend.RowSet;
import io.tusk.internal.protocol.backend.EmptyQueryResponse;
import io.tusk.internal.protocol.backend.ErrorResponse;
import io.tusk.internal.protocol.backend.NoData;
import io.tusk.internal.protocol.backend.ParameterDescription;
import io.tusk.internal.protocol.backend.ParseComplete;
import io.tusk.internal.protocol.backend.PortalSuspended;
import io.tusk.internal.protocol.backend.ReadyForQuery;
import io.tusk.internal.protocol.backend.RowDescription;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs statements up to the ReadyForQuery that ends them: the simple-query protocol (one Query
 * message, possibly several statements, each with its own result) or an extended-query
 * sequence ending in Sync. Results are collected in order; the first ErrorResponse is kept
 * and raised once the server is ready again, so the session stays in step.
 */
public final class QueryExchange implements Exchange<List<QueryResult>> {
    private final List<FrontendMessage> request;
    private final int syncs;
    private final List<QueryResult> results = new ArrayList<>(1);
    private RowDescription description;
    private List<DataRow> rows;
    private Diagnostic error;
    private ReadyForQuery status;
    private int readySeen;
    private int[] parameterTypes;

    /**
     * @param request the messages, encoded in one write
     * @param syncs how many ReadyForQuery end the exchange (one per Query or Sync sent)
     */
    public QueryExchange(List<FrontendMessage> request, int syncs) {
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
        if (m instanceof DataRow row) {
            if (rows == null) {
                throw new ProtocolViolation("DataRow without RowDescription");
            }
            rows.add(row.requireColumns(description.fields().length));
        } else if (m instanceof CommandComplete cc) {
            finishStatement(cc);
        } else if (m instanceof RowDescription rd) {
            description = rd;
            rows = new RowSet();
        } else if (m instanceof ReadyForQuery rfq) {
            status = rfq;
            return ++readySeen == syncs;
        } else if (m instanceof ErrorResponse er) {
            if (error == null) {
                error = er.diagnostic();
            }
            description = null;
            rows = null;
        } else if (m == EmptyQueryResponse.INSTANCE) {
            results.add(new QueryResult(null, List.of(), null));
        } else if (m instanceof ParameterDescription pd) {
            parameterTypes = pd.types();
        } else if (m == NoData.INSTANCE) {
            description = null;
        } else if (m == PortalSuspended.INSTANCE) {
            results.add(new QueryResult(description, rows == null ? List.of() : rows, null));
            description = null;
            rows = null;
        } else if (m != ParseComplete.INSTANCE && m != BindComplete.INSTANCE && m != CloseComplete.INSTANCE) {
            throw new ProtocolViolation("unexpected " + m.getClass().getSimpleName() + " during a query");
        }
        return false;
    }

    private void finishStatement(CommandComplete cc) {
        results.add(new QueryResult(description, rows == null ? List.of() : rows, cc));
        description = null;
        rows = null;
    }

    @Override
    public List<QueryResult> result() {
        if (error != null) {
            throw ServerErrors.of(error);
        }
        return results;
    }

    /** The transaction status of the last ReadyForQuery. */
    public ReadyForQuery status() {
        return status;
    }

    /** The error the server reported, if any (without throwing it). */
    public Diagnostic error() {
        return error;
    }

    public int[] parameterTypes() {
        return parameterTypes;
    }
}
