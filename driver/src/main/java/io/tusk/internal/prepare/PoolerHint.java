package io.tusk.internal.prepare;

import io.tusk.errors.Diagnostic;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Explains the two errors a connection pooler in transaction mode causes for prepared statements:
 * "prepared statement "_tusk_3" does not exist" (26000) and "... already exists" (42P05). Such a
 * pooler (PgBouncer's {@code pool_mode=transaction}) gives each transaction whichever server
 * connection is free, but a statement prepared with a named Parse lives in the one server session
 * that parsed it (protocol docs, "Extended Query"); another session either lacks it or holds a
 * different statement under the same name, prepared there by another client. The server sends no
 * hint for these errors; this one names the setting to change. Only Tusk's own names
 * ({@code _tusk_N}) get it: a name the application chose is the application's business.
 */
public final class PoolerHint {
    static final String HINT = "this connection's automatically prepared statements (_tusk_N) live in one server "
            + "session; if a connection pooler in transaction mode (PgBouncer pool_mode=transaction) is in between, each "
            + "transaction may run in another server session: turn automatic preparing off for connections through it, "
            + "conn.setPrepareThreshold(null) (a pool: configure(c -> c.setPrepareThreshold(null))), or use "
            + "pool_mode=session, or PgBouncer 1.21+ with max_prepared_statements > 0";

    private PoolerHint() {
    }

    /** The diagnostic with the hint added when it is one of the two errors about a {@code _tusk_} statement. */
    public static Diagnostic explain(Diagnostic diag) {
        String state = diag.sqlstate();
        String msg = diag.messagePrimary();
        if (!("26000".equals(state) || "42P05".equals(state)) || msg == null || !msg.contains("\"_tusk_")
                || diag.messageHint() != null) {
            return diag;
        }
        Map<Character, String> fields = new LinkedHashMap<>(diag.fields());
        fields.put('H', HINT);
        return Diagnostic.of(fields);
    }
}
