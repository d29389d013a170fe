package io.tusk.internal.protocol.frontend;

import io.tusk.internal.protocol.WriteBuffer;

/** The GSSResponse message ('p'): a GSSAPI or SSPI token. */
public record GssResponse(byte[] data) implements FrontendMessage {
    @Override
    public void encode(WriteBuffer out) {
        out.beginMessage((byte) 'p').bytes(data).endMessage();
    }
}
