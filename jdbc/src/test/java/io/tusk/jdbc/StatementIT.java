package io.tusk.jdbc;

import static io.tusk.jdbc.StatementDrivers.both;
import static io.tusk.jdbc.StatementDrivers.failure;
import static io.tusk.jdbc.StatementDrivers.tusk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testkit.FreshDatabase;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** java.sql.Statement on Tusk: text SQL, several results, update counts, misuse; answers compared with pgjdbc. */
@PgTest
@FreshDatabase
class StatementIT {

    @Test
    void executeQueryReadsTheRows(TestDatabase db) throws Exception {
        try (Connection c = tusk(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT g, 'row ' || g FROM generate_series(1, 3) g")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getInt(1) + ":" + rs.getString(2));
            }
            assertEquals(List.of("1:row 1", "2:row 2", "3:row 3"), rows);
            assertSame(rs, s.getResultSet());
            assertEquals(-1, s.getUpdateCount());
        }
    }

    @Test
    void executeUpdateReturnsTheRowCountAndZeroForDdl(TestDatabase db) throws Exception {
        List<List<Integer>> answers = both(db, c -> {
            try (Statement s = c.createStatement()) {
                List<Integer> counts = new ArrayList<>();
                counts.add(s.executeUpdate("CREATE TEMP TABLE t (id int)"));
                counts.add(s.executeUpdate("INSERT INTO t SELECT generate_series(1, 5)"));
                counts.add(s.executeUpdate("UPDATE t SET id = id + 1 WHERE id > 2"));
                counts.add(s.executeUpdate("DELETE FROM t WHERE id = 1"));
                counts.add((int) s.executeLargeUpdate("DELETE FROM t"));
                return counts;
            }
        });
        assertEquals(List.of(0, 5, 3, 1, 4), answers.get(0));
        assertEquals(answers.get(1), answers.get(0));
    }

    @Test
    void executeQueryOnAStatementWithoutRowsFailsAsPgjdbc(TestDatabase db) throws Exception {
        List<String> answers = both(db, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE t (id int)");
                SQLException e = failure(() -> s.executeQuery("INSERT INTO t VALUES (1)"));
                return e.getSQLState() + " " + e.getMessage();
            }
        });
        assertEquals("02000 No results were returned by the query.", answers.get(0));
        assertEquals(answers.get(1), answers.get(0));
    }

    @Test
    void executeUpdateOnAQueryFailsWithPgjdbcsSqlState(TestDatabase db) throws Exception {
        List<String> answers = both(db, c -> {
            try (Statement s = c.createStatement()) {
                return failure(() -> s.executeUpdate("SELECT 1")).getSQLState();
            }
        });
        assertEquals(answers.get(1), answers.get(0));
    }

    @Test
    void severalStatementsInOneStringAreWalkedWithGetMoreResults(TestDatabase db) throws Exception {
        List<List<String>> answers = both(db, c -> {
            try (Statement s = c.createStatement()) {
                List<String> seen = new ArrayList<>();
                boolean isRs = s.execute("CREATE TEMP TABLE m (id int); INSERT INTO m VALUES (1), (2);"
                        + " SELECT id FROM m ORDER BY id; UPDATE m SET id = id * 10; SELECT 'last'");
                while (true) {
                    if (isRs) {
                        try (ResultSet rs = s.getResultSet()) {
                            StringBuilder b = new StringBuilder("rows");
                            while (rs.next()) {
                                b.append(' ').append(rs.getString(1));
                            }
                            seen.add(b.toString());
                        }
                    } else {
                        int n = s.getUpdateCount();
                        if (n == -1) {
                            break;
                        }
                        seen.add("count " + n);
                    }
                    isRs = s.getMoreResults();
                }
                seen.add("after " + s.getUpdateCount() + " " + s.getResultSet());
                return seen;
            }
        });
        assertEquals(List.of("count 0", "count 2", "rows 1 2", "count 2", "rows last", "after -1 null"), answers.get(0));
        assertEquals(answers.get(1), answers.get(0));
    }

    @Test
    void questionMarksInAStatementAreNotPlaceholders(TestDatabase db) throws Exception {
        List<String> answers = both(db, c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT '{\"a\": 1}'::jsonb ? 'a', '?'")) {
                rs.next();
                return rs.getObject(1) + " " + rs.getString(2);
            }
        });
        assertEquals(answers.get(1), answers.get(0));
    }

    @Test
    void escapesAreTranslatedUnlessSwitchedOff(TestDatabase db) throws Exception {
        List<String> answers = both(db, c -> {
            try (Statement s = c.createStatement()) {
                String a;
                try (ResultSet rs = s.executeQuery("SELECT {fn ucase('x')}, {d '2024-01-02'}")) {
                    rs.next();
                    a = rs.getString(1) + " " + rs.getString(2);
                }
                s.setEscapeProcessing(false);
                return a + " " + failure(() -> s.executeQuery("SELECT {fn ucase('x')}")).getSQLState();
            }
        });
        assertEquals("X 2024-01-02 42601", answers.get(0));
        assertEquals(answers.get(1), answers.get(0));
    }

    @Test
    void aClosedStatementRefusesEverythingWithSqlState55000(TestDatabase db) throws Exception {
        try (Connection c = tusk(db)) {
            Statement s = c.createStatement();
            s.close();
            s.close(); // again: nothing happens
            assertTrue(s.isClosed());
            SQLException e = failure(() -> s.executeQuery("SELECT 1"));
            assertEquals("55000", e.getSQLState());
            assertEquals("This statement has been closed.", e.getMessage());
            assertEquals("55000", failure(() -> s.getResultSet()).getSQLState());
            assertEquals("55000", failure(() -> s.setFetchSize(10)).getSQLState());
        }
    }

    @Test
    void closingTheStatementClosesItsResultAndANewExecutionReplacesIt(TestDatabase db) throws Exception {
        try (Connection c = tusk(db); Statement s = c.createStatement()) {
            ResultSet first = s.executeQuery("SELECT generate_series(1, 3)");
            assertTrue(first.next());
            ResultSet second = s.executeQuery("SELECT 42");
            assertTrue(second.next());
            assertEquals(42, second.getInt(1));
            assertTrue(first.isClosed(), "the first result was closed by the second execution");
            assertEquals("55000", failure(first::next).getSQLState());
            s.close();
            assertTrue(second.isClosed(), "closing the statement closed its result");
        }
    }

    @Test
    void closeOnCompletionClosesTheStatementWithItsResult(TestDatabase db) throws Exception {
        try (Connection c = tusk(db)) {
            Statement s = c.createStatement();
            s.closeOnCompletion();
            assertTrue(s.isCloseOnCompletion());
            ResultSet rs = s.executeQuery("SELECT 1");
            assertFalse(s.isClosed());
            rs.close();
            assertTrue(s.isClosed());
        }
    }

    @Test
    void maxRowsCutsTheResult(TestDatabase db) throws Exception {
        List<Integer> answers = both(db, c -> {
            try (Statement s = c.createStatement()) {
                s.setMaxRows(2);
                try (ResultSet rs = s.executeQuery("SELECT generate_series(1, 5)")) {
                    int n = 0;
                    while (rs.next()) {
                        n++;
                    }
                    return n * 100 + s.getMaxRows();
                }
            }
        });
        assertEquals(202, answers.get(0));
        assertEquals(answers.get(1), answers.get(0));
    }

    @Test
    void noticesBecomeWarningsOfTheStatement(TestDatabase db) throws Exception {
        try (Connection c = tusk(db); Statement s = c.createStatement()) {
            assertNull(s.getWarnings());
            s.execute("DO $$ BEGIN RAISE NOTICE 'first'; RAISE WARNING 'second'; END $$");
            SQLWarning w = s.getWarnings();
            assertEquals("first", w.getMessage());
            assertEquals("00000", w.getSQLState());
            assertEquals("second", w.getNextWarning().getMessage());
            assertEquals("01000", w.getNextWarning().getSQLState());
            try (Statement other = c.createStatement()) {
                other.execute("SELECT 1");
                assertNull(other.getWarnings(), "notices go to the statement that ran");
            }
            s.clearWarnings();
            assertNull(s.getWarnings());
        }
    }

    @Test
    void settingsAndTheirBadValuesAnswerAsPgjdbc(TestDatabase db) throws Exception {
        List<String> answers = both(db, c -> {
            try (Statement s = c.createStatement()) {
                return s.getResultSetType() + " " + s.getResultSetConcurrency()
                        + " " + s.getFetchSize() + " " + s.getMaxRows() + " " + s.getQueryTimeout() + " " + s.isPoolable()
                        + " " + failure(() -> s.setFetchSize(-1)).getSQLState()
                        + " " + failure(() -> s.setMaxRows(-1)).getSQLState()
                        + " " + failure(() -> s.setQueryTimeout(-1)).getSQLState()
                        + " " + (s.getConnection() == c) + " " + s.isWrapperFor(Statement.class)
                        + " " + (s.unwrap(Statement.class) == s);
            }
        });
        assertEquals(answers.get(1), answers.get(0));
    }
}
