package io.tusk.jdbc.internal;

import io.tusk.Cursor;
import io.tusk.Pipeline;
import io.tusk.RawCursor;
import io.tusk.errors.TuskException;
import io.tusk.rows.Row;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Statement.executeBatch}: every SQL text of the batch sent in one pipeline (PostgreSQL's
 * pipeline mode, one Sync at the end), so the batch costs one round trip and, in autocommit mode,
 * runs in one implicit transaction: a failure keeps none of it, as with pgjdbc. Each text is one
 * statement (the extended protocol runs one command per Execute).
 */
final class TextBatch {
    private TextBatch() {
    }

    static long[] run(io.tusk.Connection conn, List<String> sqls, QueryTimer timer) throws SQLException {
        List<Cursor<Row>> cursors = new ArrayList<>(sqls.size());
        TuskException failure = null;
        try (Pipeline p = conn.pipeline()) {
            for (String sql : sqls) {
                RawCursor<Row> c = conn.rawCursor();
                cursors.add(c);
                c.execute(sql);
            }
            p.sync();
        } catch (TuskException e) {
            failure = e;
        }
        try {
            return counts(sqls, cursors, failure, timer);
        } finally {
            for (Cursor<Row> c : cursors) {
                c.close();
            }
        }
    }

    private static long[] counts(List<String> sqls, List<Cursor<Row>> cursors, TuskException failure, QueryTimer timer)
            throws SQLException {
        long[] counts = new long[sqls.size()];
        for (int i = 0; i < counts.length; i++) {
            TuskException error = failure;
            if (i < cursors.size()) {
                Cursor<Row> c = cursors.get(i);
                try {
                    // a statement that returns rows counts 0, its rows dropped, as pgjdbc counts it
                    counts[i] = c.description() != null ? 0 : BatchCounts.ofTag(c.statusmessage());
                    continue;
                } catch (TuskException e) {
                    error = failure != null && !(failure instanceof io.tusk.errors.PipelineAbortedException) ? failure : e;
                }
            }
            SQLException cause = timer != null ? timer.translate(error) : JdbcErrors.translate(error);
            // Every entry is reported failed, as pgjdbc does: in autocommit mode the batch's one
            // transaction was rolled back, and inside the application's transaction that
            // transaction is aborted, so nothing the earlier entries did can be committed.
            long[] done = BatchCounts.all(counts.length, Statement.EXECUTE_FAILED);
            throw StatementErrors.batchFailed("Batch entry " + i + " " + sqls.get(i) + " was aborted: " + cause.getMessage()
                    + "  Call getNextException to see other errors in the batch.", cause.getSQLState(), done, cause);
        }
        if (failure != null) {
            SQLException cause = timer != null ? timer.translate(failure) : JdbcErrors.translate(failure);
            throw StatementErrors.batchFailed("Batch aborted: " + cause.getMessage(), cause.getSQLState(),
                    BatchCounts.all(counts.length, Statement.EXECUTE_FAILED), cause);
        }
        return counts;
    }
}
