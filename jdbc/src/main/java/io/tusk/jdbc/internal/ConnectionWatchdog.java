package io.tusk.jdbc.internal;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon timer for every connection's {@code isValid(timeout)}: when the round trip is not
 * answered in time, the connection is closed under the waiting thread (the native close may be
 * called from any thread and closes the socket), as pgjdbc's socket timeout ends it.
 */
final class ConnectionWatchdog {
    private static final ScheduledThreadPoolExecutor TIMER;

    static {
        TIMER = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "tusk-jdbc-watchdog");
            t.setDaemon(true);
            return t;
        });
        TIMER.setRemoveOnCancelPolicy(true);
    }

    private ConnectionWatchdog() {
    }

    static ScheduledFuture<?> after(long millis, Runnable action) {
        return TIMER.schedule(action, millis, TimeUnit.MILLISECONDS);
    }
}
