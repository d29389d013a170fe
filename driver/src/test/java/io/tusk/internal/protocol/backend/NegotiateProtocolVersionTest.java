package io.tusk.internal.protocol.backend;

import static io.tusk.internal.protocol.Wire.decode;
import static io.tusk.internal.protocol.Wire.decodeFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NegotiateProtocolVersion ('v'): Int32 newest protocol version the server supports (sent as
 * major and minor, like StartupMessage's), Int32 count and the unrecognized {@code _pq_} options.
 */
class NegotiateProtocolVersionTest {

    @Test
    void aServerOfProtocol30AnsweringA32RequestWithAnUnknownOption() {
        // 4 + 4 + 4 + "_pq_.foo\0" 9 = 21 = 0x15
        var m = assertInstanceOf(NegotiateProtocolVersion.class,
                decode("76 00000015 00030000 00000001 '_pq_.foo' 00"));
        assertEquals(0x00030000, m.newestMinorVersion());
        assertEquals(0, m.minor());
        assertEquals(List.of("_pq_.foo"), m.unrecognizedOptions());
    }

    @Test
    void onlyTheMinorVersionDowngraded() {
        var m = assertInstanceOf(NegotiateProtocolVersion.class, decode("76 0000000c 00030001 00000000"));
        assertEquals(1, m.minor());
        assertEquals(List.of(), m.unrecognizedOptions());
    }

    @Test
    void aNegativeOptionCountIsAProtocolViolation() {
        assertEquals("protocol violation: NegotiateProtocolVersion announces -1 unrecognized options in 0 bytes",
                decodeFails("76 0000000c 00030000 ffffffff").getMessage());
    }

    @Test
    void moreOptionsThanBytesIsAProtocolViolation() {
        assertEquals("protocol violation: NegotiateProtocolVersion announces 2147483647 unrecognized options"
                + " in 2 bytes", decodeFails("76 0000000e 00030000 7fffffff 'a' 00").getMessage());
    }

    @Test
    void fewerOptionsThanAnnouncedIsAProtocolViolation() {
        assertEquals("protocol violation: NegotiateProtocolVersion has a string without its terminating NUL",
                decodeFails("76 0000000f 00030000 00000002 'a' 00 'b'").getMessage());
    }

    @Test
    void bytesAfterTheOptionsAreAProtocolViolation() {
        assertEquals("protocol violation: NegotiateProtocolVersion has 2 unexpected trailing bytes",
                decodeFails("76 0000000e 00030000 00000000 'a' 00").getMessage());
    }
}
