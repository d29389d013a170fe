package io.tusk;

import io.tusk.conninfo.Conninfo;
import io.tusk.spi.Services;
import java.util.Map;

/**
 * Where connections come from: psycopg's {@code psycopg.connect()}.
 *
 * <pre>{@code
 * try (Connection conn = Tusk.connect("postgresql://app@localhost/app?sslmode=verify-full")) {
 *     conn.execute("SELECT 1");
 * }
 * }</pre>
 *
 * The connection string is libpq's, in {@code key=value} or URI form; the {@code PG*}
 * environment variables, {@code ~/.pgpass} and service files fill in what it leaves out (see
 * {@link Conninfo}).
 */
public final class Tusk {
    private Tusk() {
    }

    /** Opens a connection described by a connection string. */
    public static Connection connect(String conninfo) {
        return connect(conninfo, Map.of());
    }

    /**
     * Opens a connection from a connection string and parameters that override or add to it
     * (psycopg's {@code connect(conninfo, **kwargs)}); a null value removes a parameter.
     */
    public static Connection connect(String conninfo, Map<String, ?> parameters) {
        return Services.connector().connect(conninfo, parameters);
    }

    /**
     * Opens an asynchronous connection (psycopg's {@code AsyncConnection.connect}): the same
     * connection string, served by a few shared I/O threads; the stage completes on the common
     * fork-join pool. See {@link io.tusk.async.AsyncConnection#connect} to choose the executor.
     */
    public static java.util.concurrent.CompletionStage<io.tusk.async.AsyncConnection> connectAsync(String conninfo) {
        return io.tusk.async.AsyncConnection.connect(conninfo, Map.of(), null);
    }
}
