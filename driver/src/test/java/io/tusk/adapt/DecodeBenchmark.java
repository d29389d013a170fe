package io.tusk.adapt;

import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.Tusk;
import io.tusk.rows.Row;
import io.tusk.testkit.PgServer;
import io.tusk.testkit.PgUsers;
import java.util.List;

/**
 * A measurement to run by hand, not a test: how long fetching 1M mixed rows takes with results
 * in text and in binary ({@code cur.setBinary}), loading every value. The figures are in
 * docs/reference/types.md. Run from driver/ after {@code mvn -o test-compile}:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/test-cp.txt) io.tusk.adapt.DecodeBenchmark [rows] [rounds]
 * </pre>
 *
 * With {@code TUSK_TEST_PG} set it uses that server, otherwise the embedded one.
 */
public final class DecodeBenchmark {
    private static final String QUERY = "SELECT i, i::int8 * 3, i / 7.0::float8, 'row ' || i,"
            + " timestamptz '2020-01-01 00:00:00+00' + i * interval '1 second', i %% 2 = 0, i::numeric / 3,"
            + " date '2020-01-01' + (i %% 1000)"
            + " FROM generate_series(1, %s) i";

    private DecodeBenchmark() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (Connection conn = Tusk.connect(PgServer.get().conninfo(PgUsers.TRUST))) {
            conn.setAutocommit(true);
            for (int round = 0; round < rounds; round++) {
                for (boolean binary : new boolean[] {false, true}) {
                    long[] t = run(conn, rows, binary);
                    System.out.printf("round %d %-6s execute %5d ms, load %5d ms, total %5d ms%n", round,
                            binary ? "binary" : "text", t[0] / 1_000_000, t[1] / 1_000_000, (t[0] + t[1]) / 1_000_000);
                }
            }
        }
    }

    /** Nanoseconds spent executing (rows arrive, undecoded) and fetching (every value loaded). */
    private static long[] run(Connection conn, int rows, boolean binary) {
        try (Cursor<Row> cur = conn.cursor()) {
            cur.setBinary(binary);
            long t0 = System.nanoTime();
            cur.execute(QUERY, rows);
            long t1 = System.nanoTime();
            List<Row> all = cur.fetchall();
            long sink = 0;
            for (Row r : all) {
                sink += r.size();
            }
            long t2 = System.nanoTime();
            if (sink != 8L * rows) {
                throw new AssertionError(sink);
            }
            return new long[] {t1 - t0, t2 - t1};
        }
    }
}
