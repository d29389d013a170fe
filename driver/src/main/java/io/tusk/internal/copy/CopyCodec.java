package io.tusk.internal.copy;

import io.tusk.adapt.Format;
import io.tusk.adapt.Loader;
import io.tusk.errors.InterfaceException;
import io.tusk.errors.ProgrammingException;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.protocol.backend.CopyResponse;
import java.nio.charset.Charset;

/**
 * The data side of one COPY, the same for the blocking {@link CopyImpl} and the
 * {@link AsyncCopyImpl}; only how they wait differs. Going in: rows rendered by the
 * {@link CopyRowEncoder} and all bytes gathered into CopyData messages of {@link #CHUNK} bytes
 * (psycopg sends the same order of size), so memory stays at one message. Coming out: rows
 * parsed by the {@link CopyRowReader} from the messages as they come. Also the column types of
 * {@code setTypes} and the words both use when a call does not fit the COPY.
 *
 * <p>Not thread-safe: the COPY objects guard it.
 */
final class CopyCodec {
    /** Outgoing data is sent in CopyData messages of about this size. */
    static final int CHUNK = 64 * 1024;

    /** Where each full message of outgoing data goes. */
    interface Chunks {
        void send(byte[] data, int length);
    }

    private final Transformer transformer;
    private final Charset charset;
    private final boolean writing;
    private final boolean binary;
    /** True: each message sent is handed over (to another thread) and a new buffer starts; false: the buffer is reused. */
    private final boolean handsOver;
    private final CopyRowEncoder encoder;
    private byte[] chunk;
    private int length;
    /** A write failed in the client: the COPY is to be aborted rather than store a part of it. */
    private boolean failed;
    private CopyRowReader reader;
    /** The loaders {@code setTypes} declared for reading; null: text as String, binary as byte[]. */
    private volatile Loader<?>[] loaders;

    CopyCodec(Transformer transformer, Charset charset, CopyResponse response, boolean handsOver) {
        this.transformer = transformer;
        this.charset = charset;
        this.writing = response.direction() == CopyResponse.Direction.IN;
        this.binary = response.format() == 1;
        this.handsOver = handsOver;
        this.encoder = writing ? new CopyRowEncoder(transformer, binary) : null;
        this.chunk = writing ? new byte[CHUNK] : null;
    }

    boolean writing() {
        return writing;
    }

    boolean binary() {
        return binary;
    }

    Charset charset() {
        return charset;
    }

    // ---- COPY FROM STDIN

    /** Gathers into the current message, sending each one that is full. */
    void append(byte[] b, int off, int len, Chunks out) {
        while (len > 0) {
            if (length == CHUNK) {
                sendChunk(out);
            }
            int n = Math.min(len, CHUNK - length);
            System.arraycopy(b, off, chunk, length, n);
            length += n;
            off += n;
            len -= n;
        }
    }

    void append(String data, Chunks out) {
        byte[] b = data.getBytes(charset);
        append(b, 0, b.length, out);
    }

    /** Renders a row and gathers it; a value that cannot be rendered sends nothing and marks the COPY failed. */
    void row(Object[] values, Chunks out) {
        try {
            encoder.encode(values);
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
        append(encoder.array(), 0, encoder.size(), out);
    }

    /** The end of the data: the binary trailer if rows were written, and what is gathered. */
    void rest(Chunks out) {
        encoder.trailer();
        append(encoder.array(), 0, encoder.size(), out);
        sendChunk(out);
    }

    /** Forgets what is gathered (the COPY is aborted: it is never sent). */
    void drop() {
        length = 0;
    }

    private void sendChunk(Chunks out) {
        if (length > 0) {
            byte[] c = chunk;
            int n = length;
            if (handsOver) {
                chunk = new byte[CHUNK];
            }
            length = 0;
            out.send(c, n);
        }
    }

    void markFailed() {
        failed = true;
    }

    boolean failed() {
        return failed;
    }

    // ---- types

    /** psycopg's set_types: how readRow loads each column, and (COPY FROM STDIN) what writeRow converts to. */
    void setTypes(int... oids) {
        Format f = binary ? Format.BINARY : Format.TEXT;
        Loader<?>[] l = new Loader<?>[oids.length];
        for (int i = 0; i < oids.length; i++) {
            l[i] = transformer.loaderFor(oids[i], f);
        }
        loaders = l;
        if (writing) {
            encoder.declare(oids);
        }
    }

    void setTypes(String... typeNames) {
        setTypes(CopyRowEncoder.oidsOf(transformer, typeNames));
    }

    // ---- COPY TO STDOUT rows: nextRow() until null, then add() the next message, or lastRow() at the end

    /** The next whole row of what was added, or null when it needs more data (or after the binary trailer). */
    Object[] nextRow() {
        return reader().next(loaders);
    }

    /** Adds a message of data; after the binary trailer the rest is only read to the end. */
    void add(byte[] data) {
        if (!reader().finished()) {
            reader.add(data);
        }
    }

    /** At the end of the data: the last text row without a newline, or null. */
    Object[] lastRow() {
        return reader().last(loaders);
    }

    private CopyRowReader reader() {
        if (reader == null) {
            reader = new CopyRowReader(binary, charset);
        }
        return reader;
    }

    // ---- the words for a call that does not fit the COPY

    /** {@code use}: the calls that read, on this front end. */
    static ProgrammingException notWriting(String use) {
        return new ProgrammingException("this COPY sends data to the client (COPY TO STDOUT): use " + use);
    }

    static ProgrammingException notReading() {
        return new ProgrammingException("this COPY receives data from the client (COPY FROM STDIN): use write() or writeRow()");
    }

    static InterfaceException ended() {
        return new InterfaceException("the COPY has ended: start a new one");
    }

    /** The reason sent with CopyFail when a write failed in the client. */
    static final String WRITE_FAILED = "a write to the COPY failed in the client";
}
