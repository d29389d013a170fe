package io.tusk.pool;

import io.tusk.Connection;
import io.tusk.internal.pool.PoolConfig;
import java.util.function.Consumer;

/**
 * A pool that keeps no idle connection: psycopg_pool's {@code NullConnectionPool}. Every
 * request opens a new connection and giving it back closes it; {@code maxSize}, when above 0,
 * only caps how many are open at once (the others wait, as in {@link ConnectionPool}).
 *
 * <pre>{@code
 * // the same code as with a real pool, e.g. behind PgBouncer or in tests
 * try (ConnectionPool pool = NullConnectionPool.builder(conninfo).maxSize(20).open()) {
 *     pool.useConnection(conn -> conn.execute("SELECT 1"));
 * }
 * }</pre>
 *
 * A connection handed back while clients wait goes to the first of them instead of being closed.
 */
public final class NullConnectionPool extends ConnectionPool {
    NullConnectionPool(PoolConfig<Consumer<Connection>> cfg) {
        super(cfg);
    }

    /** A builder with minSize 0 and maxSize 0 (no limit). */
    public static PoolBuilder<NullConnectionPool> builder(String conninfo) {
        return new PoolBuilder<>(conninfo, true, NullConnectionPool::new);
    }
}
