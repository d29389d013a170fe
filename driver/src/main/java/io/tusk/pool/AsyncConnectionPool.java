package io.tusk.pool;

import io.tusk.async.AsyncConnection;
import io.tusk.internal.pool.AsyncConnectionCheck;
import io.tusk.internal.pool.AsyncPoolEngine;
import io.tusk.internal.pool.PoolConfig;
import io.tusk.internal.pool.PoolSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A pool of {@link AsyncConnection}s: psycopg_pool's {@code AsyncConnectionPool}, with the same
 * behaviour as the blocking {@link ConnectionPool} but where a client waits as a stage, not as
 * a thread.
 *
 * <pre>{@code
 * AsyncConnectionPool pool = AsyncConnectionPool.builder("host=db dbname=app user=app")
 *         .minSize(2).maxSize(8).open();
 * pool.connection(conn -> conn.execute("SELECT count(*) FROM t").thenCompose(AsyncCursor::fetchone))
 *     .thenAccept(row -> System.out.println(row.getLong(0)));
 * }</pre>
 *
 * <p>The pool keeps between {@code minSize} and {@code maxSize} connections, made in the
 * background without blocking a thread. {@link #getconn()} completes at once with an idle
 * connection, or queues the request (first come, first served) while the pool opens more up
 * to maxSize; a request waits at most {@code timeout} ({@link PoolTimeoutException}) and at
 * most {@code maxWaiting} may wait ({@link TooManyRequestsException}). Connections older than
 * {@code maxLifetime} are replaced and those idle longer than {@code maxIdle} above minSize
 * closed. {@link #putconn} rolls back a transaction left open (with a warning), runs the
 * {@code reset} callback, and closes and replaces a broken connection.
 *
 * <p>Every stage the pool returns completes on its executor ({@link Builder#executor}, the
 * common fork-join pool by default); the only thread of its own is a timer (time-outs, retries,
 * maintenance) that never runs user code. Every method is safe to call from any thread.
 */
public final class AsyncConnectionPool extends PoolFacade<AsyncPoolEngine> {
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private AsyncConnectionPool(PoolConfig<AsyncPoolEngine.Callback> cfg) {
        super(new AsyncPoolEngine(cfg));
    }

    @Override
    void checkNow() {
        // JMX operations run on a JMX thread, which may wait for the pool's stages.
        check().toCompletableFuture().join();
    }

    /** A builder for a pool connecting with {@code conninfo} (libpq's key=value or URI form). */
    public static Builder builder(String conninfo) {
        return new Builder(conninfo);
    }

    /**
     * Checks that a connection works with an empty query in autocommit (psycopg_pool's
     * {@code AsyncConnectionPool.check_connection}); the stage fails when it does not. Meant
     * for {@code builder.check(AsyncConnectionPool::checkConnection)}.
     */
    public static CompletionStage<Void> checkConnection(AsyncConnection conn) {
        return AsyncConnectionCheck.check(conn);
    }

    /**
     * Starts the pool: connections start being made in the background; returns at once.
     * Opening an open pool does nothing; a closed pool cannot be reopened ({@link PoolClosedException}).
     */
    public void open() {
        engine.open();
        registerJmx();
    }

    /**
     * Changes minSize and maxSize (psycopg_pool's {@code resize()}): connections above the new
     * maxSize close as they become idle; new ones are made in the background up to the new minSize.
     */
    public void resize(int minSize, int maxSize) {
        if (minSize < 0 || maxSize < minSize || maxSize == 0) {
            throw new IllegalArgumentException("need 0 <= minSize <= maxSize and maxSize >= 1, not " + minSize + ", " + maxSize);
        }
        engine.resize(minSize, maxSize);
    }

    /**
     * Completes when minSize connections are open (psycopg_pool's {@code await pool.wait()}).
     * If they are not in time, the pool is closed and the stage fails with {@link PoolTimeoutException}.
     */
    public CompletionStage<Void> waitReady(Duration timeout) {
        return engine.waitReady(timeout);
    }

    /** A connection, within the pool's timeout (psycopg_pool's {@code await getconn()}); give it back with {@link #putconn}. */
    public CompletionStage<AsyncConnection> getconn() {
        return engine.borrow(engine.config().timeout());
    }

    /** A connection, waiting at most {@code timeout}. */
    public CompletionStage<AsyncConnection> getconn(Duration timeout) {
        return engine.borrow(timeout);
    }

    /**
     * Gives a connection back (psycopg_pool's {@code await putconn(conn)}): the stage completes
     * once the pool has reset it (a transaction left open is rolled back) and kept, handed on
     * or replaced it. Fails with IllegalArgumentException for a connection this pool did not lend.
     */
    public CompletionStage<Void> putconn(AsyncConnection conn) {
        return engine.giveBack(conn);
    }

    /**
     * Borrows a connection, runs {@code work} with it and gives it back, also when the work fails
     * (psycopg_pool's {@code async with pool.connection() as conn}): when the work's stage
     * completes normally its transaction is committed, when it fails rolled back, and the stage
     * fails with the work's error.
     */
    public <T> CompletionStage<T> connection(Function<AsyncConnection, ? extends CompletionStage<T>> work) {
        return connection(engine.config().timeout(), work);
    }

    /** {@link #connection(Function)} waiting at most {@code timeout} for the connection. */
    public <T> CompletionStage<T> connection(Duration timeout, Function<AsyncConnection, ? extends CompletionStage<T>> work) {
        return getconn(timeout).thenCompose(conn -> {
            CompletionStage<T> ran;
            try {
                ran = work.apply(conn);
            } catch (RuntimeException e) {
                ran = CompletableFuture.failedFuture(e);
            }
            return ran.handle((result, error) -> {
                CompletionStage<Void> ended = error == null ? conn.commit() : conn.rollback();
                // the work's error wins; a failed COMMIT fails a work that succeeded
                return ended.handle((v, endError) -> error != null ? error : endError)
                        .thenCompose(failure -> putconn(conn).handle((v, putError) -> failure))
                        .thenApply(failure -> {
                            if (failure != null) {
                                throw failure instanceof CompletionException c ? c : new CompletionException(failure);
                            }
                            return result;
                        });
            }).thenCompose(Function.identity());
        });
    }

    /** Checks every idle connection now; the broken ones are replaced (psycopg_pool's {@code await check()}). */
    public CompletionStage<Void> check() {
        return engine.checkIdle();
    }

    /**
     * Closes the pool: waiting requests fail with {@link PoolClosedException}, idle connections
     * are closed (the stage completes when they are), lent ones when they are given back.
     */
    public CompletionStage<Void> close() {
        unregisterJmx();
        return engine.close();
    }

    @Override
    public String toString() {
        return "AsyncConnectionPool[" + name() + "]";
    }

    /**
     * The settings of an {@link AsyncConnectionPool}: psycopg_pool's keyword arguments with the
     * blocking {@link PoolBuilder}'s defaults; the callbacks return stages.
     *
     * <pre>{@code
     * AsyncConnectionPool pool = AsyncConnectionPool.builder("host=db dbname=app")
     *         .minSize(4).maxSize(16).timeout(Duration.ofSeconds(5))
     *         .check(AsyncConnectionPool::checkConnection)
     *         .executor(myExecutor).open();
     * }</pre>
     */
    public static final class Builder {
        private final PoolSettings settings;
        private Function<AsyncConnection, ? extends CompletionStage<?>> configure;
        private Function<AsyncConnection, ? extends CompletionStage<?>> reset;
        private Function<AsyncConnection, ? extends CompletionStage<?>> check;
        private Consumer<AsyncConnectionPool> reconnectFailed;
        private Executor executor = ForkJoinPool.commonPool();

        Builder(String conninfo) {
            this.settings = new PoolSettings(conninfo, 4);
        }

        /** Connection parameters added to or overriding the conninfo ({@code kwargs}); null values remove one. */
        public Builder kwargs(Map<String, ?> parameters) {
            settings.kwargs(parameters);
            return this;
        }

        /** Connections kept even when idle ({@code min_size}, default 4). */
        public Builder minSize(int minSize) {
            settings.minSize(minSize);
            return this;
        }

        /** The most connections at once ({@code max_size}, default minSize). */
        public Builder maxSize(int maxSize) {
            settings.maxSize(maxSize);
            return this;
        }

        /** How long {@code getconn()} waits before failing with {@link PoolTimeoutException} (default 30 s). */
        public Builder timeout(Duration timeout) {
            settings.timeout(timeout);
            return this;
        }

        /** Requests allowed to wait; one more fails with {@link TooManyRequestsException} (0, the default: no limit). */
        public Builder maxWaiting(int maxWaiting) {
            settings.maxWaiting(maxWaiting);
            return this;
        }

        /** Each connection is replaced after this, minus a random 0-5 % (default 1 h). */
        public Builder maxLifetime(Duration maxLifetime) {
            settings.maxLifetime(maxLifetime);
            return this;
        }

        /** Idle connections above minSize are closed after this (default 10 min). */
        public Builder maxIdle(Duration maxIdle) {
            settings.maxIdle(maxIdle);
            return this;
        }

        /** How long a failing connection attempt is retried (default 5 min). */
        public Builder reconnectTimeout(Duration reconnectTimeout) {
            settings.reconnectTimeout(reconnectTimeout);
            return this;
        }

        /** Called when the pool gives up making a connection ({@code reconnect_failed}). */
        public Builder reconnectFailed(Consumer<AsyncConnectionPool> callback) {
            this.reconnectFailed = callback;
            return this;
        }

        /** Runs on every new connection; its stage must leave the connection IDLE. */
        public Builder configure(Function<AsyncConnection, ? extends CompletionStage<?>> callback) {
            this.configure = callback;
            return this;
        }

        /** Runs on every returned connection; if it fails or leaves it not IDLE, the connection is replaced. */
        public Builder reset(Function<AsyncConnection, ? extends CompletionStage<?>> callback) {
            this.reset = callback;
            return this;
        }

        /**
         * Runs before a connection is handed out; if its stage fails the connection is replaced
         * and another tried. Use {@link AsyncConnectionPool#checkConnection}.
         */
        public Builder check(Function<AsyncConnection, ? extends CompletionStage<?>> callback) {
            this.check = callback;
            return this;
        }

        /** Registers the pool's statistics as a JMX MXBean ({@link ConnectionPoolMXBean}) while it is open. */
        public Builder jmx(boolean jmx) {
            settings.jmx(jmx);
            return this;
        }

        /** The pool's name, in logs, JMX and the timer thread's name (default {@code async-pool-N}). */
        public Builder name(String name) {
            settings.name(name);
            return this;
        }

        /** Where every stage of the pool and of its connections completes (default the common fork-join pool). */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** A pool with these settings, not opened yet: call {@link AsyncConnectionPool#open()}. */
        public AsyncConnectionPool build() {
            int minSize = settings.minSize();
            int max = settings.maxSizeOr(minSize);
            if (minSize < 0) {
                throw new IllegalArgumentException("minSize must be 0 or more, not " + minSize);
            }
            if (max < 1) {
                throw new IllegalArgumentException("maxSize must be at least 1 for an AsyncConnectionPool, not " + max);
            }
            if (max < minSize) {
                throw new IllegalArgumentException("maxSize (" + max + ") must not be less than minSize (" + minSize + ")");
            }
            AsyncConnectionPool[] self = new AsyncConnectionPool[1];
            Runnable onFailed = reconnectFailed == null ? null : () -> reconnectFailed.accept(self[0]);
            PoolConfig<AsyncPoolEngine.Callback> cfg = settings.config(() -> "async-pool-" + POOL_NUMBER.incrementAndGet(),
                    max, AsyncPoolEngine.callback(configure), AsyncPoolEngine.callback(reset),
                    AsyncPoolEngine.callback(check), onFailed, false, executor);
            self[0] = new AsyncConnectionPool(cfg);
            return self[0];
        }

        /** {@link #build()} then {@link AsyncConnectionPool#open()}. */
        public AsyncConnectionPool open() {
            AsyncConnectionPool pool = build();
            pool.open();
            return pool;
        }
    }
}
