package io.tusk.internal.connection;

import io.tusk.internal.protocol.backend.RowDescription;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The columns of one result, with a name index built once for every row of it. */
final class ResultColumns {
    private final RowDescription.Field[] fields;
    private final List<String> names;
    private final Map<String, Integer> index;

    ResultColumns(RowDescription description) {
        this.fields = description.fields();
        List<String> n = new ArrayList<>(fields.length);
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < fields.length; i++) {
            n.add(fields[i].name());
            idx.putIfAbsent(fields[i].name(), i);
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

    int format(int column) {
        return fields[column].format();
    }

    List<String> names() {
        return names;
    }

    RowDescription.Field field(int i) {
        return fields[i];
    }

    int size() {
        return fields.length;
    }
}
