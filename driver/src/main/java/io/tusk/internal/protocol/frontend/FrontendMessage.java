package io.tusk.internal.protocol.frontend;

import io.tusk.internal.protocol.WriteBuffer;

/** A message from the client to the server (protocol "Message Formats", marked F). */
public interface FrontendMessage {
    /** Appends the complete message, type byte and length included, to {@code out}. */
    void encode(WriteBuffer out);
}
