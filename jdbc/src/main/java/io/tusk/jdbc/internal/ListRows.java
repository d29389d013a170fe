package io.tusk.jdbc.internal;

import io.tusk.Column;
import io.tusk.rows.Row;
import java.util.Iterator;
import java.util.List;

/** Rows the driver already holds: an empty generated-keys result, for one. */
final class ListRows implements RowSource {
    private final List<Column> columns;
    private final Iterator<Row> rows;

    ListRows(List<Column> columns, List<Row> rows) {
        this.columns = columns;
        this.rows = rows.iterator();
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public Row next() {
        return rows.hasNext() ? rows.next() : null;
    }

    @Override
    public void close() {
        // nothing held
    }
}
