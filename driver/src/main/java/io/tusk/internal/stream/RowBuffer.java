package io.tusk.internal.stream;

import io.tusk.internal.protocol.backend.DataRow;
import java.util.ArrayDeque;

/**
 * The rows a {@link PortalExchange} read and its caller has not taken yet, with the bound above
 * which the exchange awaits its caller ({@code Exchange.awaitsCaller}): then neither front end
 * reads the socket, the kernel's buffers fill and TCP flow control makes the server wait. Once
 * the caller took half of it, {@link #onRelease} tells the front end to resume the exchange.
 * Memory stays bounded however slow the caller is.
 *
 * <p>The blocking stream holds one row, not copied: it is a view of the framer's buffer, which
 * stays valid because nothing is read while the row waits; the caller decodes it before
 * resuming. The asynchronous stream copies rows (the event loop reads on) and holds up to
 * {@code maxRows} rows or {@code maxBytes} bytes. {@link #add} and {@link #end} run where the
 * exchange is fed (the loop), {@link #poll} and {@link #whenReady} on any thread.
 */
public final class RowBuffer {
    private final int maxRows;
    private final long maxBytes;
    private final boolean copy;
    private final ArrayDeque<DataRow> rows = new ArrayDeque<>();
    private volatile boolean full;
    private volatile Runnable onRelease = () -> { };
    private long bytes;
    private boolean ended;
    private boolean discarding;
    private Throwable error;
    private Runnable waiter;
    private int peakRows;

    public RowBuffer(int maxRows, long maxBytes, boolean copy) {
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.copy = copy;
    }

    /** What runs when the buffer stops being full (outside its lock): the front end's resume. */
    public void onRelease(Runnable r) {
        onRelease = r;
    }

    /** True while the bound is reached and the caller has not taken half of it. */
    public boolean full() {
        return full;
    }

    /** One more row (where the exchange is fed); dropped once the caller discarded the rest. */
    void add(DataRow d) {
        Runnable w;
        synchronized (this) {
            if (discarding || ended) {
                return;
            }
            DataRow kept = copy ? d.copy() : d;
            rows.add(kept);
            bytes += copy ? size(kept) : 0; // a view's buffer is the framer's: one row at a time anyway
            peakRows = Math.max(peakRows, rows.size());
            if (rows.size() >= maxRows || bytes >= maxBytes) {
                full = true;
            }
            w = waiter;
            waiter = null;
        }
        if (w != null) {
            w.run();
        }
    }

    private static int size(DataRow d) {
        return d.buffer().length + 64;
    }

    /** The next row, or null when none is held now. */
    public DataRow poll() {
        boolean released;
        DataRow d;
        synchronized (this) {
            d = rows.poll();
            if (d == null) {
                return null;
            }
            bytes -= copy ? size(d) : 0;
            released = releaseIfLow();
        }
        if (released) {
            onRelease.run();
        }
        return d;
    }

    /** Drops what is held and what comes later (the caller stopped); the exchange reads on. */
    public void discard() {
        boolean released;
        synchronized (this) {
            discarding = true;
            rows.clear();
            bytes = 0;
            waiter = null;
            released = releaseIfLow();
        }
        if (released) {
            onRelease.run();
        }
    }

    public synchronized boolean discarding() {
        return discarding;
    }

    private boolean releaseIfLow() {
        if (full && rows.size() <= maxRows / 2 && bytes <= maxBytes / 2) {
            full = false;
            return true;
        }
        return false;
    }

    /** Nothing more will come: the statement ended ({@code failure} null) or failed. */
    public void end(Throwable failure) {
        Runnable w;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            error = failure;
            full = false;
            w = waiter;
            waiter = null;
        }
        if (w != null) {
            w.run();
        }
    }

    /**
     * Runs {@code r} once when a row or the end is there: at once (on the caller) if so already,
     * else later where rows are added (so {@code r} must only hand work to an executor).
     */
    public void whenReady(Runnable r) {
        synchronized (this) {
            if (rows.isEmpty() && !ended) {
                waiter = r;
                return;
            }
        }
        r.run();
    }

    /** True once nothing is held and nothing more will come. */
    public synchronized boolean finished() {
        return ended && rows.isEmpty();
    }

    /** True once the statement's answer ended (rows may still be held). */
    public synchronized boolean ended() {
        return ended;
    }

    /** The failure that ended the rows, or null (meaningful once {@link #finished()}). */
    public synchronized Throwable error() {
        return error;
    }

    /** The most rows held at once (tests check the bound). */
    public synchronized int peakRows() {
        return peakRows;
    }
}
