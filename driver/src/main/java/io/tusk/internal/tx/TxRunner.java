package io.tusk.internal.tx;

import io.tusk.Connection;
import io.tusk.IsolationLevel;
import io.tusk.Transaction;
import io.tusk.TransactionStatus;
import io.tusk.Xid;
import io.tusk.internal.connection.QueryResult;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/**
 * The blocking connection's transaction controls: the rules' steps ({@link Transactions},
 * {@link TwoPhase}) decided and run under the session's lock, so that the state a step was
 * decided on is the state it runs in, and the claim of a transaction manager ({@link Claim})
 * checked first. The asynchronous connection submits the same steps.
 */
public final class TxRunner {
    private final TxHost host;
    private final Transactions transactions;
    private final TwoPhase twoPhase = new TwoPhase();
    /** Set while a transaction manager's resource (XA) owns the transaction; see {@code io.tusk.spi.TransactionControl}. */
    private final Claim claim = new Claim();

    public TxRunner(TxHost host) {
        this.host = host;
        this.transactions = new Transactions(host::transactionStatus, host::unusable);
    }

    public Transactions transactions() {
        return transactions;
    }

    public Claim claim() {
        return claim;
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

    private void locked(Runnable r) {
        Lock lock = host.lock();
        lock.lock();
        try {
            r.run();
        } finally {
            lock.unlock();
        }
    }

    // ---- commit, rollback, autocommit, characteristics

    /** {@code commit()} / {@code rollback()}: nothing is sent when no transaction is open (psycopg). */
    public void end(boolean commit) {
        String method = commit ? "commit()" : "rollback()";
        locked(() -> {
            claim.check(method);
            transactions.checkNoBlock(method);
            twoPhase.checkNotActive(method);
            String sql = Transactions.endStatement(commit, host.transactionStatus());
            if (sql != null || host.closed()) {
                host.run(commit ? "COMMIT" : "ROLLBACK"); // on a closed connection: raises the closed-connection error
            }
        });
    }

    public void setAutocommit(boolean value) {
        locked(() -> {
            claim.check("setAutocommit()");
            transactions.setAutocommit(value);
        });
    }

    public void setIsolationLevel(IsolationLevel level) {
        locked(() -> transactions.setIsolationLevel(level));
    }

    public void setReadOnly(Boolean readOnly) {
        locked(() -> transactions.setReadOnly(readOnly));
    }

    public void setDeferrable(Boolean deferrable) {
        locked(() -> transactions.setDeferrable(deferrable));
    }

    public void setSession(IsolationLevel isolationLevel, Boolean readOnly, Boolean deferrable, boolean autocommit) {
        locked(() -> {
            claim.check("setSession()");
            transactions.setSession(new Characteristics(isolationLevel, readOnly, deferrable), autocommit);
        });
    }

    /**
     * psycopg2's {@code reset()} on a live session: rolls back any transaction and runs
     * {@code RESET ALL} and {@code SET SESSION AUTHORIZATION DEFAULT}; prepared two-phase
     * transactions stay on the server, but this connection is no longer in one.
     */
    public void reset() {
        locked(() -> {
            if (host.transactionStatus() != TransactionStatus.IDLE) {
                host.run("ROLLBACK");
            }
            twoPhase.forget();
            host.run("RESET ALL");
            host.run("SET SESSION AUTHORIZATION DEFAULT");
        });
    }

    /** Forgets blocks and the two-phase transaction: their session is gone (a broken connection opened again). */
    public void forget() {
        transactions.forget();
        twoPhase.forget();
    }

    // ---- two-phase commit

    public void tpcBegin(Xid xid) {
        claim.check("tpcBegin()");
        run(() -> twoPhase.begin(xid, host.transactionStatus(), transactions.autocommit(), transactions.beginStatement()));
    }

    public void tpcPrepare() {
        claim.check("tpcPrepare()");
        run(twoPhase::prepare);
    }

    /** {@code tpcCommit()} / {@code tpcRollback()}, or with an xid ({@code xid} not null) in recovery. */
    public void tpcFinish(Xid xid, boolean commit) {
        claim.check(commit ? "tpcCommit()" : "tpcRollback()");
        run(() -> xid == null ? twoPhase.finish(commit) : twoPhase.finish(xid, commit));
    }

    public List<Xid> tpcRecover() {
        return run(() -> TwoPhase.recover(host.charset()));
    }

    // ---- transaction blocks

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
