package io.tusk.internal.tx;

import io.tusk.Connection;
import io.tusk.Transaction;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;
import io.tusk.internal.connection.QueryResult;

/**
 * Runs the transaction rules' steps ({@link Transactions}, {@link TwoPhase}) on the blocking
 * connection: each step is decided and run under the session's lock, so that the state it was
 * decided on is the state it runs in. The asynchronous connection submits the same steps.
 */
public final class TxRunner {
    private final TxHost host;
    private final Transactions transactions;

    public TxRunner(TxHost host, Transactions transactions) {
        this.host = host;
        this.transactions = transactions;
    }

    /** Decides a step under the session's lock and runs it there. */
    public <R> R run(Supplier<TxStep<R>> decide) {
        Lock lock = host.lock();
        lock.lock();
        try {
            return run(decide.get());
        } finally {
            lock.unlock();
        }
    }

    private <R> R run(TxStep<R> step) {
        List<QueryResult> results;
        try {
            results = host.run(step.sql());
        } catch (RuntimeException e) {
            throw step.failed(e);
        }
        return step.done(results);
    }

    /** Runs {@code work} in a block (psycopg's {@code with conn.transaction(savepoint_name, force_rollback)}). */
    public <T, E extends Exception> T block(Connection connection, String savepointName, boolean forceRollback,
            Transaction.Work<T, E> work) throws E {
        TransactionBlock block = enter(connection, savepointName, forceRollback);
        T result;
        try {
            result = work.apply(block);
        } catch (Throwable t) {
            if (exitOnError(block, t)) {
                return null;
            }
            throw t;
        }
        run(() -> transactions.exit(block));
        return result;
    }

    private TransactionBlock enter(Connection connection, String savepointName, boolean forceRollback) {
        Lock lock = host.lock();
        lock.lock();
        try {
            TransactionBlock block = transactions.open(connection, savepointName, forceRollback);
            try {
                run(transactions.enter(block));
            } catch (RuntimeException e) {
                String undo = transactions.abandon(block);
                if (undo != null) {
                    try {
                        host.run(undo);
                    } catch (RuntimeException u) {
                        e.addSuppressed(u);
                    }
                }
                throw e;
            }
            return block;
        } finally {
            lock.unlock();
        }
    }

    /** True when {@code t} is a Rollback that stops at this block. */
    private boolean exitOnError(TransactionBlock block, Throwable t) {
        Lock lock = host.lock();
        lock.lock();
        try {
            TxStep<Boolean> step = transactions.exitOnError(block, t);
            if (step == null) {
                return false;
            }
            List<QueryResult> results;
            try {
                results = host.run(step.sql());
            } catch (RuntimeException e) {
                step.failed(e);
                return false;
            }
            return step.done(results);
        } finally {
            lock.unlock();
        }
    }
}
