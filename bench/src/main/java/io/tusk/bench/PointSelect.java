package io.tusk.bench;

import io.tusk.Cursor;
import io.tusk.rows.Row;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * pgbench's select-only transaction ({@code pgbench -S}): one row by primary key, one
 * connection per thread, autocommit on. Each driver is used as its documentation suggests:
 * Tusk's cursor with a {@code %s} parameter, pgjdbc's reused {@code PreparedStatement}; both
 * prepare the statement on the server after 5 runs by default (psycopg's
 * {@code prepare_threshold}, pgjdbc's {@code prepareThreshold}). The {@code *Unprepared}
 * controls turn that off on both sides.
 *
 * <p>From one thread both drivers wait on the server's wake-up most of the time (DESIGN.md §4);
 * {@link PointSelect8} keeps eight connections busy to show the drivers' own cost.
 *
 * <pre>{@code bench/run --only 'PointSelect\.'}</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class PointSelect {
    static final String TUSK_SQL = "SELECT abalance FROM pgbench_accounts WHERE aid = %s";
    static final String JDBC_SQL = "SELECT abalance FROM pgbench_accounts WHERE aid = ?";

    static int randomAid() {
        return ThreadLocalRandom.current().nextInt(1, Fixtures.ACCOUNTS + 1);
    }

    /** One Tusk connection and cursor per benchmark thread. */
    @State(Scope.Thread)
    public static class TuskSide {
        io.tusk.Connection conn;
        Cursor<Row> cur;

        @Setup(Level.Trial)
        public void open() {
            conn = BenchTarget.fromSystemProperties().tusk(true);
            cur = conn.cursor();
        }

        @TearDown(Level.Trial)
        public void close() {
            conn.close();
        }
    }

    /**
     * Tusk with prepared statements off ({@code setPrepareThreshold(null)}): the unnamed
     * statement every time, the same messages as {@link JdbcUnprepared}. A control.
     */
    @State(Scope.Thread)
    public static class TuskUnprepared extends TuskSide {
        /** Runs after {@link TuskSide#open()}: JMH calls a superclass's setup first. */
        @Setup(Level.Trial)
        public void neverPrepare() {
            conn.setPrepareThreshold(null);
        }
    }

    /** One pgjdbc connection and prepared statement per benchmark thread, with the URL settings of a subclass. */
    public abstract static class JdbcSide {
        java.sql.Connection conn;
        PreparedStatement ps;

        abstract String[] settings();

        @Setup(Level.Trial)
        public void open() throws SQLException {
            conn = BenchTarget.fromSystemProperties().jdbc(true, settings());
            ps = conn.prepareStatement(JDBC_SQL);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            conn.close();
        }
    }

    /** pgjdbc as configured by default: a named server-side statement from the 5th execution on. */
    @State(Scope.Thread)
    public static class JdbcDefault extends JdbcSide {
        @Override
        String[] settings() {
            return new String[0];
        }
    }

    /**
     * pgjdbc with {@code prepareThreshold=0}: the unnamed statement every time (Parse, Bind,
     * Describe, Execute, Sync). A control, not a rival: against {@link TuskUnprepared} it
     * separates the server's planning (which a statement cache saves) from the drivers' own cost.
     */
    @State(Scope.Thread)
    public static class JdbcUnprepared extends JdbcSide {
        @Override
        String[] settings() {
            return new String[] {"prepareThreshold=0"};
        }
    }

    @Benchmark
    public Object tusk(TuskSide s) {
        Row row = s.cur.execute(TUSK_SQL, randomAid()).fetchone();
        return row.get(0);
    }

    @Benchmark
    public Object tuskUnprepared(TuskUnprepared s) {
        return tusk(s);
    }

    @Benchmark
    public int pgjdbc(JdbcDefault s) throws SQLException {
        return select(s);
    }

    @Benchmark
    public int pgjdbcUnprepared(JdbcUnprepared s) throws SQLException {
        return select(s);
    }

    private static int select(JdbcSide s) throws SQLException {
        s.ps.setInt(1, randomAid());
        try (ResultSet rs = s.ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
