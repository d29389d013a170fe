package io.tusk.cli;

import io.tusk.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code tusk xa list}: the server's prepared transactions ({@code pg_prepared_xacts}, every
 * database), oldest first, with the XA id decoded (format id, gtrid and bqual as text when
 * printable, hex otherwise), owner, database, prepared time and age.
 *
 * <p>Example: {@code tusk xa list --dsn "host=db user=postgres" --older-than 10m --json}.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the prepared transactions of the server, oldest first.")
final class XaListCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions db;

    @Mixin
    XaCommand.Selection selection;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (Connection conn = db.connect()) {
            conn.setAutocommit(true);
            XaTable.print(spec.commandLine().getOut(), selection.filter(PreparedXact.list(conn)), selection.json);
        }
        return 0;
    }
}
