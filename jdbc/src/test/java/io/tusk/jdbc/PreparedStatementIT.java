package io.tusk.jdbc;

import static io.tusk.jdbc.StatementDrivers.both;
import static io.tusk.jdbc.StatementDrivers.failure;
import static io.tusk.jdbc.StatementDrivers.tusk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testkit.FreshDatabase;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.JDBCType;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** java.sql.PreparedStatement on Tusk: parameters bound on the server, misuse, metadata; as pgjdbc. */
@PgTest
@FreshDatabase
class PreparedStatementIT {

    /** The row stored by {@code ps} read back as text by the server, so no getter conversion is involved. */
    private static String stored(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT r::text FROM " + table + " r")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void everySetterStoresItsValue(TestDatabase db) throws Exception {
        List<String> answers = both(db, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE v (b bool, i2 int2, i4 int4, i8 int8, f4 float4, f8 float8, n numeric,"
                        + " t text, vc varchar(10), by bytea, d date, tm time, ts timestamp, tiny int2, nul int4, x text, u text)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO v VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setBoolean(1, true);
                ps.setShort(2, (short) -2);
                ps.setInt(3, 123456);
                ps.setLong(4, 1L << 40);
                ps.setFloat(5, 1.5f);
                ps.setDouble(6, 2.25);
                ps.setBigDecimal(7, new BigDecimal("12345.678900"));
                ps.setString(8, "it's \"quoted\" ?");
                ps.setString(9, "ünï");
                ps.setBytes(10, new byte[] {0, 1, (byte) 0xff});
                ps.setDate(11, java.sql.Date.valueOf("2024-02-29"));
                ps.setTime(12, java.sql.Time.valueOf("23:59:58"));
                ps.setTimestamp(13, Timestamp.valueOf("2024-02-29 12:34:56.789"));
                ps.setByte(14, (byte) 7);
                ps.setNull(15, Types.INTEGER);
                ps.setCharacterStream(16, new StringReader("from a reader"));
                ps.setAsciiStream(17, new ByteArrayInputStream("ascii".getBytes(StandardCharsets.US_ASCII)), 5);
                assertEquals(1, ps.executeUpdate());
            }
            return stored(c, "v");
        });
        assertEquals("(t,-2,123456,1099511627776,1.5,2.25,12345.678900,\"it's \"\"quoted\"\" ?\",ünï,\"\\\\x0001ff\","
                + "2024-02-29,23:59:58,\"2024-02-29 12:34:56.789\",7,,\"from a reader\",ascii)", answers.get(0));
        assertEquals(answers.get(1), answers.get(0));
    }

    @Test
    void timestampsWithACalendarAreTakenInItsZone(TestDatabase db) throws Exception {
        List<String> answers = both(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT ?::timestamp::text, ?::date::text")) {
                Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
                ps.setTimestamp(1, new Timestamp(0), tokyo);
                ps.setDate(2, new java.sql.Date(0), tokyo);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1) + " " + rs.getString(2);
                }
            }
        });
        assertEquals("1970-01-01 09:00:00 1970-01-01", answers.get(0));
        assertEquals(answers.get(1), answers.get(0));
    }

    @Test
    void aStatementRunsAgainWithNewValuesAndTheSameValuesStaySet(TestDatabase db) throws Exception {
        try (Connection c = tusk(db); PreparedStatement ps = c.prepareStatement("SELECT ?::int * ?::int")) {
            ps.setInt(1, 6);
            ps.setInt(2, 7);
            for (int i = 0; i < 10; i++) { // past the prepare threshold: the server-side prepared statement is used
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(42, rs.getInt(1));
                }
            }
            ps.setInt(1, 2);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(14, rs.getInt(1));
            }
        }
    }

    @Test
    void aWrongIndexAndAnUnsetParameterFailAsInPgjdbc(TestDatabase db) throws Exception {
        List<String> answers = both(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT ?::int, ?::text")) {
                SQLException wrong = failure(() -> ps.setInt(3, 1));
                SQLException zero = failure(() -> ps.setString(0, "x"));
                ps.setInt(1, 1);
                SQLException unset = failure(ps::executeQuery);
                ps.setString(2, "two");
                ps.clearParameters();
                SQLException cleared = failure(ps::executeQuery);
                return wrong.getSQLState() + " " + wrong.getMessage() + " | " + zero.getSQLState() + " | "
                        + unset.getSQLState() + " " + unset.getMessage() + " | " + cleared.getMessage();
            }
        });
        assertEquals("22023 The column index is out of range: 3, number of columns: 2. | 22023 | "
                + "22023 No value specified for parameter 2. | No value specified for parameter 1.", answers.get(0));
        assertEquals(answers.get(1), answers.get(0));
    }

    @Test
    void setObjectWithAndWithoutATargetType(TestDatabase db) throws Exception {
        List<String> answers = both(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT ?::int8 + 1, ?::text, ?::numeric")) {
                ps.setObject(1, 41L);
                ps.setObject(2, "s", Types.VARCHAR);
                ps.setObject(3, new BigDecimal("1.50"), Types.NUMERIC, 2);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3);
                }
            }
        });
        assertEquals("42 s 1.50", answers.get(0));
        assertEquals(answers.get(1), answers.get(0));
        // pgjdbc does not take a SQLType nor setNString; Tusk does
        try (Connection c = tusk(db); PreparedStatement ps = c.prepareStatement("SELECT ?::int + 1, ?")) {
            ps.setObject(1, 9, JDBCType.INTEGER);
            ps.setNString(2, "n");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals("10 n", rs.getString(1) + " " + rs.getString(2));
            }
        }
    }

    @Test
    void aNullBindsWhateverTheColumnType(TestDatabase db) throws Exception {
        try (Connection c = tusk(db); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE n (a int, b text, c timestamptz)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO n VALUES (?, ?, ?)")) {
                ps.setNull(1, Types.INTEGER);
                ps.setObject(2, null);
                ps.setNull(3, Types.OTHER, "timestamptz");
                ps.executeUpdate();
            }
            assertEquals("(,,)", stored(c, "n"));
        }
    }

    @Test
    void parameterMetaDataHasTheTypesTheServerInferred(TestDatabase db) throws Exception {
        List<String> answers = both(db, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE p (id int, name text, at timestamp)");
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM p WHERE id = ? AND name = ? AND at < ?")) {
                ParameterMetaData md = ps.getParameterMetaData();
                StringBuilder b = new StringBuilder().append(md.getParameterCount());
                for (int i = 1; i <= md.getParameterCount(); i++) {
                    b.append(' ').append(md.getParameterType(i)).append('/').append(md.getParameterTypeName(i))
                            .append('/').append(md.getParameterMode(i));
                }
                return b.append(' ').append(failure(() -> md.getParameterType(4)).getSQLState()).toString();
            }
        });
        assertEquals("3 4/int4/1 12/text/1 93/timestamp/1 22023", answers.get(0));
        assertEquals(answers.get(1), answers.get(0));
    }

    @Test
    void severalStatementsWithParametersEachGetTheirOwn(TestDatabase db) throws Exception {
        List<String> answers = both(db, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE m (id int, v text)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO m VALUES (?, ?); SELECT v FROM m WHERE id = ?; SELECT '?'")) {
                ps.setInt(1, 5);
                ps.setString(2, "five");
                ps.setInt(3, 5);
                StringBuilder b = new StringBuilder().append(ps.execute()).append(' ').append(ps.getUpdateCount());
                b.append(' ').append(ps.getMoreResults());
                try (ResultSet rs = ps.getResultSet()) {
                    rs.next();
                    b.append(' ').append(rs.getString(1));
                }
                b.append(' ').append(ps.getMoreResults());
                try (ResultSet rs = ps.getResultSet()) {
                    rs.next();
                    b.append(' ').append(rs.getString(1));
                }
                return b.append(' ').append(ps.getMoreResults()).append(' ').append(ps.getUpdateCount()).toString();
            }
        });
        assertEquals("false 1 true five true ? false -1", answers.get(0));
        assertEquals(answers.get(1), answers.get(0));
    }

    @Test
    void resultMetaDataIsThereBeforeTheStatementRuns(TestDatabase db) throws Exception {
        try (Connection c = tusk(db); PreparedStatement ps = c.prepareStatement("SELECT ?::int AS a, 'x' AS b")) {
            assertNotNull(ps.getMetaData());
        }
    }

    @Test
    void theStatementsConnectionStaysInItsTransaction(TestDatabase db) throws Exception {
        try (Connection c = tusk(db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE tx (id int)");
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tx VALUES (?)")) {
                ps.setInt(1, 1);
                ps.executeUpdate();
                ps.getParameterMetaData(); // the describe runs in a savepoint it rolls back
                c.rollback();
            }
            c.setAutoCommit(true);
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM tx")) {
                rs.next();
                assertEquals("0", rs.getString(1));
            }
        }
    }
}
