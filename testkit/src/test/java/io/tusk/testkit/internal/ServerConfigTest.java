package io.tusk.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testkit.PgUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {

    /** Connection kinds a client can come with. */
    enum Via { LOCAL, TCP_PLAIN, TCP_TLS }

    /**
     * The method of the first pg_hba.conf line that matches (PostgreSQL's rule), for database
     * "tusk_test" from 127.0.0.1 or ::1.
     */
    static String methodFor(String hba, String user, Via via, String address) {
        for (String line : hba.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> f = List.of(line.trim().split("\\s+"));
            String type = f.get(0);
            boolean typeMatches = switch (type) {
                case "local" -> via == Via.LOCAL;
                case "host" -> via != Via.LOCAL;
                case "hostssl" -> via == Via.TCP_TLS;
                case "hostnossl" -> via == Via.TCP_PLAIN;
                default -> throw new AssertionError("unknown line type " + type);
            };
            if (!typeMatches || !f.get(1).equals("all") || !(f.get(2).equals("all") || f.get(2).equals(user))) {
                continue;
            }
            if (via != Via.LOCAL && !f.get(3).equals(address)) {
                continue;
            }
            return String.join(" ", f.subList(via == Via.LOCAL ? 3 : 4, f.size()));
        }
        return "no match";
    }

    private static void expect(String hba, String user, String local, String plain, String tls) {
        for (String address : List.of("127.0.0.1/32", "::1/128")) {
            assertEquals(plain, methodFor(hba, user, Via.TCP_PLAIN, address), user + " over plain TCP from " + address);
            assertEquals(tls, methodFor(hba, user, Via.TCP_TLS, address), user + " over TLS from " + address);
        }
        assertEquals(local, methodFor(hba, user, Via.LOCAL, null), user + " over the Unix socket");
    }

    @Test
    void eachRoleGetsExactlyItsMethodOverEveryTransport() {
        String hba = ServerConfig.hba(true);
        expect(hba, PgUsers.ADMIN, "trust", "trust", "trust");
        expect(hba, PgUsers.TRUST, "trust", "trust", "trust");
        expect(hba, PgUsers.SCRAM, "scram-sha-256", "scram-sha-256", "scram-sha-256");
        expect(hba, PgUsers.MD5, "md5", "md5", "md5");
        expect(hba, PgUsers.CLEARTEXT, "password", "password", "password");
        expect(hba, PgUsers.SSL, "reject", "reject", "scram-sha-256");
        expect(hba, PgUsers.CERT, "reject", "reject", "cert clientcert=verify-full");
        expect(hba, "role_made_by_a_test", "scram-sha-256", "scram-sha-256", "scram-sha-256");
    }

    @Test
    void withoutIpv6TheRulesNameOnlyIpv4() {
        String hba = ServerConfig.hba(false);
        assertFalse(hba.contains("::1"));
        assertEquals("scram-sha-256", methodFor(hba, PgUsers.SCRAM, Via.TCP_PLAIN, "127.0.0.1/32"));
    }

    @Test
    void settingsTurnOnTlsAndTwoPhaseCommitAndQuotePaths(@TempDir Path dir) {
        TlsFiles tls = TlsFiles.generate(dir.resolve("tls"), "x".toCharArray());
        String conf = ServerConfig.settings(true, Path.of("/tmp/it's"), tls, dir.resolve("hba"));
        assertTrue(conf.contains("listen_addresses = '127.0.0.1,::1'"), conf);
        assertTrue(conf.contains("max_prepared_transactions = 64"), conf);
        assertTrue(conf.contains("ssl = on"), conf);
        assertTrue(conf.contains("ssl_ca_file = '" + tls.caFile() + "'"), conf);
        assertTrue(conf.contains("unix_socket_directories = '/tmp/it''s'"), conf);
        assertFalse(ServerConfig.settings(false, Path.of("/s"), tls, dir.resolve("hba")).contains("::1"));
    }

    @Test
    void socketDirectoryStaysUnderTheWorkDirWhenThePathFits(@TempDir Path dir) throws Exception {
        ServerConfig.SocketDir s = ServerConfig.socketDir(dir.resolve("sock"));
        assertFalse(s.temporary());
        assertEquals(dir.resolve("sock").toAbsolutePath(), s.path());
        assertTrue(Files.isDirectory(s.path()));
    }

    @Test
    void socketDirectoryMovesToTmpWhenTheSocketPathWouldBeTooLong(@TempDir Path dir) throws Exception {
        Path deep = dir.resolve("a".repeat(60)).resolve("b".repeat(60)).resolve("sock");
        ServerConfig.SocketDir s = ServerConfig.socketDir(deep);
        try {
            assertTrue(s.temporary());
            assertTrue(s.path().startsWith("/tmp"), s.path()::toString);
            assertTrue((s.path() + "/.s.PGSQL.65535").length() <= ServerConfig.MAX_SOCKET_PATH);
        } finally {
            Files.deleteIfExists(s.path());
        }
    }
}
