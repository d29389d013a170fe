package io.tusk.internal.async;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * One I/O thread and its {@link Selector}: it serves every channel registered with it, running
 * their readiness handlers and the tasks other threads hand it ({@link #execute}). Everything a
 * connection does to its socket and its protocol state runs here, so that state needs no lock.
 *
 * <p>User code never runs on this thread: futures are completed on the connection's executor.
 */
public final class EventLoop implements Executor {
    /** What a registered channel does when the selector says it is ready. */
    public interface Handler {
        void ready(SelectionKey key);

        /** The loop is shutting down, or the handler threw: release the channel. */
        void failed(Throwable error);
    }

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    EventLoop(String name) {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a selector for " + name, e);
        }
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on the loop: at once when called from it, else at the next turn. */
    @Override
    public void execute(Runnable task) {
        if (inLoop()) {
            task.run();
            return;
        }
        tasks.add(task);
        selector.wakeup();
    }

    /** Registers a channel (called on the loop). */
    public SelectionKey register(SelectableChannel channel, int ops, Handler handler) throws IOException {
        return channel.register(selector, ops, handler);
    }

    private void loop() {
        while (running) {
            try {
                selector.select(1000);
            } catch (IOException e) {
                System.getLogger("io.tusk.async").log(System.Logger.Level.ERROR, "selector failed", e);
                continue;
            }
            Iterator<SelectionKey> it = selector.selectedKeys().iterator();
            while (it.hasNext()) {
                SelectionKey key = it.next();
                it.remove();
                Handler h = (Handler) key.attachment();
                try {
                    if (key.isValid()) {
                        h.ready(key);
                    }
                } catch (Throwable t) {
                    key.cancel();
                    h.failed(t);
                }
            }
            Runnable r;
            while ((r = tasks.poll()) != null) {
                try {
                    r.run();
                } catch (Throwable t) {
                    System.getLogger("io.tusk.async").log(System.Logger.Level.ERROR, "task on the I/O thread failed", t);
                }
            }
        }
    }

    void shutdown() {
        running = false;
        selector.wakeup();
    }
}
