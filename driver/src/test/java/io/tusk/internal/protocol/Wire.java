package io.tusk.internal.protocol;

import io.tusk.internal.protocol.backend.MessageFramer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.tusk.internal.protocol.backend.BackendDecoder;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.backend.DataRow;
import io.tusk.internal.protocol.frontend.FrontendMessage;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Test helpers for the wire format: expected bytes are written by hand from the protocol's
 * "Message Formats" chapter in a compact notation, never produced by the code under test.
 *
 * <p>The notation is hex digits (whitespace between fields for readability) plus ASCII text in
 * single quotes, so {@code "51 0000000d 'SELECT 1' 00"} is a Query message: type 'Q', Int32(13)
 * and the NUL-terminated query.
 */
public final class Wire {
    private Wire() {
    }

    /** The bytes of a hex-and-'text' notation. */
    public static byte[] hex(String notation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < notation.length()) {
            char c = notation.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int close = notation.indexOf('\'', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed quote in " + notation);
                }
                out.writeBytes(notation.substring(i + 1, close).getBytes(StandardCharsets.US_ASCII));
                i = close + 1;
            } else {
                if (i + 1 >= notation.length()) {
                    throw new IllegalArgumentException("odd number of hex digits in " + notation);
                }
                out.write(Integer.parseInt(notation.substring(i, i + 2), 16));
                i += 2;
            }
        }
        return out.toByteArray();
    }

    /** Bytes as space-separated hex pairs, so an assertion failure shows where they differ. */
    public static String toHex(byte[] b) {
        return toHex(b, 0, b.length);
    }

    public static String toHex(byte[] b, int off, int len) {
        StringBuilder s = new StringBuilder(len * 3);
        for (int i = off; i < off + len; i++) {
            if (i > off) {
                s.append(' ');
            }
            s.append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append(Character.forDigit(b[i] & 0xf, 16));
        }
        return s.toString();
    }

    /** {@code n} bytes 0, 1, 2, ... as a recognisable payload. */
    public static byte[] sequence(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    /** The bytes one frontend message encodes to, in UTF-8. */
    public static byte[] encode(FrontendMessage... messages) {
        return encode(StandardCharsets.UTF_8, messages);
    }

    public static byte[] encode(Charset charset, FrontendMessage... messages) {
        WriteBuffer out = new WriteBuffer(16);
        out.charset(charset);
        for (FrontendMessage m : messages) {
            m.encode(out);
        }
        return out.toByteArray();
    }

    /** Asserts that the message encodes to exactly the bytes of the notation. */
    public static void assertEncodes(String expected, FrontendMessage message) {
        assertEquals(toHex(hex(expected)), toHex(encode(message)), () -> "encoding of " + message);
    }

    /**
     * Decodes one complete backend message (type byte, length word, payload) given in the
     * notation. It is decoded twice, and both must agree: by {@link BackendDecoder} from the
     * middle of a larger array (so a decoder that ignores its offset fails), and through a
     * {@link MessageFramer}. The length word of the test vector itself is checked first.
     */
    public static BackendMessage decode(String message) {
        return decode(hex(message), StandardCharsets.UTF_8);
    }

    public static BackendMessage decode(byte[] message, Charset charset) {
        int declared = checkVector(message);
        BackendMessage direct = decodeAt(message, declared, charset);
        MessageFramer framer = new MessageFramer(16, MessageFramer.DEFAULT_MAX_MESSAGE_LENGTH);
        framer.charset(charset);
        framer.feed(message, 0, message.length);
        BackendMessage framed = framer.next();
        assertEquals(describe(direct), describe(framed), "the framer decodes like the decoder");
        assertEquals(null, framer.next(), "exactly one message");
        return direct;
    }

    /**
     * Asserts that decoding the message fails with a {@link ProtocolViolation}, through the
     * decoder and through the framer, and returns the decoder's.
     */
    public static ProtocolViolation decodeFails(String message) {
        byte[] bytes = hex(message);
        int declared = checkVector(bytes);
        ProtocolViolation e = assertThrows(ProtocolViolation.class,
                () -> decodeAt(bytes, declared, StandardCharsets.UTF_8));
        MessageFramer framer = new MessageFramer(16, MessageFramer.DEFAULT_MAX_MESSAGE_LENGTH);
        framer.feed(bytes, 0, bytes.length);
        assertThrows(ProtocolViolation.class, framer::next, "the framer rejects it too");
        return e;
    }

    /** The framer's {@link ProtocolViolation} for a stream (that must contain one). */
    public static ProtocolViolation framerFails(String stream) {
        byte[] bytes = hex(stream);
        MessageFramer framer = new MessageFramer(16, MessageFramer.DEFAULT_MAX_MESSAGE_LENGTH);
        framer.feed(bytes, 0, bytes.length);
        return assertThrows(ProtocolViolation.class, () -> {
            while (framer.next() != null) {
                // the messages before the bad one
            }
        });
    }

    private static int checkVector(byte[] message) {
        if (message.length < 5) {
            fail("test vector shorter than a message header: " + toHex(message));
        }
        int declared = Bytes.int32(message, 1);
        assertEquals(message.length - 1, declared, "the test vector's own length word");
        return declared;
    }

    private static BackendMessage decodeAt(byte[] message, int declared, Charset charset) {
        // Garbage on both sides: the decoder must read only [off, off + len).
        byte[] padded = new byte[message.length + 14];
        Arrays.fill(padded, (byte) 0xAA);
        System.arraycopy(message, 0, padded, 7, message.length);
        return BackendDecoder.decode(message[0], padded, 7 + 5, declared - 4, charset);
    }

    /** Every message of a stream, through a framer fed at once. */
    public static List<BackendMessage> decodeAll(byte[] stream) {
        MessageFramer framer = new MessageFramer();
        framer.feed(stream, 0, stream.length);
        List<BackendMessage> out = new ArrayList<>();
        for (BackendMessage m = framer.next(); m != null; m = framer.next()) {
            out.add(m);
        }
        if (!framer.isEmpty()) {
            fail("the stream ends inside a message: " + framer.missing() + " bytes missing");
        }
        return out;
    }

    /**
     * A structural description of a message (records component by component, arrays by
     * content, DataRow column by column), for comparing messages whose classes compare arrays
     * by identity.
     */
    public static String describe(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof byte[] b) {
            return "0x[" + toHex(b) + "]";
        }
        if (o instanceof int[] a) {
            return Arrays.toString(a);
        }
        if (o instanceof Object[] a) {
            return Arrays.stream(a).map(Wire::describe).collect(Collectors.joining(", ", "[", "]"));
        }
        if (o instanceof List<?> l) {
            return l.stream().map(Wire::describe).collect(Collectors.joining(", ", "[", "]"));
        }
        if (o instanceof DataRow r) {
            List<String> cols = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                cols.add(describe(r.bytes(i)));
            }
            return "DataRow" + cols;
        }
        if (o instanceof Enum<?> e) {
            return e.getDeclaringClass().getSimpleName() + "." + e.name();
        }
        if (o.getClass().isRecord()) {
            StringBuilder s = new StringBuilder(o.getClass().getSimpleName()).append('[');
            RecordComponent[] components = o.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                try {
                    s.append(i == 0 ? "" : ", ").append(components[i].getName()).append('=')
                            .append(describe(components[i].getAccessor().invoke(o)));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            return s.append(']').toString();
        }
        return o.toString();
    }
}
