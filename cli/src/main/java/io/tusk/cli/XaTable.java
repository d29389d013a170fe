package io.tusk.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * Prints prepared transactions for {@code tusk xa}: an aligned table with the decoded id, or a
 * JSON array of {@link PreparedXact#toMap()} objects.
 *
 * <p>Example: {@code XaTable.print(out, PreparedXact.list(conn), false)}.
 */
final class XaTable {
    private static final List<String> COLUMNS =
            List.of("id", "format_id", "gtrid", "bqual", "owner", "database", "prepared", "age");

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
            w.row(java.util.Arrays.asList(x.gid(), x.xid().formatId(), x.gtridText(), x.bqualText(), x.owner(),
                    x.database(), x.prepared().toString(), Durations.format(x.age())));
        }
        w.end();
    }
}
