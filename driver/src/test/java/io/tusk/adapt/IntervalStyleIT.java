package io.tusk.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.Tusk;
import io.tusk.errors.DataException;
import io.tusk.rows.Row;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import io.tusk.types.Interval;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text intervals load under every IntervalStyle as they do in binary (which IntervalStyle does
 * not touch): mixed signs, fractional seconds, years and months, the extremes.
 */
@PgTest
class IntervalStyleIT {
    private static final String[] INTERVALS = {"0", "1 year 2 mons 3 days 04:05:06.5",
        "-1 year -2 mons -3 days -04:05:06.5", "1 year -2 mons", "-1 year 2 mons", "1 mon -1 days +00:00:00.000001",
        "-00:00:00.000001", "3 days", "-3 days", "1 day -00:00:01", "-1 day +00:00:01", "04:05:06", "-04:05:06",
        "2 years", "-2 years", "1 year 1 day", "-1 year 1 day", "1 year -1 day -01:00", "-1 day 2 hours", "7 mons",
        "1 mon", "1 day", "1 sec", "1.5 seconds", "-0.5 seconds", "1 min", "-1 min 1 sec", "12:34:56.123456",
        "100:00:00", "-100 days -100:00:00.1", "178956970 years 7 mons",
        "1 year 2 mons 3 days 04:05:06.000001 ago"};
    /** Loaded as they are only: negating or justifying them overflows. */
    private static final String[] EDGES = {"2147483647 days", "-2147483648 days", "-178956970 years -8 mons",
        "-2147483648 days -2147483648 mons"};
    /** PostgreSQL 13's interval input overflows on these (fixed in 14). */
    private static final String[] EXTREMES = {"2562047788:00:54.775807", "-2562047788:00:54.775807",
        "178956970 years 6 mons 2147483647 days 2562047788:00:54.775807"};

    private static List<Object> row(Connection conn, String sql, boolean binary) {
        Cursor<Row> cur = conn.cursor();
        cur.setBinary(binary);
        Row r = cur.execute(sql).fetchone();
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            out.add(r.get(i));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "postgres_verbose", "sql_standard", "iso_8601"})
    void textLoadsAsBinaryUnderEveryIntervalStyle(String style, TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            conn.setAutocommit(true);
            conn.execute("SET IntervalStyle = '" + style + "'");
            List<String> values = new ArrayList<>(List.of(INTERVALS));
            List<String> edges = new ArrayList<>(List.of(EDGES));
            if (conn.info().serverVersion() >= 140000) {
                edges.addAll(List.of(EXTREMES));
            }
            List<String> cols = new ArrayList<>();
            for (String v : values) {
                cols.add("'" + v + "'::interval");
                cols.add("-'" + v + "'::interval");
                cols.add("justify_interval('" + v + "'::interval)");
            }
            for (String v : edges) {
                cols.add("'" + v + "'::interval");
            }
            List<Object> binary = row(conn, "SELECT " + String.join(", ", cols), true);
            List<Object> text = row(conn, "SELECT " + String.join(", ", cols), false);
            for (int i = 0; i < cols.size(); i++) {
                String where = style + ": " + cols.get(i) + " shown as '"
                        + conn.execute("SELECT (" + cols.get(i) + ")::text").fetchone().get(0) + "'";
                assertEquals(binary.get(i), text.get(i), where);
            }
            // The independent answer for one: extract(epoch) agrees with what was loaded.
            Interval i = (Interval) row(conn, "SELECT '-1 year 2 mons -3 days 04:05:06.5'::interval", false).get(0);
            assertEquals(Interval.of(-10, -3, 14_706_500_000L), i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "postgres_verbose", "sql_standard", "iso_8601"})
    void infiniteIntervalsAreNamedInEveryStyle(String style, TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            if (conn.info().serverVersion() < 170000) {
                return; // interval infinity is new in PostgreSQL 17
            }
            conn.setAutocommit(true);
            conn.execute("SET IntervalStyle = '" + style + "'");
            DataException e = assertThrows(DataException.class,
                    () -> conn.execute("SELECT '-infinity'::interval").fetchone());
            assertTrue(e.getMessage().contains("'-infinity'"), e.getMessage());
        }
    }
}
