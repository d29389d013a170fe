package io.tusk.pool;

import io.tusk.errors.OperationalException;

/**
 * A pool refused to queue one more client: psycopg_pool's {@code TooManyRequests}, raised when {@code maxWaiting} clients already wait.
 *
 * <pre>{@code
 * try (PooledConnection c = pool.connection()) { ... }
 * catch (TooManyRequestsException e) { return tooBusy(); }
 * }</pre>
 */
public class TooManyRequestsException extends OperationalException {
    private static final long serialVersionUID = 1L;

    public TooManyRequestsException(String message) {
        super(message);
    }
}
