package io.tusk.jdbc;

import static io.tusk.jdbc.StatementDrivers.both;
import static io.tusk.jdbc.StatementDrivers.failure;
import static io.tusk.jdbc.StatementDrivers.tusk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.tusk.testkit.FreshDatabase;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** addBatch/executeBatch for Statement and PreparedStatement: counts, what landed, failures; as pgjdbc. */
@PgTest
@FreshDatabase
class BatchIT {

    private static String table(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT coalesce(string_agg(id::text, ',' ORDER BY id), '') FROM " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aStatementBatchRunsEveryTextAndCountsEach(TestDatabase db) throws Exception {
        List<String> answers = both(db, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE b (id int PRIMARY KEY)");
                s.addBatch("INSERT INTO b VALUES (1), (2)");
                s.addBatch("INSERT INTO b VALUES (3)");
                s.addBatch("UPDATE b SET id = id + 10 WHERE id > 1");
                s.addBatch("CREATE INDEX ON b (id)");
                String counts = Arrays.toString(s.executeBatch());
                String empty = Arrays.toString(s.executeBatch());
                return counts + " " + empty + " " + table(c, "b");
            }
        });
        assertEquals("[2, 1, 2, 0] [] 1,12,13", answers.get(0));
        assertEquals(answers.get(1), answers.get(0));
    }

    @Test
    void aFailingStatementBatchKeepsNothingInAutocommit(TestDatabase db) throws Exception {
        List<String> answers = both(db, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE b (id int PRIMARY KEY)");
                s.addBatch("INSERT INTO b VALUES (1)");
                s.addBatch("INSERT INTO b VALUES (1)");
                s.addBatch("INSERT INTO b VALUES (3)");
                SQLException e = failure(s::executeBatch);
                BatchUpdateException b = assertInstanceOf(BatchUpdateException.class, e);
                return b.getSQLState() + " " + Arrays.toString(b.getUpdateCounts()) + " "
                        + b.getNextException().getSQLState() + " [" + table(c, "b") + "]";
            }
        });
        assertEquals(answers.get(1), answers.get(0));
        assertEquals("23505", answers.get(0).substring(0, 5));
    }

    @Test
    void aFailingStatementBatchInATransactionCountsTheEntriesBeforeTheFailure(TestDatabase db) throws Exception {
        List<String> answers = both(db, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE b (id int PRIMARY KEY)");
                c.setAutoCommit(false);
                s.addBatch("INSERT INTO b VALUES (1)");
                s.addBatch("INSERT INTO b VALUES (1)");
                s.addBatch("INSERT INTO b VALUES (3)");
                BatchUpdateException b = assertInstanceOf(BatchUpdateException.class, failure(s::executeBatch));
                c.rollback();
                c.setAutoCommit(true);
                return b.getSQLState() + " " + Arrays.toString(b.getUpdateCounts());
            }
        });
        assertEquals(answers.get(1), answers.get(0));
    }

    @Test
    void aPreparedBatchReturnsACountPerRow(TestDatabase db) throws Exception {
        List<String> answers = both(db, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE b (id int PRIMARY KEY, v text)");
                s.execute("INSERT INTO b SELECT g, 'old' FROM generate_series(1, 6) g");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE b SET v = ? WHERE id <= ?")) {
                for (int i = 0; i < 4; i++) {
                    ps.setString(1, "new");
                    ps.setInt(2, i);
                    ps.addBatch();
                }
                return Arrays.toString(ps.executeBatch()) + " " + Arrays.toString(ps.executeBatch());
            }
        });
        assertEquals("[0, 1, 2, 3] []", answers.get(0));
        assertEquals(answers.get(1), answers.get(0));
    }

    @Test
    void aPreparedInsertBatchLandsEveryRowWithOrWithoutRewriting(TestDatabase db) throws Exception {
        for (boolean rewrite : new boolean[] {false, true}) {
            try (Connection c = tusk(db); Statement s = c.createStatement()) {
                c.unwrap(io.tusk.Connection.class).setRewriteBatchedInserts(rewrite);
                s.execute("CREATE TEMP TABLE b (id int PRIMARY KEY, v text)");
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO b (id, v) VALUES (?, ?)")) {
                    for (int i = 1; i <= 300; i++) {
                        ps.setInt(1, i);
                        ps.setString(2, "100%");
                        ps.addBatch();
                    }
                    int[] counts = ps.executeBatch();
                    assertEquals(300, counts.length);
                    assertEquals(rewrite ? Statement.SUCCESS_NO_INFO : 1, counts[299], "rewrite " + rewrite);
                }
                try (ResultSet rs = s.executeQuery("SELECT count(*), sum(id), min(v) FROM b")) {
                    rs.next();
                    assertEquals("300 45150 100%", rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
        }
    }

    @Test
    void aFailingPreparedBatchRaisesBatchUpdateExceptionAndKeepsNothing(TestDatabase db) throws Exception {
        List<String> answers = both(db, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE b (id int PRIMARY KEY)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO b VALUES (?)")) {
                for (int id : new int[] {1, 2, 2, 3}) {
                    ps.setInt(1, id);
                    ps.addBatch();
                }
                BatchUpdateException b = assertInstanceOf(BatchUpdateException.class, failure(ps::executeBatch));
                return b.getSQLState() + " " + b.getUpdateCounts().length + " [" + table(c, "b") + "]";
            }
        });
        assertEquals("23505", answers.get(0).substring(0, 5));
        assertEquals(answers.get(1), answers.get(0));
    }

    @Test
    void aPreparedStatementRefusesTheStatementMethodsThatTakeSql(TestDatabase db) throws Exception {
        List<String> answers = both(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1")) {
                return failure(() -> ps.addBatch("SELECT 2")).getSQLState() + " "
                        + failure(() -> ps.executeQuery("SELECT 2")).getSQLState();
            }
        });
        assertEquals(answers.get(1), answers.get(0));
    }

    @Test
    void aQueryInABatchCountsZeroAsInPgjdbc(TestDatabase db) throws Exception {
        List<String> answers = both(db, c -> {
            try (Statement s = c.createStatement()) {
                s.addBatch("SELECT 1");
                s.addBatch("SELECT 1 WHERE false");
                return Arrays.toString(s.executeBatch());
            }
        });
        assertEquals("[0, 0]", answers.get(0));
        assertEquals(answers.get(1), answers.get(0));
    }
}
