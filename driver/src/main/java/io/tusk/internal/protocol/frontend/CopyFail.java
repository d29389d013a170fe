package io.tusk.internal.protocol.frontend;

import io.tusk.internal.protocol.WriteBuffer;

/** The CopyFail message ('f'): aborts COPY FROM STDIN with a reason the server reports back. */
public record CopyFail(String reason) implements FrontendMessage {
    @Override
    public void encode(WriteBuffer out) {
        out.beginMessage((byte) 'f').cstring(reason).endMessage();
    }
}
