package io.tusk.internal.protocol.backend;

import static io.tusk.internal.protocol.Wire.decode;
import static io.tusk.internal.protocol.Wire.decodeFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.tusk.internal.protocol.BackendBytes;
import io.tusk.internal.protocol.Wire;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * ParameterDescription ('t': Int16 count, Int32 type OIDs) and RowDescription ('T': Int16
 * count, then per field String name, Int32 table OID, Int16 column number, Int32 type OID,
 * Int16 type size, Int32 type modifier, Int16 format code).
 */
class DescriptionsTest {

    @Test
    void parameterDescriptionListsTheTypeOids() {
        // 4 + 2 + 2 x 4 = 14: int4 (23) and text (25)
        var m = assertInstanceOf(ParameterDescription.class, decode("74 0000000e 0002 00000017 00000019"));
        assertArrayEquals(new int[] {23, 25}, m.types());
    }

    @Test
    void parameterDescriptionOfAStatementWithoutParameters() {
        assertArrayEquals(new int[0], ((ParameterDescription) decode("74 00000006 0000")).types());
    }

    @Test
    void parameterDescriptionCountIsUnsignedUpTo65535() {
        BackendBytes b = new BackendBytes().parameterDescription(new int[65535]);
        var m = (ParameterDescription) Wire.decode(b.toByteArray(), StandardCharsets.UTF_8);
        assertEquals(65535, m.types().length);
    }

    @Test
    void parameterDescriptionWithFewerOidsThanAnnouncedIsRejectedBeforeAllocating() {
        assertEquals("protocol violation: ParameterDescription announces 65535 parameter types but carries"
                + " 4 bytes of them", decodeFails("74 0000000a ffff 00000017").getMessage());
    }

    @Test
    void parameterDescriptionWithExtraBytesIsAProtocolViolation() {
        assertEquals("protocol violation: ParameterDescription announces 1 parameter types but carries"
                + " 6 bytes of them", decodeFails("74 0000000c 0001 00000017 0000").getMessage());
    }

    /**
     * "id" from table 16384 column 1, int4 (23, size 4), text format; "name" computed, text
     * type (25, size -1), binary. 4 + 2 + ("id\0" 3 + 18) + ("name\0" 5 + 18) = 50 = 0x32.
     */
    private static final String TWO_FIELDS = "54 00000032 0002"
            + " 'id' 00 00004000 0001 00000017 0004 ffffffff 0000"
            + " 'name' 00 00000000 0000 00000019 ffff ffffffff 0001";

    @Test
    void rowDescriptionDescribesEveryField() {
        var m = assertInstanceOf(RowDescription.class, decode(TWO_FIELDS));
        assertEquals(2, m.fields().length);
        assertEquals(new RowDescription.Field("id", 16384, 1, 23, 4, -1, 0), m.fields()[0]);
        assertEquals(new RowDescription.Field("name", 0, 0, 25, -1, -1, 1), m.fields()[1]);
    }

    @Test
    void rowDescriptionTypeModifierCarriesVarcharLength() {
        // varchar(10): OID 1043, size -1, modifier 10 + 4 = 14
        var m = (RowDescription) decode("54 0000001a 0001 'v' 00 00000000 0000 00000413 ffff 0000000e 0000");
        assertEquals(14, m.fields()[0].typeModifier());
        assertEquals(1043, m.fields()[0].typeOid());
    }

    @Test
    void rowDescriptionWithoutFields() {
        assertEquals(0, ((RowDescription) decode("54 00000006 0000")).fields().length);
    }

    @Test
    void rowDescriptionWithAnUnknownFormatCodeIsAProtocolViolation() {
        assertEquals("protocol violation: RowDescription column 0 has an unknown format code 2",
                decodeFails("54 00000019 0001 00 00000000 0000 00000017 0004 ffffffff 0002").getMessage());
    }

    @Test
    void rowDescriptionWithMoreFieldsAnnouncedThanBytesIsRejectedBeforeAllocating() {
        assertEquals("protocol violation: RowDescription announces 65535 columns but has only 19 bytes for them",
                decodeFails("54 00000019 ffff 00 00000000 0000 00000017 0004 ffffffff 0000").getMessage());
    }

    @Test
    void rowDescriptionWithATruncatedFieldIsAProtocolViolation() {
        assertEquals("protocol violation: RowDescription is truncated: expected an Int16 at offset 41"
                + " but only 1 bytes remain", decodeFails("54 0000002e 0002"
                        + " 'id' 00 00004000 0001 00000017 0004 ffffffff 0000"
                        + " 'x' 00 00000000 0000 00000019 ffff ffffffff 00").getMessage());
    }

    @Test
    void rowDescriptionWithANameWithoutNulIsAProtocolViolation() {
        assertEquals("protocol violation: RowDescription has a string without its terminating NUL",
                decodeFails("54 00000019 0001 'abcdefghijklmnopqrs'").getMessage());
    }
}
