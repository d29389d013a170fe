package io.tusk.internal.protocol.frontend;

import io.tusk.internal.protocol.WriteBuffer;

/** The SASLResponse ('p'): the next SASL message of the client (SCRAM's client-final-message). */
public record SaslResponse(byte[] data) implements FrontendMessage {
    @Override
    public void encode(WriteBuffer out) {
        out.beginMessage((byte) 'p').bytes(data).endMessage();
    }

    @Override
    public String toString() {
        return "SaslResponse[" + data.length + " bytes]";
    }
}
