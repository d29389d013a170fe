package io.tusk;

import io.tusk.errors.Diagnostic;
import io.tusk.rows.Row;
import java.util.List;
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
