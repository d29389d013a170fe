package io.tusk.jdbc.internal;

import io.tusk.Column;
import io.tusk.rows.Row;
import java.sql.SQLException;
import java.util.List;

/**
 * Where a {@link JdbcResultSet}'s rows come from: a native cursor's result held in memory, a
 * portal fetched in batches, or rows the driver made itself (metadata). One job: hand out rows
 * in order; scrolling, conversion and closing rules live in the result set.
 */
public interface RowSource extends AutoCloseable {

    /** The columns of every row. */
    List<Column> columns();

    /** The next row, or {@code null} after the last. */
    Row next() throws SQLException;

    /** Releases what the rows hold (a portal, a cursor); calling it again does nothing. */
    @Override
    void close() throws SQLException;
}
