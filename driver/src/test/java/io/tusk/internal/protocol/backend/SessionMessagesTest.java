package io.tusk.internal.protocol.backend;

import static io.tusk.internal.protocol.Wire.decode;
import static io.tusk.internal.protocol.Wire.decodeFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.tusk.internal.protocol.Wire;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The messages about the session rather than a statement: ReadyForQuery ('Z', Byte1 status),
 * ParameterStatus ('S', two Strings) and NotificationResponse ('A', Int32 pid, two Strings).
 */
class SessionMessagesTest {

    @Test
    void readyForQueryIdle() {
        assertSame(ReadyForQuery.IDLE, decode("5a 00000005 49"));
    }

    @Test
    void readyForQueryInATransactionBlock() {
        assertSame(ReadyForQuery.IN_TRANSACTION, decode("5a 00000005 54"));
    }

    @Test
    void readyForQueryInAFailedTransactionBlock() {
        assertSame(ReadyForQuery.IN_ERROR, decode("5a 00000005 45"));
    }

    @Test
    void readyForQueryWithAnUnknownStatusIsAProtocolViolation() {
        assertEquals("protocol violation: ReadyForQuery has an unknown transaction status 'X'"
                + " (expected 'I', 'T' or 'E')", decodeFails("5a 00000005 58").getMessage());
        assertEquals("protocol violation: ReadyForQuery has an unknown transaction status 0x00"
                + " (expected 'I', 'T' or 'E')", decodeFails("5a 00000005 00").getMessage());
    }

    @Test
    void readyForQueryWithoutStatusIsAProtocolViolation() {
        assertEquals("protocol violation: ReadyForQuery is truncated: expected a byte at offset 0"
                + " but only 0 bytes remain", decodeFails("5a 00000004").getMessage());
    }

    @Test
    void parameterStatusIsNameAndValue() {
        // 4 + "client_encoding\0" 16 + "UTF8\0" 5 = 25 = 0x19
        var m = assertInstanceOf(ParameterStatus.class, decode("53 00000019 'client_encoding' 00 'UTF8' 00"));
        assertEquals("client_encoding", m.name());
        assertEquals("UTF8", m.value());
    }

    @Test
    void parameterStatusWithAnEmptyValue() {
        var m = (ParameterStatus) decode("53 0000000a 'role' 00 00");
        assertEquals("role", m.name());
        assertEquals("", m.value());
    }

    @Test
    void parameterStatusIsDecodedInTheFramersCharset() {
        // 'é' in LATIN1 is the single byte E9.
        var m = (ParameterStatus) Wire.decode(Wire.hex("53 0000000b 'name' 00 e9 00"), StandardCharsets.ISO_8859_1);
        assertEquals("\u00e9", m.value());
    }

    @Test
    void parameterStatusWithoutValueIsAProtocolViolation() {
        assertEquals("protocol violation: ParameterStatus has a string without its terminating NUL",
                decodeFails("53 00000009 'name' 00").getMessage());
    }

    @Test
    void notificationResponseCarriesPidChannelAndPayload() {
        // 4 + 4 + "jobs\0" 5 + "42\0" 3 = 16 = 0x10
        var m = assertInstanceOf(NotificationResponse.class, decode("41 00000010 000004d2 'jobs' 00 '42' 00"));
        assertEquals(1234, m.processId());
        assertEquals("jobs", m.channel());
        assertEquals("42", m.payload());
    }

    @Test
    void notificationResponseWithAnEmptyPayload() {
        assertEquals("", ((NotificationResponse) decode("41 0000000e 000004d2 'jobs' 00 00")).payload());
    }

    @Test
    void notificationResponseWithTrailingBytesIsAProtocolViolation() {
        assertEquals("protocol violation: NotificationResponse has 1 unexpected trailing bytes",
                decodeFails("41 0000000f 000004d2 'jobs' 00 00 00").getMessage());
    }
}
