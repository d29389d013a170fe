package io.tusk.internal.connection;

import io.tusk.ClientCursor;
import io.tusk.Connection;
import io.tusk.ConnectionInfo;
import io.tusk.Copy;
import io.tusk.Cursor;
import io.tusk.RawCursor;
import io.tusk.adapt.AdaptersMap;
import io.tusk.internal.adapt.builtin.BuiltinAdapters;
import io.tusk.rows.RowFactories;
import io.tusk.rows.RowFactory;
import io.tusk.IsolationLevel;
import io.tusk.Notify;
import io.tusk.Transaction;
import io.tusk.Pipeline;
import io.tusk.internal.pipeline.PipelineEngine;
import io.tusk.internal.pipeline.PipelineHandle;
import io.tusk.internal.prepare.StatementCache;
import io.tusk.Xid;
import io.tusk.errors.Diagnostic;
import io.tusk.spi.TransactionControl;
import io.tusk.internal.tx.Transactions;
import io.tusk.internal.tx.TxRunner;
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
public final class ConnectionImpl implements Connection, TransactionControl {
    /** executemany of a plain INSERT ... VALUES as multi-row INSERTs (setRewriteBatchedInserts). */
    private volatile boolean rewriteInserts;
    private volatile Session session;
    private volatile Endpoint endpoint;
    private final Supplier<Opened> reconnect;
    private final ConnectionInfo info = new ConnectionInfoImpl(this);
    private volatile AdaptersMap adapters;
    /** Transactions, two-phase commit and a transaction manager's claim: the rules, run on the current session. */
    private final TxRunner tx = new TxRunner(new SessionTxHost(this::session));
    private final Transactions transactions = tx.transactions();
    private final StatementCache statements = new StatementCache();
    private volatile Session statementsSession;
    /** The open pipeline, or null; used only by the thread holding the session lock. */
    private volatile PipelineEngine pipeline;

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
    public <T> T runWithImplicitBegin(Function<String, Exchange<T>> make) {
        Session s = session;
        s.lock().lock();
        try {
            return s.run(make.apply(transactions.implicitBegin(s.transactionStatus())));
        } finally {
            s.lock().unlock();
        }
    }

    /**
     * Runs SQL with the simple-query protocol. Outside autocommit, an idle session first gets a
     * BEGIN, sent in the same write as the statement (psycopg sends it as its own round trip).
     */
    List<QueryResult> runSimple(String sql) {
        return runWithImplicitBegin(begin -> begin != null ? new BeginThen(begin, sql) : new QueryExchange(List.of(new Query(sql)), 1));
    }

    /** The BEGIN that opens an implicit transaction, with the connection's characteristics. */
    @Override
    public String beginStatement() {
        return transactions.beginStatement();
    }

    /** Runs one command that must not open a transaction by itself (COMMIT, ROLLBACK, SET); returns its command tag. */
    @Override
    public String runCommand(String sql) {
        List<QueryResult> results = session.run(new QueryExchange(List.<FrontendMessage>of(new Query(sql)), 1));
        return results.isEmpty() ? null : results.get(results.size() - 1).statusMessage();
    }

    @Override
    public void commit() {
        tx.end(true);
    }

    @Override
    public void rollback() {
        tx.end(false);
    }

    @Override
    public boolean autocommit() {
        return transactions.autocommit();
    }

    @Override
    public void setAutocommit(boolean value) {
        tx.setAutocommit(value);
    }

    @Override
    public IsolationLevel isolationLevel() {
        return transactions.characteristics().isolationLevel();
    }

    @Override
    public void setIsolationLevel(IsolationLevel level) {
        tx.setIsolationLevel(level);
    }

    @Override
    public Boolean readOnly() {
        return transactions.characteristics().readOnly();
    }

    @Override
    public void setReadOnly(Boolean readOnly) {
        tx.setReadOnly(readOnly);
    }

    @Override
    public Boolean deferrable() {
        return transactions.characteristics().deferrable();
    }

    @Override
    public void setDeferrable(Boolean deferrable) {
        tx.setDeferrable(deferrable);
    }

    @Override
    public void setSession(IsolationLevel isolationLevel, Boolean readOnly, Boolean deferrable, boolean autocommit) {
        tx.setSession(isolationLevel, readOnly, deferrable, autocommit);
    }

    @Override
    public <T, E extends Exception> T transaction(Transaction.Work<T, E> body) throws E {
        return tx.block(this, null, false, body);
    }

    @Override
    public <T, E extends Exception> T transaction(String savepointName, boolean forceRollback, Transaction.Work<T, E> body) throws E {
        return tx.block(this, savepointName, forceRollback, body);
    }

    @Override
    public <E extends Exception> void runInTransaction(Transaction.Body<E> body) throws E {
        tx.block(this, null, false, t -> {
            body.run(t);
            return null;
        });
    }

    @Override
    public Xid xid(int formatId, String gtrid, String bqual) {
        return Xid.of(formatId, gtrid, bqual);
    }

    @Override
    public void tpcBegin(Xid xid) {
        tx.tpcBegin(xid);
    }

    @Override
    public void tpcBegin(String xid) {
        tx.tpcBegin(Xid.fromString(xid));
    }

    @Override
    public void tpcPrepare() {
        tx.tpcPrepare();
    }

    @Override
    public void tpcCommit() {
        tx.tpcFinish(null, true);
    }

    @Override
    public void tpcCommit(Xid xid) {
        tx.tpcFinish(xid, true);
    }

    @Override
    public void tpcCommit(String xid) {
        tx.tpcFinish(Xid.fromString(xid), true);
    }

    @Override
    public void tpcRollback() {
        tx.tpcFinish(null, false);
    }

    @Override
    public void tpcRollback(Xid xid) {
        tx.tpcFinish(xid, false);
    }

    @Override
    public void tpcRollback(String xid) {
        tx.tpcFinish(Xid.fromString(xid), false);
    }

    @Override
    public List<Xid> tpcRecover() {
        return tx.tpcRecover();
    }

    @Override
    public void claim(String owner) {
        tx.claim().claim(owner);
    }

    @Override
    public void release(String owner) {
        tx.claim().release(owner);
    }

    @Override
    public String claimedBy() {
        return tx.claim().owner();
    }

    @Override
    public ConnectionInfo info() {
        return info;
    }

    /** See {@link CancelRequests#cancel}. */
    @Override
    public void cancel() {
        CancelRequests.cancel(session, endpoint, null);
    }

    /** psycopg's {@code cancel_safe(timeout)}; see {@link CancelRequests#cancel}. */
    @Override
    public void cancelSafe(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("cancelSafe needs a positive timeout, not " + timeout);
        }
        CancelRequests.cancel(session, endpoint, timeout);
    }

    @Override
    public void close() {
        session.close();
    }

    /**
     * psycopg: "A broken connection is always closed" ({@code closed} is true once libpq's status
     * is CONNECTION_BAD): closed by {@link #close()}, or broken (the server or the network ended
     * the session). {@link #reset()} still opens a broken one again.
     */
    @Override
    public boolean isClosed() {
        Session s = session;
        return s.isClosed() || s.isBroken();
    }

    /**
     * Whether {@link #close()} was called: cursors and large objects raise "the connection is
     * closed" (InterfaceException) then, but let a broken session say it is broken
     * (OperationalException, as psycopg's "the connection is lost").
     */
    public boolean closedByUser() {
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
        tx.claim().check("reset()");
        Session s = session;
        if (s.isBroken() && !s.isClosed()) {
            Opened fresh = reconnect.get();
            // Handlers registered by the user carry over to the new session.
            this.session = fresh.session();
            this.endpoint = fresh.endpoint();
            tx.forget();
            return;
        }
        tx.reset();
    }

    @Override
    public void addNoticeHandler(Consumer<Diagnostic> handler) {
        session.queues().addNoticeHandler(handler);
    }

    @Override
    public void removeNoticeHandler(Consumer<Diagnostic> handler) {
        session.queues().removeNoticeHandler(handler);
    }

    @Override
    public List<Diagnostic> notices() {
        return session.queues().notices();
    }

    @Override
    public List<Notify> drainNotifies() {
        return session.queues().drainNotifies();
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
        return transactions.implicitBegin(session.transactionStatus());
    }

    @Override
    public Stream<Notify> notifies(Duration timeout, Integer stopAfter) {
        return NotifyWait.stream(this::session, timeout, stopAfter);
    }

    @Override
    public void addNotifyHandler(Consumer<Notify> handler) {
        session.queues().addNotifyHandler(handler);
    }

    @Override
    public void removeNotifyHandler(Consumer<Notify> handler) {
        session.queues().removeNotifyHandler(handler);
    }

    /**
     * The prepared statements of the current session; a new session (after reset()) starts with
     * none. Every command tag the session reads is shown to the cache.
     */
    public StatementCache statements() {
        Session s = session;
        if (statementsSession != s) {
            synchronized (statements) {
                if (statementsSession != s) {
                    statements.bindTo(s);
                    s.observeTags(statements::observeTag);
                    statementsSession = s;
                }
            }
        }
        return statements;
    }

    @Override
    public void setPrepareThreshold(Integer threshold) {
        statements.threshold(threshold);
    }

    @Override
    public Integer prepareThreshold() {
        return statements.threshold();
    }

    @Override
    public void setPreparedMax(int max) {
        statements.max(max);
    }

    @Override
    public int preparedMax() {
        return statements.max();
    }

    @Override
    public void setRewriteBatchedInserts(boolean rewrite) {
        this.rewriteInserts = rewrite;
    }

    @Override
    public boolean rewriteBatchedInserts() {
        return rewriteInserts;
    }

    @Override
    public Pipeline pipeline() {
        Session s = session;
        s.lock().lock();
        try {
            if (s.isClosed()) {
                throw new io.tusk.errors.InterfaceException("the connection is closed");
            }
            PipelineEngine e = pipeline;
            if (e == null || e.session() != s) {
                e = new PipelineEngine(s, statements());
                pipeline = e;
                PipelineEngine engine = e;
                s.pipelineDrain(() -> {
                    if (engine.busy()) {
                        engine.sync();
                    }
                });
            }
            e.enter();
            PipelineEngine ended = e;
            return new PipelineHandle(this, e, () -> {
                s.pipelineDrain(null);
                if (pipeline == ended) {
                    pipeline = null;
                }
            });
        } catch (RuntimeException ex) {
            s.lock().unlock();
            throw ex;
        }
    }

    /** The pipeline open on this thread, or null (other threads wait for the lock the pipeline holds). */
    public PipelineEngine activePipeline() {
        PipelineEngine e = pipeline;
        Session s = session;
        return e != null && e.session() == s && s.lock().isHeldByCurrentThread() ? e : null;
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
