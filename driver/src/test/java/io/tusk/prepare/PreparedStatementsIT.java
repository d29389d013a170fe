package io.tusk.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Column;
import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.Tusk;
import io.tusk.rows.Row;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Automatic prepared statements (psycopg's prepare_threshold / prepared_max), seen from the server. */
@PgTest
class PreparedStatementsIT {
    private static Connection connect(TestDatabase db) {
        Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST));
        conn.setAutocommit(true);
        return conn;
    }

    /** The statements the server holds for this session, as "name: statement", oldest first. */
    private static List<String> prepared(Connection conn) {
        List<String> out = new ArrayList<>();
        for (Row r : conn.execute("SELECT name, statement FROM pg_prepared_statements ORDER BY prepare_time, name")) {
            out.add(r.getString(0) + ": " + r.getString(1));
        }
        return out;
    }

    @Test
    void queryIsPreparedAfterFiveExecutionsAndThenReused(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            assertEquals(5, conn.prepareThreshold());
            for (int i = 0; i < 5; i++) {
                assertEquals(i + 1, cur.execute("SELECT %s::int + 1", i).fetchone().getInt(0));
            }
            assertEquals(List.of(), prepared(conn), "not prepared during the first five executions");
            for (int i = 5; i < 10; i++) {
                assertEquals(i + 1, cur.execute("SELECT %s::int + 1", i).fetchone().getInt(0));
            }
            assertEquals(List.of("_tusk_1: SELECT $1::int + 1"), prepared(conn));
            if (conn.info().serverVersion() >= 140000) { // the plan counters are new in PostgreSQL 14
                Row uses = conn.execute("SELECT generic_plans + custom_plans FROM pg_prepared_statements").fetchone();
                assertEquals(5L, uses.getLong(0), "the sixth to tenth executions ran the prepared statement");
            }
        }
    }

    @Test
    void thresholdZeroPreparesAtTheFirstExecution(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            conn.setPrepareThreshold(0);
            cur.execute("SELECT %s::text", "a");
            assertEquals(List.of("_tusk_1: SELECT $1::text"), prepared(conn));
        }
    }

    @Test
    void nullThresholdNeverPreparesEvenWhenACursorAsks(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            conn.setPrepareThreshold(null);
            cur.setPrepare(true);
            for (int i = 0; i < 20; i++) {
                cur.execute("SELECT %s::int", i);
            }
            assertEquals(List.of(), prepared(conn));
        }
    }

    @Test
    void cursorPrepareTrueAndFalseOverrideTheThreshold(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            cur.setPrepare(true).execute("SELECT %s::int AS forced", 1);
            assertEquals(List.of("_tusk_1: SELECT $1::int AS forced"), prepared(conn));
            conn.setPrepareThreshold(0);
            for (int i = 0; i < 3; i++) {
                cur.setPrepare(false).execute("SELECT %s::int AS never", i);
            }
            assertEquals(List.of("_tusk_1: SELECT $1::int AS forced"), prepared(conn));
        }
    }

    @Test
    void leastRecentlyUsedStatementIsDeallocatedAtPreparedMax(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            conn.setPrepareThreshold(0);
            conn.setPreparedMax(3);
            cur.execute("SELECT %s::int AS q1", 1);
            cur.execute("SELECT %s::int AS q2", 2);
            cur.execute("SELECT %s::int AS q3", 3);
            cur.execute("SELECT %s::int AS q1", 1); // q1 used again: q2 is now the least recently used
            cur.execute("SELECT %s::int AS q4", 4);
            assertEquals(List.of("_tusk_1: SELECT $1::int AS q1", "_tusk_3: SELECT $1::int AS q3",
                    "_tusk_4: SELECT $1::int AS q4"), prepared(conn));
            assertEquals(2, cur.execute("SELECT %s::int AS q2", 2).fetchone().getInt(0), "q2 is prepared again when needed");
        }
    }

    @Test
    void discardAllAndDeallocateAllEmptyTheCache(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            conn.setPrepareThreshold(0);
            for (String reset : List.of("DISCARD ALL", "DEALLOCATE ALL")) {
                cur.execute("SELECT %s::int * 2", 21);
                cur.execute("SELECT %s::int * 2", 21);
                assertEquals(1, prepared(conn).size());
                conn.execute(reset);
                assertEquals(List.of(), prepared(conn));
                assertEquals(42, cur.execute("SELECT %s::int * 2", 21).fetchone().getInt(0),
                        "no 'prepared statement does not exist' after " + reset);
                assertEquals(1, prepared(conn).size(), "prepared again after " + reset);
                conn.execute("DEALLOCATE ALL");
            }
        }
    }

    @Test
    void changedColumnTypeIsRetriedTransparentlyInAutocommit(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            conn.execute("CREATE TABLE stale_plan (a int)");
            conn.execute("INSERT INTO stale_plan VALUES (7)");
            conn.setPrepareThreshold(0);
            assertEquals(7, cur.execute("SELECT * FROM stale_plan WHERE %s", true).fetchone().get(0));
            assertEquals(7, cur.execute("SELECT * FROM stale_plan WHERE %s", true).fetchone().get(0));
            db.admin().execute("ALTER TABLE stale_plan ALTER COLUMN a TYPE bigint");
            assertEquals(7L, cur.execute("SELECT * FROM stale_plan WHERE %s", true).fetchone().get(0));
        }
    }

    @Test
    void changedColumnTypeIsRetriedWhenTheTransactionWasOpenedForTheStatement(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            conn.execute("CREATE TABLE stale_tx (a int)");
            conn.execute("INSERT INTO stale_tx VALUES (7)");
            conn.setAutocommit(false);
            conn.setPrepareThreshold(0);
            assertEquals(7, cur.execute("SELECT * FROM stale_tx WHERE %s", true).fetchone().get(0));
            conn.commit();
            db.admin().execute("ALTER TABLE stale_tx ALTER COLUMN a TYPE text");
            assertEquals("7", cur.execute("SELECT * FROM stale_tx WHERE %s", true).fetchone().get(0));
            assertEquals(io.tusk.TransactionStatus.INTRANS, conn.info().transactionStatus());
            conn.rollback();
        }
    }

    @Test
    void preparedStatementResultsComeInBinary(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            conn.setPrepareThreshold(0);
            String q = "SELECT %s::int AS i, %s::text AS t, %s::timestamptz AS ts";
            OffsetDateTime when = OffsetDateTime.parse("2024-05-06T07:08:09.123456Z");
            cur.execute(q, 42, "héllo", when);
            Row first = cur.fetchone();
            cur.execute(q, 42, "héllo", when);
            List<Integer> formats = cur.description().stream().map(Column::format).toList();
            assertEquals(List.of(1, 1, 1), formats, "int4, text and timestamptz have binary loaders");
            Row second = cur.fetchone();
            assertEquals(first.get(0), second.get(0));
            assertEquals(first.get(1), second.get(1));
            assertEquals(first.get(2), second.get(2));
            assertEquals(42, second.get(0));
            assertEquals("héllo", second.get(1));
            assertTrue(second.get(2) instanceof OffsetDateTime || second.get(2) instanceof Instant,
                    "timestamptz loads as a time value: " + second.get(2));
        }
    }

    @Test
    void oneOffStatementsStayText(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            conn.setPrepareThreshold(null);
            cur.execute("SELECT %s::int AS i", 1);
            cur.execute("SELECT %s::int AS i", 1);
            assertEquals(0, cur.description().get(0).format());
        }
    }
}
