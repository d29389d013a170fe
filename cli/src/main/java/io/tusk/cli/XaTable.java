package io.tusk.cli;

import io.tusk.Column;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints prepared transactions for {@code tusk xa}: an aligned table with the decoded id, or a
 * JSON array of {@link PreparedXact#toMap()} objects.
 *
 * <p>Example: {@code XaTable.print(out, PreparedXact.list(conn), false)}.
 */
final class XaTable {
    private static final List<Column> COLUMNS = List.of(TableWriter.column("id", 0), TableWriter.column("format_id", PgTypes.INT4),
            TableWriter.column("gtrid", 0), TableWriter.column("bqual", 0), TableWriter.column("owner", 0),
            TableWriter.column("database", 0), TableWriter.column("prepared", 0), TableWriter.column("age", 0));

    private XaTable() {
    }

    static void print(PrintWriter out, List<PreparedXact> xacts, boolean json) {
        if (json) {
            out.println(JsonWriter.value(xacts.stream().map(PreparedXact::toMap).toList()));
            out.flush();
            return;
        }
        ResultWriter w = new TableWriter(out);
        w.begin(COLUMNS);
        for (PreparedXact x : xacts) {
            Integer formatId = x.xid().formatId(); // null for ids not in the XA form
            w.row(java.util.Arrays.asList(x.gid(), formatId == null ? null : formatId.toString(), x.gtridText(), x.bqualText(), x.owner(),
                    x.database(), x.prepared().toString(), Durations.format(x.age())));
        }
        w.end();
    }
}
