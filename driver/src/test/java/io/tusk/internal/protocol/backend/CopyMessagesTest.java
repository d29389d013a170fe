package io.tusk.internal.protocol.backend;

import static io.tusk.internal.protocol.Wire.decode;
import static io.tusk.internal.protocol.Wire.decodeFails;
import static io.tusk.internal.protocol.Wire.toHex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/**
 * The server's COPY messages: CopyInResponse ('G'), CopyOutResponse ('H'), CopyBothResponse
 * ('W'), each Int8 overall format, Int16 column count and Int16 per column; CopyData ('d') and
 * CopyDone ('c').
 */
class CopyMessagesTest {

    @Test
    void copyInResponseInTextFormatForTwoColumns() {
        // 4 + 1 + 2 + 2 x 2 = 11
        var m = assertInstanceOf(CopyResponse.class, decode("47 0000000b 00 0002 0000 0000"));
        assertEquals(CopyResponse.Direction.IN, m.direction());
        assertEquals(0, m.format());
        assertArrayEquals(new int[] {0, 0}, m.columnFormats());
    }

    @Test
    void copyOutResponseInBinaryFormatForThreeColumns() {
        // 4 + 1 + 2 + 3 x 2 = 13
        var m = assertInstanceOf(CopyResponse.class, decode("48 0000000d 01 0003 0001 0001 0001"));
        assertEquals(CopyResponse.Direction.OUT, m.direction());
        assertEquals(1, m.format());
        assertArrayEquals(new int[] {1, 1, 1}, m.columnFormats());
    }

    @Test
    void copyBothResponseWithoutColumns() {
        var m = assertInstanceOf(CopyResponse.class, decode("57 00000007 00 0000"));
        assertEquals(CopyResponse.Direction.BOTH, m.direction());
        assertArrayEquals(new int[0], m.columnFormats());
    }

    @Test
    void copyDataIsTheRawChunk() {
        var m = assertInstanceOf(CopyData.class, decode("64 00000009 '1' 09 'a' 0a 00"));
        assertEquals("31 09 61 0a 00", toHex(m.data()));
    }

    @Test
    void anEmptyCopyDataIsAllowed() {
        assertEquals(0, assertInstanceOf(CopyData.class, decode("64 00000004")).data().length);
    }

    @Test
    void copyDoneIsABareHeader() {
        assertSame(CopyDone.INSTANCE, decode("63 00000004"));
    }

    @Test
    void anUnknownOverallFormatIsAProtocolViolation() {
        assertEquals("protocol violation: CopyInResponse has an unknown overall format 2 (0 text or 1 binary)",
                decodeFails("47 00000007 02 0000").getMessage());
    }

    @Test
    void anUnknownColumnFormatIsAProtocolViolation() {
        assertEquals("protocol violation: CopyOutResponse column 1 has an unknown format code 7",
                decodeFails("48 0000000b 00 0002 0000 0007").getMessage());
    }

    @Test
    void aNegativeColumnCountIsAProtocolViolation() {
        assertEquals("protocol violation: CopyBothResponse has a negative column count -1",
                decodeFails("57 00000007 00 ffff").getMessage());
    }

    @Test
    void aColumnCountThatDisagreesWithTheLengthIsAProtocolViolation() {
        assertEquals("protocol violation: CopyInResponse announces 3 column formats but carries 2 bytes of them",
                decodeFails("47 00000009 00 0003 0000").getMessage());
        assertEquals("protocol violation: CopyInResponse announces 1 column formats but carries 4 bytes of them",
                decodeFails("47 0000000b 00 0001 0000 0000").getMessage());
    }

    @Test
    void copyDoneWithAPayloadIsAProtocolViolation() {
        assertEquals("protocol violation: CopyDone has 1 unexpected trailing bytes",
                decodeFails("63 00000005 00").getMessage());
    }
}
