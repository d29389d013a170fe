package io.tusk.internal.protocol;

import static io.tusk.internal.protocol.Wire.toHex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tusk.internal.protocol.frontend.Query;
import io.tusk.internal.protocol.frontend.Sync;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The frontend encoder's buffer: length words, byte order, growth, and refusing what cannot be sent. */
class WriteBufferTest {

    @Test
    void theLengthWordCountsItselfAndThePayloadButNotTheTypeByte() {
        WriteBuffer out = new WriteBuffer();
        out.beginMessage((byte) 'X').int1(1).int16(2).endMessage();
        assertEquals("58 00 00 00 07 01 00 02", toHex(out.toByteArray()));
    }

    @Test
    void anUntypedMessageStartsWithItsLength() {
        WriteBuffer out = new WriteBuffer();
        out.beginUntypedMessage().int32(80877103).endMessage();
        assertEquals("00 00 00 08 04 d2 16 2f", toHex(out.toByteArray()));
    }

    @Test
    void integersAreWrittenBigEndian() {
        WriteBuffer out = new WriteBuffer();
        out.int16(-2).int32(0x01020304).int64(0x0102030405060708L);
        assertEquals("ff fe 01 02 03 04 01 02 03 04 05 06 07 08", toHex(out.toByteArray()));
    }

    @Test
    void reserveAndPutIntFillAValueWhoseLengthIsKnownLater() {
        WriteBuffer out = new WriteBuffer();
        int at = out.reserve(4);
        out.bytes(new byte[] {9, 9});
        out.putInt(at, 2);
        assertEquals("00 00 00 02 09 09", toHex(out.toByteArray()));
    }

    @Test
    void growingKeepsWhatWasWritten() {
        WriteBuffer out = new WriteBuffer(1);
        byte[] big = Wire.sequence(10_000);
        out.beginMessage((byte) 'd').bytes(big).endMessage();
        byte[] b = out.toByteArray();
        assertEquals(10_005, b.length);
        assertEquals("64 00 00 27 14 00 01 02", toHex(b, 0, 8));
        assertEquals(toHex(big), toHex(b, 5, big.length));
    }

    @Test
    void aMessageLeftHalfWrittenByAFailedEncoderIsDroppedByTheNext() {
        WriteBuffer out = new WriteBuffer();
        out.beginMessage((byte) 'S').endMessage();
        out.beginMessage((byte) 'B').int32(42); // its encoder threw here
        out.beginMessage((byte) 'H').endMessage();
        assertEquals("53 00 00 00 04 48 00 00 00 04", toHex(out.toByteArray()));
    }

    @Test
    void rewindForgetsEverythingAfterTheMark() {
        WriteBuffer out = new WriteBuffer();
        out.beginMessage((byte) 'S').endMessage();
        int mark = out.size();
        out.beginMessage((byte) 'Q').cstring("BEGIN").endMessage();
        out.beginMessage((byte) 'B').int32(42);
        out.rewind(mark);
        assertEquals(false, out.inMessage());
        out.beginMessage((byte) 'H').endMessage();
        assertEquals("53 00 00 00 04 48 00 00 00 04", toHex(out.toByteArray()));
    }

    @Test
    void endingWithoutBeginningIsAnError() {
        assertThrows(IllegalStateException.class, () -> new WriteBuffer().endMessage());
    }

    @Test
    void aStringWithNulIsRefusedAndTheHalfMessageIsDropped() {
        WriteBuffer out = new WriteBuffer();
        Sync.INSTANCE.encode(out);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Query("SELECT '\0'").encode(out));
        assertEquals("a string sent to the server cannot contain a NUL character", e.getMessage());
        // The Sync before stays, the broken Query is gone, and the buffer takes the next message.
        new Query("").encode(out);
        assertEquals("53 00 00 00 04 51 00 00 00 05 00", toHex(out.toByteArray()));
    }

    @Test
    void abortMessageDropsTheOpenMessageOnly() {
        WriteBuffer out = new WriteBuffer();
        Sync.INSTANCE.encode(out);
        out.beginMessage((byte) 'Q').cstring("half");
        out.abortMessage();
        assertEquals("53 00 00 00 04", toHex(out.toByteArray()));
        out.abortMessage();
        assertEquals(5, out.size(), "without an open message it does nothing");
    }

    @Test
    void count16AcceptsUpTo65535() {
        WriteBuffer out = new WriteBuffer();
        out.count16(65535, "things").count16(0, "things");
        assertEquals("ff ff 00 00", toHex(out.toByteArray()));
        assertThrows(IllegalArgumentException.class, () -> out.count16(-1, "things"));
    }

    @Test
    void stringsUseTheConfiguredCharset() {
        WriteBuffer out = new WriteBuffer();
        assertSame(StandardCharsets.UTF_8, out.charset());
        out.cstring("\u00e9");
        out.charset(StandardCharsets.ISO_8859_1);
        out.cstring("\u00e9");
        assertEquals("c3 a9 00 e9 00", toHex(out.toByteArray()));
    }

    @Test
    void asciiAndNonAsciiStringsEncodeAsUtf8AndANulIsRefusedEitherWay() {
        WriteBuffer out = new WriteBuffer();
        out.cstring("_tusk_1").cstring("").cstring("a\u00e9b").cstring("x".repeat(300));
        byte[] expected = ("_tusk_1\0\0a\u00e9b\0" + "x".repeat(300) + "\0").getBytes(StandardCharsets.UTF_8);
        assertEquals(toHex(expected), toHex(out.toByteArray()));
        int before = out.size();
        assertThrows(RuntimeException.class, () -> out.cstring("a\0b"));
        assertThrows(RuntimeException.class, () -> out.cstring("\u00e9\0"));
        assertEquals(before, out.size(), "nothing of a refused string is written");
    }

    @Test
    void clearForgetsTheContentAndAnOpenMessage() {
        WriteBuffer out = new WriteBuffer();
        out.beginMessage((byte) 'Q').cstring("x");
        out.clear();
        assertEquals(0, out.size());
        Sync.INSTANCE.encode(out);
        assertEquals("53 00 00 00 04", toHex(out.toByteArray()));
    }

    @Test
    void clearShrinksABufferGrownByAHugeExchange() {
        WriteBuffer out = new WriteBuffer();
        out.bytes(new byte[2 << 20]);
        out.clear();
        assertEquals(8192, out.array().length);
    }

    @Test
    void aLargeValueIsSentFromItsOwnArrayWithTheRightLength() throws Exception {
        byte[] big = new byte[WriteBuffer.BY_REFERENCE + 3];
        java.util.Arrays.fill(big, (byte) 7);
        WriteBuffer out = new WriteBuffer(64);
        new Query("BEGIN").encode(out);
        out.beginMessage((byte) 'd').bytes(big).int1(9).endMessage();
        Sync.INSTANCE.encode(out);
        assertEquals(11 + 5 + big.length + 1 + 5, out.size());
        java.util.List<byte[]> pieces = new java.util.ArrayList<>();
        out.writeTo((b, off, len) -> pieces.add(b == big ? b : java.util.Arrays.copyOfRange(b, off, off + len)));
        assertEquals(3, pieces.size(), "the bytes before it, the array itself, the bytes after");
        assertSame(big, pieces.get(1), "not copied");
        byte[] all = out.toByteArray();
        assertEquals(out.size(), all.length);
        assertEquals(big.length + 5, Bytes.int32(all, 12), "the length word counts the value held by reference");
        assertEquals(9, all[11 + 5 + big.length]);
        assertEquals("53 00 00 00 04", toHex(all, all.length - 5, 5));
        assertEquals(toHex(all), toHex(java.util.Arrays.copyOf(out.array(), out.size())), "array() copies it in");
    }

    @Test
    void rewindAndAbortDropValuesHeldByReference() {
        byte[] big = new byte[WriteBuffer.BY_REFERENCE];
        WriteBuffer out = new WriteBuffer(64);
        Sync.INSTANCE.encode(out);
        int mark = out.size();
        out.beginMessage((byte) 'd').bytes(big).endMessage();
        out.beginMessage((byte) 'd').bytes(big); // its encoder fails here
        out.beginMessage((byte) 'H').endMessage(); // drops the half message and its value
        assertEquals(5 + 5 + big.length + 5, out.size());
        out.rewind(mark);
        assertEquals(5, out.size());
        out.beginMessage((byte) 'H').endMessage();
        assertEquals("53 00 00 00 04 48 00 00 00 04", toHex(out.toByteArray()));
    }
}
