package io.tusk.internal.cursor;

import io.tusk.internal.protocol.WriteBuffer;

/**
 * The rows of an {@code executemany}, one at a time: each row is first prepared (parameters
 * bound and dumped: where a bad row fails) and then encoded as extended-query messages.
 * Preparing apart from encoding keeps a failing row from leaving half a message in the buffer.
 */
public interface BatchSource {
    /** Binds and dumps the next row; false when there is none. Throws for bad parameters. */
    boolean prepareNext();

    /** Encodes the prepared row (Parse when needed, Bind, Describe when results are kept, Execute). */
    void encodePrepared(WriteBuffer out);
}
