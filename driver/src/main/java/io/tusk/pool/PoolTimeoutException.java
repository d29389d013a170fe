package io.tusk.pool;

import io.tusk.errors.OperationalException;

/**
 * No connection could be had from a pool in time: psycopg_pool's {@code PoolTimeout}, raised by {@code getconn()} after the pool's (or the call's) timeout and by {@code waitReady()} when the pool did not fill in time.
 *
 * <pre>{@code
 * try (PooledConnection c = pool.connection()) { ... }
 * catch (PoolTimeoutException e) { return serviceUnavailable(); }
 * }</pre>
 */
public class PoolTimeoutException extends OperationalException {
    private static final long serialVersionUID = 1L;

    public PoolTimeoutException(String message) {
        super(message);
    }
}
