package io.tusk.bench;

import io.tusk.Cursor;
import io.tusk.rows.Row;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Bulk fetch: one million rows of four columns (int, int, int, char(84)), the whole result read
 * into memory and every value of every row taken, in text and in binary format.
 *
 * <p>The query has a parameter because Tusk asks for binary results only on the extended
 * protocol ({@code cur.setBinary(true)}); the text variants run the same query. pgjdbc reads
 * the whole result as well (fetchSize 0, its default).
 *
 * <pre>{@code bench/run --only 'FetchWide'}</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(1)
public class FetchWide {
    static final String TUSK_SQL = "SELECT a, b, c, filler FROM wide WHERE a > %s";
    static final String JDBC_SQL = "SELECT a, b, c, filler FROM wide WHERE a > ?";

    @Benchmark
    public long tuskText(Sides.Tusk s, Blackhole bh) {
        return tusk(s, false, bh);
    }

    @Benchmark
    public long tuskBinary(Sides.Tusk s, Blackhole bh) {
        return tusk(s, true, bh);
    }

    @Benchmark
    public long pgjdbcText(Sides.JdbcText s, Blackhole bh) throws SQLException {
        return jdbc(s.conn, bh);
    }

    @Benchmark
    public long pgjdbcBinary(Sides.JdbcBinary s, Blackhole bh) throws SQLException {
        return jdbc(s.conn, bh);
    }

    private static long tusk(Sides.Tusk s, boolean binary, Blackhole bh) {
        long n = 0;
        try (Cursor<Row> cur = s.conn.cursor()) {
            cur.setBinary(binary);
            cur.execute(TUSK_SQL, 0);
            for (Row r : cur) {
                bh.consume(r.get(0));
                bh.consume(r.get(1));
                bh.consume(r.get(2));
                bh.consume(r.get(3));
                n++;
            }
        }
        return Checks.rows(n, Fixtures.WIDE_ROWS);
    }

    private static long jdbc(java.sql.Connection conn, Blackhole bh) throws SQLException {
        long n = 0;
        try (PreparedStatement ps = conn.prepareStatement(JDBC_SQL)) {
            ps.setInt(1, 0);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bh.consume(rs.getInt(1));
                    bh.consume(rs.getInt(2));
                    bh.consume(rs.getInt(3));
                    bh.consume(rs.getString(4));
                    n++;
                }
            }
        }
        return Checks.rows(n, Fixtures.WIDE_ROWS);
    }
}
