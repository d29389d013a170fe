package io.tusk.internal.connection;

import io.tusk.ClientCursor;
import io.tusk.Connection;
import io.tusk.ConnectionInfo;
import io.tusk.Copy;
import io.tusk.Cursor;
import io.tusk.RawCursor;
import io.tusk.adapt.AdaptersMap;
import io.tusk.internal.adapt.BuiltinAdapters;
import io.tusk.rows.RowFactories;
import io.tusk.rows.RowFactory;
import io.tusk.Notify;
import io.tusk.TransactionStatus;
import io.tusk.errors.Diagnostic;
import io.tusk.errors.OperationalException;
import io.tusk.errors.ProgrammingException;
import io.tusk.internal.net.Transport;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.frontend.CancelRequest;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import io.tusk.internal.protocol.frontend.Query;
import io.tusk.rows.Row;
import io.tusk.internal.copy.CopyHelpers;
import io.tusk.internal.copy.CopySupport;
import io.tusk.internal.notify.NotifyWait;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** The blocking {@link Connection}: session state plus psycopg's transaction rules. */
public final class ConnectionImpl implements Connection {
    private volatile Session session;
    private volatile Endpoint endpoint;
    private final Supplier<Opened> reconnect;
    private final ConnectionInfo info = new ConnectionInfoImpl(this);
    private volatile boolean autocommit;
    private volatile AdaptersMap adapters;

    /** A freshly started session and where it is connected. */
    public record Opened(Session session, Endpoint endpoint) {
    }

    public ConnectionImpl(Opened opened, Supplier<Opened> reconnect) {
        this.session = opened.session();
        this.endpoint = opened.endpoint();
        this.reconnect = reconnect;
    }

    public Session session() {
        return session;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public Cursor<Row> cursor() {
        return new CursorImpl<>(this, RowFactories.rows());
    }

    @Override
    public Cursor<Row> execute(String sql) {
        return cursor().execute(sql);
    }

    @Override
    public <R> Cursor<R> cursor(RowFactory<R> rowFactory) {
        return new CursorImpl<>(this, rowFactory);
    }

    @Override
    public Cursor<Row> execute(String query, Object... params) {
        return cursor().execute(query, params);
    }

    @Override
    public Cursor<Row> execute(String query, Map<String, ?> params) {
        return cursor().execute(query, params);
    }

    @Override
    public ClientCursor<Row> clientCursor() {
        return new ClientCursorImpl<>(this, RowFactories.rows());
    }

    @Override
    public <R> ClientCursor<R> clientCursor(RowFactory<R> rowFactory) {
        return new ClientCursorImpl<>(this, rowFactory);
    }

    @Override
    public RawCursor<Row> rawCursor() {
        return new RawCursorImpl<>(this, RowFactories.rows());
    }

    @Override
    public <R> RawCursor<R> rawCursor(RowFactory<R> rowFactory) {
        return new RawCursorImpl<>(this, rowFactory);
    }

    @Override
    public io.tusk.ServerCursor<Row> cursor(String name) {
        return new io.tusk.internal.servercursor.ServerCursorImpl<>(this, name, RowFactories.rows());
    }

    @Override
    public <R> io.tusk.ServerCursor<R> cursor(String name, RowFactory<R> rowFactory) {
        return new io.tusk.internal.servercursor.ServerCursorImpl<>(this, name, rowFactory);
    }

    @Override
    public <R> io.tusk.ServerCursor<R> cursor(String name, RowFactory<R> rowFactory, Boolean scrollable, boolean withhold) {
        io.tusk.ServerCursor<R> c = cursor(name, rowFactory);
        c.setScrollable(scrollable);
        c.setWithhold(withhold);
        return c;
    }

    @Override
    public io.tusk.LargeObject largeObject() {
        return largeObject(0, "", 0, null);
    }

    @Override
    public io.tusk.LargeObject largeObject(long oid, String mode) {
        return largeObject(oid, mode, 0, null);
    }

    @Override
    public io.tusk.LargeObject largeObject(long oid, String mode, long newOid, java.nio.file.Path newFile) {
        return io.tusk.internal.largeobject.LargeObjectImpl.open(this, oid, mode, newOid, newFile);
    }

    @Override
    public AdaptersMap adapters() {
        AdaptersMap a = adapters;
        if (a == null) {
            synchronized (this) {
                a = adapters;
                if (a == null) {
                    BuiltinAdapters.ensureRegistered();
                    a = AdaptersMap.global().child();
                    adapters = a;
                }
            }
        }
        return a;
    }

    /**
     * Runs an exchange that may need the implicit transaction opened first: {@code make} gets the
     * BEGIN to send ahead of its messages in the same write (as {@link #runSimple} does), or null
     * in autocommit mode or inside a transaction.
     */
    public <T> T runInTransaction(Function<String, Exchange<T>> make) {
        Session s = session;
        s.lock().lock();
        try {
            return s.run(make.apply(needsBegin(s) ? beginStatement() : null));
        } finally {
            s.lock().unlock();
        }
    }

    /**
     * Runs SQL with the simple-query protocol. Outside autocommit, an idle session first gets a
     * BEGIN, sent in the same write as the statement (psycopg sends it as its own round trip).
     */
    List<QueryResult> runSimple(String sql) {
        Session s = session;
        s.lock().lock();
        try {
            if (needsBegin(s)) {
                QueryExchange x = new QueryExchange(List.of(new Query(beginStatement()), new Query(sql)), 2);
                List<QueryResult> all = s.run(x);
                return all.subList(1, all.size());
            }
            return s.run(new QueryExchange(List.of(new Query(sql)), 1));
        } finally {
            s.lock().unlock();
        }
    }

    private boolean needsBegin(Session s) {
        return !autocommit && s.transactionStatus() == TransactionStatus.IDLE;
    }

    /** The BEGIN that opens an implicit transaction; characteristics join it in a later issue. */
    String beginStatement() {
        return "BEGIN";
    }

    /** Runs one command that must not open a transaction by itself (COMMIT, ROLLBACK, SET). */
    void runCommand(String sql) {
        session.run(new QueryExchange(List.<FrontendMessage>of(new Query(sql)), 1));
    }

    @Override
    public void commit() {
        Session s = session;
        s.lock().lock();
        try {
            if (s.transactionStatus() != TransactionStatus.IDLE) {
                runCommand("COMMIT");
            } else if (s.isClosed()) {
                runCommand("COMMIT"); // raises the closed-connection error
            }
        } finally {
            s.lock().unlock();
        }
    }

    @Override
    public void rollback() {
        Session s = session;
        s.lock().lock();
        try {
            if (s.transactionStatus() != TransactionStatus.IDLE || s.isClosed()) {
                runCommand("ROLLBACK");
            }
        } finally {
            s.lock().unlock();
        }
    }

    @Override
    public boolean autocommit() {
        return autocommit;
    }

    @Override
    public void setAutocommit(boolean value) {
        Session s = session;
        s.lock().lock();
        try {
            TransactionStatus st = s.transactionStatus();
            if (st != TransactionStatus.IDLE && value != autocommit) {
                throw new ProgrammingException("can't change autocommit now: the connection is in transaction status "
                        + st + "; commit or roll back first");
            }
            autocommit = value;
        } finally {
            s.lock().unlock();
        }
    }

    @Override
    public ConnectionInfo info() {
        return info;
    }

    /**
     * Sends a CancelRequest on a new connection to the same server (over TLS when the session
     * uses it) with the backend's key, and waits for the server to close that connection, so
     * that the request has been delivered when this returns (protocol "Canceling Requests").
     */
    @Override
    public void cancel() {
        Session s = session;
        if (s.isClosed() || s.isBroken() || s.keyData() == null) {
            return;
        }
        try (Transport t = endpoint.dialer().dial()) {
            WriteBuffer out = new WriteBuffer(64);
            new CancelRequest(s.keyData().processId(), s.keyData().secretKey()).encode(out);
            t.out().write(out.array(), 0, out.size());
            t.out().flush();
            t.readTimeout(Duration.ofSeconds(10));
            while (t.in().read() >= 0) {
                // the server sends nothing; it closes the connection once the request is processed
            }
        } catch (IOException e) {
            throw new OperationalException("could not send the cancel request to " + endpoint.host() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        session.close();
    }

    @Override
    public boolean isClosed() {
        return session.isClosed();
    }

    @Override
    public boolean isBroken() {
        return session.isBroken();
    }

    /**
     * psycopg2's {@code reset()}: rolls back any transaction and runs {@code RESET ALL} and
     * {@code SET SESSION AUTHORIZATION DEFAULT}; prepared two-phase transactions stay. A broken
     * connection is opened again with the same parameters (libpq's {@code PQreset}).
     */
    @Override
    public void reset() {
        Session s = session;
        if (s.isBroken() && !s.isClosed()) {
            Opened fresh = reconnect.get();
            // Handlers registered by the user carry over to the new session.
            this.session = fresh.session();
            this.endpoint = fresh.endpoint();
            return;
        }
        s.lock().lock();
        try {
            if (s.transactionStatus() != TransactionStatus.IDLE) {
                runCommand("ROLLBACK");
            }
            runCommand("RESET ALL");
            runCommand("SET SESSION AUTHORIZATION DEFAULT");
        } finally {
            s.lock().unlock();
        }
    }

    @Override
    public void addNoticeHandler(Consumer<Diagnostic> handler) {
        session.addNoticeHandler(handler);
    }

    @Override
    public void removeNoticeHandler(Consumer<Diagnostic> handler) {
        session.removeNoticeHandler(handler);
    }

    @Override
    public List<Diagnostic> notices() {
        return session.notices();
    }

    @Override
    public List<Notify> drainNotifies() {
        return session.drainNotifies();
    }

    @Override
    public String toString() {
        Session s = session;
        return "Connection[" + endpoint.safeDsn() + ", " + (s.isClosed() ? "closed" : s.isBroken() ? "broken" : s.transactionStatus()) + "]";
    }

    /**
     * The BEGIN a statement needs first outside autocommit when no transaction is open, else
     * null; for operations that send their own Query (COPY). The caller holds the session lock.
     */
    public String implicitBegin() {
        return needsBegin(session) ? beginStatement() : null;
    }

    @Override
    public Stream<Notify> notifies(Duration timeout, Integer stopAfter) {
        return NotifyWait.stream(this::session, timeout, stopAfter);
    }

    @Override
    public void addNotifyHandler(Consumer<Notify> handler) {
        session.addNotifyHandler(handler);
    }

    @Override
    public void removeNotifyHandler(Consumer<Notify> handler) {
        session.removeNotifyHandler(handler);
    }

    @Override
    public Copy copy(String sql) {
        return CopySupport.start(this, sql);
    }

    @Override
    public <E extends Exception> long copy(String sql, Copy.Body<E> body) throws E {
        return CopySupport.run(this, sql, body);
    }

    @Override
    public long copyFrom(InputStream in, String table, String sep, String nullString, List<String> columns) throws IOException {
        return CopyHelpers.copyFrom(this, in, table, sep, nullString, columns);
    }

    @Override
    public long copyFrom(Reader in, String table, String sep, String nullString, List<String> columns) throws IOException {
        return CopyHelpers.copyFrom(this, in, table, sep, nullString, columns);
    }

    @Override
    public long copyTo(OutputStream out, String table, String sep, String nullString, List<String> columns) throws IOException {
        return CopyHelpers.copyTo(this, out, table, sep, nullString, columns);
    }

    @Override
    public long copyTo(Writer out, String table, String sep, String nullString, List<String> columns) throws IOException {
        return CopyHelpers.copyTo(this, out, table, sep, nullString, columns);
    }

    @Override
    public long copyExpert(String sql, InputStream in) throws IOException {
        return CopyHelpers.copyExpert(this, sql, in);
    }

    @Override
    public long copyExpert(String sql, OutputStream out) throws IOException {
        return CopyHelpers.copyExpert(this, sql, out);
    }
}
