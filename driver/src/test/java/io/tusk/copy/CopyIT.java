package io.tusk.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.Copy;
import io.tusk.TransactionStatus;
import io.tusk.Tusk;
import io.tusk.errors.DatabaseException;
import io.tusk.errors.ProgrammingException;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** COPY FROM STDIN and TO STDOUT in text format: rows, raw data, escaping, aborts and errors. */
@PgTest
class CopyIT {
    static final int MILLION = 1_000_000;

    static Connection connect(TestDatabase db) {
        return Tusk.connect(db.conninfo());
    }

    @Test
    void aMillionRowsGoInAndComeBackOutInTextFormat(TestDatabase db) {
        db.admin().execute("CREATE TABLE big (a int, b int, c text)");
        try (Connection conn = connect(db)) {
            conn.setAutocommit(true);
            long written = conn.copy("COPY big (a, b, c) FROM STDIN", copy -> {
                for (int i = 0; i < MILLION; i++) {
                    copy.writeRow(i, i % 7, "row " + i);
                }
            });
            assertEquals(MILLION, written);
            assertEquals(MILLION + " " + ((long) MILLION * (MILLION - 1) / 2) + " " + expectedLengths(),
                    db.admin().queryScalar("SELECT count(*) || ' ' || sum(a) || ' ' || sum(length(c)) FROM big"));
            assertEquals(db.admin().queryScalar("SELECT sum(b) FROM big"), String.valueOf(sumMod7()));

            long rows = 0;
            long sumA = 0;
            long sumLengths = 0;
            try (Copy copy = conn.copy("COPY big TO STDOUT")) {
                for (Object[] row; (row = copy.readRow()) != null; ) {
                    rows++;
                    sumA += Integer.parseInt((String) row[0]);
                    sumLengths += ((String) row[2]).length();
                    if (rows == 1) {
                        assertEquals(3, row.length);
                    }
                }
                assertEquals(MILLION, copy.rowcount());
            }
            assertEquals(MILLION, rows);
            assertEquals((long) MILLION * (MILLION - 1) / 2, sumA);
            assertEquals(expectedLengths(), sumLengths);
        }
    }

    private static long expectedLengths() {
        long n = 0;
        for (int i = 0; i < MILLION; i++) {
            n += 4 + Integer.toString(i).length();
        }
        return n;
    }

    private static long sumMod7() {
        long n = 0;
        for (int i = 0; i < MILLION; i++) {
            n += i % 7;
        }
        return n;
    }

    @Test
    void copyOutOfAMillionRowsRunsInConstantMemory(TestDatabase db) {
        try (Connection conn = connect(db)) {
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long before = rt.totalMemory() - rt.freeMemory();
            long rows = 0;
            long bytes = 0;
            long grown = 0;
            // About 110 MB of data: kept in memory, it could not fit in the margin checked below.
            try (Copy copy = conn.copy("COPY (SELECT g, repeat('x', 100) FROM generate_series(1, " + MILLION + ") g) TO STDOUT")) {
                for (byte[] chunk; (chunk = copy.read()) != null; ) {
                    rows++;
                    bytes += chunk.length;
                    if (rows == 900_000) {
                        System.gc();
                        grown = rt.totalMemory() - rt.freeMemory() - before;
                    }
                }
            }
            assertEquals(MILLION, rows);
            assertTrue(bytes > 100_000_000L, "read " + bytes + " bytes");
            assertTrue(grown < 40_000_000L, "the heap grew by " + grown + " bytes while streaming");
            assertEquals("1", conn.execute("SELECT 1").fetchone().getString(0));
        }
    }

    @Test
    void writeRowEscapesTabsNewlinesBackslashesAndNulls(TestDatabase db) {
        db.admin().execute("CREATE TABLE esc (id int, v text)");
        String[] values = {"tab\there", "line\nbreak", "cr\rhere", "back\\slash", "\\N", "", null, "üñí €"};
        try (Connection conn = connect(db)) {
            conn.setAutocommit(true);
            conn.copy("COPY esc FROM STDIN", copy -> {
                for (int i = 0; i < values.length; i++) {
                    copy.writeRow(i, values[i]);
                }
            });
            for (int i = 0; i < values.length; i++) {
                String onServer = db.admin().queryScalar("SELECT v FROM esc WHERE id = " + i);
                assertEquals(values[i], onServer, "value " + i + " as stored");
            }
            List<Object> back = new ArrayList<>();
            try (Copy copy = conn.copy("COPY (SELECT v FROM esc ORDER BY id) TO STDOUT")) {
                copy.rows().forEach(r -> back.add(r[0]));
            }
            assertEquals(java.util.Arrays.asList(values), back);
        }
    }

    @Test
    void rawWritesAreBufferedAndStoredLikeRows(TestDatabase db) {
        db.admin().execute("CREATE TABLE raw (a int, b text)");
        try (Connection conn = connect(db)) {
            conn.setAutocommit(true);
            try (Copy copy = conn.copy("COPY raw FROM STDIN")) {
                assertTrue(copy.writing());
                assertFalse(copy.binary());
                for (int i = 0; i < 10_000; i++) {
                    copy.write(i + "\t");
                    copy.write(("x" + i + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            assertEquals("10000", db.admin().queryScalar("SELECT count(DISTINCT b) FROM raw"));
        }
    }

    @Test
    void setTypesLoadsColumnsWithTheirLoaders(TestDatabase db) {
        try (Connection conn = connect(db)) {
            try (Copy copy = conn.copy("COPY (SELECT 1, 'a') TO STDOUT")) {
                copy.setTypes("int4", "text");
                Object[] row = copy.readRow();
                assertEquals(2, row.length);
                assertEquals("a", row[1]);
                assertNull(copy.readRow());
            }
            try (Copy copy = conn.copy("COPY (SELECT 1) TO STDOUT")) {
                assertThrows(ProgrammingException.class, () -> copy.setTypes("no_such_type"));
            }
        }
    }

    @Test
    void anExceptionInTheBodyAbortsTheCopyAndLeavesNoRows(TestDatabase db) {
        db.admin().execute("CREATE TABLE aborted (a int)");
        try (Connection conn = connect(db)) {
            conn.setAutocommit(true);
            IllegalStateException boom = new IllegalStateException("boom");
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> conn.copy("COPY aborted FROM STDIN", copy -> {
                for (int i = 0; i < 100_000; i++) {
                    copy.writeRow(i);
                }
                throw boom;
            }));
            assertSame(boom, thrown);
            assertEquals("0", db.admin().queryScalar("SELECT count(*) FROM aborted"));
            assertEquals("1", conn.execute("SELECT 1").fetchone().getString(0));
            assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
        }
    }

    @Test
    void anAbortInsideATransactionFailsTheTransactionUntilRollback(TestDatabase db) {
        db.admin().execute("CREATE TABLE aborted_tx (a int)");
        try (Connection conn = connect(db)) {
            conn.execute("INSERT INTO aborted_tx VALUES (42)");
            try (Copy copy = conn.copy("COPY aborted_tx FROM STDIN")) {
                copy.writeRow(1);
                copy.abort("changed my mind");
            }
            assertEquals(TransactionStatus.INERROR, conn.info().transactionStatus());
            assertThrows(DatabaseException.class, () -> conn.execute("SELECT 1"));
            conn.rollback();
            assertEquals("1", conn.execute("SELECT 1").fetchone().getString(0));
            assertEquals("0", db.admin().queryScalar("SELECT count(*) FROM aborted_tx"));
        }
    }

    @Test
    void outsideAutocommitTheCopyJoinsTheImplicitTransaction(TestDatabase db) {
        db.admin().execute("CREATE TABLE in_tx (a int)");
        try (Connection conn = connect(db)) {
            conn.copy("COPY in_tx FROM STDIN", copy -> copy.writeRow(1));
            assertEquals(TransactionStatus.INTRANS, conn.info().transactionStatus());
            assertEquals("0", db.admin().queryScalar("SELECT count(*) FROM in_tx"));
            conn.commit();
            assertEquals("1", db.admin().queryScalar("SELECT count(*) FROM in_tx"));
        }
    }

    @Test
    void badDataRaisesTheServersErrorAtCloseAndTheConnectionStaysUsable(TestDatabase db) {
        db.admin().execute("CREATE TABLE typed (a int)");
        try (Connection conn = connect(db)) {
            conn.setAutocommit(true);
            Copy copy = conn.copy("COPY typed FROM STDIN");
            copy.write("1\nnot a number\n3\n");
            DatabaseException e = assertThrows(DatabaseException.class, copy::close);
            assertEquals("22P02", e.sqlstate());
            assertEquals("0", db.admin().queryScalar("SELECT count(*) FROM typed"));
            assertEquals("1", conn.execute("SELECT 1").fetchone().getString(0));
        }
    }

    @Test
    void aWriteThatFailsInTheClientMakesCloseAbort(TestDatabase db) {
        db.admin().execute("CREATE TABLE half (a int, b text)");
        record Money(long cents) {
        }
        try (Connection conn = connect(db)) {
            conn.setAutocommit(true);
            try (Copy copy = conn.copy("COPY half FROM STDIN")) {
                copy.writeRow(1, "kept?");
                ProgrammingException e = assertThrows(ProgrammingException.class, () -> copy.writeRow(2, new Money(5)));
                assertTrue(e.getMessage().contains("Money"), e.getMessage());
            }
            assertEquals("0", db.admin().queryScalar("SELECT count(*) FROM half"));
            assertEquals("1", conn.execute("SELECT 1").fetchone().getString(0));
        }
    }

    @Test
    void closingACopyOutEarlyKeepsTheConnectionInStep(TestDatabase db) {
        try (Connection conn = connect(db)) {
            try (Copy copy = conn.copy("COPY (SELECT generate_series(1, 100000)) TO STDOUT")) {
                assertArrayEquals("1\n".getBytes(StandardCharsets.UTF_8), copy.read());
            }
            assertEquals("2", conn.execute("SELECT 2").fetchone().getString(0));
        }
    }

    @Test
    void otherCommandsAreRefusedWhileACopyIsOpen(TestDatabase db) {
        db.admin().execute("CREATE TABLE busy (a int)");
        try (Connection conn = connect(db)) {
            conn.setAutocommit(true);
            try (Copy copy = conn.copy("COPY busy FROM STDIN")) {
                copy.writeRow(1);
                ProgrammingException e = assertThrows(ProgrammingException.class, () -> conn.execute("SELECT 1"));
                assertTrue(e.getMessage().contains("COPY"), e.getMessage());
            }
            assertEquals("1", db.admin().queryScalar("SELECT count(*) FROM busy"));
        }
    }

    @Test
    void aStatementThatIsNotACopyIsRefusedAndTheConnectionStaysUsable(TestDatabase db) {
        try (Connection conn = connect(db)) {
            ProgrammingException e = assertThrows(ProgrammingException.class, () -> conn.copy("SELECT 1"));
            assertTrue(e.getMessage().contains("not a COPY"), e.getMessage());
            assertThrows(DatabaseException.class, () -> conn.copy("COPY no_such_table FROM STDIN"));
            conn.rollback();
            assertEquals("1", conn.execute("SELECT 1").fetchone().getString(0));
        }
    }
}
