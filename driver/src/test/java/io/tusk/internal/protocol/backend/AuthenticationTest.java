package io.tusk.internal.protocol.backend;

import static io.tusk.internal.protocol.Wire.decode;
import static io.tusk.internal.protocol.Wire.decodeFails;
import static io.tusk.internal.protocol.Wire.toHex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Authentication* requests ('R'), one per code of "Message Formats". */
class AuthenticationTest {

    @Test
    void code0IsAuthenticationOk() {
        assertSame(Authentication.Ok.INSTANCE, decode("52 00000008 00000000"));
    }

    @Test
    void code3AsksForTheCleartextPassword() {
        assertSame(Authentication.CleartextPassword.INSTANCE, decode("52 00000008 00000003"));
    }

    @Test
    void code5AsksForAnMd5PasswordWithA4ByteSalt() {
        var m = assertInstanceOf(Authentication.Md5Password.class, decode("52 0000000c 00000005 01020304"));
        assertEquals("01 02 03 04", toHex(m.salt()));
    }

    @Test
    void code10ListsTheSaslMechanismsInTheServersOrder() {
        // 4 + 4 + "SCRAM-SHA-256-PLUS\0" 19 + "SCRAM-SHA-256\0" 14 + terminator 1 = 42
        var m = assertInstanceOf(Authentication.Sasl.class,
                decode("52 0000002a 0000000a 'SCRAM-SHA-256-PLUS' 00 'SCRAM-SHA-256' 00 00"));
        assertEquals(List.of("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"), m.mechanisms());
    }

    @Test
    void code11CarriesTheServerFirstMessage() {
        // 4 + 4 + 23 = 31
        var m = assertInstanceOf(Authentication.SaslContinue.class,
                decode("52 0000001f 0000000b 'r=abc,s=c2FsdA==,i=4096'"));
        assertEquals("r=abc,s=c2FsdA==,i=4096", new String(m.data(), StandardCharsets.US_ASCII));
    }

    @Test
    void code12CarriesTheServerFinalMessage() {
        var m = assertInstanceOf(Authentication.SaslFinal.class, decode("52 0000000e 0000000c 'v=AAAA'"));
        assertEquals("v=AAAA", new String(m.data(), StandardCharsets.US_ASCII));
    }

    @Test
    void kerberosV5AndSspiDecodeAsUnsupportedNamingTheMethod() {
        assertEquals("Kerberos V5", unsupported("52 00000008 00000002").methodName());
        assertEquals("SSPI", unsupported("52 00000008 00000009").methodName());
    }

    @Test
    void code7StartsGssapiAndCode8CarriesTheServerToken() {
        assertSame(Authentication.Gss.INSTANCE, decode("52 00000008 00000007"));
        var m = assertInstanceOf(Authentication.GssContinue.class, decode("52 0000000b 00000008 aabbcc"));
        assertArrayEquals(new byte[] {(byte) 0xaa, (byte) 0xbb, (byte) 0xcc}, m.data());
    }

    private static Authentication.Unsupported unsupported(String message) {
        return assertInstanceOf(Authentication.Unsupported.class, decode(message));
    }

    @Test
    void anUnknownCodeIsAProtocolViolationNamingTheCode() {
        assertEquals("protocol violation: Authentication has an unknown request code 6",
                decodeFails("52 00000008 00000006").getMessage());
        assertEquals("protocol violation: Authentication has an unknown request code -1",
                decodeFails("52 00000008 ffffffff").getMessage());
    }

    @Test
    void aShortMd5SaltIsAProtocolViolation() {
        assertEquals("protocol violation: Authentication is truncated: expected 4 bytes at offset 4"
                + " but only 2 bytes remain", decodeFails("52 0000000a 00000005 0102").getMessage());
    }

    @Test
    void bytesAfterAFixedSizeRequestAreAProtocolViolation() {
        assertEquals("protocol violation: Authentication has 1 unexpected trailing bytes",
                decodeFails("52 00000009 00000000 00").getMessage());
    }

    @Test
    void aSaslListWithoutTerminatorIsAProtocolViolation() {
        assertEquals("protocol violation: Authentication has a string without its terminating NUL",
                decodeFails("52 00000016 0000000a 'SCRAM-SHA-256' 00").getMessage());
    }
}
