package io.tusk.pool;

import io.tusk.Connection;
import io.tusk.internal.pool.ConnectionCheck;
import io.tusk.internal.pool.PoolConfig;
import io.tusk.internal.pool.PoolEngine;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A pool of connections for an application outside a container: psycopg_pool's
 * {@code ConnectionPool}, with its parameters, defaults and statistics under Java names.
 *
 * <pre>{@code
 * try (ConnectionPool pool = ConnectionPool.builder("host=db dbname=app user=app").maxSize(10).open()) {
 *     String n = pool.withConnection(conn -> conn.execute("SELECT count(*) FROM t").fetchone().getString(0));
 *     try (PooledConnection c = pool.connection()) {
 *         c.execute("INSERT INTO t VALUES (1)");
 *         c.commit();
 *     }
 * }
 * }</pre>
 *
 * <p>The pool keeps between {@code minSize} and {@code maxSize} connections. Clients that find
 * none idle wait in a first-come, first-served queue while the pool opens more (up to maxSize);
 * a client waits at most {@code timeout} ({@link PoolTimeoutException}) and at most
 * {@code maxWaiting} clients may wait ({@link TooManyRequestsException}). A few daemon threads
 * named after the pool make connections (retrying with exponential back-off when the server is
 * unreachable, for up to {@code reconnectTimeout}), replace those older than {@code maxLifetime}
 * and close those idle for longer than {@code maxIdle} above minSize.
 *
 * <p>A connection given back is checked: a transaction left open is rolled back (with a
 * warning), a connection broken or still running a statement is closed and replaced, and the
 * {@code reset} callback runs. Every method is safe to call from any thread.
 */
public sealed class ConnectionPool extends PoolFacade<PoolEngine> implements AutoCloseable permits NullConnectionPool {
    ConnectionPool(PoolConfig<Consumer<Connection>> cfg) {
        super(new PoolEngine(cfg));
    }

    @Override
    void checkNow() {
        check();
    }

    /** A builder for a pool connecting with {@code conninfo} (libpq's key=value or URI form). */
    public static PoolBuilder<? extends ConnectionPool> builder(String conninfo) {
        return new PoolBuilder<>(conninfo, false, ConnectionPool::new);
    }

    /**
     * Checks that a connection works with an empty query (psycopg_pool's
     * {@code ConnectionPool.check_connection}); throws when it does not. Meant for
     * {@code builder.check(ConnectionPool::checkConnection)}.
     */
    public static void checkConnection(Connection conn) {
        ConnectionCheck.check(conn);
    }

    /** {@link #open(boolean, Duration) open(false, 30 s)}. */
    public void open() {
        open(false, Duration.ofSeconds(30));
    }

    /**
     * Starts the pool: connections start being made in the background. With {@code wait}, also
     * {@link #waitReady(Duration) waits} until minSize are open. Opening an open pool does nothing;
     * a closed pool cannot be reopened ({@link PoolClosedException}).
     */
    public void open(boolean wait, Duration timeout) {
        engine.open();
        registerJmx();
        if (wait) {
            waitReady(timeout);
        }
    }

    /**
     * Waits until minSize connections are open (psycopg_pool's {@code wait()}). If that takes
     * longer than {@code timeout}, closes the pool and throws {@link PoolTimeoutException}.
     */
    public void waitReady(Duration timeout) {
        try {
            engine.waitReady(timeout);
        } catch (PoolTimeoutException e) {
            close(); // the engine closed itself; this also leaves JMX
            throw e;
        }
    }

    /**
     * Borrows a connection, waiting up to the pool's timeout; give it back with
     * {@link #putconn(Connection)} (psycopg_pool's {@code getconn()}).
     *
     * @throws PoolTimeoutException no connection became free in time
     * @throws TooManyRequestsException maxWaiting clients already wait
     * @throws PoolClosedException the pool is closed or not open
     */
    public Connection getconn() {
        return engine.borrow(engine.config().timeout());
    }

    /** {@link #getconn()} waiting at most {@code timeout}. */
    public Connection getconn(Duration timeout) {
        return engine.borrow(timeout);
    }

    /**
     * Gives back a connection from {@link #getconn()} (psycopg_pool's {@code putconn()}). An open
     * transaction is rolled back with a warning; a broken connection is replaced.
     *
     * @throws IllegalArgumentException the connection is not lent by this pool
     */
    public void putconn(Connection conn) {
        engine.giveBack(conn);
    }

    /** A connection for a try-with-resources block, given back when the block ends (see {@link PooledConnection}). */
    public PooledConnection connection() {
        return new PooledConnection(this, getconn());
    }

    /** {@link #connection()} waiting at most {@code timeout}. */
    public PooledConnection connection(Duration timeout) {
        return new PooledConnection(this, getconn(timeout));
    }

    /**
     * Runs {@code work} with a connection, commits when it returns and rolls back when it throws,
     * then gives the connection back: psycopg's {@code with pool.connection() as conn:}.
     *
     * <pre>{@code
     * Row r = pool.withConnection(conn -> conn.execute("SELECT 1").fetchone());
     * }</pre>
     */
    public <T> T withConnection(Function<Connection, T> work) {
        Connection conn = getconn();
        T result;
        try {
            result = work.apply(conn);
        } catch (RuntimeException | Error e) {
            try {
                if (!conn.isBroken() && !conn.isClosed()) {
                    conn.rollback();
                }
            } catch (RuntimeException r) {
                e.addSuppressed(r);
            }
            putconn(conn);
            throw e;
        }
        try {
            conn.commit();
        } finally {
            putconn(conn);
        }
        return result;
    }

    /** {@link #withConnection(Function)} for work that returns nothing. */
    public void useConnection(Consumer<Connection> work) {
        withConnection(conn -> {
            work.accept(conn);
            return null;
        });
    }

    /** Changes minSize and maxSize; connections above the new maxSize close as they become idle. */
    public void resize(int minSize, int maxSize) {
        boolean nullPool = this instanceof NullConnectionPool;
        if (nullPool ? minSize != 0 || maxSize < 0 : minSize < 0 || maxSize < minSize || maxSize == 0) {
            throw new IllegalArgumentException((nullPool ? "a NullConnectionPool needs minSize 0 and maxSize >= 0"
                    : "need 0 <= minSize <= maxSize and maxSize >= 1") + ", not " + minSize + ", " + maxSize);
        }
        engine.resize(minSize, maxSize);
    }

    /**
     * Checks every idle connection (with the {@code check} callback, or {@link #checkConnection})
     * and replaces the broken ones (psycopg_pool's {@code check()}).
     */
    public void check() {
        engine.checkIdle();
    }

    /**
     * Closes the pool: clients waiting fail with {@link PoolClosedException}, idle connections
     * close now, lent ones when given back; waits up to {@code timeout} for the pool's threads.
     */
    public void close(Duration timeout) {
        engine.close(timeout);
        unregisterJmx();
    }

    /** {@link #close(Duration) close(5 s)}, psycopg_pool's default. */
    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    @Override
    public String toString() {
        PoolStats s = stats();
        return getClass().getSimpleName() + "[" + name() + ", size=" + s.poolSize() + ", available="
                + s.poolAvailable() + ", waiting=" + s.requestsWaiting() + (isClosed() ? ", closed" : "") + "]";
    }
}
