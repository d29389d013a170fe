package io.tusk.internal.async;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small fixed set of I/O threads shared by asynchronous connections: each connection is given
 * one loop for its whole life (round robin), so one thread serves many connections. The
 * default group has {@code min(4, cores)} threads, created on first use; they are daemons.
 */
public final class EventLoopGroup {
    private static volatile EventLoopGroup shared;

    private final EventLoop[] loops;
    private final AtomicInteger next = new AtomicInteger();

    public EventLoopGroup(int threads, String name) {
        if (threads < 1) {
            throw new IllegalArgumentException("an event loop group needs at least one thread, not " + threads);
        }
        loops = new EventLoop[threads];
        for (int i = 0; i < threads; i++) {
            loops[i] = new EventLoop(name + "-" + i);
        }
    }

    /** The group every connection uses unless given another. */
    public static EventLoopGroup shared() {
        EventLoopGroup g = shared;
        if (g == null) {
            synchronized (EventLoopGroup.class) {
                g = shared;
                if (g == null) {
                    int n = Math.min(4, Runtime.getRuntime().availableProcessors());
                    g = new EventLoopGroup(n, "tusk-io");
                    shared = g;
                }
            }
        }
        return g;
    }

    public EventLoop next() {
        return loops[Math.floorMod(next.getAndIncrement(), loops.length)];
    }

    public int size() {
        return loops.length;
    }

    /** Stops the threads (a group made by the application); connections on it must be closed first. */
    public void shutdown() {
        for (EventLoop l : loops) {
            l.shutdown();
        }
    }
}
