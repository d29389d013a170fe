package io.tusk.jca.outbound;

import io.tusk.ClientCursor;
import io.tusk.Connection;
import io.tusk.ConnectionInfo;
import io.tusk.Copy;
import io.tusk.Cursor;
import io.tusk.IsolationLevel;
import io.tusk.LargeObject;
import io.tusk.Notify;
import io.tusk.Pipeline;
import io.tusk.RawCursor;
import io.tusk.ServerCursor;
import io.tusk.Transaction;
import io.tusk.TransactionStatus;
import io.tusk.Xid;
import io.tusk.adapt.AdaptersMap;
import io.tusk.errors.Diagnostic;
import io.tusk.errors.InterfaceException;
import io.tusk.errors.NotSupportedException;
import io.tusk.errors.ProgrammingException;
import io.tusk.rows.Row;
import io.tusk.rows.RowFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The {@link Connection} an application gets from a {@code TuskConnectionFactory}: a handle on a
 * pooled session ({@link TuskManagedConnection}), the connector's "connection handle"
 * (Jakarta Connectors 2.1, 6.5.4.2).
 *
 * <pre>{@code
 * try (Connection conn = factory.getConnection()) {   // a handle
 *     conn.execute("INSERT INTO t VALUES (%s)", 1);
 * }                                                    // back to the pool, its cursors closed
 * }</pre>
 *
 * <p>Every call goes to the session the handle is associated with now (the server may move a
 * handle to another session with {@code associateConnection}). While a transaction manager
 * drives the session's transaction, {@code commit}, {@code rollback}, {@code setAutocommit} and
 * the {@code tpc*} methods raise {@link ProgrammingException}. After {@link #close()} or the
 * container's {@code cleanup()} every call raises {@link InterfaceException}. Cursors, notice and
 * notification handlers opened through a handle are closed or removed with it.
 */
public final class TuskConnectionHandle implements Connection {
    private volatile TuskManagedConnection mc;
    private volatile boolean closed;
    private final HandleResources resources = new HandleResources();

    TuskConnectionHandle(TuskManagedConnection mc) {
        this.mc = mc;
    }

    /** Moves the handle to another managed connection; returns the previous one. */
    synchronized TuskManagedConnection reassociate(TuskManagedConnection target) {
        TuskManagedConnection previous = mc;
        if (previous != null && previous != target) {
            resources.moveHandlers(previous.physical(), target.physical());
        }
        mc = target;
        closed = false;
        return previous;
    }

    /** The container's cleanup()/destroy(): the handle is dead, its resources released. */
    void invalidate() {
        TuskManagedConnection m = mc;
        closed = true;
        resources.release(m == null ? null : m.physical());
    }

    // ---- state checks ----

    private Connection conn() {
        TuskManagedConnection m = mc;
        if (closed || m == null) {
            throw new InterfaceException("this Tusk connection handle is closed: get a new one from the TuskConnectionFactory");
        }
        return m.physical();
    }

    private Connection outsideManagedTx(String what) {
        Connection c = conn();
        if (mc.inManagedTransaction()) {
            throw new ProgrammingException(what + " is not allowed while the application server's transaction manager "
                    + "drives this connection's transaction: end the transaction through JTA (UserTransaction or the container)");
        }
        return c;
    }

    private <T> T call(Supplier<T> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            reportIfBroken(e);
            throw e;
        }
    }

    private void run(Runnable body) {
        try {
            body.run();
        } catch (RuntimeException e) {
            reportIfBroken(e);
            throw e;
        }
    }

    private void reportIfBroken(RuntimeException e) {
        TuskManagedConnection m = mc;
        if (m != null) {
            m.failed(e);
        }
    }

    private <C extends AutoCloseable> C track(C resource) {
        return resources.track(resource);
    }

    // ---- cursors ----

    @Override
    public Cursor<Row> cursor() {
        return call(() -> track(conn().cursor()));
    }

    @Override
    public Cursor<Row> execute(String sql) {
        return call(() -> track(conn().execute(sql)));
    }

    @Override
    public <R> Cursor<R> cursor(RowFactory<R> rowFactory) {
        return call(() -> track(conn().cursor(rowFactory)));
    }

    @Override
    public Cursor<Row> execute(String query, Object... params) {
        return call(() -> track(conn().execute(query, params)));
    }

    @Override
    public Cursor<Row> execute(String query, Map<String, ?> params) {
        return call(() -> track(conn().execute(query, params)));
    }

    @Override
    public ClientCursor<Row> clientCursor() {
        return call(() -> track(conn().clientCursor()));
    }

    @Override
    public <R> ClientCursor<R> clientCursor(RowFactory<R> rowFactory) {
        return call(() -> track(conn().clientCursor(rowFactory)));
    }

    @Override
    public RawCursor<Row> rawCursor() {
        return call(() -> track(conn().rawCursor()));
    }

    @Override
    public <R> RawCursor<R> rawCursor(RowFactory<R> rowFactory) {
        return call(() -> track(conn().rawCursor(rowFactory)));
    }

    @Override
    public ServerCursor<Row> cursor(String name) {
        return call(() -> track(conn().cursor(name)));
    }

    @Override
    public <R> ServerCursor<R> cursor(String name, RowFactory<R> rowFactory) {
        return call(() -> track(conn().cursor(name, rowFactory)));
    }

    @Override
    public <R> ServerCursor<R> cursor(String name, RowFactory<R> rowFactory, Boolean scrollable, boolean withhold) {
        return call(() -> track(conn().cursor(name, rowFactory, scrollable, withhold)));
    }

    @Override
    public LargeObject largeObject() {
        return call(() -> track(conn().largeObject()));
    }

    @Override
    public LargeObject largeObject(long oid, String mode) {
        return call(() -> track(conn().largeObject(oid, mode)));
    }

    @Override
    public LargeObject largeObject(long oid, String mode, long newOid, Path newFile) {
        return call(() -> track(conn().largeObject(oid, mode, newOid, newFile)));
    }

    @Override
    public AdaptersMap adapters() {
        return conn().adapters();
    }

    // ---- transactions: refused while a transaction manager owns them ----

    @Override
    public void commit() {
        Connection c = outsideManagedTx("commit()");
        run(c::commit);
    }

    @Override
    public void rollback() {
        Connection c = outsideManagedTx("rollback()");
        run(c::rollback);
    }

    @Override
    public boolean autocommit() {
        return conn().autocommit();
    }

    @Override
    public void setAutocommit(boolean autocommit) {
        Connection c = outsideManagedTx("setAutocommit()");
        run(() -> c.setAutocommit(autocommit));
    }

    @Override
    public IsolationLevel isolationLevel() {
        return conn().isolationLevel();
    }

    @Override
    public void setIsolationLevel(IsolationLevel level) {
        Connection c = conn();
        run(() -> c.setIsolationLevel(level));
    }

    @Override
    public Boolean readOnly() {
        return conn().readOnly();
    }

    @Override
    public void setReadOnly(Boolean readOnly) {
        Connection c = conn();
        run(() -> c.setReadOnly(readOnly));
    }

    @Override
    public Boolean deferrable() {
        return conn().deferrable();
    }

    @Override
    public void setDeferrable(Boolean deferrable) {
        Connection c = conn();
        run(() -> c.setDeferrable(deferrable));
    }

    @Override
    public void setSession(IsolationLevel isolationLevel, Boolean readOnly, Boolean deferrable, boolean autocommit) {
        Connection c = outsideManagedTx("setSession()");
        run(() -> c.setSession(isolationLevel, readOnly, deferrable, autocommit));
    }

    @Override
    public <T, E extends Exception> T transaction(Transaction.Work<T, E> body) throws E {
        Connection c = openManagedBlock();
        try {
            return c.transaction(body);
        } catch (RuntimeException e) {
            reportIfBroken(e);
            throw e;
        }
    }

    @Override
    public <T, E extends Exception> T transaction(String savepointName, boolean forceRollback, Transaction.Work<T, E> body) throws E {
        Connection c = openManagedBlock();
        try {
            return c.transaction(savepointName, forceRollback, body);
        } catch (RuntimeException e) {
            reportIfBroken(e);
            throw e;
        }
    }

    @Override
    public <E extends Exception> void runInTransaction(Transaction.Body<E> body) throws E {
        Connection c = openManagedBlock();
        try {
            c.runInTransaction(body);
        } catch (RuntimeException e) {
            reportIfBroken(e);
            throw e;
        }
    }

    /**
     * Inside a managed transaction a {@code transaction()} block must nest as a savepoint, never
     * COMMIT on its own: when the container's local transaction has not yet run a statement, one
     * is run so that the block is opened (psycopg's transaction() only commits what it began).
     */
    private Connection openManagedBlock() {
        Connection c = conn();
        if (mc.inManagedTransaction() && c.info().transactionStatus() == TransactionStatus.IDLE) {
            run(() -> c.execute("SELECT 1").close());
        }
        return c;
    }

    @Override
    public Xid xid(int formatId, String gtrid, String bqual) {
        return conn().xid(formatId, gtrid, bqual);
    }

    @Override
    public void tpcBegin(Xid xid) {
        Connection c = outsideManagedTx("tpcBegin()");
        run(() -> c.tpcBegin(xid));
    }

    @Override
    public void tpcBegin(String xid) {
        Connection c = outsideManagedTx("tpcBegin()");
        run(() -> c.tpcBegin(xid));
    }

    @Override
    public void tpcPrepare() {
        Connection c = outsideManagedTx("tpcPrepare()");
        run(c::tpcPrepare);
    }

    @Override
    public void tpcCommit() {
        Connection c = outsideManagedTx("tpcCommit()");
        run(() -> c.tpcCommit());
    }

    @Override
    public void tpcCommit(Xid xid) {
        Connection c = outsideManagedTx("tpcCommit()");
        run(() -> c.tpcCommit(xid));
    }

    @Override
    public void tpcCommit(String xid) {
        Connection c = outsideManagedTx("tpcCommit()");
        run(() -> c.tpcCommit(xid));
    }

    @Override
    public void tpcRollback() {
        Connection c = outsideManagedTx("tpcRollback()");
        run(() -> c.tpcRollback());
    }

    @Override
    public void tpcRollback(Xid xid) {
        Connection c = outsideManagedTx("tpcRollback()");
        run(() -> c.tpcRollback(xid));
    }

    @Override
    public void tpcRollback(String xid) {
        Connection c = outsideManagedTx("tpcRollback()");
        run(() -> c.tpcRollback(xid));
    }

    @Override
    public List<Xid> tpcRecover() {
        Connection c = outsideManagedTx("tpcRecover()");
        return call(c::tpcRecover);
    }

    // ---- session ----

    @Override
    public ConnectionInfo info() {
        return conn().info();
    }

    @Override
    public void cancel() {
        conn().cancel();
    }

    @Override
    public void cancelSafe(java.time.Duration timeout) {
        conn().cancelSafe(timeout);
    }

    /** Returns the session to the pool (CONNECTION_CLOSED); it is not closed. Calling it again does nothing. */
    @Override
    public void close() {
        TuskManagedConnection m;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            m = mc;
        }
        resources.release(m == null ? null : m.physical());
        if (m != null) {
            m.handleClosed(this);
        }
    }

    @Override
    public boolean isClosed() {
        TuskManagedConnection m = mc;
        return closed || m == null || m.physical().isClosed();
    }

    @Override
    public boolean isBroken() {
        TuskManagedConnection m = mc;
        return m != null && m.physical().isBroken();
    }

    /**
     * Whether the session answers a round trip within the server's time (JDBC's
     * {@code Connection.isValid(int)}, which IronJacamar's recovery looks up by name: without it a
     * recovery connection is destroyed as soon as it is opened). Opens no transaction.
     */
    public boolean isValid(int timeoutSeconds) {
        TuskManagedConnection m = mc;
        return !closed && m != null && (m.inManagedTransaction() ? !m.physical().isBroken() : m.ping());
    }

    /** Not offered on a pooled handle: the pool resets sessions itself. */
    @Override
    public void reset() {
        conn();
        throw new NotSupportedException("reset() is not available on a pooled Tusk connection: close() the handle "
                + "(the server's pool resets the session) and get a new one from the TuskConnectionFactory");
    }

    @Override
    public void addNoticeHandler(Consumer<Diagnostic> handler) {
        resources.addNoticeHandler(conn(), handler);
    }

    @Override
    public void removeNoticeHandler(Consumer<Diagnostic> handler) {
        resources.removeNoticeHandler(conn(), handler);
    }

    @Override
    public List<Diagnostic> notices() {
        return conn().notices();
    }

    @Override
    public List<Notify> drainNotifies() {
        return call(conn()::drainNotifies);
    }

    @Override
    public Stream<Notify> notifies(Duration timeout, Integer stopAfter) {
        return call(() -> conn().notifies(timeout, stopAfter));
    }

    @Override
    public void addNotifyHandler(Consumer<Notify> handler) {
        resources.addNotifyHandler(conn(), handler);
    }

    @Override
    public void removeNotifyHandler(Consumer<Notify> handler) {
        resources.removeNotifyHandler(conn(), handler);
    }

    // ---- COPY ----

    @Override
    public Copy copy(String sql) {
        return call(() -> conn().copy(sql));
    }

    @Override
    public <E extends Exception> long copy(String sql, Copy.Body<E> body) throws E {
        Connection c = conn();
        try {
            return c.copy(sql, body);
        } catch (RuntimeException e) {
            reportIfBroken(e);
            throw e;
        }
    }

    @Override
    public long copyFrom(InputStream in, String table, String sep, String nullString, List<String> columns) throws IOException {
        return io(() -> conn().copyFrom(in, table, sep, nullString, columns));
    }

    @Override
    public long copyFrom(Reader in, String table, String sep, String nullString, List<String> columns) throws IOException {
        return io(() -> conn().copyFrom(in, table, sep, nullString, columns));
    }

    @Override
    public long copyTo(OutputStream out, String table, String sep, String nullString, List<String> columns) throws IOException {
        return io(() -> conn().copyTo(out, table, sep, nullString, columns));
    }

    @Override
    public long copyTo(Writer out, String table, String sep, String nullString, List<String> columns) throws IOException {
        return io(() -> conn().copyTo(out, table, sep, nullString, columns));
    }

    @Override
    public long copyExpert(String sql, InputStream in) throws IOException {
        return io(() -> conn().copyExpert(sql, in));
    }

    @Override
    public long copyExpert(String sql, OutputStream out) throws IOException {
        return io(() -> conn().copyExpert(sql, out));
    }

    private interface IoCall {
        long get() throws IOException;
    }

    private long io(IoCall body) throws IOException {
        try {
            return body.get();
        } catch (RuntimeException e) {
            reportIfBroken(e);
            throw e;
        }
    }

    // ---- pipeline and prepared statements ----

    @Override
    public Pipeline pipeline() {
        return call(() -> conn().pipeline());
    }

    @Override
    public void setPrepareThreshold(Integer threshold) {
        conn().setPrepareThreshold(threshold);
    }

    @Override
    public Integer prepareThreshold() {
        return conn().prepareThreshold();
    }

    @Override
    public void setPreparedMax(int max) {
        conn().setPreparedMax(max);
    }

    @Override
    public int preparedMax() {
        return conn().preparedMax();
    }

    @Override
    public void setRewriteBatchedInserts(boolean rewrite) {
        conn().setRewriteBatchedInserts(rewrite);
    }

    @Override
    public boolean rewriteBatchedInserts() {
        return conn().rewriteBatchedInserts();
    }

    @Override
    public String toString() {
        return "TuskConnectionHandle[" + (closed ? "closed" : String.valueOf(mc)) + "]";
    }
}
