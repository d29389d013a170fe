package io.tusk.internal.cursor;

import io.tusk.adapt.Format;
import io.tusk.errors.ProgrammingException;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.frontend.Describe;
import io.tusk.internal.protocol.frontend.Execute;
import io.tusk.internal.protocol.frontend.Parse;
import io.tusk.internal.query.ParsedQuery;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Rows of an {@code executemany} bound on the server: the query is parsed once (as the unnamed
 * statement) and each row is a Bind/Execute of it. A new Parse is sent only when a row's
 * parameter types differ from the previous one's (a NULL after numbers, say), as psycopg does,
 * so that a binary value is never read as another type.
 */
public final class ServerBoundRows implements BatchSource {
    private final String sql;
    private final ParsedQuery query;
    private final Format[] formats;
    private final Iterator<?> rows;
    private final Transformer transformer;
    private final boolean binary;
    private final boolean describe;
    private int[] parsedOids;
    private Transformer.Params prepared;
    private long number;

    /**
     * @param query the parsed query, or null for a raw query whose {@code $n} are sent as-is
     * @param sql the query with {@code $n} placeholders
     */
    public ServerBoundRows(ParsedQuery query, String sql, Iterator<?> rows, Transformer transformer, boolean binary,
            boolean describe) {
        this.query = query;
        this.sql = sql;
        this.formats = query == null ? null : query.formats();
        this.rows = rows;
        this.transformer = transformer;
        this.binary = binary;
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
        Object[] values;
        if (query == null) {
            if (ParameterRows.isNamed(row)) {
                throw new ProgrammingException("a raw cursor takes positional parameters for $n placeholders, not a Map");
            }
            values = ParameterRows.positional(row, number);
        } else {
            values = ParameterRows.isNamed(row) ? query.order(ParameterRows.named(row))
                    : query.order(ParameterRows.positional(row, number));
        }
        if (values.length > 65535) {
            throw new ProgrammingException("a statement takes at most 65535 parameters; row " + number + " has " + values.length);
        }
        prepared = transformer.dump(values, formats);
        return true;
    }

    @Override
    public void encodePrepared(WriteBuffer out) {
        if (parsedOids == null || !Arrays.equals(parsedOids, prepared.oids())) {
            new Parse("", sql, prepared.oids()).encode(out);
            parsedOids = prepared.oids();
        }
        ExtendedQuery.bind(prepared, binary).encode(out);
        if (describe) {
            Describe.portal("").encode(out);
        }
        new Execute("", 0).encode(out);
    }
}
