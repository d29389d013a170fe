package io.tusk.internal.connection;

import io.tusk.internal.tx.AsyncTransaction;
import io.tusk.internal.pipeline.AsyncPipelineImpl;
import io.tusk.internal.async.AsyncSession;
import io.tusk.internal.async.EventLoop;
import io.tusk.internal.async.EventLoopGroup;

import io.tusk.Notify;
import io.tusk.TransactionStatus;
import io.tusk.Xid;
import io.tusk.adapt.AdaptersMap;
import io.tusk.async.AsyncConnection;
import io.tusk.async.AsyncCursor;
import io.tusk.async.AsyncPipeline;
import io.tusk.conninfo.ConnectionSettings;
import io.tusk.conninfo.Conninfo;
import io.tusk.conninfo.Environment;
import io.tusk.IsolationLevel;
import io.tusk.internal.tx.Transactions;
import io.tusk.internal.tx.TwoPhase;
import io.tusk.internal.adapt.builtin.BuiltinAdapters;
import io.tusk.internal.connection.AsyncConnector;
import io.tusk.errors.ProgrammingException;
import io.tusk.internal.connection.Connections;
import io.tusk.internal.connection.QueryExchange;
import io.tusk.internal.connection.QueryResult;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import io.tusk.internal.prepare.StatementCache;
import io.tusk.internal.protocol.frontend.Query;
import io.tusk.rows.RowFactories;
import io.tusk.rows.Row;
import io.tusk.rows.RowFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.function.Function;

/**
 * The asynchronous connection: commands become exchanges submitted to an {@link AsyncSession},
 * their futures are completed again on the user's executor, and a cancelled future sends a
 * CancelRequest ({@link CancelSender}). Transactions and two-phase commit follow the rules both front ends share
 * ({@link Transactions}, {@link TwoPhase}), submitted by {@link AsyncTransaction}.
 */
public final class AsyncConnectionImpl implements AsyncConnection {
    static final int NOTIFY_BUFFER = 1024;

    private final AsyncSession session;
    private final Executor executor;
    private final SubmissionPublisher<Notify> notifications;
    private final AdaptersMap adapters;
    private final Transactions transactions = new Transactions(this::transactionStatus, this::isClosed);
    private final TwoPhase twoPhase = new TwoPhase();
    private final AsyncTransaction tx = new AsyncTransaction(this, transactions);
    private final StatementCache statements = new StatementCache();

    private AsyncConnectionImpl(AsyncSession session, Executor executor, SubmissionPublisher<Notify> notifications) {
        this.session = session;
        this.executor = executor;
        this.notifications = notifications;
        BuiltinAdapters.ensureRegistered();
        this.adapters = AdaptersMap.global().child();
        // Executions are planned without waiting for earlier answers: bind only confirmed names.
        statements.onlyConfirmed(true);
        statements.bindTo(session);
        session.observeTags(statements::observeTag);
    }

    /** Resolves the connection string as {@code Tusk.connect} does and opens the session without blocking. */
    public static CompletionStage<AsyncConnection> open(String conninfo, Map<String, ?> parameters, Executor executor) {
        Executor ex = executor == null ? ForkJoinPool.commonPool() : executor;
        ConnectionSettings settings;
        try {
            settings = Conninfo.parse(conninfo == null ? "" : conninfo).merge(parameters == null ? Map.of() : parameters)
                    .resolve(Environment.system());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        for (String w : settings.warnings()) {
            System.getLogger("io.tusk").log(System.Logger.Level.WARNING, w);
        }
        SubmissionPublisher<Notify> publisher = new SubmissionPublisher<>(ex, NOTIFY_BUFFER);
        EventLoop loop = EventLoopGroup.shared().next();
        AsyncConnector connector = new AsyncConnector(Connections.spec(settings), loop, ex, () -> publisher);
        CompletableFuture<AsyncConnection> out = new CompletableFuture<>();
        connector.open().whenComplete((s, e) -> ex.execute(() -> {
            if (e != null) {
                publisher.close();
                out.completeExceptionally(unwrap(e));
            } else {
                out.complete(new AsyncConnectionImpl(s, ex, publisher));
            }
        }));
        return out;
    }

    public static Throwable unwrap(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    public AsyncSession session() {
        return session;
    }

    AdaptersMap adapters() {
        return adapters;
    }

    /** The prepared statements of the session; planned and updated on the loop only, in write order. */
    public StatementCache statements() {
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

    /**
     * The user's view of a session future: completed on the executor; cancelling it while the
     * command is still in flight sends a CancelRequest (the server then fails the command with
     * 57014 and the session stays in step, so the connection remains usable).
     */
    public <T> CompletableFuture<T> deliver(CompletableFuture<T> f) {
        CompletableFuture<T> user = new CompletableFuture<>();
        f.whenComplete((r, e) -> executor.execute(() -> {
            if (e != null) {
                user.completeExceptionally(unwrap(e));
            } else {
                user.complete(r);
            }
        }));
        user.whenComplete((r, e) -> {
            if (user.isCancelled() && !f.isDone()) {
                cancel();
            }
        });
        return user;
    }

    /** Runs SQL with the simple-query protocol, as it is (no implicit BEGIN); {@code after} is the status it leaves. */
    public CompletableFuture<List<QueryResult>> run(String sql, TransactionStatus after) {
        return session.submit(st -> new AsyncSession.Planned<>(
                new QueryExchange(List.<FrontendMessage>of(new Query(sql)), 1), after));
    }

    /** The BEGIN to send in front of a command, or null: outside autocommit when no transaction is open. */
    public String beginFor(TransactionStatus expected) {
        return transactions.implicitBegin(expected);
    }

    @Override
    public AsyncCursor<Row> cursor() {
        return cursor(RowFactories.rows());
    }

    @Override
    public <R> AsyncCursor<R> cursor(RowFactory<R> rowFactory) {
        return new AsyncCursorImpl<>(this, rowFactory);
    }

    @Override
    public CompletionStage<AsyncCursor<Row>> execute(String sql) {
        return cursor().execute(sql);
    }

    @Override
    public CompletionStage<AsyncCursor<Row>> execute(String query, Object... params) {
        return cursor().execute(query, params);
    }

    @Override
    public CompletionStage<AsyncCursor<Row>> execute(String query, Map<String, ?> params) {
        return cursor().execute(query, params);
    }

    @Override
    public CompletionStage<Void> commit() {
        return endTransaction(true, "commit()");
    }

    @Override
    public CompletionStage<Void> rollback() {
        return endTransaction(false, "rollback()");
    }

    private CompletionStage<Void> endTransaction(boolean commit, String method) {
        try {
            transactions.checkNoBlock(method);
            twoPhase.checkNotActive(method);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        // Decided on the loop, in order: nothing is sent when no transaction will be open then.
        return deliver(session.submit(st -> {
            String sql = Transactions.endStatement(commit, st);
            return new AsyncSession.Planned<>(sql == null ? null : new QueryExchange(List.<FrontendMessage>of(new Query(sql)), 1),
                    TransactionStatus.IDLE);
        })).thenApply(r -> null);
    }

    @Override
    public boolean autocommit() {
        return transactions.autocommit();
    }

    @Override
    public void setAutocommit(boolean value) {
        transactions.setAutocommit(value);
    }

    @Override
    public IsolationLevel isolationLevel() {
        return transactions.characteristics().isolationLevel();
    }

    @Override
    public void setIsolationLevel(IsolationLevel level) {
        transactions.setIsolationLevel(level);
    }

    @Override
    public Boolean readOnly() {
        return transactions.characteristics().readOnly();
    }

    @Override
    public void setReadOnly(Boolean readOnly) {
        transactions.setReadOnly(readOnly);
    }

    @Override
    public Boolean deferrable() {
        return transactions.characteristics().deferrable();
    }

    @Override
    public void setDeferrable(Boolean deferrable) {
        transactions.setDeferrable(deferrable);
    }

    @Override
    public <T> CompletionStage<T> transaction(Function<AsyncConnection, CompletionStage<T>> work) {
        return tx.block(work);
    }

    @Override
    public CompletionStage<Void> tpcBegin(Xid xid) {
        return tx.submit(() -> twoPhase.begin(xid, session.transactionStatus(), transactions.autocommit(),
                transactions.beginStatement()));
    }

    @Override
    public CompletionStage<Void> tpcPrepare() {
        return tx.submit(twoPhase::prepare);
    }

    @Override
    public CompletionStage<Void> tpcCommit() {
        return tx.submit(() -> twoPhase.finish(true));
    }

    @Override
    public CompletionStage<Void> tpcRollback() {
        return tx.submit(() -> twoPhase.finish(false));
    }

    @Override
    public CompletionStage<Void> tpcCommit(Xid xid) {
        return tx.submit(() -> twoPhase.finish(xid, true));
    }

    @Override
    public CompletionStage<Void> tpcRollback(Xid xid) {
        return tx.submit(() -> twoPhase.finish(xid, false));
    }

    @Override
    public CompletionStage<List<Xid>> tpcRecover() {
        return tx.submit(() -> TwoPhase.recover(session.charset()));
    }

    @Override
    public Flow.Publisher<Notify> notifies() {
        return notifications;
    }

    // ---- COPY

    @Override
    public CompletionStage<io.tusk.async.AsyncCopy> copy(String sql, Object... params) {
        return io.tusk.internal.copy.AsyncCopyImpl.start(this, adapters(), executor(), sql, params);
    }

    @Override
    public CompletionStage<io.tusk.async.AsyncLargeObject> largeObject() {
        return largeObject(0, "");
    }

    @Override
    public CompletionStage<io.tusk.async.AsyncLargeObject> largeObject(long oid, String mode) {
        return io.tusk.internal.largeobject.AsyncLargeObjectImpl.open(this, oid, mode);
    }

    @Override
    public CompletionStage<Void> cancel() {
        return sendCancel(null);
    }

    /** psycopg's {@code cancel_safe(timeout)}, as the blocking {@code cancelSafe}; see {@link AsyncConnection#cancelSafe}. */
    @Override
    public CompletionStage<Void> cancelSafe(java.time.Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("cancelSafe needs a positive timeout, not " + timeout);
        }
        return sendCancel(timeout);
    }

    private CompletionStage<Void> sendCancel(java.time.Duration timeout) {
        if (session.keyData() == null || session.isClosed() || session.isBroken()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> f = session.sendCancel(timeout);
        CompletableFuture<Void> user = new CompletableFuture<>();
        f.whenComplete((r, e) -> executor.execute(() -> {
            if (e != null) {
                user.completeExceptionally(unwrap(e));
            } else {
                user.complete(null);
            }
        }));
        return user;
    }

    @Override
    public CompletionStage<Void> close() {
        CompletableFuture<Void> user = new CompletableFuture<>();
        session.close().whenComplete((r, e) -> executor.execute(() -> {
            notifications.close();
            user.complete(null);
        }));
        return user;
    }

    @Override
    public TransactionStatus transactionStatus() {
        return session.transactionStatus();
    }

    @Override
    public boolean isClosed() {
        // psycopg: "A broken connection is always closed" (see the blocking ConnectionImpl).
        return session.isClosed() || session.isBroken();
    }

    /** Whether {@link #close()} was called (a broken session is not, and says so when used). */
    public boolean closedByUser() {
        return session.isClosed();
    }

    @Override
    public boolean isBroken() {
        return session.isBroken();
    }

    @Override
    public String parameterStatus(String name) {
        return session.parameters().get(name);
    }

    @Override
    public int backendPid() {
        return session.keyData() == null ? 0 : session.keyData().processId();
    }

    Executor executor() {
        return executor;
    }

    // ---- pipeline mode (AsyncPipeline)

    @Override
    public AsyncPipeline pipeline() {
        return new AsyncPipelineImpl(this);
    }

    @Override
    public <T> CompletionStage<T> pipeline(Function<AsyncPipeline, ? extends CompletionStage<T>> work) {
        AsyncPipeline p = pipeline();
        CompletionStage<T> ran;
        try {
            ran = work.apply(p);
        } catch (RuntimeException e) {
            ran = CompletableFuture.failedFuture(e);
        }
        // the final sync runs whatever the work did; the work's error wins over the sync's
        return ran.handle((r, e) -> p.close().handle((v, syncError) -> {
            Throwable failure = e != null ? e : syncError;
            if (failure != null) {
                throw failure instanceof CompletionException c ? c : new CompletionException(failure);
            }
            return r;
        })).thenCompose(Function.identity());
    }

    // ---- server-side cursors

    @Override
    public io.tusk.async.AsyncServerCursor<Row> cursor(String name) {
        return cursor(name, RowFactories.rows());
    }

    @Override
    public <R> io.tusk.async.AsyncServerCursor<R> cursor(String name, RowFactory<R> rowFactory) {
        return new io.tusk.internal.servercursor.AsyncServerCursorImpl<>(this, executor, adapters, name, rowFactory);
    }

    @Override
    public <R> io.tusk.async.AsyncServerCursor<R> cursor(String name, RowFactory<R> rowFactory, Boolean scrollable,
            boolean withhold) {
        io.tusk.async.AsyncServerCursor<R> c = cursor(name, rowFactory);
        c.setScrollable(scrollable);
        c.setWithhold(withhold);
        return c;
    }
}
