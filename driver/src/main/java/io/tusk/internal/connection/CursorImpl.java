package io.tusk.internal.connection;

import io.tusk.Column;
import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.errors.InterfaceException;
import io.tusk.errors.ProgrammingException;
import io.tusk.rows.Row;
import io.tusk.internal.protocol.backend.RowDescription;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A client-side cursor: the whole result is read when the statement runs, then fetched from
 * memory, as psycopg's client-side {@code Cursor} does.
 */
public final class CursorImpl implements Cursor<Row> {
    private final ConnectionImpl connection;
    private List<QueryResult> results = List.of();
    private int resultIndex = -1;
    private QueryResult current;
    private ResultColumns columns;
    private int position;
    private int arraysize = 1;
    private boolean closed;

    CursorImpl(ConnectionImpl connection) {
        this.connection = connection;
    }

    @Override
    public Cursor<Row> execute(String sql) {
        checkOpen();
        setResults(connection.runSimple(sql));
        return this;
    }

    void setResults(List<QueryResult> results) {
        this.results = results;
        this.resultIndex = -1;
        if (!nextset()) {
            current = null;
            columns = null;
        }
    }

    @Override
    public Row fetchone() {
        checkResult();
        if (current.description() == null || position >= current.rows().size()) {
            return null;
        }
        return row(position++);
    }

    @Override
    public List<Row> fetchmany(int size) {
        checkResult();
        List<Row> out = new ArrayList<>(Math.max(0, Math.min(size, remaining())));
        while (out.size() < size && position < current.rows().size()) {
            out.add(row(position++));
        }
        return out;
    }

    @Override
    public List<Row> fetchmany() {
        return fetchmany(arraysize);
    }

    @Override
    public List<Row> fetchall() {
        return fetchmany(Integer.MAX_VALUE);
    }

    private int remaining() {
        return current.description() == null ? 0 : current.rows().size() - position;
    }

    private Row row(int i) {
        return new TextRow(current.rows().get(i), columns, connection.session().charset());
    }

    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            private Row next = advance();

            private Row advance() {
                return current == null ? null : fetchone();
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Row next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Row r = next;
                next = advance();
                return r;
            }
        };
    }

    @Override
    public List<Column> description() {
        if (current == null || current.description() == null) {
            return null;
        }
        List<Column> out = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            RowDescription.Field f = columns.field(i);
            out.add(new Column(f.name(), f.typeOid(), null, null, f.typeSize() < 0 ? null : f.typeSize(), null, null,
                    null, f.tableOid(), f.columnNumber(), f.typeModifier(), f.format()));
        }
        return out;
    }

    @Override
    public long rowcount() {
        if (current == null) {
            return -1;
        }
        return current.rowCount();
    }

    @Override
    public int rownumber() {
        return current == null || current.description() == null ? -1 : position;
    }

    @Override
    public String statusmessage() {
        return current == null ? null : current.statusMessage();
    }

    @Override
    public boolean nextset() {
        if (resultIndex + 1 >= results.size()) {
            return false;
        }
        current = results.get(++resultIndex);
        columns = current.description() == null ? null : new ResultColumns(current.description());
        position = 0;
        return true;
    }

    @Override
    public int arraysize() {
        return arraysize;
    }

    @Override
    public void setArraysize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("arraysize must be at least 1, not " + size);
        }
        arraysize = size;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        results = List.of();
        current = null;
    }

    private void checkOpen() {
        if (closed) {
            throw new InterfaceException("the cursor is closed");
        }
        if (connection.isClosed()) {
            throw new InterfaceException("the connection is closed");
        }
    }

    private void checkResult() {
        checkOpen();
        if (current == null) {
            throw new ProgrammingException("no result to fetch: execute a statement first");
        }
    }
}
