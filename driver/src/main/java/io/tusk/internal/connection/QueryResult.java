package io.tusk.internal.connection;

import io.tusk.internal.protocol.backend.CommandComplete;
import io.tusk.internal.protocol.backend.DataRow;
import io.tusk.internal.protocol.backend.RowDescription;
import java.util.List;

/**
 * The outcome of one statement: its columns (null when it returns no rows), its rows, and its
 * command tag (null for an empty query).
 */
public record QueryResult(RowDescription description, List<DataRow> rows, CommandComplete complete) {
    public long rowCount() {
        return complete == null ? -1 : complete.rowCount();
    }

    public String statusMessage() {
        return complete == null ? null : complete.tag();
    }
}
