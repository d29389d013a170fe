package io.tusk.internal.protocol.frontend;

import io.tusk.internal.protocol.WriteBuffer;

/** The GSSENCRequest: asks for GSSAPI encryption; Tusk sends it only in tests of the refusal path. */
public enum GssEncRequest implements FrontendMessage {
    INSTANCE;

    public static final int CODE = 80877104;

    @Override
    public void encode(WriteBuffer out) {
        out.beginUntypedMessage().int32(CODE).endMessage();
    }
}
