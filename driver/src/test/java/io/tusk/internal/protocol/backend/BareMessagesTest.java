package io.tusk.internal.protocol.backend;

import static io.tusk.internal.protocol.Wire.decode;
import static io.tusk.internal.protocol.Wire.decodeFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The messages that are only a header, Int32(4): ParseComplete ('1'), BindComplete ('2'),
 * CloseComplete ('3'), NoData ('n'), PortalSuspended ('s'), EmptyQueryResponse ('I'),
 * CopyDone ('c').
 */
class BareMessagesTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "31, ParseComplete",
        "32, BindComplete",
        "33, CloseComplete",
        "6e, NoData",
        "73, PortalSuspended",
        "49, EmptyQueryResponse",
        "63, CopyDone",
    })
    void decodesToItsSingleton(String type, String name) {
        BackendMessage m = decode(type + " 00000004");
        assertEquals(name, m.getClass().getSimpleName());
        assertSame(m, decode(type + " 00000004"), "a singleton: no allocation per message");
        assertEquals(name, BackendDecoder.name((byte) Integer.parseInt(type, 16)));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "31, ParseComplete",
        "32, BindComplete",
        "33, CloseComplete",
        "6e, NoData",
        "73, PortalSuspended",
        "49, EmptyQueryResponse",
        "63, CopyDone",
    })
    void aPayloadIsAProtocolViolation(String type, String name) {
        assertEquals("protocol violation: " + name + " has 2 unexpected trailing bytes",
                decodeFails(type + " 00000006 0000").getMessage());
    }
}
