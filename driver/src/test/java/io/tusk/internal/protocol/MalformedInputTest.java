package io.tusk.internal.protocol;

import io.tusk.internal.protocol.backend.MessageFramer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tusk.internal.protocol.backend.BackendDecoder;
import io.tusk.internal.protocol.backend.BackendMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every sample message, cut short at every byte or grown by one, and every type byte that is
 * no backend message: the only failure allowed is a {@link ProtocolViolation} naming the
 * message, never an IndexOutOfBoundsException or a NegativeArraySizeException.
 */
class MalformedInputTest {

    /** The message with its payload replaced, and a length word that agrees with it. */
    private static byte[] withPayload(byte type, byte[] payload) {
        byte[] m = new byte[5 + payload.length];
        m[0] = type;
        int len = 4 + payload.length;
        m[1] = (byte) (len >>> 24);
        m[2] = (byte) (len >>> 16);
        m[3] = (byte) (len >>> 8);
        m[4] = (byte) len;
        System.arraycopy(payload, 0, m, 5, payload.length);
        return m;
    }

    /** Decodes through the decoder; returns the message or the violation, fails on anything else. */
    private static Object decodeOrViolation(byte[] message) {
        try {
            return BackendDecoder.decode(message[0], message, 5, message.length - 5, StandardCharsets.UTF_8);
        } catch (ProtocolViolation e) {
            return e;
        } catch (RuntimeException e) {
            throw new AssertionError("decoding " + Wire.toHex(message) + " threw " + e, e);
        }
    }

    /** Same through a framer: a message, null (more bytes needed: impossible here) or a violation. */
    private static Object frameOrViolation(byte[] message) {
        MessageFramer framer = new MessageFramer(16, 1 << 20);
        framer.feed(message, 0, message.length);
        try {
            BackendMessage m = framer.next();
            assertNotNull(m, "a complete message is never 'need more'");
            return m;
        } catch (ProtocolViolation e) {
            return e;
        } catch (RuntimeException e) {
            throw new AssertionError("framing " + Wire.toHex(message) + " threw " + e, e);
        }
    }

    @Test
    void everyTruncationOfEveryMessageDecodesOrIsAViolationNamingTheMessage() {
        int violations = 0;
        for (byte[] sample : BackendSamples.messages()) {
            byte type = sample[0];
            for (int n = 0; n < sample.length - 5; n++) {
                byte[] cut = withPayload(type, Arrays.copyOfRange(sample, 5, 5 + n));
                Object direct = decodeOrViolation(cut);
                Object framed = frameOrViolation(cut);
                assertEquals(direct instanceof ProtocolViolation, framed instanceof ProtocolViolation,
                        () -> "decoder and framer disagree on " + Wire.toHex(cut));
                if (direct instanceof ProtocolViolation e) {
                    violations++;
                    String name = BackendDecoder.name(type);
                    assertTrue(e.getMessage().contains(name),
                            () -> "'" + e.getMessage() + "' should name " + name);
                }
            }
        }
        assertTrue(violations > 100, "most truncations are caught: " + violations);
    }

    /** Messages whose last field runs to the end of the message ("Message Formats"). */
    private static boolean openEnded(byte[] sample) {
        int code = sample[0] == 'R' ? Bytes.int32(sample, 5) : -1;
        return sample[0] == 'd' || sample[0] == 'K' || code == 8 || code == 11 || code == 12;
    }

    @Test
    void anExtraByteAfterAnyMessageThatEndsByItsOwnFormatIsAViolation() {
        for (byte[] sample : BackendSamples.messages()) {
            for (byte extra : new byte[] {0, 'A'}) {
                byte[] payload = Arrays.copyOfRange(sample, 5, sample.length + 1);
                payload[payload.length - 1] = extra;
                byte[] grown = withPayload(sample[0], payload);
                Object direct = decodeOrViolation(grown);
                if (openEnded(sample)) {
                    assertTrue(direct instanceof BackendMessage, () -> Wire.toHex(grown) + " is still valid");
                } else {
                    assertTrue(direct instanceof ProtocolViolation, () -> Wire.toHex(grown) + " has a trailing byte");
                    assertTrue(frameOrViolation(grown) instanceof ProtocolViolation);
                }
            }
        }
    }

    private static final Set<Character> BACKEND_TYPES = Set.of('R', 'K', 'S', 'Z', 'T', 'D', 'C', 'E', 'N', 'I',
            '1', '2', '3', 'n', 's', 't', 'A', 'G', 'H', 'W', 'd', 'c', 'V', 'v');

    @Test
    void everyTypeByteThatIsNoBackendMessageIsRejectedByDecoderAndFramer() {
        int unknown = 0;
        for (int t = 0; t < 256; t++) {
            byte type = (byte) t;
            boolean known = t < 128 && BACKEND_TYPES.contains((char) t);
            assertEquals(known, BackendDecoder.lengthLimit(type) > 0, "lengthLimit of " + t);
            if (known) {
                continue;
            }
            unknown++;
            byte[] m = withPayload(type, new byte[0]);
            ProtocolViolation e = assertThrows(ProtocolViolation.class,
                    () -> BackendDecoder.decode(type, m, 5, 0, StandardCharsets.UTF_8));
            assertTrue(e.getMessage().startsWith("protocol violation: unknown message type "), e.getMessage());
            assertTrue(frameOrViolation(m) instanceof ProtocolViolation);
        }
        assertEquals(256 - 24, unknown);
    }

    @Test
    void unknownTypesAreShownPrintableOrInHex() {
        assertEquals("'x'", BackendDecoder.describe((byte) 'x'));
        assertEquals("0x00", BackendDecoder.describe((byte) 0));
        assertEquals("0xff", BackendDecoder.describe((byte) 0xff));
        assertEquals("message 'x'", BackendDecoder.name((byte) 'x'));
    }

    @Test
    void noSampleIsMalformed() {
        for (byte[] sample : BackendSamples.messages()) {
            if (!(decodeOrViolation(sample) instanceof BackendMessage)) {
                fail("sample " + Wire.toHex(sample) + " does not decode");
            }
        }
    }
}
