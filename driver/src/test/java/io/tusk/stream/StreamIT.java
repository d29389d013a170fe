package io.tusk.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.RawCursor;
import io.tusk.TransactionStatus;
import io.tusk.Tusk;
import io.tusk.errors.DatabaseException;
import io.tusk.errors.ProgrammingException;
import io.tusk.rows.Row;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** cursor.stream(): rows as they arrive over a suspended portal, early close, errors, and the connection afterwards. */
@PgTest
class StreamIT {
    static Connection connect(TestDatabase db) {
        return Tusk.connect(db.conninfo());
    }

    @Test
    void streamsEveryRowAcrossManyBatches(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            try (Stream<Row> rows = cur.stream("SELECT g, 'x' || g FROM generate_series(1, %s) g", 10_007)) {
                long[] acc = new long[2];
                rows.forEach(r -> {
                    acc[0]++;
                    acc[1] += r.getInt(0);
                    assertEquals("x" + r.getInt(0), r.getString(1));
                });
                assertEquals(10_007, acc[0]);
                assertEquals(10_007L * 10_008 / 2, acc[1]);
            }
            assertEquals(TransactionStatus.INTRANS, conn.info().transactionStatus(), "the implicit BEGIN was sent");
            assertEquals(2, conn.execute("SELECT 2").fetchone().getInt(0));
        }
    }

    @Test
    void workInAutocommitModeToo(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            conn.setAutocommit(true);
            assertEquals(5_000, cur.stream("SELECT g FROM generate_series(1, 5000) g").count());
            assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
        }
    }

    @Test
    void namedParametersAndRawCursorsBindOnTheServer(TestDatabase db) {
        try (Connection conn = connect(db)) {
            try (Stream<Row> s = conn.cursor().stream("SELECT %(a)s::int + g FROM generate_series(1, 3) g", Map.of("a", 10))) {
                assertEquals(List.of(11, 12, 13), s.map(r -> r.getInt(0)).toList());
            }
            RawCursor<Row> raw = conn.rawCursor();
            try (Stream<Row> s = raw.stream("SELECT $1::int * g FROM generate_series(1, 3) g", 2)) {
                assertEquals(List.of(2, 4, 6), s.map(r -> r.getInt(0)).toList());
            }
        }
    }

    @Test
    void earlyCloseLeavesTheConnectionUsableWithNoLeftoverRows(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            conn.setAutocommit(true);
            try (Stream<Row> rows = cur.stream("SELECT g FROM generate_series(1, 10000000) g")) {
                assertEquals(List.of(1, 2, 3), rows.limit(3).map(r -> r.getInt(0)).toList());
            }
            Row next = conn.execute("SELECT 'after'").fetchone();
            assertEquals("after", next.getString(0));
            assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
            Iterator<Row> it = cur.stream("SELECT g FROM generate_series(1, 10) g").iterator();
            assertEquals(1, it.next().getInt(0));
        }
    }

    @Test
    void earlyCloseInsideATransactionKeepsTheTransaction(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            cur.execute("CREATE TEMP TABLE kept (x int)");
            cur.execute("INSERT INTO kept VALUES (1)");
            try (Stream<Row> rows = cur.stream("SELECT g FROM generate_series(1, 100000) g")) {
                assertEquals(1, rows.findFirst().orElseThrow().getInt(0));
            }
            assertEquals(TransactionStatus.INTRANS, conn.info().transactionStatus());
            assertEquals(1L, ((Number) conn.execute("SELECT count(*) FROM kept").fetchone().get(0)).longValue());
        }
    }

    @Test
    void otherCommandsOnTheSameThreadAreRefusedWhileAStreamIsOpen(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            try (Stream<Row> rows = cur.stream("SELECT g FROM generate_series(1, 100000) g")) {
                Iterator<Row> it = rows.iterator();
                it.next();
                ProgrammingException e = assertThrows(ProgrammingException.class, () -> conn.execute("SELECT 1"));
                assertTrue(e.getMessage().contains("stream"), e.getMessage());
                assertEquals(2, it.next().getInt(0), "the stream goes on after the refused command");
            }
            assertEquals(1, conn.execute("SELECT 1").fetchone().getInt(0));
        }
    }

    @Test
    void anotherThreadWaitsUntilTheStreamCloses(TestDatabase db) throws Exception {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            CompletableFuture<Integer> other;
            try (Stream<Row> rows = cur.stream("SELECT g FROM generate_series(1, 100000) g")) {
                Iterator<Row> it = rows.iterator();
                it.next();
                other = CompletableFuture.supplyAsync(() -> conn.execute("SELECT 7").fetchone().getInt(0));
                Thread.sleep(200);
                assertFalse(other.isDone(), "the other thread waits for the connection");
                it.next();
            }
            assertEquals(7, other.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void errorWhileStreamingIsRaisedAndTheConnectionRecovers(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            conn.setAutocommit(true);
            Iterator<Row> it = cur.stream("SELECT 10 / (5000 - g) FROM generate_series(1, 10000) g").iterator();
            DatabaseException e = assertThrows(DatabaseException.class, () -> {
                while (it.hasNext()) {
                    it.next();
                }
            });
            assertEquals("22012", e.sqlstate(), e.getMessage());
            assertEquals(1, conn.execute("SELECT 1").fetchone().getInt(0));
        }
    }

    @Test
    void badStatementFailsWhenTheStreamIsOpened(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            DatabaseException e = assertThrows(DatabaseException.class, () -> cur.stream("SELECT * FROM no_such_table"));
            assertEquals("42P01", e.sqlstate());
            conn.rollback();
            assertEquals(1, conn.execute("SELECT 1").fetchone().getInt(0));
        }
    }

    @Test
    void statementWithoutRowsGivesAnEmptyStream(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            cur.execute("CREATE TEMP TABLE s (x int)");
            assertEquals(0, cur.stream("INSERT INTO s VALUES (%s)", 1).count());
            assertEquals(1L, ((Number) conn.execute("SELECT count(*) FROM s").fetchone().get(0)).longValue());
        }
    }
}
