package io.tusk.jdbc;

import static io.tusk.jdbc.StatementDrivers.both;
import static io.tusk.jdbc.StatementDrivers.failure;
import static io.tusk.jdbc.StatementDrivers.tusk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.jdbc.internal.JdbcPreparedStatement;
import io.tusk.testkit.FreshDatabase;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generated keys through RETURNING, as pgjdbc gets them. */
@PgTest
@FreshDatabase
class GeneratedKeysIT {

    private static String keys(ResultSet rs) throws java.sql.SQLException {
        List<String> out = new ArrayList<>();
        while (rs.next()) {
            out.add(rs.getString(1));
        }
        return String.join(",", out);
    }

    @Test
    void returnGeneratedKeysGivesEveryColumnOfTheInsertedRows(TestDatabase db) throws Exception {
        List<String> answers = both(db, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE k (id serial PRIMARY KEY, name text DEFAULT 'x')");
                int n = s.executeUpdate("INSERT INTO k (name) VALUES ('a'), ('b')", Statement.RETURN_GENERATED_KEYS);
                String all = keys(s.getGeneratedKeys());
                boolean isRs = s.execute("UPDATE k SET name = 'c' WHERE id = 2;", new String[] {"name"});
                return n + " " + all + " " + isRs + " " + s.getUpdateCount() + " " + keys(s.getGeneratedKeys());
            }
        });
        assertEquals("2 1,2 false 1 c", answers.get(0));
        assertEquals(answers.get(1), answers.get(0));
    }

    @Test
    void withoutKeysAskedForGeneratedKeysIsEmpty(TestDatabase db) throws Exception {
        try (Connection c = tusk(db); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE k (id serial)");
            s.executeUpdate("INSERT INTO k DEFAULT VALUES");
            assertFalse(s.getGeneratedKeys().next());
            s.executeUpdate("INSERT INTO k DEFAULT VALUES", Statement.NO_GENERATED_KEYS);
            assertFalse(s.getGeneratedKeys().next());
        }
    }

    @Test
    void keysByColumnIndexAreRefusedAsByPgjdbc(TestDatabase db) throws Exception {
        List<String> answers = both(db, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE k (id serial)");
                return failure(() -> s.executeUpdate("INSERT INTO k DEFAULT VALUES", new int[] {1})).getSQLState();
            }
        });
        assertEquals("0A000", answers.get(0));
        try (Connection c = tusk(db); Statement s = c.createStatement()) {
            assertInstanceOf(SQLFeatureNotSupportedException.class, failure(() -> s.execute("SELECT 1", new int[] {1})));
        }
        assertEquals(answers.get(1), answers.get(0));
    }

    @Test
    void aPreparedStatementAskedForKeysReturnsThemAtEachExecutionAndInABatch(TestDatabase db) throws Exception {
        try (Connection c = tusk(db); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE k (id serial PRIMARY KEY, name text)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO k (name) VALUES (?)")) {
                ps.unwrap(JdbcPreparedStatement.class).requestGeneratedKeys(new String[] {"id"});
                ps.setString(1, "a");
                assertEquals(1, ps.executeUpdate());
                assertEquals("1", keys(ps.getGeneratedKeys()));
                ps.setString(1, "b");
                ps.addBatch();
                ps.setString(1, "c");
                ps.addBatch();
                int[] counts = ps.executeBatch();
                assertEquals(List.of(1, 1), List.of(counts[0], counts[1]));
                assertEquals("2,3", keys(ps.getGeneratedKeys()));
            }
            try (ResultSet rs = s.executeQuery("SELECT string_agg(name, '' ORDER BY id) FROM k")) {
                assertTrue(rs.next());
                assertEquals("abc", rs.getString(1));
            }
        }
    }

    @Test
    void aStatementThatIsNotDmlRunsUnchangedWhenKeysAreAsked(TestDatabase db) throws Exception {
        try (Connection c = tusk(db); Statement s = c.createStatement()) {
            assertTrue(s.execute("SELECT 5", Statement.RETURN_GENERATED_KEYS));
            ResultSet rs = s.getResultSet();
            assertTrue(rs.next());
            assertEquals(5, rs.getInt(1));
            assertInstanceOf(ResultSet.class, s.getGeneratedKeys());
        }
    }
}
