package io.tusk.internal.cursor;

import io.tusk.adapt.Format;
import io.tusk.errors.ProgrammingException;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.frontend.Execute;
import io.tusk.internal.protocol.frontend.Parse;
import io.tusk.internal.query.InsertRewrite;
import io.tusk.internal.query.ParsedQuery;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Rows of an {@code executemany} INSERT sent as multi-row INSERTs ({@link InsertRewrite}): up
 * to {@link InsertRewrite#maxRows()} rows per Bind/Execute of the unnamed statement, which is
 * parsed again only when the number of rows or a parameter type changes (a NULL after numbers).
 *
 * <p>A row that fails to bind ends its group: the rows before it are still sent, as on the
 * one-row path, and the error is raised by the next {@link #prepareNext}.
 */
public final class RewrittenInsertRows implements BatchSource {
    private final ParsedQuery query;
    private final InsertRewrite rewrite;
    private final Format[] formats;
    private final Iterator<?> rows;
    private final Transformer transformer;
    private final boolean binary;
    private final int perRow;
    private final int maxRows;
    private RuntimeException pendingError;
    private long number;
    // The prepared group: its rows' parameters, back to back.
    private int groupRows;
    private int[] oids;
    private int[] codes;
    private byte[][] values;
    private int parsedRows;
    private int[] parsedOids;

    public RewrittenInsertRows(ParsedQuery query, InsertRewrite rewrite, Iterator<?> rows, Transformer transformer,
            boolean binary) {
        this.query = query;
        this.rewrite = rewrite;
        this.formats = query.formats();
        this.rows = rows;
        this.transformer = transformer;
        this.binary = binary;
        this.perRow = rewrite.parametersPerRow();
        this.maxRows = rewrite.maxRows();
    }

    @Override
    public boolean prepareNext() {
        if (pendingError != null) {
            RuntimeException e = pendingError;
            pendingError = null;
            throw e;
        }
        int room = maxRows * perRow;
        if (oids == null || oids.length != room) {
            oids = new int[room];
            codes = new int[room];
        }
        values = new byte[room][];
        groupRows = 0;
        while (groupRows < maxRows && rows.hasNext()) {
            Object row = rows.next();
            number++;
            Transformer.Params p;
            try {
                Object[] ordered = ParameterRows.isNamed(row) ? query.order(ParameterRows.named(row))
                        : query.order(ParameterRows.positional(row, number));
                p = transformer.dump(ordered, formats);
            } catch (RuntimeException e) {
                if (groupRows == 0) {
                    throw e;
                }
                pendingError = e; // send the rows before it first
                break;
            }
            int at = groupRows * perRow;
            System.arraycopy(p.oids(), 0, oids, at, perRow);
            System.arraycopy(p.formats(), 0, codes, at, perRow);
            System.arraycopy(p.values(), 0, values, at, perRow);
            groupRows++;
        }
        return groupRows > 0;
    }

    @Override
    public void encodePrepared(WriteBuffer out) {
        int n = groupRows * perRow;
        int[] groupOids = n == oids.length ? oids : Arrays.copyOf(oids, n);
        if (parsedRows != groupRows || !Arrays.equals(parsedOids, groupOids)) {
            if (n > 65535) {
                throw new ProgrammingException("a statement takes at most 65535 parameters, not " + n);
            }
            new Parse("", rewrite.sql(groupRows), groupOids).encode(out);
            parsedRows = groupRows;
            parsedOids = groupOids.clone();
        }
        int[] groupCodes = n == codes.length ? codes : Arrays.copyOf(codes, n);
        byte[][] groupValues = n == values.length ? values : Arrays.copyOf(values, n);
        ExtendedQuery.bind(new Transformer.Params(groupOids, groupCodes, groupValues), binary).encode(out);
        new Execute("", 0).encode(out);
    }
}
