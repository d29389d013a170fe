package io.tusk.internal.stream;

import io.tusk.Column;
import io.tusk.adapt.Loader;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.cursor.Columns;
import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.backend.DataRow;
import io.tusk.internal.protocol.backend.RowDescription;
import io.tusk.rows.RowFactory;
import io.tusk.rows.RowMaker;
import java.util.List;

/**
 * Turns DataRows of one result shape into the user's rows: the loaders and the row maker are
 * chosen once from the RowDescription, then every row is loaded value by value. Shared by
 * streams and server-side cursors, which read rows batch by batch.
 */
public final class RowDecoder<R> {
    private final RowDescription description;
    private final List<Column> columns;
    private final Loader<?>[] loaders;
    private final RowMaker<R> maker;

    public RowDecoder(RowDescription description, Transformer transformer, RowFactory<R> factory) {
        this.description = description;
        this.columns = Columns.describe(description);
        this.loaders = transformer.loaders(description);
        this.maker = factory.makerFor(columns);
    }

    public RowDescription description() {
        return description;
    }

    public List<Column> columns() {
        return columns;
    }

    /**
     * One row; a ProtocolViolation when it has another number of values than the description
     * has columns (as the rows of a whole result are checked by {@code RowSet.load}).
     */
    public R decode(DataRow data) {
        if (data.size() != loaders.length) {
            throw new ProtocolViolation("DataRow has " + data.size() + " columns but its RowDescription announced "
                    + loaders.length);
        }
        Object[] values = new Object[loaders.length];
        byte[] buf = data.buffer();
        for (int c = 0; c < values.length; c++) {
            if (!data.isNull(c)) {
                values[c] = loaders[c].load(buf, data.offset(c), data.length(c));
            }
        }
        return maker.make(values);
    }
}
