package io.tusk;

/**
 * Thrown inside a transaction block to leave it, rolling it back, without an error: psycopg's
 * {@code Rollback} exception.
 *
 * <pre>{@code
 * conn.runInTransaction(outer -> {
 *     conn.execute("INSERT INTO t VALUES (1)");
 *     conn.runInTransaction(inner -> {
 *         conn.execute("INSERT INTO t VALUES (2)");
 *         throw new Rollback(outer);  // undoes both inserts; runInTransaction returns normally
 *     });
 * });
 * }</pre>
 *
 * Without a transaction, only the innermost block is rolled back and the code after it goes
 * on. With one, every block up to and including that one is rolled back, and the exception
 * is swallowed by that block.
 */
public class Rollback extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Transaction transaction;

    /** Rolls back the innermost transaction block. */
    public Rollback() {
        this(null);
    }

    /** Rolls back every block up to and including {@code transaction}. */
    public Rollback(Transaction transaction) {
        // No stack trace: this is control flow, not a failure.
        super(transaction == null ? "rollback of the current transaction block" : "rollback up to " + transaction, null, false, false);
        this.transaction = transaction;
    }

    /** The block to roll back up to, or null for the innermost one. */
    public Transaction transaction() {
        return transaction;
    }
}
