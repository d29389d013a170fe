package io.tusk;

import io.tusk.adapt.AdaptersMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Executes statements and fetches their rows: psycopg's client-side {@code Cursor}. Parameters
 * are bound on the server (extended query protocol); the whole result is read when the
 * statement runs and then fetched from memory.
 *
 * <pre>{@code
 * try (Cursor<Row> cur = conn.cursor()) {
 *     cur.execute("INSERT INTO test (num, data) VALUES (%s, %s)", 100, "abc'def");
 *     cur.execute("SELECT * FROM test WHERE num = %(num)s", Map.of("num", 100));
 *     for (Row r : cur) System.out.println(r.get("data"));
 * }
 * }</pre>
 *
 * <p>Placeholders: {@code %s} (or {@code %b} / {@code %t} to ask for the binary / text format),
 * {@code %(name)s} for values taken from a Map (a name may appear several times), {@code %%} for
 * a literal {@code %}. Values are never written into the SQL text, so they cannot inject SQL.
 * Without parameters the query is sent as it is, with the simple protocol: it may hold several
 * statements and its {@code %} are left alone.
 *
 * <p>A cursor belongs to one connection and is not meant to be shared between threads.
 *
 * @param <R> the type of rows its row factory makes
 */
public interface Cursor<R> extends Iterable<R>, AutoCloseable {
    /** Runs a statement (or several, separated by semicolons) as it is and returns this cursor. */
    Cursor<R> execute(String sql);

    /**
     * Runs a statement with positional parameters for its {@code %s} placeholders and returns
     * this cursor. With no parameters it is {@link #execute(String)}.
     *
     * @throws io.tusk.errors.ProgrammingException before anything is sent when the placeholders
     *         and the parameters do not match, or a {@code %} is not a placeholder
     */
    Cursor<R> execute(String query, Object... params);

    /** Runs a statement with named parameters for its {@code %(name)s} placeholders; returns this cursor. */
    Cursor<R> execute(String query, Map<String, ?> params);

    /**
     * Runs a statement composed with {@link io.tusk.sql} (identifiers and literals quoted for this
     * connection, placeholders left for {@code params}); returns this cursor.
     * <pre>{@code
     * cur.execute(SQL.of("SELECT * FROM {} WHERE id = %s").format(Identifier.of("my table")), 42);
     * }</pre>
     */
    default Cursor<R> execute(io.tusk.sql.Composable query, Object... params) {
        return execute(query.asString(connection()), params);
    }

    /** As {@link #execute(io.tusk.sql.Composable, Object...)} with named parameters. */
    default Cursor<R> execute(io.tusk.sql.Composable query, Map<String, ?> params) {
        return execute(query.asString(connection()), params);
    }

    /**
     * Runs a statement once per element of {@code paramsSeq} (each an {@code Object[]}, a
     * {@code List} or a {@code Map}), pipelined with a single Sync: no round trip per row.
     * {@link #rowcount()} is then the total; no result is kept.
     */
    Cursor<R> executemany(String query, Iterable<?> paramsSeq);

    /**
     * {@link #executemany(String, Iterable)}; with {@code returning} every statement's result is
     * kept (for {@code INSERT ... RETURNING}), the first one current, the next ones reached with
     * {@link #nextset()}.
     */
    Cursor<R> executemany(String query, Iterable<?> paramsSeq, boolean returning);

    /** The next row of the current result, or null when there is none. */
    R fetchone();

    /** Up to {@code size} next rows. */
    List<R> fetchmany(int size);

    /** Up to {@link #arraysize()} next rows. */
    List<R> fetchmany();

    /** Every remaining row of the current result. */
    List<R> fetchall();

    /** {@code scroll(value, "relative")}. */
    void scroll(int value);

    /**
     * Moves the position in the current result: by {@code value} rows ({@code "relative"}) or to
     * row {@code value} ({@code "absolute"}, 0-based). A position outside the result raises
     * IndexOutOfBoundsException and leaves the position unchanged.
     */
    void scroll(int value, String mode);

    /** The columns of the current result, or null when it returns no rows. */
    List<Column> description();

    /** Rows affected or returned by the last statement (the total after executemany), -1 when unknown. */
    long rowcount();

    /** The 0-based position of the next row in the current result, or -1 when there is no result. */
    int rownumber();

    /** The command tag of the current result ({@code INSERT 0 1}), or null. */
    String statusmessage();

    /** Moves to the next result of a multi-statement execute; false when there is none. */
    boolean nextset();

    int arraysize();

    void setArraysize(int size);

    /** True when results are asked for in binary format (psycopg's {@code binary=True}). */
    boolean binary();

    /** Asks for results in binary format from the next execute on (statements with parameters). */
    void setBinary(boolean binary);

    /**
     * psycopg's {@code prepare} argument, for the following executions of this cursor: TRUE
     * prepares the statement on the server at once, FALSE never, null (the default) once it
     * has run the connection's {@link Connection#prepareThreshold()} times. Returns this cursor.
     *
     * <pre>{@code
     * cur.setPrepare(true).execute("SELECT * FROM t WHERE id = %s", 42);
     * }</pre>
     *
     * Statements without parameters go with the simple protocol and are prepared only with
     * TRUE. See docs/reference/prepared.md.
     */
    Cursor<R> setPrepare(Boolean prepare);

    /** The cursor's {@link #setPrepare} choice: TRUE, FALSE or null (automatic). */
    Boolean prepare();

    /** The adapters of this cursor: a layer over the connection's; changes stay on this cursor. */
    AdaptersMap adapters();

    Connection connection();

    boolean isClosed();

    /**
     * The rows of {@code query} as they arrive from the server, in constant memory (psycopg 3's
     * {@code stream()}): the statement runs in a portal read a batch at a time, each row decoded
     * when the stream reaches it. Close the stream (try-with-resources) to stop early: the rest is
     * skipped and the connection stays usable. It is consumed fully or closed on the thread that
     * opened it; until then the connection runs no other command (other threads wait, this
     * thread gets ProgrammingException). Not available on a {@link ServerCursor}.
     *
     * <pre>{@code
     * try (Stream<Row> rows = cur.stream("SELECT * FROM big WHERE kind = %s", kind)) {
     *     rows.filter(r -> r.getInt(0) > 10).forEach(this::handle);
     * }
     * }</pre>
     */
    Stream<R> stream(String query, Object... params);

    /** {@link #stream(String, Object...)} with named parameters ({@code %(name)s}). */
    Stream<R> stream(String query, Map<String, ?> params);

    /**
     * Starts a COPY on this cursor (psycopg 3's {@code cursor.copy()}): rows written or read with
     * {@link Copy#writeRow}/{@link Copy#readRow} use this cursor's adapters. Close the Copy to
     * finish it. See {@link Connection#copy(String)}.
     */
    Copy copy(String sql);

    /**
     * {@link #copy(String)} with parameters ({@code %s}) quoted into the statement on the client,
     * as psycopg does for COPY (the server takes no parameters in COPY):
     * {@code cur.copy("COPY (SELECT * FROM t WHERE day = %s) TO STDOUT", day)}.
     */
    Copy copy(String sql, Object... params);

    /** psycopg2's {@code cursor.copy_from}; see {@link Connection#copyFrom(InputStream, String, String, String, List)}. */
    long copyFrom(InputStream in, String table, String sep, String nullString, List<String> columns) throws IOException;

    /** psycopg2's {@code cursor.copy_from} from characters. */
    long copyFrom(Reader in, String table, String sep, String nullString, List<String> columns) throws IOException;

    /** psycopg2's {@code cursor.copy_to}; see {@link Connection#copyTo(OutputStream, String, String, String, List)}. */
    long copyTo(OutputStream out, String table, String sep, String nullString, List<String> columns) throws IOException;

    /** psycopg2's {@code cursor.copy_to} as characters. */
    long copyTo(Writer out, String table, String sep, String nullString, List<String> columns) throws IOException;

    /** psycopg2's {@code cursor.copy_expert} for {@code COPY ... FROM STDIN}. */
    long copyExpert(String sql, InputStream in) throws IOException;

    /** psycopg2's {@code cursor.copy_expert} for {@code COPY ... TO STDOUT}. */
    long copyExpert(String sql, OutputStream out) throws IOException;

    /** Closes the cursor and discards its results; using it afterwards raises InterfaceException. */
    @Override
    void close();
}
