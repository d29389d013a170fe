package io.tusk.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.Tusk;
import io.tusk.async.AsyncConnection;
import io.tusk.async.AsyncCursor;
import io.tusk.errors.DataException;
import io.tusk.rows.Row;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text dates, timestamps and timestamptz load under every DateStyle and order as they do in
 * binary (which DateStyle does not touch), in several session time zones, including the hour
 * repeated when daylight-saving time ends (where only the zone abbreviation tells them apart).
 */
@PgTest
class DateStyleIT {
    static final String[] STYLES = {"ISO, DMY", "ISO, MDY", "ISO, YMD", "SQL, DMY", "SQL, MDY", "SQL, YMD",
        "Postgres, DMY", "Postgres, MDY", "Postgres, YMD", "German, DMY", "German, MDY"};

    private static final String[] DATES = {"2020-01-02", "2020-12-11", "1999-11-05", "2000-02-29", "0001-01-01",
        "0044-03-15 BC", "4713-11-24 BC", "5874897-12-31", "10000-01-01"};
    private static final String[] TIMESTAMPS = {"2020-01-02 03:04:05", "2020-12-11 23:59:59.999999",
        "2020-01-02 03:04:05.5", "1900-02-03 00:00:00.000001", "0044-03-15 12:00:00 BC", "4713-11-24 00:00:00 BC",
        "294276-12-30 23:59:59.999999", "2000-02-29 12:34:56.789"};
    /** Instants: the repeated hours of New York (01:30 EDT, EST) and Paris (02:30 CEST, CET), local mean time. */
    private static final String[] INSTANTS = {"2020-01-02 03:04:05+00", "2020-07-08 09:10:11.25+00",
        "2020-11-01 05:30:00+00", "2020-11-01 06:30:00+00", "2020-10-25 00:30:00+00", "2020-10-25 01:30:00+00",
        "1850-01-02 00:00:00+00", "0044-03-15 12:00:00+00 BC", "2020-12-11 23:59:59.999999+00",
        "294276-12-31 00:00:00+00"};
    private static final String[] ZONES = {"UTC", "Europe/Paris", "America/New_York", "Asia/Kathmandu",
        "Australia/Lord_Howe", "+02:00", "UTC+3", "<+03>-03", "-5", "EST5EDT", "CET-1CEST,M3.5.0,M10.5.0/3"};

    /** The literals, as columns: every date, timestamp and timestamptz value. */
    private static List<String> columns() {
        List<String> cols = new ArrayList<>();
        for (String d : DATES) {
            cols.add("'" + d + "'::date");
        }
        for (String t : TIMESTAMPS) {
            cols.add("'" + t + "'::timestamp");
            cols.add("'" + t + "'::timestamptz");
        }
        for (String t : INSTANTS) {
            cols.add("'" + t + "'::timestamptz");
        }
        return cols;
    }

    private static List<Object> row(Connection conn, String sql, boolean binary) {
        Cursor<Row> cur = conn.cursor();
        cur.setBinary(binary);
        // Not prepared: a prepared statement keeps the instants its literals had under the TimeZone it was prepared in.
        cur.setPrepare(false);
        Row r = cur.execute(sql).fetchone();
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            out.add(r.get(i));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ISO, DMY", "ISO, MDY", "ISO, YMD", "SQL, DMY", "SQL, MDY", "SQL, YMD",
        "Postgres, DMY", "Postgres, MDY", "Postgres, YMD", "German, DMY", "German, MDY"})
    void textLoadsAsBinaryUnderEveryStyleOrderAndZone(String style, TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            conn.setAutocommit(true);
            conn.execute("SET DateStyle = '" + style + "'");
            assertEquals(style, conn.info().parameterStatus("DateStyle"));
            List<String> cols = columns();
            String sql = "SELECT " + String.join(", ", cols);
            List<String> offsets = new ArrayList<>();
            for (String c : cols) {
                offsets.add(c.endsWith("tz") ? "extract(timezone FROM " + c + ")::int" : "0");
            }
            for (String zone : ZONES) {
                conn.execute("SET TimeZone = '" + zone + "'");
                List<Object> binary = row(conn, sql, true);
                List<Object> text = row(conn, sql, false);
                List<Object> serverOffsets = row(conn, "SELECT " + String.join(", ", offsets), false);
                for (int i = 0; i < binary.size(); i++) {
                    String col = cols.get(i);
                    String where = style + ", TimeZone " + zone + ": " + col + " shown as '"
                            + conn.execute("SELECT (" + col + ")::text").fetchone().get(0) + "'";
                    assertEquals(binary.get(i), text.get(i), where);
                    if (text.get(i) instanceof OffsetDateTime o) {
                        // The offset PostgreSQL itself means for that instant in that zone.
                        assertEquals(((Number) serverOffsets.get(i)).intValue(), o.getOffset().getTotalSeconds(), where);
                    }
                }
            }
        }
    }

    @Test
    void daysUpToTwelveAreNotTakenForMonths(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            conn.setAutocommit(true);
            for (String style : STYLES) {
                conn.execute("SET DateStyle = '" + style + "'");
                assertEquals(List.of(LocalDate.of(2020, 3, 4), LocalDateTime.of(2020, 3, 4, 5, 6, 7)),
                        row(conn, "SELECT '2020-03-04'::date, '2020-03-04 05:06:07'::timestamp", false), style);
            }
        }
    }

    @Test
    void aStyleSetAtStartupOrMidSessionIsFollowed(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST) + " options='-c datestyle=German'")) {
            conn.setAutocommit(true);
            assertEquals("German, DMY", conn.info().parameterStatus("DateStyle"));
            Cursor<Row> cur = conn.cursor();
            cur.setPrepare(true);
            String sql = "SELECT %s::date + 0, '2020-03-04 05:06:07'::timestamp";
            List<Object> expected = List.of(LocalDate.of(2020, 3, 4), LocalDateTime.of(2020, 3, 4, 5, 6, 7));
            assertEquals(expected, List.of(cur.execute(sql, "2020-03-04").fetchone().get(0),
                    cur.execute(sql, "2020-03-04").fetchone().get(1)));
            // The same prepared statement after a SET: its loaders are chosen again.
            conn.execute("SET DateStyle = 'SQL, MDY'");
            Row r = cur.execute(sql, "2020-03-04").fetchone();
            assertEquals(expected, List.of(r.get(0), r.get(1)));
            // A SET and a SELECT in one simple query.
            Cursor<Row> both = conn.execute("SET DateStyle = 'Postgres, DMY'; SELECT '2020-03-04 05:06:07'::timestamp");
            assertTrue(both.nextset());
            assertEquals(expected.get(1), both.fetchone().get(0));
        }
    }

    @Test
    void infinityUnderEveryStyleIsAnErrorOrWhatTheOptInLoaderSays(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            conn.setAutocommit(true);
            for (String style : STYLES) {
                conn.execute("SET DateStyle = '" + style + "'");
                for (String sql : new String[] {"SELECT 'infinity'::date", "SELECT '-infinity'::timestamp",
                        "SELECT 'infinity'::timestamptz"}) {
                    DataException e = assertThrows(DataException.class, () -> conn.execute(sql).fetchone());
                    assertTrue(e.getMessage().contains("InfinityAs"), e.getMessage());
                }
                Cursor<Row> cur = conn.cursor();
                cur.adapters().registerLoader("date", Format.TEXT, Loaders.dateInfinityAs(Format.TEXT, LocalDate.MIN,
                        LocalDate.MAX));
                cur.adapters().registerLoader("timestamptz", Format.TEXT, Loaders.timestamptzInfinityAs(Format.TEXT,
                        OffsetDateTime.MIN, OffsetDateTime.MAX));
                Row r = cur.execute("SELECT 'infinity'::date, '-infinity'::date, '2020-03-04'::date,"
                        + " '-infinity'::timestamptz, '2020-03-04 05:06:07+00'::timestamptz").fetchone();
                assertEquals(List.of(LocalDate.MAX, LocalDate.MIN, LocalDate.of(2020, 3, 4), OffsetDateTime.MIN,
                        OffsetDateTime.of(2020, 3, 4, 5, 6, 7, 0, ZoneOffset.UTC)),
                        List.of(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)), style);
            }
        }
    }

    @Test
    void asyncSessionsFollowTheirDateStyleToo(TestDatabase db) throws Exception {
        AsyncConnection conn = Tusk.connectAsync(db.conninfo(PgUsers.TRUST)).toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        try {
            conn.execute("SET DateStyle = 'SQL, DMY'").toCompletableFuture().get(30, TimeUnit.SECONDS);
            conn.execute("SET TimeZone = 'Europe/Paris'").toCompletableFuture().get(30, TimeUnit.SECONDS);
            Row r = conn.execute("SELECT '2020-03-04'::date, '2020-10-25 00:30:00+00'::timestamptz,"
                    + " '2020-10-25 01:30:00+00'::timestamptz").thenCompose(AsyncCursor::fetchone)
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals(LocalDate.of(2020, 3, 4), r.get(0));
            assertEquals(OffsetDateTime.of(2020, 10, 25, 2, 30, 0, 0, ZoneOffset.ofHours(2)), r.get(1));
            assertEquals(OffsetDateTime.of(2020, 10, 25, 2, 30, 0, 0, ZoneOffset.ofHours(1)), r.get(2));
        } finally {
            conn.close().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
