package io.tusk.internal.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.DataException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows of COPY TO STDOUT data that arrives in pieces, cut anywhere. */
class CopyRowReaderTest {
    @Test
    void textRowsCutAtEveryByteComeOutWhole() {
        byte[] data = "1\tone\n2\t\\N\n3\tthree\\twith tab\n".getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < data.length; cut++) {
            List<List<Object>> rows = readAll(new CopyRowReader(false, StandardCharsets.UTF_8), data, cut);
            assertEquals(List.of(List.of("1", "one"), Arrays.asList("2", null), List.of("3", "three\twith tab")), rows, "cut at " + cut);
        }
    }

    @Test
    void binaryTuplesCutAtEveryByteComeOutWholeAndTheTrailerEndsThem() {
        ByteSink out = new ByteSink();
        BinaryRows.header(out);
        tuple(out, "a".getBytes(StandardCharsets.UTF_8), null);
        tuple(out, new byte[] {1, 2, 3}, new byte[0]);
        BinaryRows.trailer(out);
        byte[] data = Arrays.copyOf(out.array(), out.size());
        for (int cut = 1; cut < data.length; cut++) {
            CopyRowReader reader = new CopyRowReader(true, StandardCharsets.UTF_8);
            List<Object[]> rows = new ArrayList<>();
            for (int at = 0; at < data.length; at += cut) {
                reader.add(Arrays.copyOfRange(data, at, Math.min(data.length, at + cut)));
                for (Object[] r; (r = reader.next(null)) != null; ) {
                    rows.add(r);
                }
            }
            assertTrue(reader.finished(), "the trailer was seen, cut at " + cut);
            assertEquals(2, rows.size(), "cut at " + cut);
            assertArrayEquals("a".getBytes(StandardCharsets.UTF_8), (byte[]) rows.get(0)[0]);
            assertNull(rows.get(0)[1]);
            assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) rows.get(1)[0]);
            assertArrayEquals(new byte[0], (byte[]) rows.get(1)[1]);
        }
    }

    @Test
    void binaryDataThatIsNotPgcopyIsRefused() {
        CopyRowReader reader = new CopyRowReader(true, StandardCharsets.UTF_8);
        reader.add("NOTPGCOPY\n\u00ff\r\n\0\0\0\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
        assertThrows(DataException.class, () -> reader.next(null));
    }

    @Test
    void aBinaryRowCutOffByTheEndOfTheDataIsAnError() {
        ByteSink out = new ByteSink();
        BinaryRows.header(out);
        out.int16(1);
        out.int32(10);
        out.put(new byte[] {1, 2}, 0, 2);
        CopyRowReader reader = new CopyRowReader(true, StandardCharsets.UTF_8);
        reader.add(Arrays.copyOf(out.array(), out.size()));
        assertNull(reader.next(null), "waits for the rest of the row");
        assertThrows(DataException.class, () -> reader.last(null));
    }

    private static void tuple(ByteSink out, byte[]... fields) {
        out.int16(fields.length);
        for (byte[] f : fields) {
            if (f == null) {
                out.int32(-1);
            } else {
                out.int32(f.length);
                out.put(f, 0, f.length);
            }
        }
    }

    private static List<List<Object>> readAll(CopyRowReader reader, byte[] data, int cut) {
        List<List<Object>> rows = new ArrayList<>();
        for (int at = 0; at < data.length; at += cut) {
            reader.add(Arrays.copyOfRange(data, at, Math.min(data.length, at + cut)));
            for (Object[] r; (r = reader.next(null)) != null; ) {
                rows.add(Arrays.asList(r));
            }
        }
        Object[] last = reader.last(null);
        if (last != null) {
            rows.add(Arrays.asList(last));
        }
        return rows;
    }
}
