package io.tusk.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.OperationalException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ScramSha256ClientTest {

    // RFC 7677 §3.
    private static final String RFC_NONCE = "rOprNGfwEbeRWgbNEkqO";
    private static final String RFC_SERVER_FIRST =
            "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    private static final String RFC_CLIENT_FINAL =
            "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    private static final String RFC_SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static ScramSha256Client rfcClient(String password) {
        return rfcClient(bytes(password), "user");
    }

    private static ScramSha256Client rfcClient(byte[] password, String user) {
        return new ScramSha256Client(password, ChannelBindingMode.NONE, null, user, () -> RFC_NONCE);
    }

    @Test
    void scramReproducesRfc7677Example() {
        ScramSha256Client scram = rfcClient("pencil");
        assertEquals("SCRAM-SHA-256", scram.mechanism());
        assertEquals("n,,n=user,r=rOprNGfwEbeRWgbNEkqO", text(scram.clientFirstMessage()));
        assertEquals(RFC_CLIENT_FINAL, text(scram.handleServerFirst(bytes(RFC_SERVER_FIRST))));
        scram.verifyServerFinal(bytes(RFC_SERVER_FINAL));
        assertTrue(scram.isComplete());
        assertFalse(scram.isChannelBound());
    }

    @Test
    void scramAppliesSaslPrepToThePassword() {
        // "pen<SOFT HYPHEN>cil" prepares to "pencil": the RFC's proof must come out.
        ScramSha256Client scram = rfcClient("pen\u00ADcil");
        scram.clientFirstMessage();
        assertEquals(RFC_CLIENT_FINAL, text(scram.handleServerFirst(bytes(RFC_SERVER_FIRST))));
    }

    /*
     * Vectors for the raw-bytes fallback and for the other GS2 flags were computed with Python
     * (hashlib.pbkdf2_hmac('sha256', password, salt, 4096), hmac, base64) over the same
     * server-first-message as RFC 7677, the RFC's own example reproduced first as a check.
     */

    @Test
    void scramUsesRawBytesWhenSaslPrepProhibitsThePassword() {
        // "pencil\uE000" (private use) in UTF-8, unprepared
        ScramSha256Client scram = rfcClient("pencil\uE000");
        scram.clientFirstMessage();
        assertEquals("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=3RpJbpY31Bymhmat05/WcnpPstlmaUxNk6LXbscoTcA=",
                text(scram.handleServerFirst(bytes(RFC_SERVER_FIRST))));
        scram.verifyServerFinal(bytes("v=rewe1E7OCpgR6r3S8bqhLrrJtTLfaEIH/I1nUaZL/2s="));
        assertTrue(scram.isComplete());
    }

    @Test
    void scramUsesRawBytesWhenPasswordIsNotUtf8() {
        // b"pencil\xff"
        byte[] password = {'p', 'e', 'n', 'c', 'i', 'l', (byte) 0xFF};
        ScramSha256Client scram = rfcClient(password, "user");
        scram.clientFirstMessage();
        assertEquals("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=nbRAeuufZJ+yqXtaaFd+snyTCBNwupMlnVRh/mUKt9g=",
                text(scram.handleServerFirst(bytes(RFC_SERVER_FIRST))));
    }

    @Test
    void scramSendsEmptyUserNameByDefaultAsLibpq() {
        ScramSha256Client scram = new ScramSha256Client(bytes("pencil"), ChannelBindingMode.NONE, null);
        String first = text(scram.clientFirstMessage());
        assertTrue(first.startsWith("n,,n=,r="), first);
        assertEquals(24, first.length() - "n,,n=,r=".length(), "18 random bytes in base64");
    }

    @Test
    void scramWithEmptyUserNameMatchesIndependentComputation() {
        ScramSha256Client scram = rfcClient(bytes("pencil"), "");
        assertEquals("n,,n=,r=rOprNGfwEbeRWgbNEkqO", text(scram.clientFirstMessage()));
        assertEquals("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=qvT2SWdEH5Q06albL+hjSYuUhCG7VndFyzIb7CK4n9k=",
                text(scram.handleServerFirst(bytes(RFC_SERVER_FIRST))));
        scram.verifyServerFinal(bytes("v=3HO6Qt1M4MKJrmlKaoOqLAI0/0TV0HZe7J9H3MBtSOg="));
        assertTrue(scram.isComplete());
    }

    @Test
    void scramEscapesCommaAndEqualsInUserName() {
        ScramSha256Client scram = rfcClient(bytes("pencil"), "a,b=c");
        assertEquals("n,,n=a=2Cb=3Dc,r=rOprNGfwEbeRWgbNEkqO", text(scram.clientFirstMessage()));
    }

    @Test
    void scramWithChannelBindingSendsGs2HeaderAndCertificateHashInC() {
        byte[] cbind = HexFormat.of().parseHex(TestCertificates.ECDSA_SHA256_HASH_HEX);
        ScramSha256Client scram = new ScramSha256Client(bytes("pencil"), ChannelBindingMode.TLS_SERVER_END_POINT,
                cbind, "", () -> RFC_NONCE);
        assertEquals("SCRAM-SHA-256-PLUS", scram.mechanism());
        assertEquals("p=tls-server-end-point,,n=,r=rOprNGfwEbeRWgbNEkqO", text(scram.clientFirstMessage()));
        String clientFinal = text(scram.handleServerFirst(bytes(RFC_SERVER_FIRST)));

        String c = clientFinal.substring(2, clientFinal.indexOf(','));
        byte[] decoded = Base64.getDecoder().decode(c);
        byte[] header = bytes("p=tls-server-end-point,,");
        assertEquals("p=tls-server-end-point,,", new String(decoded, 0, header.length, StandardCharsets.US_ASCII));
        assertEquals(TestCertificates.ECDSA_SHA256_HASH_HEX,
                HexFormat.of().formatHex(decoded, header.length, decoded.length));
        // The whole message, as Python computes it with gs2 header + cbind data.
        assertEquals("c=cD10bHMtc2VydmVyLWVuZC1wb2ludCwsCg/4lZioAtkzaVWXv48mQcU5TwxHbflfNu6s3B36UXY=,"
                + "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=lOCD/e5qJGwx10LuZMasESfxUqCxIq30fm6xXvC2SX8=", clientFinal);
        scram.verifyServerFinal(bytes("v=uXf3ikYqJI7mvmPNq4KSQ1bTgLSGy8a6/KLPa2tatH0="));
        assertTrue(scram.isChannelBound());
    }

    @Test
    void scramClientSupportingBindingSendsYFlagInBothMessages() {
        ScramSha256Client scram = new ScramSha256Client(bytes("pencil"), ChannelBindingMode.CLIENT_SUPPORTS_NOT_USED,
                null, "", () -> RFC_NONCE);
        assertEquals("y,,n=,r=rOprNGfwEbeRWgbNEkqO", text(scram.clientFirstMessage()));
        assertEquals("c=eSws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=VpuC5DGQa5ro9tXE9MnKs69NH1nxnuregZZcclqIGfM=",
                text(scram.handleServerFirst(bytes(RFC_SERVER_FIRST))));
    }

    @Test
    void scramRejectsWrongServerSignature() {
        ScramSha256Client scram = rfcClient("pencil");
        scram.clientFirstMessage();
        scram.handleServerFirst(bytes(RFC_SERVER_FIRST));
        // First character changed, "6rri" -> "7rri": the first signature byte differs by one bit.
        OperationalException e = assertThrows(OperationalException.class,
                () -> scram.verifyServerFinal(bytes("v=7rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")));
        assertTrue(e.getMessage().contains("does not know the password"), e.getMessage());
        assertFalse(scram.isComplete());
    }

    @Test
    void scramRejectsServerThatDoesNotKnowThePassword() {
        ScramSha256Client scram = rfcClient("not pencil");
        scram.clientFirstMessage();
        scram.handleServerFirst(bytes(RFC_SERVER_FIRST));
        assertThrows(OperationalException.class, () -> scram.verifyServerFinal(bytes(RFC_SERVER_FINAL)));
    }

    @Test
    void scramRejectsServerNonceNotStartingWithClientNonce() {
        ScramSha256Client scram = rfcClient("pencil");
        scram.clientFirstMessage();
        OperationalException e = assertThrows(OperationalException.class, () -> scram.handleServerFirst(
                bytes("r=XOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")));
        assertTrue(e.getMessage().contains("nonce"), e.getMessage());
    }

    @Test
    void scramRejectsServerNonceWithoutServerPart() {
        ScramSha256Client scram = rfcClient("pencil");
        scram.clientFirstMessage();
        assertThrows(OperationalException.class, () -> scram.handleServerFirst(
                bytes("r=rOprNGfwEbeRWgbNEkqO,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")));
    }

    @Test
    void scramRejectsSaltThatIsNotBase64() {
        ScramSha256Client scram = rfcClient("pencil");
        scram.clientFirstMessage();
        OperationalException e = assertThrows(OperationalException.class, () -> scram.handleServerFirst(
                bytes("r=rOprNGfwEbeRWgbNEkqOxyz,s=not*base64!,i=4096")));
        assertTrue(e.getMessage().contains("base64"), e.getMessage());
    }

    @Test
    void scramRejectsZeroNegativeAndNonNumericIterationCounts() {
        for (String i : new String[] {"0", "-1", "+5", "4096x", "", "99999999999"}) {
            ScramSha256Client scram = rfcClient("pencil");
            scram.clientFirstMessage();
            assertThrows(OperationalException.class, () -> scram.handleServerFirst(
                    bytes("r=rOprNGfwEbeRWgbNEkqOxyz,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=" + i)), "i=" + i);
        }
    }

    @Test
    void scramRefusesIterationCountAboveTheGuardBeforeHashing() {
        ScramSha256Client scram = rfcClient("pencil");
        scram.clientFirstMessage();
        OperationalException e = assertThrows(OperationalException.class, () -> scram.handleServerFirst(
                bytes("r=rOprNGfwEbeRWgbNEkqOxyz,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=2147483647")));
        assertTrue(e.getMessage().contains("scram_iterations"), e.getMessage());
    }

    @Test
    void scramRejectsMandatoryExtension() {
        ScramSha256Client scram = rfcClient("pencil");
        scram.clientFirstMessage();
        OperationalException e = assertThrows(OperationalException.class, () -> scram.handleServerFirst(
                bytes("m=future,r=rOprNGfwEbeRWgbNEkqOxyz,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")));
        assertTrue(e.getMessage().contains("m=future"), e.getMessage());
    }

    @Test
    void scramIgnoresOptionalExtensionsAfterIterationCount() {
        ScramSha256Client scram = rfcClient("pencil");
        scram.clientFirstMessage();
        String clientFinal = text(scram.handleServerFirst(bytes(RFC_SERVER_FIRST + ",x=whatever")));
        assertTrue(clientFinal.startsWith("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYD"), clientFinal);
    }

    @Test
    void scramRejectsServerFirstMessageThatIsNotAttributes() {
        ScramSha256Client scram = rfcClient("pencil");
        scram.clientFirstMessage();
        assertThrows(OperationalException.class, () -> scram.handleServerFirst(bytes("garbage")));
    }

    @Test
    void scramReportsServerErrorText() {
        ScramSha256Client scram = rfcClient("pencil");
        scram.clientFirstMessage();
        scram.handleServerFirst(bytes(RFC_SERVER_FIRST));
        OperationalException e = assertThrows(OperationalException.class,
                () -> scram.verifyServerFinal(bytes("e=invalid-proof")));
        assertEquals("error received from server in SCRAM exchange: invalid-proof", e.getMessage());
    }

    @Test
    void scramRejectsServerSignatureOfWrongLength() {
        ScramSha256Client scram = rfcClient("pencil");
        scram.clientFirstMessage();
        scram.handleServerFirst(bytes(RFC_SERVER_FIRST));
        assertThrows(OperationalException.class, () -> scram.verifyServerFinal(bytes("v=AAAA")));
    }

    @Test
    void scramRefusesCallsOutOfOrder() {
        ScramSha256Client scram = rfcClient("pencil");
        assertThrows(IllegalStateException.class, () -> scram.handleServerFirst(bytes(RFC_SERVER_FIRST)));
        scram.clientFirstMessage();
        assertThrows(IllegalStateException.class, () -> scram.clientFirstMessage());
        assertThrows(IllegalStateException.class, () -> scram.verifyServerFinal(bytes(RFC_SERVER_FINAL)));
    }

    @Test
    void scramCannotContinueAfterAFailedStep() {
        ScramSha256Client scram = rfcClient("pencil");
        scram.clientFirstMessage();
        assertThrows(OperationalException.class, () -> scram.handleServerFirst(bytes("garbage")));
        assertThrows(IllegalStateException.class, () -> scram.handleServerFirst(bytes(RFC_SERVER_FIRST)));
    }

    @Test
    void scramRefusesEmptyPassword() {
        OperationalException e = assertThrows(OperationalException.class,
                () -> new ScramSha256Client(new byte[0], ChannelBindingMode.NONE, null));
        assertTrue(e.getMessage().startsWith("no password supplied"), e.getMessage());
    }

    @Test
    void scramDoesNotShowThePasswordInToString() {
        ScramSha256Client scram = rfcClient("pencil");
        assertFalse(scram.toString().contains("pencil"), scram.toString());
    }

    @Test
    void scramLeavesTheCallersPasswordArrayIntact() {
        byte[] password = bytes("pencil");
        ScramSha256Client scram = rfcClient(password, "user");
        scram.clientFirstMessage();
        scram.handleServerFirst(bytes(RFC_SERVER_FIRST));
        assertEquals("pencil", text(password));
    }

    @Test
    void scramRequiresBindingDataExactlyForTlsServerEndPoint() {
        assertThrows(IllegalArgumentException.class,
                () -> new ScramSha256Client(bytes("p"), ChannelBindingMode.TLS_SERVER_END_POINT, null));
        assertThrows(IllegalArgumentException.class,
                () -> new ScramSha256Client(bytes("p"), ChannelBindingMode.NONE, new byte[32]));
    }

    @Test
    void hiMatchesRfc7914Pbkdf2HmacSha256Vector() {
        // RFC 7914 §11: PBKDF2-HMAC-SHA256 (P="passwd", S="salt", c=1, dkLen=64); Hi is its first 32 bytes.
        byte[] hi = assertDoesNotThrowHi(bytes("passwd"), bytes("salt"), 1);
        assertEquals("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc", HexFormat.of().formatHex(hi));
    }

    private static byte[] assertDoesNotThrowHi(byte[] password, byte[] salt, int iterations) {
        try {
            return ScramSha256Client.hi(password, salt, iterations);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
