package io.tusk;

/**
 * A transaction block: psycopg's {@code Connection.transaction()} context. The block commits
 * when its body returns, rolls back when the body throws (the exception then goes on, unchanged),
 * and nests: a block opened inside another one is a savepoint.
 *
 * <pre>{@code
 * long id = conn.transaction(tx -> {
 *     conn.execute("INSERT INTO orders DEFAULT VALUES");
 *     conn.runInTransaction(inner -> conn.execute("INSERT INTO audit VALUES ('x')")); // SAVEPOINT
 *     return 42L;
 * });                                                                                // COMMIT
 * }</pre>
 *
 * <p>The outermost block starts the transaction with {@code BEGIN} (carrying the connection's
 * isolation level, read only and deferrable characteristics), even on an autocommit
 * connection; if a transaction is already open (autocommit off, a statement already ran), the
 * outermost block is a savepoint inside it and the transaction stays open after it. Inside a
 * block, {@link Connection#commit()} and {@link Connection#rollback()} are not allowed.
 *
 * <p>Throw {@link Rollback} to leave a block rolling it back without an error; call
 * {@link #forceRollback()} to roll back at the end instead of committing.
 */
public interface Transaction {
    /** The connection this block runs on. */
    Connection connection();

    /**
     * The name of the savepoint of this block ({@code _tusk_sp_2}, or the name given), or null
     * for an outermost block started with BEGIN and no name given.
     */
    String savepointName();

    /** Makes the block roll back at its end even when the body returns normally (psycopg's {@code force_rollback}). */
    void forceRollback();

    /** True when the block will roll back at its end whatever happens. */
    boolean isForceRollback();

    /** Where the block is: running, committed, rolled back, or ended with an unknown outcome. */
    Status status();

    /** The state of a transaction block. */
    enum Status {
        /** The body is running. */
        ACTIVE,
        /** Committed (COMMIT, or RELEASE SAVEPOINT for a nested block). */
        COMMITTED,
        /** Rolled back, by an exception, a {@link Rollback}, {@link #forceRollback()} or the server. */
        ROLLED_BACK,
        /** The block's end could not reach the server (the connection was lost): the outcome is unknown. */
        UNKNOWN
    }

    /**
     * The body of a block that returns a value; it may throw a checked exception, which the
     * block rethrows after rolling back.
     */
    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T apply(Transaction tx) throws E;
    }

    /** The body of a block that returns nothing. */
    @FunctionalInterface
    interface Body<E extends Exception> {
        void run(Transaction tx) throws E;
    }
}
