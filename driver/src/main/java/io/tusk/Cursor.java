package io.tusk;

import java.util.List;

/**
 * Executes statements and fetches their rows: psycopg's {@code Cursor}.
 *
 * <pre>{@code
 * try (Cursor<Row> cur = conn.cursor()) {
 *     cur.execute("SELECT generate_series(1, 3)");
 *     for (Row r : cur) System.out.println(r.get(0));
 * }
 * }</pre>
 *
 * A cursor belongs to one connection and is not meant to be shared between threads.
 *
 * @param <R> the type of rows its row factory makes
 */
public interface Cursor<R> extends Iterable<R>, AutoCloseable {
    /** Runs a statement (or several, separated by semicolons) and returns this cursor. */
    Cursor<R> execute(String sql);

    /** The next row of the current result, or null when there is none. */
    R fetchone();

    /** Up to {@code size} next rows. */
    List<R> fetchmany(int size);

    /** Up to {@link #arraysize()} next rows. */
    List<R> fetchmany();

    /** Every remaining row of the current result. */
    List<R> fetchall();

    /** The columns of the current result, or null when it returns no rows. */
    List<Column> description();

    /** Rows affected or returned by the last statement, -1 when unknown. */
    long rowcount();

    /** The 0-based position of the next row in the current result, or -1 when there is no result. */
    int rownumber();

    /** The command tag of the current result ({@code INSERT 0 1}), or null. */
    String statusmessage();

    /** Moves to the next result of a multi-statement execute; false when there is none. */
    boolean nextset();

    int arraysize();

    void setArraysize(int size);

    Connection connection();

    boolean isClosed();

    @Override
    void close();
}
