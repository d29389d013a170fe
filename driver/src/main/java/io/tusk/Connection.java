package io.tusk;

import io.tusk.adapt.AdaptersMap;
import io.tusk.errors.Diagnostic;
import io.tusk.rows.Row;
import io.tusk.rows.RowFactory;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A session with a PostgreSQL server: psycopg's {@code Connection}. Made by
 * {@link Tusk#connect(String)}; close it when done.
 *
 * <pre>{@code
 * try (Connection conn = Tusk.connect("host=localhost dbname=app user=app")) {
 *     Row row = conn.execute("SELECT now()").fetchone();
 *     conn.commit();
 * }
 * }</pre>
 *
 * <p>As in psycopg, a connection is not in autocommit mode by default: the first statement
 * opens a transaction that lasts until {@link #commit()} or {@link #rollback()}. A connection
 * may be shared between threads (DB-API thread safety level 2): their commands run one at a
 * time.
 */
public interface Connection extends AutoCloseable {
    /** A new client-side cursor returning {@link Row}s. */
    Cursor<Row> cursor();

    /** Creates a cursor, runs {@code sql} on it and returns it. */
    Cursor<Row> execute(String sql);

    /** A new client-side cursor whose rows {@code rowFactory} makes (see {@code RowFactories}). */
    <R> Cursor<R> cursor(RowFactory<R> rowFactory);

    /** Creates a cursor, runs {@code query} with positional parameters ({@code %s}) and returns it. */
    Cursor<Row> execute(String query, Object... params);

    /** Creates a cursor, runs {@code query} with named parameters ({@code %(name)s}) and returns it. */
    Cursor<Row> execute(String query, Map<String, ?> params);

    /** A new cursor binding parameters on the client (psycopg's {@code ClientCursor}). */
    ClientCursor<Row> clientCursor();

    <R> ClientCursor<R> clientCursor(RowFactory<R> rowFactory);

    /** A new cursor taking PostgreSQL's {@code $n} placeholders as written (psycopg's {@code RawCursor}). */
    RawCursor<Row> rawCursor();

    <R> RawCursor<R> rawCursor(RowFactory<R> rowFactory);

    /** The adapters of this connection: a layer over the global ones, the parent of its cursors'. */
    AdaptersMap adapters();

    /** Commits the current transaction; does nothing when none is open. */
    void commit();

    /** Rolls the current transaction back; does nothing when none is open. */
    void rollback();

    boolean autocommit();

    /** In autocommit mode every statement commits on its own; not allowed inside a transaction. */
    void setAutocommit(boolean autocommit);

    /** What is known about the session: server version, backend pid, parameters, ... */
    ConnectionInfo info();

    /**
     * Asks the server to cancel the statement running on this connection. It is safe to call
     * from another thread; the running call then fails with {@code QueryCanceledException}.
     */
    void cancel();

    /**
     * Closes the session and rolls back any transaction still open. Calling it again does
     * nothing.
     */
    @Override
    void close();

    boolean isClosed();

    /** True when the connection was lost or ended unexpectedly (libpq's CONNECTION_BAD). */
    boolean isBroken();

    /**
     * Rolls back any transaction, discards every session state ({@code DISCARD ALL}) and
     * returns the connection to its freshly-opened settings; reconnects if it was broken.
     */
    void reset();

    /** Calls {@code handler} with every notice or warning the server sends. */
    void addNoticeHandler(Consumer<Diagnostic> handler);

    void removeNoticeHandler(Consumer<Diagnostic> handler);

    /** The last 50 notices the server sent, oldest first (psycopg2's {@code connection.notices}). */
    List<Diagnostic> notices();

    /**
     * Notifications received so far and not yet consumed, oldest first, removing them. They
     * arrive during other commands (after LISTEN); at most 10,000 are kept, the oldest dropped.
     */
    List<Notify> drainNotifies();
}
