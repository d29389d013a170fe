package io.tusk.internal.copy;

import io.tusk.errors.DataException;
import io.tusk.adapt.Loader;

/**
 * COPY's binary format (PostgreSQL "COPY", section "Binary Format"): an 11-byte signature, a
 * flags word and a header extension, then per row an Int16 column count and per column an
 * Int32 length (-1 for NULL) and the value in the type's binary form; an Int16 -1 ends the data.
 */
final class BinaryRows {
    static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    private BinaryRows() {
    }

    static void header(ByteSink out) {
        out.put(SIGNATURE, 0, SIGNATURE.length);
        out.int32(0); // flags: no OIDs
        out.int32(0); // no header extension
    }

    static void trailer(ByteSink out) {
        out.int16(-1);
    }

    /** Reads and checks the header, skipping any extension the server sends. */
    static void readHeader(ChunkInput in) {
        byte[] sig = in.bytes(SIGNATURE.length);
        if (sig == null || !java.util.Arrays.equals(sig, SIGNATURE)) {
            throw new DataException("the binary COPY data does not start with the PGCOPY signature: is the COPY in FORMAT BINARY?");
        }
        int flags = in.int32();
        if ((flags & (1 << 16)) != 0) {
            throw new DataException("binary COPY data with OIDs is not supported");
        }
        in.bytes(in.int32());
    }

    /** The next row, or null after the trailer (or at the end of the data). */
    static Object[] readRow(ChunkInput in, Loader<?>[] loaders) {
        if (!in.more()) {
            return null;
        }
        int n = in.int16();
        if (n == -1) {
            return null;
        }
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
            int len = in.int32();
            if (len < 0) {
                continue;
            }
            byte[] b = in.bytes(len);
            Loader<?> l = loaders == null || i >= loaders.length ? null : loaders[i];
            row[i] = l == null ? b : l.load(b, 0, len);
        }
        return row;
    }
}
