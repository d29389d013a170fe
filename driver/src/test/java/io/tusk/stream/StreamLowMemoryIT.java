package io.tusk.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.Tusk;
import io.tusk.rows.Row;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Five million rows through cursor.stream() in a JVM limited to 64 MB of heap (the failsafe
 * execution "low-memory" runs every *LowMemoryIT with -Xmx64m): rows are decoded one at a time
 * from the socket.
 */
@PgTest
class StreamLowMemoryIT {
    static final long ROWS = 5_000_000;

    @Test
    void fiveMillionRowsThroughAStreamInSixtyFourMegabytes(TestDatabase db) {
        // Meaningful only in the failsafe execution low-memory (-Xmx64m); skipped elsewhere (-Dit.test).
        assumeTrue(Runtime.getRuntime().maxMemory() <= 80L << 20, "runs in the -Xmx64m execution only");
        try (Connection conn = Tusk.connect(db.conninfo()); Cursor<Row> cur = conn.cursor()) {
            conn.setAutocommit(true);
            long[] acc = new long[2];
            try (Stream<Row> rows = cur.stream("SELECT g, g %% 7 FROM generate_series(1, %s) g", ROWS)) {
                rows.forEach(r -> {
                    acc[0]++;
                    acc[1] += ((Number) r.get(0)).longValue() + r.getInt(1);
                });
            }
            long mods = 0;
            for (long g = 1; g <= ROWS; g++) {
                mods += g % 7;
            }
            assertEquals(ROWS, acc[0]);
            assertEquals(ROWS * (ROWS + 1) / 2 + mods, acc[1]);
            assertEquals(1, conn.execute("SELECT 1").fetchone().getInt(0), "the connection is in step afterwards");
        }
    }
}
