package io.tusk.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.Tusk;
import io.tusk.errors.ProgrammingException;
import io.tusk.rows.Row;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import io.tusk.types.BitString;
import io.tusk.types.Box;
import io.tusk.types.Cidr;
import io.tusk.types.Circle;
import io.tusk.types.Inet;
import io.tusk.types.Line;
import io.tusk.types.LineSegment;
import io.tusk.types.MacAddr;
import io.tusk.types.Path;
import io.tusk.types.Point;
import io.tusk.types.Polygon;
import java.math.BigDecimal;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Network, bit string, money, geometric and OID types through cursors, both formats each way. */
@PgTest
class MoreBuiltinTypesIT {
    /**
     * Sends {@code value} as a text (%t) and as a binary (%b) parameter, reads the results in text
     * and in binary, and checks the loaded value and the server's own rendering of it.
     */
    static void roundTrips(Connection conn, Object value, String serverText) {
        for (String placeholder : new String[] {"%t", "%b"}) {
            for (boolean binary : new boolean[] {false, true}) {
                try (Cursor<Row> cur = conn.cursor()) {
                    cur.setBinary(binary);
                    Row row = cur.execute("SELECT " + placeholder + ", " + placeholder + "::text", value, value).fetchone();
                    String where = value + " sent as " + placeholder + ", read " + (binary ? "binary" : "text");
                    assertEquals(value, row.get(0), where);
                    assertEquals(serverText, row.get(1), where);
                }
            }
        }
    }

    /**
     * Loads the server's literal in both formats (with a parameter, so that the statement goes
     * through the extended protocol, where results may be binary).
     */
    static void loads(Connection conn, String literal, Object expected) {
        for (boolean binary : new boolean[] {false, true}) {
            try (Cursor<Row> cur = conn.cursor()) {
                cur.setBinary(binary);
                assertEquals(expected, cur.execute("SELECT " + literal + ", %s", 0).fetchone().get(0),
                        literal + " read " + (binary ? "binary" : "text"));
            }
        }
    }

    @Test
    void inetWithAFullPrefixIsAnInetAddressAndOtherwiseAnInet(TestDatabase db) throws Exception {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            roundTrips(conn, InetAddress.getByName("192.168.0.7"), "192.168.0.7/32");
            roundTrips(conn, Inet.parse("192.168.0.7/24"), "192.168.0.7/24");
            roundTrips(conn, Inet.parse("2001:db8::1/64"), "2001:db8::1/64");
            roundTrips(conn, InetAddress.getByName("::1"), "::1/128");
            loads(conn, "'::ffff:1.2.3.4'::inet", Inet6Address.getByAddress(null,
                    new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 1, 2, 3, 4}, -1));
            loads(conn, "'10.0.0.0/8'::inet", Inet.parse("10.0.0.0/8"));
        }
    }

    @Test
    void cidrLoadsAsCidrAndRefusesHostBits(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            roundTrips(conn, Cidr.parse("10.1.0.0/16"), "10.1.0.0/16");
            roundTrips(conn, Cidr.parse("2001:db8::/32"), "2001:db8::/32");
            loads(conn, "'192.168.1'::cidr", Cidr.parse("192.168.1.0/24"));
            assertEquals(true, conn.execute("SELECT %s >> '10.1.2.3'::inet", Cidr.parse("10.1.0.0/16")).fetchone().get(0));
            assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.1.0.1/16"));
        }
    }

    @Test
    void macAddressesOfSixAndEightBytes(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            roundTrips(conn, MacAddr.parse("08:00:2b:01:02:03"), "08:00:2b:01:02:03");
            roundTrips(conn, MacAddr.parse("08-00-2b-01-02-03-04-05"), "08:00:2b:01:02:03:04:05");
            loads(conn, "'0800.2b01.0203'::macaddr", MacAddr.parse("08:00:2b:01:02:03"));
        }
    }

    @Test
    void bitStringsKeepTheirLength(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            roundTrips(conn, BitString.parse("10110"), "10110");
            roundTrips(conn, BitString.parse(""), "");
            roundTrips(conn, BitString.parse("1".repeat(17)), "1".repeat(17));
            loads(conn, "B'0001'::bit(4)", BitString.parse("0001"));
            loads(conn, "B'101'::bit(6)", BitString.parse("101000"));
            try (Cursor<Row> cur = conn.cursor()) {
                assertEquals("10100", cur.execute("SELECT %s::bit(5)::text", BitString.parse("10100")).fetchone().get(0));
            }
        }
    }

    @Test
    void moneyLoadsAsBigDecimalInBothFormats(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            conn.execute("SET lc_monetary TO 'C'");
            loads(conn, "'1234.5'::money", new BigDecimal("1234.50"));
            loads(conn, "'-0.07'::money", new BigDecimal("-0.07"));
            loads(conn, "'-92233720368547758.08'::money", new BigDecimal("-92233720368547758.08"));
            assertEquals(new BigDecimal("12.34"), conn.execute("SELECT %s::money", new BigDecimal("12.34")).fetchone().get(0));
        }
    }

    @Test
    void geometricTypesRoundTrip(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            roundTrips(conn, new Point(1.5, -2), "(1.5,-2)");
            roundTrips(conn, new Point(1e300, Double.POSITIVE_INFINITY), "(1e+300,Infinity)");
            roundTrips(conn, new Line(1, -1, 0.25), "{1,-1,0.25}");
            roundTrips(conn, new LineSegment(new Point(0, 0), new Point(3, 4)), "[(0,0),(3,4)]");
            roundTrips(conn, new Box(new Point(1, 2), new Point(3, 4)), "(3,4),(1,2)");
            roundTrips(conn, Path.open(List.of(new Point(0, 0), new Point(1, 1))), "[(0,0),(1,1)]");
            roundTrips(conn, Path.closed(List.of(new Point(0, 0), new Point(1, 1), new Point(1, 0))),
                    "((0,0),(1,1),(1,0))");
            roundTrips(conn, new Polygon(List.of(new Point(0, 0), new Point(4, 0), new Point(0, 3))),
                    "((0,0),(4,0),(0,3))");
            roundTrips(conn, new Circle(new Point(1, 2), 0.5), "<(1,2),0.5>");
            assertEquals(5.0, conn.execute("SELECT %s <-> point '(0,0)'", new Point(3, 4)).fetchone().get(0));
        }
    }

    @Test
    void arraysOfBoxesUseTheSemicolonDelimiter(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            List<Box> boxes = List.of(new Box(new Point(0, 0), new Point(1, 1)), new Box(new Point(2, 2), new Point(3, 3)));
            roundTrips(conn, boxes, "{(1,1),(0,0);(3,3),(2,2)}");
            roundTrips(conn, List.of(MacAddr.parse("08:00:2b:01:02:03")), "{08:00:2b:01:02:03}");
            roundTrips(conn, List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("::/0")), "{10.0.0.0/8,::/0}");
        }
    }

    @Test
    void oidTypesLoadAsNamesInTextAndNumbersInBinary(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            try (Cursor<Row> cur = conn.cursor()) {
                Row text = cur.execute("SELECT 'pg_class'::regclass, 'int4'::regtype, '42'::xid, 'pg_catalog'::regnamespace,"
                        + " ARRAY['int4'::regtype, 'text'::regtype]").fetchone();
                assertEquals(List.of("pg_class", "integer", 42L, "pg_catalog", List.of("integer", "text")), text.toList());
                cur.setBinary(true);
                Row bin = cur.execute("SELECT 'pg_class'::regclass, 'int4'::regtype, '42'::xid, '4294967295'::xid,"
                        + " '18446744073709551615'::xid8, %s", 0).fetchone();
                assertEquals(List.of(1259L, 23L, 42L, 4294967295L, -1L, (short) 0), bin.toList());
            }
        }
    }

    @Test
    void aClassWithoutADumperNamesTheClassAndTheConnectionStaysUsable(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            ProgrammingException e = assertThrows(ProgrammingException.class,
                    () -> conn.execute("SELECT %s", new StringBuilder("x")));
            assertTrue(e.getMessage().contains("java.lang.StringBuilder"), e.getMessage());
            assertEquals(1, conn.execute("SELECT 1").fetchone().get(0));
        }
    }
}
