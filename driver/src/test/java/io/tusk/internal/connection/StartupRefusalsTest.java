package io.tusk.internal.connection;

import static io.tusk.internal.connection.StartupExchangeTest.auth;
import static io.tusk.internal.connection.StartupExchangeTest.payloadAfterMechanism;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.DatabaseException;
import io.tusk.errors.OperationalException;
import io.tusk.errors.TuskException;
import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.Wire;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.Authentication;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.backend.ErrorResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a hostile server (a fake one, or a man in the middle under sslmode=prefer) cannot make the
 * start-up accept: each test plays the server's messages, written byte for byte from the
 * protocol's "Message Formats", and checks the client refuses with a Tusk exception that names
 * what came, before it would send a statement.
 */
class StartupRefusalsTest {
    private static final String AUTH_OK = "52 00000008 00000000";
    private static final String READY = "5a 00000005 49";
    private static final String KEY_DATA = "4b 0000000c 0000002a 01020304";
    private static final String CLEARTEXT = "52 00000008 00000003";
    private static final String MD5 = "52 0000000c 00000005 01020304";
    private static final String SASL_SCRAM = "52 00000017 0000000a 'SCRAM-SHA-256' 00 00";
    private static final String SASL_FINAL_JUNK = "52 0000000c 0000000c 'v=AA'";

    private final WriteBuffer out = new WriteBuffer();

    @Test
    void refusesATrustServerThatSkipsAuthenticationOk() {
        StartupExchange x = exchange(null, null);
        ProtocolViolation e = refused(x, KEY_DATA);
        assertTrue(e.getMessage().contains("BackendKeyData before AuthenticationOk"), e.getMessage());
    }

    @Test
    void refusesReadyForQueryWithoutAuthentication() {
        StartupExchange x = exchange(null, null);
        ProtocolViolation e = refused(x, READY);
        assertTrue(e.getMessage().contains("ReadyForQuery before AuthenticationOk"), e.getMessage());
        assertFalse(x.authenticated());
    }

    @Test
    void refusesReadyForQueryUnderRequireAuth() {
        ProtocolViolation e = refused(exchange("scram-sha-256", null), READY);
        assertTrue(e.getMessage().contains("skipping authentication"), e.getMessage());
    }

    @Test
    void requireAuthRefusesAuthenticationOkWithoutAnExchange() {
        OperationalException e = refusedWith(OperationalException.class, exchange("scram-sha-256", null), AUTH_OK);
        assertTrue(e.getMessage().contains("server did not complete authentication"), e.getMessage());
    }

    @Test
    void requireAuthRefusesMd5BeforeSendingAHash() {
        OperationalException e = refusedWith(OperationalException.class, exchange("scram-sha-256", null), MD5);
        assertTrue(e.getMessage().contains("server requested a hashed password"), e.getMessage());
        assertEquals(0, out.size(), "nothing derived from the password may leave");
    }

    @Test
    void channelBindingRequiredRefusesAServerOfferingOnlyScramSha256OverTls() {
        OperationalException e = refusedWith(OperationalException.class,
                new StartupExchange(3 << 16, 3 << 16, Map.of("user", "alice"), auth(null, "require", true)), SASL_SCRAM);
        assertTrue(e.getMessage().contains("channel binding is required"), e.getMessage());
        assertEquals(0, out.size());
    }

    @Test
    void channelBindingRequiredRefusesAuthenticationOkWithoutAnExchange() {
        StartupExchange x = new StartupExchange(3 << 16, 3 << 16, Map.of("user", "alice"), auth(null, "require", true));
        OperationalException e = refusedWith(OperationalException.class, x, AUTH_OK);
        assertTrue(e.getMessage().contains("without channel binding"), e.getMessage());
        assertThrows(ProtocolViolation.class, () -> feed(x, READY, 1));
    }

    @Test
    void channelBindingRequiredRefusesReadyForQueryWithoutAnExchange() {
        refused(new StartupExchange(3 << 16, 3 << 16, Map.of("user", "alice"), auth(null, "require", true)), READY);
    }

    @Test
    void refusesReadyForQueryAfterTheClientsFirstScramMessage() {
        StartupExchange x = exchange(null, null);
        feed(x, SASL_SCRAM, 0);
        ProtocolViolation e = refused(x, READY);
        assertTrue(e.getMessage().contains("without completing authentication"), e.getMessage());
    }

    @Test
    void refusesReadyForQueryAfterTheClientProof() throws Exception {
        StartupExchange x = scramUpToClientFinal(new ScramServer("pencil"));
        refused(x, READY);
    }

    @Test
    void refusesAuthenticationOkWithoutTheServerSignature() throws Exception {
        StartupExchange x = scramUpToClientFinal(new ScramServer("pencil"));
        OperationalException e = refusedWith(OperationalException.class, x, AUTH_OK);
        assertTrue(e.getMessage().contains("before AuthenticationSASLFinal"), e.getMessage());
    }

    @Test
    void refusesAuthenticationOkTwice() {
        StartupExchange x = exchange(null, null);
        feed(x, AUTH_OK, 0);
        ProtocolViolation e = refused(x, AUTH_OK);
        assertTrue(e.getMessage().contains("AuthenticationOk after AuthenticationOk"), e.getMessage());
    }

    @Test
    void refusesAnAuthenticationRequestAfterAuthenticationOk() {
        StartupExchange x = exchange(null, null);
        feed(x, AUTH_OK, 0);
        ProtocolViolation e = refused(x, CLEARTEXT);
        assertTrue(e.getMessage().contains("AuthenticationCleartextPassword after AuthenticationOk"), e.getMessage());
        assertEquals(0, out.size(), "no password after the server said the client is in");
    }

    @Test
    void refusesBackendKeyDataTwice() {
        StartupExchange x = exchange(null, null);
        feed(x, AUTH_OK, 0);
        feed(x, KEY_DATA, 0);
        refused(x, KEY_DATA);
    }

    @Test
    void refusesSaslContinueWithoutSasl() {
        ProtocolViolation e = refused(exchange(null, null), "52 0000000c 0000000b 'r=ab'");
        assertTrue(e.getMessage().contains("AuthenticationSASLContinue out of order"), e.getMessage());
    }

    @Test
    void refusesSaslFinalBeforeSaslContinue() {
        StartupExchange x = exchange(null, null);
        feed(x, SASL_SCRAM, 0);
        ProtocolViolation e = refused(x, SASL_FINAL_JUNK);
        assertTrue(e.getMessage().contains("AuthenticationSASLFinal out of order"), e.getMessage());
    }

    @Test
    void refusesSaslContinueTwice() throws Exception {
        ScramServer server = new ScramServer("pencil");
        StartupExchange x = scramUpToClientFinal(server);
        ProtocolViolation e = assertThrows(ProtocolViolation.class,
                () -> x.handle(new Authentication.SaslContinue("r=x,s=AA==,i=1".getBytes()), out));
        assertTrue(e.getMessage().contains("AuthenticationSASLFinal was expected"), e.getMessage());
    }

    @Test
    void refusesARepeatedSaslFinalAsAProtocolViolation() throws Exception {
        ScramServer server = new ScramServer("pencil");
        StartupExchange x = exchange(null, null);
        byte[] clientFinal = scramTo(x, server);
        byte[] serverFinal = server.serverFinal(clientFinal);
        x.handle(new Authentication.SaslFinal(serverFinal), out);
        ProtocolViolation e = assertThrows(ProtocolViolation.class,
                () -> x.handle(new Authentication.SaslFinal(serverFinal), out));
        assertTrue(e.getMessage().contains("already finished"), e.getMessage());
    }

    @Test
    void refusesACleartextRequestOnceScramBegan() throws Exception {
        StartupExchange x = scramUpToClientFinal(new ScramServer("pencil"));
        ProtocolViolation e = refused(x, CLEARTEXT);
        assertTrue(e.getMessage().contains("after scram-sha-256 authentication had begun"), e.getMessage());
        assertEquals(0, out.size(), "the password must not leave in clear");
    }

    @Test
    void refusesParameterStatusBeforeAuthenticationOk() {
        StartupExchange x = exchange(null, null);
        BackendMessage p = Wire.decode("53 00000019 'client_encoding' 00 'SJIS' 00");
        ProtocolViolation e = assertThrows(ProtocolViolation.class, () -> x.screen(p));
        assertTrue(e.getMessage().contains("ParameterStatus before AuthenticationOk"), e.getMessage());
        feed(x, AUTH_OK, 0);
        assertEquals(p, x.screen(p), "after AuthenticationOk it is the session's");
    }

    @Test
    void refusesNegotiateProtocolVersionAfterAnAuthenticationRequest() {
        StartupExchange x = exchange(null, null);
        feed(x, CLEARTEXT, -1);
        out.clear();
        refused(x, "76 0000000c 00000000 00000000");
    }

    @Test
    void cleansErrorTextBeforeAuthentication() {
        StartupExchange x = exchange(null, null);
        String hostile = "bad\u001b[2J\r\nLOG:  forged line\u0007" + "x".repeat(5000);
        assertTrue(x.handle(new ErrorResponse(false, io.tusk.errors.Diagnostic.of(
                Map.of('S', "FATAL", 'V', "FATAL", 'C', "28000", 'M', hostile))), out));
        DatabaseException e = assertThrows(DatabaseException.class, x::result);
        String m = e.diag().messagePrimary();
        assertTrue(m.startsWith("bad\\x1b[2J  LOG:  forged line\\x07xxx"), m);
        assertTrue(m.length() <= 1001 && m.endsWith("\u2026"), "capped: " + m.length());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\u001b"), e.getMessage());
    }

    @Test
    void cleansNoticeTextBeforeAuthentication() {
        StartupExchange x = exchange(null, null);
        BackendMessage notice = new ErrorResponse(true, io.tusk.errors.Diagnostic.of(
                Map.of('S', "NOTICE", 'M', "hi\u001b]0;owned\u0007")));
        ErrorResponse cleaned = (ErrorResponse) x.screen(notice);
        assertEquals("hi\\x1b]0;owned\\x07", cleaned.diagnostic().messagePrimary());
    }

    @Test
    void keepsErrorTextAfterAuthentication() {
        StartupExchange x = exchange(null, null);
        feed(x, AUTH_OK, 0);
        x.handle(new ErrorResponse(false, io.tusk.errors.Diagnostic.of(
                Map.of('S', "FATAL", 'C', "53300", 'M', "too many\nclients"))), out);
        assertEquals("too many\nclients", assertThrows(DatabaseException.class, x::result).diag().messagePrimary());
    }

    @Test
    void everyRefusalIsATuskException() {
        // Out-of-order SCRAM steps used to escape as IllegalStateException from the SCRAM client.
        for (List<String> script : List.of(
                List.of(SASL_SCRAM, SASL_FINAL_JUNK, SASL_FINAL_JUNK),
                List.of(SASL_SCRAM, SASL_SCRAM),
                List.of(AUTH_OK, AUTH_OK),
                List.of(MD5, MD5))) {
            StartupExchange x = exchange(null, null);
            RuntimeException e = assertThrows(RuntimeException.class, () -> {
                for (String m : script) {
                    x.handle(Wire.decode(m), out);
                }
            });
            assertInstanceOf(TuskException.class, e, script + " raised " + e);
        }
    }

    private StartupExchange scramUpToClientFinal(ScramServer server) throws Exception {
        StartupExchange x = exchange(null, null);
        scramTo(x, server);
        return x;
    }

    /** Plays SASL and SASLContinue; returns the client-final-message the client answered with. */
    private byte[] scramTo(StartupExchange x, ScramServer server) throws Exception {
        x.handle(Wire.decode(SASL_SCRAM), out);
        byte[] first = payloadAfterMechanism(out.toByteArray());
        out.clear();
        x.handle(new Authentication.SaslContinue(server.serverFirst(first)), out);
        byte[] clientFinal = Arrays.copyOfRange(out.toByteArray(), 5, out.size());
        out.clear();
        return clientFinal;
    }

    private StartupExchange exchange(String requireAuth, String channelBinding) {
        return new StartupExchange(3 << 16, 3 << 16, Map.of("user", "alice"), auth(requireAuth, channelBinding));
    }

    /** Feeds one message; {@code expectDone} 1 means it must end the exchange, 0 that it must not, -1 either. */
    private void feed(StartupExchange x, String message, int expectDone) {
        boolean done = x.handle(Wire.decode(message), out);
        if (expectDone >= 0) {
            assertEquals(expectDone == 1, done, message);
        }
    }

    private ProtocolViolation refused(StartupExchange x, String message) {
        return refusedWith(ProtocolViolation.class, x, message);
    }

    private <E extends OperationalException> E refusedWith(Class<E> type, StartupExchange x, String message) {
        out.clear();
        return assertThrows(type, () -> x.handle(Wire.decode(message), out));
    }
}
