package io.tusk;

import io.tusk.adapt.AdaptersMap;
import io.tusk.errors.Diagnostic;
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
import java.util.stream.Stream;

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

    /** Creates a cursor, runs a query composed with {@link io.tusk.sql} and returns it. */
    default Cursor<Row> execute(io.tusk.sql.Composable query, Object... params) {
        return cursor().execute(query, params);
    }

    /** As {@link #execute(io.tusk.sql.Composable, Object...)} with named parameters. */
    default Cursor<Row> execute(io.tusk.sql.Composable query, Map<String, ?> params) {
        return cursor().execute(query, params);
    }

    /** A new cursor binding parameters on the client (psycopg's {@code ClientCursor}). */
    ClientCursor<Row> clientCursor();

    <R> ClientCursor<R> clientCursor(RowFactory<R> rowFactory);

    /** A new cursor taking PostgreSQL's {@code $n} placeholders as written (psycopg's {@code RawCursor}). */
    RawCursor<Row> rawCursor();

    <R> RawCursor<R> rawCursor(RowFactory<R> rowFactory);

    /**
     * A new server-side (named) cursor returning {@link Row}s: psycopg's {@code cursor(name)}.
     * Any string is a valid name (it is quoted). See {@link ServerCursor}.
     */
    ServerCursor<Row> cursor(String name);

    /** A new server-side cursor whose rows {@code rowFactory} makes. */
    <R> ServerCursor<R> cursor(String name, RowFactory<R> rowFactory);

    /**
     * psycopg2's {@code cursor(name, cursor_factory, scrollable, withhold)}: a server-side cursor
     * declared SCROLL (true), NO SCROLL (false) or as the server chooses (null), and WITH HOLD
     * when {@code withhold}.
     */
    <R> ServerCursor<R> cursor(String name, RowFactory<R> rowFactory, Boolean scrollable, boolean withhold);

    /**
     * psycopg2's {@code lobject()}: creates a new large object and opens it for writing. Large
     * objects need a transaction: outside autocommit one is opened (BEGIN) if none is; in
     * autocommit mode this raises ProgrammingException. See {@link LargeObject}.
     */
    LargeObject largeObject();

    /** psycopg2's {@code lobject(oid, mode)}: opens an existing large object ({@code oid} 0 creates one). */
    LargeObject largeObject(long oid, String mode);

    /**
     * psycopg2's {@code lobject(oid, mode, new_oid, new_file)}: with {@code oid} 0 a new object
     * is created, with the OID {@code newOid} when not 0 (an OID in use raises), and filled from
     * the client-side file {@code newFile} when not null (libpq's {@code lo_import}, read on the
     * client, not the server's {@code lo_import} function).
     */
    LargeObject largeObject(long oid, String mode, long newOid, Path newFile);

    /** The adapters of this connection: a layer over the global ones, the parent of its cursors'. */
    AdaptersMap adapters();

    /**
     * Commits the current transaction; does nothing when none is open. Not allowed inside a
     * {@link #transaction} block or a two-phase transaction.
     */
    void commit();

    /**
     * Rolls the current transaction back; does nothing when none is open. Not allowed inside a
     * {@link #transaction} block or a two-phase transaction.
     */
    void rollback();

    boolean autocommit();

    /** In autocommit mode every statement commits on its own; not allowed inside a transaction. */
    void setAutocommit(boolean autocommit);

    /**
     * The isolation level of the transactions the connection starts, or null for the server's
     * {@code default_transaction_isolation} (the default).
     */
    IsolationLevel isolationLevel();

    /**
     * Sets the isolation level of the next transactions (psycopg's {@code isolation_level}): it is
     * sent with their BEGIN, and the session's defaults are left alone. In autocommit mode it
     * applies to {@link #transaction} blocks only. Not allowed while a transaction is open.
     *
     * @throws io.tusk.errors.ProgrammingException inside a transaction
     */
    void setIsolationLevel(IsolationLevel level);

    /** Whether the next transactions are read only; null for the server's {@code default_transaction_read_only}. */
    Boolean readOnly();

    /** {@code BEGIN READ ONLY} (true), {@code READ WRITE} (false) or the server's default (null); as {@link #setIsolationLevel}. */
    void setReadOnly(Boolean readOnly);

    /** Whether the next transactions are deferrable; null for the server's {@code default_transaction_deferrable}. */
    Boolean deferrable();

    /** {@code BEGIN ... DEFERRABLE} (true), {@code NOT DEFERRABLE} (false) or the server's default (null); as {@link #setIsolationLevel}. */
    void setDeferrable(Boolean deferrable);

    /**
     * Sets the transaction characteristics and the autocommit mode in one call (psycopg2's
     * {@code set_session}). Unlike psycopg2, every argument is applied: a null characteristic
     * means the server's default, not "unchanged".
     *
     * @throws io.tusk.errors.ProgrammingException inside a transaction
     */
    void setSession(IsolationLevel isolationLevel, Boolean readOnly, Boolean deferrable, boolean autocommit);

    /**
     * Runs {@code body} in a transaction block and returns what it returns (psycopg's
     * {@code with conn.transaction() as tx}): COMMIT when it returns, ROLLBACK when it throws
     * (the same exception is then rethrown), a savepoint when nested. See {@link Transaction}.
     *
     * <pre>{@code
     * int n = conn.transaction(tx -> {
     *     conn.execute("UPDATE accounts SET balance = balance - 10 WHERE id = 1");
     *     return 1;
     * });
     * }</pre>
     *
     * Returns null when a {@link Rollback} ends the block.
     */
    <T, E extends Exception> T transaction(Transaction.Work<T, E> body) throws E;

    /**
     * {@link #transaction(Transaction.Work)} with psycopg's options: the savepoint's name (null to
     * choose one; given for an outermost block, a savepoint is made after BEGIN too) and
     * {@code forceRollback}, to roll back at the end even when the body returns.
     */
    <T, E extends Exception> T transaction(String savepointName, boolean forceRollback, Transaction.Work<T, E> body) throws E;

    /** {@link #transaction(Transaction.Work)} for a body that returns nothing. */
    <E extends Exception> void runInTransaction(Transaction.Body<E> body) throws E;

    /**
     * An XA transaction id for the {@code tpc*} methods (psycopg's {@code xid()}); gtrid and bqual
     * are stored as UTF-8 and must be at most 64 bytes each, formatId non-negative.
     *
     * @throws IllegalArgumentException for a part out of those limits
     */
    Xid xid(int formatId, String gtrid, String bqual);

    /**
     * Begins a two-phase transaction (psycopg's {@code tpc_begin}): sends BEGIN. The connection
     * must be idle and not in autocommit mode; {@link #commit()} and {@link #rollback()} are then
     * refused until {@link #tpcCommit()} or {@link #tpcRollback()}.
     *
     * <pre>{@code
     * conn.tpcBegin(conn.xid(1, "gtrid", "bqual"));
     * conn.execute("INSERT INTO t VALUES (1)");
     * conn.tpcPrepare();
     * conn.tpcCommit();
     * }</pre>
     */
    void tpcBegin(Xid xid);

    /** {@link #tpcBegin(Xid)} with a plain PostgreSQL transaction id, used as it is. */
    void tpcBegin(String xid);

    /**
     * The first phase: {@code PREPARE TRANSACTION}. No statement may run afterwards until
     * {@link #tpcCommit()} or {@link #tpcRollback()}.
     *
     * @throws io.tusk.errors.TransactionRollbackException when the transaction had failed: the
     *     server rolled it back and nothing was prepared
     * @throws io.tusk.errors.NotSupportedException when the server has {@code max_prepared_transactions = 0}
     */
    void tpcPrepare();

    /** Commits the two-phase transaction: COMMIT PREPARED after {@link #tpcPrepare()}, a one-phase COMMIT before it. */
    void tpcCommit();

    /** Commits a prepared transaction by its id, outside any two-phase transaction (recovery). */
    void tpcCommit(Xid xid);

    /** {@link #tpcCommit(Xid)} with a plain PostgreSQL transaction id. */
    void tpcCommit(String xid);

    /** Rolls the two-phase transaction back, before or after {@link #tpcPrepare()}. */
    void tpcRollback();

    /** Rolls back a prepared transaction by its id, outside any two-phase transaction (recovery). */
    void tpcRollback(Xid xid);

    /** {@link #tpcRollback(Xid)} with a plain PostgreSQL transaction id. */
    void tpcRollback(String xid);

    /**
     * The prepared transactions on the server ({@code pg_prepared_xacts}, every database),
     * oldest first, each with {@link Xid#prepared()}, {@link Xid#owner()} and {@link Xid#database()}.
     * Ids not made by Tusk, psycopg or pgjdbc come back with only {@link Xid#gtrid()} set.
     */
    List<Xid> tpcRecover();

    /** What is known about the session: server version, backend pid, parameters, ... */
    ConnectionInfo info();

    /**
     * Asks the server to cancel the statement running on this connection. It is safe to call
     * from another thread; the running call then fails with {@code QueryCanceledException}.
     */
    void cancel();

    /**
     * psycopg's {@code cancel_safe(timeout)}: asks the server to cancel the running statement
     * (as {@link #cancel()}, over TLS when the session uses it) and waits at most {@code
     * timeout} for the server to acknowledge it. It raises nothing when nothing was running or
     * the statement already finished (the server ignores the request), nor when the connection
     * is closed or broken.
     * <pre>{@code
     * executor.schedule(() -> conn.cancelSafe(Duration.ofSeconds(5)), 30, TimeUnit.SECONDS);
     * }</pre>
     *
     * @throws io.tusk.errors.CancellationTimeout when the server did not acknowledge the request
     *         within {@code timeout} (the statement may still be running)
     * @throws io.tusk.errors.OperationalException when the cancel connection could not be opened
     */
    void cancelSafe(java.time.Duration timeout);

    /**
     * Closes the session and rolls back any transaction still open. Calling it again does
     * nothing.
     */
    @Override
    void close();

    /**
     * True once {@link #close()} was called or the connection broke: as psycopg, "a broken
     * connection is always closed" (the server or the network ended the session; the next
     * command raised an {@code OperationalException}). {@code close()} is still fine to call.
     * {@link #reset()} opens a broken connection again (then this is false again).
     */
    boolean isClosed();

    /** True when the connection was lost or ended unexpectedly (libpq's CONNECTION_BAD); then {@link #isClosed()} is true too. */
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

    /**
     * Notifications as they arrive (psycopg's {@code notifies()}), after {@code LISTEN} on this
     * connection: those already received come first, then the stream blocks on the connection
     * until the next one. It ends after {@code timeout} in all (null: never), after
     * {@code stopAfter} notifications (null: no count), when it is closed (from any thread), or
     * when the waiting thread is interrupted (the interrupt flag stays set). The connection
     * stays usable afterwards; other threads' commands wait while it blocks.
     *
     * <pre>{@code
     * conn.setAutocommit(true);
     * conn.execute("LISTEN jobs");
     * try (Stream<Notify> s = conn.notifies(Duration.ofSeconds(30), 10)) {
     *     s.forEach(n -> System.out.println(n.channel() + ": " + n.payload()));
     * }
     * }</pre>
     */
    Stream<Notify> notifies(Duration timeout, Integer stopAfter);

    /**
     * Calls {@code handler} with every notification, as soon as it is read (during any command
     * or a {@link #notifies} wait); it is also kept for {@link #drainNotifies()}.
     */
    void addNotifyHandler(Consumer<Notify> handler);

    void removeNotifyHandler(Consumer<Notify> handler);

    /**
     * Starts a COPY ({@code COPY ... FROM STDIN} or {@code COPY ... TO STDOUT}); close the
     * {@link Copy} to finish it. Outside autocommit it runs in the current transaction (opening
     * one, like any statement). See {@link Copy} for how to abort it.
     */
    Copy copy(String sql);

    /**
     * Runs a COPY with {@code body} and finishes it, returning the server's row count. If the
     * body throws, a COPY FROM STDIN is aborted (nothing is stored) and the exception is
     * rethrown unchanged.
     *
     * <pre>{@code
     * conn.copy("COPY t (id, name) FROM STDIN", copy -> {
     *     for (Item i : items) copy.writeRow(i.id(), i.name());
     * });
     * }</pre>
     */
    <E extends Exception> long copy(String sql, Copy.Body<E> body) throws E;

    /**
     * psycopg2's {@code copy_from}: loads {@code in} (COPY text format) into {@code table}
     * (schema-qualified with a dot if needed), optionally into {@code columns} only; null
     * {@code sep} and {@code nullString} mean the defaults (tab, {@code \N}). Returns the rows.
     */
    long copyFrom(InputStream in, String table, String sep, String nullString, List<String> columns) throws IOException;

    /** As {@link #copyFrom(InputStream, String, String, String, List)}, from characters. */
    long copyFrom(Reader in, String table, String sep, String nullString, List<String> columns) throws IOException;

    /** psycopg2's {@code copy_to}: writes {@code table} (or its {@code columns}) to {@code out} in COPY text format. */
    long copyTo(OutputStream out, String table, String sep, String nullString, List<String> columns) throws IOException;

    /** As {@link #copyTo(OutputStream, String, String, String, List)}, as characters. */
    long copyTo(Writer out, String table, String sep, String nullString, List<String> columns) throws IOException;

    /** psycopg2's {@code copy_expert}: runs any {@code COPY ... FROM STDIN} statement with the data of {@code in}. */
    long copyExpert(String sql, InputStream in) throws IOException;

    /** psycopg2's {@code copy_expert}: runs any {@code COPY ... TO STDOUT} statement into {@code out}. */
    long copyExpert(String sql, OutputStream out) throws IOException;

    /**
     * Switches the connection to pipeline mode until the returned block is closed (psycopg's
     * {@code pipeline()}): statements are sent without waiting for each other's results. Blocks
     * nest: an inner block syncs at its end, the outermost one ends pipeline mode. See
     * {@link Pipeline}.
     */
    Pipeline pipeline();

    /**
     * How many times a query (its text and parameter types) runs before it is prepared on the
     * server (psycopg's {@code prepare_threshold}): 0 prepares at the first execution, null
     * never prepares. The default is 5. See docs/reference/prepared.md.
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

    /**
     * Whether {@code executemany} of a plain {@code INSERT INTO t [(cols)] VALUES (...)} sends
     * up to 128 rows per statement ({@code VALUES (...), (...), ...}) instead of one per row
     * (pgjdbc's {@code reWriteBatchedInserts}). Off by default: the server then runs a statement
     * per group, so statement-level triggers fire once per group and an error names the group's
     * statement. Inserts with {@code RETURNING}, {@code ON CONFLICT} or anything after the tuple
     * are never rewritten. See docs/reference/cursors.md.
     */
    void setRewriteBatchedInserts(boolean rewrite);

    boolean rewriteBatchedInserts();
}
