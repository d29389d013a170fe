package io.tusk.internal.connection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.InvalidPassword;
import io.tusk.errors.OperationalException;
import io.tusk.internal.net.SocketTransport;
import io.tusk.internal.net.TlsSettings;
import io.tusk.internal.net.Transport;
import io.tusk.internal.protocol.ReadBuffer;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.Authentication;
import io.tusk.internal.protocol.backend.BackendKeyData;
import io.tusk.internal.protocol.backend.ErrorResponse;
import io.tusk.internal.protocol.backend.NegotiateProtocolVersion;
import io.tusk.internal.protocol.backend.ReadyForQuery;
import io.tusk.errors.Diagnostic;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The start-up and authentication flow against a scripted server: each test feeds the
 * server's messages to the exchange and checks the exact messages the client answers with.
 */
class StartupExchangeTest {
    private static final String PASSWORD = "pencil";
    private final WriteBuffer out = new WriteBuffer();

    @Test
    void sendsTheStartupMessageAndCompletesOnReadyForQuery() {
        StartupExchange x = exchange(null, null);
        x.start(out);
        byte[] sent = out.toByteArray();
        ReadBuffer in = new ReadBuffer(sent, 4, sent.length - 4, StandardCharsets.UTF_8, "StartupMessage");
        assertEquals(3 << 16, in.int32());
        assertEquals("user", in.cstring());
        assertEquals("alice", in.cstring());
        out.clear();

        assertFalse(x.handle(Authentication.Ok.INSTANCE, out));
        assertFalse(x.handle(new BackendKeyData(42, new byte[] {1, 2, 3, 4}), out));
        assertTrue(x.handle(ReadyForQuery.IDLE, out));
        assertEquals(0, out.size(), "nothing is sent after a trusted login");
        assertEquals(42, x.result().keyData().processId());
    }

    @Test
    void answersCleartextWithThePassword() {
        StartupExchange x = exchange(null, null);
        x.handle(Authentication.CleartextPassword.INSTANCE, out);
        assertArrayEquals(new byte[] {'p', 0, 0, 0, 11, 'p', 'e', 'n', 'c', 'i', 'l', 0}, out.toByteArray());
    }

    @Test
    void answersMd5WithTheSaltedHash() throws Exception {
        StartupExchange x = exchange(null, null);
        byte[] salt = {1, 2, 3, 4};
        x.handle(new Authentication.Md5Password(salt), out);
        String inner = hex(MessageDigest.getInstance("MD5").digest((PASSWORD + "alice").getBytes(StandardCharsets.UTF_8)));
        MessageDigest outer = MessageDigest.getInstance("MD5");
        outer.update(inner.getBytes(StandardCharsets.US_ASCII));
        outer.update(salt);
        byte[] sent = out.toByteArray();
        assertEquals("md5" + hex(outer.digest()), new String(sent, 5, sent.length - 6, StandardCharsets.US_ASCII));
    }

    @Test
    void completesScramWithAServerThatKnowsThePassword() throws Exception {
        ScramServer server = new ScramServer(PASSWORD);
        StartupExchange x = exchange(null, null);
        x.handle(new Authentication.Sasl(List.of("SCRAM-SHA-256")), out);
        byte[] first = payloadAfterMechanism(out.toByteArray());
        out.clear();
        x.handle(new Authentication.SaslContinue(server.serverFirst(first)), out);
        byte[] clientFinal = java.util.Arrays.copyOfRange(out.toByteArray(), 5, out.size());
        out.clear();
        byte[] serverFinal = server.serverFinal(clientFinal); // checks the client's proof
        x.handle(new Authentication.SaslFinal(serverFinal), out);
        x.handle(Authentication.Ok.INSTANCE, out);
        assertTrue(x.handle(ReadyForQuery.IDLE, out));
        x.result();
    }

    @Test
    void scramRejectsAServerThatDoesNotKnowThePassword() throws Exception {
        ScramServer impostor = new ScramServer("not-the-password");
        StartupExchange x = exchange(null, null);
        x.handle(new Authentication.Sasl(List.of("SCRAM-SHA-256")), out);
        byte[] first = payloadAfterMechanism(out.toByteArray());
        out.clear();
        x.handle(new Authentication.SaslContinue(impostor.serverFirst(first)), out);
        byte[] clientFinal = java.util.Arrays.copyOfRange(out.toByteArray(), 5, out.size());
        byte[] forged = impostor.serverFinalWithoutChecking(clientFinal);
        assertThrows(OperationalException.class, () -> x.handle(new Authentication.SaslFinal(forged), out));
    }

    @Test
    void requireAuthRefusesCleartextBeforeSendingThePassword() {
        StartupExchange x = exchange("scram-sha-256", null);
        OperationalException e = assertThrows(OperationalException.class,
                () -> x.handle(Authentication.CleartextPassword.INSTANCE, out));
        assertEquals(0, out.size(), "no password may leave");
        assertTrue(e.getMessage().contains("scram-sha-256"), e.getMessage());
    }

    @Test
    void channelBindingRequiredRefusesAServerThatSkipsSasl() {
        StartupExchange x = exchange(null, "require");
        assertThrows(OperationalException.class, () -> x.handle(Authentication.Md5Password.class.cast(
                new Authentication.Md5Password(new byte[] {1, 2, 3, 4})), out));
    }

    @Test
    void unsupportedMethodsAreNamed() {
        StartupExchange x = exchange(null, null);
        OperationalException e = assertThrows(OperationalException.class, () -> x.handle(new Authentication.Unsupported(7), out));
        assertTrue(e.getMessage().contains("GSSAPI"), e.getMessage());
    }

    @Test
    void gssContinueWithoutAuthenticationGssIsRefused() {
        StartupExchange x = exchange(null, null);
        io.tusk.internal.protocol.ProtocolViolation e = assertThrows(io.tusk.internal.protocol.ProtocolViolation.class,
                () -> x.handle(new Authentication.GssContinue(new byte[] {1, 2}), out));
        assertTrue(e.getMessage().contains("AuthenticationGSSContinue out of order"), e.getMessage());
    }

    @Test
    void requireAuthGssRefusesAServerThatSkipsAuthenticationOnAPlainSession() {
        StartupExchange x = exchange("gss", null);
        OperationalException e = assertThrows(OperationalException.class, () -> x.handle(Authentication.Ok.INSTANCE, out));
        assertTrue(e.getMessage().contains("authentication method requirement \"gss\" failed: server did not complete"
                + " authentication"), e.getMessage());
    }

    @Test
    void requireAuthScramRefusesGssBeforeAnyCredentialIsTouched() {
        StartupExchange x = exchange("scram-sha-256", null);
        OperationalException e = assertThrows(OperationalException.class, () -> x.handle(Authentication.Gss.INSTANCE, out));
        assertTrue(e.getMessage().contains("server requested GSSAPI authentication"), e.getMessage());
    }

    @Test
    void aStartupErrorIsRaisedWithItsSqlstate() {
        StartupExchange x = exchange(null, null);
        Diagnostic d = Diagnostic.of(Map.of('S', "FATAL", 'V', "FATAL", 'C', "28P01",
                'M', "password authentication failed for user \"alice\""));
        assertTrue(x.handle(new ErrorResponse(false, d), out));
        InvalidPassword e = assertThrows(InvalidPassword.class, x::result);
        assertEquals("28P01", e.sqlstate());
    }

    @Test
    void acceptsAnOlderProtocolWhenTheMinimumAllowsIt() {
        StartupExchange x = new StartupExchange(3 << 16 | 2, 3 << 16, Map.of("user", "alice"), auth(null, null));
        x.handle(new NegotiateProtocolVersion(3 << 16, List.of()), out);
        x.handle(Authentication.Ok.INSTANCE, out);
        x.handle(ReadyForQuery.IDLE, out);
        assertEquals(3 << 16, x.result().protocolVersion());
    }

    @Test
    void refusesAnOlderProtocolBelowTheMinimum() {
        StartupExchange x = new StartupExchange(3 << 16 | 2, 3 << 16 | 2, Map.of("user", "alice"), auth(null, null));
        assertTrue(x.handle(new NegotiateProtocolVersion(3 << 16, List.of()), out));
        OperationalException e = assertThrows(OperationalException.class, x::result);
        assertTrue(e.getMessage().contains("min_protocol_version"), e.getMessage());
    }

    private StartupExchange exchange(String requireAuth, String channelBinding) {
        return new StartupExchange(3 << 16, 3 << 16, Map.of("user", "alice"), auth(requireAuth, channelBinding));
    }

    static Authenticator auth(String requireAuth, String channelBinding) {
        return auth(requireAuth, channelBinding, false);
    }

    static Authenticator auth(String requireAuth, String channelBinding, boolean tls) {
        ConnectSpec.HostAttempt host = new ConnectSpec.HostAttempt("localhost", null, 5432, null);
        ConnectSpec spec = new ConnectSpec(List.of(host), "alice", "db", Map.of("user", "alice"), null, null,
                SocketTransport.KeepAlive.DEFAULT,
                new TlsSettings(TlsSettings.Mode.DISABLE, null, false, null, null, null, false, false),
                requireAuth, channelBinding == null ? "prefer" : channelBinding, "any", 3 << 16, 3 << 16,
                h -> PASSWORD.toCharArray(), "user=alice");
        return new Authenticator(spec, host, new PlainTransport(tls));
    }

    static byte[] payloadAfterMechanism(byte[] saslInitial) {
        int i = 5;
        while (saslInitial[i] != 0) {
            i++;
        }
        int len = io.tusk.internal.protocol.Bytes.int32(saslInitial, i + 1);
        return java.util.Arrays.copyOfRange(saslInitial, i + 5, i + 5 + len);
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x", x));
        }
        return s.toString();
    }
}
