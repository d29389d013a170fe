package io.tusk.cursor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.ClientCursor;
import io.tusk.Column;
import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.RawCursor;
import io.tusk.TransactionStatus;
import io.tusk.Tusk;
import io.tusk.errors.DatabaseException;
import io.tusk.errors.InterfaceException;
import io.tusk.errors.ProgrammingException;
import io.tusk.rows.Row;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The examples of psycopg's "Basic module usage", in Java, against a real server. */
@PgTest
class CursorIT {
    private static Connection connect(TestDatabase db) {
        return Tusk.connect(db.conninfo(PgUsers.TRUST));
    }

    @Test
    void basicSessionInsertsAndReadsBack(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            cur.execute("CREATE TEMP TABLE test (id serial PRIMARY KEY, num integer, data varchar);");
            cur.execute("INSERT INTO test (num, data) VALUES (%s, %s)", 100, "abc'def");
            assertEquals(1, cur.rowcount());
            assertEquals("INSERT 0 1", cur.statusmessage());
            cur.execute("SELECT * FROM test;");
            Row row = cur.fetchone();
            assertEquals(List.of(1, 100, "abc'def"), List.of(row.getInt(0), row.getInt("num"), row.getString("data")));
            assertNull(cur.fetchone(), "one row only");
            conn.commit();
        }
    }

    @Test
    void oReillyIsPassedAsAValueNotAsSql(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            cur.execute("CREATE TEMP TABLE some_table (an_int int, a_date date, a_string text)");
            cur.execute("""
                    INSERT INTO some_table (an_int, a_date, a_string)
                        VALUES (%s, %s, %s);""", 10, "2005-11-18", "O'Reilly");
            Row r = cur.execute("SELECT an_int, a_date::text, a_string FROM some_table").fetchone();
            assertEquals(10, r.getInt(0));
            assertEquals("2005-11-18", r.getString(1));
            assertEquals("O'Reilly", r.getString(2));
        }
    }

    @Test
    void namedParametersCanBeUsedSeveralTimesInAnyOrder(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            cur.execute("CREATE TEMP TABLE some_table (an_int int, a_date date, another_date date, a_string text)");
            cur.execute("""
                    INSERT INTO some_table (an_int, a_date, another_date, a_string)
                        VALUES (%(int)s, %(date)s, %(date)s, %(str)s);""",
                    Map.of("int", 10, "str", "O'Reilly", "date", "2005-11-18"));
            Row r = cur.execute("SELECT an_int, a_date = another_date, another_date::text, a_string FROM some_table").fetchone();
            assertEquals(10, r.getInt(0));
            assertEquals(Boolean.TRUE, r.getBoolean(1));
            assertEquals("2005-11-18", r.getString(2));
            assertEquals("O'Reilly", r.getString(3));
        }
    }

    @Test
    void doublePercentIsALiteralPercentOnlyWhenThereAreParameters(TestDatabase db) {
        try (Connection conn = connect(db)) {
            assertEquals("100%", conn.execute("SELECT %s || '%%'", "100").fetchone().getString(0));
            assertEquals("100%", conn.execute("SELECT %(n)s || '%%'", Map.of("n", "100")).fetchone().getString(0));
            // Without parameters the query is sent as written, as psycopg 3 does.
            assertEquals("50%%", conn.execute("SELECT '50%%'").fetchone().getString(0));
            assertEquals("a%d", conn.execute("SELECT 'a%d'").fetchone().getString(0));
        }
    }

    @Test
    void parameterErrorsAreRaisedBeforeAnythingIsSent(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            List<Executable> wrong = List.of(
                    () -> cur.execute("INSERT INTO numbers VALUES (%d)", 42),
                    () -> cur.execute("SELECT %s, 100 %", 1),
                    () -> cur.execute("SELECT %s, %s", 1),
                    () -> cur.execute("SELECT %s", 1, 2),
                    () -> cur.execute("SELECT %s, %(a)s", 1),
                    () -> cur.execute("SELECT %(a)s, %(b)s", Map.of("a", 1)),
                    () -> cur.execute("SELECT %s", Map.of("a", 1)),
                    () -> cur.execute("SELECT %(a)s", 1),
                    () -> cur.execute("SELECT 1", 1));
            for (Executable e : wrong) {
                assertThrows(ProgrammingException.class, e);
                assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus(), "nothing was sent, not even BEGIN");
            }
            assertEquals(1, cur.execute("SELECT %s::int", 1).fetchone().getInt(0), "the cursor still works");
        }
    }

    @Test
    void aServerErrorWithParametersLeavesTheConnectionUsable(TestDatabase db) {
        try (Connection conn = connect(db)) {
            assertThrows(DatabaseException.class, () -> conn.execute("SELECT %s::int", "not a number"));
            assertEquals(TransactionStatus.INERROR, conn.info().transactionStatus());
            conn.rollback();
            assertEquals(2, conn.execute("SELECT %s::int + 1", 1).fetchone().getInt(0));
        }
    }

    @Test
    void theFirstStatementWithParametersOpensATransaction(TestDatabase db) {
        try (Connection conn = connect(db)) {
            conn.execute("SELECT %s", "x");
            assertEquals(TransactionStatus.INTRANS, conn.info().transactionStatus());
            conn.rollback();
            conn.setAutocommit(true);
            conn.execute("SELECT %s", "x");
            assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
        }
    }

    @Test
    void nullIsSentAsNull(TestDatabase db) {
        try (Connection conn = connect(db)) {
            Row r = conn.execute("SELECT %s::text IS NULL, %s::int", null, 5).fetchone();
            assertEquals(Boolean.TRUE, r.getBoolean(0));
            assertEquals(5, r.getInt(1));
        }
    }

    @Test
    void mogrifyShowsTheExactSqlOfAClientCursor(TestDatabase db) {
        try (Connection conn = connect(db); ClientCursor<Row> cur = conn.clientCursor()) {
            assertEquals("INSERT INTO authors (name) VALUES ('O''Reilly');",
                    cur.mogrify("INSERT INTO authors (name) VALUES (%s);", "O'Reilly"));
            assertEquals("SELECT NULL, 'a', 'a' LIKE 'a%'",
                    cur.mogrify("SELECT %(x)s, %(y)s, %(y)s LIKE 'a%%'", nullable("x", null, "y", "a")));
            assertEquals("SELECT '100%%'", cur.mogrify("SELECT '100%%'"), "without parameters the query is left alone");
            String sql = cur.mogrify("SELECT %s, %s", 10, "x");
            assertEquals(sql, cur.mogrify("SELECT %s, %s", 10, "x"));
            Row r = cur.execute("SELECT %s, %s", 10, "O'Reilly").fetchone();
            assertEquals(10, r.getInt(0));
            assertEquals("O'Reilly", r.getString(1));
        }
    }

    @Test
    void clientCursorQuotesCorrectlyWhateverStandardConformingStrings(TestDatabase db) {
        String tricky = "back\\slash 'quote' \\' end\\";
        for (String scs : List.of("on", "off")) {
            try (Connection conn = connect(db); ClientCursor<Row> cur = conn.clientCursor()) {
                conn.setAutocommit(true);
                cur.execute("SET standard_conforming_strings = " + scs);
                assertEquals(tricky, cur.execute("SELECT %s", tricky).fetchone().getString(0), "scs " + scs);
                assertEquals("O'Reilly", cur.execute("SELECT %s", "O'Reilly").fetchone().getString(0), "scs " + scs);
            }
        }
    }

    @Test
    void clientCursorRunsStatementsThatTakeNoServerParameters(TestDatabase db) {
        try (Connection conn = connect(db); ClientCursor<Row> cur = conn.clientCursor()) {
            cur.execute("SET application_name = %s", "client-cursor");
            assertEquals("client-cursor", cur.execute("SHOW application_name").fetchone().getString(0));
            cur.execute("SELECT %s; SELECT %s", 1, 2);
            assertEquals(1, cur.fetchone().getInt(0));
            assertTrue(cur.nextset());
            assertEquals(2, cur.fetchone().getInt(0));
        }
    }

    @Test
    void rawCursorTakesDollarPlaceholdersAsWritten(TestDatabase db) {
        try (Connection conn = connect(db); RawCursor<Row> cur = conn.rawCursor()) {
            Row r = cur.execute("SELECT $1::int + $1::int, 'a%'", 20).fetchone();
            assertEquals(40, r.getInt(0));
            assertEquals("a%", r.getString(1));
            assertThrows(ProgrammingException.class, () -> cur.execute("SELECT $1", Map.of("a", 1)));
        }
    }

    @Test
    void fetchOneManyAllAndIterate(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            cur.execute("SELECT generate_series(1, %s) AS n", 10);
            assertEquals(10, cur.rowcount());
            assertEquals(0, cur.rownumber());
            assertEquals(1, cur.fetchone().getInt("n"));
            assertEquals(List.of(2, 3, 4), ints(cur.fetchmany(3)));
            assertEquals(List.of(5), ints(cur.fetchmany()), "arraysize is 1 by default");
            cur.setArraysize(2);
            assertEquals(List.of(6, 7), ints(cur.fetchmany()));
            assertEquals(7, cur.rownumber());
            List<Integer> rest = new ArrayList<>();
            for (Row r : cur) {
                rest.add(r.getInt(0));
            }
            assertEquals(List.of(8, 9, 10), rest);
            assertEquals(List.of(), cur.fetchall());
            assertNull(cur.fetchone());
        }
    }

    @Test
    void scrollMovesRelativeAndAbsoluteWithinTheResult(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            cur.execute("SELECT generate_series(0, 9)");
            cur.scroll(3);
            assertEquals(3, cur.fetchone().getInt(0));
            cur.scroll(-2, "relative");
            assertEquals(2, cur.fetchone().getInt(0));
            cur.scroll(9, "absolute");
            assertEquals(9, cur.fetchone().getInt(0));
            cur.scroll(0, "absolute");
            assertThrows(IndexOutOfBoundsException.class, () -> cur.scroll(10, "absolute"));
            assertThrows(IndexOutOfBoundsException.class, () -> cur.scroll(-1));
            assertEquals(0, cur.rownumber(), "a failed scroll does not move");
            assertThrows(IllegalArgumentException.class, () -> cur.scroll(1, "sideways"));
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), ints(cur.fetchall()));
        }
    }

    @Test
    void descriptionShowsTypesWithTheirModifiers(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            cur.execute("CREATE TEMP TABLE d (price numeric(10,2), name varchar(20), qty int)");
            cur.execute("SELECT * FROM d WHERE qty = %s", 1);
            List<Column> d = cur.description();
            assertEquals(List.of("price", "name", "qty"), d.stream().map(Column::name).toList());
            Column price = d.get(0);
            assertEquals(1700, price.typeOid());
            assertEquals("numeric(10,2)", price.typeDisplay());
            assertEquals(10, price.precision());
            assertEquals(2, price.scale());
            assertNull(price.internalSize());
            Column name = d.get(1);
            assertEquals("varchar(20)", name.typeDisplay());
            assertEquals(20, name.displaySize());
            Column qty = d.get(2);
            assertEquals("int4", qty.typeDisplay());
            assertEquals(4, qty.internalSize());
            assertNull(qty.precision());
            assertNull(qty.nullOk());
            cur.execute("INSERT INTO d VALUES (1, 'a', 1)");
            assertNull(cur.description(), "a command returns no columns");
        }
    }

    @Test
    void fetchingFromACommandIsAProgrammingError(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            assertThrows(ProgrammingException.class, cur::fetchone, "nothing executed yet");
            cur.execute("CREATE TEMP TABLE t (x int)");
            ProgrammingException e = assertThrows(ProgrammingException.class, cur::fetchone);
            assertTrue(e.getMessage().contains("CREATE TABLE"), e.getMessage());
        }
    }

    @Test
    void aClosedCursorCannotBeUsed(TestDatabase db) {
        try (Connection conn = connect(db)) {
            Cursor<Row> cur = conn.execute("SELECT 1");
            cur.close();
            assertTrue(cur.isClosed());
            assertThrows(InterfaceException.class, cur::fetchone);
            assertThrows(InterfaceException.class, () -> cur.execute("SELECT %s", 1));
            assertThrows(InterfaceException.class, () -> cur.scroll(0));
        }
    }

    @Test
    void connectionExecuteReturnsTheCursor(TestDatabase db) {
        try (Connection conn = connect(db)) {
            Cursor<Row> cur = conn.execute("SELECT %(a)s::int * 2", Map.of("a", 21));
            assertEquals(42, cur.fetchone().getInt(0));
            Cursor<Row> same = conn.cursor();
            assertSame(same, same.execute("SELECT %s", 1));
        }
    }

    @Test
    void binaryCursorAsksForBinaryResults(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            cur.setBinary(true);
            assertTrue(cur.binary());
            cur.execute("SELECT %s::int AS n, %s::text AS s", 1, "x");
            assertEquals(List.of(1, 1), cur.description().stream().map(Column::format).toList());
            assertFalse(cur.fetchall().isEmpty());
        }
    }

    @Test
    void severalStatementsWithoutParametersGiveSeveralResults(TestDatabase db) {
        try (Connection conn = connect(db); Cursor<Row> cur = conn.cursor()) {
            cur.execute("SELECT 1; CREATE TEMP TABLE m (x int); SELECT 2, 3");
            assertEquals(1, cur.fetchone().getInt(0));
            assertTrue(cur.nextset());
            assertEquals("CREATE TABLE", cur.statusmessage());
            assertTrue(cur.nextset());
            Row r = cur.fetchone();
            assertEquals(List.of(2, 3), List.of(r.getInt(0), r.getInt(1)));
            assertFalse(cur.nextset());
        }
    }

    private static List<Integer> ints(List<Row> rows) {
        return rows.stream().map(r -> r.getInt(0)).toList();
    }

    private static Map<String, Object> nullable(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
