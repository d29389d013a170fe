package io.tusk.async;

import io.tusk.Notify;
import io.tusk.TransactionStatus;
import io.tusk.Xid;
import io.tusk.rows.Row;
import io.tusk.rows.RowFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * A connection whose operations return {@link CompletionStage}s: psycopg's
 * {@code AsyncConnection}, on the same protocol state machines as the blocking
 * {@link io.tusk.Connection}; only the way of waiting differs (a few shared I/O threads and a
 * selector instead of one blocked thread per connection).
 *
 * <pre>{@code
 * Tusk.connectAsync("postgresql://app@localhost/app")
 *     .thenCompose(conn -> conn.execute("SELECT %s + 1", 41)
 *         .thenCompose(AsyncCursor::fetchone)
 *         .whenComplete((row, e) -> conn.close()));
 * }</pre>
 *
 * Commands may be issued without waiting for the previous one: they are pipelined, sent at
 * once and answered in order. Futures complete on the connection's executor (the common
 * fork-join pool unless one is given), never on an I/O thread. Cancelling a returned future
 * ({@code toCompletableFuture().cancel(true)}) sends a CancelRequest for the running command.
 * As with the blocking connection, outside autocommit the first command opens a transaction
 * (an implicit BEGIN) that {@link #commit()} or {@link #rollback()} ends.
 */
public interface AsyncConnection {
    /** Opens a connection; futures complete on {@code executor}. */
    static CompletionStage<AsyncConnection> connect(String conninfo, Map<String, ?> parameters, Executor executor) {
        return io.tusk.spi.Services.connector().connectAsync(conninfo, parameters, executor);
    }

    /** A cursor returning {@link Row}s. */
    AsyncCursor<Row> cursor();

    <R> AsyncCursor<R> cursor(RowFactory<R> rowFactory);

    /** Runs SQL on a new cursor (several statements allowed without parameters). */
    CompletionStage<AsyncCursor<Row>> execute(String sql);

    /** Runs a statement with {@code %s} parameters bound on the server. */
    CompletionStage<AsyncCursor<Row>> execute(String query, Object... params);

    /** Runs a statement with {@code %(name)s} parameters bound on the server. */
    CompletionStage<AsyncCursor<Row>> execute(String query, Map<String, ?> params);

    /** Commits the implicit (or open) transaction; nothing happens when none is open. */
    CompletionStage<Void> commit();

    CompletionStage<Void> rollback();

    boolean autocommit();

    /** Sets autocommit; only while no transaction is open, as on the blocking connection. */
    void setAutocommit(boolean autocommit);

    /**
     * The isolation level of the transactions this connection starts (BEGIN ISOLATION LEVEL
     * ...), or null for the server's {@code default_transaction_isolation}; as the blocking
     * {@code Connection.isolationLevel()}.
     */
    io.tusk.IsolationLevel isolationLevel();

    /** Sets the isolation level of the next transactions; only while no transaction is open. */
    void setIsolationLevel(io.tusk.IsolationLevel level);

    /** Whether the transactions this connection starts are READ ONLY (true), READ WRITE (false), or the server's default (null). */
    Boolean readOnly();

    /** Sets READ ONLY / READ WRITE for the next transactions; only while no transaction is open. */
    void setReadOnly(Boolean readOnly);

    /** Whether the transactions this connection starts are DEFERRABLE, NOT DEFERRABLE, or the server's default (null). */
    Boolean deferrable();

    /** Sets DEFERRABLE / NOT DEFERRABLE for the next transactions; only while no transaction is open. */
    void setDeferrable(Boolean deferrable);

    /**
     * Runs {@code work} in a transaction block: BEGIN (or a SAVEPOINT when a transaction is
     * already open), then COMMIT (RELEASE) when its stage completes normally, ROLLBACK (ROLLBACK
     * TO SAVEPOINT) when it fails; the stage fails with the work's error after the rollback.
     */
    <T> CompletionStage<T> transaction(Function<AsyncConnection, CompletionStage<T>> work);

    /** Begins a two-phase transaction (autocommit off, no transaction open). */
    CompletionStage<Void> tpcBegin(Xid xid);

    /** PREPARE TRANSACTION for the current two-phase transaction. */
    CompletionStage<Void> tpcPrepare();

    /** COMMIT PREPARED after tpcPrepare, a one-phase COMMIT before it. */
    CompletionStage<Void> tpcCommit();

    CompletionStage<Void> tpcRollback();

    /** Commits a prepared transaction by its id (recovery). */
    CompletionStage<Void> tpcCommit(Xid xid);

    CompletionStage<Void> tpcRollback(Xid xid);

    /** The prepared transactions of the server, oldest first. */
    CompletionStage<List<Xid>> tpcRecover();

    /**
     * Notifications received after {@code LISTEN}, as a publisher: each subscriber has a bounded
     * buffer (1,024) filled as it requests; a subscriber that falls further behind loses the
     * notifications it did not ask for in time, so a slow one never makes the driver buffer
     * without bound. Completes when the connection closes.
     */
    Flow.Publisher<Notify> notifies();

    // ---- COPY

    /**
     * Starts a COPY ({@code COPY ... FROM STDIN} or {@code COPY ... TO STDOUT}), psycopg's
     * {@code AsyncConnection.copy()}: the stage completes once the server is in copy mode, with
     * the {@link AsyncCopy} to write or read the data; see there for flow control. Parameters
     * ({@code %s}) are quoted into the statement on the client, as the blocking
     * {@code cursor.copy(sql, params)} does, since COPY takes no server-side parameters:
     * {@code conn.copy("COPY (SELECT * FROM t WHERE day = %s) TO STDOUT", day)}. Outside
     * autocommit the COPY opens the implicit transaction, as any command does.
     */
    CompletionStage<AsyncCopy> copy(String sql, Object... params);

    /**
     * psycopg2's {@code lobject()}: creates a new large object and opens it for writing. Large
     * objects live in transactions: in autocommit mode the stage fails with ProgrammingException.
     * See {@link AsyncLargeObject}.
     */
    CompletionStage<AsyncLargeObject> largeObject();

    /** psycopg2's {@code lobject(oid, mode)}: opens an existing large object ({@code oid} 0 creates one). */
    CompletionStage<AsyncLargeObject> largeObject(long oid, String mode);

    /**
     * Asks the server to cancel the running command (a CancelRequest on a new connection, over
     * TLS when the session uses it); the stage completes when the server acknowledged it.
     */
    CompletionStage<Void> cancel();

    /**
     * psycopg's {@code cancel_safe(timeout)}: {@link #cancel()} whose stage completes within
     * {@code timeout}, never blocking the caller (as every method here, it returns a stage; a
     * blocking caller joins it). The stage completes normally when the server acknowledged the
     * request, also when nothing was running or the command already finished, and at once when
     * the connection is closed or broken.
     * <pre>{@code
     * conn.cancelSafe(Duration.ofSeconds(5)).exceptionally(e -> { conn.close(); return null; });
     * }</pre>
     * It fails with {@link io.tusk.errors.CancellationTimeout} when the server did not
     * acknowledge the request within {@code timeout}, with an {@code OperationalException} when
     * the cancel connection could not be opened.
     */
    CompletionStage<Void> cancelSafe(java.time.Duration timeout);

    /** Closes after the commands in flight were sent (they fail if not answered yet). */
    CompletionStage<Void> close();

    TransactionStatus transactionStatus();

    /**
     * True once {@link #close()} was called or the connection broke: as psycopg, "a broken
     * connection is always closed" (the server or the network ended the session; the next
     * command raised an {@code OperationalException}). {@code close()} is still fine to call.
     */
    boolean isClosed();

    /** True when the connection was lost or ended unexpectedly (libpq's CONNECTION_BAD); then {@link #isClosed()} is true too. */
    boolean isBroken();

    /** A parameter the server reported (server_version, TimeZone...), or null. */
    String parameterStatus(String name);

    /** The process id of the server backend. */
    int backendPid();

    // ---- prepared statements (docs/reference/prepared.md)

    /**
     * How many times a query (its text and parameter types) runs before it is prepared on the
     * server (psycopg's {@code prepare_threshold}), as {@link io.tusk.Connection#setPrepareThreshold}:
     * 0 prepares at the first execution, null never prepares; the default is 5.
     *
     * <pre>{@code
     * conn.setPrepareThreshold(0);   // every statement with parameters is prepared at once
     * }</pre>
     *
     * Executions issued while a statement's preparation is still unanswered run unprepared, so
     * a failed preparation never makes the executions queued behind it fail.
     */
    void setPrepareThreshold(Integer threshold);

    /** The current prepare threshold; null when prepared statements are disabled. */
    Integer prepareThreshold();

    /**
     * The most prepared statements kept on the server for this connection (psycopg's
     * {@code prepared_max}, default 100); the least recently used beyond are deallocated.
     */
    void setPreparedMax(int max);

    int preparedMax();

    // ---- pipeline mode

    /**
     * Puts the connection in pipeline mode (psycopg's {@code async with conn.pipeline()}): see
     * {@link AsyncPipeline}. End it with {@link AsyncPipeline#close()}.
     */
    AsyncPipeline pipeline();

    /**
     * Runs {@code work} in pipeline mode, then a final sync, also when the work fails; the stage
     * completes with the work's result, or fails with its error, else with the segment's first error.
     */
    <T> CompletionStage<T> pipeline(Function<AsyncPipeline, ? extends CompletionStage<T>> work);

    // ---- server-side cursors

    /**
     * A named cursor (psycopg's {@code AsyncServerCursor}) returning {@link Row}s: nothing is sent
     * until its {@code execute} declares it; see {@link AsyncServerCursor}. Calling it with the
     * name of a cursor opened elsewhere (a {@code refcursor} returned by a function) reads that one.
     */
    AsyncServerCursor<Row> cursor(String name);

    /** A named cursor whose rows {@code rowFactory} makes. */
    <R> AsyncServerCursor<R> cursor(String name, RowFactory<R> rowFactory);

    /**
     * psycopg2's {@code cursor(name, cursor_factory, scrollable, withhold)}: a named cursor
     * declared SCROLL (true), NO SCROLL (false) or as the server chooses (null), and WITH HOLD
     * when {@code withhold}.
     */
    <R> AsyncServerCursor<R> cursor(String name, RowFactory<R> rowFactory, Boolean scrollable, boolean withhold);
}
