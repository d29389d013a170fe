package io.tusk.internal.protocol.frontend;

import static io.tusk.internal.protocol.Wire.assertEncodes;
import static io.tusk.internal.protocol.Wire.hex;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The client's COPY messages (CopyData, CopyDone, CopyFail) and the fast-path FunctionCall. */
class CopyAndFunctionCallMessagesTest {

    @Test
    void copyDataIsTheRawChunk() {
        assertEncodes("64 00000008 '1' 09 'a' 0a", new CopyData(hex("'1' 09 'a' 0a")));
    }

    @Test
    void copyDataSendsOnlyTheGivenSliceOfItsArray() {
        byte[] chunk = "xxabc\nyy".getBytes(StandardCharsets.US_ASCII);
        assertEncodes("64 00000008 'abc' 0a", new CopyData(chunk, 2, 4));
    }

    @Test
    void anEmptyCopyDataIsABareHeader() {
        assertEncodes("64 00000004", new CopyData(new byte[0]));
    }

    @Test
    void copyDoneIsABareHeader() {
        assertEncodes("63 00000004", CopyDone.INSTANCE);
    }

    @Test
    void copyFailCarriesTheNulTerminatedReason() {
        // 4 + "aborted by client\0" 18 = 22
        assertEncodes("66 00000016 'aborted by client' 00", new CopyFail("aborted by client"));
    }

    @Test
    void functionCallCarriesOidFormatsLengthPrefixedArgumentsAndResultFormat() {
        // 4 + Int32 oid 952 + Int16 1 + Int16 binary + Int16 2
        // + (Int32 4 + int4 0x4000) + Int32 -1 (NULL) + Int16 binary result = 28 = 0x1C
        assertEncodes("46 0000001c 000003b8 0001 0001 0002 00000004 00004000 ffffffff 0001",
                new FunctionCall(952, new int[] {1}, new byte[][] {hex("00004000"), null}, 1));
    }

    @Test
    void functionCallWithoutArguments() {
        // 4 + 4 + 2 + 2 + 2 = 14
        assertEncodes("46 0000000e 00000100 0000 0000 0000", new FunctionCall(256, new int[0], new byte[0][], 0));
    }
}
