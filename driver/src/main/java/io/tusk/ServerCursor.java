package io.tusk;

import java.util.Map;

/**
 * A cursor kept on the server: psycopg's named cursor, a PostgreSQL {@code DECLARE ... CURSOR}
 * read with {@code FETCH}, so that a result of any size is examined a few rows at a time in
 * constant memory.
 *
 * <pre>{@code
 * try (ServerCursor<Row> cur = conn.cursor("big_scan")) {
 *     cur.setItersize(5_000);                         // rows per FETCH while iterating
 *     cur.execute("SELECT * FROM events WHERE day = %s", day);
 *     for (Row r : cur) handle(r);                    // FETCH FORWARD 5000 FROM "big_scan", ...
 * }
 * conn.commit();
 * }</pre>
 *
 * <p>{@link #execute(String, Object...)} sends {@code DECLARE "name" [[NO] SCROLL] CURSOR
 * [WITH HOLD] FOR query} with the parameters bound on the server; the name is always quoted as an
 * identifier, so any string works (psycopg 2.4+). The fetch methods send {@code FETCH FORWARD n},
 * {@link #scroll(int, String)} sends {@code MOVE}, {@link #close()} sends {@code CLOSE}.
 *
 * <p><b>Transactions</b> (psycopg's rules): a cursor without hold lives in the transaction that
 * declared it: it needs one (in autocommit mode execute raises ProgrammingException) and ends at
 * commit or rollback. A cursor {@link #setWithhold WITH HOLD} survives the commit of the
 * transaction that declared it (it is then materialised by the server) and works in autocommit
 * mode; a rollback of the declaring transaction removes it. Close such cursors: they hold server
 * resources until then.
 *
 * <p><b>Cursors opened elsewhere.</b> A cursor that was not executed here reads the server-side
 * cursor of that name, such as a {@code refcursor} returned by a PL/pgSQL function:
 * {@code conn.cursor("curname").fetchall()}.
 *
 * <p>{@code executemany} and {@code nextset} are not available on a named cursor (psycopg raises
 * too); {@code scroll} moves on the server and does not check the bounds.
 *
 * @param <R> the type of rows its row factory makes
 */
public interface ServerCursor<R> extends Cursor<R> {
    /** The cursor's name as given (unquoted). */
    String name();

    /**
     * Declares the cursor for {@code query} with positional parameters ({@code %s}) bound on
     * the server. A named cursor is executed once, as in psycopg2: open another one for another
     * query.
     */
    @Override
    ServerCursor<R> execute(String query, Object... params);

    /** Declares the cursor for {@code query} with named parameters ({@code %(name)s}). */
    @Override
    ServerCursor<R> execute(String query, Map<String, ?> params);

    /** Declares the cursor for {@code query}, sent as written (no placeholders). */
    @Override
    ServerCursor<R> execute(String sql);

    /** True for SCROLL, false for NO SCROLL, null (the default) to let the server choose. */
    Boolean scrollable();

    /** Sets SCROLL / NO SCROLL / server default (null); before {@code execute}. */
    void setScrollable(Boolean scrollable);

    /** True when the cursor is declared WITH HOLD. */
    boolean withhold();

    /** Declares the cursor WITH HOLD (it survives commit); before {@code execute}. */
    void setWithhold(boolean withhold);

    /** Rows fetched per round trip while iterating (default 100, as psycopg 3). */
    int itersize();

    void setItersize(int itersize);
}
