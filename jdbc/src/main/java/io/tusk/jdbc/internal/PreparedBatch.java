package io.tusk.jdbc.internal;

import io.tusk.Column;
import io.tusk.Cursor;
import io.tusk.RawCursor;
import io.tusk.errors.TuskException;
import io.tusk.rows.Row;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code PreparedStatement.addBatch/executeBatch} over the native pipelined executemany (one Sync
 * for the whole batch: one implicit transaction in autocommit mode, as pgjdbc). Each row's update
 * count is read from its command tag. With the connection's {@code reWriteBatchedInserts} an
 * {@code INSERT ... VALUES} batch goes through the native rewrite (many rows per statement), and
 * every count is then {@link Statement#SUCCESS_NO_INFO}, as pgjdbc reports it.
 */
final class PreparedBatch {
    private final String sql;
    private final int parameterCount;
    private final String keysSql;
    private final boolean rewritableInsert;
    private final List<Object[]> rows = new ArrayList<>();

    /** {@code keysSql} is the statement with its RETURNING clause when generated keys were asked for, else null. */
    PreparedBatch(String sql, int parameterCount, String keysSql, boolean rewritableInsert) {
        this.rewritableInsert = rewritableInsert;
        this.sql = sql;
        this.parameterCount = parameterCount;
        this.keysSql = keysSql;
    }

    void add(Object[] row) {
        rows.add(row);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    long[] run(JdbcStatement stmt, QueryTimer timer) throws SQLException {
        if (rows.isEmpty()) {
            return new long[0];
        }
        try {
            if (keysSql != null) {
                return withKeys(stmt);
            }
            io.tusk.Connection conn = stmt.conn;
            String rewritable = rewritableInsert && conn.rewriteBatchedInserts() ? StatementSql.pyformat(sql, parameterCount) : null;
            if (rewritable != null) {
                try (Cursor<Row> c = conn.cursor()) {
                    c.executemany(rewritable, rows);
                }
                return BatchCounts.all(rows.size(), Statement.SUCCESS_NO_INFO);
            }
            RawCursor<Row> cur = stmt.cursor();
            cur.executemany(sql, rows, true);
            long[] counts = new long[rows.size()];
            int i = 0;
            do {
                if (i < counts.length) {
                    counts[i++] = cur.description() != null ? 0 : BatchCounts.ofTag(cur.statusmessage());
                }
            } while (cur.nextset());
            return counts;
        } catch (TuskException e) {
            SQLException cause = timer != null ? timer.translate(e) : JdbcErrors.translate(e);
            throw StatementErrors.batchFailed("Batch of " + rows.size() + " entries was aborted (it ran as one transaction): "
                    + cause.getMessage()
                    + "  Call getNextException to see other errors in the batch.", cause.getSQLState(),
                    BatchCounts.all(rows.size(), Statement.EXECUTE_FAILED), cause);
        } catch (RuntimeException e) {
            throw StatementSql.unexpected(e);
        } finally {
            rows.clear();
        }
    }

    /** Every row's statement with RETURNING: the rows of all of them are the generated keys. */
    private long[] withKeys(JdbcStatement stmt) throws SQLException {
        RawCursor<Row> cur = stmt.cursor();
        cur.executemany(keysSql, rows, true);
        long[] counts = new long[rows.size()];
        List<Row> keys = new ArrayList<>();
        List<Column> columns = cur.description();
        int i = 0;
        do {
            if (i < counts.length) {
                counts[i++] = BatchCounts.ofTag(cur.statusmessage());
            }
            if (cur.description() != null) {
                keys.addAll(cur.fetchall());
            }
        } while (cur.nextset());
        stmt.setGeneratedKeys(stmt.resultSet(new ListRows(columns == null ? List.of() : columns, keys),
                ResultSet.TYPE_FORWARD_ONLY), -1);
        return counts;
    }
}
