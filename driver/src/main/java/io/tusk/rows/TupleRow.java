package io.tusk.rows;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The default {@link Row}: the loaded values of one row plus the name index its result shares. */
final class TupleRow implements Row {
    private final Object[] values;
    private final ColumnIndex columns;

    TupleRow(Object[] values, ColumnIndex columns) {
        this.values = values;
        this.columns = columns;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Object get(int index) {
        if (index < 0 || index >= values.length) {
            throw new IndexOutOfBoundsException("column " + index + " does not exist: the row has " + values.length + " columns");
        }
        return values[index];
    }

    @Override
    public Object get(String column) {
        return values[columns.indexOf(column)];
    }

    @Override
    public int indexOf(String column) {
        return columns.indexOf(column);
    }

    @Override
    public List<String> columnNames() {
        return columns.names();
    }

    @Override
    public List<Object> toList() {
        return Collections.unmodifiableList(Arrays.asList(values.clone()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TupleRow r && Arrays.equals(values, r.values) && columns.names().equals(r.columns.names());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
