package io.tusk.async;

import io.tusk.Column;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * A client-side cursor of an {@link AsyncConnection}: psycopg's {@code AsyncCursor}. Running a
 * statement returns a stage; its whole result is read into memory before the stage completes,
 * so the fetch methods complete at once.
 *
 * <pre>{@code
 * conn.cursor().execute("SELECT id, name FROM users WHERE id = %s", 42)
 *     .thenCompose(AsyncCursor::fetchall)
 *     .thenAccept(rows -> rows.forEach(System.out::println));
 * }</pre>
 *
 * @param <R> the type of rows, as its row factory makes them
 */
public interface AsyncCursor<R> {
    CompletionStage<AsyncCursor<R>> execute(String sql);

    CompletionStage<AsyncCursor<R>> execute(String query, Object... params);

    CompletionStage<AsyncCursor<R>> execute(String query, Map<String, ?> params);

    /**
     * Runs a statement once per parameter set, all pipelined (sent without waiting for each
     * answer); {@link #rowcount()} is the total. The first failure fails the stage.
     */
    CompletionStage<AsyncCursor<R>> executemany(String query, Iterable<?> paramsSeq);

    CompletionStage<R> fetchone();

    CompletionStage<List<R>> fetchmany(int size);

    CompletionStage<List<R>> fetchall();

    // ---- streaming (back-pressured results)

    /**
     * The rows of one statement as a {@link java.util.concurrent.Flow.Publisher}, psycopg's
     * {@code AsyncCursor.stream()} with back-pressure: rows are delivered as the subscriber
     * requests them, on the connection's executor; when the subscriber is slower than the
     * server, the driver holds at most a few thousand rows (about 1 MB) and then stops reading
     * the socket, so the server waits. Each subscription runs the statement once, in portal
     * batches of 2,000 rows (Execute with a row limit, as the blocking {@code cursor.stream()});
     * commands issued meanwhile are sent after it ends. Cancelling the subscription closes the
     * portal at the next batch boundary (Close + Sync), so inside a transaction the transaction
     * stays usable; in autocommit mode a CancelRequest is sent too, so that a slow statement
     * stops at once. The connection stays usable either way.
     *
     * <pre>{@code
     * cur.stream("SELECT * FROM big WHERE kind = %s", kind).subscribe(subscriber);
     * }</pre>
     */
    java.util.concurrent.Flow.Publisher<R> stream(String query, Object... params);

    /** {@link #stream(String, Object...)} with named parameters ({@code %(name)s}). */
    java.util.concurrent.Flow.Publisher<R> stream(String query, Map<String, ?> params);

    /** Moves to the next result of a multi-statement query; false when there is none. */
    boolean nextset();

    /** The columns of the current result, or null when it returns none. */
    List<Column> description();

    long rowcount();

    /** The command tag of the current result ({@code INSERT 0 1}). */
    String statusmessage();

    /** True when results are asked for in binary format (psycopg's {@code binary=True}). */
    boolean binary();

    /**
     * Asks for results in binary format from the next execute on, as
     * {@link io.tusk.Cursor#setBinary}: the values loaded are the same Java values as from text.
     * A statement without parameters then goes as extended-query messages (one statement).
     */
    void setBinary(boolean binary);

    /**
     * psycopg's {@code prepare} argument, for the following executions of this cursor, as
     * {@link io.tusk.Cursor#setPrepare}: TRUE prepares the statement on the server at once,
     * FALSE never, null (the default) once it has run the connection's
     * {@link AsyncConnection#prepareThreshold()} times. Returns this cursor.
     *
     * <pre>{@code
     * conn.cursor().setPrepare(true).execute("SELECT * FROM t WHERE id = %s", 42);
     * }</pre>
     */
    AsyncCursor<R> setPrepare(Boolean prepare);

    /** The cursor's {@link #setPrepare} choice: TRUE, FALSE or null (automatic). */
    Boolean prepare();
}
