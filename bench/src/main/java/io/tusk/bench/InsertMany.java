package io.tusk.bench;

import io.tusk.Cursor;
import io.tusk.rows.Row;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * 100,000-row INSERT in one transaction: Tusk's {@code executemany} (psycopg's, pipelined in
 * chunks under one Sync) against pgjdbc's {@code executeBatch}, plain and with
 * {@code reWriteBatchedInserts=true} (which rewrites the batch into multi-row VALUES), and Tusk
 * with its own rewrite ({@code setRewriteBatchedInserts(true)}) against the latter.
 *
 * <p>The rows are made once per trial; pgjdbc's {@code setXxx}/{@code addBatch} calls are part of
 * its measured work because that is how its API takes them. The table is emptied (TRUNCATE,
 * not measured) before every invocation.
 *
 * <pre>{@code bench/run --only 'InsertMany'}</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(1)
public class InsertMany {
    static final String TUSK_SQL = "INSERT INTO insert_target (aid, bid, abalance, filler) VALUES (%s, %s, %s, %s)";
    static final String JDBC_SQL = "INSERT INTO insert_target (aid, bid, abalance, filler) VALUES (?, ?, ?, ?)";
    static final String FILLER = "x".repeat(84);

    /** The rows to insert, as Tusk's executemany takes them. */
    @State(Scope.Benchmark)
    public static class Rows {
        List<Object[]> rows;

        @Setup(Level.Trial)
        public void make() {
            rows = new ArrayList<>(Fixtures.INSERT_ROWS);
            for (int i = 1; i <= Fixtures.INSERT_ROWS; i++) {
                rows.add(new Object[] {i, i % 10, 0, FILLER});
            }
        }
    }

    /** A Tusk connection outside autocommit (one transaction per invocation). */
    @State(Scope.Thread)
    public static class TuskSide {
        io.tusk.Connection conn;

        @Setup(Level.Trial)
        public void open() {
            conn = BenchTarget.fromSystemProperties().tusk(false);
            conn.setRewriteBatchedInserts(rewrite());
        }

        /** Whether a variant rewrites (one @Setup per class: JMH would run an overriding one twice). */
        boolean rewrite() {
            return false;
        }

        @Setup(Level.Invocation)
        public void empty() {
            conn.execute("TRUNCATE insert_target");
            conn.commit();
        }

        @TearDown(Level.Trial)
        public void close() {
            conn.close();
        }
    }

    /** The same Tusk connection with {@code setRewriteBatchedInserts(true)}: multi-row INSERTs of 128 rows. */
    @State(Scope.Thread)
    public static class TuskRewrite extends TuskSide {
        @Override
        boolean rewrite() {
            return true;
        }
    }

    /** A pgjdbc connection outside autocommit with the URL settings of a subclass. */
    public abstract static class JdbcSide {
        java.sql.Connection conn;
        PreparedStatement ps;

        abstract String[] settings();

        @Setup(Level.Trial)
        public void open() throws SQLException {
            conn = BenchTarget.fromSystemProperties().jdbc(false, settings());
            ps = conn.prepareStatement(JDBC_SQL);
        }

        @Setup(Level.Invocation)
        public void empty() throws SQLException {
            try (Statement st = conn.createStatement()) {
                st.execute("TRUNCATE insert_target");
            }
            conn.commit();
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            conn.close();
        }
    }

    /** pgjdbc with its default settings. */
    @State(Scope.Thread)
    public static class JdbcPlain extends JdbcSide {
        @Override
        String[] settings() {
            return new String[0];
        }
    }

    /** pgjdbc with {@code reWriteBatchedInserts=true}. */
    @State(Scope.Thread)
    public static class JdbcRewrite extends JdbcSide {
        @Override
        String[] settings() {
            return new String[] {"reWriteBatchedInserts=true"};
        }
    }

    @Benchmark
    public long tuskExecutemany(TuskSide s, Rows r) {
        long n;
        try (Cursor<Row> cur = s.conn.cursor()) {
            n = cur.executemany(TUSK_SQL, r.rows).rowcount();
        }
        s.conn.commit();
        return Checks.rows(n, Fixtures.INSERT_ROWS);
    }

    @Benchmark
    public long tuskExecutemanyRewrite(TuskRewrite s, Rows r) {
        return tuskExecutemany(s, r);
    }

    @Benchmark
    public long pgjdbcBatch(JdbcPlain s, Rows r) throws SQLException {
        return jdbc(s, r);
    }

    @Benchmark
    public long pgjdbcBatchRewrite(JdbcRewrite s, Rows r) throws SQLException {
        return jdbc(s, r);
    }

    private static long jdbc(JdbcSide s, Rows r) throws SQLException {
        PreparedStatement ps = s.ps;
        for (Object[] row : r.rows) {
            ps.setInt(1, (Integer) row[0]);
            ps.setInt(2, (Integer) row[1]);
            ps.setInt(3, (Integer) row[2]);
            ps.setString(4, (String) row[3]);
            ps.addBatch();
        }
        int[] counts = ps.executeBatch();
        s.conn.commit();
        long n = 0;
        for (int c : counts) {
            // With reWriteBatchedInserts pgjdbc reports SUCCESS_NO_INFO (-2) per row.
            n += c == Statement.SUCCESS_NO_INFO ? 1 : c;
        }
        return Checks.rows(n, Fixtures.INSERT_ROWS);
    }
}
