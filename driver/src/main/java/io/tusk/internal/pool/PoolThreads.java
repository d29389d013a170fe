package io.tusk.internal.pool;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads named after their pool ({@code app-pool-worker-1}), so a thread dump tells whose they are. */
final class PoolThreads implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();
    private final List<Thread> made = new CopyOnWriteArrayList<>();

    PoolThreads(String poolName) {
        this.prefix = poolName + "-worker-";
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + count.incrementAndGet());
        t.setDaemon(true); // a forgotten pool must not keep the JVM alive
        made.add(t);
        return t;
    }

    /**
     * Waits until every thread made here has ended, up to {@code deadlineNanos}
     * ({@link System#nanoTime}). An executor counts as terminated while its last worker is still
     * on its way out, so close() joins the threads too: once it returns, none is left.
     */
    boolean joinAll(long deadlineNanos) throws InterruptedException {
        for (Thread t : made) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return !t.isAlive();
            }
            t.join(Math.max(1, left / 1_000_000));
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }
}
