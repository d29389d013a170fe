package io.tusk.bench;

import io.tusk.Cursor;
import io.tusk.rows.Row;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
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
 * Fetch of 100,000 rows of mixed types: numeric(12,2), timestamptz, text, uuid, jsonb, int8[],
 * every value converted to its Java type (Tusk's loaders give BigDecimal, OffsetDateTime,
 * String, UUID, a jsonb wrapper, a List of Long; on pgjdbc the matching getters), in text and
 * in binary format.
 *
 * <pre>{@code bench/run --only 'FetchMixed'}</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(1)
public class FetchMixed {
    static final String TUSK_SQL = "SELECT n, ts, t, u, j, arr FROM mixed WHERE n > %s";
    static final String JDBC_SQL = "SELECT n, ts, t, u, j, arr FROM mixed WHERE n > ?";

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
                for (int i = 0; i < 6; i++) {
                    bh.consume(r.get(i));
                }
                n++;
            }
        }
        return Checks.rows(n, Fixtures.MIXED_ROWS);
    }

    private static long jdbc(java.sql.Connection conn, Blackhole bh) throws SQLException {
        long n = 0;
        try (PreparedStatement ps = conn.prepareStatement(JDBC_SQL)) {
            ps.setInt(1, 0);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bh.consume(rs.getBigDecimal(1));
                    bh.consume(rs.getObject(2, OffsetDateTime.class));
                    bh.consume(rs.getString(3));
                    bh.consume(rs.getObject(4, UUID.class));
                    bh.consume(rs.getString(5));
                    Array arr = rs.getArray(6);
                    bh.consume(arr.getArray());
                    n++;
                }
            }
        }
        return Checks.rows(n, Fixtures.MIXED_ROWS);
    }
}
