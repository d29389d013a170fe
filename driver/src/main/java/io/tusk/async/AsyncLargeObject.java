package io.tusk.async;

import io.tusk.LargeObject;
import java.nio.file.Path;
import java.util.concurrent.CompletionStage;

/**
 * A PostgreSQL large object on an {@link AsyncConnection}: the asynchronous twin of
 * {@link LargeObject} (psycopg2's {@code lobject}), with the same modes, rules and fast-path
 * calls; every call returns a stage instead of blocking.
 *
 * <pre>{@code
 * conn.setAutocommit(false);                              // large objects live in transactions
 * conn.largeObject()
 *     .thenCompose(lo -> lo.write(bytes).thenCompose(n -> lo.close()).thenApply(v -> lo.oid()))
 *     .thenCompose(oid -> conn.commit().thenApply(v -> oid));
 * }</pre>
 *
 * <p>A descriptor is valid only in the transaction that opened it, as on a blocking
 * connection; calls on one object run in the order they were made. Reads and writes over
 * 1 MB are sent as several calls of 1 MB.
 */
public interface AsyncLargeObject {
    /** The large object's OID. */
    long oid();

    /** The mode it was opened in, as psycopg2 shows it: {@code rb}, {@code wt}, {@code rwb}, {@code n}. */
    String mode();

    /** Up to {@code size} bytes from the current position; {@code -1} reads to the end. Empty at the end. */
    CompletionStage<byte[]> read(int size);

    /** {@link #read(int)} decoded with the connection's encoding. */
    CompletionStage<String> readString(int size);

    /** Writes {@code data} at the current position; completes with the number of bytes written. */
    CompletionStage<Integer> write(byte[] data);

    /** Writes {@code text} encoded with the connection's encoding. */
    CompletionStage<Integer> write(String text);

    /** Moves the position ({@link LargeObject#SEEK_SET}, {@code SEEK_CUR}, {@code SEEK_END}); completes with the new one. */
    CompletionStage<Long> seek(long offset, int whence);

    /** The current position. */
    CompletionStage<Long> tell();

    /** Cuts (or extends with zeros) the object to {@code length} bytes. */
    CompletionStage<Void> truncate(long length);

    /** Writes the whole object to a file on the client (libpq's {@code lo_export}), in chunks of 1 MB. */
    CompletionStage<Void> export(Path file);

    /** Closes the object (if open) and removes it from the database ({@code lo_unlink}). */
    CompletionStage<Void> unlink();

    boolean isClosed();

    /** Closes the descriptor ({@code lo_close}); nothing is sent after the transaction ended. */
    CompletionStage<Void> close();
}
