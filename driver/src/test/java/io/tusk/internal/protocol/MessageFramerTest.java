package io.tusk.internal.protocol;

import io.tusk.internal.protocol.backend.MessageFramer;
import static io.tusk.internal.protocol.Wire.describe;
import static io.tusk.internal.protocol.Wire.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.backend.CopyData;
import io.tusk.internal.protocol.backend.ParameterStatus;
import io.tusk.internal.protocol.backend.ReadyForQuery;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The framer cuts the server's byte stream into messages whatever the reads' sizes, and
 * refuses a bad header before it allocates anything for it.
 */
class MessageFramerTest {

    private static final byte[] STREAM = BackendSamples.stream();

    /** The messages of the sample stream, each decoded on its own. */
    private static List<String> expected() {
        List<String> out = new ArrayList<>();
        for (byte[] m : BackendSamples.messages()) {
            out.add(describe(Wire.decode(m, StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static void drain(MessageFramer framer, List<String> into) {
        for (BackendMessage m = framer.next(); m != null; m = framer.next()) {
            into.add(describe(m));
        }
    }

    private static int capacity(MessageFramer framer) {
        return framer.writeOffset() + framer.writableLength();
    }

    @Test
    void aWholeStreamFedAtOnceDecodesEveryMessage() {
        MessageFramer framer = new MessageFramer();
        framer.feed(STREAM, 0, STREAM.length);
        List<String> got = new ArrayList<>();
        drain(framer, got);
        assertEquals(expected(), got);
        assertTrue(framer.isEmpty());
        assertEquals(5, framer.missing());
    }

    @Test
    void aStreamSplitAtEveryPossibleByteDecodesTheSame() {
        List<String> expected = expected();
        for (int cut = 0; cut <= STREAM.length; cut++) {
            MessageFramer framer = new MessageFramer(16, MessageFramer.DEFAULT_MAX_MESSAGE_LENGTH);
            List<String> got = new ArrayList<>();
            framer.feed(STREAM, 0, cut);
            drain(framer, got);
            framer.feed(STREAM, cut, STREAM.length - cut);
            drain(framer, got);
            assertEquals(expected, got, "split at byte " + cut);
            assertTrue(framer.isEmpty());
        }
    }

    @Test
    void aStreamFedOneByteAtATimeDecodesTheSame() {
        MessageFramer framer = new MessageFramer(16, MessageFramer.DEFAULT_MAX_MESSAGE_LENGTH);
        List<String> got = new ArrayList<>();
        for (byte b : STREAM) {
            framer.feed(new byte[] {b}, 0, 1);
            drain(framer, got);
        }
        assertEquals(expected(), got);
        assertTrue(framer.isEmpty());
    }

    @Test
    void severalMessagesInOneFeedComeOutInOrderAndAPartialTailWaits() {
        MessageFramer framer = new MessageFramer();
        byte[] b = hex("5a 00000005 49  5a 00000005 54  5a 000000");
        framer.feed(b, 0, b.length);
        assertSame(ReadyForQuery.IDLE, framer.next());
        assertSame(ReadyForQuery.IN_TRANSACTION, framer.next());
        assertNull(framer.next());
        assertFalse(framer.isEmpty());
        byte[] rest = hex("05 45");
        framer.feed(rest, 0, rest.length);
        assertSame(ReadyForQuery.IN_ERROR, framer.next());
        assertNull(framer.next());
        assertTrue(framer.isEmpty());
    }

    @Test
    void missingCountsTheHeaderFirstThenTheBody() {
        MessageFramer framer = new MessageFramer();
        byte[] m = hex("43 0000000f 'INSERT 0 5' 00");
        assertEquals(5, framer.missing());
        framer.feed(m, 0, 3);
        assertEquals(2, framer.missing());
        framer.feed(m, 3, 2);
        assertEquals(11, framer.missing());
        framer.feed(m, 5, 10);
        assertEquals(1, framer.missing());
        framer.feed(m, 15, 1);
        assertEquals(0, framer.missing());
        framer.next();
        assertEquals(5, framer.missing());
    }

    /** A transport reads straight into the framer's array, in reads of whatever size the socket gives. */
    @Test
    void theTransportPathReadsIntoTheFramersArray() throws Exception {
        byte[] bigCopy = new BackendBytes().copyData(Wire.sequence(100_000)).toByteArray();
        byte[] stream = concat(STREAM, bigCopy, STREAM);
        List<String> expected = new ArrayList<>(expected());
        expected.add(describe(new CopyData(Wire.sequence(100_000))));
        expected.addAll(expected());

        Random random = new Random(42);
        InputStream socket = new ByteArrayInputStream(stream);
        MessageFramer framer = new MessageFramer(16, MessageFramer.DEFAULT_MAX_MESSAGE_LENGTH);
        List<String> got = new ArrayList<>();
        while (true) {
            byte[] into = framer.writableArray();
            int room = Math.min(framer.writableLength(), 1 + random.nextInt(700));
            int n = socket.read(into, framer.writeOffset(), room);
            if (n < 0) {
                break;
            }
            framer.written(n);
            drain(framer, got);
        }
        assertEquals(expected, got);
        assertTrue(framer.isEmpty());
    }

    @Test
    void writableArrayMakesRoomByCompactingBeforeGrowing() {
        MessageFramer framer = new MessageFramer(64, 1024);
        byte[] rfq = hex("5a 00000005 49");
        for (int i = 0; i < 100; i++) {
            framer.feed(rfq, 0, rfq.length);
            assertSame(ReadyForQuery.IDLE, framer.next());
        }
        assertEquals(64, capacity(framer), "consumed messages free their room");
    }

    @Test
    void aHugeDeclaredLengthIsRejectedBeforeAllocating() {
        MessageFramer framer = new MessageFramer(64, MessageFramer.DEFAULT_MAX_MESSAGE_LENGTH);
        byte[] b = hex("44 7fffffff 0001");
        framer.feed(b, 0, b.length);
        ProtocolViolation e = assertThrows(ProtocolViolation.class, framer::next);
        assertEquals("protocol violation: DataRow has an invalid length 2147483647 (allowed: 4 to "
                + MessageFramer.DEFAULT_MAX_MESSAGE_LENGTH + ")", e.getMessage());
        assertThrows(ProtocolViolation.class, framer::missing);
        assertEquals(64, capacity(framer));
    }

    @Test
    void aLengthWithinTheMaximumIsReservedOnlyAsTheBytesArrive() {
        // A corrupt header claiming 1 GiB: a framer that reserved it up front would allocate
        // 1 GiB for 5 bytes. Here the room grows with what arrives.
        MessageFramer framer = new MessageFramer(64, MessageFramer.DEFAULT_MAX_MESSAGE_LENGTH);
        byte[] b = hex("64 40000000");
        framer.feed(b, 0, b.length);
        for (int i = 0; i < 100; i++) {
            assertNull(framer.next());
        }
        assertTrue(capacity(framer) <= 16384, "capacity " + capacity(framer));
        assertEquals(0x40000000 + 1 - 5, framer.missing());
    }

    @Test
    void theMaximumMessageLengthIsConfigurable() {
        MessageFramer framer = new MessageFramer(64, 1000);
        byte[] b = hex("64 000003e9");
        framer.feed(b, 0, b.length);
        assertEquals("protocol violation: CopyData has an invalid length 1001 (allowed: 4 to 1000)",
                assertThrows(ProtocolViolation.class, framer::next).getMessage());
    }

    @Test
    void aLengthBelowFourIsRejected() {
        assertEquals("protocol violation: ReadyForQuery has an invalid length 3 (allowed: 4 to 5)",
                Wire.framerFails("5a 00000003 49").getMessage());
        assertEquals("protocol violation: DataRow has an invalid length -1 (allowed: 4 to "
                + MessageFramer.DEFAULT_MAX_MESSAGE_LENGTH + ")", Wire.framerFails("44 ffffffff").getMessage());
        assertEquals("protocol violation: DataRow has an invalid length -2147483648 (allowed: 4 to "
                + MessageFramer.DEFAULT_MAX_MESSAGE_LENGTH + ")", Wire.framerFails("44 80000000").getMessage());
    }

    @Test
    void aFixedSizeMessageWithALongerLengthIsRejectedAtItsHeader() {
        // ReadyForQuery is always Int32(5): a larger length means the stream is out of step.
        assertEquals("protocol violation: ReadyForQuery has an invalid length 70000 (allowed: 4 to 5)",
                Wire.framerFails("5a 00011170").getMessage());
        assertEquals("protocol violation: ParseComplete has an invalid length 5 (allowed: 4 to 4)",
                Wire.framerFails("31 00000005").getMessage());
    }

    @Test
    void anUnknownTypeByteIsRejectedAsSoonAsItArrives() {
        MessageFramer framer = new MessageFramer();
        framer.feed(new byte[] {'x'}, 0, 1);
        ProtocolViolation e = assertThrows(ProtocolViolation.class, framer::next);
        assertEquals("protocol violation: unknown message type 'x' from the server: the stream is out of step,"
                + " or the peer is not a PostgreSQL server", e.getMessage());
        assertThrows(ProtocolViolation.class, framer::missing);
        assertTrue(Wire.framerFails("00 00000004").getMessage().contains("unknown message type 0x00"));
    }

    @Test
    void anHttpServerOnThePostgresPortIsRejectedAtTheFirstHeader() {
        // 'H' happens to be CopyOutResponse, but "TTP/" as a length is 1.4 GB.
        assertEquals("protocol violation: CopyOutResponse has an invalid length 1414811695 (allowed: 4 to "
                + MessageFramer.DEFAULT_MAX_MESSAGE_LENGTH + ")",
                Wire.framerFails("'HTTP/1.1 400 Bad Request'").getMessage());
    }

    @Test
    void theCharsetAppliesToTheMessagesDecodedAfterIt() {
        MessageFramer framer = new MessageFramer();
        byte[] m = hex("53 0000000b 'name' 00 e9 00");
        framer.feed(m, 0, m.length);
        framer.feed(m, 0, m.length);
        assertEquals("\ufffd", assertInstanceOf(ParameterStatus.class, framer.next()).value());
        framer.charset(StandardCharsets.ISO_8859_1);
        assertEquals("\u00e9", assertInstanceOf(ParameterStatus.class, framer.next()).value());
    }

    @Test
    void clearDropsAPartialMessage() {
        MessageFramer framer = new MessageFramer();
        byte[] b = hex("5a 00000005");
        framer.feed(b, 0, b.length);
        framer.clear();
        assertTrue(framer.isEmpty());
        byte[] rfq = hex("5a 00000005 49");
        framer.feed(rfq, 0, rfq.length);
        assertSame(ReadyForQuery.IDLE, framer.next());
    }

    @Test
    void decodedMessagesDoNotShareTheFramersBuffer() {
        MessageFramer framer = new MessageFramer(64, 1024);
        byte[] a = new BackendBytes().copyData(hex("'aaaa'")).toByteArray();
        byte[] b = new BackendBytes().copyData(hex("'bbbb'")).toByteArray();
        framer.feed(a, 0, a.length);
        CopyData first = assertInstanceOf(CopyData.class, framer.next());
        framer.feed(b, 0, b.length);
        framer.next();
        assertEquals("61 61 61 61", Wire.toHex(first.data()));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
