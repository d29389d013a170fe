package io.tusk.internal.protocol.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.adapt.Loader;
import io.tusk.internal.cursor.RowLoading;
import io.tusk.internal.protocol.ProtocolViolation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rows of a result kept in shared chunks: what goes in comes out, whatever the chunking. */
class RowSetTest {
    private static final Loader<String> TEXT = (b, off, len) -> new String(b, off, len, StandardCharsets.UTF_8);

    /** A DataRow payload (column count, then length + bytes per column) decoded as the framer does. */
    private static DataRow row(String... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Some junk in front and behind: the row is a view of a bigger buffer, as the framer's is.
        out.write(0x55);
        out.write(values.length >> 8);
        out.write(values.length);
        for (String v : values) {
            byte[] b = v == null ? null : v.getBytes(StandardCharsets.UTF_8);
            int len = b == null ? -1 : b.length;
            out.write(len >>> 24);
            out.write(len >>> 16);
            out.write(len >>> 8);
            out.write(len);
            if (b != null) {
                out.write(b, 0, b.length);
            }
        }
        out.write(0x66);
        byte[] buf = out.toByteArray();
        return DataRow.decode(buf, 1, buf.length - 2);
    }

    private static Object[] load(RowSet rows, int i, int columns) {
        Loader<?>[] loaders = new Loader<?>[columns];
        Arrays.fill(loaders, TEXT);
        Object[] values = new Object[columns];
        RowLoading.load(rows, i, loaders, values);
        return values;
    }

    @Test
    void rowsComeBackWithTheirValuesAndNulls() {
        RowSet rows = new RowSet();
        rows.add(row("1", null, ""));
        rows.add(row("two", "2", null));
        assertEquals(2, rows.size());
        assertArrayEquals(new Object[] {"1", null, ""}, load(rows, 0, 3));
        assertArrayEquals(new Object[] {"two", "2", null}, load(rows, 1, 3));
    }

    @Test
    void rowsAreCopiedOutOfTheBufferTheyCameIn() {
        DataRow view = row("abc");
        RowSet rows = new RowSet();
        rows.add(view);
        // The framer reuses its buffer for the next messages.
        Arrays.fill(view.buffer(), (byte) 'z');
        assertArrayEquals(new Object[] {"abc"}, load(rows, 0, 1));
    }

    @Test
    void manyRowsOfMixedSizesSpanChunksAndAreReadInAnyOrder() {
        Random random = new Random(11);
        RowSet rows = new RowSet();
        int n = 20_000;
        String[][] expected = new String[n][];
        for (int i = 0; i < n; i++) {
            // Mostly small rows, now and then one bigger than a whole chunk.
            int big = i % 5000 == 4999 ? RowSet.MAX_CHUNK + 10 : random.nextInt(200);
            String[] values = {Integer.toString(i), "x".repeat(big), i % 3 == 0 ? null : "v" + i};
            expected[i] = values;
            rows.add(row(values));
        }
        assertEquals(n, rows.size());
        for (int i = 0; i < n; i++) {
            assertArrayEquals(expected[i], load(rows, i, 3), "row " + i);
        }
        for (int k = 0; k < 2000; k++) {
            int i = random.nextInt(n);
            assertArrayEquals(expected[i], load(rows, i, 3), "row " + i);
        }
        for (int i = n - 1; i >= 0; i -= 97) {
            assertArrayEquals(expected[i], load(rows, i, 3), "row " + i);
        }
    }

    @Test
    void aRowAsAListElementIsADataRowWithTheSameColumns() {
        RowSet rows = new RowSet();
        for (int i = 0; i < 100; i++) {
            rows.add(row("r" + i, null));
        }
        DataRow d = rows.get(57);
        assertEquals(2, d.size());
        assertEquals("r57", new String(d.bytes(0), StandardCharsets.UTF_8));
        assertTrue(d.isNull(1));
        assertNull(d.bytes(1));
        assertEquals(100, rows.stream().count());
    }

    @Test
    void aListOfRowsIsCopiedAndARowSetIsKept() {
        RowSet rows = RowSet.of(List.of(row("a"), row("b")));
        assertEquals(2, rows.size());
        assertArrayEquals(new Object[] {"b"}, load(rows, 1, 1));
        assertSame(rows, RowSet.of(rows));
        assertEquals(0, RowSet.of(List.of()).size());
    }

    @Test
    void aRowWithOtherColumnsThanTheDescriptionIsAProtocolViolation() {
        RowSet rows = new RowSet();
        rows.add(row("a", "b"));
        ProtocolViolation e = assertThrows(ProtocolViolation.class, () -> load(rows, 0, 3));
        assertEquals("protocol violation: DataRow has 2 columns but its RowDescription announced 3", e.getMessage());
    }

    @Test
    void aRowOutsideTheResultIsNamed() {
        RowSet rows = new RowSet();
        rows.add(row("a"));
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> rows.get(1));
        assertEquals("row 1 does not exist: the result has 1 rows", e.getMessage());
    }
}
