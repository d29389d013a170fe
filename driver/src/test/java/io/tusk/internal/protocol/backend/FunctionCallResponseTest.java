package io.tusk.internal.protocol.backend;

import static io.tusk.internal.protocol.Wire.decode;
import static io.tusk.internal.protocol.Wire.decodeFails;
import static io.tusk.internal.protocol.Wire.toHex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** FunctionCallResponse ('V'): Int32 length of the result (-1 for NULL) and its bytes. */
class FunctionCallResponseTest {

    @Test
    void aResultIsItsBytes() {
        var m = assertInstanceOf(FunctionCallResponse.class, decode("56 0000000c 00000004 00000001"));
        assertEquals("00 00 00 01", toHex(m.result()));
    }

    @Test
    void minusOneIsNull() {
        assertNull(assertInstanceOf(FunctionCallResponse.class, decode("56 00000008 ffffffff")).result());
    }

    @Test
    void anEmptyResultIsNotNull() {
        assertEquals(0, assertInstanceOf(FunctionCallResponse.class, decode("56 00000008 00000000")).result().length);
    }

    @Test
    void aNegativeLengthOtherThanMinusOneIsAProtocolViolation() {
        assertEquals("protocol violation: FunctionCallResponse has a negative result length -2"
                + " (only -1, for NULL, is allowed)", decodeFails("56 00000008 fffffffe").getMessage());
    }

    @Test
    void aResultLongerThanThePayloadIsAProtocolViolation() {
        assertEquals("protocol violation: FunctionCallResponse is truncated: expected 8 bytes at offset 4"
                + " but only 4 bytes remain", decodeFails("56 0000000c 00000008 00000001").getMessage());
    }

    @Test
    void bytesAfterTheResultAreAProtocolViolation() {
        assertEquals("protocol violation: FunctionCallResponse has 1 unexpected trailing bytes",
                decodeFails("56 00000009 ffffffff 00").getMessage());
    }
}
