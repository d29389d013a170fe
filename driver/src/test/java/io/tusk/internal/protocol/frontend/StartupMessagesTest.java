package io.tusk.internal.protocol.frontend;

import static io.tusk.internal.protocol.Wire.assertEncodes;
import static io.tusk.internal.protocol.Wire.toHex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tusk.internal.protocol.Wire;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The untyped messages that open a connection (StartupMessage, SSLRequest, GSSENCRequest,
 * CancelRequest) and Terminate that closes one. Expected bytes follow "Message Formats":
 * Int32 length including itself, then Int32 version or request code.
 */
class StartupMessagesTest {

    private static Map<String, String> parameters(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void startupMessage30CarriesVersion196608AndNulTerminatedPairsClosedByAnEmptyName() {
        // 4 (length) + 4 (version) + "user\0alice\0" 11 + "database\0shop\0" 14
        // + "application_name\0tusk\0" 22 + terminator 1 = 56 = 0x38
        assertEncodes("00000038 00030000 'user' 00 'alice' 00 'database' 00 'shop' 00"
                + " 'application_name' 00 'tusk' 00 00",
                new StartupMessage(StartupMessage.PROTOCOL_3_0,
                        parameters("user", "alice", "database", "shop", "application_name", "tusk")));
    }

    @Test
    void startupMessage32CarriesVersion196610() {
        // 4 + 4 + "user\0bob\0" 9 + "database\0db\0" 12 + "_pq_.x\0y\0" 9 + 1 = 39 = 0x27
        assertEncodes("00000027 00030002 'user' 00 'bob' 00 'database' 00 'db' 00 '_pq_.x' 00 'y' 00 00",
                new StartupMessage(StartupMessage.PROTOCOL_3_2,
                        parameters("user", "bob", "database", "db", "_pq_.x", "y")));
    }

    @Test
    void startupMessageWithoutParametersIsVersionAndTerminator() {
        assertEncodes("00000009 00030000 00", new StartupMessage(StartupMessage.PROTOCOL_3_0, Map.of()));
    }

    @Test
    void startupParametersAreSentInTheClientEncoding() {
        // "é" is C3 A9 in UTF-8: 4 + 4 + "user\0" 5 + "\u00e9\0" 3 + 1 = 17 = 0x11
        assertEncodes("00000011 00030000 'user' 00 c3a9 00 00",
                new StartupMessage(StartupMessage.PROTOCOL_3_0, parameters("user", "\u00e9")));
    }

    @Test
    void protocolVersionConstantsAreMajorInHighAndMinorInLowHalf() {
        assertEquals(0x00030000, StartupMessage.PROTOCOL_3_0);
        assertEquals(0x00030002, StartupMessage.PROTOCOL_3_2);
    }

    @Test
    void startupMessageToStringShowsVersionAndParameterNamesOnly() {
        String s = new StartupMessage(StartupMessage.PROTOCOL_3_2, parameters("user", "alice")).toString();
        assertEquals("StartupMessage[version=3.2, parameters=[user]]", s);
    }

    @Test
    void sslRequestIsLength8AndCode80877103() {
        // 80877103 = 1234 << 16 | 5679 = 0x04D2162F
        assertEncodes("00000008 04d2162f", SslRequest.INSTANCE);
        assertEquals(80877103, SslRequest.CODE);
    }

    @Test
    void gssEncRequestIsLength8AndCode80877104() {
        // 80877104 = 1234 << 16 | 5680 = 0x04D21630
        assertEncodes("00000008 04d21630", GssEncRequest.INSTANCE);
    }

    @Test
    void cancelRequestWithA4ByteKeyIs16Bytes() {
        // length 16, code 80877102 = 0x04D2162E, process id 1234 = 0x4D2, key
        assertEncodes("00000010 04d2162e 000004d2 deadbeef",
                new CancelRequest(1234, Wire.hex("deadbeef")));
    }

    @Test
    void cancelRequestWithA32ByteKeyFromProtocol32CarriesTheWholeKey() {
        // 4 + 4 + 4 + 32 = 44 = 0x2C; the key runs to the end of the message
        assertEncodes("0000002c 04d2162e 7fffffff"
                + " 00010203 04050607 08090a0b 0c0d0e0f 10111213 14151617 18191a1b 1c1d1e1f",
                new CancelRequest(Integer.MAX_VALUE, Wire.sequence(32)));
    }

    @Test
    void cancelRequestToStringHidesTheKey() {
        assertEquals("CancelRequest[pid=7, key=4 bytes]", new CancelRequest(7, Wire.hex("deadbeef")).toString());
    }

    @Test
    void terminateIsTypeXWithLength4() {
        assertEncodes("58 00000004", Terminate.INSTANCE);
    }

    @Test
    void startupThenTerminateFollowEachOtherInOneBuffer() {
        assertEquals("00 00 00 08 04 d2 16 2f 58 00 00 00 04",
                toHex(Wire.encode(SslRequest.INSTANCE, Terminate.INSTANCE)));
    }
}
