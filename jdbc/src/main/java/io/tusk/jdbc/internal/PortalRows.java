package io.tusk.jdbc.internal;

import io.tusk.Column;
import io.tusk.ServerCursor;
import io.tusk.errors.TuskException;
import io.tusk.rows.Row;
import java.sql.SQLException;
import java.util.List;

/**
 * A result read from the server {@code fetchSize} rows at a time: the statement was declared as
 * a cursor ({@code DECLARE ... NO SCROLL CURSOR FOR}) in the open transaction and is read with
 * {@code FETCH FORWARD n}, so a result of any size needs memory for one batch only (pgjdbc reads
 * a portal with Execute(maxRows) for the same effect). The cursor lives in the transaction:
 * reading after commit or rollback fails, as with pgjdbc. Other statements may run on the
 * connection in between: the cursor is named.
 */
final class PortalRows implements RowSource {
    private final JdbcStatement owner;
    private final ServerCursor<Row> cursor;
    private final int fetchSize;
    private final long limit;
    private List<Row> batch;
    private int position;
    private long seen;
    private boolean exhausted;
    private boolean closed;

    /** Reads the first batch at once: the columns come with it. */
    PortalRows(JdbcStatement owner, ServerCursor<Row> cursor, int fetchSize, long limit) throws SQLException {
        this.owner = owner;
        this.cursor = cursor;
        this.fetchSize = fetchSize;
        this.limit = limit;
        fetch();
    }

    @Override
    public List<Column> columns() {
        return cursor.description();
    }

    @Override
    public Row next() throws SQLException {
        if (closed || (limit > 0 && seen >= limit)) {
            return null;
        }
        if (position == batch.size()) {
            if (exhausted) {
                return null;
            }
            fetch();
            if (batch.isEmpty()) {
                return null;
            }
        }
        seen++;
        return batch.get(position++);
    }

    private void fetch() throws SQLException {
        int n = limit > 0 ? (int) Math.min(fetchSize, limit - seen) : fetchSize;
        try {
            batch = cursor.fetchmany(n);
        } catch (TuskException e) {
            throw JdbcErrors.translate(e);
        }
        position = 0;
        exhausted = batch.size() < n;
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        batch = List.of();
        try {
            cursor.close();
        } catch (TuskException e) {
            throw JdbcErrors.translate(e);
        } finally {
            if (owner != null) {
                owner.resultClosed(this);
            }
        }
    }
}
