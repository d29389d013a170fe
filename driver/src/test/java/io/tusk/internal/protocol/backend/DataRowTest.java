package io.tusk.internal.protocol.backend;

import static io.tusk.internal.protocol.Wire.decode;
import static io.tusk.internal.protocol.Wire.decodeFails;
import static io.tusk.internal.protocol.Wire.toHex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * DataRow ('D'): Int16 column count, then per column Int32 length (-1 for NULL, no bytes
 * following) and the value's bytes.
 */
class DataRowTest {

    /** 4 + 2 + (4 + "42") + (4, NULL) + (4, empty) = 20 = 0x14. */
    private static final String VALUE_NULL_EMPTY = "44 00000014 0003 00000002 '42' ffffffff 00000000";

    @Test
    void aValueANullAndAnEmptyValueAreThreeDifferentColumns() {
        var row = assertInstanceOf(DataRow.class, decode(VALUE_NULL_EMPTY));
        assertEquals(3, row.size());

        assertFalse(row.isNull(0));
        assertEquals(2, row.length(0));
        assertEquals("34 32", toHex(row.bytes(0)));

        assertTrue(row.isNull(1));
        assertEquals(-1, row.length(1));
        assertNull(row.bytes(1));

        assertFalse(row.isNull(2));
        assertEquals(0, row.length(2));
        assertEquals(0, row.bytes(2).length);
    }

    @Test
    void offsetsIndexTheSharedBufferWithoutCopying() {
        var row = (DataRow) decode(VALUE_NULL_EMPTY);
        assertEquals("34 32", toHex(row.buffer(), row.offset(0), row.length(0)));
        // The buffer is the one the message came in: "42" starts after the column count and its length word.
        assertEquals("00 00 00 02", toHex(row.buffer(), row.offset(0) - 4, 4));
    }

    @Test
    void bytesReturnsACopy() {
        var row = (DataRow) decode(VALUE_NULL_EMPTY);
        row.bytes(0)[0] = 'x';
        assertEquals("34 32", toHex(row.bytes(0)));
    }

    @Test
    void aRowWithoutColumns() {
        var row = assertInstanceOf(DataRow.class, decode("44 00000006 0000"));
        assertEquals(0, row.size());
        assertEquals("DataRow[0 columns]", row.toString());
    }

    @Test
    void binaryValuesAreKeptAsTheyCame() {
        // int4 -2 and int8 1 in binary: 4 + 2 + (4 + 4) + (4 + 8) = 26 = 0x1A
        var row = (DataRow) decode("44 0000001a 0002 00000004 fffffffe 00000008 0000000000000001");
        assertEquals("ff ff ff fe", toHex(row.bytes(0)));
        assertEquals("00 00 00 00 00 00 00 01", toHex(row.bytes(1)));
    }

    @Test
    void aColumnLongerThanThePayloadIsAProtocolViolation() {
        assertEquals("protocol violation: DataRow column 0 has length 5 but only 2 bytes remain",
                decodeFails("44 0000000c 0001 00000005 '42'").getMessage());
    }

    @Test
    void aNegativeLengthOtherThanMinusOneIsAProtocolViolation() {
        assertEquals("protocol violation: DataRow column 0 has a negative length -2 (only -1, for NULL, is allowed)",
                decodeFails("44 0000000a 0001 fffffffe").getMessage());
        assertEquals("protocol violation: DataRow column 1 has a negative length -2147483648"
                + " (only -1, for NULL, is allowed)",
                decodeFails("44 0000000e 0002 ffffffff 80000000").getMessage());
    }

    @Test
    void fewerColumnsThanAnnouncedIsAProtocolViolation() {
        // Two columns announced, room for the first one's length only... and then some.
        assertEquals("protocol violation: DataRow is truncated at column 1 of 2",
                decodeFails("44 0000000e 0002 00000002 '42' 0000").getMessage());
    }

    @Test
    void aColumnCountTheLengthCannotHoldIsRejectedBeforeAllocating() {
        // 32767 columns need at least 131068 bytes; 4 are there.
        assertEquals("protocol violation: DataRow announces 32767 columns but has only 4 bytes for them",
                decodeFails("44 0000000a 7fff ffffffff").getMessage());
    }

    @Test
    void aNegativeColumnCountIsAProtocolViolation() {
        assertEquals("protocol violation: DataRow has a negative column count -1",
                decodeFails("44 00000006 ffff").getMessage());
    }

    @Test
    void bytesAfterTheLastColumnAreAProtocolViolation() {
        assertEquals("protocol violation: DataRow has 1 unexpected trailing bytes at offset 8",
                decodeFails("44 0000000d 0001 00000002 '42' 00").getMessage());
    }

    @Test
    void aMissingColumnCountIsAProtocolViolation() {
        assertEquals("protocol violation: DataRow is truncated: expected an Int16 at offset 0 but only 1 bytes remain",
                decodeFails("44 00000005 00").getMessage());
    }
}
