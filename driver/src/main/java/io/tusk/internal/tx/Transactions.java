package io.tusk.internal.tx;

import io.tusk.IsolationLevel;
import io.tusk.Rollback;
import io.tusk.Transaction;
import io.tusk.TransactionStatus;
import io.tusk.errors.ProgrammingException;
import io.tusk.errors.TransactionRollbackException;
import io.tusk.internal.connection.QueryResult;
import io.tusk.internal.sql.Quote;
import java.util.List;
import java.util.concurrent.locks.Lock;

/**
 * A connection's transaction rules, as psycopg 3 has them: the characteristics sent with
 * BEGIN, and transaction blocks ({@code Connection.transaction()}) that nest as savepoints.
 *
 * <p>A block entered while no transaction is open sends BEGIN (with the characteristics, in
 * autocommit mode too) and ends with COMMIT or ROLLBACK; a block entered inside a transaction
 * sends {@code SAVEPOINT "_tusk_sp_<n>"} and ends with {@code RELEASE SAVEPOINT}, or with
 * {@code ROLLBACK TO SAVEPOINT} and {@code RELEASE SAVEPOINT}. A body's exception is rethrown
 * unchanged once the rollback is done; a {@link Rollback} stops at the block it names.
 */
public final class Transactions {
    private static final System.Logger LOG = System.getLogger("io.tusk.transaction");

    private final TxHost host;
    private volatile Characteristics characteristics = Characteristics.DEFAULT;
    /** How many blocks are open (psycopg's {@code _num_transactions}). */
    private int depth;

    public Transactions(TxHost host) {
        this.host = host;
    }

    public TxHost host() {
        return host;
    }

    public Characteristics characteristics() {
        return characteristics;
    }

    /** The BEGIN that opens a transaction, with the characteristics set on the connection. */
    public String beginStatement() {
        return characteristics.beginStatement();
    }

    /** True while a transaction block is open. */
    public boolean inBlock() {
        synchronized (this) {
            return depth > 0;
        }
    }

    /** Forgets open blocks: the session they ran on is gone (reset after a lost connection). */
    public synchronized void forget() {
        depth = 0;
    }

    public void setIsolationLevel(IsolationLevel level) {
        change("isolation level", new Characteristics(level, characteristics.readOnly(), characteristics.deferrable()));
    }

    public void setReadOnly(Boolean readOnly) {
        change("read only", new Characteristics(characteristics.isolationLevel(), readOnly, characteristics.deferrable()));
    }

    public void setDeferrable(Boolean deferrable) {
        change("deferrable", new Characteristics(characteristics.isolationLevel(), characteristics.readOnly(), deferrable));
    }

    /** Sets every characteristic at once; the caller holds the lock and has checked the state. */
    public void setAll(Characteristics c) {
        characteristics = c;
    }

    private void change(String what, Characteristics c) {
        Lock lock = host.lock();
        lock.lock();
        try {
            checkIdle(what);
            characteristics = c;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Raises unless the session is idle: a transaction's characteristics and the autocommit mode
     * apply from the next transaction on (psycopg's {@code _check_intrans}).
     */
    public void checkIdle(String what) {
        TransactionStatus st = host.transactionStatus();
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

    /** Runs {@code work} in a block (psycopg's {@code with conn.transaction(savepoint_name, force_rollback)}). */
    public <T, E extends Exception> T run(String savepointName, boolean forceRollback, Transaction.Work<T, E> work) throws E {
        TransactionBlock block = enter(savepointName, forceRollback);
        T result;
        try {
            result = work.apply(block);
        } catch (Throwable t) {
            if (exitOnError(block, t)) {
                return null;
            }
            throw t;
        }
        exitNormally(block);
        return result;
    }

    private TransactionBlock enter(String savepointName, boolean forceRollback) {
        Lock lock = host.lock();
        lock.lock();
        try {
            boolean outer = host.transactionStatus() == TransactionStatus.IDLE;
            int index;
            synchronized (this) {
                index = depth;
            }
            String name = savepointName;
            if (outer) {
                host.run(beginStatement());
            }
            if (!outer || name != null) {
                if (name == null) {
                    name = "_tusk_sp_" + (index + 1);
                }
                try {
                    host.run("SAVEPOINT " + Quote.ident(name));
                } catch (RuntimeException e) {
                    if (outer) {
                        quietly("ROLLBACK", e);
                    }
                    throw e;
                }
            }
            synchronized (this) {
                depth = index + 1;
            }
            return new TransactionBlock(host.connection(), outer, name, index, forceRollback);
        } finally {
            lock.unlock();
        }
    }

    private void exitNormally(TransactionBlock b) {
        Lock lock = host.lock();
        lock.lock();
        try {
            pop(b, "commit");
            if (b.isForceRollback()) {
                rollbackCommands(b);
                b.status(Transaction.Status.ROLLED_BACK);
                return;
            }
            try {
                if (b.outer) {
                    String tag = tag(host.run("COMMIT"));
                    if ("ROLLBACK".equals(tag)) {
                        // The server answers COMMIT of a failed transaction with ROLLBACK and no error.
                        b.status(Transaction.Status.ROLLED_BACK);
                        throw new TransactionRollbackException("the transaction block's body returned normally, but an error inside it had "
                                + "failed the transaction, so the server rolled it back instead of committing; run the statements "
                                + "that may fail in a nested block (a savepoint) to keep the transaction usable");
                    }
                } else {
                    host.run("RELEASE SAVEPOINT " + Quote.ident(b.savepointName));
                }
                b.status(Transaction.Status.COMMITTED);
            } catch (RuntimeException e) {
                if (b.status() == Transaction.Status.ACTIVE) {
                    b.status(host.unusable() ? Transaction.Status.UNKNOWN : Transaction.Status.ROLLED_BACK);
                }
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Rolls the block back after its body threw {@code t}; true when {@code t} is a Rollback that stops here. */
    private boolean exitOnError(TransactionBlock b, Throwable t) {
        Lock lock = host.lock();
        lock.lock();
        try {
            pop(b, "rollback");
            if (host.unusable()) {
                b.status(Transaction.Status.UNKNOWN);
                return false;
            }
            try {
                rollbackCommands(b);
                b.status(Transaction.Status.ROLLED_BACK);
            } catch (RuntimeException e) {
                // The body's exception is the one the caller must see (psycopg logs and ignores this one).
                LOG.log(System.Logger.Level.WARNING, "error ignored in the rollback of " + b + ": " + e.getMessage());
                t.addSuppressed(e);
                b.status(host.unusable() ? Transaction.Status.UNKNOWN : Transaction.Status.ROLLED_BACK);
                return false;
            }
            return t instanceof Rollback r && (r.transaction() == null || r.transaction() == b);
        } finally {
            lock.unlock();
        }
    }

    private void rollbackCommands(TransactionBlock b) {
        if (b.outer) {
            host.run("ROLLBACK");
        } else {
            String sp = Quote.ident(b.savepointName);
            host.run("ROLLBACK TO SAVEPOINT " + sp + "; RELEASE SAVEPOINT " + sp);
        }
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

    private void quietly(String sql, Throwable cause) {
        try {
            host.run(sql);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    static String tag(List<QueryResult> results) {
        return results.isEmpty() ? null : results.get(results.size() - 1).statusMessage();
    }
}
