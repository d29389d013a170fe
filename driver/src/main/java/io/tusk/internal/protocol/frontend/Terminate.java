package io.tusk.internal.protocol.frontend;

import io.tusk.internal.protocol.WriteBuffer;

/** The Terminate message ('X'): says goodbye before the client closes the connection. */
public enum Terminate implements FrontendMessage {
    INSTANCE;

    @Override
    public void encode(WriteBuffer out) {
        out.beginMessage((byte) 'X').endMessage();
    }
}
