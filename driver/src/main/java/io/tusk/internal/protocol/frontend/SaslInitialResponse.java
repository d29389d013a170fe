package io.tusk.internal.protocol.frontend;

import io.tusk.internal.protocol.WriteBuffer;

/** The SASLInitialResponse ('p'): the chosen mechanism and the client-first-message. */
public record SaslInitialResponse(String mechanism, byte[] data) implements FrontendMessage {
    @Override
    public void encode(WriteBuffer out) {
        out.beginMessage((byte) 'p').cstring(mechanism);
        if (data == null) {
            out.int32(-1);
        } else {
            out.int32(data.length).bytes(data);
        }
        out.endMessage();
    }

    @Override
    public String toString() {
        return "SaslInitialResponse[" + mechanism + "]";
    }
}
