package io.tusk.internal.protocol.frontend;

import io.tusk.internal.protocol.WriteBuffer;

/** The SSLRequest: asks the server to switch to TLS; it answers one byte, 'S' or 'N'. */
public enum SslRequest implements FrontendMessage {
    INSTANCE;

    /** The request code, 1234 in the high and 5679 in the low 16 bits. */
    public static final int CODE = 80877103;

    @Override
    public void encode(WriteBuffer out) {
        out.beginUntypedMessage().int32(CODE).endMessage();
    }
}
