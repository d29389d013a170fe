package io.tusk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Admin helper does what its names say, against the real server. */
@PgTest
class AdminIT {

    @Test
    void createsAndDropsADatabase(PgServer pg) {
        Admin admin = pg.admin();
        String name = "tusk_admin_it_" + ProcessHandle.current().pid();
        admin.createDatabase(name);
        try {
            assertEquals("1", admin.queryScalar("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'"));
        } finally {
            admin.dropDatabase(name);
        }
        assertEquals("0", admin.queryScalar("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'"));
    }

    @Test
    void dropDatabaseEndsSessionsStillConnectedToIt(PgServer pg) throws SQLException {
        TestDatabase db = pg.newDatabase("busy");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(PgUsers.TRUST))) {
            pg.admin().dropDatabase(db.dbname());
            assertThrows(SQLException.class, () -> query(c, "SELECT 1"));
        }
    }

    @Test
    void terminateBackendEndsThatSession(TestDatabase db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(PgUsers.SCRAM))) {
            int pid = Integer.parseInt(query(c, "SELECT pg_backend_pid()"));
            assertTrue(db.admin().terminateBackend(pid));
            SQLException e = assertThrows(SQLException.class, () -> query(c, "SELECT 1"));
            // 57P01 admin_shutdown: "terminating connection due to administrator command"
            assertTrue(e.getSQLState().startsWith("57P01") || e.getSQLState().startsWith("08"), e::getSQLState);
        }
        assertFalse(db.admin().terminateBackend(999_999_999));
    }

    @Test
    void queryColumnReturnsEveryRowInOrder(Admin admin) {
        assertEquals(List.of("1", "2", "3"), admin.queryColumn("SELECT g FROM generate_series(1, 3) g ORDER BY g"));
        assertEquals(null, admin.queryScalar("SELECT NULL"));
    }

    @Test
    void executeRunsSeveralStatementsAndReportsTheSqlstateOfAFailure(TestDatabase db) {
        Admin admin = db.admin();
        admin.execute("CREATE TEMP TABLE a (x int); INSERT INTO a VALUES (1)");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> admin.execute("SELECT * FROM no_such_table"));
        assertTrue(e.getMessage().contains("42P01"), e::getMessage);
        assertEquals("42P01", ((SQLException) e.getCause()).getSQLState());
    }

    @Test
    void failuresDoNotShowStatementsThatCarryAPassword(Admin admin) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> admin.execute("ALTER ROLE no_such_role PASSWORD 'hunter2'"));
        assertFalse(e.getMessage().contains("hunter2"), e::getMessage);
    }

    @Test
    void logTailShowsTheServerLog(PgServer pg) {
        pg.assumeEmbedded("reads the embedded server's log file");
        assertTrue(pg.admin().logTail(1000).contains("database system is ready to accept connections"));
        assertEquals(2, pg.admin().logTail(2).lines().count());
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
