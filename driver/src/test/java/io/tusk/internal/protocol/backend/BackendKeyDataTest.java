package io.tusk.internal.protocol.backend;

import static io.tusk.internal.protocol.Wire.decode;
import static io.tusk.internal.protocol.Wire.decodeFails;
import static io.tusk.internal.protocol.Wire.framerFails;
import static io.tusk.internal.protocol.Wire.toHex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.tusk.internal.protocol.Wire;
import org.junit.jupiter.api.Test;

/**
 * BackendKeyData ('K'): the process id and the cancel key, which "extends to the end of the
 * message" and is 4 to 256 bytes long (always 4 before protocol 3.2).
 */
class BackendKeyDataTest {

    @Test
    void aProtocol30KeyIs4Bytes() {
        var m = assertInstanceOf(BackendKeyData.class, decode("4b 0000000c 000004d2 deadbeef"));
        assertEquals(1234, m.processId());
        assertEquals("de ad be ef", toHex(m.secretKey()));
    }

    @Test
    void aProtocol32KeyCanBe256Bytes() {
        // 4 + 4 + 256 = 264 = 0x108
        byte[] key = Wire.sequence(256);
        var m = assertInstanceOf(BackendKeyData.class, decode("4b 00000108 7fffffff " + toHex(key)));
        assertEquals(Integer.MAX_VALUE, m.processId());
        assertArrayEquals(key, m.secretKey());
    }

    @Test
    void theServers32ByteKeyIsKeptWhole() {
        var m = assertInstanceOf(BackendKeyData.class, decode("4b 00000028 00000001 " + toHex(Wire.sequence(32))));
        assertEquals(32, m.secretKey().length);
    }

    @Test
    void aKeyOf300BytesIsRejected() {
        // 4 + 4 + 300 = 308 = 0x134: the decoder names the key's length...
        String message = "4b 00000134 000004d2 " + toHex(Wire.sequence(300));
        assertEquals("protocol violation: BackendKeyData has a secret key of 300 bytes (4 to 256 allowed)",
                decodeFails(message).getMessage());
        // ...and the framer already refuses the header, before the 300 bytes arrive.
        assertEquals("protocol violation: BackendKeyData has an invalid length 308 (allowed: 4 to 264)",
                framerFails(message).getMessage());
    }

    @Test
    void aKeyShorterThan4BytesIsRejected() {
        assertEquals("protocol violation: BackendKeyData has a secret key of 3 bytes (4 to 256 allowed)",
                decodeFails("4b 0000000b 000004d2 010203").getMessage());
    }

    @Test
    void aMissingKeyIsRejected() {
        assertEquals("protocol violation: BackendKeyData has a secret key of 0 bytes (4 to 256 allowed)",
                decodeFails("4b 00000008 000004d2").getMessage());
    }

    @Test
    void aProcessIdCutShortIsAProtocolViolation() {
        assertEquals("protocol violation: BackendKeyData is truncated: expected an Int32 at offset 0"
                + " but only 2 bytes remain", decodeFails("4b 00000006 0000").getMessage());
    }

    @Test
    void toStringHidesTheKey() {
        var m = (BackendKeyData) decode("4b 0000000c 000004d2 deadbeef");
        assertEquals("BackendKeyData[pid=1234, key=4 bytes]", m.toString());
    }
}
