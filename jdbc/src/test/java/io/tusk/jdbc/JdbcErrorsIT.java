package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.QueryCanceledException;
import io.tusk.errors.TuskException;
import io.tusk.errors.UniqueViolation;
import io.tusk.jdbc.internal.JdbcErrors;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Server errors reach JDBC code as the SQLException subclass of their SQLSTATE class, with pgjdbc's SQLSTATE. */
@PgTest
class JdbcErrorsIT {
    private TestDatabase db;

    @BeforeEach
    void setUp(TestDatabase db) {
        this.db = db;
        db.admin().execute("CREATE TABLE IF NOT EXISTS errors_it (id int PRIMARY KEY)");
        db.admin().execute("GRANT ALL ON errors_it TO PUBLIC");
        db.admin().execute("CREATE OR REPLACE FUNCTION errors_it_raise(code text) RETURNS int LANGUAGE plpgsql AS"
                + " $$ BEGIN RAISE EXCEPTION 'raised %', code USING ERRCODE = code; END $$");
    }

    private SQLException fail(String driver, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(JdbcConnectionIT.url(db, driver));
             Statement s = c.createStatement()) {
            return assertThrows(SQLException.class, () -> {
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                }
            });
        }
    }

    @ParameterizedTest
    @CsvSource({
        "0A000, java.sql.SQLFeatureNotSupportedException",
        "08006, java.sql.SQLTransientConnectionException",
        "08P01, java.sql.SQLNonTransientConnectionException",
        "22012, java.sql.SQLDataException",
        "23505, java.sql.SQLIntegrityConstraintViolationException",
        "28000, java.sql.SQLInvalidAuthorizationSpecException",
        "40001, java.sql.SQLTransactionRollbackException",
        "40P01, java.sql.SQLTransactionRollbackException",
        "42501, java.sql.SQLSyntaxErrorException",
        "53300, java.sql.SQLTransientConnectionException",
        "P0001, java.sql.SQLException",
    })
    void eachSqlstateClassHasItsSubclass(String code, Class<?> expected) throws SQLException {
        SQLException e = fail("tusk", "SELECT errors_it_raise('" + code + "')");
        assertEquals(expected, e.getClass());
        assertEquals(code, e.getSQLState());
        assertTrue(e.getMessage().contains("raised " + code), e.getMessage());
        assertInstanceOf(TuskException.class, e.getCause());
        assertEquals(code, fail("postgresql", "SELECT errors_it_raise('" + code + "')").getSQLState(), "pgjdbc agrees");
    }

    @Test
    void uniqueViolationCarriesTheTuskExceptionAndItsDiagnostic() throws SQLException {
        db.admin().execute("TRUNCATE errors_it");
        db.admin().execute("INSERT INTO errors_it VALUES (1)");
        SQLException e = fail("tusk", "INSERT INTO errors_it VALUES (1) RETURNING id");
        assertInstanceOf(SQLIntegrityConstraintViolationException.class, e);
        assertEquals("23505", e.getSQLState());
        UniqueViolation cause = assertInstanceOf(UniqueViolation.class, e.getCause());
        assertEquals("errors_it_pkey", cause.diag().constraintName());
        assertEquals("errors_it", cause.diag().tableName());
        assertEquals(e.getSQLState(), fail("postgresql", "INSERT INTO errors_it VALUES (1) RETURNING id").getSQLState());
    }

    @Test
    void commonMistakes() throws SQLException {
        assertInstanceOf(SQLDataException.class, fail("tusk", "SELECT 1/0"));
        assertInstanceOf(SQLDataException.class, fail("tusk", "SELECT 'x'::int"));
        SQLException syntax = fail("tusk", "SELEC 1");
        assertInstanceOf(SQLSyntaxErrorException.class, syntax);
        assertEquals("42601", syntax.getSQLState());
        SQLException table = fail("tusk", "SELECT * FROM no_such_table_here");
        assertInstanceOf(SQLSyntaxErrorException.class, table);
        assertEquals("42P01", table.getSQLState());
        assertEquals("42P01", fail("postgresql", "SELECT * FROM no_such_table_here").getSQLState());
    }

    @Test
    void wrongPasswordIsAnAuthorizationError() {
        String url = JdbcConnectionIT.url(db, "tusk").replace("user=" + PgUsers.TRUST, "user=" + PgUsers.SCRAM)
                + "&password=wrong";
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));
        assertInstanceOf(SQLInvalidAuthorizationSpecException.class, e);
        assertEquals("28P01", e.getSQLState());
        assertFalse(e.getMessage().contains("wrong"), e.getMessage());
        SQLException pg = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(url.replace("jdbc:tusk:", "jdbc:postgresql:")));
        assertEquals("28P01", pg.getSQLState());
    }

    @Test
    void unknownDatabaseKeepsTheServersSqlstate() {
        String url = JdbcConnectionIT.url(db, "tusk").replace("/" + db.dbname() + "?", "/no_such_db_conn_it?");
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));
        assertEquals("3D000", e.getSQLState());
        assertEquals("3D000", assertThrows(SQLException.class,
                () -> DriverManager.getConnection(url.replace("jdbc:tusk:", "jdbc:postgresql:"))).getSQLState());
    }

    @Test
    void nothingListeningIsATransientConnectionError() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "jdbc:tusk://127.0.0.1:" + port + "/x?user=x&sslmode=disable";
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));
        assertInstanceOf(SQLTransientConnectionException.class, e);
        assertEquals("08001", e.getSQLState());
        assertEquals("08001", assertThrows(SQLException.class,
                () -> DriverManager.getConnection(url.replace("jdbc:tusk:", "jdbc:postgresql:"))).getSQLState());
    }

    @Test
    void aTerminatedSessionIsAConnectionError() throws SQLException {
        try (Connection c = DriverManager.getConnection(JdbcConnectionIT.url(db, "tusk"))) {
            db.admin().terminateBackend(c.unwrap(io.tusk.Connection.class).info().backendPid());
            SQLException e = assertThrows(SQLException.class, () -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                    rs.next();
                }
            });
            assertInstanceOf(SQLTransientConnectionException.class, e, e.getSQLState() + " " + e.getMessage());
            assertTrue(e.getSQLState().startsWith("08") || e.getSQLState().equals("57P01"), e.getSQLState());
            assertTrue(c.isClosed());
        }
    }

    @Test
    void aCanceledStatementIsATimeoutOnlyWhenTheQueryTimeoutCanceledIt() throws SQLException {
        try (Connection c = DriverManager.getConnection(JdbcConnectionIT.url(db, "tusk"))) {
            io.tusk.Connection nat = c.unwrap(io.tusk.Connection.class);
            nat.execute("SET statement_timeout = 50").close();
            QueryCanceledException canceled = assertThrows(QueryCanceledException.class,
                    () -> nat.execute("SELECT pg_sleep(5)"));
            SQLException plain = JdbcErrors.translate(canceled);
            assertEquals("57014", plain.getSQLState());
            assertFalse(plain instanceof SQLTimeoutException);
            SQLException timeout = JdbcErrors.translateTimeout(canceled);
            assertInstanceOf(SQLTimeoutException.class, timeout);
            assertEquals("57014", timeout.getSQLState());
        }
    }

    @Test
    void aClosedConnectionIsNonTransient() throws SQLException {
        Connection c = DriverManager.getConnection(JdbcConnectionIT.url(db, "tusk"));
        c.close();
        SQLException e = assertThrows(SQLException.class, c::createStatement);
        assertInstanceOf(SQLNonTransientConnectionException.class, e);
        assertEquals("08003", e.getSQLState());
        assertFalse(e instanceof SQLFeatureNotSupportedException);
    }
}
