package io.tusk.xa.internal;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread that expires XA branches ({@code setTransactionTimeout}) for every
 * resource of the JVM. Cancelled timers are removed at once, so that a branch that ends in
 * time costs nothing afterwards.
 */
public final class BranchTimer {
    private static final ScheduledThreadPoolExecutor TIMER = make();

    private BranchTimer() {
    }

    private static ScheduledThreadPoolExecutor make() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "tusk-xa-branch-timeout");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    public static ScheduledFuture<?> schedule(Runnable task, long millis) {
        return TIMER.schedule(task, millis, TimeUnit.MILLISECONDS);
    }
}
