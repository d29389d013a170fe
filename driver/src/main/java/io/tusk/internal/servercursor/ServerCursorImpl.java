package io.tusk.internal.servercursor;

import io.tusk.Column;
import io.tusk.Connection;
import io.tusk.Copy;
import io.tusk.Cursor;
import io.tusk.ServerCursor;
import io.tusk.TransactionStatus;
import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.AdaptersMap;
import io.tusk.errors.NotSupportedException;
import io.tusk.errors.ProgrammingException;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.connection.ConnectionImpl;
import io.tusk.internal.connection.QueryResult;
import io.tusk.internal.connection.Session;
import io.tusk.internal.protocol.backend.DataRow;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import io.tusk.internal.stream.RowDecoder;
import io.tusk.rows.RowFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * psycopg's named cursor over {@code DECLARE}/{@code FETCH}/{@code MOVE}/{@code CLOSE}. Each
 * fetch is one round trip (FETCH through the extended protocol, so that {@code setBinary}
 * applies); only the rows of the last FETCH are held, so memory is bounded by the fetch size.
 */
public final class ServerCursorImpl<R>  extends CursorState<R> implements ServerCursor<R> {
    private Boolean prepare;

    private static final Object[] NO_PARAMS = new Object[0];

    private final ConnectionImpl connection;
    private final String quoted;
    private final AdaptersMap adapters;
    private RowDecoder<R> decoder;

    public ServerCursorImpl(ConnectionImpl connection, String name, RowFactory<R> rowFactory) {
        super(name, rowFactory);
        this.connection = connection;
        this.quoted = quoted();
        this.adapters = connection.adapters().child();
    }


    // ---- DECLARE

    @Override
    public ServerCursor<R> execute(String sql) {
        return execute(sql, NO_PARAMS);
    }

    @Override
    public ServerCursor<R> execute(String query, Object... params) {
        return declare(query, params, null);
    }

    @Override
    public ServerCursor<R> execute(String query, Map<String, ?> params) {
        return declare(query, null, params);
    }

    private ServerCursor<R> declare(String query, Object[] positional, Map<String, ?> named) {
        checkOpen();
        checkDeclare(connection.autocommit());
        // DECLARE takes parameters in the extended protocol: its query is planned with them.
        List<FrontendMessage> messages = CursorRequests.declare(name(), quoted, scrollable(), withhold(), query,
                positional, named, transformer());
        declared(connection.runWithImplicitBegin(begin -> CursorRequests.declareExchange(begin, messages)));
        decoder = null;
        return this;
    }

    // ---- FETCH

    /** One FETCH FORWARD of {@code count} rows (all when negative); the rows still as DataRows. */
    private List<DataRow> fetch(int count) {
        checkOpen();
        checkAlive(connection.session().transactionStatus());
        boolean bin = binary();
        List<QueryResult> results = connection.runWithImplicitBegin(begin -> CursorRequests.checkedFetch(begin, this, count, bin));
        decoder = fetched(results, bin, this::transformer);
        return results.get(results.size() - 1).rows();
    }

    private List<R> decode(List<DataRow> rows) {
        List<R> out = new ArrayList<>(rows.size());
        for (DataRow d : rows) {
            out.add(decoder.decode(d));
        }
        return out;
    }

    @Override
    public R fetchone() {
        List<DataRow> rows = fetch(1);
        return rows.isEmpty() ? null : decoder.decode(rows.get(0));
    }

    @Override
    public List<R> fetchmany(int size) {
        checkFetchSize(size);
        return decode(fetch(size));
    }

    @Override
    public List<R> fetchmany() {
        return fetchmany(arraysize());
    }

    @Override
    public List<R> fetchall() {
        return decode(fetch(-1));
    }

    /** Iterates with FETCH FORWARD itersize, stopping after a short batch (as psycopg 3). */
    @Override
    public Iterator<R> iterator() {
        checkOpen();
        return new Iterator<>() {
            private List<DataRow> batch = List.of();
            private RowDecoder<R> shape;
            private int index;
            private boolean last;

            @Override
            public boolean hasNext() {
                if (index < batch.size()) {
                    return true;
                }
                if (last || isClosed()) {
                    return false;
                }
                int size = itersize();
                batch = fetch(size);
                shape = decoder;
                index = 0;
                last = batch.size() < size;
                return !batch.isEmpty();
            }

            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("named cursor \"" + name() + "\" has no more rows");
                }
                return shape.decode(batch.get(index++)); // one by one: rows before a bad value still arrive
            }
        };
    }

    // ---- MOVE

    @Override
    public void scroll(int value) {
        scroll(value, "relative");
    }

    @Override
    public void scroll(int value, String mode) {
        boolean absolute = CursorRequests.absolute(mode);
        checkOpen();
        checkAlive(connection.session().transactionStatus());
        connection.runWithImplicitBegin(begin -> CursorRequests.move(begin, quoted, value, mode));
        moved(value, absolute);
    }

    // ---- CLOSE

    @Override
    public void close() {
        if (!markClosed()) {
            return;
        }
        decoder = null;
        Session s = connection.session();
        if (s.isClosed() || s.isBroken()) {
            return;
        }
        s.lock().lock();
        try {
            TransactionStatus st = s.transactionStatus();
            Closing how = closing(st);
            if (how == Closing.NOTHING || (how == Closing.LOOK && !exists(s))) {
                return; // gone with its transaction, or declared elsewhere and already closed there
            }
            // CLOSE on its own: it must not open a transaction (a holdable cursor after commit).
            try {
                s.run(CursorRequests.close(quoted));
            } catch (io.tusk.errors.DatabaseException e) {
                // Outside a transaction a holdable cursor may be gone already (the rollback of the
                // transaction that declared it removed it): nothing to close, and no transaction
                // was failed by trying. Inside one the error is real.
                if (st != TransactionStatus.IDLE || !"34000".equals(e.sqlstate())) {
                    throw e;
                }
            }
        } finally {
            s.lock().unlock();
        }
    }

    private boolean exists(Session s) {
        List<QueryResult> r = s.run(CursorRequests.exists(name(), transformer()));
        return !r.isEmpty() && !r.get(0).rows().isEmpty();
    }


    // ---- options and state









    /**
     * A named cursor's DECLARE is never kept as a prepared statement (each DECLARE creates a new
     * portal), so the choice is accepted and has no effect, as psycopg's ServerCursor ignores it.
     */
    @Override
    public ServerCursor<R> setPrepare(Boolean prepare) {
        this.prepare = prepare;
        return this;
    }

    @Override
    public Boolean prepare() {
        return prepare;
    }







    @Override
    public AdaptersMap adapters() {
        return adapters;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public String toString() {
        return describe("ServerCursor");
    }

    // ---- what a named cursor does not do (psycopg raises too)

    @Override
    public Cursor<R> executemany(String query, Iterable<?> paramsSeq) {
        throw new ProgrammingException("can't call executemany() on named cursor \"" + name() + "\": use a client-side cursor");
    }

    @Override
    public Cursor<R> executemany(String query, Iterable<?> paramsSeq, boolean returning) {
        return executemany(query, paramsSeq);
    }

    @Override
    public boolean nextset() {
        throw new NotSupportedException("named cursor \"" + name() + "\" has a single result: nextset() is not supported");
    }

    @Override
    public Stream<R> stream(String query, Object... params) {
        throw notHere("stream()");
    }

    @Override
    public Stream<R> stream(String query, Map<String, ?> params) {
        throw notHere("stream()");
    }

    @Override
    public Copy copy(String sql) {
        throw notHere("copy()");
    }

    @Override
    public Copy copy(String sql, Object... params) {
        throw notHere("copy()");
    }

    @Override
    public long copyFrom(InputStream in, String table, String sep, String nullString, List<String> columns) {
        throw notHere("copyFrom()");
    }

    @Override
    public long copyFrom(Reader in, String table, String sep, String nullString, List<String> columns) {
        throw notHere("copyFrom()");
    }

    @Override
    public long copyTo(OutputStream out, String table, String sep, String nullString, List<String> columns) {
        throw notHere("copyTo()");
    }

    @Override
    public long copyTo(Writer out, String table, String sep, String nullString, List<String> columns) {
        throw notHere("copyTo()");
    }

    @Override
    public long copyExpert(String sql, InputStream in) {
        throw notHere("copyExpert()");
    }

    @Override
    public long copyExpert(String sql, OutputStream out) {
        throw notHere("copyExpert()");
    }

    private ProgrammingException notHere(String what) {
        return new ProgrammingException(what + " cannot be used with a named cursor (\"" + name()
                + "\"): call it on conn.cursor()");
    }

    // ---- checks

    private Transformer transformer() {
        Session s = connection.session();
        return new Transformer(adapters, AdaptContext.of(s.charset(), s.parameters()));
    }

    private void checkOpen() {
        checkOpen(connection.closedByUser());
    }
}
