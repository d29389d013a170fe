package io.tusk.internal.protocol.frontend;

import io.tusk.internal.protocol.WriteBuffer;

/** The Flush message ('H'): asks the server to send what it has produced so far, without ending the exchange. */
public enum Flush implements FrontendMessage {
    INSTANCE;

    @Override
    public void encode(WriteBuffer out) {
        out.beginMessage((byte) 'H').endMessage();
    }
}
