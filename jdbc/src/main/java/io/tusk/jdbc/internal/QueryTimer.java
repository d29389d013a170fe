package io.tusk.jdbc.internal;

import io.tusk.errors.TuskException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@code Statement.setQueryTimeout}: when a statement runs longer than its timeout, a cancel
 * request is sent to the server (protocol section 55.2.7), which ends the statement with SQLSTATE
 * 57014; the caller then gets a {@link SQLTimeoutException}, as pgjdbc reports it.
 *
 * <p>The request is sent with {@code cancelSafe}, under the same lock as {@link #finish()}: once
 * {@code finish} returns, any request that was sent has been answered by the server, so it cannot
 * cancel the connection's next statement instead.
 */
final class QueryTimer implements Runnable {
    /** One daemon thread for every connection: it only sends cancel requests. */
    private static final ScheduledExecutorService TIMER = timer();

    private static final Duration ACK_WAIT = Duration.ofSeconds(10);

    private final io.tusk.Connection conn;
    private final ScheduledFuture<?> future;
    private boolean done;
    private boolean fired;

    private QueryTimer(io.tusk.Connection conn, long millis) {
        this.conn = conn;
        this.future = TIMER.schedule(this, millis, TimeUnit.MILLISECONDS);
    }

    /** Starts the clock for a statement on {@code conn}; null when {@code seconds} is 0 (no limit). */
    static QueryTimer start(io.tusk.Connection conn, int seconds) {
        return seconds <= 0 ? null : new QueryTimer(conn, seconds * 1000L);
    }

    @Override
    public synchronized void run() {
        if (done) {
            return;
        }
        fired = true;
        try {
            conn.cancelSafe(ACK_WAIT);
        } catch (TuskException e) {
            // The statement then runs on; its caller still learns nothing went wrong with it.
        }
    }

    /** The statement is over: no cancel request leaves from now on. */
    synchronized void finish() {
        done = true;
        future.cancel(false);
    }

    /** The SQLException for {@code e}: a timeout when this timer cancelled the statement. */
    synchronized SQLException translate(TuskException e) {
        if (fired && "57014".equals(e.sqlstate())) {
            return new SQLTimeoutException("The statement ran longer than its query timeout and was canceled on the server"
                    + " (Statement.setQueryTimeout): " + e.getMessage(), "57014", e);
        }
        return JdbcErrors.translate(e);
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "tusk-jdbc-query-timeout");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }
}
