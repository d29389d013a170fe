package io.tusk.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.Tusk;
import io.tusk.errors.DataException;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import io.tusk.types.Interval;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

@PgTest
class DateTimeAdaptersIT {
    private static final Format[] BOTH = {Format.TEXT, Format.BINARY};

    private static void roundTrips(Extended x, Object value, Object loaded, String serverText) {
        for (Format p : BOTH) {
            for (Format r : BOTH) {
                List<Object> row = x.roundTrip(value, p, r);
                String where = value + " dumped " + p + ", loaded " + r;
                assertEquals(loaded, row.get(0), where);
                assertEquals(serverText, row.get(1), where);
            }
        }
    }

    private static void roundTrips(Extended x, Object value, String serverText) {
        roundTrips(x, value, value, serverText);
    }

    @Test
    void datesIncludingBcAndTheExtremesRoundTrip(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            roundTrips(x, LocalDate.of(2020, 2, 29), "2020-02-29");
            roundTrips(x, LocalDate.of(2000, 1, 1), "2000-01-01");
            roundTrips(x, LocalDate.of(1, 1, 1), "0001-01-01");
            roundTrips(x, LocalDate.of(0, 12, 31), "0001-12-31 BC");
            roundTrips(x, LocalDate.of(-43, 3, 15), "0044-03-15 BC");
            roundTrips(x, LocalDate.of(0, 2, 29), "0001-02-29 BC");
            roundTrips(x, LocalDate.of(-4712, 11, 24), "4713-11-24 BC");
            roundTrips(x, LocalDate.of(5874897, 12, 31), "5874897-12-31");
            roundTrips(x, LocalDate.of(10000, 1, 1), "10000-01-01");
        }
    }

    @Test
    void datesBeyondPostgresRangeAreRefusedNamingTheValue(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            DataException e = assertThrows(DataException.class,
                    () -> x.row("SELECT $1", Format.TEXT, new Format[] {Format.BINARY}, LocalDate.MAX));
            assertTrue(e.getMessage().contains("+999999999-12-31") && e.getMessage().contains("LocalDate"), e.getMessage());
            assertThrows(DataException.class,
                    () -> x.row("SELECT $1", Format.TEXT, new Format[] {Format.TEXT}, LocalDate.of(5874898, 1, 1)));
            assertThrows(DataException.class, () -> x.row("SELECT $1", Format.TEXT, new Format[] {Format.BINARY},
                    LocalDateTime.of(300000, 1, 1, 0, 0)));
            assertEquals(1, x.value("SELECT 1::int4", Format.BINARY), "the connection stays usable");
        }
    }

    @Test
    void infinityIsAnErrorUnlessAnOptInLoaderMapsIt(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            for (Format r : BOTH) {
                for (String sql : new String[] {"SELECT 'infinity'::date", "SELECT '-infinity'::timestamp",
                        "SELECT 'infinity'::timestamptz"}) {
                    DataException e = assertThrows(DataException.class, () -> x.value(sql, r));
                    assertTrue(e.getMessage().contains("infinity'") && e.getMessage().contains("InfinityAs"), e.getMessage());
                }
                AdaptersMap m = AdaptersMap.global().child();
                m.registerLoader("date", r, Loaders.dateInfinityAs(r, LocalDate.MIN, LocalDate.MAX));
                m.registerLoader("timestamp", r, Loaders.timestampInfinityAs(r, LocalDateTime.MIN, LocalDateTime.MAX));
                assertEquals(List.of(LocalDate.MAX, LocalDate.MIN, LocalDate.of(2020, 1, 1), LocalDateTime.MIN),
                        new Extended(conn, m).row("SELECT 'infinity'::date, '-infinity'::date, '2020-01-01'::date,"
                                + " '-infinity'::timestamp", r));
            }
        }
    }

    @Test
    void timesRoundTripToTheMicrosecond(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            roundTrips(x, LocalTime.MIDNIGHT, "00:00:00");
            roundTrips(x, LocalTime.of(23, 59, 59, 999_999_000), "23:59:59.999999");
            roundTrips(x, LocalTime.of(12, 0, 0, 123_456_789), LocalTime.of(12, 0, 0, 123_456_000), "12:00:00.123456");
            for (Format r : BOTH) {
                DataException e = assertThrows(DataException.class, () -> x.value("SELECT '24:00:00'::time", r));
                assertTrue(e.getMessage().contains("24:00:00"), e.getMessage());
            }
        }
    }

    @Test
    void timesWithTimeZoneKeepOddOffsets(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            roundTrips(x, OffsetTime.of(10, 30, 0, 0, ZoneOffset.ofHoursMinutes(5, 45)), "10:30:00+05:45");
            roundTrips(x, OffsetTime.of(1, 2, 3, 500_000_000, ZoneOffset.ofHoursMinutes(-3, -30)), "01:02:03.5-03:30");
            roundTrips(x, OffsetTime.of(0, 0, 0, 0, ZoneOffset.ofHours(14)), "00:00:00+14");
        }
    }

    @Test
    void timestampsRoundTripIncludingBcAndExtremes(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            roundTrips(x, LocalDateTime.of(2021, 3, 14, 2, 30, 0, 1000), "2021-03-14 02:30:00.000001");
            roundTrips(x, LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000), "294276-12-31 23:59:59.999999");
            roundTrips(x, LocalDateTime.of(-4712, 11, 24, 0, 0), "4713-11-24 00:00:00 BC");
            roundTrips(x, LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000), "1999-12-31 23:59:59.999999");
        }
    }

    @Test
    void timestamptzLoadsAtTheSessionTimeZoneOffset(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            conn.execute("SET TimeZone = 'Asia/Kathmandu'");
            OffsetDateTime noonUtc = OffsetDateTime.of(2020, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC);
            OffsetDateTime inKathmandu = noonUtc.atZoneSameInstant(ZoneId.of("Asia/Kathmandu")).toOffsetDateTime();
            roundTrips(x, noonUtc, inKathmandu, "2020-06-01 17:45:00+05:45");
            roundTrips(x, noonUtc.toInstant(), inKathmandu, "2020-06-01 17:45:00+05:45");
            roundTrips(x, noonUtc.atZoneSameInstant(ZoneId.of("America/Sao_Paulo")), inKathmandu,
                    "2020-06-01 17:45:00+05:45");
        }
    }

    @Test
    void timestamptzKeepsHistoricLocalMeanTimeOffsets(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            conn.execute("SET TimeZone = 'Asia/Kolkata'");
            OffsetDateTime lmt = OffsetDateTime.of(1850, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(5, 53, 28));
            roundTrips(x, lmt, "1850-01-01 00:00:00+05:53:28");
        }
    }

    @Test
    void timestamptzAcrossADaylightSavingChange(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            conn.execute("SET TimeZone = 'America/New_York'");
            for (Format r : BOTH) {
                assertEquals(List.of(OffsetDateTime.of(2021, 3, 14, 1, 59, 59, 0, ZoneOffset.ofHours(-5)),
                        OffsetDateTime.of(2021, 3, 14, 3, 0, 0, 0, ZoneOffset.ofHours(-4)),
                        OffsetDateTime.of(2021, 11, 7, 1, 30, 0, 0, ZoneOffset.ofHours(-4)),
                        OffsetDateTime.of(2021, 11, 7, 1, 30, 0, 0, ZoneOffset.ofHours(-5))),
                        x.row("SELECT '2021-03-14 06:59:59+00'::timestamptz, '2021-03-14 07:00:00+00'::timestamptz,"
                                + " '2021-11-07 05:30:00+00'::timestamptz, '2021-11-07 06:30:00+00'::timestamptz", r));
            }
        }
    }

    @Test
    void bcTimestamptzRoundTrips(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            conn.execute("SET TimeZone = 'UTC'");
            roundTrips(x, OffsetDateTime.of(-99, 7, 1, 10, 0, 0, 0, ZoneOffset.UTC), "0100-07-01 10:00:00+00 BC");
        }
    }

    @Test
    void intervalsKeepMonthsDaysAndMicroseconds(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            roundTrips(x, Interval.ZERO, "00:00:00");
            roundTrips(x, Interval.of(14, 3, 3_723_500_000L), "1 year 2 mons 3 days 01:02:03.5");
            roundTrips(x, Interval.of(-14, -3, -3_723_000_001L), "-1 years -2 mons -3 days -01:02:03.000001");
            roundTrips(x, Interval.of(1, -1, 1), "1 mon -1 days +00:00:00.000001");
            if (conn.info().serverVersion() >= 140000) {
                // The extremes: PostgreSQL 13's interval input overflows on them (fixed in 14).
                roundTrips(x, Interval.of(0, 0, Long.MAX_VALUE - 1), "2562047788:00:54.775806");
                roundTrips(x, Interval.of(0, 0, Long.MIN_VALUE + 1), "-2562047788:00:54.775807");
            }
            roundTrips(x, Duration.ofMinutes(90), Interval.of(0, 0, 5_400_000_000L), "01:30:00");
            roundTrips(x, Period.of(1, 2, 3), Interval.of(14, 3, 0), "1 year 2 mons 3 days");
        }
    }

    @Test
    void instantsAreTimestamptz(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            Extended x = new Extended(conn);
            assertEquals("timestamp with time zone",
                    x.value("SELECT pg_typeof($1)::text", Format.TEXT, Instant.EPOCH));
        }
    }
}
