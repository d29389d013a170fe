package io.tusk.cli;

import io.tusk.Connection;
import io.tusk.Tusk;
import io.tusk.conninfo.Conninfo;
import io.tusk.errors.OperationalException;
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
        return connect(dsn());
    }

    /** Connects as the DSN says, but to another database of the same server. */
    Connection connectTo(String dbname) {
        return connect(Conninfo.make(dsn(), Map.of("dbname", dbname)));
    }

    /**
     * The driver's account of every host:port tried, on one line: its multi-host message lists
     * them one per line under "could not connect to any host:".
     */
    static String attempts(OperationalException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        String head = "could not connect to any host:";
        if (!m.startsWith(head)) {
            return Failures.describe(e);
        }
        return String.join("; ", m.substring(head.length()).strip().split("\\s*\\n\\s*-\\s*")).replaceFirst("^-\\s*", "");
    }

    /**
     * Connects, naming the target when the server cannot be reached: the operator must see
     * which host and port were tried (the connection string without its password).
     */
    static Connection connect(String conninfo) {
        try {
            return Tusk.connect(conninfo);
        } catch (OperationalException e) {
            String target;
            try {
                target = Conninfo.parse(conninfo).toSafeString();
            } catch (RuntimeException parse) {
                target = "";
            }
            throw new CliException("could not connect" + (target.isBlank() ? "" : " (" + target + ")") + ": "
                    + attempts(e), e);
        }
    }
}
