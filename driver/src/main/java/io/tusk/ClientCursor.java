package io.tusk;

import java.util.Map;

/**
 * A cursor that binds parameters on the client: psycopg's {@code ClientCursor}. Each value is
 * turned into an SQL literal (quotes doubled, {@code E'...'} when it holds a backslash, so it
 * reads the same whatever {@code standard_conforming_strings} is) and the resulting SQL is sent
 * with the simple protocol. Use it where the server cannot take parameters: DDL, {@code SET},
 * {@code NOTIFY}, several statements in one call, or poolers that do not support the extended
 * protocol.
 *
 * <pre>{@code
 * ClientCursor<Row> cur = conn.clientCursor();
 * cur.mogrify("INSERT INTO authors (name) VALUES (%s)", "O'Reilly");
 * // INSERT INTO authors (name) VALUES ('O''Reilly')
 * cur.execute("SET application_name = %s", "reports");
 * }</pre>
 *
 * @param <R> the type of rows its row factory makes
 */
public interface ClientCursor<R> extends Cursor<R> {
    /** The exact SQL {@code execute(query, params)} would send. */
    String mogrify(String query, Object... params);

    /** The exact SQL {@code execute(query, params)} would send, for named placeholders. */
    String mogrify(String query, Map<String, ?> params);
}
