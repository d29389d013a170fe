package io.tusk.jdbc.internal;

import io.tusk.Column;
import io.tusk.Cursor;
import io.tusk.rows.Row;
import java.util.List;

/** The rows of a native cursor's current result. */
final class CursorRows implements RowSource {
    private final Cursor<Row> cursor;

    CursorRows(Cursor<Row> cursor) {
        this.cursor = cursor;
    }

    @Override
    public List<Column> columns() {
        return cursor.description();
    }

    @Override
    public Row next() {
        return cursor.fetchone();
    }

    @Override
    public void close() {
        cursor.close();
    }
}
