package io.tusk.cli;

import io.tusk.Connection;
import io.tusk.Tusk;
import io.tusk.conninfo.Conninfo;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --dsn} option shared by the commands that talk to a server: a libpq connection
 * string ({@code host=db dbname=app user=ops} or {@code postgresql://ops@db/app}).
 *
 * <p>Example: {@code @Mixin ConnectionOptions db; try (Connection c = db.connect()) { ... }}.
 */
public final class ConnectionOptions {
    @Option(names = "--dsn", paramLabel = "CONNINFO",
            description = "libpq connection string or postgresql:// URI (default: the PG* environment variables).")
    String dsn;

    /** The connection string given, or "" (the environment's defaults). */
    String dsn() {
        return dsn == null ? "" : dsn;
    }

    /** Connects as the DSN says. */
    Connection connect() {
        return Tusk.connect(dsn());
    }

    /** Connects as the DSN says, but to another database of the same server. */
    Connection connectTo(String dbname) {
        return Tusk.connect(Conninfo.make(dsn(), Map.of("dbname", dbname)));
    }
}
