package io.tusk.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.Copy;
import io.tusk.Tusk;
import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Dumper;
import io.tusk.adapt.Format;
import io.tusk.internal.adapt.builtin.BuiltinAdapters;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.connection.ConnectionImpl;
import io.tusk.internal.copy.CopySupport;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * COPY in FORMAT BINARY. The built-in binary dumpers are being added by the type-adaptation
 * work; these tests bring their own int4 and text binary dumpers in a child adapters map, so
 * they test the COPY framing (header, field counts, lengths, NULLs, trailer), not the types.
 */
@PgTest
class BinaryCopyIT {
    static final int MILLION = 1_000_000;

    private static Transformer withBinaryDumpers() {
        BuiltinAdapters.ensureRegistered();
        AdaptersMap m = AdaptersMap.global().child();
        m.registerDumper(Integer.class, Format.BINARY, dumper(23, i -> ByteBuffer.allocate(4).putInt(i).array()));
        m.registerDumper(String.class, Format.BINARY, dumper(25, s -> s.getBytes(StandardCharsets.UTF_8)));
        return new Transformer(m, StandardCharsets.UTF_8);
    }

    private static <T> Dumper<T> dumper(int oid, java.util.function.Function<T, byte[]> f) {
        return new Dumper<>() {
            @Override
            public int oid() {
                return oid;
            }

            @Override
            public Format format() {
                return Format.BINARY;
            }

            @Override
            public byte[] dump(T value) {
                return f.apply(value);
            }
        };
    }

    @Test
    void aMillionRowsGoInAndComeBackOutInBinaryFormat(TestDatabase db) {
        db.admin().execute("CREATE TABLE bin (a int, b int, c text)");
        try (Connection conn = Tusk.connect(db.conninfo())) {
            conn.setAutocommit(true);
            try (Copy copy = CopySupport.start((ConnectionImpl) conn, "COPY bin FROM STDIN (FORMAT BINARY)", withBinaryDumpers())) {
                assertTrue(copy.binary());
                for (int i = 0; i < MILLION; i++) {
                    copy.writeRow(i, i % 2 == 0 ? null : -i, "r" + i);
                }
                copy.close();
                assertEquals(MILLION, copy.rowcount());
            }
            assertEquals(MILLION + " " + ((long) MILLION * (MILLION - 1) / 2) + " " + (MILLION / 2) + " " + (-(long) MILLION * MILLION / 4),
                    db.admin().queryScalar("SELECT count(*) || ' ' || sum(a) || ' ' || count(b) || ' ' || sum(b) FROM bin"));
            assertEquals("0", db.admin().queryScalar("SELECT count(*) FROM bin WHERE c <> 'r' || a"));

            long rows = 0;
            long sumA = 0;
            long nulls = 0;
            try (Copy copy = conn.copy("COPY bin TO STDOUT (FORMAT BINARY)")) {
                assertTrue(copy.binary());
                for (Object[] row; (row = copy.readRow()) != null; ) {
                    rows++;
                    int a = ByteBuffer.wrap((byte[]) row[0]).getInt();
                    sumA += a;
                    if (row[1] == null) {
                        nulls++;
                    } else {
                        assertEquals(-a, ByteBuffer.wrap((byte[]) row[1]).getInt());
                    }
                    assertEquals("r" + a, new String((byte[]) row[2], StandardCharsets.UTF_8));
                }
            }
            assertEquals(MILLION, rows);
            assertEquals((long) MILLION * (MILLION - 1) / 2, sumA);
            assertEquals(MILLION / 2, nulls);
        }
    }

    @Test
    void anEmptyBinaryCopyOutHasNoRows(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo())) {
            try (Copy copy = conn.copy("COPY (SELECT 1 WHERE false) TO STDOUT (FORMAT BINARY)")) {
                assertNull(copy.readRow());
                assertEquals(0, copy.rowcount());
            }
        }
    }
}
