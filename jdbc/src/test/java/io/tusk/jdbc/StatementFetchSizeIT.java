package io.tusk.jdbc;

import static io.tusk.jdbc.StatementDrivers.tusk;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** setFetchSize in a transaction reads the result from a server-side cursor a batch at a time; in autocommit all at once. */
@PgTest
class StatementFetchSizeIT {

    private static long openCursors(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_cursors")) {
            rs.next();
            return Long.parseLong(rs.getString(1));
        }
    }

    @Test
    void inATransactionTheRowsComeInBatchesAndOtherStatementsMayRunMeanwhile(TestDatabase db) throws Exception {
        try (Connection c = tusk(db)) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT g FROM generate_series(1, ?) g")) {
                ps.setFetchSize(10);
                ps.setInt(1, 95);
                long sum = 0;
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sum += rs.getInt(1);
                        if (++n == 50) {
                            assertEquals(1, openCursors(c), "the result is a cursor on the server");
                        }
                    }
                }
                assertEquals(95, n);
                assertEquals(95 * 96 / 2, sum);
                assertEquals(0, openCursors(c), "closing the result closed the cursor");
            }
            c.commit();
        }
    }

    @Test
    void maxRowsAppliesToABatchedResult(TestDatabase db) throws Exception {
        try (Connection c = tusk(db); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.setFetchSize(3);
            s.setMaxRows(7);
            int n = 0;
            try (ResultSet rs = s.executeQuery("SELECT generate_series(1, 100)")) {
                while (rs.next()) {
                    n++;
                }
            }
            assertEquals(7, n);
            c.rollback();
        }
    }

    @Test
    void inAutocommitModeTheWholeResultIsReadAsPgjdbcDoes(TestDatabase db) throws Exception {
        try (Connection c = tusk(db); Statement s = c.createStatement()) {
            s.setFetchSize(10);
            assertEquals(10, s.getFetchSize());
            try (ResultSet rs = s.executeQuery("SELECT generate_series(1, 25)")) {
                assertEquals(0, openCursors(c));
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                assertEquals(25, n);
            }
        }
    }
}
