package io.tusk.servercursor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tusk.Connection;
import io.tusk.ServerCursor;
import io.tusk.Tusk;
import io.tusk.rows.Row;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Five million rows through a named cursor in a JVM limited to 64 MB of heap (the failsafe
 * execution "low-memory" runs every *LowMemoryIT with -Xmx64m): only one FETCH is held at a time.
 */
@PgTest
class ServerCursorLowMemoryIT {
    static final long ROWS = 5_000_000;

    @Test
    void fiveMillionRowsThroughANamedCursorInSixtyFourMegabytes(TestDatabase db) {
        // Meaningful only in the failsafe execution low-memory (-Xmx64m); skipped elsewhere (-Dit.test).
        assumeTrue(Runtime.getRuntime().maxMemory() <= 80L << 20, "runs in the -Xmx64m execution only");
        try (Connection conn = Tusk.connect(db.conninfo()); ServerCursor<Row> cur = conn.cursor("five_million")) {
            cur.setItersize(10_000);
            cur.execute("SELECT g, g %% 7 FROM generate_series(1, %s) g", ROWS);
            long n = 0;
            long sum = 0;
            long mod = 0;
            for (Row r : cur) {
                n++;
                sum += ((Number) r.get(0)).longValue();
                mod += r.getInt(1);
            }
            assertEquals(ROWS, n);
            assertEquals(ROWS * (ROWS + 1) / 2, sum);
            assertEquals(expectedModSum(), mod);
        }
    }

    static long expectedModSum() {
        long s = 0;
        for (long g = 1; g <= ROWS; g++) {
            s += g % 7;
        }
        return s;
    }
}
