package io.tusk.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
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
 * The same JDBC code through pgjdbc and through Tusk's JDBC face: each pair of benchmarks calls
 * one static method with a {@link java.sql.Connection}; only the URL's driver differs
 * ({@code jdbc:postgresql:} or {@code jdbc:tusk:}, same host, database, user and settings).
 * Point select (a reused {@code PreparedStatement}), fetching the 1M-row {@code wide} table,
 * and a 10k-row {@code executeBatch}. The native API's numbers for the same work are
 * {@link PointSelect#tusk} and {@link FetchWide}: the table compares them too, since the face
 * should cost next to nothing over them.
 *
 * <pre>{@code bench/run --only 'JdbcFace'}</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class JdbcFace {
    static final String POINT_SQL = "SELECT abalance FROM pgbench_accounts WHERE aid = ?";
    static final String FETCH_SQL = "SELECT a, b, c, filler FROM wide";
    static final String INSERT_SQL = "INSERT INTO insert_target (aid, bid, abalance, filler) VALUES (?, ?, ?, ?)";
    static final int BATCH_ROWS = 10_000;

    /** One JDBC connection (autocommit on) and the statements the benchmarks reuse. */
    public abstract static class Side {
        Connection conn;
        PreparedStatement point;
        PreparedStatement insert;

        abstract Connection connect(BenchTarget t);

        @Setup(Level.Trial)
        public void open() throws SQLException {
            conn = connect(BenchTarget.fromSystemProperties());
            point = conn.prepareStatement(POINT_SQL);
            insert = conn.prepareStatement(INSERT_SQL);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            conn.close();
        }
    }

    /** pgjdbc, default settings. */
    @State(Scope.Thread)
    public static class Pgjdbc extends Side {
        @Override
        Connection connect(BenchTarget t) {
            return t.jdbc(true);
        }
    }

    /** Tusk's JDBC face, default settings. */
    @State(Scope.Thread)
    public static class TuskJdbc extends Side {
        @Override
        Connection connect(BenchTarget t) {
            return t.tuskJdbc(true);
        }
    }

    static int pointSelect(Side s) throws SQLException {
        s.point.setInt(1, ThreadLocalRandom.current().nextInt(1, Fixtures.ACCOUNTS + 1));
        try (ResultSet rs = s.point.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("no account row: the fixture is missing");
            }
            return rs.getInt(1);
        }
    }

    static long fetchAll(Side s) throws SQLException {
        long sum = 0;
        try (Statement st = s.conn.createStatement(); ResultSet rs = st.executeQuery(FETCH_SQL)) {
            while (rs.next()) {
                sum += rs.getInt(1) + rs.getInt(2) + rs.getInt(3) + rs.getString(4).length();
            }
        }
        return sum;
    }

    static long batchInsert(Side s) throws SQLException {
        s.conn.setAutoCommit(false);
        try {
            for (int i = 0; i < BATCH_ROWS; i++) {
                s.insert.setInt(1, i);
                s.insert.setInt(2, i % 10);
                s.insert.setInt(3, 0);
                s.insert.setString(4, "row");
                s.insert.addBatch();
            }
            long n = 0;
            for (int c : s.insert.executeBatch()) {
                n += c;
            }
            if (n != BATCH_ROWS) {
                throw new IllegalStateException("executeBatch reported " + n + " rows, not " + BATCH_ROWS);
            }
            try (Statement st = s.conn.createStatement()) {
                st.execute("TRUNCATE insert_target");
            }
            s.conn.commit();
            return n;
        } finally {
            s.conn.setAutoCommit(true);
        }
    }

    @Benchmark
    public int pointSelectPgjdbc(Pgjdbc s) throws SQLException {
        return pointSelect(s);
    }

    @Benchmark
    public int pointSelectTusk(TuskJdbc s) throws SQLException {
        return pointSelect(s);
    }

    @Benchmark
    public long fetchPgjdbc(Pgjdbc s) throws SQLException {
        return fetchAll(s);
    }

    @Benchmark
    public long fetchTusk(TuskJdbc s) throws SQLException {
        return fetchAll(s);
    }

    @Benchmark
    public long batchPgjdbc(Pgjdbc s) throws SQLException {
        return batchInsert(s);
    }

    @Benchmark
    public long batchTusk(TuskJdbc s) throws SQLException {
        return batchInsert(s);
    }
}
