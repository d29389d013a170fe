package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tusk.testkit.FreshDatabase;
import io.tusk.testkit.PgServer;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CallableStatement against the real server: functions with IN, OUT and INOUT arguments,
 * {@code {? = call}}, set-returning and refcursor functions, and procedures through CALL. Each
 * test runs the same JDBC code through Tusk and through pgjdbc and expects the same answers.
 */
@PgTest
@FreshDatabase
class CallableStatementIT {
    private static volatile boolean created;

    private static Connection connect(TestDatabase db, String driver) throws SQLException {
        return connect(db, driver, "");
    }

    private static Connection connect(TestDatabase db, String driver, String properties) throws SQLException {
        synchronized (CallableStatementIT.class) {
            if (!created) {
                createRoutines(db);
                created = true;
            }
        }
        String where = "//127.0.0.1:" + db.port() + "/" + db.dbname() + "?user=" + PgUsers.TRUST + "&sslmode=disable" + properties;
        return DriverManager.getConnection("jdbc:" + driver + ":" + where);
    }

    private static void createRoutines(TestDatabase db) {
        db.admin().execute("CREATE FUNCTION add_one(a int) RETURNS int LANGUAGE sql AS 'SELECT a + 1'");
        db.admin().execute("CREATE FUNCTION sum_diff(a int, b int, OUT s int, OUT d int) LANGUAGE sql "
                + "AS 'SELECT a + b, a - b'");
        db.admin().execute("CREATE FUNCTION swap_inout(INOUT x text, INOUT y text) LANGUAGE sql AS 'SELECT y, x'");
        db.admin().execute("CREATE FUNCTION mixed(a int, INOUT b numeric, OUT c text, OUT d date) LANGUAGE plpgsql AS $$"
                + " BEGIN b := b * a; c := 'n=' || a; d := DATE '2024-01-31' + a; END $$");
        db.admin().execute("CREATE FUNCTION maybe_null(a int) RETURNS text LANGUAGE sql AS "
                + "'SELECT CASE WHEN a > 0 THEN ''positive'' END'");
        db.admin().execute("CREATE FUNCTION evens(n int) RETURNS SETOF int LANGUAGE sql "
                + "AS 'SELECT g * 2 FROM generate_series(1, n) g'");
        db.admin().execute("CREATE FUNCTION open_rows(n int) RETURNS refcursor LANGUAGE plpgsql AS $$"
                + " DECLARE c refcursor; BEGIN OPEN c FOR SELECT g, 'row ' || g AS label FROM generate_series(1, n) g;"
                + " RETURN c; END $$");
        db.admin().execute("CREATE FUNCTION kinds(OUT i bigint, OUT n numeric, OUT t timestamp, OUT ok boolean,"
                + " OUT raw bytea, OUT arr int[], OUT f float8) LANGUAGE sql AS "
                + "$$SELECT 9000000000::bigint, 12.50::numeric, TIMESTAMP '2024-02-29 13:14:15.5', true,"
                + " '\\x0102ff'::bytea, ARRAY[1,2,3], 1.5::float8$$");
        db.admin().execute("CREATE PROCEDURE double_it(INOUT a int) LANGUAGE plpgsql AS $$ BEGIN a := a * 2; END $$");
        db.admin().execute("CREATE TABLE log (v int)");
        db.admin().execute("GRANT ALL ON log TO PUBLIC");
        db.admin().execute("CREATE PROCEDURE log_it(v int) LANGUAGE sql AS 'INSERT INTO log VALUES (v)'");
        if (PgServer.get().majorVersion() >= 14) {
            db.admin().execute("CREATE PROCEDURE split_name(full_name text, OUT first text, OUT last text) "
                    + "LANGUAGE plpgsql AS $$ BEGIN first := split_part(full_name, ' ', 1);"
                    + " last := split_part(full_name, ' ', 2); END $$");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void returnValueOfAFunction(String driver, TestDatabase db) throws SQLException {
        try (Connection c = connect(db, driver); CallableStatement cs = c.prepareCall("{? = call add_one(?)}")) {
            cs.registerOutParameter(1, Types.INTEGER);
            cs.setInt(2, 41);
            assertFalse(cs.execute());
            assertEquals(42, cs.getInt(1));
            assertFalse(cs.wasNull());
            assertEquals(42, cs.getObject(1));
            // run again with another value: the statement is reusable
            cs.setInt(2, 1);
            cs.execute();
            assertEquals(2, cs.getInt(1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void outArgumentsOfAFunction(String driver, TestDatabase db) throws SQLException {
        try (Connection c = connect(db, driver); CallableStatement cs = c.prepareCall("{call sum_diff(?, ?, ?, ?)}")) {
            cs.setInt(1, 10);
            cs.setInt(2, 3);
            cs.registerOutParameter(3, Types.INTEGER);
            cs.registerOutParameter(4, Types.INTEGER);
            cs.execute();
            assertEquals(13, cs.getInt(3));
            assertEquals(7, cs.getInt(4));
            assertEquals(0, cs.executeUpdate());
            assertEquals(13, cs.getInt(3));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void inoutArgumentsGoInAndComeBack(String driver, TestDatabase db) throws SQLException {
        try (Connection c = connect(db, driver); CallableStatement cs = c.prepareCall("{call swap_inout(?, ?)}")) {
            cs.setString(1, "left");
            cs.setString(2, "right");
            cs.registerOutParameter(1, Types.VARCHAR);
            cs.registerOutParameter(2, Types.VARCHAR);
            cs.execute();
            assertEquals("right", cs.getString(1));
            assertEquals("left", cs.getString(2));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void inInoutAndOutTogether(String driver, TestDatabase db) throws SQLException {
        try (Connection c = connect(db, driver); CallableStatement cs = c.prepareCall("{ call mixed(?, ?, ?, ?) }")) {
            cs.setInt(1, 3);
            cs.setBigDecimal(2, new BigDecimal("1.25"));
            cs.registerOutParameter(2, Types.NUMERIC);
            cs.registerOutParameter(3, Types.VARCHAR);
            cs.registerOutParameter(4, Types.DATE);
            cs.execute();
            assertEquals(new BigDecimal("3.75"), cs.getBigDecimal(2));
            assertEquals("n=3", cs.getString(3));
            assertEquals(java.sql.Date.valueOf("2024-02-03"), cs.getDate(4));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void nullResultAndWasNull(String driver, TestDatabase db) throws SQLException {
        try (Connection c = connect(db, driver); CallableStatement cs = c.prepareCall("{? = call maybe_null(?)}")) {
            cs.registerOutParameter(1, Types.VARCHAR);
            cs.setInt(2, -1);
            cs.execute();
            assertNull(cs.getString(1));
            assertTrue(cs.wasNull());
            cs.setInt(2, 1);
            cs.execute();
            assertEquals("positive", cs.getString(1));
            assertFalse(cs.wasNull());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void manyTypesComeBackAsTheirJavaTypes(String driver, TestDatabase db) throws SQLException {
        try (Connection c = connect(db, driver); CallableStatement cs = c.prepareCall("{call kinds(?, ?, ?, ?, ?, ?, ?)}")) {
            cs.registerOutParameter(1, Types.BIGINT);
            cs.registerOutParameter(2, Types.NUMERIC);
            cs.registerOutParameter(3, Types.TIMESTAMP);
            cs.registerOutParameter(4, Types.BOOLEAN);
            cs.registerOutParameter(5, Types.BINARY);
            cs.registerOutParameter(6, Types.ARRAY);
            cs.registerOutParameter(7, Types.DOUBLE);
            cs.execute();
            assertEquals(9_000_000_000L, cs.getLong(1));
            assertEquals(new BigDecimal("12.50"), cs.getBigDecimal(2));
            assertEquals(java.sql.Timestamp.valueOf("2024-02-29 13:14:15.5"), cs.getTimestamp(3));
            assertTrue(cs.getBoolean(4));
            assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, cs.getBytes(5));
            assertArrayEquals(new Integer[] {1, 2, 3}, (Object[]) cs.getArray(6).getArray());
            assertEquals(1.5, cs.getDouble(7));
            assertEquals(9_000_000_000L, cs.getObject(1));
            assertEquals(1.5, cs.getObject(7));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void setReturningFunctionGivesItsFirstRow(String driver, TestDatabase db) throws SQLException {
        try (Connection c = connect(db, driver); CallableStatement cs = c.prepareCall("{? = call evens(?)}")) {
            cs.registerOutParameter(1, Types.INTEGER);
            cs.setInt(2, 3);
            cs.execute();
            assertEquals(2, cs.getInt(1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void withoutOutParametersTheCallIsAQuery(String driver, TestDatabase db) throws SQLException {
        try (Connection c = connect(db, driver); CallableStatement cs = c.prepareCall("{call evens(?)}")) {
            cs.setInt(1, 3);
            List<Integer> got = new ArrayList<>();
            try (ResultSet rs = cs.executeQuery()) {
                while (rs.next()) {
                    got.add(rs.getInt(1));
                }
            }
            assertEquals(List.of(2, 4, 6), got);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void refcursorComesBackAsAResultSetInATransaction(String driver, TestDatabase db) throws SQLException {
        try (Connection c = connect(db, driver)) {
            c.setAutoCommit(false);
            for (int type : new int[] {Types.REF_CURSOR, Types.OTHER}) {
                try (CallableStatement cs = c.prepareCall("{? = call open_rows(?)}")) {
                    cs.registerOutParameter(1, type);
                    cs.setInt(2, 2);
                    cs.execute();
                    List<String> labels = new ArrayList<>();
                    try (ResultSet rs = (ResultSet) cs.getObject(1)) {
                        while (rs.next()) {
                            labels.add(rs.getInt(1) + ":" + rs.getString("label"));
                        }
                    }
                    assertEquals(List.of("1:row 1", "2:row 2"), labels);
                }
            }
            c.commit();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void procedureWithAnInoutArgumentThroughCall(String driver, TestDatabase db) throws SQLException {
        try (Connection c = connect(db, driver); CallableStatement cs = c.prepareCall("call double_it(?)")) {
            cs.setInt(1, 5);
            cs.registerOutParameter(1, Types.INTEGER);
            cs.execute();
            assertEquals(10, cs.getInt(1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void procedureWithOutArgumentsThroughCall(String driver, TestDatabase db) throws SQLException {
        assumeTrue(PgServer.get().majorVersion() >= 14, "procedures have OUT arguments since PostgreSQL 14");
        try (Connection c = connect(db, driver); CallableStatement cs = c.prepareCall("call split_name(?, ?, ?)")) {
            cs.setString(1, "Ada Lovelace");
            cs.registerOutParameter(2, Types.VARCHAR);
            cs.registerOutParameter(3, Types.VARCHAR);
            cs.execute();
            assertEquals("Ada", cs.getString(2));
            assertEquals("Lovelace", cs.getString(3));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void procedureWithoutOutArgumentsRunsAndChangesData(String driver, TestDatabase db) throws SQLException {
        try (Connection c = connect(db, driver); CallableStatement cs = c.prepareCall("call log_it(?)")) {
            cs.setInt(1, 77);
            cs.execute();
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM log WHERE v = 77")) {
                assertTrue(rs.next());
                assertTrue(rs.getInt(1) >= 1);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void gettingBeforeExecutingIsRefused(String driver, TestDatabase db) throws SQLException {
        try (Connection c = connect(db, driver); CallableStatement cs = c.prepareCall("{? = call add_one(?)}")) {
            cs.registerOutParameter(1, Types.INTEGER);
            SQLException e = assertThrows(SQLException.class, () -> cs.getInt(1));
            assertEquals("02000", e.getSQLState());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void registeringOnAStatementThatIsNotACallIsRefused(String driver, TestDatabase db) throws SQLException {
        try (Connection c = connect(db, driver); CallableStatement cs = c.prepareCall("select add_one(?)")) {
            SQLException e = assertThrows(SQLException.class, () -> cs.registerOutParameter(1, Types.INTEGER));
            assertEquals("2F003", e.getSQLState());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void anOutParameterLeftUnregisteredIsAnUnsetParameter(String driver, TestDatabase db) throws SQLException {
        try (Connection c = connect(db, driver); CallableStatement cs = c.prepareCall("{call sum_diff(?, ?, ?, ?)}")) {
            cs.setInt(1, 1);
            cs.setInt(2, 1);
            cs.registerOutParameter(3, Types.INTEGER);
            SQLException e = assertThrows(SQLException.class, cs::execute);
            assertEquals("22023", e.getSQLState());
            assertTrue(e.getMessage().contains("parameter 4"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void namedParametersAreNotSupported(String driver, TestDatabase db) throws SQLException {
        try (Connection c = connect(db, driver); CallableStatement cs = c.prepareCall("{? = call add_one(?)}")) {
            assertThrows(SQLFeatureNotSupportedException.class, () -> cs.setInt("a", 1));
            assertThrows(SQLFeatureNotSupportedException.class, () -> cs.getInt("a"));
            assertThrows(SQLFeatureNotSupportedException.class, () -> cs.registerOutParameter("a", Types.INTEGER));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void escapeSyntaxCallModeCallRunsProceduresThroughTheEscape(String driver, TestDatabase db) throws SQLException {
        try (Connection c = connect(db, driver, "&escapeSyntaxCallMode=call");
             CallableStatement cs = c.prepareCall("{call double_it(?)}")) {
            cs.setInt(1, 21);
            cs.registerOutParameter(1, Types.INTEGER);
            cs.execute();
            assertEquals(42, cs.getInt(1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk", "postgresql"})
    void escapeSyntaxCallModeCallIfNoReturnStillSelectsAFunctionResult(String driver, TestDatabase db) throws SQLException {
        try (Connection c = connect(db, driver, "&escapeSyntaxCallMode=callIfNoReturn")) {
            try (CallableStatement cs = c.prepareCall("{? = call add_one(?)}")) {
                cs.registerOutParameter(1, Types.INTEGER);
                cs.setInt(2, 9);
                cs.execute();
                assertEquals(10, cs.getInt(1));
            }
            try (CallableStatement cs = c.prepareCall("{call double_it(?)}")) {
                cs.setInt(1, 4);
                cs.registerOutParameter(1, Types.INTEGER);
                cs.execute();
                assertEquals(8, cs.getInt(1));
            }
        }
    }

    // ---- Tusk only: where Tusk answers differently from pgjdbc, or more

    @ParameterizedTest
    @ValueSource(strings = {"tusk"})
    void aParameterThatIsNotOutNamesItsIndex(String driver, TestDatabase db) throws SQLException {
        try (Connection c = connect(db, driver); CallableStatement cs = c.prepareCall("{? = call add_one(?)}")) {
            cs.registerOutParameter(1, Types.INTEGER);
            cs.setInt(2, 1);
            cs.execute();
            SQLException e = assertThrows(SQLException.class, () -> cs.getInt(2));
            assertTrue(e.getMessage().contains("Parameter 2 is not an OUT parameter"), e.getMessage());
            assertEquals("22023", assertThrows(SQLException.class, () -> cs.getInt(3)).getSQLState());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk"})
    void gettersConvertLikeResultSetGetters(String driver, TestDatabase db) throws SQLException {
        // pgjdbc insists on the getter of the registered type; Tusk converts as ResultSet does
        try (Connection c = connect(db, driver); CallableStatement cs = c.prepareCall("{call kinds(?, ?, ?, ?, ?, ?, ?)}")) {
            for (int i = 1; i <= 7; i++) {
                cs.registerOutParameter(i, JDBCType.OTHER);
            }
            cs.execute();
            assertEquals("9000000000", cs.getString(1));
            assertEquals(12, cs.getInt(2));
            assertEquals(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 500_000_000), cs.getObject(3, LocalDateTime.class));
            assertEquals(new BigDecimal("1.5"), cs.getBigDecimal(7));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tusk"})
    void closedStatementRefusesGetters(String driver, TestDatabase db) throws SQLException {
        try (Connection c = connect(db, driver)) {
            CallableStatement cs = c.prepareCall("{? = call add_one(?)}");
            cs.registerOutParameter(1, Types.INTEGER);
            cs.setInt(2, 1);
            cs.execute();
            cs.close();
            assertEquals("55000", assertThrows(SQLException.class, () -> cs.getInt(1)).getSQLState());
        }
    }
}
