package io.tusk;

import static io.tusk.ScriptedServer.expect;
import static io.tusk.ScriptedServer.send;
import static io.tusk.internal.protocol.Wire.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tusk.errors.OperationalException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A fake server on loopback (or a man in the middle under the default sslmode=prefer) tries to
 * let the client in without authentication: both front ends, {@link Tusk#connect} and
 * {@link Tusk#connectAsync}, must refuse, and no statement may reach that server.
 */
class HostileServerIT {
    private static final byte[] AUTH_OK = hex("52 00000008 00000000");
    private static final byte[] KEY_DATA = hex("4b 0000000c 0000002a 01020304");
    private static final byte[] READY = hex("5a 00000005 49");
    private static final byte[] SASL_SCRAM = hex("52 00000017 0000000a 'SCRAM-SHA-256' 00 00");

    @Test
    void refusesATrustServerThatNeverSendsAuthenticationOk() {
        try (ScriptedServer server = ScriptedServer.start(send(ScriptedServer.concat(KEY_DATA, READY)))) {
            for (OperationalException e : bothFrontEnds(server.conninfo())) {
                assertTrue(e.getMessage().contains("BackendKeyData before AuthenticationOk"), e.getMessage());
            }
            assertNoQueryReached(server);
        }
    }

    @Test
    void refusesReadyForQueryInsteadOfAuthentication() {
        try (ScriptedServer server = ScriptedServer.start(send(READY))) {
            for (OperationalException e : bothFrontEnds(server.conninfo())) {
                assertTrue(e.getMessage().contains("ReadyForQuery before AuthenticationOk"), e.getMessage());
            }
            assertNoQueryReached(server);
        }
    }

    @Test
    void requireAuthRefusesAuthenticationOkWithoutAnExchange() {
        try (ScriptedServer server = ScriptedServer.start(send(ScriptedServer.concat(AUTH_OK, KEY_DATA, READY)))) {
            for (OperationalException e : bothFrontEnds(server.conninfo() + " require_auth=scram-sha-256")) {
                assertTrue(e.getMessage().contains("server did not complete authentication"), e.getMessage());
            }
            assertNoQueryReached(server);
        }
    }

    @Test
    void refusesReadyForQueryInTheMiddleOfScram() {
        try (ScriptedServer server = ScriptedServer.start(send(SASL_SCRAM), expect('p', clientFirst -> READY))) {
            for (OperationalException e : bothFrontEnds(server.conninfo())) {
                assertTrue(e.getMessage().contains("ReadyForQuery before AuthenticationOk, without completing"),
                        e.getMessage());
            }
            assertNoQueryReached(server);
        }
    }

    @Test
    void refusesAuthenticationOkInTheMiddleOfScram() {
        try (ScriptedServer server = ScriptedServer.start(send(SASL_SCRAM),
                expect('p', clientFirst -> ScriptedServer.concat(AUTH_OK, KEY_DATA, READY)))) {
            for (OperationalException e : bothFrontEnds(server.conninfo())) {
                assertTrue(e.getMessage().contains("before AuthenticationSASLFinal"), e.getMessage());
            }
            assertNoQueryReached(server);
        }
    }

    @Test
    void showsAHostileErrorWithoutItsControlCharacters() {
        String text = "no entry\u001b[2J\r\n2026-01-01 LOG:  forged" + "!".repeat(5000);
        byte[] fields = ("SFATAL\0C28000\0M" + text + "\0\0").getBytes(StandardCharsets.UTF_8);
        byte[] error = ScriptedServer.concat(new byte[] {'E'}, java.nio.ByteBuffer.allocate(4).putInt(fields.length + 4).array(), fields);
        try (ScriptedServer server = ScriptedServer.start(send(error))) {
            for (OperationalException e : bothFrontEnds(server.conninfo() + " sslmode=disable")) {
                String m = e.getMessage();
                assertTrue(m.contains("no entry\\x1b[2J  2026-01-01 LOG:  forged!!!"), m);
                assertFalse(m.contains("\n") || m.contains("\r") || m.contains("\u001b"), m);
                assertTrue(m.length() < 1200 && m.contains("\u2026"), "capped: " + m.length());
            }
        }
    }

    @Test
    void refusesAFloodOfParameterStatusDuringStartup() {
        try (ScriptedServer server = ScriptedServer.start(send(AUTH_OK), send(flood(100)), send(READY))) {
            for (OperationalException e : bothFrontEnds(server.conninfo())) {
                assertTrue(e.getMessage().contains("more than 64 parameters"), e.getMessage());
            }
            assertNoQueryReached(server);
        }
    }

    @Test
    void breaksAnEstablishedSessionOnAFloodOfParameterStatus() throws Exception {
        byte[] answer = ScriptedServer.concat(flood(100), READY);
        try (ScriptedServer server = ScriptedServer.start(send(ScriptedServer.concat(AUTH_OK, KEY_DATA, READY)),
                expect('*', q -> answer))) {
            try (Connection conn = Tusk.connect(server.conninfo() + " sslmode=disable")) {
                OperationalException e = assertThrows(OperationalException.class, () -> conn.execute("SELECT 1"));
                assertTrue(e.getMessage().contains("more than 64 parameters"), e.getMessage());
                assertEquals(ConnectionStatus.BAD, conn.info().status());
            }
        }
        try (ScriptedServer server = ScriptedServer.start(send(ScriptedServer.concat(AUTH_OK, KEY_DATA, READY)),
                expect('*', q -> answer))) {
            io.tusk.async.AsyncConnection conn = Tusk.connectAsync(server.conninfo() + " sslmode=disable")
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> conn.execute("SELECT 1").toCompletableFuture().get(30, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("more than 64 parameters"), e.getCause().getMessage());
            conn.close();
        }
    }

    /** {@code n} ParameterStatus messages with names the client has never seen. */
    private static byte[] flood(int n) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            byte[] body = ("flood" + i + "\0v\0").getBytes(StandardCharsets.US_ASCII);
            b.write('S');
            b.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(body.length + 4).array());
            b.writeBytes(body);
        }
        return b.toByteArray();
    }

    private static void assertNoQueryReached(ScriptedServer server) {
        assertFalse(server.receivedAfterScript().contains('Q'), "a query reached the fake server: " + server.receivedAfterScript());
        assertFalse(server.receivedAfterScript().contains('P'), "a statement reached the fake server: " + server.receivedAfterScript());
    }

    /** Connects with both front ends; each must fail with an OperationalException, which is returned. */
    static List<OperationalException> bothFrontEnds(String conninfo) {
        List<OperationalException> out = new ArrayList<>();
        out.add(assertThrows(OperationalException.class, () -> Tusk.connect(conninfo).close(), "Tusk.connect"));
        try {
            Tusk.connectAsync(conninfo).toCompletableFuture().get(30, TimeUnit.SECONDS).close();
            fail("Tusk.connectAsync accepted the server");
        } catch (ExecutionException e) {
            out.add(assertInstanceOf(OperationalException.class, e.getCause(), "Tusk.connectAsync"));
        } catch (Exception e) {
            fail("Tusk.connectAsync: " + e);
        }
        assertEquals(2, out.size());
        return out;
    }
}
