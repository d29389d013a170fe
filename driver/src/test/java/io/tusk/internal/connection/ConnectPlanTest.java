package io.tusk.internal.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.InvalidPassword;
import io.tusk.errors.OperationalException;
import io.tusk.errors.TuskException;
import io.tusk.internal.connection.ConnectPlan.Attempt;
import io.tusk.internal.connection.ConnectPlan.Failed;
import io.tusk.internal.connection.ConnectPlan.Resolve;
import io.tusk.internal.connection.ConnectPlan.Security;
import io.tusk.internal.connection.ConnectSpec.HostAttempt;
import io.tusk.internal.net.SocketTransport.KeepAlive;
import io.tusk.internal.net.TlsSettings;
import io.tusk.internal.protocol.ProtocolViolation;
import java.net.ConnectException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connect loop's decisions, shared by both front ends, without a socket. */
class ConnectPlanTest {
    private static final Map<String, String> PRIMARY = Map.of("in_hot_standby", "off", "default_transaction_read_only", "off");
    private static final Map<String, String> STANDBY = Map.of("in_hot_standby", "on", "default_transaction_read_only", "on");

    private static ConnectSpec spec(TlsSettings.Mode mode, String targetSessionAttrs, HostAttempt... hosts) {
        return spec(mode, false, targetSessionAttrs, hosts);
    }

    private static ConnectSpec spec(TlsSettings.Mode mode, boolean direct, String targetSessionAttrs, HostAttempt... hosts) {
        TlsSettings tls = new TlsSettings(mode, null, false, null, null, null, direct, true);
        return new ConnectSpec(List.of(hosts), "u", "d", Map.of(), null, null, new KeepAlive(true, null, null, null), tls,
                null, "prefer", targetSessionAttrs, 3 << 16, 3 << 16, h -> null, "host=...");
    }

    private static HostAttempt tcp(String host) {
        return new HostAttempt(host, null, 5432, null);
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Resolves every host to the given addresses (the same for each) and returns the next attempt. */
    private static Attempt attempt(ConnectPlan plan, InetAddress... addresses) {
        ConnectPlan.Step s = plan.next();
        if (s instanceof Resolve) {
            plan.resolved(addresses);
            s = plan.next();
        }
        return assertInstanceOf(Attempt.class, s);
    }

    private static TuskException serverError(String sqlstate, String message) {
        return ServerErrors.of(io.tusk.errors.Diagnostic.of(Map.of('S', "FATAL", 'C', sqlstate, 'M', message)));
    }

    @Test
    void preferTriesTlsThenPlainTextOnTheSameAddressWithinOneDeadline() {
        ConnectPlan plan = new ConnectPlan(spec(TlsSettings.Mode.PREFER, null, tcp("127.0.0.1")));
        Attempt tls = attempt(plan, ip("127.0.0.1"));
        assertEquals(Security.TLS, tls.security());
        assertTrue(tls.firstOnAddress());
        plan.failed(new ConnectPlan.TlsHandshakeFailed("TLS handshake failed: no", null));
        Attempt plain = attempt(plan);
        assertEquals(Security.PLAIN, plain.security());
        assertEquals(tls.address(), plain.address());
        assertTrue(!plain.firstOnAddress(), "connect_timeout covers both tries");
        assertTrue(plan.accepts(PRIMARY, null));
    }

    @Test
    void allowTriesPlainTextThenTlsWhenTheServerRefusesTheSession() {
        ConnectPlan plan = new ConnectPlan(spec(TlsSettings.Mode.ALLOW, null, tcp("127.0.0.1")));
        assertEquals(Security.PLAIN, attempt(plan, ip("127.0.0.1")).security());
        plan.failed(serverError("28000", "pg_hba.conf rejects connection"));
        assertEquals(Security.TLS, attempt(plan).security());
    }

    @Test
    void directTlsIsOnlyForTlsAttempts() {
        ConnectPlan plan = new ConnectPlan(spec(TlsSettings.Mode.PREFER, true, null, tcp("127.0.0.1")));
        Attempt tls = attempt(plan, ip("127.0.0.1"));
        assertTrue(tls.direct());
        plan.failed(new ConnectPlan.TlsHandshakeFailed("TLS handshake failed", null));
        assertTrue(!attempt(plan).direct());
    }

    @Test
    void aWrongPasswordAProtocolViolationOrADeadTransportIsNotTriedAgainWithTheOtherSslmode() {
        for (TlsSettings.Mode mode : List.of(TlsSettings.Mode.PREFER, TlsSettings.Mode.ALLOW)) {
            for (Throwable cause : List.of(serverError("28P01", "password authentication failed"),
                    new ProtocolViolation("ReadyForQuery before AuthenticationOk"), new ConnectException("Connection refused"))) {
                ConnectPlan plan = new ConnectPlan(spec(mode, null, tcp("127.0.0.1")));
                attempt(plan, ip("127.0.0.1"));
                plan.failed(cause);
                assertInstanceOf(Failed.class, plan.next(), mode + " after " + cause);
            }
        }
    }

    @Test
    void aSingleRefusalIsTheServersOwnErrorAndATransportFailureNamesTheServer() {
        ConnectPlan refused = new ConnectPlan(spec(TlsSettings.Mode.DISABLE, null, tcp("127.0.0.1")));
        attempt(refused, ip("127.0.0.1"));
        TuskException password = serverError("28P01", "password authentication failed for user \"u\"");
        refused.failed(password);
        assertSame(password, ((Failed) refused.next()).error());
        assertInstanceOf(InvalidPassword.class, password);

        ConnectPlan dead = new ConnectPlan(spec(TlsSettings.Mode.DISABLE, null, tcp("db.example")));
        attempt(dead, ip("10.0.0.7"));
        ConnectException e = new ConnectException("Connection refused");
        dead.failed(e);
        TuskException error = ((Failed) dead.next()).error();
        assertEquals("connection to server at \"db.example\" (10.0.0.7), port 5432 failed: Connection refused", error.getMessage());
        assertSame(e, error.getCause());
    }

    @Test
    void everyHostAndAddressIsTriedInOrderAndNamedInOneError() {
        ConnectPlan plan = new ConnectPlan(spec(TlsSettings.Mode.DISABLE, null, tcp("127.0.0.1"), tcp("nowhere.invalid"),
                tcp("db.example")));
        attempt(plan, ip("127.0.0.1"));
        plan.failed(new ConnectException("Connection refused"));
        assertEquals("nowhere.invalid", assertInstanceOf(Resolve.class, plan.next()).target());
        plan.unresolved();
        List<String> tried = new ArrayList<>();
        tried.add(attempt(plan, ip("10.0.0.1"), ip("10.0.0.2")).address().getAddress().getHostAddress());
        plan.failed(new ConnectException("Connection refused"));
        tried.add(attempt(plan).address().getAddress().getHostAddress());
        plan.failed(new java.net.SocketTimeoutException("Connect timed out"));
        assertEquals(List.of("10.0.0.1", "10.0.0.2"), tried);
        TuskException e = ((Failed) plan.next()).error();
        assertInstanceOf(OperationalException.class, e);
        assertEquals("could not connect to any host:\n"
                + "  - connection to server at \"127.0.0.1\", port 5432 failed: Connection refused\n"
                + "  - could not translate host name \"nowhere.invalid\" to address: unknown host\n"
                + "  - connection to server at \"db.example\" (10.0.0.1), port 5432 failed: Connection refused\n"
                + "  - connection to server at \"db.example\" (10.0.0.2), port 5432 failed: Connect timed out", e.getMessage());
    }

    @Test
    void aUnixSocketIsOneAttemptWithoutTls() {
        HostAttempt socket = new HostAttempt(null, null, 5432, Path.of("/run/postgresql/.s.PGSQL.5432"));
        ConnectPlan plan = new ConnectPlan(spec(TlsSettings.Mode.REQUIRE, null, socket));
        Attempt a = assertInstanceOf(Attempt.class, plan.next());
        assertEquals(Security.PLAIN, a.security());
        assertNull(a.address());
        plan.failed(new java.io.IOException("No such file or directory"));
        assertEquals("connection to socket \"/run/postgresql/.s.PGSQL.5432\" failed: No such file or directory",
                ((Failed) plan.next()).error().getMessage());
    }

    @Test
    void targetSessionAttrsPassesOverTheWrongKindAndAsksOldServers() {
        ConnectPlan plan = new ConnectPlan(spec(TlsSettings.Mode.PREFER, "read-write", tcp("127.0.0.1"), tcp("127.0.0.2")));
        attempt(plan, ip("127.0.0.1"));
        assertNull(plan.question(STANDBY));
        assertTrue(!plan.accepts(STANDBY, null));
        Attempt second = attempt(plan, ip("127.0.0.2"));
        assertEquals(Security.TLS, second.security(), "a passed-over session is not tried again without TLS");
        assertEquals("SHOW transaction_read_only", plan.question(Map.of()));
        assertTrue(plan.accepts(Map.of(), "off"));

        ConnectPlan none = new ConnectPlan(spec(TlsSettings.Mode.DISABLE, "standby", tcp("127.0.0.1")));
        attempt(none, ip("127.0.0.1"));
        assertTrue(!none.accepts(PRIMARY, null));
        TuskException e = ((Failed) none.next()).error();
        assertEquals("connection to server at \"127.0.0.1\", port 5432: server is not in hot standby mode", e.getMessage());
    }

    @Test
    void preferStandbyTakesALaterStandbyAndOtherwiseStartsOverAcceptingAnyServer() {
        ConnectPlan plan = new ConnectPlan(spec(TlsSettings.Mode.DISABLE, "prefer-standby", tcp("127.0.0.1"), tcp("127.0.0.2")));
        attempt(plan, ip("127.0.0.1"));
        assertTrue(!plan.accepts(PRIMARY, null), "the first pass looks for a standby");
        attempt(plan, ip("127.0.0.2"));
        assertTrue(plan.accepts(STANDBY, null));

        ConnectPlan primaries = new ConnectPlan(spec(TlsSettings.Mode.DISABLE, "prefer-standby", tcp("127.0.0.1")));
        attempt(primaries, ip("127.0.0.1"));
        assertEquals("SELECT pg_catalog.pg_is_in_recovery()", primaries.question(Map.of()));
        assertTrue(!primaries.accepts(Map.of(), "f"));
        Attempt again = attempt(primaries, ip("127.0.0.1"));
        assertTrue(again.firstOnAddress());
        assertNull(primaries.question(Map.of()), "the second pass takes any server");
        assertTrue(primaries.accepts(PRIMARY, null));
    }
}
