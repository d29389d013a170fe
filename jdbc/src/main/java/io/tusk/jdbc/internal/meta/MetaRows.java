package io.tusk.jdbc.internal.meta;

import io.tusk.Column;
import io.tusk.jdbc.internal.RowSource;
import io.tusk.rows.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one DatabaseMetaData answer, made by the driver and held in memory. Its columns
 * carry the labels and types the JDBC javadoc gives each method's result ({@code TABLE_CAT}
 * VARCHAR, {@code DATA_TYPE} SMALLINT, ...), so the result's metadata says what the javadoc says.
 */
public final class MetaRows implements RowSource {
    /** PostgreSQL type oids of the columns' declared types (pg_type.oid). */
    static final int BOOL = 16, INT8 = 20, INT2 = 21, INT4 = 23, VARCHAR = 1043;

    private final List<Column> columns;
    private final Map<String, Integer> index;
    private final List<String> names;
    private final List<Object[]> rows = new ArrayList<>();
    private int next;

    private MetaRows(List<Column> columns) {
        this.columns = Collections.unmodifiableList(columns);
        List<String> n = new ArrayList<>(columns.size());
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            n.add(columns.get(i).name());
            idx.putIfAbsent(columns.get(i).name(), i);
        }
        this.names = Collections.unmodifiableList(n);
        this.index = idx;
    }

    /** A result with these columns: pairs of label and type oid, e.g. {@code "TABLE_CAT", VARCHAR}. */
    static MetaRows of(Object... labelsAndTypes) {
        List<Column> cols = new ArrayList<>(labelsAndTypes.length / 2);
        for (int i = 0; i < labelsAndTypes.length; i += 2) {
            String label = (String) labelsAndTypes[i];
            int oid = (Integer) labelsAndTypes[i + 1];
            cols.add(new Column(label, oid, typeName(oid), null, null, null, null, Boolean.TRUE, 0, 0, -1, 0));
        }
        return new MetaRows(cols);
    }

    private static String typeName(int oid) {
        return switch (oid) {
            case BOOL -> "bool";
            case INT8 -> "int8";
            case INT2 -> "int2";
            case INT4 -> "int4";
            default -> "varchar";
        };
    }

    /** Adds a row; values in column order (String, Short, Integer, Long, Boolean or null). */
    MetaRows add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("a row of " + values.length + " values for " + columns.size() + " columns " + names);
        }
        rows.add(values);
        return this;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public Row next() {
        if (next >= rows.size()) {
            return null;
        }
        return new MetaRow(rows.get(next++));
    }

    @Override
    public void close() {
        next = rows.size();
    }

    /** One row of a metadata answer. */
    private final class MetaRow implements Row {
        private final Object[] values;

        MetaRow(Object[] values) {
            this.values = values;
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public Object get(int i) {
            if (i < 0 || i >= values.length) {
                throw new IndexOutOfBoundsException("column " + i + " does not exist: the row has " + values.length + " columns");
            }
            return values[i];
        }

        @Override
        public Object get(String column) {
            return values[indexOf(column)];
        }

        @Override
        public int indexOf(String column) {
            Integer i = index.get(column);
            if (i == null) {
                throw new IllegalArgumentException("no column named \"" + column + "\" in the result: columns are " + names);
            }
            return i;
        }

        @Override
        public List<String> columnNames() {
            return names;
        }

        @Override
        public List<Object> toList() {
            return Collections.unmodifiableList(Arrays.asList(values.clone()));
        }
    }
}
