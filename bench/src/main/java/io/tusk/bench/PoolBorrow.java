package io.tusk.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tusk.pool.ConnectionPool;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of a connection pool itself (psycopg_pool's {@code getconn()}/{@code putconn()}):
 * eight threads borrow a connection from a pool of eight, touch it ({@code isClosed()}, no
 * query) and give it back. Tusk's {@link ConnectionPool} against HikariCP over pgjdbc
 * ({@code getConnection()}/{@code close()}), both with 8 connections opened before measuring.
 *
 * <pre>{@code bench/run --only 'PoolBorrow'}</pre>
 *
 * <p>No server round trip is in a borrow on either side (neither pool checks a connection on
 * borrow by default: psycopg_pool has no {@code check} unless given, HikariCP skips
 * {@code isValid} for a connection used within the last 500 ms), so this measures the pool's
 * queueing and its hand-off between threads. Report only: no target in DESIGN.md §5.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(8)
public class PoolBorrow {
    static final int POOL_SIZE = 8;

    /** One Tusk pool shared by the benchmark threads. */
    @State(Scope.Benchmark)
    public static class TuskPool {
        ConnectionPool pool;

        @Setup(Level.Trial)
        public void open() {
            pool = ConnectionPool.builder(BenchTarget.fromSystemProperties().conninfo())
                    .minSize(POOL_SIZE).maxSize(POOL_SIZE).timeout(Duration.ofSeconds(30)).name("bench").build();
            pool.open(true, Duration.ofSeconds(30));
        }

        @TearDown(Level.Trial)
        public void close() {
            pool.close();
        }
    }

    /** One HikariCP pool over pgjdbc shared by the benchmark threads. */
    @State(Scope.Benchmark)
    public static class Hikari {
        HikariDataSource pool;

        @Setup(Level.Trial)
        public void open() throws SQLException {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(BenchTarget.fromSystemProperties().jdbcUrl());
            config.setMaximumPoolSize(POOL_SIZE);
            config.setMinimumIdle(POOL_SIZE);
            config.setConnectionTimeout(30_000);
            config.setPoolName("bench");
            pool = new HikariDataSource(config);
            // Fill the pool before measuring, as Tusk's open(wait=true) does.
            java.sql.Connection[] all = new java.sql.Connection[POOL_SIZE];
            for (int i = 0; i < POOL_SIZE; i++) {
                all[i] = pool.getConnection();
            }
            for (java.sql.Connection c : all) {
                c.close();
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            pool.close();
        }
    }

    @Benchmark
    public boolean tusk(TuskPool s) {
        io.tusk.Connection conn = s.pool.getconn();
        try {
            return conn.isClosed();
        } finally {
            s.pool.putconn(conn);
        }
    }

    @Benchmark
    public boolean hikari(Hikari s) throws SQLException {
        try (java.sql.Connection conn = s.pool.getConnection()) {
            return conn.isClosed();
        }
    }
}
