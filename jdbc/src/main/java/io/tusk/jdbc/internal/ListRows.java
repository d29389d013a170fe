package io.tusk.jdbc.internal;

import io.tusk.Column;
import io.tusk.rows.Row;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Rows the driver already holds or made itself (an empty generated-keys result, an Array's
 * {@code getResultSet}, metadata answers), as a {@link RowSource}.
 */
public final class ListRows implements RowSource {
    private final List<Column> columns;
    private final Iterator<Row> rows;

    public ListRows(List<Column> columns, List<Row> rows) {
        this.columns = columns;
        this.rows = rows.iterator();
    }

    /**
     * Rows given as lists of values, each of the Java type Tusk's loaders give for its column's
     * type (Integer for int4, String for text, ...).
     */
    public static ListRows ofValues(List<Column> columns, List<? extends List<?>> values) {
        List<String> names = new ArrayList<>();
        for (Column c : columns) {
            names.add(c.name());
        }
        List<String> fixed = Collections.unmodifiableList(names);
        List<Row> rows = new ArrayList<>(values.size());
        for (List<?> v : values) {
            rows.add(new ListRow(fixed, new ArrayList<>(v)));
        }
        return new ListRows(columns, rows);
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
        return rows.hasNext() ? rows.next() : null;
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
