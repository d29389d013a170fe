package io.tusk.internal.cursor;

import io.tusk.adapt.Loader;
import io.tusk.internal.protocol.Bytes;
import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.backend.RowSet;

/**
 * Loads a kept row's columns with the loaders chosen for them: the hot path of every fetch.
 * It lives above the protocol layer, which holds rows as bytes and knows nothing of loaders,
 * and reads the row's chunk directly (no view object per row).
 */
public final class RowLoading {
    private RowLoading() {
    }

    /**
     * Loads every column of row {@code index} into {@code values} with the loader chosen for its
     * column ({@code values[c]} is left null for SQL NULL). The payload was checked when the
     * row was decoded, so the walk needs no bounds checks of its own.
     *
     * @throws ProtocolViolation when the row has another number of columns than there are loaders
     */
    public static void load(RowSet rows, int index, Loader<?>[] loaders, Object[] values) {
        int c = rows.chunkOf(index);
        byte[] d = rows.chunkData(c);
        int pos = rows.rowStart(c, index);
        int n = (short) (((d[pos] & 0xff) << 8) | (d[pos + 1] & 0xff));
        if (n != loaders.length) {
            throw new ProtocolViolation("DataRow has " + n + " columns but its RowDescription announced " + loaders.length);
        }
        pos += 2;
        for (int i = 0; i < n; i++) {
            int len = Bytes.int32(d, pos);
            pos += 4;
            if (len >= 0) {
                values[i] = loaders[i].load(d, pos, len);
                pos += len;
            }
        }
    }
}
