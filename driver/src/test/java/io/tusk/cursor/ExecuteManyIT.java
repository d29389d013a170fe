package io.tusk.cursor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.ClientCursor;
import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.TransactionStatus;
import io.tusk.Tusk;
import io.tusk.errors.IntegrityException;
import io.tusk.errors.ProgrammingException;
import io.tusk.rows.Row;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@PgTest
class ExecuteManyIT {
    private static Connection connect(TestDatabase db) {
        return Tusk.connect(db.conninfo(PgUsers.TRUST));
    }

    private static Object[] row(int i) {
        return new Object[] {i, "row " + i + " it's", i % 3 == 0 ? null : BigDecimal.valueOf(i).movePointLeft(2)};
    }

    @Test
    void hundredThousandRowsGiveWhatRowByRowGives(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            cur.execute("CREATE TEMP TABLE batch (id int PRIMARY KEY, label text, amount numeric)");
            cur.execute("CREATE TEMP TABLE single (id int PRIMARY KEY, label text, amount numeric)");
            List<Object[]> rows = IntStream.rangeClosed(1, 100_000).mapToObj(ExecuteManyIT::row).toList();
            assertTimeoutPreemptively(Duration.ofSeconds(120),
                    () -> cur.executemany("INSERT INTO batch (id, label, amount) VALUES (%s, %s, %s)", rows));
            assertEquals(100_000, cur.rowcount());
            for (Object[] r : rows.subList(0, 2_000)) {
                cur.execute("INSERT INTO single (id, label, amount) VALUES (%s, %s, %s)", r);
            }
            assertEquals(0, cur.execute("SELECT count(*) FROM (SELECT * FROM single EXCEPT SELECT * FROM batch WHERE id <= 2000"
                    + " UNION ALL SELECT * FROM batch WHERE id <= 2000 EXCEPT SELECT * FROM single) x").fetchone().getInt(0));
            // The other 98,000 rows match what the row-by-row statement would have stored.
            Row check = cur.execute("SELECT count(*), count(amount), sum(id), min(label), max(amount) FROM batch").fetchone();
            assertEquals(100_000, check.getInt(0));
            assertEquals(100_000 - 33_333, check.getInt(1));
            assertEquals(5_000_050_000L, check.getLong(2));
            assertEquals("row 1 it's", check.getString(3));
            assertEquals(new BigDecimal("1000.00"), check.getBigDecimal(4));
        }
    }

    @Test
    void aFailingRowRollsBackTheWholeBatchInAutocommit(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            conn.setAutocommit(true);
            cur.execute("CREATE TEMP TABLE u (id int PRIMARY KEY)");
            List<Object[]> rows = new ArrayList<>();
            IntStream.range(0, 5_000).forEach(i -> rows.add(new Object[] {i}));
            rows.add(2_500, new Object[] {42});
            assertThrows(IntegrityException.class, () -> cur.executemany("INSERT INTO u VALUES (%s)", rows));
            assertEquals(0, cur.execute("SELECT count(*) FROM u").fetchone().getInt(0), "one Sync: one implicit transaction");
            assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
        }
    }

    @Test
    void returningKeepsEveryResultSet(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            cur.execute("CREATE TEMP TABLE r (id serial, name text)");
            cur.executemany("INSERT INTO r (name) VALUES (%(name)s) RETURNING id, name",
                    List.of(Map.of("name", "a"), Map.of("name", "b"), Map.of("name", "c")), true);
            assertEquals(3, cur.rowcount());
            List<String> seen = new ArrayList<>();
            do {
                Row r = cur.fetchone();
                seen.add(r.getInt("id") + r.getString("name"));
                assertNull(cur.fetchone());
            } while (cur.nextset());
            assertEquals(List.of("1a", "2b", "3c"), seen);
        }
    }

    @Test
    void withoutReturningNoResultIsKept(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            cur.executemany("SELECT %s::int", List.of(List.of(1), List.of(2)));
            assertEquals(2, cur.rowcount());
            assertNull(cur.description());
            assertFalse(cur.nextset());
            cur.executemany("SELECT %s", List.of());
            assertEquals(0, cur.rowcount());
        }
    }

    @Test
    void noDeadlockWhenRepliesAndRequestsOutgrowTheSocketBuffers(TestDatabase db) {
        String big = "x".repeat(20_000);
        List<Object[]> rows = IntStream.range(0, 2_000).mapToObj(i -> new Object[] {i, big}).toList();
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            // 40 MB go each way: far beyond any socket buffer.
            assertTimeoutPreemptively(Duration.ofSeconds(120),
                    () -> cur.executemany("SELECT %s::int, %s::text || %s::text", withTwice(rows)));
            assertEquals(2_000, cur.rowcount());
            assertTimeoutPreemptively(Duration.ofSeconds(120),
                    () -> cur.executemany("SELECT %s::int AS i, %s::text AS s", rows, true));
            int n = 0;
            do {
                Row r = cur.fetchone();
                assertEquals(n, r.getInt("i"));
                assertEquals(20_000, r.getString("s").length());
                n++;
            } while (cur.nextset());
            assertEquals(2_000, n);
        }
    }

    @Test
    void aBadRowIsReportedAndTheConnectionStaysInStep(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            conn.setAutocommit(true);
            List<Object> rows = new ArrayList<>();
            IntStream.range(0, 3_000).forEach(i -> rows.add(new Object[] {i}));
            rows.add(new Object[] {1, 2});
            ProgrammingException e = assertThrows(ProgrammingException.class,
                    () -> cur.executemany("SELECT %s::int", rows));
            assertTrue(e.getMessage().contains("1 placeholder"), e.getMessage());
            assertThrows(ProgrammingException.class, () -> cur.executemany("SELECT %s", List.of(new Object[] {1, 2})));
            assertEquals(7, cur.execute("SELECT %s::int", 7).fetchone().getInt(0));
        }
    }

    @Test
    void clientCursorExecutemanyQuotesEachRow(TestDatabase db) {
        try (Connection conn = connect(db); ClientCursor<Row> cur = conn.clientCursor()) {
            cur.execute("CREATE TEMP TABLE c (id int, s text)");
            cur.executemany("INSERT INTO c VALUES (%s, %s)", List.of(List.of(1, "O'Reilly"), List.of(2, "a\\b")));
            assertEquals(2, cur.rowcount());
            cur.execute("SELECT s FROM c ORDER BY id");
            assertEquals(List.of("O'Reilly", "a\\b"), cur.fetchall().stream().map(r -> r.getString(0)).toList());
        }
    }

    @Test
    void typesChangingBetweenRowsAreReparsed(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            cur.execute("CREATE TEMP TABLE n (x numeric)");
            cur.executemany("INSERT INTO n VALUES (%s)", List.of(new Object[] {null}, new Object[] {1}, new Object[] {2L},
                    new Object[] {new BigDecimal("3.5")}, new Object[] {null}));
            assertEquals(new BigDecimal("6.5"), cur.execute("SELECT sum(x) FROM n").fetchone().getBigDecimal(0));
        }
    }

    private static List<Object[]> withTwice(List<Object[]> rows) {
        return rows.stream().map(r -> new Object[] {r[0], r[1], r[1]}).toList();
    }

    // ---- setRewriteBatchedInserts: multi-row INSERTs

    @Test
    void rewrittenInsertsStoreWhatRowByRowStoresInAStatementPer128Rows(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            cur.execute("CREATE TEMP TABLE rw (id int PRIMARY KEY, label text, amount numeric)");
            cur.execute("CREATE TEMP TABLE statements (n int)");
            cur.execute("CREATE FUNCTION pg_temp.count_statement() RETURNS trigger LANGUAGE plpgsql AS "
                    + "'BEGIN INSERT INTO statements VALUES (1); RETURN NULL; END'");
            cur.execute("CREATE TRIGGER per_statement AFTER INSERT ON rw FOR EACH STATEMENT EXECUTE FUNCTION pg_temp.count_statement()");
            conn.setRewriteBatchedInserts(true);
            List<Object[]> rows = IntStream.rangeClosed(1, 1_000).mapToObj(ExecuteManyIT::row).toList();
            cur.executemany("INSERT INTO rw (id, label, amount) VALUES (%s, %s, %s)", rows);
            assertEquals(1_000, cur.rowcount());
            assertEquals(8, cur.execute("SELECT count(*) FROM statements").fetchone().getInt(0),
                    "1,000 rows in statements of 128 rows: 8 statements, not 1,000");
            Row check = cur.execute("SELECT count(*), count(amount), sum(id), min(label), max(amount) FROM rw").fetchone();
            assertEquals(1_000, check.getInt(0));
            assertEquals(1_000 - 333, check.getInt(1), "the NULLs of every third row");
            assertEquals(500_500L, check.getLong(2));
            assertEquals("row 1 it's", check.getString(3));
            assertEquals(new BigDecimal("10.00"), check.getBigDecimal(4));
            conn.setRewriteBatchedInserts(false);
            cur.execute("DELETE FROM statements");
            cur.executemany("INSERT INTO rw (id, label, amount) VALUES (%s, %s, %s)",
                    IntStream.rangeClosed(1_001, 1_010).mapToObj(ExecuteManyIT::row).toList());
            assertEquals(10, cur.execute("SELECT count(*) FROM statements").fetchone().getInt(0), "off: one statement per row");
        }
    }

    @Test
    void rewrittenInsertsTakeNamedParametersAndExpressions(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            cur.execute("CREATE TEMP TABLE rw_named (id int, twice int, label text)");
            conn.setRewriteBatchedInserts(true);
            List<Map<String, Object>> rows = IntStream.rangeClosed(1, 300)
                    .mapToObj(i -> Map.<String, Object>of("id", i, "label", "n" + i)).toList();
            cur.executemany("INSERT INTO rw_named VALUES (%(id)s, %(id)s * 2, upper(%(label)s))", rows);
            assertEquals(300, cur.rowcount());
            Row r = cur.execute("SELECT count(*), sum(twice), max(label) FILTER (WHERE id = 300) FROM rw_named").fetchone();
            assertEquals(300, r.getInt(0));
            assertEquals(90_300L, r.getLong(1));
            assertEquals("N300", r.getString(2));
        }
    }

    @Test
    void aFailingRowOfARewrittenBatchRaisesItsErrorAndRollbackUndoesTheBatch(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            cur.execute("CREATE TABLE IF NOT EXISTS rw_err (id int PRIMARY KEY)");
            conn.commit();
            conn.setRewriteBatchedInserts(true);
            List<Object[]> rows = IntStream.rangeClosed(1, 500).mapToObj(i -> new Object[] {i == 400 ? 7 : i}).toList();
            assertThrows(IntegrityException.class, () -> cur.executemany("INSERT INTO rw_err VALUES (%s)", rows));
            assertEquals(TransactionStatus.INERROR, conn.info().transactionStatus());
            conn.rollback();
            assertEquals(0, cur.execute("SELECT count(*) FROM rw_err").fetchone().getInt(0));
            conn.rollback();
            // A value that can't be sent: the rows before it are sent (as without the rewrite), then the error.
            conn.setAutocommit(true);
            List<Object[]> bad = new ArrayList<>();
            for (int i = 1; i <= 200; i++) {
                bad.add(new Object[] {i == 150 ? new Object() : i});
            }
            assertThrows(ProgrammingException.class, () -> cur.executemany("INSERT INTO rw_err VALUES (%s)", bad));
            assertEquals(149, cur.execute("SELECT count(*) FROM rw_err").fetchone().getInt(0));
            cur.execute("DROP TABLE rw_err");
        }
    }

    @Test
    void insertsThatCantBeRewrittenRunAsBefore(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            cur.execute("CREATE TEMP TABLE rw_other (id int PRIMARY KEY, v text)");
            conn.setRewriteBatchedInserts(true);
            cur.executemany("INSERT INTO rw_other VALUES (%s, 'a') ON CONFLICT (id) DO UPDATE SET v = 'b'",
                    List.of(new Object[] {1}, new Object[] {1}, new Object[] {2}));
            assertEquals(3, cur.rowcount(), "one statement per row: the second row updates the first");
            cur.executemany("INSERT INTO rw_other VALUES (%s, 'c') RETURNING id", List.of(new Object[] {3}, new Object[] {4}), true);
            assertEquals(List.of(3), cur.fetchall().stream().map(r -> r.getInt(0)).toList());
            assertEquals("b", cur.execute("SELECT v FROM rw_other WHERE id = 1").fetchone().getString(0));
        }
    }
}
