package io.tusk.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Moving through results, forward-only and scroll-insensitive, over rows made in memory. */
class ScrollableResultSetTest {

    private static JdbcResultSet result(int type, int rows) throws SQLException {
        List<List<Object>> data = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            data.add(Arrays.asList(i, i % 2 == 0 ? null : "row " + i));
        }
        return new JdbcResultSet(null, ListRows.ofValues(List.of(ListRows.column("n", PgTypes.INT4), ListRows.column("Label", PgTypes.TEXT)),
                data), type, ResultSet.CONCUR_READ_ONLY);
    }

    @Test
    void scrollInsensitiveMovesEveryWayJdbcDescribes() throws Exception {
        try (JdbcResultSet rs = result(ResultSet.TYPE_SCROLL_INSENSITIVE, 5)) {
            assertTrue(rs.isBeforeFirst());
            assertEquals(0, rs.getRow());
            assertTrue(rs.last());
            assertEquals(5, rs.getInt(1));
            assertTrue(rs.isLast());
            assertEquals(5, rs.getRow());
            assertTrue(rs.previous());
            assertEquals(4, rs.getInt(1));
            assertTrue(rs.first());
            assertTrue(rs.isFirst());
            assertTrue(rs.absolute(-2));
            assertEquals(4, rs.getInt(1));
            assertTrue(rs.relative(-3));
            assertEquals(1, rs.getInt(1));
            assertFalse(rs.relative(-1));
            assertTrue(rs.isBeforeFirst());
            assertFalse(rs.absolute(6));
            assertTrue(rs.isAfterLast());
            assertEquals(0, rs.getRow());
            assertFalse(rs.next());
            assertTrue(rs.previous());
            assertEquals(5, rs.getInt("N"));
            rs.beforeFirst();
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
            rs.afterLast();
            assertTrue(rs.isAfterLast());
            assertFalse(rs.absolute(0));
            assertTrue(rs.isBeforeFirst());
            assertEquals(ResultSet.TYPE_SCROLL_INSENSITIVE, rs.getType());
        }
    }

    @Test
    void anEmptyResultIsNeitherBeforeFirstNorAfterLast() throws Exception {
        try (JdbcResultSet rs = result(ResultSet.TYPE_SCROLL_INSENSITIVE, 0)) {
            assertFalse(rs.isBeforeFirst());
            assertFalse(rs.first());
            assertFalse(rs.last());
            assertFalse(rs.isAfterLast());
        }
        try (JdbcResultSet rs = result(ResultSet.TYPE_FORWARD_ONLY, 0)) {
            assertFalse(rs.isBeforeFirst());
            assertFalse(rs.next());
            assertFalse(rs.isAfterLast());
        }
    }

    @Test
    void forwardOnlyRefusesScrollingWithPgjdbcsMessage() throws Exception {
        try (JdbcResultSet rs = result(ResultSet.TYPE_FORWARD_ONLY, 3)) {
            for (ThrowingCall call : new ThrowingCall[] {rs::previous, rs::first, rs::last, () -> rs.absolute(1),
                () -> rs.relative(1), () -> { rs.beforeFirst(); return true; }, () -> { rs.afterLast(); return true; }}) {
                SQLException e = assertThrows(SQLException.class, call::call);
                assertEquals("24000", e.getSQLState());
                assertEquals("Operation requires a scrollable ResultSet, but this ResultSet is FORWARD_ONLY.", e.getMessage());
            }
            assertTrue(rs.isBeforeFirst());
            assertTrue(rs.next());
            assertTrue(rs.isFirst());
            assertFalse(rs.isLast());
            assertTrue(rs.next());
            assertTrue(rs.next());
            assertTrue(rs.isLast());
            assertEquals(3, rs.getRow());
            assertFalse(rs.next());
            assertTrue(rs.isAfterLast());
            assertFalse(rs.next());
        }
    }

    interface ThrowingCall {
        boolean call() throws SQLException;
    }

    @Test
    void gettersNeedARowAndAColumnThatExists() throws Exception {
        try (JdbcResultSet rs = result(ResultSet.TYPE_FORWARD_ONLY, 2)) {
            SQLException before = assertThrows(SQLException.class, () -> rs.getInt(1));
            assertEquals("24000", before.getSQLState());
            rs.next();
            SQLException range = assertThrows(SQLException.class, () -> rs.getInt(3));
            assertEquals("22023", range.getSQLState());
            assertEquals("The column index is out of range: 3, number of columns: 2.", range.getMessage());
            SQLException label = assertThrows(SQLException.class, () -> rs.getInt("nope"));
            assertEquals("42703", label.getSQLState());
            assertEquals("row 1", rs.getString("label"));
            assertEquals(2, rs.findColumn("LABEL"));
            rs.next();
            assertNull(rs.getString(2));
            assertTrue(rs.wasNull());
            assertEquals(0, rs.getInt("Label"));
            assertTrue(rs.wasNull());
            assertEquals(2, rs.getInt(1));
            assertFalse(rs.wasNull());
        }
    }

    @Test
    void aClosedResultRefusesEverythingButCloseAndIsClosed() throws Exception {
        JdbcResultSet rs = result(ResultSet.TYPE_SCROLL_INSENSITIVE, 2);
        rs.next();
        rs.close();
        rs.close();
        assertTrue(rs.isClosed());
        for (ThrowingCall call : new ThrowingCall[] {rs::next, () -> rs.getInt(1) == 0, () -> rs.getString("n") == null,
            () -> rs.getMetaData() == null, rs::wasNull, rs::first, () -> rs.getType() == 0}) {
            SQLException e = assertThrows(SQLException.class, call::call);
            assertEquals("55000", e.getSQLState());
            assertEquals("This ResultSet is closed.", e.getMessage());
        }
    }

    @Test
    void updatableIsRefusedWithAWarningAndUpdatesWithFeatureNotSupported() throws Exception {
        try (JdbcResultSet rs = new JdbcResultSet(null, ListRows.ofValues(List.of(ListRows.column("n", PgTypes.INT4)),
                List.of(List.of(1))), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE)) {
            assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
            assertTrue(rs.getWarnings().getMessage().contains("CONCUR_UPDATABLE is not supported"));
            rs.next();
            SQLFeatureNotSupportedException e = assertThrows(SQLFeatureNotSupportedException.class, () -> rs.updateInt(1, 2));
            assertEquals("0A000", e.getSQLState());
            assertThrows(SQLFeatureNotSupportedException.class, rs::insertRow);
            assertFalse(rs.rowUpdated());
            rs.clearWarnings();
            assertNull(rs.getWarnings());
        }
    }

    @Test
    void fetchSizeAndDirectionAreKept() throws Exception {
        try (JdbcResultSet rs = result(ResultSet.TYPE_FORWARD_ONLY, 1)) {
            rs.setFetchSize(50);
            assertEquals(50, rs.getFetchSize());
            assertEquals("22023", assertThrows(SQLException.class, () -> rs.setFetchSize(-1)).getSQLState());
            assertEquals("24000", assertThrows(SQLException.class, () -> rs.setFetchDirection(ResultSet.FETCH_REVERSE)).getSQLState());
            assertTrue(rs.isWrapperFor(ResultSet.class));
            assertEquals(rs, rs.unwrap(JdbcResultSet.class));
            assertThrows(SQLException.class, () -> rs.unwrap(String.class));
        }
    }
}
