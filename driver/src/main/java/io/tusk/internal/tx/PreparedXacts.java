package io.tusk.internal.tx;

import io.tusk.Xid;
import io.tusk.errors.DataException;
import io.tusk.internal.connection.QueryResult;
import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.backend.DataRow;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The recovery query on {@code pg_prepared_xacts} and the reading of its answer, shared by the
 * blocking and async front ends. The answer is checked before it is trusted: a server that
 * sends no result, rows of the wrong width or values that are not what the query makes gets a
 * Tusk exception naming the column, not a JDK one from deep inside the parse.
 */
public final class PreparedXacts {
    /** gid, the prepare time as an ISO-8601 instant in UTC, owner, database; oldest first. */
    public static final String QUERY = "SELECT gid, to_char(prepared AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), "
            + "owner, database FROM pg_catalog.pg_prepared_xacts ORDER BY prepared, gid";
    private static final String[] COLUMNS = {"gid", "prepared", "owner", "database"};

    private PreparedXacts() {
    }

    /** The Xids of the recovery query's answer. */
    public static List<Xid> read(List<QueryResult> results, Charset charset) {
        if (results.isEmpty() || results.get(0).description() == null) {
            throw new ProtocolViolation("the server answered the pg_prepared_xacts query without a result set");
        }
        List<Xid> out = new ArrayList<>();
        for (DataRow row : results.get(0).rows()) {
            if (row.size() != COLUMNS.length) {
                throw new ProtocolViolation("a row of pg_prepared_xacts has " + row.size() + " columns, the query asked for "
                        + COLUMNS.length);
            }
            String gid = text(row, 0, charset);
            String prepared = text(row, 1, charset);
            Instant at;
            try {
                at = Instant.parse(prepared);
            } catch (DateTimeParseException e) {
                throw new DataException("pg_prepared_xacts column \"prepared\" (timestamptz, as text) of transaction " + gid
                        + " is not a timestamp: \"" + prepared + "\"", e);
            }
            out.add(Xid.fromString(gid).withRecoveryInfo(at, text(row, 2, charset), text(row, 3, charset)));
        }
        return out;
    }

    /** A column's text; gid and prepared are NOT NULL in the view, so a NULL there is the server's error. */
    private static String text(DataRow row, int column, Charset charset) {
        if (row.isNull(column)) {
            if (column <= 1) {
                throw new DataException("pg_prepared_xacts column \"" + COLUMNS[column] + "\" is NULL, which the view never holds");
            }
            return null;
        }
        return new String(row.buffer(), row.offset(column), row.length(column), charset);
    }
}
