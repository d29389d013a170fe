package io.tusk.jdbc;

import static io.tusk.jdbc.StatementDrivers.failure;
import static io.tusk.jdbc.StatementDrivers.tusk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** setQueryTimeout and cancel() stop the statement on the server; the connection stays usable. */
@PgTest
class QueryTimeoutIT {

    @Test
    void aStatementOverItsTimeoutIsCanceledOnTheServer(TestDatabase db) throws Exception {
        try (Connection c = tusk(db); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            long start = System.nanoTime();
            SQLException e = failure(() -> s.execute("SELECT pg_sleep(20)"));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertInstanceOf(SQLTimeoutException.class, e);
            assertEquals("57014", e.getSQLState());
            assertTrue(millis >= 900 && millis < 10_000, "canceled after about a second, took " + millis + " ms");
            try (ResultSet rs = s.executeQuery("SELECT 7")) {
                rs.next();
                assertEquals(7, rs.getInt(1), "the connection runs the next statement");
            }
        }
    }

    @Test
    void aPreparedStatementWithinItsTimeoutRunsAndLeavesNoCancelBehind(TestDatabase db) throws Exception {
        try (Connection c = tusk(db); PreparedStatement ps = c.prepareStatement("SELECT pg_sleep(0.05), ?::int")) {
            ps.setQueryTimeout(1);
            for (int i = 0; i < 3; i++) {
                ps.setInt(1, i);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(i, rs.getInt(2));
                }
            }
            Thread.sleep(1200); // a timer left running would cancel the next statement
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_sleep(0.2), 1")) {
                rs.next();
                assertEquals(1, rs.getInt(2));
            }
        }
    }

    @Test
    void cancelFromAnotherThreadStopsTheRunningStatement(TestDatabase db) throws Exception {
        try (Connection c = tusk(db); Statement s = c.createStatement()) {
            CompletableFuture<SQLException> running = CompletableFuture.supplyAsync(() -> failure(() -> s.execute("SELECT pg_sleep(20)")));
            Thread.sleep(500);
            s.cancel();
            SQLException e = running.get(10, TimeUnit.SECONDS);
            assertEquals("57014", e.getSQLState());
            s.cancel(); // nothing running: nothing happens
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next());
            }
        }
    }
}
