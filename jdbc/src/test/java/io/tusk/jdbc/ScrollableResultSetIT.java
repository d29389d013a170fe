package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scroll-insensitive results move as pgjdbc's do; forward-only ones refuse to, with pgjdbc's error. */
@PgTest
class ScrollableResultSetIT {

    private static List<String> walk(Connection c) throws SQLException {
        List<String> seen = new ArrayList<>();
        try (Statement s = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
             ResultSet rs = s.executeQuery("SELECT n FROM generate_series(1, 5) AS n")) {
            seen.add("type " + rs.getType() + " before " + rs.isBeforeFirst());
            seen.add("last " + rs.last() + " " + rs.getInt(1) + " row " + rs.getRow() + " isLast " + rs.isLast());
            seen.add("previous " + rs.previous() + " " + rs.getInt(1));
            seen.add("absolute(-5) " + rs.absolute(-5) + " " + rs.getInt(1) + " isFirst " + rs.isFirst());
            seen.add("relative(2) " + rs.relative(2) + " " + rs.getInt(1));
            seen.add("absolute(9) " + rs.absolute(9) + " after " + rs.isAfterLast() + " row " + rs.getRow());
            seen.add("previous " + rs.previous() + " " + rs.getInt(1));
            rs.beforeFirst();
            seen.add("next " + rs.next() + " " + rs.getInt(1));
            rs.afterLast();
            seen.add("next after last " + rs.next());
            seen.add("first " + rs.first() + " " + rs.getInt(1));
            seen.add("relative(-1) " + rs.relative(-1) + " before " + rs.isBeforeFirst());
        }
        return seen;
    }

    @Test
    void movingAroundGivesPgjdbcsAnswers(TestDatabase db) throws Exception {
        try (Connection pg = ResultSetTesting.pgjdbc(db); Connection tusk = ResultSetTesting.tusk(db)) {
            assertEquals(walk(pg), walk(tusk));
        }
    }

    @Test
    void forwardOnlyRefusesToMoveBack(TestDatabase db) throws Exception {
        try (Connection c = ResultSetTesting.tusk(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 UNION ALL SELECT 2")) {
            assertTrue(rs.next());
            SQLException e = assertThrows(SQLException.class, rs::previous);
            assertEquals("Operation requires a scrollable ResultSet, but this ResultSet is FORWARD_ONLY.", e.getMessage());
            assertEquals("24000", e.getSQLState());
            assertTrue(rs.next());
            assertTrue(rs.isLast());
            assertFalse(rs.next());
        }
    }
}
