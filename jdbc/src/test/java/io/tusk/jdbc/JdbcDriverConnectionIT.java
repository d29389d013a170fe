package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testkit.BlackHoleServer;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What TuskDriver makes of URLs and properties, on the real server. */
@PgTest
class JdbcDriverConnectionIT {

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    @Test
    void propertiesCarryTheCredentialsAndSettings(TestDatabase db) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", PgUsers.SCRAM);
        p.setProperty("password", "scram-secret");
        p.setProperty("ApplicationName", "props-app");
        p.setProperty("sslmode", "disable");
        try (Connection c = DriverManager.getConnection("jdbc:tusk://127.0.0.1:" + db.port() + "/" + db.dbname(), p)) {
            assertEquals(PgUsers.SCRAM, one(c, "SELECT current_user"));
            assertEquals("props-app", one(c, "SELECT current_setting('application_name')"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:tusk://127.0.0.1:" + db.port() + "/" + db.dbname()
                + "?sslmode=disable", PgUsers.SCRAM, "scram-secret")) {
            assertEquals(PgUsers.SCRAM, one(c, "SELECT current_user"));
        }
    }

    @Test
    void severalHostsTryTheNextOne(TestDatabase db) throws Exception {
        int dead;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        String url = "jdbc:tusk://127.0.0.1:" + dead + ",127.0.0.1:" + db.port() + "/" + db.dbname()
                + "?user=" + PgUsers.TRUST + "&sslmode=disable&targetServerType=primary";
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals(db.port(), c.unwrap(io.tusk.Connection.class).info().port());
        }
    }

    @Test
    void hostFromTheQueryWhenTheUrlHasNone(TestDatabase db) throws SQLException {
        String url = "jdbc:tusk:" + db.dbname() + "?host=127.0.0.1&port=" + db.port() + "&user=" + PgUsers.TRUST
                + "&sslmode=disable";
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals(db.dbname(), one(c, "SELECT current_database()"));
        }
    }

    @Test
    void tlsAsPgjdbcSslTrue(TestDatabase db) throws SQLException {
        String url = "jdbc:tusk://localhost:" + db.port() + "/" + db.dbname() + "?user=" + PgUsers.TRUST
                + "&ssl=true&sslrootcert=" + db.server().caFile();
        try (Connection c = DriverManager.getConnection(url)) {
            assertTrue(c.unwrap(io.tusk.Connection.class).info().tls());
        }
    }

    @Test
    void loginTimeoutBoundsAServerThatNeverAnswers() throws Exception {
        try (BlackHoleServer hole = BlackHoleServer.start()) {
            String url = "jdbc:tusk://127.0.0.1:" + hole.port() + "/x?user=x&sslmode=disable";
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url + "&loginTimeout=1"));
            assertInstanceOf(SQLTimeoutException.class, e, e.getMessage());
            assertEquals("08001", e.getSQLState());
            assertTrue(System.nanoTime() - start < 10_000_000_000L);
            int before = DriverManager.getLoginTimeout();
            DriverManager.setLoginTimeout(1);
            try {
                assertInstanceOf(SQLTimeoutException.class, assertThrows(SQLException.class, () -> DriverManager.getConnection(url)));
            } finally {
                DriverManager.setLoginTimeout(before);
            }
        }
    }

    @Test
    void badUrlsAreRefusedBeforeConnecting() {
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:tusk://h/db?sslmod=require"));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("sslmod"), e.getMessage());
    }

    @Test
    void driverDescribesItself() throws SQLException {
        Driver d = DriverManager.getDriver("jdbc:tusk://h/db");
        assertInstanceOf(TuskDriver.class, d);
        assertFalse(d.acceptsURL("jdbc:postgresql://h/db"));
        assertNull(d.connect("jdbc:postgresql://h/db", new Properties()));
        assertEquals(0, d.getMajorVersion());
        assertEquals(1, d.getMinorVersion());
        DriverPropertyInfo[] info = d.getPropertyInfo("jdbc:tusk://h/db?sslmode=require&password=hunter2", null);
        DriverPropertyInfo sslmode = Arrays.stream(info).filter(i -> i.name.equals("sslmode")).findFirst().orElseThrow();
        assertEquals("require", sslmode.value);
        assertTrue(Arrays.stream(info).anyMatch(i -> i.name.equals("ApplicationName") && i.description.contains("application_name")));
        assertTrue(Arrays.stream(info).anyMatch(i -> i.name.equals("reWriteBatchedInserts")));
        assertTrue(Arrays.stream(info).noneMatch(i -> "hunter2".equals(i.value)));
        assertFalse(Arrays.stream(info).anyMatch(i -> i.name.equals("sslfactory")));
    }
}
