package io.tusk;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A PostgreSQL large object opened on the server: psycopg2's {@code lobject}, a file-like value
 * of up to 4 TB stored in {@code pg_largeobject} and read and written by descriptor
 * ({@code lo_open}, {@code loread}, {@code lowrite}, {@code lo_lseek64}, ...).
 *
 * <pre>{@code
 * conn.setAutocommit(false);                     // large objects live in transactions
 * long oid;
 * try (LargeObject lo = conn.largeObject()) {    // a new one, opened for writing
 *     lo.write(bytes);
 *     oid = lo.oid();
 * }
 * conn.commit();
 * try (LargeObject lo = conn.largeObject(oid, "rb"); InputStream in = lo.inputStream()) {
 *     in.transferTo(out);
 * }
 * }</pre>
 *
 * <p>Modes as in psycopg2: {@code r}, {@code w}, {@code rw} or {@code n} (not opened: only
 * {@link #export}, {@link #unlink} and {@link #oid} work), followed by {@code b} (binary, the
 * default here) or {@code t} (text). Java's methods are typed, so the suffix only documents the
 * intent: {@link #read(int)} returns bytes and {@link #readString(int)} decodes them with the
 * connection's encoding, in either mode. A new object is opened for writing (as psycopg2 does);
 * the server allows reading from a descriptor opened for writing.
 *
 * <p>A descriptor is valid only in the transaction that opened it: large objects cannot be used
 * in autocommit mode, and after commit or rollback this object raises ProgrammingException
 * ("not valid anymore"). Positions and sizes are 64-bit ({@code lo_lseek64}, {@code lo_tell64},
 * {@code lo_truncate64}).
 *
 * <p>Calls are sent with the protocol's fast path (FunctionCall), one round trip each; reads
 * and writes move data in chunks of 1 MB, so {@link #export}, the streams and an import from a
 * file use constant memory.
 */
public interface LargeObject extends AutoCloseable {
    /** {@code seek} from the start. */
    int SEEK_SET = 0;
    /** {@code seek} from the current position. */
    int SEEK_CUR = 1;
    /** {@code seek} from the end. */
    int SEEK_END = 2;

    /** The large object's OID. */
    long oid();

    /** The mode it was opened in, normalised as psycopg2 shows it: {@code rb}, {@code wt}, {@code rwb}, {@code n}. */
    String mode();

    /** Up to {@code size} bytes from the current position; {@code -1} reads to the end. Empty at the end. */
    byte[] read(int size);

    /** {@link #read(int)} decoded with the connection's encoding (psycopg2's {@code t} mode). */
    String readString(int size);

    /** Writes {@code data} at the current position; returns the number of bytes written. */
    int write(byte[] data);

    /** Writes a part of {@code data}; returns the number of bytes written. */
    int write(byte[] data, int offset, int length);

    /** Writes {@code text} encoded with the connection's encoding; returns the number of bytes written. */
    int write(String text);

    /** Moves the position ({@link #SEEK_SET}, {@link #SEEK_CUR}, {@link #SEEK_END}); returns the new one. */
    long seek(long offset, int whence);

    /** {@code seek(offset, SEEK_SET)}. */
    long seek(long offset);

    /** The current position. */
    long tell();

    /** Cuts (or extends with zeros) the object to {@code length} bytes; the position does not move. */
    void truncate(long length);

    /** Truncates to 0 bytes, as psycopg2's {@code truncate()} does. */
    void truncate();

    /**
     * Writes the whole object to a file on the client (libpq's {@code lo_export}: read through a
     * descriptor of its own, in chunks; the file is replaced).
     */
    void export(Path file);

    /** Reads from the current position; closing the stream does not close this object. */
    InputStream inputStream();

    /** Writes at the current position; closing the stream does not close this object. */
    OutputStream outputStream();

    /** Closes the object (if still open) and removes it from the database ({@code lo_unlink}). */
    void unlink();

    boolean isClosed();

    /** Closes the descriptor ({@code lo_close}); nothing to do after the transaction ended. Calling it again does nothing. */
    @Override
    void close();
}
