package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.TransactionStatus;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * java.sql.Connection through jdbc:tusk: on the real server; where pgjdbc has an answer, the
 * same calls run through it too (parameterised by driver) and must agree.
 */
@PgTest
class JdbcConnectionIT {
    private TestDatabase db;

    @BeforeEach
    void setUp(TestDatabase db) {
        this.db = db;
        db.admin().execute("CREATE TABLE IF NOT EXISTS conn_it (id int PRIMARY KEY, note text)");
        db.admin().execute("GRANT ALL ON conn_it TO PUBLIC");
        db.admin().execute("TRUNCATE conn_it");
    }

    static String url(TestDatabase db, String driver) {
        return db.jdbcUrl(PgUsers.TRUST).replace("jdbc:postgresql:", "jdbc:" + driver + ":");
    }

    private Connection open(String driver) throws SQLException {
        return DriverManager.getConnection(url(db, driver));
    }

    private Connection tusk() throws SQLException {
        return open("tusk");
    }

    /** Runs {@code sql} (which returns a row) through the JDBC connection. */
    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    private String rowsInTable() {
        return db.admin().queryScalar("SELECT string_agg(id::text, ',' ORDER BY id) FROM conn_it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void autocommitIsOnAndEachStatementLands(String driver) throws SQLException {
        try (Connection c = open(driver)) {
            assertTrue(c.getAutoCommit());
            one(c, "INSERT INTO conn_it VALUES (1) RETURNING id");
            assertEquals("1", rowsInTable());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void commitAndRollbackInAutocommitAreRefusedWith25P01(String driver) throws SQLException {
        try (Connection c = open(driver)) {
            assertEquals("25P01", assertThrows(SQLException.class, c::commit).getSQLState());
            assertEquals("25P01", assertThrows(SQLException.class, c::rollback).getSQLState());
            assertEquals("25P01", assertThrows(SQLException.class, c::setSavepoint).getSQLState());
        }
    }

    @Test
    void commitKeepsAndRollbackDiscards() throws SQLException {
        try (Connection c = tusk()) {
            c.setAutoCommit(false);
            one(c, "INSERT INTO conn_it VALUES (1) RETURNING id");
            assertNull(rowsInTable(), "not visible before commit");
            c.commit();
            assertEquals("1", rowsInTable());
            one(c, "INSERT INTO conn_it VALUES (2) RETURNING id");
            c.rollback();
            assertEquals("1", rowsInTable());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void turningAutocommitOnCommitsTheOpenTransaction(String driver) throws SQLException {
        try (Connection c = open(driver)) {
            c.setAutoCommit(false);
            one(c, "INSERT INTO conn_it VALUES (3) RETURNING id");
            c.setAutoCommit(true);
            assertEquals("3", rowsInTable());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void prepareStatementAsksForGeneratedKeys(String driver) throws SQLException {
        db.admin().execute("CREATE TABLE IF NOT EXISTS conn_it_keys (id serial PRIMARY KEY, note text)");
        db.admin().execute("GRANT ALL ON conn_it_keys TO PUBLIC");
        db.admin().execute("GRANT ALL ON SEQUENCE conn_it_keys_id_seq TO PUBLIC");
        try (Connection c = open(driver)) {
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO conn_it_keys (note) VALUES (?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, "all");
                assertEquals(1, ps.executeUpdate());
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    assertTrue(keys.next());
                    assertTrue(keys.getInt("id") > 0);
                    assertEquals("all", keys.getString("note"));
                }
            }
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO conn_it_keys (note) VALUES (?)",
                    new String[] {"id"})) {
                ps.setString(1, "named");
                assertEquals(1, ps.executeUpdate());
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    assertTrue(keys.next());
                    assertEquals(1, keys.getMetaData().getColumnCount());
                    assertTrue(keys.getInt(1) > 0);
                }
            }
            if (driver.equals("tusk")) {
                // JDBC: not a Statement constant is an error (pgjdbc takes any other value as NO_GENERATED_KEYS)
                assertEquals("22023", assertThrows(SQLException.class, () -> c.prepareStatement("SELECT 1", 42)).getSQLState());
            }
        }
    }

    @Test
    void closingRollsBackAnOpenTransaction() throws SQLException {
        try (Connection c = tusk()) {
            c.setAutoCommit(false);
            one(c, "INSERT INTO conn_it VALUES (4) RETURNING id");
        }
        assertNull(rowsInTable());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void savepointsRollBackPartOfATransaction(String driver) throws SQLException {
        try (Connection c = open(driver)) {
            c.setAutoCommit(false);
            one(c, "INSERT INTO conn_it VALUES (1) RETURNING id");
            Savepoint unnamed = c.setSavepoint();
            one(c, "INSERT INTO conn_it VALUES (2) RETURNING id");
            Savepoint named = c.setSavepoint("My \"odd\" name");
            one(c, "INSERT INTO conn_it VALUES (3) RETURNING id");
            assertEquals("My \"odd\" name", named.getSavepointName());
            assertEquals(0, unnamed.getSavepointId());
            assertEquals("42809", assertThrows(SQLException.class, unnamed::getSavepointName).getSQLState());
            assertEquals("42809", assertThrows(SQLException.class, named::getSavepointId).getSQLState());
            c.rollback(named);
            c.releaseSavepoint(named);
            assertEquals("3B000", assertThrows(SQLException.class, named::getSavepointName).getSQLState());
            c.rollback(unnamed);
            one(c, "INSERT INTO conn_it VALUES (5) RETURNING id");
            c.commit();
            assertEquals("1,5", rowsInTable());
            Savepoint released = c.setSavepoint("x");
            c.releaseSavepoint(released);
            assertThrows(SQLException.class, () -> c.rollback(released));
            c.rollback();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void isolationLevelHoldsForAutocommitStatementsAndTransactions(String driver) throws SQLException {
        try (Connection c = open(driver)) {
            assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation());
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation());
            assertEquals("serializable", one(c, "SHOW transaction_isolation"));
            c.setAutoCommit(false);
            assertEquals("serializable", one(c, "SHOW transaction_isolation"));
            SQLException e = assertThrows(SQLException.class,
                    () -> c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ));
            assertEquals("25001", e.getSQLState());
            c.rollback();
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            assertEquals("repeatable read", one(c, "SHOW transaction_isolation"));
            c.commit();
        }
    }

    @Test
    void settingTheIsolationLevelOpensNoTransaction() throws SQLException {
        try (Connection c = tusk()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation());
            assertEquals(TransactionStatus.IDLE, c.unwrap(io.tusk.Connection.class).info().transactionStatus());
            assertThrows(SQLFeatureNotSupportedException.class, () -> c.setTransactionIsolation(Connection.TRANSACTION_NONE));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void readOnlyTransactionsRefuseWrites(String driver) throws SQLException {
        try (Connection c = open(driver)) {
            c.setReadOnly(true);
            assertTrue(c.isReadOnly());
            c.setAutoCommit(false);
            SQLException e = assertThrows(SQLException.class, () -> one(c, "INSERT INTO conn_it VALUES (9) RETURNING id"));
            assertEquals("25006", e.getSQLState());
            c.rollback();
            c.setReadOnly(false);
            one(c, "INSERT INTO conn_it VALUES (9) RETURNING id");
            c.commit();
            assertEquals("9", rowsInTable());
        }
    }

    @Test
    void readOnlyFromTheUrl() throws SQLException {
        try (Connection c = DriverManager.getConnection(url(db, "tusk") + "&readOnly=true&readOnlyMode=always")) {
            assertTrue(c.isReadOnly());
            // readOnlyMode=always: autocommit statements are read-only too
            assertEquals("25006", assertThrows(SQLException.class,
                    () -> one(c, "INSERT INTO conn_it VALUES (9) RETURNING id")).getSQLState());
        }
        assertNull(rowsInTable());
    }

    @Test
    void schemaIsTheSearchPathAndRoundTrips() throws SQLException {
        db.admin().execute("CREATE SCHEMA IF NOT EXISTS \"Conn IT\"");
        db.admin().execute("CREATE TABLE IF NOT EXISTS \"Conn IT\".where_am_i (x int)");
        db.admin().execute("GRANT USAGE ON SCHEMA \"Conn IT\" TO PUBLIC");
        db.admin().execute("GRANT SELECT ON \"Conn IT\".where_am_i TO PUBLIC");
        try (Connection c = tusk()) {
            assertEquals("public", c.getSchema());
            c.setSchema("Conn IT");
            assertEquals("Conn IT", c.getSchema());
            assertEquals("0", one(c, "SELECT count(*) FROM where_am_i"));
            c.setSchema(c.getSchema());
            assertEquals("Conn IT", c.getSchema());
            c.setSchema(null);
            assertEquals("public", c.getSchema());
        }
        try (Connection c = DriverManager.getConnection(url(db, "tusk") + "&currentSchema=%22Conn%20IT%22,public")) {
            assertEquals("Conn IT", c.getSchema());
            assertEquals("0", one(c, "SELECT count(*) FROM where_am_i"));
        }
    }

    @Test
    void catalogIsTheDatabaseAndCannotChange() throws SQLException {
        try (Connection c = tusk(); Connection pg = open("postgresql")) {
            assertEquals(pg.getCatalog(), c.getCatalog());
            c.setCatalog("elsewhere");
            assertEquals(db.dbname(), c.getCatalog());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void applicationNameIsClientInfo(String driver) throws SQLException {
        try (Connection c = open(driver)) {
            c.setClientInfo("ApplicationName", "conn-it");
            assertEquals("conn-it", c.getClientInfo("ApplicationName"));
            assertEquals("conn-it", c.getClientInfo().getProperty("ApplicationName"));
            assertEquals("conn-it", one(c, "SELECT current_setting('application_name')"));
            c.setClientInfo("NoSuchThing", "x");
            assertNotNull(c.getWarnings());
        }
        try (Connection c = DriverManager.getConnection(url(db, "tusk") + "&ApplicationName=from-url")) {
            assertEquals("from-url", c.getClientInfo("ApplicationName"));
        }
    }

    @Test
    void serverNoticesBecomeWarnings() throws SQLException {
        db.admin().execute("CREATE OR REPLACE FUNCTION conn_it_notice() RETURNS int LANGUAGE plpgsql AS"
                + " $$ BEGIN RAISE NOTICE 'hello %', 42; RETURN 1; END $$");
        try (Connection c = tusk()) {
            assertNull(c.getWarnings());
            c.unwrap(io.tusk.Connection.class).execute("SELECT conn_it_notice()").close();
            SQLWarning w = c.getWarnings();
            assertNotNull(w);
            assertTrue(w.getMessage().contains("hello 42"), w.getMessage());
            assertEquals("00000", w.getSQLState());
            c.clearWarnings();
            assertNull(c.getWarnings());
        }
    }

    @Test
    void unsupportedResultSetKindsAreDowngradedWithAWarning() throws SQLException {
        try (Connection c = tusk()) {
            c.createStatement(ResultSet.TYPE_SCROLL_SENSITIVE, ResultSet.CONCUR_UPDATABLE).close();
            SQLWarning w = c.getWarnings();
            assertNotNull(w);
            assertTrue(w.getMessage().contains("TYPE_SCROLL_SENSITIVE"), w.getMessage());
            assertNotNull(w.getNextWarning());
            assertThrows(SQLException.class, () -> c.createStatement(42, ResultSet.CONCUR_READ_ONLY));
            assertThrows(SQLException.class, () -> c.setHoldability(42));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void holdabilityDefaultsToCloseAtCommit(String driver) throws SQLException {
        try (Connection c = open(driver)) {
            assertEquals(ResultSet.CLOSE_CURSORS_AT_COMMIT, c.getHoldability());
            c.setHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT);
            assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, c.getHoldability());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void isValidIsARealRoundTrip(String driver) throws SQLException {
        Connection c = open(driver);
        assertTrue(c.isValid(5));
        assertTrue(c.isValid(0));
        assertEquals("22023", assertThrows(SQLException.class, () -> c.isValid(-1)).getSQLState());
        c.setAutoCommit(false);
        assertThrows(SQLException.class, () -> one(c, "SELECT 1/0"));
        assertTrue(c.isValid(5), "a failed transaction is still a valid connection");
        c.rollback();
        c.close();
        assertFalse(c.isValid(5));
    }

    @Test
    void isValidOpensNoTransactionAndSeesABrokenConnection() throws SQLException {
        try (Connection c = tusk()) {
            c.setAutoCommit(false);
            assertTrue(c.isValid(2));
            io.tusk.Connection nat = c.unwrap(io.tusk.Connection.class);
            assertEquals(TransactionStatus.IDLE, nat.info().transactionStatus());
            db.admin().terminateBackend(nat.info().backendPid());
            assertFalse(c.isValid(2));
            assertTrue(c.isClosed());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void aClosedConnectionRefusesWith08003(String driver) throws SQLException {
        Connection c = open(driver);
        c.close();
        c.close(); // again: nothing
        assertTrue(c.isClosed());
        for (Call call : List.<Call>of(c::createStatement, () -> c.prepareStatement("SELECT 1"), c::getAutoCommit,
                () -> c.setAutoCommit(false), c::getMetaData, c::getTransactionIsolation, c::getSchema, c::getWarnings,
                () -> c.setReadOnly(true))) {
            assertEquals("08003", assertThrows(SQLException.class, call::run).getSQLState());
        }
    }

    @Test
    void abortClosesAtOnce() throws SQLException {
        Connection c = tusk();
        int pid = c.unwrap(io.tusk.Connection.class).info().backendPid();
        c.abort(Runnable::run);
        assertTrue(c.isClosed());
        assertEquals("08003", assertThrows(SQLException.class, c::createStatement).getSQLState());
        assertThrows(SQLException.class, () -> c.abort(null));
        assertTrue(pid > 0);
    }

    @Test
    void unwrapReachesTheNativeApi() throws SQLException {
        try (Connection c = tusk()) {
            io.tusk.Connection nat = c.unwrap(io.tusk.Connection.class);
            assertEquals(1, nat.execute("SELECT 1").fetchone().getInt(0));
            assertTrue(c.isWrapperFor(io.tusk.Connection.class));
            assertSame(c, c.unwrap(Connection.class));
            assertFalse(c.isWrapperFor(String.class));
            assertThrows(SQLException.class, () -> c.unwrap(String.class));
        }
    }

    @Test
    void smallAnswers() throws SQLException {
        try (Connection c = tusk()) {
            assertEquals(Map.of(), c.getTypeMap());
            c.setTypeMap(Map.of());
            assertThrows(SQLFeatureNotSupportedException.class, () -> c.setTypeMap(Map.of("t", String.class)));
            assertEquals("SELECT $1", c.nativeSQL("SELECT ?"));
            SQLException e = assertThrows(SQLFeatureNotSupportedException.class,
                    () -> c.prepareStatement("INSERT INTO conn_it VALUES (1)", new int[] {1}));
            assertEquals("0A000", e.getSQLState());
            assertEquals(0, c.getNetworkTimeout());
            c.setNetworkTimeout(Runnable::run, 0);
            assertThrows(SQLFeatureNotSupportedException.class, () -> c.setNetworkTimeout(Runnable::run, 1000));
        }
        try (Connection c = DriverManager.getConnection(url(db, "tusk") + "&socketTimeout=30")) {
            assertEquals(30_000, c.getNetworkTimeout());
        }
    }

    @Test
    void urlSettingsReachTheNativeConnection() throws SQLException {
        try (Connection c = DriverManager.getConnection(url(db, "tusk") + "&prepareThreshold=0&reWriteBatchedInserts=true")) {
            io.tusk.Connection nat = c.unwrap(io.tusk.Connection.class);
            assertNull(nat.prepareThreshold());
            assertTrue(nat.rewriteBatchedInserts());
        }
        try (Connection c = tusk()) {
            assertEquals(4, c.unwrap(io.tusk.Connection.class).prepareThreshold());
        }
    }

    /** A JDBC call that may throw. */
    interface Call {
        void run() throws SQLException;
    }
}
