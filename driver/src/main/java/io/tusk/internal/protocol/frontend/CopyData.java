package io.tusk.internal.protocol.frontend;

import io.tusk.internal.protocol.WriteBuffer;

/** A CopyData message ('d') from the client: a chunk of COPY FROM STDIN data. */
public record CopyData(byte[] data, int offset, int length) implements FrontendMessage {
    public CopyData(byte[] data) {
        this(data, 0, data.length);
    }

    @Override
    public void encode(WriteBuffer out) {
        out.beginMessage((byte) 'd').bytes(data, offset, length).endMessage();
    }
}
