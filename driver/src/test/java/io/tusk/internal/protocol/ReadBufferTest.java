package io.tusk.internal.protocol;

import static io.tusk.internal.protocol.Wire.hex;
import static io.tusk.internal.protocol.Wire.toHex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bounds-checked cursor over one message's payload ("Message Data Types"). */
class ReadBufferTest {

    /** A payload in the middle of an array, with bytes on both sides it must never read. */
    private static ReadBuffer over(String payload) {
        byte[] p = hex(payload);
        byte[] b = new byte[p.length + 6];
        java.util.Arrays.fill(b, (byte) 0x41);
        System.arraycopy(p, 0, b, 3, p.length);
        return new ReadBuffer(b, 3, p.length, StandardCharsets.UTF_8, "TestMessage");
    }

    @Test
    void integersAreBigEndianAndSigned() {
        ReadBuffer in = over("ff fffe 7ffffffe 80000000");
        assertEquals(255, in.int1());
        assertEquals(-2, in.int16());
        assertEquals(0x7ffffffe, in.int32());
        assertEquals(Integer.MIN_VALUE, in.int32());
        assertEquals(0, in.remaining());
        in.expectEnd();
    }

    @Test
    void cstringStopsAtTheNulAndConsumesIt() {
        ReadBuffer in = over("'ab' 00 c3a9 00");
        assertEquals("ab", in.cstring());
        assertEquals("\u00e9", in.cstring());
        assertEquals(0, in.remaining());
    }

    @Test
    void bytesSkipAndRestCopyOrMoveWithinThePayload() {
        ReadBuffer in = over("01020304 05");
        assertEquals("01 02", toHex(in.bytes(2)));
        in.skip(1);
        assertEquals("04 05", toHex(in.rest()));
        assertEquals(0, in.rest().length);
    }

    @Test
    void readingPastTheEndIsAProtocolViolationNotAnIndexError() {
        ProtocolViolation e = assertThrows(ProtocolViolation.class, () -> over("0001").int32());
        assertEquals("protocol violation: TestMessage is truncated: expected an Int32 at offset 0"
                + " but only 2 bytes remain", e.getMessage());
        assertThrows(ProtocolViolation.class, () -> over("").int1());
        assertThrows(ProtocolViolation.class, () -> over("00").int16());
        assertThrows(ProtocolViolation.class, () -> over("00").bytes(2));
        assertThrows(ProtocolViolation.class, () -> over("00").skip(2));
    }

    @Test
    void offsetsInMessagesCountFromThePayloadStart() {
        ReadBuffer in = over("00000001 00");
        in.int32();
        ProtocolViolation e = assertThrows(ProtocolViolation.class, in::int16);
        assertEquals("protocol violation: TestMessage is truncated: expected an Int16 at offset 4"
                + " but only 1 bytes remain", e.getMessage());
    }

    @Test
    void aStringRunningToTheEndOfThePayloadIsAProtocolViolation() {
        // The bytes after the payload are not NUL either, but a NUL there must not count.
        byte[] b = hex("'abc' 00");
        ReadBuffer in = new ReadBuffer(b, 0, 3, StandardCharsets.UTF_8, "TestMessage");
        assertEquals("protocol violation: TestMessage has a string without its terminating NUL",
                assertThrows(ProtocolViolation.class, in::cstring).getMessage());
    }

    @Test
    void negativeLengthsAreProtocolViolations() {
        assertEquals("protocol violation: TestMessage has a negative length -2",
                assertThrows(ProtocolViolation.class, () -> over("0000").bytes(-2)).getMessage());
        ReadBuffer in = over("0102");
        in.int1();
        assertThrows(ProtocolViolation.class, () -> in.skip(-1), "skip must not move backwards");
        assertEquals(2, in.int1());
    }

    @Test
    void aHugeLengthIsRefusedWithoutAllocating() {
        assertThrows(ProtocolViolation.class, () -> over("00").bytes(Integer.MAX_VALUE));
    }

    @Test
    void expectEndCountsTheLeftovers() {
        ReadBuffer in = over("000000");
        in.int1();
        assertEquals("protocol violation: TestMessage has 2 unexpected trailing bytes",
                assertThrows(ProtocolViolation.class, in::expectEnd).getMessage());
    }
}
