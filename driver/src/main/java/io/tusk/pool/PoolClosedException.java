package io.tusk.pool;

import io.tusk.errors.OperationalException;

/**
 * The pool is closed (or not opened yet): psycopg_pool's {@code PoolClosed}. Clients waiting when the pool closes get it too.
 *
 * <pre>{@code
 * try (PooledConnection c = pool.connection()) { ... }
 * catch (PoolClosedException e) { return; } // shutting down
 * }</pre>
 */
public class PoolClosedException extends OperationalException {
    private static final long serialVersionUID = 1L;

    public PoolClosedException(String message) {
        super(message);
    }
}
