package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import io.tusk.types.Interval;
import io.tusk.types.Range;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Values sent with setObject and read back with getString/getObject, through pgjdbc and through
 * Tusk: what lands in the database (its text, read by the server) is the same.
 */
@PgTest
class ValuesIT {

    record Case(String cast, Object value, Integer sqlType) {
    }

    static final List<Case> CASES = List.of(
            new Case("int4", 42, null), new Case("int8", 9_000_000_000L, null), new Case("int2", (short) 7, null),
            new Case("numeric", new BigDecimal("12.50"), null), new Case("float8", 2.5, null), new Case("float4", 1.5f, null),
            new Case("text", "it's", null), new Case("bool", true, null), new Case("bytea", new byte[] {1, 2, (byte) 255}, null),
            new Case("date", java.sql.Date.valueOf("2024-02-29"), null), new Case("time", java.sql.Time.valueOf("13:14:15"), null),
            new Case("timestamp", Timestamp.valueOf("2024-02-29 13:14:15.123456"), null),
            new Case("date", LocalDate.of(2024, 2, 29), null), new Case("time", LocalTime.of(13, 14, 15, 500_000_000), null),
            new Case("timestamp", LocalDateTime.of(2024, 2, 29, 13, 14, 15), null),
            new Case("uuid", UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), null),
            new Case("int4", "42", Types.INTEGER), new Case("bool", 1, Types.BOOLEAN), new Case("text", 42, Types.VARCHAR),
            new Case("numeric", "1.235", Types.NUMERIC), new Case("int8", 42, Types.BIGINT),
            new Case("json", "{\"a\": 1}", Types.OTHER), new Case("date", "2024-01-02", Types.DATE),
            new Case("timestamp", "2024-01-02 03:04:05", Types.TIMESTAMP), new Case("float8", "2.25", Types.DOUBLE),
            new Case("int4", null, Types.INTEGER));

    private static List<String> roundTrips(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Case k : CASES) {
            try (PreparedStatement ps = c.prepareStatement("SELECT ?::" + k.cast() + " AS v, pg_typeof(?::" + k.cast() + ")::text")) {
                for (int i = 1; i <= 2; i++) {
                    if (k.sqlType() == null) {
                        ps.setObject(i, k.value());
                    } else {
                        ps.setObject(i, k.value(), k.sqlType());
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    out.add(k + " -> " + rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        return out;
    }

    @Test
    void setObjectAndGetStringRoundTripsAsPgjdbc(TestDatabase db) throws Exception {
        try (Connection pg = ResultSetTesting.pgjdbc(db); Connection tusk = ResultSetTesting.tusk(db)) {
            List<String> expected = roundTrips(pg);
            List<String> actual = roundTrips(tusk);
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), actual.get(i));
            }
        }
    }

    @Test
    void tusksOwnTypesAndJdbcArraysBind(TestDatabase db) throws Exception {
        try (Connection c = ResultSetTesting.tusk(db);
             PreparedStatement ps = c.prepareStatement("SELECT ?::int4range, ?::interval, ? = ANY(?::int4[]), ?::text[]")) {
            ps.setObject(1, Range.of(1, 5));
            ps.setObject(2, Interval.of(14, 3, 0));
            ps.setInt(3, 2);
            ps.setObject(4, new Integer[] {1, 2, 3});
            ps.setArray(5, io.tusk.jdbc.internal.JdbcValues.createArrayOf(c.unwrap(io.tusk.jdbc.internal.JdbcConnection.class), "text",
                    new Object[] {"a", "b c"}));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals("[1,5)", rs.getString(1));
                assertEquals(Range.of(1, 5), rs.getObject(1));
                assertEquals("1 year 2 mons 3 days", rs.getString(2));
                assertEquals(true, rs.getObject(3));
                assertEquals("{a,\"b c\"}", rs.getString(4));
            }
        }
    }
}
