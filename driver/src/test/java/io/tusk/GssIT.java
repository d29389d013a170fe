package io.tusk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.tusk.async.AsyncConnection;
import io.tusk.async.AsyncCursor;
import io.tusk.errors.NotSupportedException;
import io.tusk.errors.OperationalException;
import io.tusk.rows.Row;
import io.tusk.testkit.DebianPostgres;
import io.tusk.testkit.KerberosRealm;
import io.tusk.testkit.PgServer;
import io.tusk.testkit.PgUsers;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javax.security.auth.Subject;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GSSAPI against a real MIT KDC and Debian's PostgreSQL (the embedded binaries have no GSSAPI):
 * authentication, GSSAPI encryption as gssencmode asks, and the faults a Kerberos user meets —
 * a KDC that is down or silent, no ticket, an expired ticket. The client's credentials come from
 * a ticket cache made by kinit, read into a JAAS Subject (the JVM cannot set KRB5CCNAME for itself).
 */
class GssIT {
    private static KerberosRealm realm;
    private static DebianPostgres server;
    private static Path aliceCache;

    @BeforeAll
    static void startRealmAndServer() {
        realm = KerberosRealm.start();
        Path keytab = realm.addService("postgres/localhost");
        realm.addUser("alice", "alice-pw");
        aliceCache = realm.kinit("alice", "alice-pw");
        System.setProperty("java.security.krb5.conf", realm.krb5Conf().toString());
        server = DebianPostgres.start(String.join("\n",
                "hostgssenc all alice 127.0.0.1/32 gss include_realm=0",
                "hostgssenc all alice ::1/128 gss include_realm=0",
                "hostnogssenc all alice 127.0.0.1/32 gss include_realm=0",
                "hostnogssenc all alice ::1/128 gss include_realm=0",
                "host all bob 127.0.0.1/32 scram-sha-256",
                "host all bob ::1/128 scram-sha-256",
                "host all postgres 127.0.0.1/32 trust",
                "host all postgres ::1/128 trust",
                ""), Map.of("krb_server_keyfile", keytab.toString()));
        server.execute("CREATE ROLE alice LOGIN");
        server.execute("CREATE ROLE bob LOGIN PASSWORD 'bob-pw'");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (realm != null) {
            realm.close();
        }
    }

    private static String alice(String more) {
        return "host=localhost port=" + server.port() + " dbname=postgres user=alice sslmode=disable connect_timeout=10 " + more;
    }

    /** The Kerberos login of a user with a ticket cache: what an application server does with JAAS. */
    static Subject login(Path cache) throws Exception {
        Subject subject = new Subject();
        Configuration config = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {new AppConfigurationEntry("com.sun.security.auth.module.Krb5LoginModule",
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of("useTicketCache", "true",
                        "ticketCache", cache.toString(), "doNotPrompt", "true", "refreshKrb5Config", "true"))};
            }
        };
        new LoginContext("test", subject, null, config).login();
        return subject;
    }

    static <T> T as(Subject subject, Callable<T> action) throws Exception {
        try {
            return Subject.doAs(subject, (PrivilegedExceptionAction<T>) action::call);
        } catch (PrivilegedActionException e) {
            throw e.getException();
        }
    }

    /** pg_stat_gssapi for the connection's own backend: [gss_authenticated, principal, encrypted]. */
    private static List<Object> gssStatus(Connection conn) {
        Row row = conn.execute("SELECT gss_authenticated, principal, encrypted FROM pg_stat_gssapi"
                + " WHERE pid = pg_backend_pid()").fetchone();
        return List.of(row.get(0), row.get(1), row.get(2));
    }

    @Test
    void gssAuthenticationWithoutEncryption() throws Exception {
        try (Connection conn = as(login(aliceCache), () -> Tusk.connect(alice("gssencmode=disable")))) {
            assertEquals(List.of(true, "alice@" + KerberosRealm.REALM, false), gssStatus(conn));
            assertEquals("alice", conn.execute("SELECT current_user").fetchone().get(0));
        }
    }

    @Test
    void gssencmodeRequireGetsAnEncryptedSession() throws Exception {
        try (Connection conn = as(login(aliceCache), () -> Tusk.connect(alice("gssencmode=require")))) {
            assertEquals(List.of(true, "alice@" + KerberosRealm.REALM, true), gssStatus(conn));
            // Larger than one 16 kB GSSAPI packet, both ways.
            String big = "x".repeat(1_000_000);
            assertEquals(big.length(), conn.execute("SELECT length(%s)", big).fetchone().get(0));
            assertEquals(3_000_000, ((String) conn.execute("SELECT repeat('y', 3000000)").fetchone().get(0)).length());
        }
    }

    @Test
    void gssencmodePreferEncryptsWhenTheServerCan() throws Exception {
        try (Connection conn = as(login(aliceCache), () -> Tusk.connect(alice("gssencmode=prefer")))) {
            assertEquals(true, gssStatus(conn).get(2));
        }
    }

    @Test
    void requireAuthGssIsMetByGssEncryptionAndByGssAuthentication() throws Exception {
        Subject alice = login(aliceCache);
        try (Connection conn = as(alice, () -> Tusk.connect(alice("gssencmode=require require_auth=gss")))) {
            assertEquals(true, gssStatus(conn).get(2));
        }
        try (Connection conn = as(alice, () -> Tusk.connect(alice("gssencmode=disable require_auth=gss")))) {
            assertEquals(false, gssStatus(conn).get(2));
        }
    }

    @Test
    void requireAuthGssRefusesAPasswordServer() throws Exception {
        String bob = "host=localhost port=" + server.port() + " dbname=postgres user=bob password=bob-pw sslmode=disable"
                + " gssencmode=disable require_auth=gss";
        OperationalException e = assertThrows(OperationalException.class, () -> as(login(aliceCache), () -> Tusk.connect(bob)));
        assertTrue(e.getMessage().contains("authentication method requirement \"gss\" failed: server requested SASL"
                + " authentication"), e.getMessage());
    }

    @Test
    void preferFallsBackOnAServerWithoutGssEncryptionAndRequireFailsNamingTheHost() throws Exception {
        // The embedded server has no GSSAPI: it answers N to the GSSENCRequest.
        PgServer pg = PgServer.get();
        pg.assumeStandardSetup("needs the embedded server's trusted role");
        String base = "host=localhost port=" + pg.port() + " dbname=" + pg.dbname() + " user=" + PgUsers.TRUST
                + " sslmode=disable connect_timeout=10";
        Subject alice = login(aliceCache);
        try (Connection conn = as(alice, () -> Tusk.connect(base + " gssencmode=prefer"))) {
            assertEquals(1, conn.execute("SELECT 1").fetchone().get(0));
        }
        OperationalException e = assertThrows(OperationalException.class,
                () -> as(alice, () -> Tusk.connect(base + " gssencmode=require")));
        assertTrue(e.getMessage().contains("refused GSSAPI encryption") && e.getMessage().contains("gssencmode=require"),
                e.getMessage());
        assertTrue(e.getMessage().contains("localhost"), "names the host: " + e.getMessage());
    }

    @Test
    void aStoppedKdcEndsTheAttemptWithOneClearError() throws Exception {
        Subject alice = login(aliceCache); // a fresh login: no service ticket cached in the Subject yet
        realm.stopKdc();
        try {
            long t0 = System.nanoTime();
            OperationalException e = assertThrows(OperationalException.class,
                    () -> as(alice, () -> Tusk.connect(alice("gssencmode=require connect_timeout=5"))));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms < 5_000, "within connect_timeout: " + ms + " ms");
            assertTrue(e.getMessage().contains("postgres@localhost") && e.getMessage().contains("KDC"), e.getMessage());
        } finally {
            realm.startKdc();
        }
    }

    @Test
    void aKdcThatNeverAnswersEndsTheAttemptWithinConnectTimeout() throws Exception {
        Subject alice = login(aliceCache);
        realm.stopKdc();
        // Accepted by the kernel's backlog, never answered: JGSS alone would wait kdc_timeout (10 s in the realm).
        try (ServerSocket silent = new ServerSocket(realm.port(), 50, InetAddress.getByName("127.0.0.1"))) {
            long t0 = System.nanoTime();
            OperationalException e = assertThrows(OperationalException.class,
                    () -> as(alice, () -> Tusk.connect(alice("gssencmode=disable connect_timeout=2"))));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms < 4_000, "within connect_timeout (2 s; JGSS alone would wait 10 s): " + ms + " ms: " + e.getMessage());
            assertTrue(e.getMessage().contains("connect_timeout"), e.getMessage());
        } finally {
            realm.startKdc();
        }
    }

    @Test
    void noTicketIsOneClearErrorAndNeverAFallback() {
        assumeFalse(System.getenv("KRB5CCNAME") != null, "the environment names a ticket cache");
        assumeFalse(Files.exists(Path.of("/tmp/krb5cc_" + new com.sun.security.auth.module.UnixSystem().getUid())),
                "the user has a default ticket cache");
        OperationalException required = assertThrows(OperationalException.class,
                () -> Tusk.connect(alice("gssencmode=require")));
        assertTrue(required.getMessage().contains("gssencmode=require for server \"localhost\", but no valid Kerberos ticket"),
                required.getMessage());
        // Without encryption the server asks for GSSAPI authentication, which needs the same ticket.
        OperationalException auth = assertThrows(OperationalException.class,
                () -> Tusk.connect(alice("gssencmode=disable")));
        assertTrue(auth.getMessage().contains("no valid Kerberos ticket") && auth.getMessage().contains("kinit"),
                auth.getMessage());
    }

    @Test
    void anExpiredTicketIsOneClearError() throws Exception {
        Subject shortLived = login(realm.kinit("alice", "alice-pw", "2s")); // valid at login, expired at connect
        Thread.sleep(3_000);
        long t0 = System.nanoTime();
        OperationalException e = assertThrows(OperationalException.class,
                () -> as(shortLived, () -> Tusk.connect(alice("gssencmode=require"))));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 10_000, "within connect_timeout");
        assertTrue(e.getMessage().contains("postgres@localhost") && e.getMessage().contains("kinit"), e.getMessage());
    }

    @Test
    void asyncAuthenticatesWithGssAndRefusesGssencmodeRequire() throws Exception {
        Subject alice = login(aliceCache);
        AsyncConnection conn = as(alice, () -> Tusk.connectAsync(alice("gssencmode=disable")))
                .toCompletableFuture().get(20, TimeUnit.SECONDS);
        try {
            assertEquals(true, conn.execute("SELECT gss_authenticated FROM pg_stat_gssapi WHERE pid = pg_backend_pid()")
                    .thenCompose(AsyncCursor::fetchone).toCompletableFuture().get(10, TimeUnit.SECONDS).get(0));
        } finally {
            conn.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        CompletionException e = assertThrows(CompletionException.class,
                () -> as(alice, () -> Tusk.connectAsync(alice("gssencmode=require"))).toCompletableFuture().join());
        assertInstanceOf(NotSupportedException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("gssencmode=require"), e.getCause().getMessage());
    }
}
