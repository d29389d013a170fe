package io.tusk.bench;

import io.tusk.Cursor;
import io.tusk.rows.Row;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
 * A pipeline of 1,000 small statements in one transaction: {@code UPDATE pipe SET v = v + $1
 * WHERE id = $2}, one per row of a 1,000-row table, without a round trip per statement.
 *
 * <p>Tusk: pipeline mode ({@code conn.pipeline()}, one {@code conn.execute} per statement as
 * psycopg code does it), and {@code executemany} (Bind/Execute per statement, chunks under one
 * Sync); pgjdbc: {@code executeBatch}, its way to pipeline. Statements that return rows are
 * left out on purpose: pgjdbc's batch refuses them.
 *
 * <pre>{@code bench/run --only 'Pipeline'}</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class Pipeline {
    static final String TUSK_SQL = "UPDATE pipe SET v = v + %s WHERE id = %s";
    static final String JDBC_SQL = "UPDATE pipe SET v = v + ? WHERE id = ?";

    /** The parameters of the 1,000 statements. */
    @State(Scope.Benchmark)
    public static class Params {
        List<Object[]> rows;

        @Setup(Level.Trial)
        public void make() {
            rows = new ArrayList<>(Fixtures.PIPE_ROWS);
            for (int id = 1; id <= Fixtures.PIPE_ROWS; id++) {
                rows.add(new Object[] {1, id});
            }
        }
    }

    /** A Tusk connection outside autocommit. */
    @State(Scope.Thread)
    public static class TuskSide {
        io.tusk.Connection conn;

        @Setup(Level.Trial)
        public void open() {
            conn = BenchTarget.fromSystemProperties().tusk(false);
        }

        @TearDown(Level.Trial)
        public void close() {
            conn.close();
        }
    }

    /** A pgjdbc connection outside autocommit, with its prepared statement. */
    @State(Scope.Thread)
    public static class JdbcSide {
        java.sql.Connection conn;
        PreparedStatement ps;

        @Setup(Level.Trial)
        public void open() throws SQLException {
            conn = BenchTarget.fromSystemProperties().jdbc(false);
            ps = conn.prepareStatement(JDBC_SQL);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            conn.close();
        }
    }

    @Benchmark
    public long tuskPipeline(TuskSide s, Params p) {
        List<Object[]> rows = p.rows;
        @SuppressWarnings("unchecked")
        Cursor<Row>[] cursors = new Cursor[rows.size()];
        try (io.tusk.Pipeline pipeline = s.conn.pipeline()) {
            for (int i = 0; i < cursors.length; i++) {
                cursors[i] = s.conn.execute(TUSK_SQL, rows.get(i));
            }
        }
        s.conn.commit();
        long n = 0;
        for (Cursor<Row> c : cursors) {
            n += c.rowcount();
        }
        return Checks.rows(n, Fixtures.PIPE_ROWS);
    }

    @Benchmark
    public long tuskExecutemany(TuskSide s, Params p) {
        long n;
        try (Cursor<Row> cur = s.conn.cursor()) {
            n = cur.executemany(TUSK_SQL, p.rows).rowcount();
        }
        s.conn.commit();
        return Checks.rows(n, Fixtures.PIPE_ROWS);
    }

    @Benchmark
    public long pgjdbcBatch(JdbcSide s, Params p) throws SQLException {
        PreparedStatement ps = s.ps;
        for (Object[] row : p.rows) {
            ps.setInt(1, (Integer) row[0]);
            ps.setInt(2, (Integer) row[1]);
            ps.addBatch();
        }
        long n = 0;
        for (int c : ps.executeBatch()) {
            n += c;
        }
        s.conn.commit();
        return Checks.rows(n, Fixtures.PIPE_ROWS);
    }
}
