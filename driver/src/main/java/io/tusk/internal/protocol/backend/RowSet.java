package io.tusk.internal.protocol.backend;

import io.tusk.internal.protocol.Bytes;
import io.tusk.internal.protocol.ProtocolViolation;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The DataRows of one result, kept in shared chunks: each chunk is one {@code byte[]} holding
 * the payloads of many rows back to back (as they came, protocol "DataRow") and one
 * {@code int[]} of where each row starts. A row thus costs its payload plus 4 bytes, instead
 * of an array, an offsets array and an object of its own (pgjdbc keeps a {@code byte[][]} per
 * row; vertx-pg-client a buffer slice per row).
 *
 * <pre>{@code
 * RowSet rows = new RowSet();
 * rows.add(dataRow);                 // copies the payload out of the framer's buffer
 * int c = rows.chunkOf(0);           // row 0's payload: rows.chunkData(c) from rows.rowStart(c, 0)
 * }</pre>
 *
 * <p>Chunks double from room for two rows (at least {@value #FIRST_CHUNK} bytes) up to
 * {@value #MAX_CHUNK} bytes; a row larger than that gets a chunk of its own size. Nothing is
 * ever copied twice: a full chunk is left as it is and a new one begun.
 *
 * <p>As a {@code List<DataRow>} it hands out a view of a row on each {@link #get}; the hot path
 * ({@link #chunkOf}) reads the chunk directly. Not thread-safe: filled by one exchange, then read.
 */
public final class RowSet extends AbstractList<DataRow> implements RandomAccess {
    static final int FIRST_CHUNK = 32;
    static final int MAX_CHUNK = 1 << 18;

    /** Full chunks (and the current one, last) once there is more than one; null before. */
    private byte[][] chunkData;
    private int[][] chunkStarts;
    /** The index of the first row of each chunk. */
    private int[] chunkFirst;
    private int chunks;

    private byte[] data;
    private int[] starts;
    private int used;
    private int inChunk;
    private int size;
    /** Payload bytes of all rows, for the average row size. */
    private long bytes;
    /** The chunk last read by {@link #locate}: reads go mostly forward, row after row. */
    private int lastChunk;

    /** The rows of {@code rows}, copied into a RowSet unless it is one already. */
    public static RowSet of(List<DataRow> rows) {
        if (rows instanceof RowSet r) {
            return r;
        }
        RowSet out = new RowSet();
        for (DataRow d : rows) {
            out.add(d);
        }
        return out;
    }

    /** Appends a copy of the row's payload (the row may be a view of the framer's buffer). */
    @Override
    public boolean add(DataRow row) {
        int len = row.payloadLength();
        if (data == null || data.length - used < len) {
            newChunk(len);
        } else if (inChunk == starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
            if (chunkStarts != null) {
                chunkStarts[chunks - 1] = starts;
            }
        }
        System.arraycopy(row.buffer(), row.payloadStart(), data, used, len);
        starts[inChunk++] = used;
        used += len;
        bytes += len;
        size++;
        modCount++;
        return true;
    }

    private void newChunk(int len) {
        // The first chunk holds two rows like the first: a one-row result (a point select) stays small.
        int capacity = data == null ? Math.max(FIRST_CHUNK, 2 * len) : Math.min(MAX_CHUNK, data.length * 2);
        capacity = Math.max(capacity, len);
        // Room for as many starts as rows of the average size so far fit (+1 for this one).
        int average = size == 0 ? Math.max(len, 1) : (int) Math.max(1, bytes / size);
        int rows = Math.max(2, capacity / average + 1);
        if (data != null) {
            if (chunkData == null) {
                chunkData = new byte[4][];
                chunkStarts = new int[4][];
                chunkFirst = new int[4];
                chunkData[0] = data;
                chunkStarts[0] = starts;
                chunks = 1;
            } else if (chunks == chunkData.length) {
                chunkData = Arrays.copyOf(chunkData, chunks * 2);
                chunkStarts = Arrays.copyOf(chunkStarts, chunks * 2);
                chunkFirst = Arrays.copyOf(chunkFirst, chunks * 2);
            }
            chunkData[chunks] = new byte[capacity];
            chunkStarts[chunks] = new int[rows];
            chunkFirst[chunks] = size;
            chunks++;
            data = chunkData[chunks - 1];
            starts = chunkStarts[chunks - 1];
        } else {
            data = new byte[capacity];
            starts = new int[rows];
        }
        used = 0;
        inChunk = 0;
    }

    @Override
    public int size() {
        return size;
    }

    /** A view of row {@code index} (allocates; the fetch path uses {@link #load}). */
    @Override
    public DataRow get(int index) {
        int c = locate(index);
        byte[] d = chunkData == null ? data : chunkData[c];
        int[] s = chunkData == null ? starts : chunkStarts[c];
        int first = chunkData == null ? 0 : chunkFirst[c];
        int start = s[index - first];
        int columns = (short) (((d[start] & 0xff) << 8) | (d[start + 1] & 0xff));
        return new DataRow(d, start, end(d, start, columns), columns);
    }

    /**
     * The chunk that holds row {@code index}, for {@link #chunkData} and {@link #rowStart}: the
     * hot path (loading a row's columns, above this layer) reads the chunk directly.
     *
     * @throws IndexOutOfBoundsException when the row does not exist
     */
    public int chunkOf(int index) {
        return locate(index);
    }

    /** The bytes of chunk {@code chunk}: payloads of DataRows back to back. */
    public byte[] chunkData(int chunk) {
        return chunkData == null ? data : chunkData[chunk];
    }

    /**
     * Where row {@code index}'s payload starts in {@link #chunkData chunkData(chunk)}: its column
     * count (int16), then each column's length (int32, -1 for NULL) and bytes. The payload was
     * checked when the row was decoded, so a reader needs no bounds checks of its own.
     */
    public int rowStart(int chunk, int index) {
        return chunkData == null ? starts[index] : chunkStarts[chunk][index - chunkFirst[chunk]];
    }

    private int locate(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("row " + index + " does not exist: the result has " + size + " rows");
        }
        if (chunkData == null) {
            return 0;
        }
        int c = lastChunk;
        if (index >= chunkFirst[c] && (c + 1 == chunks || index < chunkFirst[c + 1])) {
            return c;
        }
        if (c + 1 < chunks && index >= chunkFirst[c + 1] && (c + 2 == chunks || index < chunkFirst[c + 2])) {
            lastChunk = c + 1;
            return c + 1;
        }
        int lo = 0;
        int hi = chunks - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (chunkFirst[mid] <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        lastChunk = lo;
        return lo;
    }

    private static int end(byte[] d, int start, int columns) {
        int pos = start + 2;
        for (int i = 0; i < columns; i++) {
            int len = Bytes.int32(d, pos);
            pos += 4 + Math.max(len, 0);
        }
        return pos;
    }
}
