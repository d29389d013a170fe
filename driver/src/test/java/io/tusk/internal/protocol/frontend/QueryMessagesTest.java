package io.tusk.internal.protocol.frontend;

import static io.tusk.internal.protocol.Wire.assertEncodes;
import static io.tusk.internal.protocol.Wire.hex;
import static io.tusk.internal.protocol.Wire.toHex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tusk.internal.protocol.Wire;
import io.tusk.internal.protocol.WriteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The simple-query message Query and the extended-query messages Parse, Bind, Describe,
 * Execute, Close, Sync and Flush, byte for byte ("Message Formats").
 */
class QueryMessagesTest {

    @Test
    void queryIsTheNulTerminatedSql() {
        // 4 + "SELECT 1\0" 9 = 13
        assertEncodes("51 0000000d 'SELECT 1' 00", new Query("SELECT 1"));
    }

    @Test
    void anEmptyQueryIsJustItsTerminator() {
        assertEncodes("51 00000005 00", new Query(""));
    }

    @Test
    void queryTextIsEncodedInTheSessionEncoding() {
        assertEquals("51 00 00 00 07 c3 a9 00", toHex(Wire.encode(new Query("\u00e9"))));
        assertEquals("51 00 00 00 06 e9 00", toHex(Wire.encode(StandardCharsets.ISO_8859_1, new Query("\u00e9"))));
    }

    @Test
    void parseCarriesNameSqlAndParameterTypeOids() {
        // 4 + "s1\0" 3 + "SELECT $1, $2\0" 14 + Int16 2 + 2 x Int32 = 31 = 0x1F; 23 is int4, 0 unspecified
        assertEncodes("50 0000001f 's1' 00 'SELECT $1, $2' 00 0002 00000017 00000000",
                new Parse("s1", "SELECT $1, $2", new int[] {23, 0}));
    }

    @Test
    void parseOfTheUnnamedStatementWithoutParameterTypes() {
        // 4 + 1 + 9 + 2 = 16
        assertEncodes("50 00000010 00 'SELECT 1' 00 0000", new Parse("", "SELECT 1", new int[0]));
    }

    @Test
    void bindWithMixedFormatsAndANull() {
        // 4 + "p1\0" 3 + "s1\0" 3 + Int16 3 + 3 x Int16 (text, binary, binary) 6 + Int16 3
        // + (Int32 2 + "42") 6 + Int32 -1 (NULL, no bytes) 4 + (Int32 4 + int4 7) 8
        // + Int16 2 + 2 x Int16 (text, binary) 4 = 44 = 0x2C
        assertEncodes("42 0000002c 'p1' 00 's1' 00 0003 0000 0001 0001"
                + " 0003 00000002 '42' ffffffff 00000004 00000007 0002 0000 0001",
                new Bind("p1", "s1", new int[] {0, 1, 1},
                        new byte[][] {"42".getBytes(StandardCharsets.US_ASCII), null, hex("00000007")},
                        new int[] {0, 1}));
    }

    @Test
    void bindWithoutParametersOrFormatsIsAllZeroCounts() {
        // 4 + 1 + 1 + 2 + 2 + 2 = 12
        assertEncodes("42 0000000c 00 00 0000 0000 0000", new Bind("", "", new int[0], new byte[0][], new int[0]));
    }

    @Test
    void bindSendsAnEmptyValueAsLengthZeroNotAsNull() {
        // 4 + 1 + 1 + 2 + 2 + Int32 0 + one format code for all results (binary) = 18
        assertEncodes("42 00000012 00 00 0000 0001 00000000 0001 0001",
                new Bind("", "", new int[0], new byte[][] {new byte[0]}, new int[] {1}));
    }

    @Test
    void bindToStringShowsNoValues() {
        String s = new Bind("", "s1", new int[0], new byte[][] {"secret".getBytes(StandardCharsets.US_ASCII)},
                new int[0]).toString();
        assertEquals("Bind[portal=, statement=s1, 1 values]", s);
    }

    @Test
    void moreThan65535ParametersAreRefusedBeforeTheyWrapTheInt16Count() {
        WriteBuffer out = new WriteBuffer();
        Sync.INSTANCE.encode(out);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Parse("", "SELECT", new int[65536]).encode(out));
        assertEquals("cannot send 65536 parameter types: the protocol allows at most 65535 in one message",
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Bind("", "", new int[0], new byte[65536][], new int[0]).encode(out));
        // The half-written messages are gone; what was there before stays and the buffer goes on.
        Flush.INSTANCE.encode(out);
        assertEquals("53 00 00 00 04 48 00 00 00 04", toHex(out.toByteArray()));
    }

    @Test
    void exactly65535ParametersFit() {
        byte[] b = Wire.encode(new Parse("", "", new int[65535]));
        // 4 + 1 + 1 + 2 + 65535 x 4 = 262148 = 0x00040004
        assertEquals("50 00 04 00 04 00 00 ff ff", toHex(b, 0, 9));
        assertEquals(1 + 262148, b.length);
    }

    @Test
    void describeStatementIsKindSThenName() {
        assertEncodes("44 00000008 53 's1' 00", Describe.statement("s1"));
    }

    @Test
    void describeUnnamedPortalIsKindPThenEmptyName() {
        assertEncodes("44 00000006 50 00", Describe.portal(""));
    }

    @Test
    void executeCarriesPortalAndRowLimit() {
        assertEncodes("45 00000009 00 00000000", new Execute("", 0));
        // 4 + "p1\0" 3 + Int32 100 = 11
        assertEncodes("45 0000000b 'p1' 00 00000064", new Execute("p1", 100));
    }

    @Test
    void closeStatementAndPortal() {
        assertEncodes("43 00000008 53 's1' 00", Close.statement("s1"));
        assertEncodes("43 00000006 50 00", Close.portal(""));
    }

    @Test
    void syncAndFlushAreBareHeaders() {
        assertEncodes("53 00000004", Sync.INSTANCE);
        assertEncodes("48 00000004", Flush.INSTANCE);
    }

    @Test
    void anExtendedQueryExchangeLeavesInOneBuffer() {
        byte[] all = Wire.encode(new Parse("", "SELECT 1", new int[0]),
                new Bind("", "", new int[0], new byte[0][], new int[0]), Describe.portal(""), new Execute("", 0),
                Sync.INSTANCE);
        assertEquals(toHex(hex("50 00000010 00 'SELECT 1' 00 0000  42 0000000c 00 00 0000 0000 0000"
                + "  44 00000006 50 00  45 00000009 00 00000000  53 00000004")), toHex(all));
    }
}
