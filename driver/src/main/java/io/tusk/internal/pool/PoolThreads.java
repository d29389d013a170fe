package io.tusk.internal.pool;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads named after their pool ({@code app-pool-worker-1}), so a thread dump tells whose they are. */
final class PoolThreads implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    PoolThreads(String poolName) {
        this.prefix = poolName + "-worker-";
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + count.incrementAndGet());
        t.setDaemon(true); // a forgotten pool must not keep the JVM alive
        return t;
    }
}
