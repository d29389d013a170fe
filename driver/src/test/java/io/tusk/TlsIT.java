package io.tusk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.OperationalException;
import io.tusk.testkit.PgServer;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every sslmode against the kit's TLS server, as the server itself sees it (pg_stat_ssl). */
@PgTest
class TlsIT {
    private PgServer server;
    private TestDatabase db;

    @BeforeEach
    void setUp(PgServer server, TestDatabase db) {
        server.assumeEmbedded("needs the kit's TLS setup and certificates");
        this.server = server;
        this.db = db;
    }

    private String base(String host, String user) {
        return "host=" + host + " port=" + db.port() + " dbname=" + db.dbname() + " user=" + user
                + " sslrootcert=" + server.caFile();
    }

    private static boolean serverSeesTls(Connection conn) {
        return Boolean.TRUE.equals(conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone().get(0));
    }

    @ParameterizedTest
    @CsvSource({"disable,false", "allow,false", "prefer,true", "require,true", "verify-ca,true", "verify-full,true"})
    void eachSslModeGivesTheExpectedEncryption(String mode, boolean encrypted) {
        try (Connection conn = Tusk.connect(base("localhost", PgUsers.TRUST) + " sslmode=" + mode)) {
            assertEquals(encrypted, serverSeesTls(conn), "sslmode=" + mode);
            assertEquals(encrypted, conn.info().tls());
        }
    }

    @Test
    void verifyFullAcceptsTheLoopbackAddressNamedInTheCertificate() {
        try (Connection conn = Tusk.connect(base("127.0.0.1", PgUsers.TRUST) + " sslmode=verify-full")) {
            assertTrue(serverSeesTls(conn));
        }
    }

    @Test
    void verifyFullRefusesAHostNameTheCertificateDoesNotName() {
        // hostaddr dials the right server; the name checked against the certificate is wrong.
        OperationalException e = assertThrows(OperationalException.class, () -> Tusk.connect(
                base("db.example.invalid", PgUsers.TRUST) + " hostaddr=127.0.0.1 sslmode=verify-full"));
        assertTrue(e.getMessage().toLowerCase().contains("db.example.invalid") || e.getMessage().contains("subject alternative"),
                e.getMessage());
    }

    @Test
    void verifyCaRefusesAServerSignedByAnotherCa() {
        String conninfo = "host=localhost port=" + db.port() + " dbname=" + db.dbname() + " user=" + PgUsers.TRUST
                + " sslrootcert=" + server.otherCaFile() + " sslmode=verify-ca";
        OperationalException e = assertThrows(OperationalException.class, () -> Tusk.connect(conninfo));
        assertTrue(e.getMessage().contains("TLS") || e.getMessage().contains("certificate"), e.getMessage());
    }

    @Test
    void verifyCaWithoutARootCertificateSaysWhatToGive() {
        String conninfo = "host=localhost port=" + db.port() + " dbname=" + db.dbname() + " user=" + PgUsers.TRUST
                + " sslmode=verify-ca sslrootcert=/nonexistent/root.crt";
        OperationalException e = assertThrows(OperationalException.class, () -> Tusk.connect(conninfo));
        assertTrue(e.getMessage().contains("root.crt") || e.getMessage().contains("sslrootcert"), e.getMessage());
    }

    @Test
    void tlsOnlyUserIsRefusedInPlainTextAndAcceptedOverTls() {
        String plain = base("localhost", PgUsers.SSL) + " password=" + PgUsers.SSL_PASSWORD + " sslmode=disable";
        assertThrows(OperationalException.class, () -> Tusk.connect(plain));
        try (Connection conn = Tusk.connect(base("localhost", PgUsers.SSL) + " password=" + PgUsers.SSL_PASSWORD + " sslmode=require")) {
            assertTrue(serverSeesTls(conn));
        }
    }

    @Test
    void allowFallsBackToTlsWhenThePlainConnectionIsRefused() {
        try (Connection conn = Tusk.connect(base("localhost", PgUsers.SSL) + " password=" + PgUsers.SSL_PASSWORD + " sslmode=allow")) {
            assertTrue(serverSeesTls(conn));
        }
    }

    @Test
    void clientCertificateLogsInWithPemKey() {
        String conninfo = base("localhost", PgUsers.CERT) + " sslmode=verify-full sslcert=" + server.clientCert()
                + " sslkey=" + server.clientKey();
        try (Connection conn = Tusk.connect(conninfo)) {
            assertEquals(PgUsers.CERT, conn.execute("SELECT current_user").fetchone().get(0));
            assertEquals(true, conn.execute("SELECT client_dn IS NOT NULL FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone().get(0));
        }
    }

    @Test
    void clientCertificateLogsInWithEncryptedPkcs8Key() {
        String conninfo = base("localhost", PgUsers.CERT) + " sslmode=verify-full sslcert=" + server.clientCert()
                + " sslkey=" + server.clientKeyEncrypted() + " sslpassword=" + PgUsers.CLIENT_KEY_PASSWORD;
        try (Connection conn = Tusk.connect(conninfo)) {
            assertEquals(PgUsers.CERT, conn.execute("SELECT current_user").fetchone().get(0));
        }
    }

    @Test
    void clientCertificateLogsInWithPkcs12() {
        String conninfo = base("localhost", PgUsers.CERT) + " sslmode=verify-full sslkey=" + server.clientPkcs12()
                + " sslpassword=" + PgUsers.CLIENT_KEY_PASSWORD;
        try (Connection conn = Tusk.connect(conninfo)) {
            assertEquals(PgUsers.CERT, conn.execute("SELECT current_user").fetchone().get(0));
        }
    }

    @Test
    void certificateUserWithoutCertificateIsRefused() {
        assertThrows(OperationalException.class,
                () -> Tusk.connect(base("localhost", PgUsers.CERT) + " sslmode=verify-full sslcert=/nonexistent sslkey=/nonexistent"));
    }

    @Test
    void directTlsWorksOnPostgres17AndLater() {
        org.junit.jupiter.api.Assumptions.assumeTrue(server.majorVersion() >= 17, "direct TLS needs PostgreSQL 17+");
        try (Connection conn = Tusk.connect(base("localhost", PgUsers.TRUST) + " sslmode=verify-full sslnegotiation=direct")) {
            assertTrue(serverSeesTls(conn));
        }
    }

    @Test
    void requireRefusesAServerThatDeclinesTlsInsteadOfDowngrading() throws Exception {
        // A listener that answers 'N' to SSLRequest, as a server built without TLS does.
        try (java.net.ServerSocket ss = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (java.net.Socket s = ss.accept()) {
                    s.getInputStream().readNBytes(8);
                    s.getOutputStream().write('N');
                    s.getOutputStream().flush();
                    s.getInputStream().read();
                } catch (java.io.IOException ignored) {
                    // the client hangs up
                }
            });
            t.start();
            OperationalException e = assertThrows(OperationalException.class, () -> Tusk.connect(
                    "host=127.0.0.1 port=" + ss.getLocalPort() + " user=x dbname=x sslmode=require"));
            assertTrue(e.getMessage().contains("does not support TLS"), e.getMessage());
            t.join(5000);
        }
    }
}
