package io.tusk.pool;

import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.errors.InterfaceException;
import io.tusk.rows.Row;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A connection lent by a pool for the length of a {@code try} block: psycopg_pool's
 * {@code with pool.connection() as conn:}. Closing it gives the connection back to the pool.
 *
 * <pre>{@code
 * try (PooledConnection c = pool.connection()) {
 *     c.execute("UPDATE account SET balance = balance - 10 WHERE id = 1");
 *     c.commit();
 * }
 * }</pre>
 *
 * <p>Java's try-with-resources cannot tell a normal exit from an exception, so unlike psycopg
 * it does not commit for you: commit inside the block; whatever is left open is rolled back
 * (with a warning in the log) when the connection goes back. {@link ConnectionPool#withConnection}
 * has psycopg's commit-or-rollback behaviour. Do not keep {@link #connection()} past the block.
 */
public final class PooledConnection implements AutoCloseable {
    private final ConnectionPool pool;
    private final Connection conn;
    private final AtomicBoolean returned = new AtomicBoolean();

    PooledConnection(ConnectionPool pool, Connection conn) {
        this.pool = pool;
        this.conn = conn;
    }

    /** The lent connection; valid until {@link #close()}. */
    public Connection connection() {
        if (returned.get()) {
            throw new InterfaceException("this pooled connection was already returned to pool '" + pool.name()
                    + "': borrow another one with pool.connection()");
        }
        return conn;
    }

    /** {@link Connection#execute(String)} on the lent connection. */
    public Cursor<Row> execute(String sql) {
        return connection().execute(sql);
    }

    /** {@link Connection#cursor()} on the lent connection. */
    public Cursor<Row> cursor() {
        return connection().cursor();
    }

    public void commit() {
        connection().commit();
    }

    public void rollback() {
        connection().rollback();
    }

    /** Gives the connection back to its pool; calling it again does nothing. */
    @Override
    public void close() {
        if (returned.compareAndSet(false, true)) {
            pool.putconn(conn);
        }
    }

    @Override
    public String toString() {
        return "PooledConnection[" + pool.name() + ", " + (returned.get() ? "returned" : conn) + "]";
    }
}
