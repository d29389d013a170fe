package io.tusk.jdbc.internal;

import io.tusk.Column;
import io.tusk.rows.Row;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Rows the driver made itself (an Array's {@code getResultSet}, metadata answers), as a
 * {@link RowSource}. Each row is a list of values of the Java types Tusk's loaders would give
 * for the columns' types.
 */
public final class ListRows implements RowSource {
    private final List<Column> columns;
    private final List<String> names;
    private final Iterator<List<Object>> rows;

    public ListRows(List<Column> columns, List<List<Object>> rows) {
        this.columns = List.copyOf(columns);
        List<String> n = new ArrayList<>();
        for (Column c : columns) {
            n.add(c.name());
        }
        this.names = Collections.unmodifiableList(n);
        this.rows = rows.iterator();
    }

    /** Rows a native cursor already made (a batch's generated keys), held as their values. */
    public static ListRows ofRows(List<Column> columns, List<Row> rows) {
        List<List<Object>> values = new ArrayList<>(rows.size());
        for (Row r : rows) {
            values.add(r.toList());
        }
        return new ListRows(columns, values);
    }

    /** Rows given as lists of values of any list type (copied). */
    public static ListRows ofValues(List<Column> columns, List<? extends List<?>> values) {
        List<List<Object>> copy = new ArrayList<>(values.size());
        for (List<?> v : values) {
            copy.add(new ArrayList<>(v));
        }
        return new ListRows(columns, copy);
    }

    /** A column of a driver-made result: a name and a type OID, nothing else known. */
    public static Column column(String name, int typeOid) {
        return new Column(name, typeOid, null, null, null, null, null, null, 0, 0, -1, 0);
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public Row next() {
        return rows.hasNext() ? new ListRow(names, rows.next()) : null;
    }

    @Override
    public void close() {
        // nothing held
    }

    private record ListRow(List<String> columnNames, List<Object> values) implements Row {
        @Override
        public int size() {
            return values.size();
        }

        @Override
        public Object get(int index) {
            return values.get(index);
        }

        @Override
        public Object get(String column) {
            return values.get(indexOf(column));
        }

        @Override
        public List<Object> toList() {
            return Collections.unmodifiableList(values);
        }
    }
}
