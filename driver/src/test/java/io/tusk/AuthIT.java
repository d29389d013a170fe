package io.tusk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.conninfo.Environment;
import io.tusk.errors.OperationalException;
import io.tusk.internal.connection.Connections;
import io.tusk.testkit.PgServer;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@PgTest
class AuthIT {

    private static String base(TestDatabase db, String user) {
        return "host=" + db.host() + " port=" + db.port() + " dbname=" + db.dbname() + " user=" + user;
    }

    private static String currentUser(Connection conn) {
        return (String) conn.execute("SELECT current_user").fetchone().get(0);
    }

    @Test
    void scramWithTheRightPasswordLogsIn(PgServer server, TestDatabase db) {
        server.assumeStandardSetup("needs the kit's SCRAM user");
        try (Connection conn = Tusk.connect(base(db, PgUsers.SCRAM) + " password=" + PgUsers.SCRAM_PASSWORD + " sslmode=disable")) {
            assertEquals(PgUsers.SCRAM, currentUser(conn));
        }
    }

    @Test
    void wrongPasswordIsRefusedWith28P01AndNeverShown(PgServer server, TestDatabase db) {
        server.assumeStandardSetup("needs the kit's SCRAM user");
        String secret = "wrong-password-xyzzy";
        OperationalException e = assertThrows(OperationalException.class,
                () -> Tusk.connect(base(db, PgUsers.SCRAM) + " password=" + secret));
        assertEquals("28P01", e.sqlstate());
        assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains(secret), "the password must not appear in the error");
    }

    @Test
    void scramWithChannelBindingOverTls(PgServer server, TestDatabase db) {
        server.assumeStandardSetup("needs the kit's SCRAM user and TLS");
        try (Connection conn = Tusk.connect(base(db, PgUsers.SCRAM) + " password=" + PgUsers.SCRAM_PASSWORD
                + " sslmode=require channel_binding=require")) {
            assertEquals(PgUsers.SCRAM, currentUser(conn));
            assertTrue(conn.info().tls());
        }
    }

    @Test
    void channelBindingRequiredWithoutTlsIsRefused(PgServer server, TestDatabase db) {
        server.assumeStandardSetup("needs the kit's SCRAM user");
        OperationalException e = assertThrows(OperationalException.class, () -> Tusk.connect(base(db, PgUsers.SCRAM)
                + " password=" + PgUsers.SCRAM_PASSWORD + " sslmode=disable channel_binding=require"));
        assertTrue(e.getMessage().contains("channel binding"), e.getMessage());
    }

    @Test
    void md5LogsIn(PgServer server, TestDatabase db) {
        server.assumeStandardSetup("needs the kit's MD5 user");
        try (Connection conn = Tusk.connect(base(db, PgUsers.MD5) + " password=" + PgUsers.MD5_PASSWORD)) {
            assertEquals(PgUsers.MD5, currentUser(conn));
        }
    }

    @Test
    void cleartextLogsInButIsRefusedWhenScramIsRequired(PgServer server, TestDatabase db) {
        server.assumeStandardSetup("needs the kit's cleartext user");
        try (Connection conn = Tusk.connect(base(db, PgUsers.CLEARTEXT) + " password=" + PgUsers.CLEARTEXT_PASSWORD)) {
            assertEquals(PgUsers.CLEARTEXT, currentUser(conn));
        }
        OperationalException e = assertThrows(OperationalException.class, () -> Tusk.connect(base(db, PgUsers.CLEARTEXT)
                + " password=" + PgUsers.CLEARTEXT_PASSWORD + " require_auth=scram-sha-256"));
        assertTrue(e.getMessage().contains("scram-sha-256"), e.getMessage());
    }

    @Test
    void missingPasswordSaysWhereToGiveIt(PgServer server, TestDatabase db) {
        server.assumeStandardSetup("needs the kit's SCRAM user");
        Environment empty = Environment.builder().userName("nobody").homeDirectory(Path.of("/nonexistent")).build();
        OperationalException e = assertThrows(OperationalException.class,
                () -> Connections.open(base(db, PgUsers.SCRAM), Map.of(), empty));
        assertTrue(e.getMessage().contains("password"), e.getMessage());
    }

    @Test
    void passwordComesFromThePasswordFile(PgServer server, TestDatabase db, @TempDir Path dir) throws Exception {
        server.assumeStandardSetup("needs the kit's SCRAM user");
        Path pgpass = dir.resolve("pgpass");
        Files.writeString(pgpass, "# test\n" + db.host() + ":" + db.port() + ":*:" + PgUsers.SCRAM + ":" + PgUsers.SCRAM_PASSWORD + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        try (Connection conn = Tusk.connect(base(db, PgUsers.SCRAM) + " passfile=" + pgpass)) {
            assertEquals(PgUsers.SCRAM, currentUser(conn));
            assertFalse(conn.info().dsn().contains(PgUsers.SCRAM_PASSWORD));
        }
    }

    @Test
    void pgEnvironmentVariablesFillTheGaps(PgServer server, TestDatabase db) {
        server.assumeStandardSetup("needs the kit's SCRAM user");
        Environment env = Environment.builder()
                .variable("PGHOST", db.host())
                .variable("PGPORT", String.valueOf(db.port()))
                .variable("PGDATABASE", db.dbname())
                .variable("PGUSER", PgUsers.SCRAM)
                .variable("PGPASSWORD", PgUsers.SCRAM_PASSWORD)
                .variable("PGAPPNAME", "from-env")
                .userName("nobody").homeDirectory(Path.of("/nonexistent"))
                .build();
        try (Connection conn = Connections.open("", Map.of(), env)) {
            assertEquals(PgUsers.SCRAM, currentUser(conn));
            assertEquals("from-env", conn.execute("SHOW application_name").fetchone().get(0));
        }
    }

    @Test
    void passwordNeverAppearsInToStringOrDsn(PgServer server, TestDatabase db) {
        server.assumeStandardSetup("needs the kit's SCRAM user");
        try (Connection conn = Tusk.connect(base(db, PgUsers.SCRAM) + " password=" + PgUsers.SCRAM_PASSWORD)) {
            assertFalse(conn.toString().contains(PgUsers.SCRAM_PASSWORD), conn.toString());
            assertFalse(conn.info().dsn().contains(PgUsers.SCRAM_PASSWORD), conn.info().dsn());
            assertFalse(conn.info().toString().contains(PgUsers.SCRAM_PASSWORD));
            assertTrue(conn.info().dsn().contains("user=" + PgUsers.SCRAM));
        }
    }

    @Test
    void unknownConnectionParameterIsAProgrammingError(TestDatabase db) {
        var e = assertThrows(io.tusk.errors.ProgrammingException.class, () -> Tusk.connect(db.conninfo(PgUsers.TRUST) + " bogus=1"));
        assertTrue(e.getMessage().contains("bogus"), e.getMessage());
        assertInstanceOf(io.tusk.errors.DatabaseException.class, e);
    }
}
