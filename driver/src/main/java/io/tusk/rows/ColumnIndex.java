package io.tusk.rows;

import io.tusk.Column;
import io.tusk.spi.DescribedColumns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The column names of one result with a name-to-position index, built once and shared by its rows. */
final class ColumnIndex {
    private final List<String> names;
    private final Map<String, Integer> index;

    /** The index of {@code columns}: built once per result shape when they come from a cursor. */
    static ColumnIndex of(List<Column> columns) {
        return columns instanceof DescribedColumns list ? list.derived(ColumnIndex::new) : new ColumnIndex(columns);
    }

    ColumnIndex(List<Column> columns) {
        List<String> n = new ArrayList<>(columns.size());
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            n.add(columns.get(i).name());
            idx.putIfAbsent(columns.get(i).name(), i);
        }
        this.names = Collections.unmodifiableList(n);
        this.index = idx;
    }

    int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no column named \"" + name + "\" in the result: columns are " + names);
        }
        return i;
    }

    /** The position of the column for a Java name: exact first, then ignoring case and underscores; -1 when none. */
    int match(String javaName) {
        Integer i = index.get(javaName);
        if (i != null) {
            return i;
        }
        String want = fold(javaName);
        for (int c = 0; c < names.size(); c++) {
            if (fold(names.get(c)).equals(want)) {
                return c;
            }
        }
        return -1;
    }

    static String fold(String s) {
        return s.replace("_", "").toLowerCase(java.util.Locale.ROOT);
    }

    List<String> names() {
        return names;
    }
}
