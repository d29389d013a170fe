package io.tusk.internal.pipeline;

import io.tusk.Connection;
import io.tusk.Pipeline;
import io.tusk.errors.InterfaceException;

/**
 * One {@code conn.pipeline()} block. The outermost one ends pipeline mode at {@link #close()};
 * a nested one only syncs (psycopg). Each block holds the session lock once, taken by
 * {@code pipeline()} and given back here.
 */
public final class PipelineHandle implements Pipeline {
    private final Connection connection;
    private final PipelineEngine engine;
    private final Runnable onEnd;
    private final Thread owner = Thread.currentThread();
    private boolean closed;

    /** @param onEnd run when the outermost block ends (pipeline mode off) */
    public PipelineHandle(Connection connection, PipelineEngine engine, Runnable onEnd) {
        this.connection = connection;
        this.engine = engine;
        this.onEnd = onEnd;
    }

    @Override
    public void sync() {
        checkOpen();
        engine.sync();
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        checkOwner();
        closed = true;
        try {
            if (!engine.session().isClosed() && !engine.session().isBroken()) {
                engine.sync();
            }
        } finally {
            try {
                if (engine.exit() == 0) {
                    onEnd.run();
                }
            } finally {
                engine.session().lock().unlock();
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new InterfaceException("this pipeline block is closed: open a new one with conn.pipeline()");
        }
        checkOwner();
    }

    private void checkOwner() {
        if (Thread.currentThread() != owner) {
            throw new InterfaceException("a pipeline belongs to the thread that opened it (" + owner.getName()
                    + "): use and close it there");
        }
    }
}
