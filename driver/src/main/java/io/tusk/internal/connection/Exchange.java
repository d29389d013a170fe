package io.tusk.internal.connection;

import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.BackendMessage;

/**
 * One protocol operation as a state machine, free of I/O (psycopg's generators): it encodes
 * its request, is fed the server's messages one by one and says when it is done. The blocking
 * connection drives it by reading; an asynchronous front end can drive the same object from a
 * selector.
 *
 * <p>Asynchronous messages (NoticeResponse, NotificationResponse, ParameterStatus) are taken
 * out of the stream before they reach an exchange.
 *
 * @param <T> what the operation produces
 */
public interface Exchange<T> {
    /** Encodes the messages that start the operation. */
    void start(WriteBuffer out);

    /**
     * Handles one message; may encode more messages into {@code out} (authentication answers,
     * COPY data). Returns true when the operation is complete.
     */
    boolean handle(BackendMessage message, WriteBuffer out);

    /** The outcome, once complete; throws the server's error if the operation failed. */
    T result();

    /**
     * True while the exchange waits for its caller rather than for the server: it has handed
     * over what the caller paces (a batch of streamed rows, COPY data) or needs the caller's
     * input (rows to write, the next pipelined statement). The session then stops feeding it
     * messages until the caller resumes it ({@code Session.resume}, {@code AsyncSession.resume}).
     * The server's replies wait in the stream meanwhile, which is the back-pressure: the socket
     * is not read while nobody takes what was read.
     *
     * <p>Most exchanges never pause; those that do are driven by both front ends the same way,
     * so COPY, streaming and pipelining are each written once.
     */
    default boolean awaitsCaller() {
        return false;
    }
}
