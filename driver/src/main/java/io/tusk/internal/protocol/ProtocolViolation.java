package io.tusk.internal.protocol;

import io.tusk.errors.OperationalException;

/**
 * The server sent something the protocol does not allow: a bad length, an unknown message type,
 * a truncated field, a message out of place. The connection cannot be trusted after it and is
 * closed; the message says what was wrong.
 */
public final class ProtocolViolation extends OperationalException {
    private static final long serialVersionUID = 1L;

    public ProtocolViolation(String message) {
        super("protocol violation: " + message);
    }

    public ProtocolViolation(String message, Throwable cause) {
        super("protocol violation: " + message, cause);
    }
}
