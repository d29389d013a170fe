package io.tusk.async;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A COPY in progress on an {@link AsyncConnection}: psycopg's {@code AsyncCopy}, the twin of the
 * blocking {@link io.tusk.Copy} ({@code COPY ... FROM STDIN} or {@code COPY ... TO STDOUT}), with
 * flow control both ways so that neither a fast producer nor a slow reader makes the driver
 * buffer without bound.
 *
 * <pre>{@code
 * // in: each write's stage completes once the data is accepted; wait for it before the next
 * conn.copy("COPY t (id, name) FROM STDIN")
 *     .thenCompose(copy -> copy.writeRow(1, "one")
 *         .thenCompose(v -> copy.write("2\ttwo\n"))
 *         .thenCompose(v -> copy.finish()))          // the row count
 *     .thenAccept(n -> System.out.println(n + " rows"));
 * // out: read() until null, or subscribe to chunks()
 * conn.copy("COPY t TO STDOUT").thenAccept(copy -> copy.chunks().subscribe(subscriber));
 * }</pre>
 *
 * <p><b>COPY FROM STDIN.</b> Data is gathered into CopyData messages of about 64 KB. A write's
 * stage completes at once while the data only joins the current message; when a message is
 * sent, the stage completes once the socket took it and less than 1 MB waits in the driver's
 * output queue. Commands issued on the connection meanwhile wait until the COPY ends (the server
 * would read them as COPY data). {@link #finish()} sends CopyDone and completes with the row
 * count; {@link #abort(String)} sends CopyFail (no row is stored). When the server refuses the
 * data (a bad row), the COPY ends at once: later writes and {@code finish()} fail with its
 * error, and the connection stays usable (a transaction in progress is failed, to be rolled
 * back, as with the blocking connection).
 *
 * <p><b>COPY TO STDOUT.</b> Data is buffered up to a bound (1 MB or 8,192 messages); beyond it
 * the driver stops reading the socket until the reader catches up, so the server waits. Use
 * either {@link #read()} or {@link #chunks()}, not both. {@link #finish()} before the end
 * discards the rest as it arrives (it must be read to keep the connection in step); call
 * {@link AsyncConnection#cancel()} first to stop a big one early.
 *
 * <p>Stages complete on the connection's executor, never on an I/O thread.
 */
public interface AsyncCopy {
    /** Appends raw data in the COPY's format (COPY FROM STDIN); see the class comment for when the stage completes. */
    CompletionStage<Void> write(byte[] data);

    /** Appends a part of an array. */
    CompletionStage<Void> write(byte[] data, int offset, int length);

    /** Appends text data, encoded in the connection's client encoding. */
    CompletionStage<Void> write(String data);

    /**
     * Appends one row, each value rendered by the text (or, for {@code FORMAT BINARY}, the
     * binary) dumper of its class, null as NULL: the same encoding as {@link io.tusk.Copy#writeRow}.
     * The values are rendered on the calling thread.
     */
    CompletionStage<Void> writeRow(Object... values);

    /**
     * Declares the types of the columns {@link #writeRow} writes (psycopg's {@code
     * copy.set_types()}; {@link io.tusk.Copy#setTypes(String...)}): each value is converted to
     * its column's type (an Integer into an {@code int8} column is sent as an int8), and in
     * {@code FORMAT BINARY} a value that would still be written as another type is refused with
     * a {@code ProgrammingException} naming the column and both types, before anything is sent.
     * Names as in {@code pg_type} or SQL ({@code "int8"}, {@code "bigint"}, {@code "text"}).
     * On a COPY TO STDOUT it does nothing (read() gives the data as the server sends it).
     */
    AsyncCopy setTypes(String... typeNames);

    /** {@link #setTypes(String...)} by type OID. */
    AsyncCopy setTypes(int... oids);

    /**
     * Ends the COPY: for COPY FROM STDIN sends what is gathered and CopyDone, and completes with
     * the row count of the server's command tag (or fails with the server's error); for COPY TO
     * STDOUT discards what was not read and completes with the row count at the end. Calling it
     * again returns the same outcome.
     */
    CompletionStage<Long> finish();

    /**
     * Aborts a COPY FROM STDIN (CopyFail with {@code reason}): no row of it is stored; the stage
     * completes when the server is ready again. For COPY TO STDOUT, as {@link #finish()}.
     * Does nothing if the COPY already ended.
     */
    CompletionStage<Void> abort(String reason);

    /**
     * The next data of a COPY TO STDOUT, null at the end (fails with the server's error): what
     * arrived since the last read, joined up to about 64 KB (in text format whole rows, since
     * each CopyData message holds whole rows).
     */
    CompletionStage<byte[]> read();

    /**
     * The data of a COPY TO STDOUT as a publisher of chunks as {@link #read()} returns them,
     * delivered as the subscriber requests them; one subscriber. Cancelling the subscription
     * discards the rest as {@link #finish()} does.
     */
    Flow.Publisher<byte[]> chunks();

    /** True for {@code FORMAT BINARY}, false for text or CSV. */
    boolean binary();

    /** True for COPY FROM STDIN, false for COPY TO STDOUT. */
    boolean writing();

    /** The rows the server reported in its COPY command tag once the COPY ended, else -1. */
    long rowcount();
}
