package io.tusk;

import java.util.stream.Stream;

/**
 * A COPY operation in progress: psycopg's {@code Copy} object, moving data in or out of the
 * server with {@code COPY ... FROM STDIN} or {@code COPY ... TO STDOUT} (PostgreSQL's fastest
 * way to load or dump a table).
 *
 * <pre>{@code
 * // in: raw data or rows rendered by the adapters
 * long n = conn.copy("COPY t (id, name) FROM STDIN", copy -> {
 *     copy.writeRow(1, "one");
 *     copy.write("2\ttwo\n");
 * });
 * // out: chunks or rows, streamed
 * try (Copy copy = conn.copy("COPY t TO STDOUT")) {
 *     copy.setTypes("int4", "text");
 *     for (Object[] row; (row = copy.readRow()) != null; ) { ... }
 * }
 * }</pre>
 *
 * <p>The COPY holds the connection from start to {@link #close()}: other threads' commands
 * wait, and the thread that started it must not run other commands before closing it. Data
 * moves in constant memory: written data leaves in chunks of about 64 KB, read data is parsed
 * message by message.
 *
 * <p><b>Ending a COPY FROM STDIN.</b> {@link #close()} finishes it (CopyDone) and commits the
 * data to the table (or to the transaction, outside autocommit). try-with-resources cannot see
 * an exception thrown in its block, so a half-written COPY would be completed by close(): call
 * {@link #abort(String)} on failure, or use {@code conn.copy(sql, copy -> ...)}, which aborts
 * with the exception's message (CopyFail) and rethrows it. The server answers an abort with
 * {@code QueryCanceled} (57014); the connection stays usable, and a transaction in progress is
 * failed, to be rolled back, as in psycopg.
 *
 * <p><b>Ending a COPY TO STDOUT.</b> {@link #close()} before the end discards the rest of the
 * data as it arrives (it must be read to keep the connection in step); call
 * {@link Connection#cancel()} first to stop a big one early.
 */
public interface Copy extends AutoCloseable {
    /** The body of {@code conn.copy(sql, body)}; what it throws aborts the COPY and is rethrown. */
    @FunctionalInterface
    interface Body<E extends Exception> {
        void accept(Copy copy) throws E;
    }

    /** Appends raw data in the COPY's format (COPY FROM STDIN). */
    void write(byte[] data);

    /** Appends raw data in the COPY's format, a part of an array. */
    void write(byte[] data, int offset, int length);

    /** Appends text data, encoded in the connection's client encoding. */
    void write(String data);

    /**
     * Appends one row: each value rendered by the text (or, for {@code FORMAT BINARY}, the
     * binary) dumper of its class, null as NULL, escaped per COPY's text rules.
     */
    void writeRow(Object... values);

    /**
     * The next chunk of data of a COPY TO STDOUT (in text format usually one row), blocking
     * until it arrives; null at the end.
     */
    byte[] read();

    /**
     * The next row of a COPY TO STDOUT in text or binary format, null at the end: each value a
     * String (text) or byte[] (binary) unless {@link #setTypes} chose loaders; NULL as null.
     */
    Object[] readRow();

    /** The remaining rows as a lazy stream (closing the stream does not close the COPY). */
    Stream<Object[]> rows();

    /** {@link #setTypes(String...)} by type OID. */
    void setTypes(int... oids);

    /**
     * Declares the types of the COPY's columns (psycopg's {@code copy.set_types()}), names as in
     * {@code pg_type} or SQL ({@code "int8"}, {@code "bigint"}, {@code "text"}). Reading: {@link
     * #readRow()} loads each column with its type's loader. Writing: {@link #writeRow} converts
     * each value to its column's type (an Integer into an {@code int8} column is sent as an
     * int8); in {@code FORMAT BINARY} a value that would still be written as another type is
     * refused with a {@code ProgrammingException} naming the column and both types, before
     * anything is sent. Binary COPY IN of values whose Java class does not map to the column's
     * exact type needs it: the server reads each field with the column type's binary receive
     * function and cannot tell an int4 from the start of an int8.
     */
    void setTypes(String... typeNames);

    /** True for {@code FORMAT BINARY}, false for text or CSV. */
    boolean binary();

    /** True for COPY FROM STDIN, false for COPY TO STDOUT. */
    boolean writing();

    /** The rows the server reported in its COPY command tag once the COPY ended, else -1. */
    long rowcount();

    /**
     * Aborts a COPY FROM STDIN (CopyFail with {@code reason}) and waits for the server to be
     * ready again: no row of it is stored. Does nothing if the COPY already ended.
     */
    void abort(String reason);

    /**
     * Finishes the COPY: for COPY FROM STDIN sends the buffered data and CopyDone, and raises
     * the server's error if the data was refused; for COPY TO STDOUT discards what was not
     * read. Calling it again does nothing.
     */
    @Override
    void close();
}
