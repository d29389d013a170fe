package io.tusk.bench;

import io.tusk.Copy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
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
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * {@code COPY copy_in FROM STDIN} of one million rows (the text dump of table {@code wide},
 * about 100 MB, held in memory), written in 64 KB chunks: Tusk's {@code Copy.write}, pgjdbc's
 * {@code CopyIn.writeToCopy}, and {@code psql} reading the same file. The table is emptied
 * (TRUNCATE, not measured) before every invocation.
 *
 * <pre>{@code bench/run --only 'CopyFromStdin'}</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(1)
public class CopyFromStdin {
    static final String SQL = "COPY copy_in FROM STDIN";
    static final int CHUNK = 64 * 1024;

    /** The rows to load: the launcher's dump of table wide (path in {@code -Dtusk.bench.copyFile}). */
    @State(Scope.Benchmark)
    public static class Data {
        Path file;
        byte[] bytes;
        BenchTarget target;
        java.sql.Connection admin;

        @Setup(Level.Trial)
        public void load() throws IOException {
            String path = System.getProperty("tusk.bench.copyFile");
            if (path == null) {
                throw new IllegalStateException("no -Dtusk.bench.copyFile: run the benchmarks with bench/run, "
                        + "which dumps table wide into that file first");
            }
            file = Path.of(path);
            bytes = Files.readAllBytes(file);
            target = BenchTarget.fromSystemProperties();
            admin = target.jdbc(true);
        }

        /** Empties the table; through its own pgjdbc connection so that every variant pays the same. */
        @Setup(Level.Invocation)
        public void empty() throws SQLException {
            try (Statement st = admin.createStatement()) {
                st.execute("TRUNCATE copy_in");
            }
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            admin.close();
        }
    }

    @Benchmark
    public long tusk(Sides.Tusk s, Data d) {
        byte[] b = d.bytes;
        long rows;
        try (Copy copy = s.conn.copy(SQL)) {
            for (int off = 0; off < b.length; off += CHUNK) {
                copy.write(b, off, Math.min(CHUNK, b.length - off));
            }
            copy.close();
            rows = copy.rowcount();
        }
        return Checks.rows(rows, Fixtures.WIDE_ROWS);
    }

    @Benchmark
    public long pgjdbc(Sides.JdbcText s, Data d) throws SQLException {
        byte[] b = d.bytes;
        CopyIn copy = s.conn.unwrap(PGConnection.class).getCopyAPI().copyIn(SQL);
        try {
            for (int off = 0; off < b.length; off += CHUNK) {
                copy.writeToCopy(b, off, Math.min(CHUNK, b.length - off));
            }
            return Checks.rows(copy.endCopy(), Fixtures.WIDE_ROWS);
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    @Benchmark
    public void psql(Data d) {
        Psql.run(d.target, SQL, d.file);
    }
}
