package io.tusk.async;

import io.tusk.Column;
import io.tusk.adapt.AdaptersMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A cursor kept on the server, for an {@link AsyncConnection}: psycopg's
 * {@code AsyncServerCursor}, a PostgreSQL {@code DECLARE ... CURSOR} read with {@code FETCH},
 * the twin of the blocking {@link io.tusk.ServerCursor} (same statements, same rules) whose
 * operations return {@link CompletionStage}s.
 *
 * <pre>{@code
 * AsyncServerCursor<Row> cur = conn.cursor("big_scan");
 * cur.setItersize(5_000);                                   // rows per FETCH of rows()
 * cur.execute("SELECT * FROM events WHERE day = %s", day)   // DECLARE "big_scan" CURSOR FOR ...
 *     .thenCompose(c -> c.fetchmany(100))                   // FETCH FORWARD 100 FROM "big_scan"
 *     .thenAccept(rows -> ...);
 * cur.rows().subscribe(subscriber);                         // FETCH FORWARD 5000 per demand
 * }</pre>
 *
 * <p>{@code execute} sends {@code DECLARE "name" [[NO] SCROLL] CURSOR [WITH HOLD] FOR query}
 * with the parameters bound on the server; fetches send {@code FETCH FORWARD n}, {@link #scroll}
 * sends {@code MOVE}, {@link #close()} sends {@code CLOSE}. Operations may be issued without
 * waiting for the previous one: they are pipelined and run in order, as on the connection.
 *
 * <p><b>Transactions</b> (as {@link io.tusk.ServerCursor}): a cursor without hold lives in the
 * transaction that declared it (in autocommit mode execute fails with a ProgrammingException) and
 * ends at commit or rollback; one {@linkplain #setWithhold WITH HOLD} survives the commit and
 * works in autocommit mode; close it, it holds server resources until then.
 *
 * <p><b>Back-pressure</b>: {@link #rows()} fetches {@link #itersize()} rows when its subscriber
 * asks for more than it holds, never ahead of demand, so a slow subscriber leaves the rest of
 * the result on the server.
 *
 * <p>Not meant for concurrent use by several threads, like psycopg's cursors.
 *
 * @param <R> the type of rows its row factory makes
 */
public interface AsyncServerCursor<R> {
    /** The cursor's name as given (unquoted). */
    String name();

    /** Declares the cursor for {@code sql}, sent as written (no placeholders). Once per cursor. */
    CompletionStage<AsyncServerCursor<R>> execute(String sql);

    /** Declares the cursor for {@code query} with positional parameters ({@code %s}) bound on the server. */
    CompletionStage<AsyncServerCursor<R>> execute(String query, Object... params);

    /** Declares the cursor for {@code query} with named parameters ({@code %(name)s}). */
    CompletionStage<AsyncServerCursor<R>> execute(String query, Map<String, ?> params);

    /** The next row ({@code FETCH FORWARD 1}), or null after the last. */
    CompletionStage<R> fetchone();

    /** Up to {@code size} rows ({@code FETCH FORWARD size}); fewer at the end. */
    CompletionStage<List<R>> fetchmany(int size);

    /** {@link #fetchmany(int)} of {@link #arraysize()} rows. */
    CompletionStage<List<R>> fetchmany();

    /** The remaining rows ({@code FETCH FORWARD ALL}). */
    CompletionStage<List<R>> fetchall();

    /**
     * The remaining rows as a publisher: each subscription fetches {@link #itersize()} rows
     * ({@code FETCH FORWARD itersize}) when its demand exceeds the rows it holds, and completes
     * after a short batch. Rows are delivered on the connection's executor. Cancelling stops
     * fetching; the cursor stays open (close it).
     */
    Flow.Publisher<R> rows();

    /** {@code MOVE value} from the current position (negative: backward, needs {@link #setScrollable scrollable}). */
    CompletionStage<Void> scroll(int value);

    /** {@code mode} "relative" ({@code MOVE value}) or "absolute" ({@code MOVE ABSOLUTE value}). */
    CompletionStage<Void> scroll(int value, String mode);

    /**
     * {@code CLOSE}s the cursor on the server when it still exists there (a cursor without hold
     * ends with its transaction, nothing is sent then); closing twice does nothing.
     */
    CompletionStage<Void> close();

    boolean isClosed();

    /** The columns of the result, known once {@code execute} completed (null: no rows). */
    List<Column> description();

    /** Rows fetched so far (-1 before execute). */
    long rowcount();

    /** The position in the result counted from 0 as psycopg counts it (-1 before execute). */
    int rownumber();

    /** The command tag of the last command ({@code DECLARE CURSOR}, {@code FETCH 10}). */
    String statusmessage();

    /** True for SCROLL, false for NO SCROLL, null (the default) to let the server choose. */
    Boolean scrollable();

    /** Sets SCROLL / NO SCROLL / server default (null); before {@code execute}. */
    void setScrollable(Boolean scrollable);

    /** True when the cursor is declared WITH HOLD. */
    boolean withhold();

    /** Declares the cursor WITH HOLD (it survives commit); before {@code execute}. */
    void setWithhold(boolean withhold);

    /** Rows fetched per round trip by {@link #rows()} (default 100, as psycopg 3). */
    int itersize();

    void setItersize(int itersize);

    /** Rows of {@link #fetchmany()} (default 1). */
    int arraysize();

    void setArraysize(int size);

    /** Whether FETCH asks for results in binary format. */
    boolean binary();

    void setBinary(boolean binary);

    /** This cursor's adapters (a child of the connection's). */
    AdaptersMap adapters();
}
