package io.tusk.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.Tusk;
import io.tusk.errors.DataException;
import io.tusk.errors.ProgrammingException;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@PgTest
class NumericAdaptersIT {
    private static final Format[] BOTH = {Format.TEXT, Format.BINARY};

    /** Dumps in each format, loads in each, and checks the value and the server's rendering. */
    private static void roundTrips(Extended x, Object value, String serverText) {
        for (Format p : BOTH) {
            for (Format r : BOTH) {
                List<Object> row = x.roundTrip(value, p, r);
                String where = value + " dumped " + p + ", loaded " + r;
                if (value instanceof byte[] b) {
                    assertArrayEquals(b, (byte[]) row.get(0), where);
                } else {
                    assertEquals(value, row.get(0), where);
                }
                assertEquals(serverText, row.get(1), where);
            }
        }
    }

    @Test
    void booleansRoundTripInBothFormats(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            roundTrips(x, true, "true");
            roundTrips(x, false, "false");
        }
    }

    @Test
    void integersTakeTheSmallestTypeThatHoldsThem(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            for (Format f : BOTH) {
                assertEquals(List.of("smallint", "integer", "bigint", "numeric"), x.row(
                        "SELECT pg_typeof($1)::text, pg_typeof($2)::text, pg_typeof($3)::text, pg_typeof($4)::text",
                        Format.TEXT, Extended.formats(f, 4), 10, 70000, 1L << 40,
                        BigInteger.ONE.shiftLeft(70)));
            }
            roundTrips(x, (short) -32768, "-32768");
            roundTrips(x, Integer.MIN_VALUE, "-2147483648");
            roundTrips(x, Long.MAX_VALUE, "9223372036854775807");
            roundTrips(x, Long.MIN_VALUE, "-9223372036854775808");
        }
    }

    @Test
    void eachIntegerTypeLoadsAsItsJavaType(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            for (Format r : BOTH) {
                assertEquals(List.of((short) 7, 7, 7L, 4294967295L),
                        x.row("SELECT 7::int2, 7::int4, 7::int8, 4294967295::oid", r));
            }
        }
    }

    @Test
    void bigIntegersBeyondInt8AreNumeric(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            BigInteger big = new BigInteger("-123456789012345678901234567890");
            for (Format p : BOTH) {
                for (Format r : BOTH) {
                    List<Object> row = x.roundTrip(big, p, r);
                    assertEquals(new BigDecimal(big), row.get(0));
                    assertEquals(big.toString(), row.get(1));
                }
            }
        }
    }

    @Test
    void floatsKeepNanAndInfinities(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            roundTrips(x, 1.1, "1.1");
            roundTrips(x, Double.NaN, "NaN");
            roundTrips(x, Double.POSITIVE_INFINITY, "Infinity");
            roundTrips(x, Double.NEGATIVE_INFINITY, "-Infinity");
            roundTrips(x, Double.MIN_VALUE, "5e-324");
            roundTrips(x, Double.MAX_VALUE, "1.7976931348623157e+308");
            roundTrips(x, -0.0, "-0");
            roundTrips(x, 3.25f, "3.25");
            roundTrips(x, Float.NaN, "NaN");
            roundTrips(x, Float.NEGATIVE_INFINITY, "-Infinity");
        }
    }

    @Test
    void numericsRoundTripExactlyWithTheirScale(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            for (String s : new String[] {"0", "0.000", "1", "-1", "10000", "0.0001", "12345.6789", "-0.5",
                    "99999999999999999999.00000000000000000001", "1E+20", "123.4500", "0.00000000000000000000123"}) {
                BigDecimal d = new BigDecimal(s);
                if (d.scale() < 0) {
                    // numeric has no negative scale: 1E+20 comes back as 100000000000000000000
                    assertEquals(d.setScale(0), x.roundTrip(d, Format.BINARY, Format.BINARY).get(0));
                    continue;
                }
                roundTrips(x, d, d.toPlainString());
            }
            BigDecimal thousand = new BigDecimal("9".repeat(600) + "." + "1".repeat(400));
            roundTrips(x, thousand, thousand.toPlainString());
            roundTrips(x, thousand.negate(), thousand.negate().toPlainString());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void numericNanAndInfinityCannotBeBigDecimals(Format r, TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            // numeric Infinity is new in PostgreSQL 14; NaN is older.
            String[] specials = conn.info().serverVersion() >= 140000 ? new String[] {"NaN", "Infinity", "-Infinity"}
                    : new String[] {"NaN"};
            for (String s : specials) {
                DataException e = assertThrows(DataException.class, () -> x.value("SELECT '" + s + "'::numeric", r));
                assertTrue(e.getMessage().contains("'" + s + "'"), e.getMessage());
                assertTrue(e.getMessage().contains("Loaders.numericAsDouble"), e.getMessage());
            }
            assertEquals(1, x.value("SELECT 1::int4", r), "the connection stays usable");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void numericAsDoubleLoaderIsOptIn(Format r, TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            assumeTrue(conn.info().serverVersion() >= 140000, "numeric Infinity is new in PostgreSQL 14");
            AdaptersMap m = AdaptersMap.global().child();
            m.registerLoader("numeric", r, Loaders.numericAsDouble(r));
            Extended x = new Extended(conn, m);
            assertEquals(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2.5),
                    x.row("SELECT 'NaN'::numeric, 'Infinity'::numeric, '-Infinity'::numeric, 2.5::numeric", r));
            assertEquals(new BigDecimal("2.5"), new Extended(conn).value("SELECT 2.5::numeric", r),
                    "the global map is untouched");
        }
    }

    @Test
    void stringsAreSentUntypedAndKeepFourByteCharacters(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            for (String s : new String[] {"", "abc'def\\", "héllo wörld", "𝄞 music \uD83D\uDE00", "NULL", " spaced "}) {
                roundTrips(x, s, s);
            }
            assertEquals(true, x.value("SELECT d = $1 FROM (SELECT '2020-01-01'::date AS d) t", Format.TEXT,
                    "2020-01-01"), "text is sent as unknown: the server infers date (date = text would fail)");
            for (Format r : BOTH) {
                assertEquals(List.of("ab  ", "vc", "nm", "x", "<a/>"),
                        x.row("SELECT 'ab'::char(4), 'vc'::varchar, 'nm'::name, 'x'::\"char\", '<a/>'::xml", r));
            }
        }
    }

    @Test
    void textWithNulOrLoneSurrogateIsRefusedAndTheConnectionStaysUsable(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            DataException nul = assertThrows(DataException.class, () -> x.value("SELECT $1", Format.TEXT, "a\0b"));
            assertTrue(nul.getMessage().contains("java.lang.String") && nul.getMessage().contains("NUL"), nul.getMessage());
            DataException sur = assertThrows(DataException.class, () -> x.value("SELECT $1", Format.TEXT, "a\uD800b"));
            assertTrue(sur.getMessage().contains("UTF-8"), sur.getMessage());
            assertEquals("ok", x.value("SELECT $1::text", Format.TEXT, "ok"));
        }
    }

    @Test
    void aTypeWithNoDumperIsNamedInTheError(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            ProgrammingException e = assertThrows(ProgrammingException.class,
                    () -> x.value("SELECT $1", Format.TEXT, new Object()));
            assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
            assertEquals(1, x.value("SELECT 1::int4", Format.BINARY));
        }
    }

    @Test
    void aValueOutOfTheTargetRangeIsTheServersDataError(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            assertThrows(DataException.class, () -> x.value("SELECT $1::int2", Format.TEXT, 70000));
            assertEquals(1, x.value("SELECT 1::int4", Format.BINARY));
        }
    }

    @Test
    void byteaRoundTripsAndLoadsBothTextOutputs(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            byte[] all = new byte[256];
            for (int i = 0; i < 256; i++) {
                all[i] = (byte) i;
            }
            for (Format p : BOTH) {
                for (Format r : BOTH) {
                    assertArrayEquals(all, (byte[]) x.row("SELECT $1", r, new Format[] {p}, all).get(0));
                    assertArrayEquals(new byte[0], (byte[]) x.row("SELECT $1", r, new Format[] {p}, new byte[0]).get(0));
                    assertArrayEquals(new byte[] {1, 2}, (byte[]) x.row("SELECT $1", r, new Format[] {p},
                            ByteBuffer.wrap(new byte[] {0, 1, 2}, 1, 2)).get(0));
                }
            }
            conn.execute("SET bytea_output = escape");
            assertEquals("a\\000\\\\", x.value("SELECT $1::bytea::text", Format.TEXT, new byte[] {'a', 0, '\\'}),
                    "the server now writes the escape format");
            assertArrayEquals(all, (byte[]) x.value("SELECT $1", Format.TEXT, all), "escape format loads");
        }
    }

    @Test
    void uuidsRoundTrip(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            UUID u = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
            roundTrips(x, u, u.toString());
            roundTrips(x, new UUID(-1, -1), "ffffffff-ffff-ffff-ffff-ffffffffffff");
        }
    }

    @Test
    void nullLoadsAsNull(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            assertNull(x.value("SELECT $1::int4", Format.BINARY, (Object) null));
        }
    }
}
