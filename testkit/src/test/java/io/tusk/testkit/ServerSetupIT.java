package io.tusk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The embedded server is set up as the kit promises: TLS, one role per authentication method, 2PC, socket. */
@PgTest
class ServerSetupIT {
    private final PgServer pg;

    ServerSetupIT(PgServer pg) {
        this.pg = pg;
        pg.assumeStandardSetup("checks the kit's own server setup");
    }

    private Connection connect(String user, String password, String params) throws SQLException {
        return connect(pg.host(), user, password, params);
    }

    private Connection connect(String host, String user, String password, String params) throws SQLException {
        String h = host.contains(":") ? "[" + host + "]" : host;
        String url = "jdbc:postgresql://" + h + ":" + pg.port() + "/" + pg.dbname() + "?user=" + user
                + (password == null ? "" : "&password=" + password) + "&connectTimeout=10" + (params.isEmpty() ? "" : "&" + params);
        return DriverManager.getConnection(url);
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String sslOfThisSession(Connection c) throws SQLException {
        return scalar(c, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
    }

    @Test
    void tlsIsOn(Admin admin) {
        assertEquals("on", admin.queryScalar("SHOW ssl"));
    }

    @Test
    void verifyFullToLocalhostWithTheKitCaSucceedsOverTls() throws SQLException {
        try (Connection c = connect("localhost", PgUsers.SCRAM, PgUsers.SCRAM_PASSWORD,
                "sslmode=verify-full&sslrootcert=" + pg.caFile())) {
            assertEquals("t", sslOfThisSession(c));
        }
    }

    @Test
    void verifyFullToTheIpAddressMatchesTheCertificateSan() throws SQLException {
        try (Connection c = connect("127.0.0.1", PgUsers.SCRAM, PgUsers.SCRAM_PASSWORD,
                "sslmode=verify-full&sslrootcert=" + pg.caFile())) {
            assertEquals("t", sslOfThisSession(c));
        }
    }

    @Test
    void verifyCaWithAnUnrelatedCaIsRefusedByTheClient() {
        SQLException e = assertThrows(SQLException.class, () -> connect(PgUsers.SCRAM, PgUsers.SCRAM_PASSWORD,
                "sslmode=verify-ca&sslrootcert=" + pg.otherCaFile()).close());
        assertTrue(SetupAssertions.causedBy(e, SSLException.class), () -> "expected a TLS failure, got " + e);
    }

    @Test
    void scramRoleLogsInWithItsPasswordAndIsStoredAsScram(Admin admin) throws SQLException {
        try (Connection c = connect(PgUsers.SCRAM, PgUsers.SCRAM_PASSWORD, "sslmode=disable")) {
            assertEquals(PgUsers.SCRAM, scalar(c, "SELECT current_user"));
        }
        assertTrue(admin.queryScalar("SELECT rolpassword FROM pg_authid WHERE rolname = 'tusk_scram'").startsWith("SCRAM-SHA-256$"));
    }

    @Test
    void scramRoleWithAWrongPasswordIsRefusedWith28P01() {
        SQLException e = assertThrows(SQLException.class,
                () -> connect(PgUsers.SCRAM, "wrong", "sslmode=disable").close());
        assertEquals("28P01", e.getSQLState());
    }

    @Test
    void md5RoleLogsInAndIsStoredAsMd5(Admin admin) throws SQLException {
        try (Connection c = connect(PgUsers.MD5, PgUsers.MD5_PASSWORD, "sslmode=disable")) {
            assertEquals(PgUsers.MD5, scalar(c, "SELECT current_user"));
        }
        assertTrue(admin.queryScalar("SELECT rolpassword FROM pg_authid WHERE rolname = 'tusk_md5'").startsWith("md5"));
        SQLException e = assertThrows(SQLException.class, () -> connect(PgUsers.MD5, "wrong", "sslmode=disable").close());
        assertEquals("28P01", e.getSQLState());
    }

    @Test
    void cleartextRoleLogsInWithItsPasswordOnly() throws SQLException {
        try (Connection c = connect(PgUsers.CLEARTEXT, PgUsers.CLEARTEXT_PASSWORD, "sslmode=disable")) {
            assertEquals(PgUsers.CLEARTEXT, scalar(c, "SELECT current_user"));
        }
        SQLException e = assertThrows(SQLException.class, () -> connect(PgUsers.CLEARTEXT, "wrong", "sslmode=disable").close());
        assertEquals("28P01", e.getSQLState());
    }

    @Test
    void trustRoleLogsInWithoutPassword() throws SQLException {
        try (Connection c = connect(PgUsers.TRUST, null, "sslmode=disable")) {
            assertEquals(PgUsers.TRUST, scalar(c, "SELECT current_user"));
        }
    }

    @Test
    void sslRoleIsRefusedWithoutTls() {
        SQLException e = assertThrows(SQLException.class,
                () -> connect(PgUsers.SSL, PgUsers.SSL_PASSWORD, "sslmode=disable").close());
        // 28000 invalid_authorization_specification: pg_hba.conf rejects the connection.
        assertEquals("28000", e.getSQLState());
    }

    @Test
    void sslRoleLogsInOverTls() throws SQLException {
        try (Connection c = connect(PgUsers.SSL, PgUsers.SSL_PASSWORD, "sslmode=require")) {
            assertEquals("t", sslOfThisSession(c));
        }
    }

    @Test
    void certRoleLogsInWithItsClientCertificate() throws SQLException {
        try (Connection c = connect("localhost", PgUsers.CERT, null, "sslmode=verify-full&sslrootcert=" + pg.caFile()
                + "&sslkey=" + pg.clientPkcs12() + "&sslpassword=" + PgUsers.CLIENT_KEY_PASSWORD)) {
            assertEquals(PgUsers.CERT, scalar(c, "SELECT current_user"));
            assertEquals("CN=" + PgUsers.CERT, "CN=" + scalar(c, "SELECT client_dn FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                    .replaceFirst("^/?CN=", ""));
        }
    }

    @Test
    void certRoleWithoutACertificateIsRefused() {
        // An empty sslcert tells pgjdbc to send no client certificate.
        SQLException e = assertThrows(SQLException.class, () -> connect(PgUsers.CERT, null, "sslmode=require&sslcert=").close());
        assertTrue(e.getMessage().contains("requires a valid client certificate"), e::getMessage);
    }

    @Test
    void twoPhaseCommitIsEnabled(Admin admin) {
        assertEquals("64", admin.queryScalar("SHOW max_prepared_transactions"));
        assertEquals("scram-sha-256", admin.queryScalar("SHOW password_encryption"));
        assertEquals("300", admin.queryScalar("SHOW max_connections"));
    }

    @Test
    void unixSocketIsWhereTheServerSaysItListens(Admin admin) {
        Path dir = pg.unixSocketDir();
        assertEquals(dir.toString(), admin.queryScalar("SHOW unix_socket_directories"));
        assertTrue(Files.exists(dir.resolve(".s.PGSQL." + pg.port())), () -> "no socket file in " + dir);
    }

    @Test
    void serverRunsTheMajorVersionTheBuildAskedFor(Admin admin) {
        String asked = System.getProperty("tusk.pg.version");
        Assumptions.assumeTrue(asked != null, "run by failsafe, which passes tusk.pg.version");
        assertEquals(Integer.parseInt(asked), pg.majorVersion());
        assertEquals(Integer.toString(pg.serverVersionNum()), admin.queryScalar("SHOW server_version_num"));
    }

    @Test
    void listensOnIpv6LoopbackWhenTheHostHasIt() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            assertTrue(probe.getLocalPort() > 0);
        } catch (java.io.IOException e) {
            Assumptions.abort("this host has no IPv6 loopback");
        }
        // verify-ca: pgjdbc checks the host name "[::1]" with its brackets, which no SAN can match.
        try (Connection c = connect("::1", PgUsers.SCRAM, PgUsers.SCRAM_PASSWORD,
                "sslmode=verify-ca&sslrootcert=" + pg.caFile())) {
            assertEquals("::1/128", scalar(c, "SELECT inet_client_addr()::text"));
        }
    }

    @Test
    void conninfoCarriesTheRolesPassword() {
        assertEquals("host=127.0.0.1 port=" + pg.port() + " dbname=tusk_test user=tusk_scram password=scram-secret",
                pg.conninfo(PgUsers.SCRAM));
        assertEquals("postgresql://tusk_md5:md5-secret@127.0.0.1:" + pg.port() + "/tusk_test", pg.uri(PgUsers.MD5));
        assertEquals("host=127.0.0.1 port=" + pg.port() + " dbname=tusk_test user=postgres", pg.conninfo());
    }

    @Test
    void everyRoleCanCreateDatabases(Admin admin) {
        assertEquals("7", admin.queryScalar("SELECT count(*) FROM pg_roles WHERE rolcanlogin AND rolcreatedb AND rolname IN ("
                + "'postgres','tusk_trust','tusk_scram','tusk_md5','tusk_password','tusk_ssl','tusk_cert')"));
    }
}
