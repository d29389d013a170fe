package io.tusk;

/**
 * A cursor whose queries use PostgreSQL's own {@code $1, $2, ...} placeholders, sent as written:
 * psycopg's {@code RawCursor}. Parameters are positional and bound on the server; {@code %} has
 * no special meaning.
 *
 * <pre>{@code
 * RawCursor<Row> cur = conn.rawCursor();
 * cur.execute("SELECT $1::int + $1::int, 'a%'", 20).fetchone();   // [40, a%]
 * }</pre>
 *
 * @param <R> the type of rows its row factory makes
 */
public interface RawCursor<R> extends Cursor<R> {
}
