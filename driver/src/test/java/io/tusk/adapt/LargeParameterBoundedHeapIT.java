package io.tusk.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tusk.Connection;
import io.tusk.Tusk;
import io.tusk.rows.Row;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 200 MB bytea parameter in a JVM limited to 400 MB of heap (the failsafe execution
 * "bounded-heap" runs every *BoundedHeapIT with -Xmx400m): the value goes from the caller's
 * array to the socket without a copy in the write buffer. Copied into a buffer grown by
 * doubling, it needed the value, the old buffer and the new one at once (about 580 MB here) and
 * ran out of memory; the server's length and SHA-256 prove every byte arrived.
 */
@PgTest
class LargeParameterBoundedHeapIT {
    private static final int SIZE = 200 << 20;

    @BeforeEach
    void onlyInTheBoundedHeap() {
        // Meaningful only in the failsafe execution bounded-heap (-Xmx400m); skipped elsewhere (-Dit.test).
        long max = Runtime.getRuntime().maxMemory();
        assumeTrue(max > 300L << 20 && max <= 450L << 20, "runs in the -Xmx400m execution only");
    }

    @Test
    void aTwoHundredMegabyteByteaIsSentWithoutCopies(TestDatabase db) throws Exception {
        byte[] value = new byte[SIZE];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < SIZE; i += 8) {
            long r = random.nextLong();
            for (int j = 0; j < 8; j++) {
                value[i + j] = (byte) (r >>> (8 * j));
            }
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        try (Connection conn = Tusk.connect(db.conninfo())) {
            conn.setAutocommit(true);
            conn.execute("CREATE TABLE big_param (b bytea)");
            conn.execute("INSERT INTO big_param VALUES (%b)", (Object) value);
            Row r = conn.execute("SELECT length(b), encode(sha256(b), 'hex') FROM big_param").fetchone();
            assertEquals(SIZE, r.getInt(0));
            assertEquals(sha, r.getString(1));
            // The connection goes on as usual after it.
            assertEquals(Integer.valueOf(1), conn.execute("SELECT 1").fetchone().getInt(0));
        }
    }
}
