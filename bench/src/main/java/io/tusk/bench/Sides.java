package io.tusk.bench;

import java.sql.SQLException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Connection holders shared by the bulk benchmarks: JMH states that open one connection per
 * trial. A benchmark class takes the side it measures as a parameter.
 *
 * <pre>{@code
 * @Benchmark public long tusk(Sides.Tusk s) { s.conn.execute(...); }
 * }</pre>
 */
public final class Sides {
    private Sides() {
    }

    /** A Tusk connection, autocommit on. */
    @State(Scope.Thread)
    public static class Tusk {
        public io.tusk.Connection conn;

        @Setup(Level.Trial)
        public void open() {
            conn = BenchTarget.fromSystemProperties().tusk(true);
        }

        @TearDown(Level.Trial)
        public void close() {
            conn.close();
        }
    }

    /** A pgjdbc connection, autocommit on, text results ({@code binaryTransfer=false}). */
    @State(Scope.Thread)
    public static class JdbcText {
        public java.sql.Connection conn;

        @Setup(Level.Trial)
        public void open() {
            conn = BenchTarget.fromSystemProperties().jdbc(true, "binaryTransfer=false");
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            conn.close();
        }
    }

    /**
     * A pgjdbc connection, autocommit on, binary results from the first execution
     * ({@code prepareThreshold=-1} forces a named statement, whose Describe lets pgjdbc ask for
     * binary columns; {@code binaryTransfer=true} is the default).
     */
    @State(Scope.Thread)
    public static class JdbcBinary {
        public java.sql.Connection conn;

        @Setup(Level.Trial)
        public void open() {
            conn = BenchTarget.fromSystemProperties().jdbc(true, "prepareThreshold=-1", "binaryTransfer=true");
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            conn.close();
        }
    }
}
