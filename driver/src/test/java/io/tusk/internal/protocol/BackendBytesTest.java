package io.tusk.internal.protocol;

import static io.tusk.internal.protocol.Wire.describe;
import static io.tusk.internal.protocol.Wire.hex;
import static io.tusk.internal.protocol.Wire.toHex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tusk.internal.protocol.backend.Authentication;
import io.tusk.internal.protocol.backend.ReadyForQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The test-only server script builder writes the same bytes as the hand-written vectors of
 * the message tests, so flow tests that script a server with it send real protocol.
 */
class BackendBytesTest {

    private static void assertBuilds(String expected, BackendBytes built) {
        assertEquals(toHex(hex(expected)), toHex(built.toByteArray()));
    }

    @Test
    void messageThenFieldsFillsInTheLengthWord() {
        assertBuilds("5a 00000005 49", new BackendBytes().message('Z').int1('I'));
    }

    @Test
    void theNextMessageEndsThePreviousOne() {
        assertBuilds("52 00000008 00000000 5a 00000005 49",
                new BackendBytes().message('R').int32(0).message('Z').int1('I'));
    }

    @Test
    void helpersWriteTheDocumentedFormats() {
        assertBuilds("52 00000008 00000000", new BackendBytes().authenticationOk());
        assertBuilds("52 0000000c 00000005 01020304", new BackendBytes().authenticationMd5Password(hex("01020304")));
        assertBuilds("52 0000002a 0000000a 'SCRAM-SHA-256-PLUS' 00 'SCRAM-SHA-256' 00 00",
                new BackendBytes().authenticationSasl("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"));
        assertBuilds("4b 0000000c 000004d2 deadbeef", new BackendBytes().backendKeyData(1234, hex("deadbeef")));
        assertBuilds("53 00000019 'client_encoding' 00 'UTF8' 00",
                new BackendBytes().parameterStatus("client_encoding", "UTF8"));
        assertBuilds("44 00000014 0003 00000002 '42' ffffffff 00000000",
                new BackendBytes().dataRowText("42", null, ""));
        assertBuilds("43 0000000f 'INSERT 0 5' 00", new BackendBytes().commandComplete("INSERT 0 5"));
        assertBuilds("45 00000020 'S' 'ERROR' 00 'V' 'ERROR' 00 'C' '42P01' 00 'M' 'oops' 00 00",
                new BackendBytes().errorResponse("42P01", "oops"));
        assertBuilds("74 0000000e 0002 00000017 00000019", new BackendBytes().parameterDescription(23, 25));
        assertBuilds("54 0000001a 0001 'n' 00 00000000 0000 00000019 ffff ffffffff 0000",
                new BackendBytes().rowDescription("n", 25));
        assertBuilds("41 00000010 000004d2 'jobs' 00 '42' 00", new BackendBytes().notificationResponse(1234, "jobs", "42"));
        assertBuilds("47 0000000b 00 0002 0000 0000", new BackendBytes().copyInResponse(0, 0, 0));
        assertBuilds("56 00000008 ffffffff", new BackendBytes().functionCallResponse(null));
        assertBuilds("76 00000015 00030000 00000001 '_pq_.foo' 00",
                new BackendBytes().negotiateProtocolVersion(0x00030000, "_pq_.foo"));
        assertBuilds("31 00000004 32 00000004 33 00000004 6e 00000004 73 00000004 49 00000004 63 00000004",
                new BackendBytes().parseComplete().bindComplete().closeComplete().noData().portalSuspended()
                        .emptyQueryResponse().copyDone());
    }

    @Test
    void lengthOverridesTheComputedLengthWordForMalformedInput() {
        assertBuilds("5a 00000003 49", new BackendBytes().message('Z').length(3).int1('I'));
        assertThrows(IllegalStateException.class, () -> new BackendBytes().length(3));
    }

    @Test
    void rawBytesGoOutsideAnyMessage() {
        // The server's 'S' answer to SSLRequest, then a message.
        assertBuilds("53 52 00000008 00000000", new BackendBytes().raw((byte) 'S').authenticationOk());
    }

    @Test
    void aScriptedStartupReplyDecodesMessageByMessage() {
        byte[] reply = new BackendBytes().authenticationOk().parameterStatus("server_version", "17.2")
                .backendKeyData(4242, new byte[] {1, 2, 3, 4}).readyForQuery('I').toByteArray();
        List<String> got = Wire.decodeAll(reply).stream().map(Wire::describe).toList();
        assertEquals(List.of(describe(Authentication.Ok.INSTANCE),
                "ParameterStatus[name=server_version, value=17.2]",
                "BackendKeyData[processId=4242, secretKey=0x[01 02 03 04]]",
                describe(ReadyForQuery.IDLE)), got);
    }
}
