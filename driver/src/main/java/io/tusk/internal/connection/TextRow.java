package io.tusk.internal.connection;

import io.tusk.rows.Row;
import io.tusk.internal.protocol.backend.DataRow;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A row whose values are the server's text, decoded when asked. Binary values (from a
 * binary-format result) come back as {@code byte[]} until type adaptation loads them.
 */
final class TextRow implements Row {
    private final DataRow data;
    private final ResultColumns columns;
    private final Charset charset;

    TextRow(DataRow data, ResultColumns columns, Charset charset) {
        this.data = data;
        this.columns = columns;
        this.charset = charset;
    }

    @Override
    public int size() {
        return data.size();
    }

    @Override
    public Object get(int index) {
        check(index);
        if (data.isNull(index)) {
            return null;
        }
        if (columns.format(index) == 1) {
            return data.bytes(index);
        }
        return new String(data.buffer(), data.offset(index), data.length(index), charset);
    }

    @Override
    public Object get(String column) {
        return get(columns.indexOf(column));
    }

    @Override
    public String getString(int index) {
        Object v = get(index);
        return v == null ? null : v instanceof byte[] b ? Arrays.toString(b) : v.toString();
    }

    @Override
    public String getString(String column) {
        return getString(columns.indexOf(column));
    }

    @Override
    public List<String> columnNames() {
        return columns.names();
    }

    @Override
    public List<Object> toList() {
        List<Object> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(get(i));
        }
        return Collections.unmodifiableList(out);
    }

    private void check(int index) {
        if (index < 0 || index >= data.size()) {
            throw new IndexOutOfBoundsException("column " + index + " does not exist: the row has " + data.size() + " columns");
        }
    }

    @Override
    public String toString() {
        return toList().toString();
    }
}
