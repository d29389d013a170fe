package io.tusk.internal.protocol.frontend;

import static io.tusk.internal.protocol.Wire.assertEncodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The client's answers to Authentication requests, all of type 'p': PasswordMessage,
 * SASLInitialResponse, SASLResponse and GSSResponse ("Message Formats").
 */
class AuthenticationMessagesTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void passwordMessageIsTheNulTerminatedPassword() {
        // 4 + "secret\0" 7 = 11
        assertEncodes("70 0000000b 'secret' 00", new PasswordMessage(ascii("secret")));
    }

    @Test
    void md5PasswordMessageIsTheHashAsText() {
        // "md5" + 32 hex digits + NUL = 36, + 4 = 40 = 0x28
        assertEncodes("70 00000028 'md5' '0123456789abcdef0123456789abcdef' 00",
                new PasswordMessage(ascii("md50123456789abcdef0123456789abcdef")));
    }

    @Test
    void passwordMessageNeverShowsThePassword() {
        assertFalse(new PasswordMessage(ascii("hunter2")).toString().contains("hunter2"));
    }

    @Test
    void saslInitialResponseIsMechanismThenLengthPrefixedData() {
        // 4 + "SCRAM-SHA-256\0" 14 + Int32 11 + "n,,n=,r=abc" 11 = 33 = 0x21
        assertEncodes("70 00000021 'SCRAM-SHA-256' 00 0000000b 'n,,n=,r=abc'",
                new SaslInitialResponse("SCRAM-SHA-256", ascii("n,,n=,r=abc")));
    }

    @Test
    void saslInitialResponseWithoutDataSendsLengthMinusOne() {
        // "-1 if there is no Initial Response": 4 + 14 + 4 = 22 = 0x16
        assertEncodes("70 00000016 'SCRAM-SHA-256' 00 ffffffff", new SaslInitialResponse("SCRAM-SHA-256", null));
    }

    @Test
    void saslInitialResponseWithEmptyDataSendsLengthZero() {
        assertEncodes("70 00000016 'SCRAM-SHA-256' 00 00000000",
                new SaslInitialResponse("SCRAM-SHA-256", new byte[0]));
    }

    @Test
    void saslInitialResponseToStringNamesOnlyTheMechanism() {
        assertEquals("SaslInitialResponse[SCRAM-SHA-256]",
                new SaslInitialResponse("SCRAM-SHA-256", ascii("n,,n=,r=secretnonce")).toString());
    }

    @Test
    void saslResponseIsTheRawDataWithoutTerminator() {
        // 4 + 18 = 22 = 0x16
        assertEncodes("70 00000016 'c=biws,r=abc,p=xyz'", new SaslResponse(ascii("c=biws,r=abc,p=xyz")));
    }

    @Test
    void saslResponseToStringHidesTheProof() {
        assertFalse(new SaslResponse(ascii("c=biws,r=abc,p=proof")).toString().contains("proof"));
    }

    @Test
    void gssResponseIsTheRawToken() {
        assertEncodes("70 00000007 010203", new GssResponse(new byte[] {1, 2, 3}));
    }
}
