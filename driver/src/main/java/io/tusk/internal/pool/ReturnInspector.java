package io.tusk.internal.pool;

import io.tusk.Connection;
import io.tusk.TransactionStatus;
import java.lang.System.Logger.Level;
import java.util.function.Consumer;

/**
 * Decides whether a connection handed back to a pool can serve another client, bringing it back
 * to IDLE when it can: psycopg_pool's {@code _reset_connection}. A transaction left open or
 * failed is rolled back (with a warning: it is a bug of the caller); a connection with a
 * statement still running (ACTIVE), a broken or closed one, or one the {@code reset} callback
 * fails on or leaves out of IDLE, is not reusable and the pool closes and replaces it.
 *
 * <p>The decisions by transaction status ({@link #cleanupFor}, {@link #leftIdle}) are shared
 * with {@link AsyncReturnInspector}, which waits for the ROLLBACK and the callback by stages.
 */
final class ReturnInspector {
    private static final System.Logger LOG = System.getLogger("io.tusk.pool");

    /** What a returned connection needs before it can be lent again. */
    enum Cleanup { NONE, ROLLBACK, DISCARD }

    private ReturnInspector() {
    }

    static boolean makeIdle(Connection conn, Consumer<Connection> reset, String pool) {
        try {
            if (conn.isClosed() || conn.isBroken()) {
                return false;
            }
            switch (cleanupFor(conn.info().transactionStatus(), conn, pool)) {
                case NONE -> { }
                case ROLLBACK -> conn.rollback();
                default -> {
                    return false;
                }
            }
            if (reset != null) {
                reset.accept(conn);
                TransactionStatus after = conn.isBroken() ? TransactionStatus.UNKNOWN : conn.info().transactionStatus();
                if (!leftIdle(after, conn, pool)) {
                    return false;
                }
            }
            return !conn.isBroken() && !conn.isClosed();
        } catch (RuntimeException e) {
            discarded(conn, pool, e);
            return false;
        }
    }

    /** By the status it came back in (protocol §55.2.2, ReadyForQuery): keep, roll back, or discard. */
    static Cleanup cleanupFor(TransactionStatus status, Object conn, String pool) {
        switch (status) {
            case IDLE:
                return Cleanup.NONE;
            case INTRANS:
            case INERROR:
                LOG.log(Level.WARNING, "pool ''{0}'': rolling back returned connection {1}: it was left in a"
                        + " transaction ({2}); commit or roll back before returning it", pool, conn, status);
                return Cleanup.ROLLBACK;
            case ACTIVE:
                LOG.log(Level.WARNING, "pool ''{0}'': closing returned connection {1}: a statement is still"
                        + " running on it (ACTIVE); wait for it to end before returning the connection", pool, conn);
                return Cleanup.DISCARD;
            default:
                return Cleanup.DISCARD;
        }
    }

    /** True when the {@code reset} callback left the connection IDLE, as it must; warns otherwise. */
    static boolean leftIdle(TransactionStatus after, Object conn, String pool) {
        if (after == TransactionStatus.IDLE) {
            return true;
        }
        LOG.log(Level.WARNING, "pool ''{0}'': the reset callback left connection {1} in status {2}:"
                + " discarded; the callback must end with the connection IDLE", pool, conn, after);
        return false;
    }

    static void discarded(Object conn, String pool, Throwable e) {
        LOG.log(Level.WARNING, "pool ''" + pool + "'': returned connection " + conn + " discarded: " + e, e);
    }
}
