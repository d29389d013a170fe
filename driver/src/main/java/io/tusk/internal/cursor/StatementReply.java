package io.tusk.internal.cursor;

import io.tusk.errors.Diagnostic;
import io.tusk.internal.connection.QueryResult;
import io.tusk.internal.prepare.PreparedStatement;
import io.tusk.internal.protocol.ProtocolViolation;
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
import io.tusk.internal.protocol.backend.RowDescription;
import java.util.List;

/**
 * Reads the answer to one statement's extended-query messages (Close*, Parse?, Bind,
 * Describe?, Execute) up to its CommandComplete, EmptyQueryResponse or ErrorResponse: the
 * part of an exchange or of a pipeline that belongs to that statement. Sync is not its
 * business, so the same reader serves a one-statement exchange and a pipeline.
 *
 * <p>A prepared statement whose columns are cached is executed without Describe: the reader
 * starts with the cached RowDescription (carrying the format codes the Bind asked for). A
 * statement being prepared records the answer to its Describe in the cache.
 */
public final class StatementReply {
    private final PreparedStatement describing;
    private RowDescription description;
    private List<DataRow> rows;
    private QueryResult result;
    private Diagnostic error;
    private boolean done;

    /**
     * @param known the columns when no Describe is sent (a prepared statement), else null
     * @param describing the statement whose Describe answer is to be cached, or null
     */
    StatementReply(RowDescription known, PreparedStatement describing) {
        this.describing = describing;
        if (known != null) {
            description = known;
            rows = new RowSet();
        }
    }

    /** Takes one message; true once the statement's last message was read. */
    public boolean handle(BackendMessage m) {
        if (m instanceof DataRow row) {
            if (rows == null) {
                throw new ProtocolViolation("DataRow without RowDescription");
            }
            rows.add(row.requireColumns(description.fields().length));
            return false;
        }
        if (m instanceof CommandComplete cc) {
            return finish(new QueryResult(description, rows == null ? List.of() : rows, cc));
        }
        if (m instanceof RowDescription rd) {
            description = rd;
            rows = new RowSet();
            if (describing != null) {
                describing.describedAs(rd);
            }
        } else if (m == NoData.INSTANCE) {
            description = null;
            rows = null;
            if (describing != null) {
                describing.describedAs(null);
            }
        } else if (m instanceof ErrorResponse er) {
            error = er.diagnostic();
            rows = null;
            done = true;
            return true;
        } else if (m == EmptyQueryResponse.INSTANCE) {
            return finish(new QueryResult(null, List.of(), null));
        } else if (m != ParseComplete.INSTANCE && m != BindComplete.INSTANCE && m != CloseComplete.INSTANCE
                && !(m instanceof ParameterDescription)) {
            throw new ProtocolViolation("unexpected " + m.getClass().getSimpleName() + " in the answer to a statement");
        }
        return false;
    }

    private boolean finish(QueryResult r) {
        result = r;
        rows = null;
        done = true;
        return true;
    }

    public boolean done() {
        return done;
    }

    /** The result, or null when the statement failed or is not done. */
    public QueryResult result() {
        return result;
    }

    /** The server's error for this statement, or null. */
    public Diagnostic error() {
        return error;
    }
}
