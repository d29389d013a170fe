package io.tusk.servercursor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.ServerCursor;
import io.tusk.TransactionStatus;
import io.tusk.Tusk;
import io.tusk.errors.DatabaseException;
import io.tusk.errors.InterfaceException;
import io.tusk.errors.ProgrammingException;
import io.tusk.rows.Row;
import io.tusk.rows.RowFactories;
import io.tusk.testkit.FreshDatabase;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Named cursors: DECLARE with bound parameters, FETCH in batches, MOVE, CLOSE, and psycopg's transaction rules. */
@PgTest
@FreshDatabase
class ServerCursorIT {
    static Connection connect(TestDatabase db) {
        return Tusk.connect(db.conninfo());
    }

    static List<Integer> ints(List<Row> rows) {
        List<Integer> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(r.getInt(0));
        }
        return out;
    }

    @Test
    void executeDeclaresWithServerBoundParametersAndFetchesForward(TestDatabase db) {
        try (Connection conn = connect(db); ServerCursor<Row> cur = conn.cursor("c1")) {
            cur.execute("SELECT g, %s::text || g FROM generate_series(1, 10) g WHERE g <= %s", "n", 7);
            assertEquals(List.of("g", "?column?"), cur.description().stream().map(c -> c.name()).toList(),
                    "the columns are known right after DECLARE");
            assertEquals(1, cur.fetchone().getInt(0));
            assertEquals(List.of(2, 3), ints(cur.fetchmany(2)));
            assertEquals("n4", cur.fetchone().getString(1));
            assertEquals(List.of(5, 6, 7), ints(cur.fetchall()));
            assertNull(cur.fetchone());
            assertEquals(7, cur.rownumber());
            Row declared = conn.execute("SELECT statement FROM pg_cursors WHERE name = 'c1'").fetchone();
            assertTrue(declared.getString(0).startsWith("DECLARE \"c1\" CURSOR FOR SELECT g, $1::text"), declared.getString(0));
        }
    }

    @Test
    void namedParametersWork(TestDatabase db) {
        try (Connection conn = connect(db); ServerCursor<Row> cur = conn.cursor("named")) {
            cur.execute("SELECT g FROM generate_series(1, %(n)s) g WHERE g > %(n)s - 3", Map.of("n", 10));
            assertEquals(List.of(8, 9, 10), ints(cur.fetchall()));
        }
    }

    @Test
    void iterationFetchesItersizeRowsPerRoundTrip(TestDatabase db) {
        try (Connection conn = connect(db); ServerCursor<Row> cur = conn.cursor("it")) {
            assertEquals(100, cur.itersize());
            cur.setItersize(7);
            cur.execute("SELECT g FROM generate_series(1, 50) g");
            long sum = 0;
            int n = 0;
            for (Row r : cur) {
                sum += r.getInt(0);
                n++;
            }
            assertEquals(50, n);
            assertEquals(1275, sum);
            assertEquals(50, cur.rowcount());
            assertEquals("FETCH 1", cur.statusmessage(), "the last FETCH returned the single 50th row (7 x 7 + 1)");
        }
    }

    @Test
    void weirdNamesAreQuotedAsIdentifiers(TestDatabase db) {
        try (Connection conn = connect(db)) {
            for (String name : List.of("1 starts with a digit", "has \"quotes\" and 'apostrophes'", "SELECT", "Mixed Case ü")) {
                try (ServerCursor<Row> cur = conn.cursor(name)) {
                    cur.execute("SELECT 42");
                    assertEquals(42, cur.fetchone().getInt(0));
                    assertEquals(name, conn.execute("SELECT name FROM pg_cursors WHERE name = %s", name).fetchone().getString(0));
                }
                assertNull(conn.execute("SELECT name FROM pg_cursors WHERE name = %s", name).fetchone(), "closed: " + name);
            }
        }
    }

    @Test
    void scrollMovesOnTheServer(TestDatabase db) {
        try (Connection conn = connect(db); ServerCursor<Row> cur = conn.cursor("scroller", RowFactories.rows(), true, false)) {
            cur.execute("SELECT g FROM generate_series(0, 99) g");
            cur.scroll(10);
            assertEquals(10, cur.fetchone().getInt(0));
            cur.scroll(5, "relative");
            assertEquals(16, cur.fetchone().getInt(0));
            cur.scroll(3, "absolute");
            assertEquals(3, cur.rownumber());
            assertEquals(3, cur.fetchone().getInt(0));
            cur.scroll(-2);
            assertEquals(2, cur.fetchone().getInt(0), "SCROLL allows moving backwards");
            assertThrows(IllegalArgumentException.class, () -> cur.scroll(1, "sideways"));
        }
    }

    @Test
    void noScrollCursorRefusesToMoveBackwards(TestDatabase db) {
        try (Connection conn = connect(db); ServerCursor<Row> cur = conn.cursor("forward_only", RowFactories.rows(), false, false)) {
            cur.execute("SELECT g FROM generate_series(0, 9) g");
            cur.fetchmany(5);
            DatabaseException e = assertThrows(DatabaseException.class, () -> cur.scroll(-2));
            assertEquals("55000", e.sqlstate(), e.getMessage());
            conn.rollback();
        }
    }

    @Test
    void namedCursorWithoutHoldIsRefusedInAutocommit(TestDatabase db) {
        try (Connection conn = connect(db); ServerCursor<Row> cur = conn.cursor("auto")) {
            conn.setAutocommit(true);
            ProgrammingException e = assertThrows(ProgrammingException.class, () -> cur.execute("SELECT 1"));
            assertTrue(e.getMessage().contains("outside of transactions"), e.getMessage());
            assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
        }
    }

    @Test
    void withHoldCursorWorksInAutocommit(TestDatabase db) {
        try (Connection conn = connect(db); ServerCursor<Row> cur = conn.cursor("auto_hold")) {
            conn.setAutocommit(true);
            cur.setWithhold(true);
            cur.execute("SELECT g FROM generate_series(1, 5) g");
            assertEquals(List.of(1, 2, 3, 4, 5), ints(cur.fetchall()));
            cur.close();
            assertNull(conn.execute("SELECT 1 FROM pg_cursors WHERE name = 'auto_hold'").fetchone());
        }
    }

    @Test
    void withHoldSurvivesCommit(TestDatabase db) {
        try (Connection conn = connect(db); ServerCursor<Row> cur = conn.cursor("held")) {
            cur.setWithhold(true);
            cur.execute("SELECT g FROM generate_series(1, 6) g");
            assertEquals(List.of(1, 2), ints(cur.fetchmany(2)));
            conn.commit();
            assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
            assertEquals(List.of(3, 4, 5, 6), ints(cur.fetchall()));
            conn.commit();
            cur.close();
            assertNull(conn.execute("SELECT 1 FROM pg_cursors WHERE name = 'held'").fetchone(), "CLOSE ran after the commit");
        }
    }

    @Test
    void commitEndsACursorWithoutHold(TestDatabase db) {
        try (Connection conn = connect(db); ServerCursor<Row> cur = conn.cursor("plain")) {
            cur.execute("SELECT g FROM generate_series(1, 6) g");
            cur.fetchone();
            conn.commit();
            ProgrammingException e = assertThrows(ProgrammingException.class, cur::fetchone);
            assertTrue(e.getMessage().contains("isn't valid anymore"), e.getMessage());
            assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus(), "no transaction was opened for the FETCH");
        }
    }

    @Test
    void rollbackClosesANonHoldableCursor(TestDatabase db) {
        try (Connection conn = connect(db); ServerCursor<Row> cur = conn.cursor("rolled")) {
            cur.execute("SELECT g FROM generate_series(1, 6) g");
            cur.fetchone();
            conn.rollback();
            assertThrows(ProgrammingException.class, cur::fetchone);
            assertNull(conn.execute("SELECT 1 FROM pg_cursors WHERE name = 'rolled'").fetchone());
            conn.rollback();
            cur.close(); // nothing to close on the server: no error
        }
    }

    @Test
    void rollbackOfTheDeclaringTransactionRemovesAHoldableCursor(TestDatabase db) {
        try (Connection conn = connect(db); ServerCursor<Row> cur = conn.cursor("held_rolled")) {
            cur.setWithhold(true);
            cur.execute("SELECT 1");
            conn.rollback();
            DatabaseException e = assertThrows(DatabaseException.class, cur::fetchone);
            assertEquals("34000", e.sqlstate(), "invalid_cursor_name: " + e.getMessage());
            conn.rollback();
        }
    }

    @Test
    void refcursorReturnedByAFunctionIsReadByName(TestDatabase db) {
        db.admin().execute("CREATE FUNCTION reffunc(refcursor) RETURNS refcursor AS $$"
                + " BEGIN OPEN $1 FOR SELECT g FROM generate_series(1, 250) g; RETURN $1; END; $$ LANGUAGE plpgsql");
        try (Connection conn = connect(db)) {
            Cursor<Row> cur1 = conn.cursor();
            assertEquals("Cur Name", cur1.execute("SELECT reffunc(%s::refcursor)::text", "Cur Name").fetchone().getString(0));
            try (ServerCursor<Row> cur2 = conn.cursor("Cur Name")) {
                assertEquals(1, cur2.fetchone().getInt(0));
                long n = 1;
                long sum = 1;
                for (Row r : cur2) {
                    n++;
                    sum += r.getInt(0);
                }
                assertEquals(250, n);
                assertEquals(250 * 251 / 2, sum);
            }
            assertNull(conn.execute("SELECT 1 FROM pg_cursors WHERE name = 'Cur Name'").fetchone(), "closed by name");
        }
    }

    @Test
    void executeTwiceIsRefusedAsInPsycopg2(TestDatabase db) {
        try (Connection conn = connect(db); ServerCursor<Row> cur = conn.cursor("once")) {
            cur.execute("SELECT 1");
            assertThrows(ProgrammingException.class, () -> cur.execute("SELECT 2"));
            assertThrows(ProgrammingException.class, () -> cur.executemany("SELECT %s", List.of(List.of(1))));
            assertThrows(ProgrammingException.class, () -> cur.stream("SELECT 1"));
            assertThrows(ProgrammingException.class, () -> cur.setWithhold(true));
        }
    }

    @Test
    void closedCursorRaisesInterfaceError(TestDatabase db) {
        try (Connection conn = connect(db)) {
            ServerCursor<Row> cur = conn.cursor("gone");
            cur.execute("SELECT 1");
            cur.close();
            assertTrue(cur.isClosed());
            assertThrows(InterfaceException.class, cur::fetchone);
            cur.close();
        }
    }

    @Test
    void errorInTheQueryIsRaisedByExecute(TestDatabase db) {
        try (Connection conn = connect(db); ServerCursor<Row> cur = conn.cursor("bad")) {
            DatabaseException e = assertThrows(DatabaseException.class, () -> cur.execute("SELECT * FROM no_such_table"));
            assertEquals("42P01", e.sqlstate());
            assertEquals(TransactionStatus.INERROR, conn.info().transactionStatus());
            cur.close(); // no CLOSE is sent into a failed transaction
            conn.rollback();
            assertEquals(1, conn.execute("SELECT 1").fetchone().getInt(0));
        }
    }

    @Test
    void binaryResultsLoadTheSameValues(TestDatabase db) {
        try (Connection conn = connect(db); ServerCursor<Row> cur = conn.cursor("bin")) {
            cur.setBinary(true);
            cur.execute("SELECT g, g::text, g % 2 = 0 FROM generate_series(1, 3) g");
            Row r = cur.fetchone();
            assertEquals(1, r.getInt(0));
            assertEquals("1", r.getString(1));
            assertFalse((Boolean) r.get(2));
            assertEquals(1, cur.description().get(0).format(), "binary");
        }
    }
}
