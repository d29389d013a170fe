package io.tusk.xa;

import io.tusk.Connection;
import io.tusk.TransactionStatus;
import io.tusk.errors.OperationalException;
import io.tusk.xa.internal.ConnectionHandle;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.transaction.xa.XAResource;

/**
 * Connections that take part in the current JTA transaction, for Java SE programs that run a
 * transaction manager themselves (Narayana, Atomikos, ...): what an application server's XA
 * data source does when it enlists a connection.
 *
 * <pre>{@code
 * JtaConnectionSource orders = new JtaConnectionSource(tm, new TuskXAConnectionSource("dbname=orders"));
 * JtaConnectionSource stock = new JtaConnectionSource(tm, new TuskXAConnectionSource("dbname=stock"));
 * tm.begin();
 * try (Connection a = orders.getConnection(); Connection b = stock.getConnection()) {
 *     a.execute("INSERT INTO orders VALUES (1)");
 *     b.execute("UPDATE stock SET n = n - 1");
 * }
 * tm.commit();   // both databases commit, or neither
 * }</pre>
 *
 * <p>Inside an active transaction, {@link #getConnection()} enlists a session's
 * {@link TuskXAResource} with {@code tm.getTransaction()} and returns a handle on it; closing
 * the handle delists the resource with {@code TMSUCCESS}, or {@code TMFAIL} when the session's
 * transaction had failed (a statement raised and no savepoint caught it), which marks the JTA
 * transaction rollback-only. Further handles in the same transaction share the session (the
 * branch is joined with {@code TMJOIN}); the session is closed once the transaction completes.
 * Outside a transaction, the handle is a plain session, closed with the handle.
 * Needs {@code jakarta.transaction-api} on the class path (an optional dependency of tusk-xa).
 */
public final class JtaConnectionSource {
    private final TransactionManager tm;
    private final TuskXAConnectionSource source;
    private final Map<Transaction, Enlisted> enlisted = new ConcurrentHashMap<>();

    public JtaConnectionSource(TransactionManager tm, TuskXAConnectionSource source) {
        this.tm = Objects.requireNonNull(tm, "tm");
        this.source = Objects.requireNonNull(source, "source");
    }

    /** A session's handle, in the current JTA transaction when there is an active one. */
    public Connection getConnection() {
        Transaction tx;
        int status;
        try {
            tx = tm.getTransaction();
            status = tx == null ? Status.STATUS_NO_TRANSACTION : tx.getStatus();
        } catch (Exception e) {
            throw new OperationalException("the transaction manager could not tell the current transaction: " + e.getMessage(), e);
        }
        if (status == Status.STATUS_NO_TRANSACTION) {
            TuskXAConnection xa = source.getXAConnection();
            return ConnectionHandle.of(xa.getConnection(), xa::close);
        }
        if (status != Status.STATUS_ACTIVE) {
            throw new OperationalException("the current JTA transaction is " + statusName(status)
                    + ", so no connection can take part in it any more: roll it back and begin a new one");
        }
        Enlisted e = enlisted.computeIfAbsent(tx, t -> new Enlisted(t, source.getXAConnection()));
        e.acquire();
        return ConnectionHandle.of(e.xa.getConnection(), e::release);
    }

    /** The session of one transaction, its open handles, and its end. */
    private final class Enlisted implements Synchronization {
        final Transaction tx;
        final TuskXAConnection xa;
        private int handles;
        private boolean registered;

        Enlisted(Transaction tx, TuskXAConnection xa) {
            this.tx = tx;
            this.xa = xa;
        }

        synchronized void acquire() {
            try {
                if (!registered) {
                    tx.registerSynchronization(this);
                    registered = true;
                }
                if (handles == 0 && !tx.enlistResource(xa.getXAResource())) {
                    throw new OperationalException("the JTA transaction refused to enlist " + xa.getXAResource());
                }
            } catch (OperationalException ex) {
                abandon();
                throw ex;
            } catch (Exception ex) {
                abandon();
                throw new OperationalException("could not enlist the PostgreSQL session in the JTA transaction: " + ex.getMessage(), ex);
            }
            handles++;
        }

        synchronized void release() {
            if (--handles > 0) {
                return;
            }
            boolean failed = xa.getConnection().isBroken()
                    || xa.getConnection().info().transactionStatus() == TransactionStatus.INERROR;
            try {
                tx.delistResource(xa.getXAResource(), failed ? XAResource.TMFAIL : XAResource.TMSUCCESS);
                if (failed) {
                    // JTA leaves it to the transaction manager whether TMFAIL dooms the transaction (Narayana does not); it must.
                    tx.setRollbackOnly();
                }
            } catch (Exception ex) {
                throw new OperationalException("could not delist the PostgreSQL session from the JTA transaction: " + ex.getMessage(), ex);
            }
        }

        private void abandon() {
            if (handles == 0 && !registered) {
                enlisted.remove(tx, this);
                xa.close();
            }
        }

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            enlisted.remove(tx, this);
            xa.close();
        }
    }

    private static String statusName(int status) {
        switch (status) {
            case Status.STATUS_MARKED_ROLLBACK: return "marked rollback-only";
            case Status.STATUS_PREPARING: return "preparing";
            case Status.STATUS_PREPARED: return "prepared";
            case Status.STATUS_COMMITTING: return "committing";
            case Status.STATUS_COMMITTED: return "committed";
            case Status.STATUS_ROLLING_BACK: return "rolling back";
            case Status.STATUS_ROLLEDBACK: return "rolled back";
            default: return "in status " + status;
        }
    }
}
