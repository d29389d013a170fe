package io.tusk.internal.tx;

import io.tusk.Connection;
import io.tusk.IsolationLevel;
import io.tusk.Rollback;
import io.tusk.Transaction;
import io.tusk.TransactionStatus;
import io.tusk.errors.ProgrammingException;
import io.tusk.errors.TransactionRollbackException;
import io.tusk.internal.sql.Quote;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A connection's transaction rules, as psycopg 3's {@code BaseConnection} has them, for both
 * front ends: the characteristics sent with BEGIN (the implicit one, a block's and
 * tpcBegin's), the checks of commit / rollback / autocommit / characteristics against the
 * state, and transaction blocks ({@code transaction()}) that nest as savepoints. Sans-I/O: a
 * block's statements come out as {@link TxStep}s that {@link TxRunner} runs and the
 * asynchronous connection submits.
 *
 * <p>A block entered while no transaction is open sends BEGIN (with the characteristics, in
 * autocommit mode too) and ends with COMMIT or ROLLBACK; a block entered inside a transaction
 * sends {@code SAVEPOINT "_tusk_sp_<n>"} and ends with {@code RELEASE SAVEPOINT}, or with
 * {@code ROLLBACK TO SAVEPOINT} and {@code RELEASE SAVEPOINT}. A body's exception is rethrown
 * unchanged once the rollback is done; a {@link Rollback} stops at the block it names.
 */
public final class Transactions {
    private static final System.Logger LOG = System.getLogger("io.tusk.transaction");

    private final Supplier<TransactionStatus> status;
    private final BooleanSupplier unusable;
    private volatile Characteristics characteristics = Characteristics.DEFAULT;
    private volatile boolean autocommit;
    /** How many blocks are open (psycopg's {@code _num_transactions}). */
    private int depth;

    /**
     * @param status the session's transaction status as last reported
     * @param unusable true when the connection is closed or broken, so nothing can be sent
     */
    public Transactions(Supplier<TransactionStatus> status, BooleanSupplier unusable) {
        this.status = status;
        this.unusable = unusable;
    }

    public Characteristics characteristics() {
        return characteristics;
    }

    public boolean autocommit() {
        return autocommit;
    }

    /** The BEGIN that opens a transaction, with the characteristics set on the connection. */
    public String beginStatement() {
        return characteristics.beginStatement();
    }

    /** The BEGIN to send in front of a command expecting status {@code st}: outside autocommit when no transaction is open, else null. */
    public String implicitBegin(TransactionStatus st) {
        return !autocommit && st == TransactionStatus.IDLE ? beginStatement() : null;
    }

    /** True while a transaction block is open. */
    public synchronized boolean inBlock() {
        return depth > 0;
    }

    /** Forgets open blocks: the session they ran on is gone (reset after a lost connection). */
    public synchronized void forget() {
        depth = 0;
    }

    public void setIsolationLevel(IsolationLevel level) {
        checkIdle("isolation level");
        characteristics = new Characteristics(level, characteristics.readOnly(), characteristics.deferrable());
    }

    public void setReadOnly(Boolean readOnly) {
        checkIdle("read only");
        characteristics = new Characteristics(characteristics.isolationLevel(), readOnly, characteristics.deferrable());
    }

    public void setDeferrable(Boolean deferrable) {
        checkIdle("deferrable");
        characteristics = new Characteristics(characteristics.isolationLevel(), characteristics.readOnly(), deferrable);
    }

    /** psycopg's {@code set_session}: every characteristic and the autocommit mode at once. */
    public void setSession(Characteristics c, boolean autocommit) {
        checkIdle("the session characteristics");
        setAutocommit(autocommit);
        characteristics = c;
    }

    /** Changes the autocommit mode; only when no transaction (or block) is open, unless it stays as it is. */
    public void setAutocommit(boolean value) {
        if (value != autocommit) {
            if (inBlock()) {
                throw new ProgrammingException("can't change autocommit now: a transaction block (Connection.transaction) is in progress");
            }
            TransactionStatus st = status.get();
            if (st != TransactionStatus.IDLE && st != TransactionStatus.UNKNOWN) {
                throw new ProgrammingException("can't change autocommit now: the connection is in transaction status "
                        + st + "; commit or roll back first");
            }
        }
        autocommit = value;
    }

    /**
     * Raises unless the session is idle: a transaction's characteristics and the autocommit mode
     * apply from the next transaction on (psycopg's {@code _check_intrans}).
     */
    public void checkIdle(String what) {
        TransactionStatus st = status.get();
        if (st == TransactionStatus.IDLE || st == TransactionStatus.UNKNOWN) {
            return;
        }
        if (inBlock()) {
            throw new ProgrammingException("can't change " + what + " now: a transaction block (Connection.transaction) is in progress; change it before the block");
        }
        throw new ProgrammingException("can't change " + what + " now: the connection is in transaction status " + st
                + "; call commit() or rollback() first");
    }

    /** Raises when {@code commit()} or {@code rollback()} is called inside a block. */
    public void checkNoBlock(String method) {
        if (inBlock()) {
            throw new ProgrammingException("explicit " + method + " is not allowed inside a transaction block (Connection.transaction): "
                    + "the block commits when its body returns and rolls back when it throws; throw Rollback to roll it back");
        }
    }

    /**
     * {@code commit()} / {@code rollback()} outside blocks and two-phase transactions: the
     * statement to send, or null when no transaction is open (nothing is sent then; psycopg).
     */
    public static String endStatement(boolean commit, TransactionStatus st) {
        return st == TransactionStatus.IDLE ? null : commit ? "COMMIT" : "ROLLBACK";
    }

    // ---- transaction blocks

    /**
     * Decides how a block starts from the status now: BEGIN when no transaction is open, a
     * savepoint inside one (or when a name is given). Nothing is counted until {@link #enter}'s
     * step succeeds.
     */
    public TransactionBlock open(Connection connection, String savepointName, boolean forceRollback) {
        boolean outer = status.get() == TransactionStatus.IDLE;
        int index;
        synchronized (this) {
            index = depth;
        }
        String name = savepointName;
        if (!outer && name == null) {
            name = "_tusk_sp_" + (index + 1);
        }
        return new TransactionBlock(connection, outer, name, index, forceRollback);
    }

    /**
     * The statements that start {@code b} in one Query: BEGIN and/or SAVEPOINT. When it fails
     * after an outer block's BEGIN took effect, the caller sends ROLLBACK ({@link #abandon}).
     */
    public TxStep<Void> enter(TransactionBlock b) {
        String sql = b.outer ? beginStatement() : null;
        if (b.savepointName != null) {
            String sp = "SAVEPOINT " + Quote.ident(b.savepointName);
            sql = sql == null ? sp : sql + "; " + sp;
        }
        return TxStep.of(sql, TransactionStatus.INTRANS, r -> {
            synchronized (this) {
                depth = b.stackIndex + 1;
            }
            return null;
        }, e -> e);
    }

    /** The statement that undoes a failed {@link #enter}, or null when nothing was opened. */
    public String abandon(TransactionBlock b) {
        return b.outer && !unusable.getAsBoolean() && status.get() != TransactionStatus.IDLE ? "ROLLBACK" : null;
    }

    /**
     * The block's body returned: COMMIT (or RELEASE SAVEPOINT), or its rollback when forced. A
     * COMMIT the server answers with ROLLBACK (the body hid an error that failed the
     * transaction) raises {@link TransactionRollbackException}.
     */
    public TxStep<Void> exit(TransactionBlock b) {
        pop(b, "commit");
        if (b.isForceRollback()) {
            return TxStep.of(rollbackStatement(b), b.outer ? TransactionStatus.IDLE : null, r -> {
                b.status(Transaction.Status.ROLLED_BACK);
                return null;
            }, e -> failedEnd(b, e));
        }
        String sql = b.outer ? "COMMIT" : "RELEASE SAVEPOINT " + Quote.ident(b.savepointName);
        return TxStep.of(sql, b.outer ? TransactionStatus.IDLE : null, results -> {
            if (b.outer && "ROLLBACK".equals(TxStep.tag(results))) {
                b.status(Transaction.Status.ROLLED_BACK);
                throw new TransactionRollbackException("the transaction block's body returned normally, but an error inside it had "
                        + "failed the transaction, so the server rolled it back instead of committing; run the statements "
                        + "that may fail in a nested block (a savepoint) to keep the transaction usable");
            }
            b.status(Transaction.Status.COMMITTED);
            return null;
        }, e -> failedEnd(b, e));
    }

    /**
     * The block's body threw {@code t}: its rollback, whose answer is true when {@code t} is a
     * {@link Rollback} that stops at this block (the block then returns null); null when the
     * connection is gone and nothing can be sent ({@code t} is rethrown). A rollback that fails
     * is logged and added to {@code t} as suppressed: the body's exception is the one the caller
     * sees (psycopg logs and ignores it).
     */
    public TxStep<Boolean> exitOnError(TransactionBlock b, Throwable t) {
        pop(b, "rollback");
        if (unusable.getAsBoolean()) {
            b.status(Transaction.Status.UNKNOWN);
            return null;
        }
        return TxStep.of(rollbackStatement(b), b.outer ? TransactionStatus.IDLE : null, r -> {
            b.status(Transaction.Status.ROLLED_BACK);
            return t instanceof Rollback rb && (rb.transaction() == null || rb.transaction() == b);
        }, e -> {
            LOG.log(System.Logger.Level.WARNING, "error ignored in the rollback of " + b + ": " + e.getMessage());
            t.addSuppressed(e);
            b.status(unusable.getAsBoolean() ? Transaction.Status.UNKNOWN : Transaction.Status.ROLLED_BACK);
            return e;
        });
    }

    private RuntimeException failedEnd(TransactionBlock b, RuntimeException e) {
        if (b.status() == Transaction.Status.ACTIVE) {
            b.status(unusable.getAsBoolean() ? Transaction.Status.UNKNOWN : Transaction.Status.ROLLED_BACK);
        }
        return e;
    }

    private static String rollbackStatement(TransactionBlock b) {
        if (b.outer) {
            return "ROLLBACK";
        }
        String sp = Quote.ident(b.savepointName);
        return "ROLLBACK TO SAVEPOINT " + sp + "; RELEASE SAVEPOINT " + sp;
    }

    /** Closes the innermost block; blocks end in the order they opened (they follow the call stack). */
    private void pop(TransactionBlock b, String action) {
        synchronized (this) {
            depth--;
            if (depth != b.stackIndex) {
                int now = depth;
                depth = Math.max(0, Math.min(now, b.stackIndex));
                throw new ProgrammingException("transaction block " + action + " at the wrong nesting level (" + now + " instead of "
                        + b.stackIndex + "): blocks of one connection must not be opened from several threads at once");
            }
        }
    }
}
