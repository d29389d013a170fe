package io.tusk.conninfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.ProgrammingException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution: explicit > service > PG* variables > defaults, and the typed settings. */
class ResolvePrecedenceTest {

    @TempDir
    Path home;

    private Environment.Builder env() {
        return Environment.builder().userName("alice").homeDirectory(home);
    }

    private ConnectionSettings resolve(String conninfo, Environment env) {
        return Conninfo.parse(conninfo).resolve(env);
    }

    @Test
    void defaultsFollowLibpq() {
        ConnectionSettings s = resolve("", env().build());
        assertEquals("alice", s.user(), "user defaults to the OS user");
        assertEquals("alice", s.dbname(), "dbname defaults to the user name");
        assertEquals(List.of(HostSpec.tcp("localhost", 5432)), s.hosts(), "no socket found: localhost");
        assertEquals(SslMode.PREFER, s.sslMode());
        assertEquals(SslNegotiation.POSTGRES, s.sslNegotiation());
        assertEquals(ChannelBinding.PREFER, s.channelBinding());
        assertEquals(TargetSessionAttrs.ANY, s.targetSessionAttrs());
        assertEquals(LoadBalanceHosts.DISABLE, s.loadBalanceHosts());
        assertTrue(s.connectTimeout().isEmpty());
        assertTrue(s.password().isEmpty());
        assertTrue(s.keepalives());
        assertEquals(OptionalInt.empty(), s.keepalivesIdle());
        assertEquals("UTF8", s.clientEncoding());
        assertEquals(196608, s.minProtocolVersion());
        assertEquals(196608, s.maxProtocolVersion());
        assertTrue(s.sslSni());
        assertEquals("allow", s.sslCertMode());
        assertEquals("TLSv1.2", s.sslMinProtocolVersion().orElseThrow());
        assertTrue(s.sslMaxProtocolVersion().isEmpty());
        assertEquals(home.resolve(".pgpass"), s.passfile().orElseThrow());
        assertTrue(s.sslRootCert().isEmpty(), "~/.postgresql/root.crt does not exist");
        assertTrue(s.warnings().isEmpty());
    }

    @Test
    void environmentVariablesFillWhatTheStringLeavesOut() {
        Environment e = env().variables(Map.of("PGHOST", "envhost", "PGPORT", "6000", "PGDATABASE", "envdb",
                "PGUSER", "bob", "PGSSLMODE", "require", "PGAPPNAME", "envapp", "PGCONNECT_TIMEOUT", "7",
                "PGOPTIONS", "-c work_mem=64MB", "PGTARGETSESSIONATTRS", "read-write", "PGCLIENTENCODING", "LATIN1"))
                .build();
        ConnectionSettings s = resolve("", e);
        assertEquals(List.of(HostSpec.tcp("envhost", 6000)), s.hosts());
        assertEquals("envdb", s.dbname());
        assertEquals("bob", s.user());
        assertEquals(SslMode.REQUIRE, s.sslMode());
        assertEquals("envapp", s.applicationName().orElseThrow());
        assertEquals(Duration.ofSeconds(7), s.connectTimeout().orElseThrow());
        assertEquals("-c work_mem=64MB", s.options().orElseThrow());
        assertEquals(TargetSessionAttrs.READ_WRITE, s.targetSessionAttrs());
        assertEquals("LATIN1", s.clientEncoding());
        assertEquals("envhost", s.conninfo().get("host"), "PGHOST is recorded in the effective parameters");
    }

    @Test
    void explicitValuesBeatEnvironmentVariables() {
        Environment e = env().variables(Map.of("PGHOST", "envhost", "PGUSER", "bob", "PGSSLMODE", "require"))
                .build();
        ConnectionSettings s = resolve("host=explicit user=carol sslmode=disable", e);
        assertEquals("explicit", s.hosts().get(0).address());
        assertEquals("carol", s.user());
        assertEquals(SslMode.DISABLE, s.sslMode());
    }

    @Test
    void anEmptyExplicitValueStillBlocksTheVariable() {
        Environment e = env().variable("PGHOST", "envhost").build();
        ConnectionSettings s = resolve("host=''", e);
        assertEquals(List.of(HostSpec.tcp("localhost", 5432)), s.hosts(), "as libpq: host='' means the default");
    }

    @Test
    void emptyUserFallsBackToTheOsUser() {
        assertEquals("alice", resolve("user=''", env().build()).user());
    }

    @Test
    void noUserAnywhereIsAnError() {
        Environment e = Environment.builder().build();
        ProgrammingException ex = assertThrows(ProgrammingException.class, () -> resolve("", e));
        assertTrue(ex.getMessage().contains("PGUSER"), ex.getMessage());
    }

    @Test
    void invalidEnvironmentValueNamesTheVariable() {
        Environment e = env().variable("PGSSLMODE", "on").build();
        ProgrammingException ex = assertThrows(ProgrammingException.class, () -> resolve("", e));
        assertTrue(ex.getMessage().startsWith("invalid sslmode value: \"on\""), ex.getMessage());
        assertTrue(ex.getMessage().endsWith("set by the environment variable PGSSLMODE"), ex.getMessage());
    }

    @Test
    void connectTimeoutFollowsLibpqLimits() {
        assertEquals(Duration.ofSeconds(2), resolve("connect_timeout=1", env().build()).connectTimeout().orElseThrow());
        assertEquals(Duration.ofSeconds(10), resolve("connect_timeout=10", env().build()).connectTimeout().orElseThrow());
        assertTrue(resolve("connect_timeout=0", env().build()).connectTimeout().isEmpty());
        assertTrue(resolve("connect_timeout=-5", env().build()).connectTimeout().isEmpty());
    }

    @Test
    void socketTimeoutIsInSecondsAndZeroMeansNone() {
        assertEquals(Duration.ofSeconds(30), resolve("socket_timeout=30", env().build()).socketTimeout().orElseThrow());
        assertTrue(resolve("socket_timeout=0", env().build()).socketTimeout().isEmpty());
        assertTrue(resolve("dbname=x", env().build()).socketTimeout().isEmpty());
    }

    @Test
    void keepaliveSettings() {
        ConnectionSettings s = resolve("keepalives=0 keepalives_idle=30 keepalives_interval=-1 keepalives_count=4"
                + " tcp_user_timeout=1500", env().build());
        assertFalse(s.keepalives());
        assertEquals(OptionalInt.of(30), s.keepalivesIdle());
        assertEquals(OptionalInt.of(0), s.keepalivesInterval(), "negative values are clamped to 0 as libpq");
        assertEquals(OptionalInt.of(4), s.keepalivesCount());
        assertEquals(Duration.ofMillis(1500), s.tcpUserTimeout().orElseThrow());
    }

    @Test
    void applicationNameFallsBack() {
        assertEquals("fb", resolve("fallback_application_name=fb", env().build()).applicationName().orElseThrow());
        assertEquals("app", resolve("application_name=app fallback_application_name=fb", env().build())
                .applicationName().orElseThrow());
        assertEquals("env", resolve("fallback_application_name=fb", env().variable("PGAPPNAME", "env").build())
                .applicationName().orElseThrow(), "PGAPPNAME is application_name, which beats the fallback");
    }

    @Test
    void clientEncodingAutoMeansUtf8() {
        assertEquals("UTF8", resolve("client_encoding=auto", env().build()).clientEncoding());
    }

    @Test
    void startupParametersInLibpqOrder() {
        Environment e = env().variable("PGTZ", "Europe/Rome").build();
        ConnectionSettings s = resolve("user=u dbname=d application_name=a options='-c geqo=off'", e);
        assertEquals(List.of("user", "database", "options", "application_name", "client_encoding", "timezone"),
                List.copyOf(s.startupParameters().keySet()));
        assertEquals("d", s.startupParameters().get("database"));
        assertEquals("Europe/Rome", s.startupParameters().get("timezone"));
        assertFalse(s.startupParameters().containsKey("password"));
    }

    @Test
    void protocolVersions() {
        assertEquals(196610, resolve("max_protocol_version=3.2", env().build()).maxProtocolVersion());
        ConnectionSettings s = resolve("min_protocol_version=3.2", env().build());
        assertEquals(196610, s.minProtocolVersion());
        assertEquals(196610, s.maxProtocolVersion(), "a minimum above 3.0 raises the default maximum to latest");
        assertEquals(196610, resolve("max_protocol_version=latest", env().build()).maxProtocolVersion());
        ProgrammingException ex = assertThrows(ProgrammingException.class,
                () -> resolve("min_protocol_version=3.2 max_protocol_version=3.0", env().build()));
        assertEquals("min_protocol_version 3.2 is greater than max_protocol_version 3.0", ex.getMessage());
    }

    @Test
    void sslrootcertSystemDefaultsToVerifyFullAndRefusesWeakerModes() {
        ConnectionSettings s = resolve("sslrootcert=system", env().build());
        assertEquals(SslMode.VERIFY_FULL, s.sslMode());
        assertTrue(s.sslRootCertSystem());
        assertTrue(s.sslRootCert().isEmpty());
        ProgrammingException ex = assertThrows(ProgrammingException.class,
                () -> resolve("sslrootcert=system sslmode=require", env().build()));
        assertEquals("weak sslmode \"require\" may not be used with sslrootcert=system (use \"verify-full\")",
                ex.getMessage());
    }

    @Test
    void directSslNegotiationNeedsARequiringSslmode() {
        assertEquals(SslNegotiation.DIRECT,
                resolve("sslmode=require sslnegotiation=direct", env().build()).sslNegotiation());
        ProgrammingException ex = assertThrows(ProgrammingException.class,
                () -> resolve("sslnegotiation=direct", env().build()));
        assertTrue(ex.getMessage().startsWith("weak sslmode \"prefer\" may not be used with sslnegotiation=direct"),
                ex.getMessage());
    }

    @Test
    void gssSettingsResolveWithLibpqDefaults() {
        ConnectionSettings none = resolve("", env().build());
        assertEquals(GssEncMode.PREFER, none.gssEncMode());
        assertEquals("postgres", none.krbSrvName());
        assertTrue(none.gssLib().isEmpty());
        ConnectionSettings set = resolve("gssencmode=require krbsrvname=pg gsslib=gssapi", env().build());
        assertEquals(GssEncMode.REQUIRE, set.gssEncMode());
        assertEquals("pg", set.krbSrvName());
        assertEquals("gssapi", set.gssLib().orElseThrow());
        ConnectionSettings fromEnv = resolve("", env().variables(Map.of("PGGSSENCMODE", "disable", "PGKRBSRVNAME", "kpg")).build());
        assertEquals(GssEncMode.DISABLE, fromEnv.gssEncMode());
        assertEquals("kpg", fromEnv.krbSrvName());
        ProgrammingException e = assertThrows(ProgrammingException.class,
                () -> resolve("", env().variable("PGGSSLIB", "heimdal").build()));
        assertTrue(e.getMessage().contains("PGGSSLIB"), e.getMessage());
    }

    @Test
    void tlsVersionRangeMustBeOrdered() {
        assertThrows(ProgrammingException.class,
                () -> resolve("ssl_min_protocol_version=TLSv1.3 ssl_max_protocol_version=TLSv1.2", env().build()));
        assertTrue(resolve("ssl_min_protocol_version=''", env().build()).sslMinProtocolVersion().isEmpty());
    }

    @Test
    void tlsClientFilesDefaultToTheUsersPostgresqlDirectoryWhenPresent() throws Exception {
        Path dir = Files.createDirectories(home.resolve(".postgresql"));
        Files.writeString(dir.resolve("root.crt"), "x");
        Files.writeString(dir.resolve("postgresql.crt"), "x");
        ConnectionSettings s = resolve("", env().build());
        assertEquals(dir.resolve("root.crt"), s.sslRootCert().orElseThrow());
        assertEquals(dir.resolve("postgresql.crt"), s.sslCert().orElseThrow());
        assertTrue(s.sslKey().isEmpty(), "postgresql.key does not exist");
        assertEquals(Path.of("/etc/my.key"), resolve("sslkey=/etc/my.key", env().build()).sslKey().orElseThrow());
    }

    @Test
    void windowsConventionsForUserFiles() throws Exception {
        Files.writeString(home.resolve("root.crt"), "x");
        ConnectionSettings s = resolve("", env().windows(true).build());
        assertEquals(home.resolve("pgpass.conf"), s.passfile().orElseThrow());
        assertEquals(home.resolve("root.crt"), s.sslRootCert().orElseThrow());
    }

    @Test
    void toStringShowsNoPassword() {
        ConnectionSettings s = resolve("password=hunter2 sslpassword=k3y", env().build());
        assertFalse(s.toString().contains("hunter2"));
        assertFalse(s.conninfo().toString().contains("hunter2"));
        assertFalse(s.conninfo().toString().contains("k3y"));
        assertEquals("hunter2", s.password().orElseThrow());
        assertEquals("k3y", s.sslPassword().orElseThrow());
    }
}
