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
}
