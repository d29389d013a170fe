package io.tusk.internal.protocol.frontend;

import io.tusk.internal.protocol.WriteBuffer;

/** The Sync message ('S'): closes an extended-query exchange: the server answers ReadyForQuery after it. */
public enum Sync implements FrontendMessage {
    INSTANCE;

    @Override
    public void encode(WriteBuffer out) {
        out.beginMessage((byte) 'S').endMessage();
    }
}
