package io.tusk.bench;

import io.tusk.Copy;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.PGConnection;

/**
 * {@code COPY wide TO STDOUT} (one million rows, text format), every chunk read and counted:
 * Tusk's {@code Copy.read()}, pgjdbc's {@code CopyManager.copyOut(sql).readFromCopy()}, and
 * {@code psql} writing to /dev/null when a psql is on PATH.
 *
 * <pre>{@code bench/run --only 'CopyToStdout'}</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(1)
public class CopyToStdout {
    static final String SQL = "COPY wide TO STDOUT";

    @Benchmark
    public long tusk(Sides.Tusk s) {
        long bytes = 0;
        long rows;
        try (Copy copy = s.conn.copy(SQL)) {
            for (byte[] chunk; (chunk = copy.read()) != null; ) {
                bytes += chunk.length;
            }
            rows = copy.rowcount();
        }
        Checks.rows(rows, Fixtures.WIDE_ROWS);
        return bytes;
    }

    @Benchmark
    public long pgjdbc(Sides.JdbcText s) throws SQLException {
        org.postgresql.copy.CopyOut copy = s.conn.unwrap(PGConnection.class).getCopyAPI().copyOut(SQL);
        long bytes = 0;
        for (byte[] chunk; (chunk = copy.readFromCopy()) != null; ) {
            bytes += chunk.length;
        }
        Checks.rows(copy.getHandledRowCount(), Fixtures.WIDE_ROWS);
        return bytes;
    }

    @Benchmark
    public void psql(PsqlSide s) {
        Psql.run(s.target, SQL, null);
    }

    /** The target psql is pointed at. */
    @State(Scope.Thread)
    public static class PsqlSide {
        BenchTarget target = BenchTarget.fromSystemProperties();
    }
}
