package io.tusk.internal.cursor;

import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.frontend.Bind;
import io.tusk.internal.protocol.frontend.Describe;
import io.tusk.internal.protocol.frontend.Execute;
import io.tusk.internal.protocol.frontend.Parse;
import io.tusk.internal.query.ParsedQuery;
import java.util.Iterator;

/**
 * Rows of a client cursor's {@code executemany}: each row's values are quoted into the SQL on
 * the client, and the statement is sent without parameters through the extended protocol, so
 * that the whole batch still leaves pipelined with one Sync (as psycopg's ClientCursor does in
 * pipeline mode).
 */
public final class ClientBoundRows implements BatchSource {
    private static final int[] NONE = new int[0];
    private static final byte[][] NO_VALUES = new byte[0][];

    private final ParsedQuery query;
    private final Iterator<?> rows;
    private final Transformer transformer;
    private final boolean describe;
    private String prepared;
    private long number;

    public ClientBoundRows(ParsedQuery query, Iterator<?> rows, Transformer transformer, boolean describe) {
        this.query = query;
        this.rows = rows;
        this.transformer = transformer;
        this.describe = describe;
    }

    @Override
    public boolean prepareNext() {
        if (!rows.hasNext()) {
            prepared = null;
            return false;
        }
        Object row = rows.next();
        number++;
        Object[] values = ParameterRows.isNamed(row) ? query.order(ParameterRows.named(row))
                : query.order(ParameterRows.positional(row, number));
        prepared = query.bindLiterals(values, transformer::quote);
        return true;
    }

    @Override
    public void encodePrepared(WriteBuffer out) {
        new Parse("", prepared, NONE).encode(out);
        new Bind("", "", NONE, NO_VALUES, NONE).encode(out);
        if (describe) {
            Describe.portal("").encode(out);
        }
        new Execute("", 0).encode(out);
    }
}
