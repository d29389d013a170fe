package io.tusk.largeobject;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.LargeObject;
import io.tusk.TransactionStatus;
import io.tusk.Tusk;
import io.tusk.errors.DatabaseException;
import io.tusk.errors.InterfaceException;
import io.tusk.errors.ProgrammingException;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large objects: 100 MB in chunks, client-side import and export, 64-bit offsets, modes, transaction rules. */
@PgTest
class LargeObjectIT {
    static final int MB = 1 << 20;

    static Connection connect(TestDatabase db) {
        return Tusk.connect(db.conninfo());
    }

    /** Deterministic pseudo-random bytes, block by block. */
    static byte[] block(long seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha256(InputStream in) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Test
    void hundredMegabytesWrittenAndReadBackInChunksWithExportAndImportMatchingBySha256(TestDatabase db, @TempDir Path dir)
            throws Exception {
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        long oid;
        try (Connection conn = connect(db)) {
            try (LargeObject lo = conn.largeObject()) {
                oid = lo.oid();
                assertEquals("wb", lo.mode(), "a new object is opened for writing, as psycopg2 does");
                for (int i = 0; i < 100; i++) {
                    byte[] b = block(i, MB);
                    written.update(b);
                    assertEquals(MB, lo.write(b));
                }
                assertEquals(100L * MB, lo.tell());
            }
            conn.commit();
            String expected = HexFormat.of().formatHex(written.digest());

            try (LargeObject lo = conn.largeObject(oid, "rb")) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                long total = 0;
                for (byte[] chunk; (chunk = lo.read(3 * MB + 17)).length > 0; ) {
                    md.update(chunk);
                    total += chunk.length;
                }
                assertEquals(100L * MB, total);
                assertEquals(expected, HexFormat.of().formatHex(md.digest()));
                lo.seek(0);
                try (InputStream in = lo.inputStream()) {
                    assertEquals(expected, sha256(in), "the same through inputStream()");
                }

                Path exported = dir.resolve("exported.bin");
                lo.export(exported);
                assertEquals(100L * MB, Files.size(exported));
                try (InputStream in = Files.newInputStream(exported)) {
                    assertEquals(expected, sha256(in), "export is byte for byte");
                }

                try (LargeObject imported = conn.largeObject(0, "", 0, exported)) {
                    assertNotEquals(oid, imported.oid());
                    assertEquals(0, imported.tell(), "an import leaves the position at the start");
                    assertEquals(100L * MB, imported.seek(0, LargeObject.SEEK_END));
                    assertEquals(expected, serverSha(conn, imported.oid()),
                            "the server computes the same digest of the imported object");
                    imported.unlink();
                }
            }
            conn.largeObject(oid, "n").unlink();
            conn.commit();
        }
    }

    private static String serverSha(Connection conn, long oid) {
        return conn.execute("SELECT encode(sha256(lo_get(%s::oid)), 'hex')", oid).fetchone().getString(0);
    }

    @Test
    void positionsBeyondTwoGigabytesUseTheSixtyFourBitFunctions(TestDatabase db) {
        try (Connection conn = connect(db); LargeObject lo = conn.largeObject(0, "rwb")) {
            long far = 3_000_000_000L;
            assertEquals(far, lo.seek(far));
            assertEquals(5, lo.write("hello".getBytes(StandardCharsets.US_ASCII)));
            assertEquals(far + 5, lo.tell());
            assertEquals(far + 5, lo.seek(0, LargeObject.SEEK_END), "the object is sparse: its size is the last byte written");
            assertEquals(far, lo.seek(-5, LargeObject.SEEK_CUR));
            assertEquals("hello", new String(lo.read(100), StandardCharsets.US_ASCII));
            lo.seek(1000);
            assertArrayEquals(new byte[4], lo.read(4), "the hole reads as zeros");

            lo.truncate(far + 3);
            assertEquals(far + 3, lo.seek(0, LargeObject.SEEK_END));
            lo.seek(far);
            assertEquals("hel", lo.readString(-1), "read(-1) reads to the end");
            lo.truncate((1L << 31) + 10);
            assertEquals((1L << 31) + 10, lo.seek(0, LargeObject.SEEK_END));
            lo.seek(1L << 31);
            assertArrayEquals(new byte[10], lo.read(-1), "the cut left only the hole");
            lo.truncate();
            assertEquals(0, lo.seek(0, LargeObject.SEEK_END));
            lo.unlink();
        }
    }

    @Test
    void modesReadWriteTextAndNone(TestDatabase db) throws Exception {
        try (Connection conn = connect(db)) {
            long oid;
            try (LargeObject lo = conn.largeObject(0, "wt")) {
                oid = lo.oid();
                assertEquals("wt", lo.mode());
                lo.write("héllo wörld");
            }
            try (LargeObject lo = conn.largeObject(oid, "rt")) {
                assertEquals("rt", lo.mode());
                assertEquals("héllo wörld", lo.readString(-1), "decoded with the connection's encoding");
            }
            try (LargeObject lo = conn.largeObject(oid, "r")) {
                assertEquals("rb", lo.mode(), "b is the default suffix here");
                DatabaseException e = assertThrows(DatabaseException.class, () -> lo.write("x"));
                assertTrue(e.getMessage().contains("not opened for writing"), e.getMessage());
            }
            conn.rollback();
            long kept;
            try (LargeObject lo = conn.largeObject(0, "rw")) {
                kept = lo.oid();
                try (OutputStream out = lo.outputStream()) {
                    for (int i = 0; i < 10_000; i++) {
                        out.write('a' + i % 26);
                    }
                }
                lo.seek(0);
                assertEquals("abc", new String(lo.read(3), StandardCharsets.US_ASCII));
            }
            conn.commit();
            try (LargeObject lo = conn.largeObject(kept, "rw")) {
                assertEquals("rwb", lo.mode());
                lo.seek(26);
                lo.write("ZZ");
                lo.seek(25);
                assertEquals("zZZc", lo.readString(4));
            }
            LargeObject none = conn.largeObject(kept, "n");
            assertEquals("n", none.mode());
            assertThrows(ProgrammingException.class, () -> none.read(1));
            none.unlink();
            assertTrue(none.isClosed());
            conn.commit();
            assertEquals("0", conn.execute("SELECT count(*) FROM pg_largeobject_metadata WHERE oid = %s::oid", kept)
                    .fetchone().get(0).toString());
            assertThrows(IllegalArgumentException.class, () -> conn.largeObject(kept, "x"));
            assertThrows(IllegalArgumentException.class, () -> conn.largeObject(kept, "rbt"));
        }
    }

    @Test
    void newOidIsUsedWhenGivenAndRefusedWhenTaken(TestDatabase db) {
        try (Connection conn = connect(db)) {
            long wanted = 4_000_000_123L;
            try (LargeObject lo = conn.largeObject(0, "w", wanted, null)) {
                assertEquals(wanted, lo.oid(), "OIDs are unsigned 32-bit");
            }
            assertThrows(DatabaseException.class, () -> conn.largeObject(0, "w", wanted, null));
            conn.rollback();
        }
    }

    @Test
    void largeObjectsAreRefusedOutsideTransactions(TestDatabase db) {
        try (Connection conn = connect(db)) {
            conn.setAutocommit(true);
            ProgrammingException e = assertThrows(ProgrammingException.class, conn::largeObject);
            assertTrue(e.getMessage().contains("outside of transactions"), e.getMessage());
            assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
        }
    }

    @Test
    void descriptorIsNotValidAfterTheTransactionEnds(TestDatabase db) {
        try (Connection conn = connect(db)) {
            LargeObject lo = conn.largeObject();
            lo.write("data");
            conn.commit();
            ProgrammingException e = assertThrows(ProgrammingException.class, () -> lo.write("more"));
            assertTrue(e.getMessage().contains("isn't valid anymore"), e.getMessage());
            lo.close();
            assertTrue(lo.isClosed());
            assertThrows(InterfaceException.class, () -> lo.read(1));
            try (LargeObject again = conn.largeObject(lo.oid(), "r")) {
                assertEquals("data", again.readString(-1), "committed");
                again.unlink();
            }
            conn.commit();
            assertFalse(conn.isClosed());
        }
    }
}
