package io.tusk.internal.protocol.frontend;

import io.tusk.internal.protocol.WriteBuffer;

/** The CopyDone message ('c'): ends the data the client sends in COPY FROM STDIN. */
public enum CopyDone implements FrontendMessage {
    INSTANCE;

    @Override
    public void encode(WriteBuffer out) {
        out.beginMessage((byte) 'c').endMessage();
    }
}
